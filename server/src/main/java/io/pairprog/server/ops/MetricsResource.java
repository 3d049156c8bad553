package io.pairprog.server.ops;

import io.pairprog.protocol.ErrorCode;
import io.pairprog.server.http.ErrorBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics}: for Prometheus to scrape. With a token ({@code --metrics-token}) only for a scraper
 * that sends it as a bearer token: the numbers tell how busy the server is and when, which is nobody
 * else's business.
 */
@Path("metrics")
@Tag(name = "operations")
public final class MetricsResource {
    /** Prometheus's text format; scrapers read the version from the content type. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerMetrics metrics;
    private final byte[] expected;

    /** @param token the bearer token scrapers must send; empty: none needed */
    public MetricsResource(ServerMetrics metrics, String token) {
        this.metrics = metrics;
        this.expected = token.isEmpty() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @GET
    @Produces({PROMETHEUS_TEXT, MediaType.APPLICATION_JSON})
    @Operation(summary = "Metrics in Prometheus text format",
            description = "Open connections, rooms in memory, stored edits (rate() gives edits/s), fan-out latency, "
                    + "commit batch sizes and latency, JVM memory, GC, threads and CPU. Needs 'Authorization: Bearer "
                    + "<token>' when the server was started with --metrics-token.")
    public Response scrape(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (expected != null && (authorization == null
                || !MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.UTF_8)))) {
            return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"")
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(ErrorCode.INVALID_REQUEST,
                            "metrics need the bearer token the server was started with (--metrics-token)", null)).build();
        }
        return Response.ok(metrics.scrape(), PROMETHEUS_TEXT).build();
    }
}
