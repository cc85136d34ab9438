package io.betterauth.jakarta.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.config.AdditionalField;
import io.betterauth.jakarta.core.session.AdditionalFields;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.testing.HostileJson;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.RateLimiter;
import io.betterauth.jakarta.core.endpoint.RequestBody;
import io.betterauth.jakarta.fuzz.AllocationBound;
import io.betterauth.jakarta.web.ClientAddress;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz targets for the rest of what a client controls: JSON (and form) request bodies as the REST endpoints read
 * them, and the forwarded headers and path the rate limit keys on. In the {@code rest} package because
 * {@link RequestBodies} and {@link RateLimitGate#retryAfter} are package-private.
 */
class RequestInputFuzzTest {

    private static final List<String> CONTENT_TYPES = List.of(RequestBodies.JSON, "application/json; charset=UTF-8",
            RequestBodies.FORM, "Application/JSON", "text/plain", "", ";", "/", "application/json; charset=bogus");
    /** The error codes bad input may produce, and their statuses: never a 500. */
    private static final Map<String, Integer> EXPECTED_ERRORS = Map.of("BAD_REQUEST", 400, "VALIDATION_ERROR", 400,
            "UNSUPPORTED_MEDIA_TYPE", 415, "FIELD_NOT_ALLOWED", 400, "MISSING_FIELD", 400, "PAYLOAD_TOO_LARGE", 413);
    private static final int MAX_BODY = BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret("s").build().advanced().maxBodySize();
    /** One additional user field of each type, plus required, defaulted and input:false ones. */
    private static final AdditionalFields USER_FIELDS = new AdditionalFields(List.of(
            AdditionalField.of("nickname", AdditionalField.Type.STRING),
            AdditionalField.of("age", AdditionalField.Type.NUMBER),
            AdditionalField.of("newsletter", AdditionalField.Type.BOOLEAN),
            AdditionalField.of("birthday", AdditionalField.Type.DATE),
            new AdditionalField("plan", AdditionalField.Type.STRING, true, null, true, true, null),
            new AdditionalField("theme", AdditionalField.Type.STRING, false, "light", true, true, null),
            new AdditionalField("role", AdditionalField.Type.STRING, false, "user", false, true, null)));

    private static final BetterAuthConfig TRUSTING = config().ipAddressHeaders(List.of("x-forwarded-for",
            "x-real-ip")).build();
    private static final BetterAuthConfig NOT_TRUSTING = config().build();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_64 = Pattern.compile("([0-9a-f]{4}:){4}0000:0000:0000:0000");

    private static BetterAuthConfig.Builder config() {
        return BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret("a-long-random-secret-9f8e7d6c5b4a3210ZYXWVUT").rateLimitEnabled(true);
    }

    static Stream<Arguments> bodies() {
        Stream<Arguments> hostile = HostileJson.DOCUMENTS.stream().flatMap(json -> Stream.of(Arguments.of(0, json),
                Arguments.of(8, json)));
        Stream<Arguments> headers = Stream.of(6, 7, 8, 14).map(type -> Arguments.of(type, "{}"));
        return Stream.concat(Stream.concat(hostile, headers), Stream.of(
                Arguments.of(0, "{\"email\":\"a@b.co\",\"password\":\"hunter22\",\"name\":\"A\",\"rememberMe\":true,"
                        + "\"plan\":\"pro\",\"age\":42,\"birthday\":\"2001-02-03T04:05:06Z\",\"newsletter\":false}"),
                Arguments.of(1, "{\"email\":\"not-an-email\",\"password\":1,\"role\":\"admin\",\"age\":1e400}"),
                Arguments.of(2, "email=a%40b.co&password=x&rememberMe=true&plan=%E0%A4"),
                Arguments.of(3, "[1,2,{\"a\":null}]"),
                Arguments.of(8, "{\"callbackURL\":{},\"plan\":\"\u2028\",\"nickname\":\"\\ud800\"}"),
                Arguments.of(9, "{\"age\":-0.0,\"birthday\":\"2030-02-30T00:00:00Z\"}"),
                Arguments.of(4, "{}"),
                Arguments.of(5, ""),
                Arguments.of(0, "\uFEFF{\"email\":\"a@b.co\"}"),
                Arguments.of(0, "{\"pad\":\"" + "a".repeat(MAX_BODY) + "\"}")));
    }

    static Stream<Arguments> forwarded() {
        return Stream.of(
                Arguments.of("203.0.113.9, 10.0.0.2", "198.51.100.1", "10.0.0.1", "/sign-in/email"),
                Arguments.of("2001:db8:85a3::8a2e:370:7334", "::ffff:192.0.2.1", "::1", "get-session?x=1#y"),
                Arguments.of("evil.example.com", "010.1.1.1", "fe80::1%eth0", "///"),
                Arguments.of("unknown", "1.2.3.4.5", "256.0.0.1", "sign-up/email/"),
                Arguments.of(",", ",,", "192.0.2.1", "/sign-in" + "/".repeat(4000)));
    }

    /**
     * A body with each content type, read as the endpoints read it ({@link RequestBodies#read} within the size
     * limit, {@link RequestBodies#parse}, the typed getters,
     * {@link AdditionalFields} for create and update, {@link RequestBody#validate}): the outcome is a body or an
     * {@link AuthException} with one of the expected codes and statuses whose JSON is {@code {"message","code"}},
     * never another exception; what the additional fields yield can be written as JSON; the work is bounded.
     */
    @MethodSource("bodies")
    @FuzzTest(maxDuration = "10s")
    void jsonBody(int contentType, String body) {
        String type = CONTENT_TYPES.get(Math.floorMod(contentType, CONTENT_TYPES.size()));
        List<String> allowed = (contentType & 8) == 0 ? List.of(RequestBodies.FORM, RequestBodies.JSON)
                : List.of(RequestBodies.JSON);
        bounded(body == null ? 0 : body.length(), () -> {
            try {
                String text = body == null ? null : RequestBodies.read(-1,
                        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), MAX_BODY);
                RequestBody parsed = RequestBodies.parse(type, text, allowed);
                parsed.requiredEmail("email");
                parsed.requiredNonEmptyString("password");
                parsed.optionalString("name");
                parsed.optionalBoolean("rememberMe");
                parsed.optionalString("callbackURL");
                new LinkedHashMap<>(parsed.json());
                JsJson.stringify(USER_FIELDS.forUpdate(parsed.json()));
                JsJson.stringify(USER_FIELDS.forCreate(parsed.json()));
                parsed.validate();
            } catch (AuthException e) {
                assertThat(EXPECTED_ERRORS).containsEntry(e.code(), e.status());
                try (JsonReader reader = Json.createReader(new StringReader(AuthResult.of(e).json()))) {
                    JsonObject json = reader.readObject();
                    assertThat(json.getString("message")).isNotEmpty();
                    assertThat(json.getString("code")).isEqualTo(e.code());
                }
            }
            return null;
        });
    }

    /**
     * The client address from {@code X-Forwarded-For} / {@code X-Real-IP} and the socket, and the rate-limit bucket
     * it selects. The address is empty or a canonical literal (dotted quad; IPv6 expanded, lowercase, masked to /64)
     * that normalises to itself; without trusted headers it depends on the socket alone, so forged headers never buy
     * a fresh bucket (T-40: the fourth sign-in in a window is refused whatever the headers say); the work is bounded
     * for any path.
     */
    @MethodSource("forwarded")
    @FuzzTest(maxDuration = "10s")
    void forwardedHeaders(String forwardedFor, String realIp, String remote, String path) {
        long length = length(forwardedFor) + length(realIp) + length(remote) + length(path);
        HttpServletRequest request = request(remote, forwardedFor, realIp);
        String ip = bounded(length, () -> ClientAddress.of(request, TRUSTING).ipAddress());
        assertThat(ip.isEmpty() || IPV4.matcher(ip).matches() || IPV6_64.matcher(ip).matches())
                .as("not a canonical address: %s", ip).isTrue();
        assertThat(ClientAddress.of(request(ip, null, null), NOT_TRUSTING).ipAddress()).isEqualTo(ip);

        String socketOnly = ClientAddress.of(request(remote, null, null), NOT_TRUSTING).ipAddress();
        assertThat(ClientAddress.of(request, NOT_TRUSTING).ipAddress()).isEqualTo(socketOnly);

        RateLimiter limiter = new RateLimiter(NOT_TRUSTING.rateLimit(), null, CLOCK);
        for (int i = 0; i < 3; i++) {
            HttpServletRequest forged = request(remote, forwardedFor + i, realIp + i);
            assertThat(RateLimitGate.retryAfter(NOT_TRUSTING, limiter, forged, "/sign-in/email")).isEmpty();
        }
        assertThat(RateLimitGate.retryAfter(NOT_TRUSTING, limiter, request, "/sign-in/email")).isPresent();

        RateLimiter trusting = new RateLimiter(TRUSTING.rateLimit(), null, CLOCK);
        bounded(length, () -> RateLimitGate.retryAfter(TRUSTING, trusting, request, path));
        String key = bounded(length, () -> RateLimiter.key(ip, path));
        assertThat(key).startsWith((ip.isEmpty() ? "no-trusted-ip" : ip) + "|/");
    }

    private static long length(String s) {
        return s == null ? 0 : s.length();
    }

    private static HttpServletRequest request(String remote, String forwardedFor, String realIp) {
        Map<String, String> headers = new HashMap<>();
        headers.put("x-forwarded-for", forwardedFor);
        headers.put("x-real-ip", realIp);
        headers.put("user-agent", "UA");
        return (HttpServletRequest) Proxy.newProxyInstance(RequestInputFuzzTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remote;
                    case "getHeader" -> headers.get(((String) args[0]).toLowerCase(java.util.Locale.ROOT));
                    case "getHeaders" -> java.util.Collections.enumeration(java.util.Optional.ofNullable(
                            headers.get(((String) args[0]).toLowerCase(java.util.Locale.ROOT))).stream().toList());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static <T> T bounded(long inputChars, Supplier<T> work) {
        return AllocationBound.check(inputChars, work);
    }

}
