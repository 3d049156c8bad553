package io.pairprog.server.ops;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * {@code GET /openapi.json}, which Swagger UI at {@code /docs} reads. Built on the first request, when
 * every resource is registered, and kept: the resources do not change while the server runs.
 */
@Path("openapi.json")
@Hidden
public final class OpenApiResource {
    private final ResourceConfig rest;
    private volatile String document;

    public OpenApiResource(ResourceConfig rest) {
        this.rest = rest;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String document() {
        String json = document;
        if (json == null) {
            json = OpenApiDocument.json(rest);
            document = json;
        }
        return json;
    }
}
