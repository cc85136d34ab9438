package io.betterauth.jakarta.core.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * Better Auth's password hash: scrypt (N=16384, r=16, p=1, 64-byte key) over the NFKC-normalised password, with a
 * random 16-byte salt whose <em>hex string</em> is the salt input, stored as {@code saltHex:keyHex}. A hash written
 * by a Node Better Auth verifies here and the other way round. Comparison is constant-time. The derivation is
 * {@link ScryptKdf}'s. Unbounded: each derivation in flight holds {@link PasswordHasher#MEMORY_PER_HASH} bytes, so
 * callers go through {@link PasswordHasher}.
 */
public final class Scrypt implements io.betterauth.jakarta.spi.PasswordHasher {

    private static final int N = 16384;
    private static final int R = 16;
    private static final int P = 1;
    private static final int KEY_LENGTH = 64;
    /** What one derivation allocates: scrypt's {@code V} array, {@code 128·r·N} bytes (32 MiB). */
    static final long MEMORY_PER_HASH = 128L * R * N;
    private static final HexFormat HEX = HexFormat.of();
    /** One per class loader, so its pool of scratch memory is bounded for the whole application. */
    private static final ScryptKdf KDF = new ScryptKdf(N, R, P, KEY_LENGTH, ScryptKdf.defaultPooled(MEMORY_PER_HASH));

    private final SecureRandom random;

    public Scrypt() {
        this(new SecureRandom());
    }

    public Scrypt(SecureRandom random) {
        this.random = random;
    }

    @Override
    public String hash(String password) {
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = HEX.formatHex(saltBytes);
        return salt + ":" + HEX.formatHex(derive(password, salt));
    }

    /** False for a wrong password and for a stored value that is not in Better Auth's format. */
    @Override
    public boolean verify(String stored, String password) {
        if (stored == null) {
            return false;
        }
        int colon = stored.indexOf(':');
        if (colon <= 0 || colon == stored.length() - 1) {
            return false;
        }
        byte[] expected;
        try {
            expected = HEX.parseHex(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return ConstantTime.equal(expected, derive(password, stored.substring(0, colon)));
    }

    private static byte[] derive(String password, String salt) {
        byte[] pw = Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        return KDF.derive(pw, salt.getBytes(StandardCharsets.UTF_8));
    }
}
