package io.betterauth.jakarta.core.cookie.cache;

import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.SecretRing;
import io.betterauth.jakarta.testing.LogCapture;
import static io.betterauth.jakarta.testing.CookieCacheFixtures.NOW;
import static io.betterauth.jakarta.testing.CookieCacheFixtures.SECRET;
import static io.betterauth.jakarta.testing.CookieCacheFixtures.trickyData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.MACSigner;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Java-minted caches: round trips with hostile strings, the canonical signed text, misses that must never throw,
 * algorithm restrictions and secret rotation, for all three strategies. Fixed clock, no sleeping.
 */
class CookieCacheCodecTest {

    private static final String OLD = "old-secret-0123456789-0123456789-abcdef";
    private static final String NEW = "new-secret-0123456789-0123456789-abcdef";
    private static final String NEWER = "newer-secret-0123456789-0123456789-abcd";
    private final SecretRing ring = SecretRing.single(SECRET);

    private static CookieCacheCodec codec(CookieCacheStrategy strategy, SecretRing ring) {
        return CookieCacheCodec.create(strategy, ring);
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void javaMintedCache_withHostileStrings_roundTrips(CookieCacheStrategy strategy) {
        SessionData data = trickyData();
        CookieCacheCodec codec = codec(strategy, ring);
        assertThat(codec.strategy()).isEqualTo(strategy);
        String value = codec.encode(data, NOW, 300);
        assertThat(value).matches("[A-Za-z0-9_.-]+"); // needs no URL encoding in Set-Cookie
        DecodedCache decoded = codec.decode(value, NOW + 1000).orElseThrow();
        assertThat(decoded.data()).isEqualTo(data);
        assertThat(decoded.data().user().image()).isNull();
        assertThat(decoded.data().session().ipAddress()).isNull();
        assertThat(decoded.currentSecret()).isTrue();
        assertThat(decoded.secretVersion()).isZero();
        assertThat(decoded.expiresAtMs()).isEqualTo(NOW + 300_000);
        assertThat(decoded.expiredAt(NOW + 300_000)).isFalse();
        assertThat(decoded.expiredAt(NOW + 300_001)).isTrue();
    }

    @Test
    void compact_signsTheCanonicalJsJsonText_withExpiresAtAppendedLast() throws Exception {
        SessionData data = trickyData();
        String value = codec(CookieCacheStrategy.COMPACT, ring).encode(data, NOW, 300);
        String outer = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
        String canonical = data.toJsonString();
        long expiresAt = NOW + 300_000;
        String signed = canonical.substring(0, canonical.length() - 1) + ",\"expiresAt\":" + expiresAt + "}";
        assertThat(CompactCookieCacheCodec.signedText(data.toJson(), expiresAt)).isEqualTo(signed);
        assertThat(outer).isEqualTo("{\"session\":" + canonical + ",\"expiresAt\":" + expiresAt + ",\"signature\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(SECRET, signed)) + "\"}");
        // Spot-check the escaping rules of §3.2 in the signed text.
        assertThat(signed).contains("\\\"Q\\\"", "\\\\ back\\\\slash", "\\u0000\\u0001\\u001f\u007f",
                "\\b\\f\\n\\r\\t", "</script>&<b>", "\u2028\u2029", "中文 😀", "lone\\ud800", "\"image\":null",
                "\"ipAddress\":null", "\"emailVerified\":true", "\"updatedAt\":" + (NOW + 5) + ",\"version\":\"1\"");
    }

    @Test
    void compact_dontRemember_embedsSixtySeconds_jwtAndJweThreeHundred() {
        assertThat(CookieCacheStrategy.COMPACT.lifetimeSeconds(null)).isEqualTo(60);
        assertThat(CookieCacheStrategy.JWT.lifetimeSeconds(null)).isEqualTo(300);
        assertThat(CookieCacheStrategy.JWE.lifetimeSeconds(null)).isEqualTo(300);
        assertThat(CookieCacheStrategy.COMPACT.lifetimeSeconds(0L)).isEqualTo(60);
        assertThat(CookieCacheStrategy.JWE.lifetimeSeconds(604_800L)).isEqualTo(604_800);
        CookieCacheCodec compact = codec(CookieCacheStrategy.COMPACT, ring);
        String value = compact.encode(trickyData(), NOW, CookieCacheStrategy.COMPACT.lifetimeSeconds(null));
        assertThat(compact.decode(value, NOW).orElseThrow().expiresAtMs()).isEqualTo(NOW + 60_000);
    }

    @Test
    void strategy_parsesConfigValues() {
        assertThat(CookieCacheStrategy.parse("compact")).isEqualTo(CookieCacheStrategy.COMPACT);
        assertThat(CookieCacheStrategy.parse(" JWT ")).isEqualTo(CookieCacheStrategy.JWT);
        assertThat(CookieCacheStrategy.parse("jwe")).isEqualTo(CookieCacheStrategy.JWE);
        assertThatThrownBy(() -> CookieCacheStrategy.parse("jws")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'compact', 'jwt' or 'jwe'");
        assertThatThrownBy(() -> CookieCacheStrategy.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void malformedValues_areMisses_neverExceptions(CookieCacheStrategy strategy) {
        CookieCacheCodec codec = codec(strategy, ring);
        String otherCompact = codec(CookieCacheStrategy.COMPACT, ring).encode(trickyData(), NOW, 300);
        String otherJwt = codec(CookieCacheStrategy.JWT, ring).encode(trickyData(), NOW, 300);
        String otherJwe = codec(CookieCacheStrategy.JWE, ring).encode(trickyData(), NOW, 300);
        for (String value : new String[] {"a.b.c", "%%%", "!!!!", "", null, "....", "a.b.c.d.e", "e30", "bnVsbA",
                "W10", "eyJzZXNzaW9uIjp7fX0", "e30.e30.", "😀", "\u0000",
                b64("{\"session\":{},\"expiresAt\":1e9999999999,\"signature\":\"\"}"),
                b64("{\"session\":{},\"expiresAt\":1e999,\"signature\":\"\"}"), strategy == CookieCacheStrategy.COMPACT
                        ? otherJwt : otherCompact,
                strategy == CookieCacheStrategy.JWE ? otherJwt : otherJwe}) {
            assertThat(codec.decode(value, NOW)).as(strategy + " " + value).isEmpty();
        }
    }

    @Test
    void compact_tamperedSignatureOrPayload_wrongSecret_orExpired_areMisses() { // T-27
        CookieCacheCodec codec = codec(CookieCacheStrategy.COMPACT, ring);
        String value = codec.encode(trickyData(), NOW, 300);
        String outer = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
        String sig = outer.substring(outer.lastIndexOf(":\"") + 2, outer.length() - 2);
        String flipped = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);
        assertThat(codec.decode(b64(outer.replace(sig, flipped)), NOW)).isEmpty();
        assertThat(codec.decode(b64(outer.replace("\"emailVerified\":true", "\"emailVerified\":false")), NOW))
                .isEmpty();
        assertThat(codec.decode(b64(outer.replace("\"expiresAt\":" + (NOW + 300_000),
                "\"expiresAt\":" + (NOW + 900_000))), NOW)).isEmpty();
        assertThat(codec(CookieCacheStrategy.COMPACT, SecretRing.single(OLD)).decode(value, NOW)).isEmpty();
        assertThat(codec.decode(value, NOW + 300_001)).isEmpty();
        // Either base64 alphabet, and padding, are accepted for the value and the signature, as in Better Auth.
        String standard = Base64.getEncoder().encodeToString(outer.getBytes(StandardCharsets.UTF_8));
        assertThat(codec.decode(standard, NOW)).isPresent();
        String standardSig = Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(sig));
        assertThat(codec.decode(b64(outer.replace(sig, standardSig)), NOW)).isPresent();
    }

    @Test
    void compact_verifiesTheRawSessionText_soNonCanonicalButSignedJsonStillVerifies() throws Exception {
        // What a Node peer signs is the text it emitted; we verify that text, never a re-serialisation of it.
        String session = "{\"session\":{\"id\":\"s\",\"token\":\"t\",\"userId\":\"u\",\"expiresAt\":"
                + "\"2030-01-08T00:00:00.000Z\"},\"user\":{\"id\":\"u\",\"name\":\"caf\\u00e9\",\"email\":\"A@B.C\"},"
                + "\"version\":\"1\",\"updatedAt\":1.893456E12}";
        long expiresAt = NOW + 1000;
        String signed = session.substring(0, session.length() - 1) + ",\"expiresAt\":" + expiresAt + "}";
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(SECRET, signed));
        // A nested "session" is not the member.
        String value = b64("{\"signature\":\"" + sig + "\",\"session\":"
                + session + ",\"expiresAt\":" + expiresAt + ",\"extra\":[1,{\"session\":{}},\"}\\\"]\"]}");
        DecodedCache decoded = codec(CookieCacheStrategy.COMPACT, ring).decode(value, NOW).orElseThrow();
        assertThat(decoded.data().user().name()).isEqualTo("café");
        assertThat(decoded.data().user().email()).isEqualTo("a@b.c");
        assertThat(decoded.data().updatedAt()).isEqualTo(1_893_456_000_000L);
        assertThat(decoded.data().version()).isEqualTo("1");
    }

    @Test
    void compact_aRepeatedMemberAnywhereInThePayload_isAMiss_evenWithAVerifyingSignature() throws Exception {
        CookieCacheCodec codec = codec(CookieCacheStrategy.COMPACT, ring);
        String signedSession = trickyData().toJsonString();
        long expiresAt = NOW + 1000;
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(
                hmac(SECRET, CompactCookieCacheCodec.signedText(trickyData().toJson(), expiresAt)));
        String tail = ",\"expiresAt\":" + expiresAt + ",\"signature\":\"" + sig + "\"}";
        assertThat(codec.decode(b64("{\"session\":" + signedSession + tail), NOW)).isPresent(); // the genuine one
        // A decoy "session" next to the signed one: the HMAC covers one of them, the data must never come from the
        // other, whichever a JSON parser keeps; so neither is used.
        String decoy = signedSession.replace("\"emailVerified\":true", "\"emailVerified\":false");
        assertThat(codec.decode(b64("{\"session\":" + decoy + ",\"session\":" + signedSession + tail), NOW)).isEmpty();
        assertThat(codec.decode(b64("{\"session\":" + signedSession + ",\"session\":" + decoy + tail), NOW)).isEmpty();
        assertThat(codec.decode(b64("{\"sess\\u0069on\":" + decoy + ",\"session\":" + signedSession + tail), NOW))
                .isEmpty();
        assertThat(codec.decode(b64("{\"session\":" + signedSession + tail.replace("}", ",\"expiresAt\":" + expiresAt
                + "}")), NOW)).isEmpty();
        // The scanner that finds the signed text refuses a repeated name itself, whatever the JSON-P provider does.
        assertThat(CacheJson.rawMember("{\"session\":{},\"signature\":\"s\",\"session\":{}}", "session")).isNull();
        // Repeated names inside the signed text itself: signed, yet ambiguous; a miss too.
        String repeated = signedSession.replace("\"emailVerified\":true", "\"emailVerified\":false,\"emailVerified\":true");
        String repeatedSig = Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(SECRET,
                repeated.substring(0, repeated.length() - 1) + ",\"expiresAt\":" + expiresAt + "}"));
        assertThat(codec.decode(b64("{\"session\":" + repeated + ",\"expiresAt\":" + expiresAt + ",\"signature\":\""
                + repeatedSig + "\"}"), NOW)).isEmpty();
    }

    @Test
    void jwtAndJwe_aRepeatedClaimInsideAValidToken_isAMiss() throws Exception {
        String claims = new String(claimsBytes(trickyData(), NOW), StandardCharsets.UTF_8);
        byte[] repeated = claims.replace("\"emailVerified\":true", "\"emailVerified\":false,\"emailVerified\":true")
                .getBytes(StandardCharsets.UTF_8);
        byte[] repeatedUser = claims.replace("\"version\":", "\"user\":{},\"version\":").getBytes(StandardCharsets.UTF_8);

        JWSObject genuine = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(claimsBytes(trickyData(), NOW)));
        genuine.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertThat(codec(CookieCacheStrategy.JWT, ring).decode(genuine.serialize(), NOW)).isPresent();
        // Nimbus refuses a repeated header member itself.
        String[] parts = genuine.serialize().split("\\.");
        String header = b64("{\"alg\":\"HS256\",\"alg\":\"HS256\"}");
        String resigned = Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(SECRET, header + "." + parts[1]));
        assertThat(codec(CookieCacheStrategy.JWT, ring).decode(header + "." + parts[1] + "." + resigned, NOW)).isEmpty();
        byte[] key = CookieEncryptionKey.derive(SECRET, CookieEncryptionKey.SESSION_SALT).bytes();
        for (byte[] payload : new byte[][] {repeated, repeatedUser}) {
            JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(payload));
            jws.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            assertThat(codec(CookieCacheStrategy.JWT, ring).decode(jws.serialize(), NOW)).isEmpty();
            JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256CBC_HS512),
                    new Payload(payload));
            jwe.encrypt(new DirectEncrypter(key));
            assertThat(codec(CookieCacheStrategy.JWE, ring).decode(jwe.serialize(), NOW)).isEmpty();
        }
    }

    @Test
    void jwt_tamperedWrongSecretOrExpired_areMisses() { // T-27, T-31: exp enforced
        CookieCacheCodec codec = codec(CookieCacheStrategy.JWT, ring);
        String token = codec.encode(trickyData(), NOW, 300);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = parts[0] + "." + b64(payload.replace("\"emailVerified\":true", "\"emailVerified\":false"))
                + "." + parts[2];
        assertThat(codec.decode(forged, NOW)).isEmpty();
        assertThat(codec.decode(parts[0] + "." + parts[1] + "." + parts[2].substring(1), NOW)).isEmpty();
        assertThat(codec.decode(parts[0] + "." + parts[1] + "." + parts[2] + "!", NOW)).isEmpty();
        assertThat(codec(CookieCacheStrategy.JWT, SecretRing.single(OLD)).decode(token, NOW)).isEmpty();
        assertThat(codec.decode(token, NOW + 299_999)).isPresent();
        assertThat(codec.decode(token, NOW + 300_000)).isEmpty();
    }

    @Test
    void jwt_acceptsOnlyHs256_noneAndHs512AndCritAreMisses() throws Exception { // T-31
        // Better Auth's jwtVerify has no algorithms option, so it would take HS384/HS512 tokens made with the same
        // secret; checklist T-31 restricts us to the configured HS256.
        String longSecret = SECRET + SECRET; // HS512 needs a 512-bit key in Nimbus
        SecretRing longRing = SecretRing.single(longSecret);
        byte[] claims = claimsBytes(trickyData(), NOW);
        JWSObject hs512 = new JWSObject(new JWSHeader(JWSAlgorithm.HS512), new Payload(claims));
        hs512.sign(new MACSigner(longSecret.getBytes(StandardCharsets.UTF_8)));
        assertThat(codec(CookieCacheStrategy.JWT, longRing).decode(hs512.serialize(), NOW)).isEmpty();

        JWSObject hs256 = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(claims));
        hs256.sign(new MACSigner(longSecret.getBytes(StandardCharsets.UTF_8)));
        assertThat(codec(CookieCacheStrategy.JWT, longRing).decode(hs256.serialize(), NOW)).isPresent();

        String none = b64("{\"alg\":\"none\"}") + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims)
                + ".";
        assertThat(codec(CookieCacheStrategy.JWT, longRing).decode(none, NOW)).isEmpty();
        String noneSigned = none + hs256.serialize().split("\\.")[2];
        assertThat(codec(CookieCacheStrategy.JWT, longRing).decode(noneSigned, NOW)).isEmpty();

        JWSObject crit = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).criticalParams(java.util.Set.of("x"))
                .customParam("x", 1).build(), new Payload(claims));
        crit.sign(new MACSigner(longSecret.getBytes(StandardCharsets.UTF_8)));
        assertThat(codec(CookieCacheStrategy.JWT, longRing).decode(crit.serialize(), NOW)).isEmpty();
    }

    @Test
    void jwt_withASecretShorterThan32Bytes_stillSignsAndVerifies() {
        // Better Auth only warns about short secrets; Nimbus's MACSigner would refuse them.
        CookieCacheCodec codec = codec(CookieCacheStrategy.JWT, SecretRing.single("short-secret-16b"));
        String token = codec.encode(trickyData(), NOW, 300);
        assertThat(codec.decode(token, NOW)).map(DecodedCache::data).contains(trickyData());
        assertThat(codec(CookieCacheStrategy.JWT, SecretRing.single("short-secret-16c")).decode(token, NOW))
                .isEmpty();
    }

    @Test
    void jwe_unknownKid_tampered_wrongSecret_expiredBeyondTolerance_areMisses() { // T-27, T-31, T-32
        CookieCacheCodec codec = codec(CookieCacheStrategy.JWE, ring);
        String token = codec.encode(trickyData(), NOW, 300);
        assertThat(codec(CookieCacheStrategy.JWE, SecretRing.single(OLD)).decode(token, NOW)).isEmpty();
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(5);
        assertThat(parts[1]).isEmpty();
        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)).isEqualTo(
                "{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"kid\":\""
                        + CookieEncryptionKey.derive(SECRET, CookieEncryptionKey.SESSION_SALT).kid() + "\"}");
        String ciphertext = parts[3];
        String flipped = (ciphertext.charAt(0) == 'A' ? "B" : "A") + ciphertext.substring(1);
        assertThat(codec.decode(String.join(".", parts[0], "", parts[2], flipped, parts[4]), NOW)).isEmpty();
        String unknownKid = b64("{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"kid\":\"nope\"}");
        assertThat(codec.decode(String.join(".", unknownKid, "", parts[2], parts[3], parts[4]), NOW)).isEmpty();
        // exp = NOW/1000 + 300; jose's 15 s tolerance keeps it decodable until exp + 15 s exclusive.
        assertThat(codec.decode(token, NOW + 314_999)).isPresent().get()
                .matches(d -> d.expiredAt(NOW + 314_999), "reported as expired by the caller's check");
        assertThat(codec.decode(token, NOW + 315_000)).isEmpty();
    }

    @Test
    void jwe_otherAlgorithmsAndCompressionAreMisses() throws Exception { // T-31: dir + A256CBC-HS512 only
        byte[] key = CookieEncryptionKey.derive(SECRET, CookieEncryptionKey.SESSION_SALT).bytes();
        byte[] claims = claimsBytes(trickyData(), NOW);
        JWEObject zipped = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256CBC_HS512)
                .compressionAlgorithm(com.nimbusds.jose.CompressionAlgorithm.DEF).build(), new Payload(claims));
        zipped.encrypt(new DirectEncrypter(key));
        CookieCacheCodec codec = codec(CookieCacheStrategy.JWE, ring);
        assertThat(codec.decode(zipped.serialize(), NOW)).isEmpty();
        JWEObject gcm = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), new Payload(claims));
        gcm.encrypt(new DirectEncrypter(java.util.Arrays.copyOf(key, 32)));
        assertThat(codec.decode(gcm.serialize(), NOW)).isEmpty(); // jose fails it too: the key is 64 bytes
        JWEObject plain = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256CBC_HS512),
                new Payload(claims));
        plain.encrypt(new DirectEncrypter(key));
        assertThat(codec.decode(plain.serialize(), NOW)).isPresent(); // no kid: the current secret is tried
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void rotation_anOlderSecretStillInTheRing_decodesAndIsReported_removedItIsAMiss(CookieCacheStrategy strategy) {
        String minted = codec(strategy, SecretRing.single(OLD)).encode(trickyData(), NOW, 300);
        SecretRing rotated = SecretRing.parse("2:" + NEW + ",1:" + OLD, null);
        DecodedCache decoded = codec(strategy, rotated).decode(minted, NOW).orElseThrow();
        assertThat(decoded.data()).isEqualTo(trickyData());
        assertThat(decoded.currentSecret()).isFalse();
        assertThat(decoded.secretVersion()).isEqualTo(1);

        String reissued = codec(strategy, rotated).encode(decoded.data(), NOW, 300);
        DecodedCache current = codec(strategy, rotated).decode(reissued, NOW).orElseThrow();
        assertThat(current.currentSecret()).isTrue();
        assertThat(current.secretVersion()).isEqualTo(2);

        assertThat(codec(strategy, SecretRing.parse("3:" + NEWER + ",2:" + NEW, null)).decode(minted, NOW)).isEmpty();
        // The legacy single secret, kept next to versioned ones, counts as the oldest entry.
        DecodedCache legacy = codec(strategy, SecretRing.parse("2:" + NEW, OLD)).decode(minted, NOW).orElseThrow();
        assertThat(legacy.secretVersion()).isEqualTo(SecretRing.LEGACY_VERSION);
        assertThat(legacy.currentSecret()).isFalse();
    }

    @Test
    void jwe_withoutKid_triesEverySecretInRingOrder() throws Exception {
        byte[] oldKey = CookieEncryptionKey.derive(OLD, CookieEncryptionKey.SESSION_SALT).bytes();
        JWEObject noKid = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256CBC_HS512),
                new Payload(claimsBytes(trickyData(), NOW)));
        noKid.encrypt(new DirectEncrypter(oldKey));
        DecodedCache decoded = codec(CookieCacheStrategy.JWE, SecretRing.parse("2:" + NEW + ",1:" + OLD, null))
                .decode(noKid.serialize(), NOW).orElseThrow();
        assertThat(decoded.secretVersion()).isEqualTo(1);
        assertThat(decoded.currentSecret()).isFalse();
    }

    @Test
    void schemaFailuresInsideAValidSignature_areMisses() throws Exception {
        Map<String, Object> json = trickyData().toJson();
        @SuppressWarnings("unchecked")
        Map<String, Object> user = new LinkedHashMap<>((Map<String, Object>) json.get("user"));
        user.put("emailVerified", null);
        json.put("user", user);
        for (CookieCacheStrategy strategy : CookieCacheStrategy.values()) {
            CookieCacheCodec codec = codec(strategy, ring);
            assertThat(codec.decode(codec.encodeJson(json, NOW, 300), NOW)).as(strategy.name()).isEmpty();
        }
    }

    /**
     * Numbers and nesting the JSON parser cannot hold, wherever a cookie carries JSON — the compact payload, a JWS or
     * JWE header, a payload even behind a valid signature or encryption, the shared payload reader — are a plain
     * miss: no exception, and nothing logged (a warning with a stack trace per request was the old answer).
     */
    @ParameterizedTest
    @FieldSource("io.betterauth.jakarta.testing.HostileJson#DOCUMENTS")
    void numbersAndNestingTheParserCannotHold_inAnyCacheCookie_areAPlainMiss_withNothingLogged(String json)
            throws Exception {
        byte[] key = CookieEncryptionKey.derive(SECRET, CookieEncryptionKey.SESSION_SALT).bytes();
        JWSObject signed = new JWSObject(new JWSHeader(JWSAlgorithm.HS256),
                new Payload(json.getBytes(StandardCharsets.UTF_8)));
        signed.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        JWEObject encrypted = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256CBC_HS512),
                new Payload(json.getBytes(StandardCharsets.UTF_8)));
        encrypted.encrypt(new DirectEncrypter(key));
        String hostileMember = "\"x\":" + json + "}";
        String jwsHeader = b64("{\"alg\":\"HS256\"," + hostileMember);
        String jweHeader = b64("{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\"," + hostileMember);
        String compactWrapped = "{\"session\":" + json + ",\"expiresAt\":" + (NOW + 1000) + ",\"signature\":\"\"}";
        try (LogCapture logs = LogCapture.start()) {
            CookieCacheCodec compact = codec(CookieCacheStrategy.COMPACT, ring);
            assertThat(compact.decode(b64(json), NOW)).isEmpty();
            assertThat(compact.decode(b64(compactWrapped), NOW)).isEmpty();
            CookieCacheCodec jwt = codec(CookieCacheStrategy.JWT, ring);
            assertThat(jwt.decode(signed.serialize(), NOW)).isEmpty();
            assertThat(jwt.decode(jwsHeader + "." + b64("{}") + ".c2ln", NOW)).isEmpty();
            CookieCacheCodec jwe = codec(CookieCacheStrategy.JWE, ring);
            assertThat(jwe.decode(encrypted.serialize(), NOW)).isEmpty();
            assertThat(jwe.decode(jweHeader + "..AAAAAAAAAAAAAAAAAAAAAA.AAAA.AAAA", NOW)).isEmpty();
            assertThat(SessionData.parse(json, NOW)).isEmpty();
            assertThat(logs.warningsAndErrors()).isEmpty();
        }
    }

    private static byte[] claimsBytes(SessionData data, long nowMs) {
        Map<String, Object> claims = data.toJson();
        claims.put("iat", nowMs / 1000);
        claims.put("exp", nowMs / 1000 + 300);
        return JsJson.stringify(claims).getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
