package io.pairprog.server.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pairprog.server.store.Database;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health} for orchestrators: liveness says the process serves HTTP (restart it when this fails);
 * readiness says it can do its work, which needs the database (send it no traffic while this is 503).
 * Readiness takes at most a few seconds: the pool's 2 s connection timeout plus a 1 s query timeout.
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public final class HealthResource {
    private static final Logger log = LoggerFactory.getLogger(HealthResource.class);
    private static final int QUERY_TIMEOUT_SECONDS = 1;
    private static final String DATABASE_DOWN = "the database does not answer";

    private final Database database;
    private final Liveness liveness;

    public HealthResource(Database database, Liveness liveness) {
        this.database = database;
        this.liveness = liveness;
    }

    @GET
    @Operation(summary = "Liveness: the server answers HTTP and its internal threads and store are alive",
            responses = {
                    @ApiResponse(responseCode = "200", description = "alive",
                            content = @Content(schema = @Schema(implementation = Health.class))),
                    @ApiResponse(responseCode = "503", description = "a part of the server has died; restart it",
                            content = @Content(schema = @Schema(implementation = Health.class)))})
    public Response live() {
        List<String> problems = liveness.problems();
        return problems.isEmpty() ? Response.ok(new Health("UP", null, null)).build()
                : Response.status(503).entity(new Health("DOWN", null, String.join("; ", problems))).build();
    }

    @GET
    @Path("ready")
    @Operation(summary = "Readiness: the database answers",
            responses = {
                    @ApiResponse(responseCode = "200", description = "ready",
                            content = @Content(schema = @Schema(implementation = Health.class))),
                    @ApiResponse(responseCode = "503", description = "the database does not answer",
                            content = @Content(schema = @Schema(implementation = Health.class)))})
    public Response ready() {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
            return Response.ok(new Health("UP", "UP", null)).build();
        } catch (SQLException | RuntimeException e) {
            log.debug("readiness check failed", e);
            // What the driver said (host names, ports, user names) is for the log, not for whoever asks.
            return Response.status(503).entity(new Health("DOWN", "DOWN", DATABASE_DOWN)).build();
        }
    }

    /** @param database UP or DOWN, on readiness only; @param reason why it is DOWN, in general words */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Health(String status, String database, String reason) {
    }
}
