package io.betterauth.jakarta.core.plugin.bearer;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.core.cookie.SignedCookie;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code Authorization} header as Better Auth 1.7.25's bearer plugin reads it. The vector is the real plugin's
 * ({@code docs/design/plugins-probe/wire.out}: sign-up's {@code set-auth-token} under that secret).
 */
class BearerTokenTest {

    static final String SECRET = "plan-probe-secret-0123456789abcdef0123";
    static final String TOKEN = "vv9k9NJAA28wvMfBZ0pABZ4dmISEzW8w";
    static final String SIGNED = TOKEN + ".Zqjhk8TmE3NEoegWsxBcn6wkzPSQOHgEM0N9jiEOeF4=";
    static final SignedCookie SIGNER = new SignedCookie(SECRET);

    static Optional<String> read(String header, boolean requireSignature) {
        return BearerToken.signedValue(header, requireSignature, SIGNER::sign);
    }

    @Test
    void aSignedToken_asSetAuthTokenCarriesIt_inAnyCaseOfTheScheme() {
        assertThat(read("Bearer " + SIGNED, false)).contains(SIGNED);
        assertThat(read("bearer " + SIGNED, true)).contains(SIGNED);
        assertThat(read("BEARER   " + SIGNED + "  ", true)).contains(SIGNED);
    }

    @Test
    void aPercentEncodedSignature_isDecoded_andABadEscapeIsKeptAsSent() {
        assertThat(read("Bearer " + SIGNED.replace("=", "%3D"), false)).contains(SIGNED);
        assertThat(read("Bearer %E0%A4%A.x", false)).contains("%E0%A4%A.x");
    }

    @Test
    void aRawSessionToken_isSignedAsThePluginSignsIt_unlessSignaturesAreRequired() {
        assertThat(read("Bearer " + TOKEN, false)).contains(SIGNED);
        assertThat(read("Bearer " + TOKEN, true)).isEmpty();
    }

    @Test
    void otherSchemesEmptyTokensAndOversizedHeaders_presentNoToken() {
        assertThat(read(null, false)).isEmpty();
        assertThat(read("Basic dXNlcjpwYXNz", false)).isEmpty();
        assertThat(read("Bearer", false)).isEmpty();
        assertThat(read("Bearer    ", false)).isEmpty();
        assertThat(read("Bearertoken.sig", false)).isEmpty();
        assertThat(read("Bearer " + "a".repeat(BearerToken.MAX_LENGTH) + ".b", false)).isEmpty();
    }
}
