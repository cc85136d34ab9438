package io.betterauth.jakarta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JAX-RS runtime never sees a library endpoint's {@code Content-Type} (Jersey answers {@code ;} with an empty 400,
 * RESTEasy {@code application/json;;; q} with a 500), while the endpoints read it exactly as sent.
 */
class RawContentTypeFilterTest {

    /** Not a header: the fake request's servlet path, {@code /api/auth} unless given. */
    private static final String SERVLET_PATH = "servlet-path";

    private static HttpServletRequest request(Map<String, List<String>> headers) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(RawContentTypeFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                    case "getHeaders" -> Collections.enumeration(headers.getOrDefault((String) args[0], List.of()));
                    case "getHeader" -> headers.getOrDefault((String) args[0], List.of()).stream().findFirst()
                            .orElse(null);
                    case "getContentType" -> headers.getOrDefault("Content-Type", List.of()).stream().findFirst()
                            .orElse(null);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getServletPath" -> headers.getOrDefault(SERVLET_PATH, List.of("/api/auth")).get(0);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletRequest passedOn(HttpServletRequest request) throws Exception {
        AtomicReference<ServletRequest> seen = new AtomicReference<>();
        new RawContentTypeFilter().doFilter(request, null, (req, res) -> seen.set(req));
        return (HttpServletRequest) seen.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {";", "", "/", "application/", "application/json;;; q", "application/json; charset=bogus",
            "application/json"})
    void jaxRsSeesNoContentType_theEndpointSeesItAsSent(String contentType) throws Exception {
        HttpServletRequest jaxRs = passedOn(request(Map.of("Content-Type", List.of(contentType),
                "Origin", List.of("http://a.example"))));
        assertThat(jaxRs.getContentType()).isNull();
        assertThat(jaxRs.getHeader("content-type")).isNull();
        assertThat(Collections.list(jaxRs.getHeaders("Content-Type"))).isEmpty();
        assertThat(Collections.list(jaxRs.getHeaderNames())).containsExactly("Origin");
        assertThat(jaxRs.getHeader("Origin")).isEqualTo("http://a.example");
        assertThat(RawContentTypeFilter.contentType(jaxRs)).isEqualTo(contentType);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void repeatedLines_areJoinedAsFetchJoinsThem(boolean filtered) throws Exception {
        HttpServletRequest request = request(Map.of("Content-Type", List.of("application/json", "text/plain")));
        HttpServletRequest endpoint = filtered ? passedOn(request) : request;
        assertThat(RawContentTypeFilter.contentType(endpoint)).isEqualTo("application/json, text/plain");
    }

    @Test
    void aRequestWithoutContentType_passesUnchanged() throws Exception {
        HttpServletRequest request = request(Map.of("Origin", List.of("x")));
        assertThat(passedOn(request)).isSameAs(request);
        assertThat(RawContentTypeFilter.contentType(request)).isNull();
    }

    /**
     * The endpoints answer only requests this filter is passing on (their mount check), and get-session reads its
     * request from there: the request JAX-RS receives, during the chain only, restored after it even when the chain
     * fails, so a pooled thread carries nothing into its next request.
     */
    @Test
    void theEndpointRequest_isTheOnePassedOn_duringTheChainOnly() throws Exception {
        HttpServletRequest request = request(Map.of("Content-Type", List.of("application/json")));
        AtomicReference<ServletRequest> passed = new AtomicReference<>();
        AtomicReference<HttpServletRequest> during = new AtomicReference<>();
        assertThat(EndpointRequest.current()).isEmpty();
        new RawContentTypeFilter().doFilter(request, null, (req, res) -> {
            passed.set(req);
            during.set(EndpointRequest.current().orElseThrow());
        });
        assertThat(during.get()).isSameAs(passed.get()).isNotSameAs(request);
        assertThat(EndpointRequest.current()).isEmpty();

        assertThatThrownBy(() -> new RawContentTypeFilter().doFilter(request, null, (req, res) -> {
            throw new java.io.IOException("client went away");
        })).isInstanceOf(java.io.IOException.class);
        assertThat(EndpointRequest.current()).isEmpty();
    }

    @Test
    void aNestedDispatch_seesItsOwnRequest_andTheOuterOneIsRestored() throws Exception {
        HttpServletRequest outer = request(Map.of("Origin", List.of("x")));
        HttpServletRequest inner = request(Map.of("Origin", List.of("y")));
        AtomicReference<HttpServletRequest> nested = new AtomicReference<>();
        AtomicReference<HttpServletRequest> after = new AtomicReference<>();
        new RawContentTypeFilter().doFilter(outer, null, (req, res) -> {
            new RawContentTypeFilter().doFilter(inner, null,
                    (r, s) -> nested.set(EndpointRequest.current().orElseThrow()));
            after.set(EndpointRequest.current().orElseThrow());
        });
        assertThat(nested.get()).isSameAs(inner);
        assertThat(after.get()).isSameAs(outer);
        assertThat(EndpointRequest.current()).isEmpty();
    }

    /**
     * The endpoints' mount: the request for the servlet mapped at the base path. A servlet the app maps deeper below
     * it (its own JAX-RS application scanning the library at {@code /api/auth/sub/*}) passes the same filter, but
     * is not the library's application, whose rate limit it would skip: no endpoint request there (404).
     */
    @Test
    void theEndpointsMount_isTheServletAtTheBasePath_notOneMappedBelowIt() throws Exception {
        io.betterauth.jakarta.core.endpoint.BasePath base = new io.betterauth.jakarta.core.endpoint.BasePath("/api/auth");
        AtomicReference<java.util.Optional<HttpServletRequest>> library = new AtomicReference<>();
        AtomicReference<java.util.Optional<HttpServletRequest>> deeper = new AtomicReference<>();
        new RawContentTypeFilter().doFilter(request(Map.of()), null,
                (req, res) -> library.set(EndpointRequest.at(base)));
        new RawContentTypeFilter().doFilter(request(Map.of(SERVLET_PATH, List.of("/api/auth/sub"))), null,
                (req, res) -> deeper.set(EndpointRequest.at(base)));
        assertThat(library.get()).isPresent();
        assertThat(deeper.get()).isEmpty();
        assertThat(EndpointRequest.at(base)).isEmpty();
    }
}
