package io.pairprog.desktop.ui;

import static io.pairprog.desktop.support.Gui.await;
import static io.pairprog.desktop.support.Gui.component;
import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.desktop.support.Gui;
import io.pairprog.desktop.support.OnEdt;
import io.pairprog.desktop.support.RequiresDisplay;
import io.pairprog.desktop.support.TestPeer;
import io.pairprog.protocol.Participant;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.plaf.basic.BasicHTML;
import org.assertj.core.api.SoftAssertions;
import org.assertj.swing.core.Robot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #18, item 7: a participant whose name is HTML ({@code <html><img src=…>}) must be shown
 * as those very characters, and no desktop client may fetch the image. Mallory (a {@link TestPeer})
 * joins under such a name pointing at a local listening socket, types and selects; Ada's window
 * shows her in the participants panel, with a remote caret, and in the history dialog. The
 * socket must stay untouched. The tests run in order as one session.
 */
@RequiresDisplay
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileNameGuiTest {

    private static final String TEXT = "print('hello')\n";

    @RegisterExtension
    static final DesktopRoom room = DesktopRoom.create();

    private final List<String> fetches = new CopyOnWriteArrayList<>();
    private ServerSocket trap;
    private String hostile;
    private Robot robot;
    private TestPeer mallory;
    private String malloryId;
    private EditorFrame frame;

    @BeforeAll
    void mallorySharesARoomWithAda() throws Exception {
        trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread listener = new Thread(this::recordFetches, "image-trap");
        listener.setDaemon(true);
        listener.start();
        hostile = "<html><img src=http://127.0.0.1:" + trap.getLocalPort() + "/x.png>";

        robot = room.robot();
        mallory = room.peerTypes(hostile, TEXT);
        malloryId = mallory.clientId();
        frame = room.openAs("Ada", TEXT);
        mallory.select(0, 5);
    }

    @AfterAll
    void closeTheTrap() throws Exception {
        if (trap != null) {
            trap.close();
        }
    }

    @Test
    @Order(1)
    void theParticipantsPanelShowsTheNameAsTyped() {
        await("Mallory in the participants panel", () -> OnEdt.call(() ->
                frame.participantNames().contains(hostile) ? true : null));
        await("Mallory's caret in the editor", () -> OnEdt.call(() ->
                frame.adapter().remoteSelection(malloryId) != null ? true : null));

        JLabel cell = OnEdt.call(() -> {
            @SuppressWarnings("unchecked")
            JList<Participant> list = (JList<Participant>) component(frame, "participants");
            for (int i = 0; i < list.getModel().getSize(); i++) {
                Participant p = list.getModel().getElementAt(i);
                if (p.name().equals(hostile)) {
                    return (JLabel) list.getCellRenderer().getListCellRendererComponent(list, p, i, false, false);
                }
            }
            return null;
        });
        assertThat(cell).as("Mallory's row").isNotNull();
        assertPlain(cell, hostile);
    }

    @Test
    @Order(2)
    void theHistoryDialogShowsTheAuthorAsTyped() {
        robot.click(component(frame, "history"));
        HistoryDialog dialog = await("the history dialog", () -> OnEdt.call(() -> frame.historyDialog()));
        JLabel author = OnEdt.call(() -> (JLabel) component(dialog, "historyAuthor"));
        await("Mallory's step", () -> OnEdt.call(() -> hostile.equals(author.getText()) ? true : null));
        assertPlain(author, hostile);
    }

    @Test
    @Order(3)
    void noWindowRendersHtmlAndNothingFetchesTheImage() {
        robot.waitForIdle();
        List<String> html = OnEdt.call(() -> java.util.Arrays.stream(java.awt.Window.getWindows())
                .filter(java.awt.Window::isDisplayable).flatMap(w -> Gui.htmlViews(w).stream()).toList());
        Gui.sleep(3000); // image loads are asynchronous: give one time to arrive
        OnEdt.run(() -> frame.historyDialog().dispose());

        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(html).as("components that render their text as HTML").isEmpty();
            soft.assertThat(fetches).as("requests for Mallory's image").isEmpty();
        });
    }

    /** Shows {@code text} literally: the text as given, HTML switched off and no HTML view built. */
    private static void assertPlain(JComponent c, String text) {
        OnEdt.run(() -> SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(c instanceof JLabel label ? label.getText() : null).as("the text").isEqualTo(text);
            soft.assertThat(c.getClientProperty(BasicHTML.propertyKey)).as("the HTML view").isNull();
            soft.assertThat(c.getClientProperty("html.disable")).as("html.disable").isEqualTo(Boolean.TRUE);
        }));
    }

    /** Accepts every connection to the trap and records its first line. */
    private void recordFetches() {
        while (!trap.isClosed()) {
            try (Socket s = trap.accept()) {
                s.setSoTimeout(2000);
                String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                fetches.add(String.valueOf(line));
            } catch (java.io.IOException e) {
                if (!trap.isClosed()) {
                    fetches.add("connection: " + e);
                }
            }
        }
    }
}
