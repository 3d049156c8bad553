package io.pairprog.desktop.ui;

import static io.pairprog.desktop.support.Gui.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pairprog.desktop.editor.CollabTextArea;
import io.pairprog.desktop.support.Gui;
import io.pairprog.desktop.support.InProcessServer;
import io.pairprog.desktop.support.OnEdt;
import io.pairprog.desktop.support.RequiresDisplay;
import io.pairprog.desktop.support.TestPeer;
import io.pairprog.ot.TextOperation;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.util.UUID;
import org.assertj.swing.core.Robot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #20 in a real window: the desktop app on one node, the room's owner another node on the same
 * PostgreSQL database. Ada types in the app, Bob through the owner; then the owner shuts down, hands the
 * room over, and the app follows by itself and goes on.
 */
@RequiresDisplay
class TwoNodesGuiTest {

    @RegisterExtension
    static final DesktopRoom room = DesktopRoom.create();

    @Test
    void theAppOnAnotherNodeThanTheOwnerEditsTheRoomAndFollowsItWhenTheOwnerStops() throws Exception {
        assumeTrue(System.getenv("PAIRPROG_TEST_DATABASE_URL") != null,
                "several nodes need a shared PostgreSQL database (PAIRPROG_TEST_DATABASE_URL)");
        InProcessServer owner = InProcessServer.start(Files.createTempDirectory("pairprog-node-"));
        TestPeer bob = null;
        TestPeer eve = null;
        try {
            bob = TestPeer.join(owner.webSocket(room.roomId()), "bob-" + UUID.randomUUID().toString().substring(0, 8),
                    "Bob");
            bob.edit(TextOperation.builder().insert("owner ").build()); // the first to arrive: his node owns the room
            TestPeer first = bob;
            await("Bob's text stored", () -> first.isSynchronized() ? true : null);

            EditorFrame frame = room.openAs("Ada", "owner ");
            Robot robot = room.robot();
            CollabTextArea area = frame.adapter().textArea();
            robot.click(area);
            robot.focusAndWaitForFocusGain(area);
            Gui.ctrl(robot, KeyEvent.VK_END);
            robot.enterText("ada");
            assertThat(room.awaitConvergence(frame, bob)).isEqualTo("owner ada");

            bob.close();
            owner.stop(); // hands the room over: Ada's node serves it from now on
            robot.enterText(" again");
            eve = TestPeer.join(room.server().webSocket(room.roomId()), "eve-" + UUID.randomUUID().toString()
                    .substring(0, 8), "Eve");
            assertThat(room.awaitConvergence(frame, eve)).isEqualTo("owner ada again");
            assertThat(room.stored().get("code").asText()).isEqualTo("owner ada again");
            assertThat(OnEdt.call(() -> frame.session().isSynchronized())).isTrue();
        } finally {
            if (bob != null) {
                bob.close();
            }
            if (eve != null) {
                eve.close();
            }
            owner.close();
        }
    }
}
