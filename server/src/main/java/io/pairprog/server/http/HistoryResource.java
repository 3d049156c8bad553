package io.pairprog.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.server.history.HistoryPage;
import io.pairprog.server.history.HistoryStep;
import io.pairprog.server.history.RoomHistory;
import io.pairprog.server.room.Ownership;
import io.pairprog.server.room.Room;
import io.pairprog.server.room.RoomRegistry;
import io.pairprog.server.store.RoomRecord;
import io.pairprog.server.store.RoomStore;
import io.pairprog.server.store.StoreException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code /rooms/{roomId}/…}: a room's past — its history, the text at any revision, and restoring it. */
@Path("rooms")
@Produces(MediaType.APPLICATION_JSON)
public final class HistoryResource {
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 200;
    /** How long a restore waits for its commit; the group commit normally takes milliseconds. */
    private static final long RESTORE_TIMEOUT_SECONDS = 10;

    private final RoomStore rooms;
    private final RoomHistory history;
    private final RoomRegistry registry;
    private final ObjectMapper json;

    public HistoryResource(RoomStore rooms, RoomHistory history, RoomRegistry registry, ObjectMapper json) {
        this.rooms = rooms;
        this.history = history;
        this.registry = registry;
        this.json = json;
    }

    @GET
    @Path("{roomId}/history")
    @Operation(summary = "A room's history",
            description = "Revisions grouped into steps (one author, no pause over 30 s), newest first, paged.")
    public History history(@PathParam("roomId") String roomId,
                           @Parameter(description = "Only steps before this revision (exclusive); pass nextBefore.")
                           @QueryParam("before") String before,
                           @Parameter(description = "Steps per page, 1-" + MAX_PAGE + " (default " + DEFAULT_PAGE + ").")
                           @QueryParam("limit") String limit) {
        RoomRecord room = RoomResource.stored(rooms, roomId);
        long beforeRevision = before == null ? room.revision() + 1 : number("before", before, 1, Long.MAX_VALUE);
        int pageSize = limit == null ? DEFAULT_PAGE : (int) number("limit", limit, 1, MAX_PAGE);
        HistoryPage page = history.page(room, beforeRevision, pageSize);
        return new History(room.id(), page.revision(), page.steps(), page.nextBefore());
    }

    @GET
    @Path("{roomId}/revisions/{revision}")
    @Operation(summary = "The text at a revision", description = "Revision 0 is the empty text every room starts with.")
    public Revision revision(@PathParam("roomId") String roomId, @PathParam("revision") String revision) {
        RoomRecord room = RoomResource.stored(rooms, roomId);
        long n = revisionOf(room, number("revision", revision, 0, Long.MAX_VALUE));
        return new Revision(room.id(), n, history.textAt(room, n));
    }

    @POST
    @Path("{roomId}/restore")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Restore a revision",
            description = "Turns the current text into the text at that revision as one new revision, which every "
                    + "connected client receives. The past is never rewritten.")
    public Restored restore(@PathParam("roomId") String roomId, @RequestBody(content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Restore.class))) String body)
            throws JsonProcessingException {
        RoomRecord room = RoomResource.stored(rooms, roomId);
        Restore request = body == null || body.isBlank() ? null : json.readValue(body, Restore.class);
        if (request == null || request.revision() == null) {
            throw new ApiException(400, ErrorCode.INVALID_REQUEST, "body must be {\"revision\": n}");
        }
        String name = request.name() == null || request.name().isBlank() ? null : request.name().strip();
        if (name != null && (name.length() > 64 || name.chars().anyMatch(Character::isISOControl))) {
            throw new ApiException(400, ErrorCode.INVALID_REQUEST, "name must be 1-64 characters without control characters");
        }
        long n = revisionOf(room, request.revision());
        String target = history.textAt(room, n);
        Ownership.Elsewhere[] owner = new Ownership.Elsewhere[1];
        Optional<CompletableFuture<Room.Restored>> here = registry.restore(room.id(), target, n, name, owner);
        if (here.isEmpty() && owner[0] != null) {
            // Another node serves the room: only it may change the text.
            return OwnerForwarding.post(owner[0].url(), "/rooms/" + room.id() + "/restore", body, json, Restored.class,
                    Duration.ofSeconds(RESTORE_TIMEOUT_SECONDS + 2));
        }
        CompletableFuture<Room.Restored> outcome = here.orElseThrow(() ->
                new ApiException(404, ErrorCode.ROOM_NOT_FOUND, "no room " + room.id()));
        try {
            Room.Restored done = outcome.get(RESTORE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new Restored(room.id(), done.revision(), n, done.changed());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException store) {
                throw store; // 503, nothing was stored
            }
            throw new ApiException(409, ErrorCode.DOCUMENT_TOO_LARGE, e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new ApiException(503, ErrorCode.STORE_UNAVAILABLE,
                    "the restore was not stored within " + RESTORE_TIMEOUT_SECONDS + " s; check the history before retrying");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, ErrorCode.STORE_UNAVAILABLE, "interrupted while storing the restore");
        }
    }

    private static long revisionOf(RoomRecord room, long n) {
        if (n < 0 || n > room.revision()) {
            throw new ApiException(404, ErrorCode.REVISION_NOT_FOUND, "revision " + n + " does not exist; the room is at "
                    + "revision " + room.revision());
        }
        return n;
    }

    /** Query and path numbers are read here: JAX-RS would answer a malformed one with 404. */
    private static long number(String name, String value, long min, long max) {
        long n;
        try {
            n = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(400, ErrorCode.INVALID_REQUEST, name + " must be an integer");
        }
        if (n < min || n > max) {
            throw new ApiException(400, ErrorCode.INVALID_REQUEST, name + " must be between " + min + " and " + max);
        }
        return n;
    }

    public record History(UUID roomId, long revision, List<HistoryStep> steps, Long nextBefore) {
    }

    public record Revision(UUID roomId, long revision, String code) {
    }

    public record Restore(@Schema(description = "The revision whose text to bring back.", example = "42") Long revision,
                          @Schema(description = "Who restores, shown in the history.", example = "Ada") String name) {
    }

    public record Restored(UUID roomId, long revision, long restoredRevision, boolean changed) {
    }
}
