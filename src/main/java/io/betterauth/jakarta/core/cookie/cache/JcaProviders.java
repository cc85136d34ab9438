package io.betterauth.jakarta.core.cookie.cache;

import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jca.JWEJCAContext;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;

/**
 * Gives a Nimbus signer, verifier, encrypter or decrypter the JCA providers it would find itself. Without one,
 * Nimbus calls {@code Cipher.getInstance(name)} and {@code Mac.getInstance(name)} on every operation, which searches
 * the installed providers each time; with the provider the same search answers once, at start-up, every later
 * instance comes from that provider directly. The algorithms and their implementations are unchanged.
 */
public final class JcaProviders {

    /** What A256CBC-HS512 encrypts with ({@code AESCBC} in Nimbus). */
    private static final String AES_CBC = "AES/CBC/PKCS5Padding";
    /** A256CBC-HS512's MAC. */
    private static final String HMAC_SHA512 = "HmacSHA512";

    private JcaProviders() {
    }

    /** The provider of {@code dir} + A256CBC-HS512's cipher and MAC, and one shared random source for IVs. */
    public static void assign(JWEJCAContext context) {
        context.setContentEncryptionProvider(cipherProvider(AES_CBC));
        context.setMACProvider(macProvider(HMAC_SHA512));
        context.setSecureRandom(new SecureRandom());
    }

    /** The provider of {@code macAlgorithm} (e.g. {@code HmacSHA256}) for an HMAC signer or verifier. */
    public static void assign(JCAContext context, String macAlgorithm) {
        context.setProvider(macProvider(macAlgorithm));
    }

    private static Provider cipherProvider(String transformation) {
        try {
            return Cipher.getInstance(transformation).getProvider();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " is not available", e);
        }
    }

    private static Provider macProvider(String algorithm) {
        try {
            return Mac.getInstance(algorithm).getProvider();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
