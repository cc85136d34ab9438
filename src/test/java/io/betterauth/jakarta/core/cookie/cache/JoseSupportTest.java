package io.betterauth.jakarta.core.cookie.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.Base64URL;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The token parse the JOSE caches use reads the same bytes as Nimbus's own parse. */
class JoseSupportTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    /** {"alg":"HS256"} and {"alg":"dir","enc":"A256CBC-HS512"}: headers Nimbus parses. */
    private static final String JWS_HEADER = "eyJhbGciOiJIUzI1NiJ9";
    private static final String JWE_HEADER = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0";

    @Test
    void parsedParts_decodeAsNimbusDecodesThem_atEveryLength() throws Exception {
        Random random = new Random(20);
        for (int round = 0; round < 20_000; round++) {
            String payload = text(random, round % 64);
            String signature = text(random, 1 + random.nextInt(90));
            String jws = JWS_HEADER + "." + payload + "." + signature;
            JWSObject fast = JoseSupport.parseJws(jws);
            JWSObject nimbus = JWSObject.parse(jws);
            assertThat(fast.getPayload().toBytes()).as(jws).isEqualTo(nimbus.getPayload().toBytes());
            assertThat(fast.getSignature().decode()).as(jws).isEqualTo(nimbus.getSignature().decode());
            assertThat(fast.getHeader().toJSONObject()).isEqualTo(nimbus.getHeader().toJSONObject());

            String jwe = JWE_HEADER + ".." + text(random, 22) + "." + payload + "." + signature;
            JWEObject fastJwe = JoseSupport.parseJwe(jwe);
            JWEObject nimbusJwe = JWEObject.parse(jwe);
            assertThat(fastJwe.getCipherText().decode()).as(jwe).isEqualTo(nimbusJwe.getCipherText().decode());
            assertThat(fastJwe.getAuthTag().decode()).as(jwe).isEqualTo(nimbusJwe.getAuthTag().decode());
            assertThat(fastJwe.getIV().decode()).isEqualTo(nimbusJwe.getIV().decode());
        }
    }

    @Test
    void aPartThatIsNotBase64url_isLeftToNimbus() throws Exception {
        // Never reached by a cookie (wellFormed refuses it first), but decoded as Nimbus decodes it all the same.
        String jws = JWS_HEADER + ".ab+c/d==.e f";
        assertThat(JoseSupport.parseJws(jws).getPayload().toBytes())
                .isEqualTo(JWSObject.parse(jws).getPayload().toBytes());
        assertThat(JoseSupport.parseJws(jws).getSignature().decode())
                .isEqualTo(new Base64URL("e f").decode());
    }

    private static String text(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
