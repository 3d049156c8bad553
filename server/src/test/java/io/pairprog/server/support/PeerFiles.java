package io.pairprog.server.support;

import io.pairprog.client.Document;
import io.pairprog.client.FilesClient;
import io.pairprog.client.Listener;
import io.pairprog.client.Notice;
import io.pairprog.client.RoomClient;
import io.pairprog.client.Scheduler;
import io.pairprog.client.Status;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.ServerMessage;
import io.pairprog.ot.TextOperation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The files side of an {@link OtPeer} that opens files: the production {@link FilesClient}, the tree as
 * this client last heard it, and a text per open file, each driven by its own {@link RoomClient}. Runs on
 * the peer's thread, when it pumps.
 */
public final class PeerFiles implements FilesClient.TreeListener {
    private final String owner;
    private final Scheduler scheduler;
    private FilesClient client;
    /** path → file id, as the tree was last told. */
    private final Map<String, String> tree = new LinkedHashMap<>();
    private String mainId;
    private final Map<String, FileCopy> open = new HashMap<>();
    private final List<ServerMessage.Error> refusals = new ArrayList<>();
    /** Files whose unacknowledged edits were refused because the file was deleted, with what was lost. */
    private final List<String> refusedAsDeleted = new ArrayList<>();
    private boolean online;

    PeerFiles(String owner, Scheduler scheduler) {
        this.owner = owner;
        this.scheduler = scheduler;
    }

    void attach(FilesClient filesClient) {
        this.client = filesClient;
    }

    /** The room's client changed state: files follow its joins and drops. */
    void roomStatus(boolean joined) {
        if (joined && !online) {
            client.roomJoined();
        } else if (!joined && online) {
            client.roomDropped();
        }
        online = joined;
    }

    boolean receive(String file, ServerMessage message) {
        return client.receive(file, message);
    }

    @Override
    public void files(ServerMessage.Files files) {
        open.keySet().removeIf(id -> client.client(id) == null); // closed by the FilesClient: gone
        tree.clear();
        for (ServerMessage.FileInfo info : files.files()) {
            tree.put(info.path(), info.id());
            if (info.main()) {
                mainId = info.id();
            }
        }
    }

    @Override
    public void changed(ServerMessage.FileChanged change) {
        switch (change.change()) {
            case "created" -> tree.put(change.path(), change.id());
            case "moved" -> {
                tree.remove(change.oldPath());
                tree.put(change.path(), change.id());
            }
            case "deleted" -> {
                tree.remove(change.path());
                open.remove(change.id()); // the FilesClient closed it
            }
            default -> throw new AssertionError("unknown change " + change);
        }
    }

    @Override
    public void refused(ServerMessage.Error error) {
        refusals.add(error);
    }

    /** path → id of the files other than the main one. */
    public Map<String, String> tree() {
        Map<String, String> others = new LinkedHashMap<>(tree);
        others.values().remove(mainId);
        return others;
    }

    public long create(String path, String text) {
        return client.create(path, text);
    }

    public long move(String from, String to) {
        return client.move(from, to);
    }

    public long delete(String path) {
        return client.delete(path);
    }

    /** Opens the file {@code id} (if not open); its text arrives with the pumps that follow. */
    public void open(String id) {
        if (!open.containsKey(id)) {
            FileCopy copy = new FileCopy(id);
            open.put(id, copy);
            copy.client = client.open(id, n -> owner + "-" + id.substring(0, 4) + "-s" + n, scheduler, copy, copy);
        }
    }

    /** A random edit of an open, loaded file; false when it is not loaded yet. */
    public boolean randomEdit(String id, Random random) {
        FileCopy copy = open.get(id);
        if (copy == null || copy.client.revision() < 0) {
            return false;
        }
        TextOperation op = RandomEdits.next(random, copy.text);
        copy.text = op.apply(copy.text);
        copy.client.localEdit(op);
        return true;
    }

    public boolean isOpen(String id) {
        return open.containsKey(id);
    }

    public String text(String id) {
        return open.get(id).text;
    }

    public long revision(String id) {
        return open.get(id).client.revision();
    }

    public List<String> openFiles() {
        return new ArrayList<>(open.keySet());
    }

    /** True when every open file is loaded, joined and has nothing unacknowledged. */
    public boolean settled() {
        return open.values().stream().allMatch(c -> c.client.isSynchronized() && c.client.isJoined());
    }

    /** Each open file's revision and client status, for a failure's message. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        open.forEach((id, copy) -> out.append(id, 0, 8).append('@').append(copy.client.revision()).append(' ')
                .append(copy.client.status()).append(copy.client.state()).append("; "));
        return out.toString();
    }

    public List<ServerMessage.Error> refusals() {
        return refusals;
    }

    public List<String> refusedAsDeleted() {
        return refusedAsDeleted;
    }

    /** One open file: its text, and its client's world. */
    private final class FileCopy implements Document, Listener {
        final String id;
        String text = "";
        RoomClient client;

        FileCopy(String id) {
            this.id = id;
        }

        @Override
        public void reset(String newText) {
            text = newText;
        }

        @Override
        public void applyRemote(TextOperation op) {
            text = op.apply(text);
        }

        @Override
        public void notice(Notice notice) {
            if (notice.code() == ErrorCode.FILE_DELETED || notice.code() == ErrorCode.FILE_NOT_FOUND) {
                refusedAsDeleted.add(id);
                return;
            }
            if (notice.code() == null) {
                throw new AssertionError(owner + " in file " + id + ": " + notice);
            }
        }

        @Override
        public void status(Status status) {
            // a file's client reports like the room's; nothing to follow here
        }
    }
}
