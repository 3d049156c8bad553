package io.pairprog.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.FilePaths;
import io.pairprog.protocol.FileTypes;
import io.pairprog.protocol.ProtocolException;
import io.pairprog.server.room.EditRefused;
import io.pairprog.server.room.Ownership;
import io.pairprog.server.room.Room;
import io.pairprog.server.room.RoomFiles;
import io.pairprog.server.room.RoomRegistry;
import io.pairprog.server.store.RoomFileStore;
import io.pairprog.server.store.RoomRecord;
import io.pairprog.server.store.RoomStore;
import io.pairprog.server.store.StoreException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code /rooms/{id}/files}: a room's files for curl and scripts (docs/protocol.md, "Files over REST").
 * Reads come from the store on any node; a change is made by the node serving the room, forwarded there
 * when that is another one, and everyone in the room sees it arrive as they see a person's.
 */
@Path("rooms")
public final class FilesResource {
    private static final long WRITE_TIMEOUT_SECONDS = 10;
    private final RoomStore rooms;
    private final RoomFileStore files;
    private final RoomRegistry registry;
    private final ObjectMapper json;

    public FilesResource(RoomStore rooms, RoomFileStore files, RoomRegistry registry, ObjectMapper json) {
        this.rooms = rooms;
        this.files = files;
        this.registry = registry;
        this.json = json;
    }

    public record FileView(UUID id, String path, String language, long revision, long size, boolean main) {
    }

    public record Tree(UUID roomId, List<FileView> files) {
    }

    public record Written(UUID roomId, String path, UUID id, long revision, boolean created, boolean changed) {
    }

    public record Moved(UUID roomId, String from, String to) {
    }

    public record Deleted(UUID roomId, String path) {
    }

    public record Move(String from, String to) {
    }

    @GET
    @Path("{roomId}/files")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List a room's files", description = "Every file's id, path, language, stored revision "
            + "and size in UTF-16 code units; main marks the room's main file (initial_code's).")
    public Tree list(@PathParam("roomId") String roomId) {
        RoomRecord room = RoomResource.stored(rooms, roomId);
        List<FileView> views = files.tree(room.id()).stream().map(f -> new FileView(f.document(), f.path(),
                f.document().equals(room.id()) ? room.language() : FileTypes.languageOf(f.path(), room.language()),
                f.revision(), f.length(), f.document().equals(room.id()))).toList();
        return new Tree(room.id(), views);
    }

    @GET
    @Path("{roomId}/files/{path: .+}")
    @Produces("text/plain; charset=utf-8")
    @Operation(summary = "Read a file", description = "The file's stored text, as it is.")
    public String read(@PathParam("roomId") String roomId, @PathParam("path") String path) {
        RoomRecord room = RoomResource.stored(rooms, roomId);
        RoomFileStore.Located file = files.find(room.id(), checked(path))
                .orElseThrow(() -> new ApiException(404, ErrorCode.FILE_NOT_FOUND, "no file " + path));
        return rooms.textAt(file.document(), file.revision());
    }

    @PUT
    @Path("{roomId}/files/{path: .+}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a file", description = "The body (UTF-8 text) becomes the file's text: "
            + "a new file, or one edit of an existing one that everyone in the room sees arrive.")
    public Written write(@PathParam("roomId") String roomId, @PathParam("path") String path,
                         @QueryParam("name") String name, byte[] body) {
        RoomRecord room = RoomResource.stored(rooms, roomId);
        String text = utf8(body);
        String author = author(name);
        checked(path);
        return change(room, "PUT", "/files/" + encode(path) + query(name), "text/plain; charset=utf-8", text,
                Written.class, tree -> {
                    UUID existing = tree.documentAt(path);
                    if (existing != null) {
                        Room.Restored done = await(tree.write(existing, text, author));
                        return new Written(room.id(), path, existing, done.revision(), false, done.changed());
                    }
                    RoomFiles.Created created = tree.create(path, text, author, null, null);
                    Room.Restored done = await(created.written());
                    return new Written(room.id(), path, created.document(), done.revision(), true, done.changed());
                });
    }

    @DELETE
    @Path("{roomId}/files/{path: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delete a file or a folder", description = "Its history stays; edits sent to it afterwards "
            + "are refused with FILE_DELETED.")
    public Deleted delete(@PathParam("roomId") String roomId, @PathParam("path") String path,
                          @QueryParam("name") String name) {
        RoomRecord room = RoomResource.stored(rooms, roomId);
        checked(path);
        return change(room, "DELETE", "/files/" + encode(path) + query(name), "text/plain", null, Deleted.class,
                tree -> {
                    tree.delete(path, author(name), null, null);
                    return new Deleted(room.id(), path);
                });
    }

    @POST
    @Path("{roomId}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move or rename a file or a folder", description = "Body {\"from\": path, \"to\": path}.")
    public Moved move(@PathParam("roomId") String roomId, @QueryParam("name") String name, String body) {
        RoomRecord room = RoomResource.stored(rooms, roomId);
        Move move;
        try {
            move = json.readValue(body, Move.class);
        } catch (java.io.IOException e) {
            move = null;
        }
        if (move == null || move.from() == null || move.to() == null) {
            throw new ApiException(400, ErrorCode.INVALID_REQUEST, "body must be {\"from\": path, \"to\": path}");
        }
        checked(move.from());
        checked(move.to());
        Move asked = move;
        return change(room, "POST", "/move" + query(name), "application/json", body, Moved.class, tree -> {
            tree.move(asked.from(), asked.to(), author(name), null, null);
            return new Moved(room.id(), asked.from(), asked.to());
        });
    }

    @GET
    @Path("{roomId}/archive.zip")
    @Produces("application/zip")
    @Operation(summary = "Download the room's files as a zip", description = "Every file at its stored revision.")
    public Response archive(@PathParam("roomId") String roomId) {
        RoomRecord room = RoomResource.stored(rooms, roomId);
        List<RoomFileStore.StoredFile> tree = files.tree(room.id());
        StreamingOutput zip = out -> {
            try (ZipOutputStream stream = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                for (RoomFileStore.StoredFile file : tree) {
                    stream.putNextEntry(new ZipEntry(file.path()));
                    stream.write(rooms.textAt(file.document(), file.revision()).getBytes(StandardCharsets.UTF_8));
                    stream.closeEntry();
                }
            }
        };
        return Response.ok(zip).header("Content-Disposition",
                "attachment; filename=\"room-" + room.id().toString().substring(0, 8) + ".zip\"").build();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static String checked(String path) {
        try {
            return FilePaths.require(path);
        } catch (ProtocolException e) {
            throw new ApiException(400, e.code(), e.getMessage());
        }
    }

    /** The body as text: strict UTF-8 without NUL, else 422 BINARY_FILE (rooms hold text files only). */
    private static String utf8(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            if (text.indexOf('\0') >= 0) {
                throw new ApiException(422, ErrorCode.BINARY_FILE, "the body holds NUL bytes: rooms hold text files only");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new ApiException(422, ErrorCode.BINARY_FILE, "the body is not UTF-8 text: rooms hold text files only");
        }
    }

    private static String author(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String stripped = name.strip();
        if (stripped.length() > 64 || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new ApiException(400, ErrorCode.INVALID_REQUEST, "name must be 1-64 characters without control characters");
        }
        return stripped;
    }

    private Room.Restored await(CompletableFuture<Room.Restored> outcome) {
        try {
            return outcome.get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException store) {
                throw store; // 503, nothing was stored
            }
            if (e.getCause() instanceof EditRefused refused) {
                throw refused(refused.code(), refused.getMessage());
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new ApiException(503, ErrorCode.STORE_UNAVAILABLE, "the write was not stored within "
                    + WRITE_TIMEOUT_SECONDS + " s; read the file before retrying");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, ErrorCode.STORE_UNAVAILABLE, "interrupted while storing the write");
        }
    }

    /** The HTTP status of a refused change: the path's fault 400, a clash 409, too much 413, not text 422. */
    static ApiException refused(ErrorCode code, String message) {
        int status = switch (code) {
            case FILE_NOT_FOUND -> 404;
            case PATH_TAKEN, MAIN_FILE, TOO_MANY_FILES, FILE_DELETED -> 409;
            case DOCUMENT_TOO_LARGE, PROJECT_TOO_LARGE -> 413;
            case BINARY_FILE -> 422;
            case STORE_UNAVAILABLE -> 503;
            default -> 400;
        };
        return new ApiException(status, code, message);
    }

    /**
     * A change of the room's files: made here when this node serves the room, else the same request
     * ({@code method} on {@code path} under the room, with {@code body}) is sent on to the node that does.
     */
    private <T> T change(RoomRecord room, String method, String path, String contentType, String body, Class<T> type,
                         RoomRegistry.FilesWork<T> work) {
        Ownership.Elsewhere[] owner = new Ownership.Elsewhere[1];
        Optional<T> here;
        try {
            here = registry.onFiles(room.id(), owner, work);
        } catch (RoomFiles.Refused e) {
            throw refused(e.code(), e.getMessage());
        }
        if (here.isPresent()) {
            return here.get();
        }
        if (owner[0] == null) {
            throw new ApiException(404, ErrorCode.ROOM_NOT_FOUND, "no room " + room.id());
        }
        return OwnerForwarding.send(owner[0].url(), method, "/rooms/" + room.id() + path, contentType, body, json, type,
                Duration.ofSeconds(WRITE_TIMEOUT_SECONDS + 2));
    }

    private static String encode(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    private static String query(String name) {
        return name == null ? "" : "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
