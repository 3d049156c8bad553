package io.pairprog.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.Languages;
import io.pairprog.server.room.Room;
import io.pairprog.server.room.RoomIds;
import io.pairprog.server.room.RoomRegistry;
import io.pairprog.server.store.RoomRecord;
import io.pairprog.server.store.RoomStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** {@code /rooms}: the seed's room creation, plus reading a room's stored state. */
@Path("rooms")
@Produces(MediaType.APPLICATION_JSON)
public final class RoomResource {
    private final RoomStore rooms;
    private final RoomRegistry registry;
    private final ObjectMapper json;

    public RoomResource(RoomStore rooms, RoomRegistry registry, ObjectMapper json) {
        this.rooms = rooms;
        this.registry = registry;
        this.json = json;
    }

    /** The seed sends no body; a JSON body may choose the room's language. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Create a room", description = "The seed's call: no body needed. Returns the new room's id "
            + "(which lets anyone who has it edit) and a view-only link (which does not reveal the id).")
    public Created create(@Context UriInfo uri, @RequestBody(required = false, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateRoom.class))) String body)
            throws JsonProcessingException {
        CreateRoom request = body == null || body.isBlank() ? new CreateRoom(null)
                : json.readValue(body, CreateRoom.class);
        RoomRecord room = rooms.create(languageOf(request));
        return new Created(room.id(), room.viewId(), viewUrl(uri, room.viewId()));
    }

    /** The language asked for, in lower case, or the default; 422 for one a room cannot have. */
    private static String languageOf(CreateRoom request) {
        if (request.language() == null) {
            return Languages.DEFAULT;
        }
        String language = request.language().toLowerCase(Locale.ROOT);
        if (!Languages.isKnown(language)) {
            throw new ApiException(422, ErrorCode.INVALID_REQUEST, "unknown language; use one of "
                    + String.join(", ", Languages.ALL.stream().sorted().toList()));
        }
        return language;
    }

    /** The page's link for a view-only key, on the address the caller used to reach this server. */
    private static String viewUrl(UriInfo uri, String viewId) {
        return uri.getBaseUriBuilder().replacePath("/").replaceQuery(null).queryParam("view", viewId).build().toString();
    }

    @GET
    @Path("{roomId}")
    @Operation(summary = "Read a room", description = "The stored (acknowledged) text, revision, language and "
            + "view-only link.")
    public RoomView get(@Context UriInfo uri, @PathParam("roomId") String roomId) {
        RoomRecord room = stored(rooms, roomId);
        String viewId = rooms.viewIdOf(room).orElseThrow(() ->
                new ApiException(404, ErrorCode.ROOM_NOT_FOUND, "no room " + room.id()));
        // An open room has its stored text in memory; only a closed one (or one that another server has
        // moved past it) is read back from the store.
        Room.RoomSnapshot open = registry.loaded(room.id()).map(Room::snapshot)
                .filter(memory -> memory.revision() >= room.revision()).orElse(null);
        String code = open != null ? open.text() : rooms.textAt(room.id(), room.revision());
        long revision = open != null ? open.revision() : room.revision();
        return new RoomView(room.id(), code, revision, room.language(), room.updatedAt(), viewId, viewUrl(uri, viewId));
    }

    /**
     * The stored room a path names, without its text (one row); 400 if it is not a room id, 404 if there
     * is no such room.
     */
    static RoomRecord stored(RoomStore rooms, String roomId) {
        UUID id = RoomIds.parse(roomId).orElseThrow(() ->
                new ApiException(400, ErrorCode.INVALID_ROOM_ID, "room id must be a UUID"));
        return rooms.describe(id).orElseThrow(() -> new ApiException(404, ErrorCode.ROOM_NOT_FOUND, "no room " + id));
    }

    public record CreateRoom(@Schema(description = "The room's language; python when absent.", example = "python",
            allowableValues = {"python", "javascript", "typescript", "java", "go", "plaintext"}) String language) {
    }

    public record Created(UUID roomId, String viewId, String viewUrl) {
    }

    public record RoomView(UUID roomId, String code, long revision, String language, Instant updatedAt,
                           String viewId, String viewUrl) {
    }
}
