package io.pairprog.server.room;

import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.FilePaths;
import io.pairprog.protocol.FileTypes;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.ProtocolException;
import io.pairprog.protocol.ServerMessage;
import io.pairprog.server.store.RoomFileStore;
import io.pairprog.server.store.RoomFileStore.Change;
import io.pairprog.server.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The files of one room, on the node that serves it: the tree (path → document), the documents of the
 * files someone has open (each a {@link Room} of its own, loaded on first open and gone when idle), and
 * the connections that follow the tree. A change of the tree is checked against the tree in memory,
 * stored (fenced by the room's lease), and only then applied and announced, all under this object's lock,
 * so changes are totally ordered and two that collide end with one winner.
 *
 * <p>Lock order: this lock may take a file's document's lock and, through a send that closes its
 * connection at once, the room's; so the room's idle check reads {@link #isIdle} without it.
 */
public final class RoomFiles {

    /** Makes the tree of a room being loaded. */
    interface Loader {
        RoomFiles load(Room room, ProjectSize size);
    }

    /** Loads the document of one of the room's files; null when it is no document of this room. */
    interface Documents {
        Room load(Room project, UUID document, ProjectSize size, Consumer<Room> onIdle);
    }

    /** What a tree change or a write could not do, and why, with the code its client is told. */
    public static final class Refused extends Exception {
        private final ErrorCode code;

        Refused(ErrorCode code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public ErrorCode code() {
            return code;
        }
    }

    /** A file just created, and its text's write (completed with revision 0 at once for an empty one). */
    public record Created(UUID document, CompletableFuture<Room.Restored> written) {
    }

    private final Room room;
    private final RoomFileStore store;
    private final Documents documents;
    private final FileLimits limits;
    private final ProjectSize size;
    private final MessageCodec codec;
    private final Consumer<Room> onIdle;
    private final TreeMap<String, UUID> byPath = new TreeMap<>();
    private final Map<UUID, String> pathOf = new HashMap<>();
    /** Written under this lock; read without it by the room's idle check. */
    private final Map<UUID, Room> open = new ConcurrentHashMap<>();
    /** Read and changed without this lock too: a connection stops watching from its close handler. */
    private final Set<Peer> watchers = ConcurrentHashMap.newKeySet();
    private long changes;

    RoomFiles(Room room, List<RoomFileStore.StoredFile> tree, long changes, RoomFileStore store, Documents documents,
              FileLimits limits, ProjectSize size, MessageCodec codec, Consumer<Room> onIdle) {
        this.room = room;
        this.store = store;
        this.documents = documents;
        this.limits = limits;
        this.size = size;
        this.codec = codec;
        this.onIdle = onIdle;
        this.changes = changes;
        for (RoomFileStore.StoredFile file : tree) {
            byPath.put(file.path(), file.document());
            pathOf.put(file.document(), file.path());
        }
    }

    // ---- reading ------------------------------------------------------------------------------------------

    /** Whether {@code document} is the document of one of the room's files now. */
    public synchronized boolean has(UUID document) {
        return pathOf.containsKey(document);
    }

    /** The document of the file at {@code path}, or null. */
    public synchronized UUID documentAt(String path) {
        return byPath.get(path);
    }

    boolean isIdle() {
        return open.isEmpty();
    }

    /**
     * Starts sending {@code peer} every change of the tree, and answers with the tree as it is now, in
     * one step so that no change falls between. Revisions and sizes are the stored ones.
     */
    public synchronized void watch(Peer peer) {
        Map<UUID, long[]> described = new HashMap<>();
        for (RoomFileStore.StoredFile file : store.tree(room.id())) {
            described.put(file.document(), new long[] {file.revision(), file.length()});
        }
        watchers.add(peer);
        List<ServerMessage.FileInfo> files = new ArrayList<>(byPath.size());
        String roomLanguage = room.language();
        byPath.forEach((path, document) -> {
            long[] revisionAndSize = described.getOrDefault(document, new long[] {0, 0});
            boolean main = document.equals(room.id());
            files.add(new ServerMessage.FileInfo(document.toString(), path,
                    main ? roomLanguage : FileTypes.languageOf(path, roomLanguage), revisionAndSize[0],
                    revisionAndSize[1], main));
        });
        peer.send(codec.encode(new ServerMessage.Files(changes, files)));
    }

    public void unwatch(Peer peer) {
        watchers.remove(peer);
    }

    // ---- opening a file's document ----------------------------------------------------------------------

    /**
     * The document of the file {@code document}, loaded if need be; the main file's is the room itself.
     * Refused when the room has no such file (any more).
     */
    public synchronized Room open(UUID document) throws Refused {
        if (document.equals(room.id())) {
            return room;
        }
        if (!pathOf.containsKey(document)) {
            throw new Refused(ErrorCode.FILE_NOT_FOUND, "this room has no file " + document
                    + " (it may have been deleted)");
        }
        Room loaded = open.get(document);
        if (loaded == null) {
            loaded = documents.load(room, document, size, this::released);
            if (loaded == null) {
                throw new Refused(ErrorCode.FILE_NOT_FOUND, "this room has no file " + document);
            }
            open.put(document, loaded);
        }
        return loaded;
    }

    /** A file's document has no connection and nothing to store: it leaves memory, and the room may follow. */
    private void released(Room document) {
        boolean gone;
        synchronized (this) {
            gone = open.get(document.id()) == document && document.isIdle();
            if (gone) {
                open.remove(document.id());
            }
        }
        if (gone) {
            onIdle.accept(room);
        }
    }

    // ---- changing the tree ------------------------------------------------------------------------------

    /**
     * Creates the file {@code path} holding {@code text}: the file is stored empty, announced, and then
     * written as one edit, whose stored revision completes the result (0 when {@code text} is empty).
     */
    public Created create(String path, String text, String author, String clientId, Long requestId) throws Refused {
        UUID document;
        synchronized (this) {
            check(path);
            refuseTaken(path, null);
            if (byPath.size() >= limits.maxFiles()) {
                throw new Refused(ErrorCode.TOO_MANY_FILES, "this room holds " + byPath.size()
                        + " files, as many as a room may (--max-files-per-room)");
            }
            checkText(text, 0);
            document = UUID.randomUUID();
            String language = FileTypes.languageOf(path, room.language());
            long seq = store(List.of(Change.created(document, path, language, author, Instant.now())));
            byPath.put(path, document);
            pathOf.put(document, path);
            announce(new ServerMessage.FileChanged("created", seq, document.toString(), path, null, language,
                    clientId, requestId));
        }
        return new Created(document, text.isEmpty() ? CompletableFuture.completedFuture(new Room.Restored(0, false))
                : write(document, text, author));
    }

    /** Turns the text of the file {@code document} into {@code text} as one edit everyone sees arrive. */
    public CompletableFuture<Room.Restored> write(UUID document, String text, String author) throws Refused {
        Room file;
        synchronized (this) {
            file = open(document);
            checkText(text, file.snapshot().text().length());
        }
        return file.replaceAll(text, author);
    }

    /**
     * Moves the file or folder {@code from} to {@code to}; every file under a folder moves with it. The
     * main file may move too.
     */
    public synchronized void move(String from, String to, String author, String clientId, Long requestId)
            throws Refused {
        check(from);
        check(to);
        List<String> moving = underOrAt(from);
        if (moving.isEmpty()) {
            throw new Refused(ErrorCode.FILE_NOT_FOUND, "no file or folder " + from);
        }
        if (FilePaths.isWithin(to, from)) {
            throw new Refused(ErrorCode.PATH_CONFLICT, "a folder cannot move into itself");
        }
        Instant now = Instant.now();
        List<Change> batch = new ArrayList<>();
        for (String old : moving) {
            String target = to + old.substring(from.length());
            check(target);
            refuseTaken(target, from);
            batch.add(Change.moved(byPath.get(old), old, target, author, now));
        }
        long seq = store(batch);
        for (Change change : batch) {
            byPath.remove(change.oldPath());
        }
        for (Change change : batch) {
            byPath.put(change.path(), change.document());
            pathOf.put(change.document(), change.path());
            announce(new ServerMessage.FileChanged("moved", seq++, change.document().toString(), change.path(),
                    change.oldPath(), languageOf(change.document(), change.path()), clientId, requestId));
        }
    }

    /**
     * Deletes the file or folder {@code path}. A deleted file's document refuses every further edit
     * (FILE_DELETED); its history, and so its last text, stays.
     */
    public synchronized void delete(String path, String author, String clientId, Long requestId) throws Refused {
        check(path);
        List<String> deleting = underOrAt(path);
        if (deleting.isEmpty()) {
            throw new Refused(ErrorCode.FILE_NOT_FOUND, "no file or folder " + path);
        }
        if (deleting.stream().anyMatch(p -> byPath.get(p).equals(room.id()))) {
            throw new Refused(ErrorCode.MAIN_FILE, "the main file (" + pathOf.get(room.id())
                    + ") can be moved but not deleted");
        }
        Instant now = Instant.now();
        List<Change> batch = new ArrayList<>();
        for (String p : deleting) {
            batch.add(Change.deleted(byPath.get(p), p, author, now));
        }
        long seq = store(batch);
        for (Change change : batch) {
            byPath.remove(change.path());
            pathOf.remove(change.document());
            Room file = open.get(change.document());
            if (file != null) {
                file.markDeleted();
            }
            announce(new ServerMessage.FileChanged("deleted", seq++, change.document().toString(), change.path(),
                    null, null, clientId, requestId));
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** Stores {@code batch} as the tree's next changes; returns the number of the first. */
    private long store(List<Change> batch) throws Refused {
        long first = changes + 1;
        try {
            store.apply(room.id(), room.lease(), first, batch);
        } catch (StoreException e) {
            if (e.kind() == StoreException.Kind.CONFLICT) {
                throw new Refused(ErrorCode.STORE_UNAVAILABLE, "this server no longer serves the room; try again");
            }
            throw e;
        }
        changes += batch.size();
        return first;
    }

    private void announce(ServerMessage.FileChanged change) {
        String json = codec.encode(change);
        for (Peer watcher : watchers) {
            watcher.send(json);
        }
    }

    private String languageOf(UUID document, String path) {
        return document.equals(room.id()) ? room.language() : FileTypes.languageOf(path, room.language());
    }

    /** The file at {@code path}, or every file in the folder {@code path}, in path order. */
    private List<String> underOrAt(String path) {
        if (byPath.containsKey(path)) {
            return List.of(path);
        }
        return new ArrayList<>(byPath.subMap(path + "/", path + "0").keySet()); // '0' follows '/'
    }

    /**
     * Refuses {@code path} when a file has it, when a file is where one of its folders would be, or when it
     * is a folder of files; files under {@code leaving} (moving away in the same change) do not count.
     */
    private void refuseTaken(String path, String leaving) throws Refused {
        if (byPath.containsKey(path) && (leaving == null || !FilePaths.isWithin(path, leaving))) {
            throw new Refused(ErrorCode.PATH_TAKEN, "a file " + path + " already exists");
        }
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            String folder = path.substring(0, slash);
            if (byPath.containsKey(folder) && (leaving == null || !FilePaths.isWithin(folder, leaving))) {
                throw new Refused(ErrorCode.PATH_CONFLICT, folder + " is a file, so it cannot hold " + path);
            }
        }
        for (String inside : byPath.subMap(path + "/", path + "0").keySet()) {
            if (leaving == null || !FilePaths.isWithin(inside, leaving)) {
                throw new Refused(ErrorCode.PATH_CONFLICT, path + " is a folder (it holds " + inside + ")");
            }
        }
    }

    private static void check(String path) throws Refused {
        try {
            FilePaths.require(path);
        } catch (ProtocolException e) {
            throw new Refused(e.code(), e.getMessage());
        }
    }

    /** A text may become a file's when it is text, fits a file, and fits the room beside the others. */
    private void checkText(String text, long currentLength) throws Refused {
        if (text.indexOf('\0') >= 0) {
            throw new Refused(ErrorCode.BINARY_FILE, "the content holds NUL characters: rooms hold text files only");
        }
        if (text.length() > room.maxDocumentChars()) {
            throw new Refused(ErrorCode.DOCUMENT_TOO_LARGE, "a file holds at most " + room.maxDocumentChars()
                    + " characters (--max-document-chars); this one has " + text.length());
        }
        if (!size.fits(currentLength, text.length())) {
            throw new Refused(ErrorCode.PROJECT_TOO_LARGE, "the room's files would hold more than " + size.max()
                    + " characters together (--max-project-chars)");
        }
    }
}
