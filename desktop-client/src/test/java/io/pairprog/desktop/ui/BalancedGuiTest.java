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
import io.pairprog.server.browser.Chromium;
import io.pairprog.server.browser.Page;
import io.pairprog.server.support.Balancer;
import java.awt.event.KeyEvent;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.swing.core.Robot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #20 as operators run it: the repository's round-robin HAProxy ({@code deploy/haproxy.cfg}) in front
 * of three nodes on one PostgreSQL database, the desktop app in a real window and the web page in Chromium
 * both joining through the balancer and landing on different nodes, while Bob writes on the node that serves
 * the room. That node then shuts down; the app and the page come back through the balancer by themselves and
 * go on, and the stored text is what both show.
 */
@RequiresDisplay
class BalancedGuiTest {

    @RegisterExtension
    static final DesktopRoom room = DesktopRoom.create();

    @Test
    void theAppAndThePageOnDifferentNodesEditTogetherAndFollowTheRoomWhenItsNodeStops() throws Exception {
        assumeTrue(System.getenv("PAIRPROG_TEST_DATABASE_URL") != null,
                "several nodes need a shared PostgreSQL database (PAIRPROG_TEST_DATABASE_URL)");
        Chromium.assumeInstalled();
        InProcessServer owner = InProcessServer.start(Files.createTempDirectory("pairprog-node-"));
        InProcessServer third = InProcessServer.start(Files.createTempDirectory("pairprog-node-"));
        List<InProcessServer> nodes = List.of(room.server(), owner, third);
        TestPeer bob = null;
        Page page = null;
        try (Balancer balancer = Balancer.inFrontOf(nodes.stream().map(InProcessServer::port).toList())) {
            String through = "http://127.0.0.1:" + balancer.port();
            bob = TestPeer.join(owner.webSocket(room.roomId()), "bob-" + UUID.randomUUID().toString().substring(0, 8),
                    "Bob");
            bob.edit(TextOperation.builder().insert("owner ").build()); // the first to arrive: his node serves the room
            TestPeer first = bob;
            await("Bob's text stored", () -> first.isSynchronized() ? true : null);

            page = Page.openAll(URI.create(through), "Pia").get(0);
            page.join(room.roomId());
            EditorFrame frame = room.openAs("Ada", "owner ", through);
            for (int attempt = 0; !onDifferentNodes(nodes, owner); attempt++) {
                // round-robin put both on one node: the next connection goes to the next node
                assertThat(attempt).as("round-robin never spread the page and the app").isLessThan(3);
                EditorFrame same = frame;
                double before = total(nodes, "pairprog_websocket_connections");
                OnEdt.run(same::dispose);
                await("the app's connection closed", () -> total(nodes, "pairprog_websocket_connections") < before
                        ? true : null);
                frame = room.openAs("Ada", "owner ", through);
            }

            Robot robot = room.robot();
            CollabTextArea area = frame.adapter().textArea();
            robot.click(area);
            robot.focusAndWaitForFocusGain(area);
            Gui.ctrl(robot, KeyEvent.VK_END);
            robot.enterText("ada");
            assertThat(room.awaitConvergence(frame, bob)).isEqualTo("owner ada");
            page.caret(0);
            page.type("pia ");
            assertThat(awaitAll(frame, page, bob)).isEqualTo("pia owner ada");

            bob.close();
            owner.stop(); // hands the room over; the balancer takes it out of the rotation
            robot.click(area);
            Gui.ctrl(robot, KeyEvent.VK_END);
            robot.enterText(" again");
            page.caret(0);
            page.type("> ");
            assertThat(awaitAll(frame, page, null)).isEqualTo("> pia owner ada again");
            assertThat(room.stored().get("code").asText()).isEqualTo("> pia owner ada again");
        } finally {
            if (bob != null) {
                bob.close();
            }
            if (page != null) {
                Page.closeAll(page);
            }
            owner.close();
            third.close();
        }
    }

    /**
     * Whether the page and the app are served by two nodes. A node other than {@code owner} forwards each
     * connection it holds for the room, so both on the owner forward nothing, and both on one other node
     * make it forward two.
     */
    private static boolean onDifferentNodes(List<InProcessServer> nodes, InProcessServer owner) throws Exception {
        List<Double> forwarded = new ArrayList<>();
        for (InProcessServer node : nodes) {
            forwarded.add(node == owner ? 0 : node.metric("pairprog_websocket_forwarded"));
        }
        double total = forwarded.stream().mapToDouble(Double::doubleValue).sum();
        return total >= 1 && forwarded.stream().allMatch(count -> count <= 1);
    }

    private static double total(List<InProcessServer> nodes, String metric) throws Exception {
        double sum = 0;
        for (InProcessServer node : nodes) {
            sum += node.metric(metric);
        }
        return sum;
    }

    /** Waits until the app, the page and (unless null) the peer show the same settled text; returns it. */
    private static String awaitAll(EditorFrame frame, Page page, TestPeer peer) {
        String text = room.awaitConvergence(frame, peer);
        page.await("the page shows the app's text", () -> {
            page.awaitSettled();
            return page.text().equals(OnEdt.call(() -> frame.adapter().textArea().getText()));
        });
        return room.awaitConvergence(frame, peer);
    }
}
