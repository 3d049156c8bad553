package io.pairprog.server.http;

import io.pairprog.protocol.ErrorCode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * Every request body the API reads must be declared {@code application/json}. A page of another site can
 * make a browser send a form (text/plain, urlencoded, multipart) without asking first, and the browser
 * asks (a CORS preflight, which this server never grants) before sending JSON; so a body that is not
 * declared JSON is how a cross-site form would write, and is refused with 415. No body at all (the seed's
 * {@code POST /rooms/}) needs no type. A PUT (a file's text) may have any type: no page of another site can
 * send one without that preflight.
 */
@PreMatching
final class JsonBodies implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        if (request.hasEntity() && !"PUT".equals(request.getMethod()) && !isJson(request.getMediaType())) {
            throw new ApiException(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "unsupported content type; send application/json");
        }
    }

    private static boolean isJson(MediaType type) {
        return type != null && type.getType().equalsIgnoreCase("application")
                && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }
}
