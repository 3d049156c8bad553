package io.pairprog.client;

import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.ServerMessage;

/**
 * One open file's "connection", as its {@link RoomClient} sees it: opening it is {@code open_file} on the
 * room's connection, dropping it {@code close_file}, and it drops when the room's connection does. What the
 * server still sends about a membership already given up is not this connection's: every {@code open_file}
 * is answered by one {@code initial_code} (or a refusal), so messages are dropped until the answer to the
 * last one arrives.
 */
final class FileChannel implements Transport {
    private final FilesClient files;
    private final String file;
    RoomClient client;
    /** The client wants a connection (between connect and disconnect). */
    private boolean wanted;
    /** open_file was sent on the room's current connection and not closed since. */
    private boolean open;
    /** open_files sent whose answer has not arrived. */
    private int unanswered;

    FileChannel(FilesClient files, String file) {
        this.files = files;
        this.file = file;
    }

    @Override
    public boolean send(ClientMessage message) {
        return open && files.send(file, message);
    }

    @Override
    public void connect() {
        drop();
        wanted = true;
        if (files.ready()) {
            openNow();
        }
    }

    @Override
    public void disconnect() {
        wanted = false;
        drop();
    }

    private void drop() {
        if (open) {
            open = false;
            files.send(file, new ClientMessage.CloseFile());
        }
    }

    private void openNow() {
        open = true;
        unanswered++;
        files.send(file, new ClientMessage.OpenFile());
        client.opened();
    }

    void roomReady() {
        if (wanted && !open) {
            openNow();
        }
    }

    void roomLost() {
        unanswered = 0; // nothing of the old connection comes any more
        if (open) {
            open = false;
            client.closed(1006, "the room's connection dropped"); // as a dropped WebSocket reports it
        }
    }

    void deliver(ServerMessage message) {
        if (!open) {
            return;
        }
        if (unanswered > 0) {
            boolean answer = message instanceof ServerMessage.InitialCode
                    || message instanceof ServerMessage.Error error && error.clientSeq() == null
                    && (error.code() == ErrorCode.FILE_NOT_FOUND || error.code() == ErrorCode.FILE_DELETED);
            if (!answer || --unanswered > 0) {
                return; // about a membership given up before the last open_file
            }
        }
        client.receive(message);
    }
}
