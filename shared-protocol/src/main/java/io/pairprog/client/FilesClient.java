package io.pairprog.client;

import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The files of a room beside its main file, over the room's one connection (docs/protocol.md, "Files"):
 * the tree, and a full {@link RoomClient} for each open file, whose "connection" is a {@link FileChannel}
 * on the room's. Each file therefore gets everything the room's text has (catch-up, resend exactly once,
 * the reaction to every error) from the same code. Owned by whoever owns the room's {@link RoomClient},
 * on its thread: it says when the room is joined and when its connection dropped, and hands over every
 * message that names a file or the tree. The web page's {@code files-client.js} is its twin.
 */
public final class FilesClient {

    /** What happens to the tree. */
    public interface TreeListener {
        /** The whole tree, after {@code list_files} (sent again after every reconnect). */
        void files(ServerMessage.Files files);

        /** One change of the tree, ours included (its {@code requestId} names our request). */
        void changed(ServerMessage.FileChanged change);

        /** A tree change of ours was refused ({@code requestId} names it). */
        void refused(ServerMessage.Error error);
    }

    private final Transport room;
    private final RoomClient roomClient;
    private final TreeListener tree;
    private final Map<String, FileChannel> channels = new HashMap<>();
    private boolean ready;
    private long nextRequest = 1;

    /** {@code room} is the room's transport, {@code roomClient} the room's client (its id and resume token are every file's). */
    public FilesClient(Transport room, RoomClient roomClient, TreeListener tree) {
        this.room = room;
        this.roomClient = roomClient;
        this.tree = tree;
    }

    /**
     * Opens the file {@code file} (its id from the tree) into {@code document}; returns its client, started.
     * After a start over it takes client ids from {@code freshIds} (n ≥ 1).
     */
    public RoomClient open(String file, IntFunction<String> freshIds, Scheduler scheduler, Document document,
                           Listener listener) {
        close(file);
        FileChannel channel = new FileChannel(this, file);
        IntFunction<String> ids = n -> n == 0 ? roomClient.clientId() : freshIds.apply(n);
        RoomClient client = new RoomClient(ids, roomClient.name(), roomClient.isReadOnly(), channel, scheduler,
                document, listener);
        channel.client = client;
        channels.put(file, channel);
        client.start();
        return client;
    }

    /**
     * Closes the file: no more of its messages; what it had unacknowledged is given up (call when it is
     * synchronized). A file deleted from the tree is closed by itself.
     */
    public void close(String file) {
        FileChannel channel = channels.remove(file);
        if (channel != null) {
            channel.client.close();
        }
    }

    /** The client of an open file, or null. */
    public RoomClient client(String file) {
        FileChannel channel = channels.get(file);
        return channel == null ? null : channel.client;
    }

    /** The ids of the open files. */
    public List<String> openFiles() {
        return new ArrayList<>(channels.keySet());
    }

    /** The room's client has joined on a (new) connection: follow the tree, and let the open files in again. */
    public void roomJoined() {
        ready = true;
        room.send(new ClientMessage.ListFiles());
        for (FileChannel channel : List.copyOf(channels.values())) {
            channel.roomReady();
        }
    }

    /** The room's connection dropped: so did every file's. */
    public void roomDropped() {
        ready = false;
        for (FileChannel channel : List.copyOf(channels.values())) {
            channel.roomLost();
        }
    }

    /**
     * A message from the server naming {@code file} (null for none); false when it is no concern of files
     * (the room's client takes it).
     */
    public boolean receive(String file, ServerMessage message) {
        if (file == null) {
            if (message instanceof ServerMessage.Files files) {
                // a file deleted while we were away is closed, as one deleted before our eyes
                java.util.Set<String> listed = new java.util.HashSet<>();
                files.files().forEach(f -> listed.add(f.id()));
                for (String open : List.copyOf(channels.keySet())) {
                    if (!listed.contains(open)) {
                        close(open);
                    }
                }
                tree.files(files);
                return true;
            }
            if (message instanceof ServerMessage.FileChanged change) {
                if (change.change().equals("deleted")) {
                    close(change.id()); // its edits after the delete are refused anyway
                }
                tree.changed(change);
                return true;
            }
            if (message instanceof ServerMessage.Error error && error.requestId() != null) {
                tree.refused(error);
                return true;
            }
            return false;
        }
        FileChannel channel = channels.get(file);
        if (channel != null) {
            channel.deliver(message);
        }
        return true; // a file closed since: its late messages are dropped
    }

    /** Asks for a new file at {@code path} holding {@code text}; returns the request id its answer names. */
    public long create(String path, String text) {
        long id = nextRequest++;
        room.send(new ClientMessage.CreateFile(path, text, id));
        return id;
    }

    /** Asks to move a file or folder; returns the request id. */
    public long move(String from, String to) {
        long id = nextRequest++;
        room.send(new ClientMessage.MoveFile(from, to, id));
        return id;
    }

    /** Asks to delete a file or folder; returns the request id. */
    public long delete(String path) {
        long id = nextRequest++;
        room.send(new ClientMessage.DeleteFile(path, id));
        return id;
    }

    // ---- for the channels ---------------------------------------------------------------------------------

    boolean ready() {
        return ready;
    }

    boolean send(String file, ClientMessage message) {
        if (message instanceof ClientMessage.Hello hello && hello.resumeToken() == null
                && hello.clientId().equals(roomClient.clientId()) && roomClient.resumeToken() != null) {
            // The room's client id is proven by the room's token in every file.
            message = new ClientMessage.Hello(hello.clientId(), hello.revision(), hello.name(), roomClient.resumeToken());
        }
        return room.send(message, file);
    }
}
