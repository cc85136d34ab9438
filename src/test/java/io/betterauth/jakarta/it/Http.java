package io.betterauth.jakarta.it;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A plain HTTP client for container tests: no cookie handling of its own (tests send exactly the cookies they
 * mean to), always to 127.0.0.1 whatever host the container reported.
 */
public final class Http {

    private final HttpClient client;
    private final String base;

    public Http(URL deployment) {
        this(deployment, HttpClient.Version.HTTP_2);
    }

    /**
     * With {@code HTTP_1_1}, no {@code h2c} upgrade is attempted: what a browser does over plain http, and what a
     * test needs for request or response headers of several KiB (chunked cookies), which Payara's h2c answers
     * with {@code RST_STREAM}.
     */
    public Http(URL deployment, HttpClient.Version version) {
        this.client = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.base = "http://127.0.0.1:" + deployment.getPort() + deployment.getPath().replaceAll("/$", "");
    }

    public String origin() {
        return URI.create(base).resolve("/").toString().replaceAll("/$", "");
    }

    public HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        return get(path, cookie, java.util.Map.of());
    }

    /** A GET with extra headers too (e.g. {@code Authorization}). */
    public HttpResponse<String> get(String path, String cookie, java.util.Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String contentType, String body, String cookie)
            throws IOException, InterruptedException {
        return post(path, contentType, body, cookie, origin());
    }

    /** A POST with the given {@code Origin} header, or none when {@code origin} is null. */
    public HttpResponse<String> post(String path, String contentType, String body, String cookie, String origin)
            throws IOException, InterruptedException {
        return post(path, contentType, body, cookie, origin, java.util.Map.of());
    }

    /** A POST with extra headers too (e.g. {@code User-Agent}). */
    public HttpResponse<String> post(String path, String contentType, String body, String cookie, String origin,
                                     java.util.Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String json, String cookie) throws IOException, InterruptedException {
        return post(path, "application/json", json, cookie);
    }

    public static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("set-cookie");
    }

    /** The {@code name=value} part of the first Set-Cookie line for this cookie. */
    public static String cookiePair(HttpResponse<?> response, String name) {
        return setCookies(response).stream().filter(l -> l.startsWith(name + "="))
                .map(l -> l.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new AssertionError("No Set-Cookie for " + name + " in " + setCookies(response)));
    }
}
