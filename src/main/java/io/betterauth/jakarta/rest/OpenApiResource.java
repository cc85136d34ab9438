package io.betterauth.jakarta.rest;

import io.betterauth.jakarta.core.endpoint.BasePath;
import io.betterauth.jakarta.runtime.BetterAuthRuntime;
import io.betterauth.jakarta.config.option.OptionValue;
import io.betterauth.jakarta.config.plugin.Plugin;
import io.betterauth.jakarta.web.EndpointRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET <base path>/openapi.json}: the OpenAPI 3.1 description of the endpoints, shipped in the JAR
 * ({@code META-INF/better-auth/openapi.json}, written by hand; {@code OpenApiDocumentTest} keeps its operations
 * equal to the JAX-RS resources'). Its paths are relative to the base path; {@code servers[0].url} is set per request
 * to the context path and base path, so the document is right wherever the application and the endpoints are mounted.
 * Served by the library rather than left to MicroProfile OpenAPI, which only some containers have and whose scanner
 * does not know the base path the library maps at start-up. Off with
 * {@code better-auth.openapi.enabled=false}: then 404, as for any unknown path.
 */
@Path("openapi.json")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class OpenApiResource {

    /** The document inside the JAR. */
    public static final String RESOURCE = "META-INF/better-auth/openapi.json";

    @Inject
    BetterAuthRuntime runtime;

    @GET
    public Response document(@Context HttpServletRequest request) {
        BetterAuthRuntime.Services services = runtime.services();
        if (services.verifierMode()) {
            throw new NotFoundException();
        }
        BasePath base = services.endpoints().basePath();
        if (!services.config().openApiEnabled() || EndpointRequest.at(base).isEmpty()) {
            throw new NotFoundException();
        }
        JsonObject document = withPlugins(Document.JSON, name -> OptionValue.named(Plugin.class, name)
                .map(services.config().plugins()::on).orElse(false));
        return Response.ok(withServer(document, request.getContextPath() + base.path()).toString()).build();
    }

    /**
     * The document without the operations of plugins that are off (each plugin operation names its plugin in
     * {@code x-better-auth-plugin}), and without the tags and paths left empty.
     */
    static JsonObject withPlugins(JsonObject document, java.util.function.Predicate<String> pluginOn) {
        jakarta.json.JsonObjectBuilder paths = Json.createObjectBuilder();
        java.util.Set<String> tags = new java.util.HashSet<>();
        document.getJsonObject("paths").forEach((path, item) -> {
            jakarta.json.JsonObjectBuilder kept = Json.createObjectBuilder();
            int[] count = {0};
            item.asJsonObject().forEach((method, operation) -> {
                String plugin = operation.asJsonObject().getString("x-better-auth-plugin", null);
                if (plugin == null || pluginOn.test(plugin)) {
                    kept.add(method, operation);
                    operation.asJsonObject().getJsonArray("tags")
                            .forEach(t -> tags.add(((jakarta.json.JsonString) t).getString()));
                    count[0]++;
                }
            });
            if (count[0] > 0) {
                paths.add(path, kept);
            }
        });
        jakarta.json.JsonArrayBuilder usedTags = Json.createArrayBuilder();
        document.getJsonArray("tags").forEach(t -> {
            if (tags.contains(t.asJsonObject().getString("name"))) {
                usedTags.add(t);
            }
        });
        return Json.createObjectBuilder(document).add("tags", usedTags).add("paths", paths).build();
    }

    /** The document with one server: {@code url}, the endpoints' path within the origin. */
    static JsonObject withServer(JsonObject document, String url) {
        return Json.createObjectBuilder(document)
                .add("servers", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("url", url)
                        .add("description", "The endpoints' path: the context path and better-auth.base-path")))
                .build();
    }

    /** The shipped document, read once (on the first request, not at deployment). */
    static final class Document {
        static final JsonObject JSON = read();

        private Document() {
        }

        static JsonObject read() {
            try (InputStream in = OpenApiResource.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the better-auth-jakarta JAR");
                }
                try (JsonReader reader = Json.createReader(in)) {
                    return reader.readObject();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + RESOURCE, e);
            }
        }
    }
}
