package io.pairprog.server.ws;

import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.ServerMessage;
import io.pairprog.server.room.Peer;
import io.pairprog.server.room.Room;
import io.pairprog.server.room.RoomFiles;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;

/**
 * What one connection does with a room's files (docs/protocol.md, "Files"): following the tree, changing
 * it, and the files it has open, each the connection's membership of that file's document. A message
 * naming a file goes to that file's document exactly as an unnamed one goes to the room.
 */
final class ConnectionFiles {
    private final Peer peer;
    private final MessageCodec codec;
    private final boolean readOnly;
    /**
     * The documents this connection has open, by file id: its message thread adds and removes them, its
     * close handler takes them all. No lock is held while calling a room: a send may close the connection
     * at once, from inside a room's or the tree's lock.
     */
    private final Map<UUID, Room> open = new ConcurrentHashMap<>();
    private volatile RoomFiles watched;
    private volatile String clientId;
    private volatile boolean closed;

    ConnectionFiles(Peer peer, MessageCodec codec, boolean readOnly) {
        this.peer = peer;
        this.codec = codec;
        this.readOnly = readOnly;
    }

    /** Whether this message is about files (named by {@code file}, or a change of the tree). */
    static boolean concerns(MessageCodec.Addressed message) {
        return message.file() != null || message.message() instanceof ClientMessage.ListFiles
                || message.message() instanceof ClientMessage.CreateFile
                || message.message() instanceof ClientMessage.MoveFile
                || message.message() instanceof ClientMessage.DeleteFile;
    }

    /** The connection's client id once it said hello to the room, shown as the author of its tree changes. */
    void joinedAs(String id) {
        clientId = id;
    }

    /** Handles a message about files; {@code paused} pauses the connection's messages until {@code resume} runs. */
    void handle(Room room, MessageCodec.Addressed message, Runnable pause, Runnable resume) {
        if (closed) {
            return;
        }
        RoomFiles files = room.files();
        if (message.file() == null) {
            tree(files, message.message());
            return;
        }
        UUID id = UUID.fromString(message.file());
        ClientMessage m = message.message();
        Long clientSeq = m instanceof ClientMessage.Op op ? op.clientSeq() : null;
        if (id.equals(room.id())) {
            error(ErrorCode.MALFORMED_MESSAGE, "the main file is the room's own text: send without \"file\"",
                    clientSeq, null, null);
            return;
        }
        if (m instanceof ClientMessage.OpenFile) {
            openFile(files, id, message.file());
            return;
        }
        Room document = open.get(id);
        if (document == null) {
            boolean exists = files.has(id);
            error(exists ? ErrorCode.NOT_JOINED : ErrorCode.FILE_DELETED, exists ? "open_file this file first"
                    : "no file " + id + " in this room (it was deleted)", clientSeq, null, message.file());
            return;
        }
        if (m instanceof ClientMessage.Hello hello) {
            pause.run();
            document.hello(peer, hello, resume);
        } else if (m instanceof ClientMessage.Op op) {
            document.receive(peer, op);
        } else if (m instanceof ClientMessage.Cursor cursor) {
            document.cursor(peer, cursor);
        } else if (m instanceof ClientMessage.CloseFile) {
            if (open.remove(id) != null) {
                document.leave(peer);
            }
        } else {
            error(ErrorCode.MALFORMED_MESSAGE, "a " + m.getClass().getSimpleName() + " cannot name a file", null, null,
                    message.file());
        }
    }

    private void openFile(RoomFiles files, UUID id, String file) {
        if (open.containsKey(id)) {
            return; // already open: its initial_code came then
        }
        try {
            Room document = files.open(id);
            document.join(peer, readOnly);
            open.put(id, document);
            if (closed && open.remove(id) != null) {
                document.leave(peer); // the connection closed meanwhile, after its close handler took the rest
            }
        } catch (RoomFiles.Refused e) {
            error(e.code(), "open_file: " + e.getMessage(), null, null, file);
        }
    }

    private void tree(RoomFiles files, ClientMessage m) {
        if (m instanceof ClientMessage.ListFiles) {
            watched = files;
            files.watch(peer);
            return;
        }
        Long requestId = m instanceof ClientMessage.CreateFile c ? c.requestId()
                : m instanceof ClientMessage.MoveFile v ? v.requestId()
                : m instanceof ClientMessage.DeleteFile d ? d.requestId() : null;
        if (readOnly) {
            error(ErrorCode.READ_ONLY, "this connection joined through a view-only link and cannot change files",
                    null, requestId, null);
            return;
        }
        try {
            if (m instanceof ClientMessage.CreateFile create) {
                CompletableFuture<Room.Restored> written = files.create(create.path(), create.text(), clientId,
                        clientId, requestId).written();
                written.whenComplete((done, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                        error(cause instanceof RoomFiles.Refused r ? r.code() : ErrorCode.STORE_UNAVAILABLE,
                                "create_file: the file was created, its text not written: " + cause.getMessage(),
                                null, requestId, null);
                    }
                });
            } else if (m instanceof ClientMessage.MoveFile move) {
                files.move(move.from(), move.to(), clientId, clientId, requestId);
            } else if (m instanceof ClientMessage.DeleteFile delete) {
                files.delete(delete.path(), clientId, clientId, requestId);
            }
        } catch (RoomFiles.Refused e) {
            error(e.code(), e.getMessage(), null, requestId, null);
        }
    }

    /** An error, naming {@code file} when it is about one (a file's edit is refused by its own clientSeq). */
    private void error(ErrorCode code, String message, Long clientSeq, Long requestId, String file) {
        ServerMessage.Error error = new ServerMessage.Error(code, message, clientSeq, requestId);
        peer.send(file == null ? codec.encode(error) : codec.encode(error, file));
    }

    /** The connection has gone: it leaves every file it had open and stops following the tree. */
    void closeAll() {
        closed = true;
        for (UUID id : List.copyOf(open.keySet())) {
            Room document = open.remove(id);
            if (document != null) {
                document.leave(peer);
            }
        }
        RoomFiles tree = watched;
        if (tree != null) {
            tree.unwatch(peer);
        }
    }
}
