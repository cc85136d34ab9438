package io.betterauth.jakarta.core.plugin.jwt;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * XChaCha20-Poly1305 as {@code @noble/ciphers}' {@code managedNonce(xchacha20poly1305)} lays it out: a 24-byte
 * nonce, then the ciphertext, then the 16-byte tag; no associated data. The JDK has IETF ChaCha20-Poly1305 (12-byte
 * nonce) but not the extended-nonce variant, so HChaCha20 (draft-irtf-cfrg-xchacha §2.2) derives the subkey from the
 * first 16 nonce bytes and the JDK cipher runs with {@code 0x00000000 ‖ nonce[16..24]}. Hand-written because Better
 * Auth's stored keys need exactly this cipher and the JDK-only route avoids Google Tink (see the package-info).
 */
final class XChaCha20Poly1305 {

    static final int NONCE_LENGTH = 24;
    static final int TAG_LENGTH = 16;
    private static final int[] SIGMA = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};

    private XChaCha20Poly1305() {
    }

    /** {@code nonce ‖ ciphertext ‖ tag} of {@code plaintext} under a 32-byte key. */
    static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext) {
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("XChaCha20-Poly1305 needs a 24-byte nonce");
        }
        byte[] sealed;
        try {
            sealed = run(Cipher.ENCRYPT_MODE, key, nonce, plaintext, 0, plaintext.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 is not available", e);
        }
        byte[] out = Arrays.copyOf(nonce, NONCE_LENGTH + sealed.length);
        System.arraycopy(sealed, 0, out, NONCE_LENGTH, sealed.length);
        return out;
    }

    /**
     * The plaintext of {@code nonce ‖ ciphertext ‖ tag}.
     *
     * @throws GeneralSecurityException when the input is too short or the tag does not match (wrong key, altered data)
     */
    static byte[] open(byte[] key, byte[] sealed) throws GeneralSecurityException {
        if (sealed.length < NONCE_LENGTH + TAG_LENGTH) {
            throw new GeneralSecurityException("ciphertext too short");
        }
        return run(Cipher.DECRYPT_MODE, key, Arrays.copyOf(sealed, NONCE_LENGTH), sealed, NONCE_LENGTH,
                sealed.length - NONCE_LENGTH);
    }

    private static byte[] run(int mode, byte[] key, byte[] nonce, byte[] in, int offset, int length)
            throws GeneralSecurityException {
        byte[] iv = new byte[12];
        System.arraycopy(nonce, 16, iv, 4, 8);
        byte[] subkey = hChaCha20(key, nonce);
        try {
            Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
            cipher.init(mode, new SecretKeySpec(subkey, "ChaCha20"), new IvParameterSpec(iv));
            return cipher.doFinal(in, offset, length);
        } finally {
            Arrays.fill(subkey, (byte) 0);
        }
    }

    /** HChaCha20(key, nonce[0..16]): ChaCha20's 20 rounds without the final addition, words 0–3 and 12–15. */
    static byte[] hChaCha20(byte[] key, byte[] nonce) {
        if (key.length != 32) {
            throw new IllegalArgumentException("XChaCha20-Poly1305 needs a 32-byte key");
        }
        int[] s = new int[16];
        System.arraycopy(SIGMA, 0, s, 0, 4);
        for (int i = 0; i < 8; i++) {
            s[4 + i] = littleEndian(key, 4 * i);
        }
        for (int i = 0; i < 4; i++) {
            s[12 + i] = littleEndian(nonce, 4 * i);
        }
        for (int i = 0; i < 10; i++) {
            quarterRound(s, 0, 4, 8, 12);
            quarterRound(s, 1, 5, 9, 13);
            quarterRound(s, 2, 6, 10, 14);
            quarterRound(s, 3, 7, 11, 15);
            quarterRound(s, 0, 5, 10, 15);
            quarterRound(s, 1, 6, 11, 12);
            quarterRound(s, 2, 7, 8, 13);
            quarterRound(s, 3, 4, 9, 14);
        }
        byte[] out = new byte[32];
        int[] words = {0, 1, 2, 3, 12, 13, 14, 15};
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 4; j++) {
                out[4 * i + j] = (byte) (s[words[i]] >>> (8 * j));
            }
        }
        Arrays.fill(s, 0);
        return out;
    }

    private static void quarterRound(int[] s, int a, int b, int c, int d) {
        s[a] += s[b];
        s[d] = Integer.rotateLeft(s[d] ^ s[a], 16);
        s[c] += s[d];
        s[b] = Integer.rotateLeft(s[b] ^ s[c], 12);
        s[a] += s[b];
        s[d] = Integer.rotateLeft(s[d] ^ s[a], 8);
        s[c] += s[d];
        s[b] = Integer.rotateLeft(s[b] ^ s[c], 7);
    }

    private static int littleEndian(byte[] b, int o) {
        return (b[o] & 255) | (b[o + 1] & 255) << 8 | (b[o + 2] & 255) << 16 | (b[o + 3] & 255) << 24;
    }
}
