package io.betterauth.jakarta.core.cookie;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.js.UriComponent;
import io.betterauth.jakarta.testing.TestVectors;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class SignedCookieTest {

    static final String SECRET = "better-auth-secret-that-is-long-enough-for-validation-test";
    static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz012345";

    private final SessionCookies cookies = new SessionCookies(BetterAuthConfig.builder().secret(SECRET)
            .baseUrl("http://localhost:3000").build());

    @Test
    void sessionTokenCookie_matchesVectorV1_byteForByte() { // T-05
        assertThat(cookies.sessionToken(TOKEN, false)).isEqualTo("better-auth.session_token="
                + "AbCdEfGhIjKlMnOpQrStUvWxYz012345.blLhurjNRrp3rkTNZdPN9DJqvosZhTE4WlN7TN32esw%3D; "
                + "Max-Age=604800; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void dontRememberCookie_matchesVectorV1b() {
        assertThat(cookies.dontRememberCookie()).isEqualTo("better-auth.dont_remember="
                + "true.%2BGWyWZdVZ8PROUXIWVoibVIpYog8HtVyZuwoJ6tqQyA%3D; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void secureCookieDeletionWithDomain_matchesVectorV1c() { // T-06, T-19
        SessionCookies secure = new SessionCookies(BetterAuthConfig.builder().secret(SECRET)
                .baseUrl("https://app.example.com").crossSubDomainCookies(true, "example.com").build());
        assertThat(secure.expire(secure.sessionTokenName())).isEqualTo(
                "__Secure-better-auth.session_token=; Max-Age=0; Domain=example.com; Path=/; HttpOnly; Secure; SameSite=Lax");
    }

    @Test
    void everySessionTokenVectorFromTheRealLibrary_isReproducedAndVerifies() {
        JsonObject vectors = TestVectors.read("vectors-better-auth-1.7.25.json").asJsonObject();
        SessionCookies fromVectors = new SessionCookies(BetterAuthConfig.builder()
                .secret(vectors.getString("secret")).baseUrl("http://localhost:3000").build());
        SignedCookie signer = new SignedCookie(vectors.getString("secret"));
        int checked = 0;
        for (JsonValue v : vectors.getJsonArray("sessionToken")) {
            JsonObject vector = v.asJsonObject();
            String token = vector.getString("token");
            assertThat(fromVectors.sessionToken(token, false)).isEqualTo(vector.getString("setCookie"));
            assertThat(signer.verify(vector.getString("decodedValue"))).contains(token);
            RequestCookies request = RequestCookies.parse("better-auth.session_token=" + vector.getString("cookieValue"));
            assertThat(fromVectors.sessionToken(request)).contains(token);
            checked++;
        }
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void forgedOrMalformedSignatures_areRejectedWithoutThrowing() {
        SignedCookie signer = new SignedCookie(SECRET);
        String good = signer.sign(TOKEN);
        assertThat(signer.verify(good)).contains(TOKEN);
        assertThat(signer.verify("X" + good.substring(1))).isEmpty();           // token changed
        assertThat(signer.verify(good.substring(0, good.length() - 2) + "A=")).isEmpty(); // signature changed
        assertThat(signer.verify(good.substring(0, good.length() - 1))).isEmpty();        // unpadded
        assertThat(signer.verify(TOKEN + "." + "!".repeat(43) + "=")).isEmpty();           // not base64
        assertThat(signer.verify(TOKEN)).isEmpty();
        assertThat(signer.verify(".abc")).isEmpty();
        assertThat(signer.verify("")).isEmpty();
        assertThat(new SignedCookie("another-secret-another-secret-another").verify(good)).isEmpty();
    }

    @Test
    void rawQuotedAndEncodedCookieForms_areAllAccepted() {
        String signed = new SignedCookie(SECRET).sign(TOKEN);
        for (String header : new String[] {
                "better-auth.session_token=" + signed,
                "better-auth.session_token=" + UriComponent.encode(signed),
                "better-auth.session_token=\"" + signed + "\""}) {
            assertThat(cookies.sessionToken(RequestCookies.parse(header))).as(header).contains(TOKEN);
        }
    }

    @Test
    void firstOccurrenceOfADuplicatedCookieWins_asInBetterCall() {
        String good = UriComponent.encode(new SignedCookie(SECRET).sign(TOKEN));
        assertThat(cookies.sessionToken(RequestCookies.parse(
                "better-auth.session_token=bad.sig; better-auth.session_token=" + good))).isEmpty();
        assertThat(cookies.sessionToken(RequestCookies.parse(
                "better-auth.session_token=" + good + "; better-auth.session_token=bad.sig"))).contains(TOKEN);
    }
}
