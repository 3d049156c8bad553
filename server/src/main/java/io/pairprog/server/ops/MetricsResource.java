package io.pairprog.server.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** {@code GET /metrics}: for Prometheus to scrape. */
@Path("metrics")
@Tag(name = "operations")
public final class MetricsResource {
    /** Prometheus's text format; scrapers read the version from the content type. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerMetrics metrics;

    public MetricsResource(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    @GET
    @Produces(PROMETHEUS_TEXT)
    @Operation(summary = "Metrics in Prometheus text format",
            description = "Open connections, rooms in memory, stored edits (rate() gives edits/s), fan-out latency, "
                    + "commit batch sizes and latency, JVM memory, GC, threads and CPU.")
    public String scrape() {
        return metrics.scrape();
    }
}
