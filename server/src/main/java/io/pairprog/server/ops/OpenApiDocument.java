package io.pairprog.server.ops;

import io.pairprog.server.http.ErrorBody;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import jakarta.ws.rs.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The OpenAPI 3 description of the REST API, read by swagger-core from the resources registered in
 * Jersey, so it cannot drift from the code. What the resources do not say is added by rule: each
 * untagged operation is tagged with its first path segment, and each API operation (all but the
 * "operations" ones) gets the {@code {code, message}} error body that {@code ErrorMapper} gives every
 * failure.
 */
final class OpenApiDocument {
    static final String PROTOCOL_PAGE = "/docs/protocol.html";
    private static final String ERROR_SCHEMA = "ErrorBody";
    /** The tag of /health and /metrics, which answer for the server, not for the API. */
    private static final String OPERATIONS_TAG = "operations";

    private OpenApiDocument() {
    }

    /** The document as JSON, for the resources registered in {@code rest} (its {@code @Hidden} ones left out). */
    static String json(ResourceConfig rest) {
        try {
            return Json.pretty(read(rest));
        } catch (RuntimeException e) {
            throw new IllegalStateException("OpenAPI document: " + e.getMessage(), e);
        }
    }

    static OpenAPI read(ResourceConfig rest) {
        Set<Class<?>> resources = new LinkedHashSet<>();
        rest.getClasses().stream().filter(c -> c.isAnnotationPresent(Path.class)).forEach(resources::add);
        rest.getInstances().stream().map(Object::getClass).filter(c -> c.isAnnotationPresent(Path.class))
                .forEach(resources::add);
        OpenAPI base = new OpenAPI()
                .info(new Info().title("pairprog").version(version()).description("""
                        The REST side of pairprog. Editing itself happens over the WebSocket `/ws/{roomId}`, \
                        described in the [WebSocket protocol](%s); every error here is JSON `{code, message}` \
                        with the HTTP status.""".formatted(PROTOCOL_PAGE)))
                .externalDocs(new ExternalDocumentation().description("WebSocket protocol").url(PROTOCOL_PAGE));
        OpenAPI api = new Reader(new SwaggerConfiguration().openAPI(base).sortOutput(true)
                .defaultResponseCode("200")).read(resources);
        tagByFirstSegment(api);
        addErrorBodies(api);
        return api;
    }

    private static void addErrorBodies(OpenAPI api) {
        ModelConverters.getInstance().readAll(ErrorBody.class).forEach(api.getComponents()::addSchemas);
        ApiResponse error = new ApiResponse().description("The error, as `{code, message}` (a 500 also has errorId)")
                .content(new Content().addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA))));
        forEachOperation(api, (path, operation) -> {
            ApiResponse success = operation.getResponses().get("200");
            if (success != null && Reader.DEFAULT_DESCRIPTION.equals(success.getDescription())) {
                success.setDescription("OK"); // rather than swagger-core's "default response"
            }
            if (!operation.getTags().contains(OPERATIONS_TAG)) {
                operation.getResponses().putIfAbsent("default", error);
            }
        });
    }

    private static void tagByFirstSegment(OpenAPI api) {
        Set<String> tags = new LinkedHashSet<>();
        forEachOperation(api, (path, operation) -> {
            if (operation.getTags() == null || operation.getTags().isEmpty()) {
                operation.setTags(List.of(path.split("/")[1]));
            }
            tags.addAll(operation.getTags());
        });
        api.setTags(tags.stream().sorted().map(name -> new Tag().name(name)).toList());
    }

    private static void forEachOperation(OpenAPI api, BiConsumer<String, Operation> action) {
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> action.accept(path, op)));
    }

    private static String version() {
        String version = OpenApiDocument.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
