package io.betterauth.jakarta.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;

/**
 * {@link ScryptKdf} derives exactly what Bouncy Castle's {@code SCrypt.generate} (which Better Auth's hashes were
 * verified against before) and RFC 7914 do. Better Auth's own hashes are {@link PasswordHasherTest}'s.
 */
class ScryptKdfTest {

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void rfc7914TestVectors() {
        assertThat(new ScryptKdf(16, 1, 1, 64, 0).derive(utf8(""), utf8(""))).isEqualTo(hex(
                "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"));
        assertThat(new ScryptKdf(1024, 8, 16, 64, 1).derive(utf8("password"), utf8("NaCl"))).isEqualTo(hex(
                "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"));
        assertThat(new ScryptKdf(16384, 8, 1, 64, 1).derive(utf8("pleaseletmein"), utf8("SodiumChloride")))
                .isEqualTo(hex("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                        + "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"));
    }

    @Test
    void equalsBouncyCastle_onRandomInputsAndParameters_withItsScratchReused() {
        SplittableRandom random = new SplittableRandom(20);
        for (int run = 0; run < 120; run++) {
            int n = 2 << random.nextInt(10);
            int r = 1 + random.nextInt(8);
            int p = 1 + random.nextInt(3);
            int keyLength = 1 + random.nextInt(100);
            ScryptKdf kdf = new ScryptKdf(n, r, p, keyLength, random.nextInt(2));
            for (int use = 0; use < 2; use++) {
                byte[] password = new byte[random.nextInt(80)];
                byte[] salt = new byte[random.nextInt(80)];
                random.nextBytes(password);
                random.nextBytes(salt);
                assertThat(kdf.derive(password, salt)).as("N=%d r=%d p=%d dkLen=%d", n, r, p, keyLength)
                        .isEqualTo(SCrypt.generate(password, salt, n, r, p, keyLength));
            }
        }
    }

    @Test
    void equalsBouncyCastle_atBetterAuthsParameters() {
        ScryptKdf kdf = new ScryptKdf(16384, 16, 1, 64, 1);
        for (String password : new String[] {"", "test123456", "p\u00e4ssw\u00f6rd-\u00c5\u03a9"}) {
            byte[] salt = utf8("7b4b0506ab21d766e17c68a00a99daff");
            assertThat(kdf.derive(utf8(password), salt)).as(password)
                    .isEqualTo(SCrypt.generate(utf8(password), salt, 16384, 16, 1, 64));
        }
    }

    @Test
    void parametersOutsideScrypts_areRefused() {
        assertThatThrownBy(() -> new ScryptKdf(1000, 8, 1, 64, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScryptKdf(1, 8, 1, 64, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScryptKdf(16, 0, 1, 64, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScryptKdf(1 << 30, 8, 1, 64, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
