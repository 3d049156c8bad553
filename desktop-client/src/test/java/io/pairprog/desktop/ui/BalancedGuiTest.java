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
import io.pairprog.server.support.Balancer;
import java.awt.event.KeyEvent;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.assertj.swing.core.Robot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #20 as operators run it, in a real window: the repository's round-robin HAProxy
 * ({@code deploy/haproxy.cfg}) in front of three nodes on one PostgreSQL database, the desktop app joining
 * through the balancer while Bob writes through the node that serves the room. That node then shuts down;
 * the app comes back through the balancer by itself and goes on, and the stored text has everything once.
 * (The web page behind the same balancer: the server's {@code BalancedPagesIT}.)
 */
@RequiresDisplay
class BalancedGuiTest {

    @RegisterExtension
    static final DesktopRoom room = DesktopRoom.create();

    @Test
    void theAppBehindTheBalancerEditsAndFollowsTheRoomWhenItsNodeStops() throws Exception {
        assumeTrue(System.getenv("PAIRPROG_TEST_DATABASE_URL") != null,
                "several nodes need a shared PostgreSQL database (PAIRPROG_TEST_DATABASE_URL)");
        InProcessServer owner = InProcessServer.start(Files.createTempDirectory("pairprog-node-"));
        InProcessServer third = InProcessServer.start(Files.createTempDirectory("pairprog-node-"));
        TestPeer bob = null;
        TestPeer eve = null;
        try (Balancer balancer = Balancer.inFrontOf(List.of(room.server().port(), owner.port(), third.port()))) {
            String through = "http://127.0.0.1:" + balancer.port();
            bob = TestPeer.join(owner.webSocket(room.roomId()), "bob-" + UUID.randomUUID().toString().substring(0, 8),
                    "Bob");
            bob.edit(TextOperation.builder().insert("owner ").build()); // the first to arrive: his node serves the room
            TestPeer first = bob;
            await("Bob's text stored", () -> first.isSynchronized() ? true : null);

            EditorFrame frame = room.openAs("Ada", "owner ", through);
            Robot robot = room.robot();
            CollabTextArea area = frame.adapter().textArea();
            robot.click(area);
            robot.focusAndWaitForFocusGain(area);
            Gui.ctrl(robot, KeyEvent.VK_END);
            robot.enterText("ada");
            assertThat(room.awaitConvergence(frame, bob)).isEqualTo("owner ada");

            bob.close();
            owner.stop(); // hands the room over; the balancer takes it out of the rotation
            robot.enterText(" again");
            eve = TestPeer.join(URI.create("ws://127.0.0.1:" + balancer.port() + "/ws/" + room.roomId()),
                    "eve-" + UUID.randomUUID().toString().substring(0, 8), "Eve");
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
            third.close();
        }
    }
}
