package io.betterauth.jakarta.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The OpenAPI document a deployment serves, checked from the client's side against the same deployment: every
 * operation is called without a session (an empty body, a JSON {@code {}} and a malformed body for a POST), and each
 * answer must come from the endpoint, not from routing (no 404 or 405 unless it is the endpoint's own JSON error), with
 * a status the document lists for that operation and, for an error with a body, Better Auth's
 * {@code {"message","code"}}. Used by {@code BasePathIT}, whose endpoints are not at the default path.
 */
final class OpenApiConformance {

    /** One call and what it answered. */
    record Answer(String operation, String variant, int status, String body) {
        @Override
        public String toString() {
            return operation + " (" + variant + ") answered " + status + " " + body;
        }
    }

    private final Http http;
    private final String basePath;

    /**
     * @param basePath the endpoints' base path within the application, e.g. {@code /auth/v2}
     */
    OpenApiConformance(Http http, String basePath) {
        this.http = http;
        this.basePath = basePath;
    }

    /** {@code GET <base>/openapi.json}, parsed; fails unless it is 200 JSON. */
    JsonObject document() throws Exception {
        HttpResponse<String> r = http.get(basePath + "/openapi.json", null);
        if (r.statusCode() != 200 || !r.headers().firstValue("content-type").orElse("").startsWith("application/json")) {
            throw new AssertionError("GET " + basePath + "/openapi.json answered " + r.statusCode() + " "
                    + r.headers().firstValue("content-type").orElse("") + ": " + r.body());
        }
        return parse(r.body()).orElseThrow(() -> new AssertionError("not a JSON object: " + r.body())).asJsonObject();
    }

    /** Calls every operation of {@code document}; each answer that breaks the rules above is returned. */
    List<String> violations(JsonObject document) throws Exception {
        List<String> violations = new ArrayList<>();
        for (var path : document.getJsonObject("paths").entrySet()) {
            for (var op : path.getValue().asJsonObject().entrySet()) {
                String method = op.getKey().toUpperCase(Locale.ROOT);
                JsonObject responses = op.getValue().asJsonObject().getJsonObject("responses");
                for (Answer answer : call(method, path.getKey())) {
                    System.out.println("openapi: " + answer.operation() + " (" + answer.variant() + ") -> "
                            + answer.status());
                    check(answer, responses).ifPresent(violations::add);
                }
            }
        }
        return violations;
    }

    /** Every answer the operation gave (for the report of a passing run too). */
    List<Answer> call(String method, String path) throws Exception {
        String operation = method + " " + path;
        String url = basePath + path;
        List<Answer> answers = new ArrayList<>();
        switch (method) {
            case "GET" -> {
                answers.add(answer(operation, "no session", http.get(url, null)));
                answers.add(answer(operation, "unknown cookie", http.get(url, "better-auth.session_token=nobody.x")));
            }
            case "POST" -> {
                answers.add(answer(operation, "no body", http.post(url, null, null, null)));
                answers.add(answer(operation, "{}", http.postJson(url, "{}", null)));
                answers.add(answer(operation, "malformed JSON", http.postJson(url, "{\"token\":", null)));
                answers.add(answer(operation, "wrong types", http.postJson(url,
                        "{\"email\":1,\"password\":[],\"token\":{},\"name\":false}", null)));
            }
            default -> throw new AssertionError("no calls written for " + operation);
        }
        return answers;
    }

    private static Answer answer(String operation, String variant, HttpResponse<String> r) {
        return new Answer(operation, variant, r.statusCode(), r.body());
    }

    static Optional<String> check(Answer a, JsonObject documented) {
        Optional<JsonValue> body = parse(a.body());
        boolean ownError = body.filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                .map(JsonValue::asJsonObject).filter(o -> o.containsKey("message")).isPresent();
        if ((a.status() == 404 || a.status() == 405) && !ownError) {
            return Optional.of(a + ": routing did not reach the endpoint");
        }
        if (!documented.containsKey(String.valueOf(a.status()))) {
            return Optional.of(a + ": status not among the documented " + documented.keySet());
        }
        if (a.status() >= 400 && !a.body().isEmpty() && !ownError) {
            return Optional.of(a + ": an error without Better Auth's {message, code}");
        }
        if (a.status() == 200 && body.isEmpty()) {
            return Optional.of(a + ": a 200 that is not JSON");
        }
        return Optional.empty();
    }

    private static Optional<JsonValue> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return Optional.of(reader.readValue());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
