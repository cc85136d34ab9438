package io.betterauth.jakarta.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.config.ConfigLoader;
import io.betterauth.jakarta.config.ConfigSource;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped OpenAPI document ({@code META-INF/better-auth/openapi.json}, written by hand) against the code: its
 * operations are exactly the JAX-RS resource methods of {@link BetterAuthApplication}, and it is OpenAPI 3.1-shaped
 * (every operation answers something, every {@code $ref} resolves, errors are {@code {message, code}}). What the
 * running endpoints answer is checked against it by {@code it.OpenApiConformance} in {@code BasePathIT}.
 */
class OpenApiDocumentTest {

    static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    static final JsonObject DOCUMENT = OpenApiResource.Document.read();

    /** {@code "POST /sign-in/email"} for each resource method of the library's JAX-RS application. */
    static Set<String> resourceOperations() {
        Set<String> operations = new TreeSet<>();
        for (Class<?> type : new BetterAuthApplication().getClasses()) {
            Path typePath = type.getAnnotation(Path.class);
            if (typePath == null) {
                continue; // a filter or an exception mapper
            }
            for (Method method : type.getMethods()) {
                for (Annotation a : method.getAnnotations()) {
                    HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null) {
                        operations.add(http.value() + " " + RateLimitFilter.endpoint(method));
                    }
                }
            }
        }
        return operations;
    }

    static Set<String> documentOperations(JsonObject document) {
        Set<String> operations = new TreeSet<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(HTTP_METHODS::contains)
                .forEach(m -> operations.add(m.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }

    @Test
    void theDocumentsOperations_areExactlyTheResourceMethods() {
        Set<String> resources = resourceOperations();
        assertThat(resources).as("the reflection found the endpoints").contains("GET /get-session",
                "POST /get-session", "POST /sign-in/email", "POST /delete-user", "GET /openapi.json", "POST /multi-session/revoke", "GET /token",
                "POST /admin/list-user-sessions", "POST /admin/ban-user", "POST /admin/stop-impersonating", "GET /admin/get-user", "POST /admin/remove-user").hasSize(28);
        assertThat(documentOperations(DOCUMENT)).isEqualTo(resources);
    }

    @Test
    void theDocument_isOpenApi31Shaped() {
        assertThat(DOCUMENT.getString("openapi")).startsWith("3.1.");
        assertThat(DOCUMENT.getJsonObject("info").getString("title")).isNotBlank();
        assertThat(DOCUMENT.getJsonObject("info").getString("version")).isNotBlank();
        assertThat(DOCUMENT.getJsonArray("servers")).hasSize(1);
        Set<String> operationIds = new TreeSet<>();
        DOCUMENT.getJsonObject("paths").forEach((path, item) -> {
            assertThat(path).as("paths are relative to the base path").startsWith("/").doesNotContain("/api/auth");
            item.asJsonObject().forEach((method, value) -> {
                assertThat(HTTP_METHODS).as(path + " " + method).contains(method);
                JsonObject operation = value.asJsonObject();
                String where = method.toUpperCase(Locale.ROOT) + " " + path;
                assertThat(operationIds.add(operation.getString("operationId"))).as(where + ": unique operationId")
                        .isTrue();
                JsonObject responses = operation.getJsonObject("responses");
                assertThat(responses).as(where + " documents its answers").containsKey("200");
                assertThat(responses.keySet()).as(where).allMatch(code -> code.matches("[1-5][0-9][0-9]"));
                if (method.equals("post")) {
                    assertThat(responses).as(where + ": rate limit, bad input, outage").containsKeys("429", "500", "503");
                }
            });
        });
        assertThat(operationIds).hasSize(28);
    }

    @Test
    void everyReference_resolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(DOCUMENT, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            JsonValue target = DOCUMENT;
            for (String part : ref.substring(2).split("/")) {
                assertThat(target.getValueType()).as(ref).isEqualTo(JsonValue.ValueType.OBJECT);
                target = target.asJsonObject().get(part.replace("~1", "/").replace("~0", "~"));
                assertThat(target).as(ref + " resolves").isNotNull();
            }
        }
    }

    @Test
    void errorAnswers_areBetterAuthsMessageAndCode() {
        JsonObject error = DOCUMENT.getJsonObject("components").getJsonObject("schemas").getJsonObject("Error");
        assertThat(error.getJsonObject("properties").keySet()).containsExactly("message", "code");
        assertThat(error.getJsonArray("required")).containsExactly(jakarta.json.Json.createValue("message"));
        Pattern errorStatus = Pattern.compile("[45][0-9][0-9]");
        DOCUMENT.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, op) ->
                op.asJsonObject().getJsonObject("responses").forEach((status, response) -> {
                    if (errorStatus.matcher(status).matches()) {
                        JsonObject resolved = resolve(response.asJsonObject());
                        assertThat(resolved.getJsonObject("content").getJsonObject("application/json")
                                .getJsonObject("schema").getString("$ref"))
                                .as(method + " " + path + " " + status).isEqualTo("#/components/schemas/Error");
                    }
                })));
    }

    @Test
    void theServedDocument_namesTheEndpointsPathAsItsServer() {
        JsonObject served = OpenApiResource.withServer(DOCUMENT, "/shop/auth/v2");
        assertThat(served.getJsonArray("servers")).hasSize(1);
        assertThat(served.getJsonArray("servers").getJsonObject(0).getString("url")).isEqualTo("/shop/auth/v2");
        assertThat(served.getJsonObject("paths")).isEqualTo(DOCUMENT.getJsonObject("paths"));
    }

    @Test
    void aPluginsOperations_areServedOnlyWhileThePluginIsOn() {
        JsonObject off = OpenApiResource.withPlugins(DOCUMENT, plugin -> false);
        assertThat(off.getJsonObject("paths").keySet()).noneMatch(p -> p.startsWith("/multi-session/"))
                .noneMatch(p -> p.startsWith("/admin/")).doesNotContain("/token")
                .contains("/get-session", "/openapi.json");
        assertThat(off.getJsonArray("tags").stream().map(t -> t.asJsonObject().getString("name")))
                .doesNotContain("Multi-session", "JWT", "Admin").contains("Session");
        JsonObject jwt = OpenApiResource.withPlugins(DOCUMENT, "jwt"::equals);
        assertThat(jwt.getJsonObject("paths").keySet()).contains("/token").noneMatch(p -> p.startsWith("/multi-"));
        JsonObject on = OpenApiResource.withPlugins(DOCUMENT, p -> p.equals("multi-session") || p.equals("jwt")
                || p.equals("admin"));
        assertThat(on.getJsonObject("paths")).isEqualTo(DOCUMENT.getJsonObject("paths"));
    }

    @Test
    void theDocument_isServedByDefault_andNotWithTheKeyOff() {
        String secret = "Vq3kT9zR2mW7xL4nB8cY1pF6hJ0sD5gA";
        assertThat(new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", secret))))
                .load().openApiEnabled()).isTrue();
        assertThat(new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", secret,
                "better-auth.openapi.enabled", "false")))).load().openApiEnabled()).isFalse();
    }

    private static JsonObject resolve(JsonObject maybeRef) {
        if (!maybeRef.containsKey("$ref")) {
            return maybeRef;
        }
        JsonValue target = DOCUMENT;
        for (String part : maybeRef.getString("$ref").substring(2).split("/")) {
            target = target.asJsonObject().get(part);
        }
        return target.asJsonObject();
    }

    private static void collectRefs(JsonValue value, List<String> refs) {
        switch (value.getValueType()) {
            case OBJECT -> value.asJsonObject().forEach((k, v) -> {
                if (k.equals("$ref") && v instanceof JsonString s) {
                    refs.add(s.getString());
                } else {
                    collectRefs(v, refs);
                }
            });
            case ARRAY -> value.asJsonArray().forEach(v -> collectRefs(v, refs));
            default -> { }
        }
    }
}
