package io.pairprog.desktop.ui;

import static io.pairprog.desktop.support.Gui.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.client.Status.Phase;
import io.pairprog.desktop.App;
import io.pairprog.desktop.support.InProcessServer;
import io.pairprog.desktop.support.OnEdt;
import io.pairprog.desktop.support.TestPeer;
import io.pairprog.ot.TextOperation;
import java.awt.Window;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where a GUI test class of two-person editing plays: a real server in this JVM with one room, a robot
 * for real key and mouse events, and the participants the class asks for, either {@link TestPeer}s (real
 * OT clients over a WebSocket) or instances of the app, each on a preferences node of its own.
 *
 * <pre>
 * {@literal @}RegisterExtension
 * static final DesktopRoom room = DesktopRoom.create();
 *
 * {@literal @}BeforeAll
 * void bobWritesAdaReads() { bob = room.peerTypes("Bob", TEXT); frame = room.openAs("Ada", TEXT); }
 * </pre>
 *
 * <p>The room owns all it hands out and ends it after the class, also when the class's setup failed half-way:
 * the robot first (it holds AssertJ Swing's screen lock, which the next class's robot waits for, and disposes
 * the windows it knows), then the apps' windows, the peers, the server, its data folder and last the
 * preferences, when no window is left to write them.
 */
final class DesktopRoom implements BeforeAllCallback, AfterAllCallback {

    private final List<AppContext> apps = new ArrayList<>();
    private final List<TestPeer> peers = new ArrayList<>();
    private final List<Preferences> preferences = new ArrayList<>();
    private int robotDelayMillis = 5;
    private Path dataDir;
    private InProcessServer server;
    private String roomId;
    private Robot robot;

    private DesktopRoom() {
    }

    /** A room whose robot waits 5 ms between events. */
    static DesktopRoom create() {
        return new DesktopRoom();
    }

    /** The robot's pause between two events; longer for tests whose typing races a peer's edits. */
    DesktopRoom robotDelay(int millis) {
        robotDelayMillis = millis;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("pairprog-gui-");
        server = InProcessServer.start(dataDir);
        roomId = server.createRoom();
        robot = BasicRobot.robotWithCurrentAwtHierarchy();
        robot.settings().delayBetweenEvents(robotDelayMillis);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Closer closer = new Closer();
        if (robot != null) {
            closer.run(robot::cleanUp);
        }
        for (AppContext app : apps) {
            closer.run(() -> OnEdt.run(() -> app.windows().forEach(Window::dispose)));
        }
        peers.forEach(peer -> closer.run(peer::close));
        if (server != null) {
            closer.run(server::close);
        }
        if (dataDir != null) {
            closer.run(() -> delete(dataDir));
        }
        preferences.forEach(node -> closer.run(() -> removeQuietly(node)));
        closer.rethrow();
    }

    InProcessServer server() {
        return server;
    }

    String roomId() {
        return roomId;
    }

    /** The room as the server has stored it ({@code GET /rooms/{id}}): its text, revision and language. */
    JsonNode stored() throws IOException, InterruptedException {
        return server.room(roomId);
    }

    Robot robot() {
        return robot;
    }

    /**
     * A peer called {@code name} in the room, once its {@code joined} has arrived. Its client id is made
     * from the name's letters and digits ("Bob" joins as {@code bob-1a2b3c4d}), so any name will do.
     */
    TestPeer join(String name) {
        String letters = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String prefix = letters.isEmpty() ? "peer" : letters.substring(0, Math.min(letters.length(), 16));
        TestPeer peer = TestPeer.join(server.webSocket(roomId), prefix + "-" + UUID.randomUUID().toString().substring(0, 8),
                name);
        peers.add(peer);
        return peer;
    }

    /** A peer called {@code name} that has typed {@code text} into the room; returns once the text is stored. */
    TestPeer peerTypes(String name, String text) {
        TestPeer peer = join(name);
        peer.edit(TextOperation.builder().insert(text).build());
        await(name + "'s text stored", () -> peer.isSynchronized() ? true : null);
        return peer;
    }

    /** A preferences node of its own, so that no app sees another's (or the user's) settings. */
    Preferences freshPreferences() {
        Preferences node = Preferences.userRoot().node("io/pairprog/desktop-tests/" + UUID.randomUUID());
        preferences.add(node);
        return node;
    }

    /** Starts an app instance on fresh preferences as the command line {@code args} say; returns its context. */
    AppContext launch(String... args) {
        return launch(freshPreferences(), args);
    }

    /** The same on the given preferences (a second instance of the same user). */
    AppContext launch(Preferences prefs, String... args) {
        AppContext app = OnEdt.call(() -> App.launch(args, new Settings(prefs), () -> { }));
        apps.add(app);
        return app;
    }

    /** Opens the room in a new app as {@code name}; returns the window once it is online and shows {@code text}. */
    EditorFrame openAs(String name, String text) {
        return openAs(name, text, server.address());
    }

    /** The same through another address (another node, a balancer). */
    EditorFrame openAs(String name, String text, String serverAddress) {
        AppContext app = launch("--server", serverAddress, "--room", roomId, "--name", name, "--theme", "light");
        return await("the editor with the room's text", () -> OnEdt.call(() -> app.windows().stream()
                .filter(EditorFrame.class::isInstance).map(EditorFrame.class::cast)
                .filter(f -> f.session().phase() == Phase.ONLINE
                        && text.equals(f.adapter().textArea().getText())).findFirst().orElse(null)));
    }

    /**
     * Waits until {@code frame} and {@code peer} hold the same text at the same revision with nothing
     * unacknowledged, and returns that text. With no peer (it has left) only the frame must be settled.
     */
    String awaitConvergence(EditorFrame frame, TestPeer peer) {
        return await("the app and the peer to converge", () -> {
            boolean appSettled = OnEdt.call(() -> frame.session().isSynchronized());
            String appText = OnEdt.call(() -> frame.adapter().textArea().getText());
            long appRevision = OnEdt.call(() -> frame.session().revision());
            boolean peerSettled = peer == null || peer.isSynchronized();
            boolean same = peer == null || (appText.equals(peer.doc()) && appRevision == peer.revision());
            return appSettled && peerSettled && same ? appText : null;
        });
    }

    private static void removeQuietly(Preferences node) {
        try {
            node.removeNode();
        } catch (BackingStoreException e) {
            // a test node; nothing depends on its removal
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Runs every step of a teardown, whatever the ones before threw; then throws the first failure. */
    private static final class Closer {
        private Throwable first;

        void run(Step step) {
            try {
                step.run();
            } catch (Exception | AssertionError e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }

        void rethrow() throws Exception {
            if (first instanceof AssertionError e) {
                throw e;
            }
            if (first != null) {
                throw (Exception) first;
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
