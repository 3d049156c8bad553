package io.pairprog.desktop.ui;

import static io.pairprog.desktop.support.Gui.await;

import io.pairprog.client.Status.Phase;
import io.pairprog.desktop.App;
import io.pairprog.desktop.support.InProcessServer;
import io.pairprog.desktop.support.OnEdt;
import io.pairprog.desktop.support.TestPeer;
import io.pairprog.ot.TextOperation;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.assertj.swing.core.Robot;

/**
 * Where the GUI tests of two-person editing start: a room in which Bob (a {@link TestPeer}, a real OT
 * client) has typed some text, and the desktop app that Ada opens it in.
 */
final class RoomWithBob {
    private RoomWithBob() {
    }

    /** Joins Bob to the room and has him type {@code text}; returns once it is stored. */
    static TestPeer bobTypes(InProcessServer server, String roomId, String text) throws Exception {
        TestPeer bob = TestPeer.join(server.webSocket(roomId), "bob-" + UUID.randomUUID().toString().substring(0, 8),
                "Bob");
        bob.edit(TextOperation.builder().insert(text).build());
        await("Bob's text stored", () -> bob.isSynchronized() ? true : null);
        return bob;
    }

    /** Ends what a GUI test class started; any of them may be null (its start failed or never came). */
    static void stop(Robot robot, TestPeer peer, InProcessServer server, Preferences prefs) {
        if (robot != null) {
            robot.cleanUp();
        }
        if (peer != null) {
            peer.close();
        }
        if (server != null) {
            server.close();
        }
        if (prefs != null) {
            try {
                prefs.removeNode();
            } catch (BackingStoreException e) {
                // a test node; nothing depends on its removal
            }
        }
    }

    /** A preferences node of its own, so that no test sees another's (or the user's) settings. */
    static Preferences freshPreferences() {
        return Preferences.userRoot().node("io/pairprog/desktop-tests/" + UUID.randomUUID());
    }

    /** Launches the app into the room as Ada; returns her window once it is online and shows {@code text}. */
    static EditorFrame openAsAda(InProcessServer server, String roomId, Preferences prefs, String text) {
        AppContext app = OnEdt.call(() -> App.launch(new String[] {"--server", server.address(), "--room", roomId,
            "--name", "Ada", "--theme", "light"}, new Settings(prefs), () -> { }));
        return await("the editor with the room's text", () -> OnEdt.call(() -> app.windows().stream()
                .filter(EditorFrame.class::isInstance).map(EditorFrame.class::cast)
                .filter(f -> f.session().phase() == Phase.ONLINE
                        && text.equals(f.adapter().textArea().getText())).findFirst().orElse(null)));
    }
}
