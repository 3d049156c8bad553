package io.pairprog.desktop.ui;

import static io.pairprog.desktop.support.Gui.await;
import static io.pairprog.desktop.support.Gui.component;
import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.client.Status.Phase;
import io.pairprog.desktop.editor.CollabTextArea;
import io.pairprog.desktop.support.Gui;
import io.pairprog.desktop.support.InProcessServer;
import io.pairprog.desktop.support.OnEdt;
import io.pairprog.desktop.support.RequiresDisplay;
import io.pairprog.desktop.support.TestPeer;
import io.pairprog.ot.TextOperation;
import java.awt.Component;
import java.awt.Container;
import java.awt.Toolkit;
import java.awt.datatransfer.DataFlavor;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JMenu;
import org.assertj.swing.core.Robot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * View-only links end to end: Ada (an editor window of the app) copies the room's view-only link,
 * Vera (a second app instance) pastes it into her start screen and watches; Bob is a WebSocket
 * client that edits. The windows sit side by side (Ada left, Vera right) so that clicks land where
 * they are meant to without a window manager. The tests run in order as one session.
 */
@RequiresDisplay
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewLinkGuiTest {

    private static final String TEXT = "for i in range(3):\n    print(i)\n";
    private static final String BANNER = "View only — you can watch but not edit";

    @RegisterExtension
    static final DesktopRoom room = DesktopRoom.create();

    private InProcessServer server;
    private Robot robot;
    private EditorFrame ada;
    private EditorFrame vera;
    private TestPeer bob;
    private String roomId;
    private String viewLink;

    @BeforeAll
    void bobWritesAndAdaEdits() {
        server = room.server();
        roomId = room.roomId();
        robot = room.robot();
        bob = room.peerTypes("Bob", TEXT);
        ada = room.openAs("Ada", TEXT);
        OnEdt.run(() -> ada.setBounds(0, 0, 790, 900));
    }

    @Test
    @Order(1)
    void anEditorCopiesTheViewOnlyLinkWhichDoesNotContainTheRoomId() throws Exception {
        String expected = server.address() + "/?view=" + server.viewId(roomId);

        robot.click(component(ada, "copyViewLink"));

        viewLink = await("the view-only link on the clipboard", () -> {
            Object copied = OnEdt.call(() -> Toolkit.getDefaultToolkit().getSystemClipboard().getData(DataFlavor.stringFlavor));
            return expected.equals(copied) ? expected : null;
        });
        assertThat(viewLink).doesNotContain(roomId);
    }

    @Test
    @Order(2)
    void pastingTheLinkOpensAReadOnlyWindowWithABannerAndNoRoomId() throws Exception {
        // The configured server is wrong on purpose: a view link that is a URL names its own server.
        AppContext app = room.launch("--server", "http://127.0.0.1:9", "--name", "Vera", "--theme", "light");
        StartScreen start = OnEdt.call(() -> (StartScreen) app.windows().get(0));
        OnEdt.run(() -> start.setLocation(800, 0));
        robot.click(component(start, "roomId"));
        robot.enterText(viewLink);
        robot.click(component(start, "join"));

        vera = await("Vera's window with the room's text", () -> OnEdt.call(() -> {
            EditorFrame f = editorOf(app);
            return f != null && f.session().phase() == Phase.ONLINE
                    && TEXT.equals(f.adapter().textArea().getText()) ? f : null;
        }));
        OnEdt.run(() -> vera.setBounds(800, 0, 790, 900));

        assertThat(OnEdt.call(() -> vera.isViewOnly() && vera.session().isReadOnly())).isTrue();
        JLabel banner = (JLabel) component(vera, "viewBanner");
        assertThat(OnEdt.call(() -> banner.isShowing() ? banner.getText() : null)).isEqualTo(BANNER);
        assertThat(OnEdt.call(() -> vera.adapter().textArea().isEditable())).isFalse();
        assertThat(OnEdt.call(() -> component(ada, "viewBanner"))).isNull();
        assertThat(OnEdt.call(() -> texts(vera))).isNotEmpty().noneMatch(t -> t.contains(roomId.substring(0, 8)));
        assertThat(OnEdt.call(() -> texts(vera))).noneMatch(t -> t.contains("Undo") || t.contains("History"));
        assertThat(OnEdt.call(() -> vera.getTitle())).startsWith("pairprog — view only");
        assertThat(OnEdt.call(() -> List.of(component(vera, "history") == null, component(vera, "copyId") == null,
                component(vera, "copyViewLink") == null, !((JComboBox<?>) component(vera, "language")).isEnabled())))
                .containsOnly(true);

        await("Vera as a viewer in every list", () -> OnEdt.call(() ->
                vera.participantNames().containsAll(List.of("Vera (you, viewer)", "Ada", "Bob"))
                        && ada.participantNames().contains("Vera (viewer)")) && "viewer".equals(bob.roleOf("Vera"))
                ? true : null);
    }

    @Test
    @Order(3)
    void theViewerSeesWhatTheEditorsType() {
        bob.editWith(doc -> TextOperation.builder().retain(doc.length()).insert("# from Bob\n").build());
        CollabTextArea area = ada.adapter().textArea();
        robot.click(area);
        robot.focusAndWaitForFocusGain(area);
        Gui.ctrl(robot, KeyEvent.VK_END);
        robot.enterText("# from Ada");

        String shown = await("Vera to show both edits", () -> {
            String text = OnEdt.call(() -> vera.adapter().textArea().getText());
            boolean adaDone = OnEdt.call(() -> ada.session().isSynchronized());
            return adaDone && bob.isSynchronized() && text.equals(bob.doc()) ? text : null;
        });
        assertThat(shown).contains("# from Bob\n").endsWith("# from Ada");
    }

    @Test
    @Order(4)
    void typingCuttingPastingAndUndoingInTheViewerChangeNothing() throws Exception {
        String before = OnEdt.call(() -> vera.adapter().textArea().getText());
        String clientId = OnEdt.call(() -> vera.session().clientId());
        CollabTextArea area = vera.adapter().textArea();
        robot.click(area);
        robot.focusAndWaitForFocusGain(area);

        robot.enterText("zzz");
        assertThat(OnEdt.<String>call(() -> area.getText())).isEqualTo(before);
        robot.pressAndReleaseKey(KeyEvent.VK_BACK_SPACE);
        robot.pressAndReleaseKey(KeyEvent.VK_ENTER);
        Gui.ctrl(robot, KeyEvent.VK_A);
        Gui.ctrl(robot, KeyEvent.VK_X);
        Gui.ctrl(robot, KeyEvent.VK_V);
        Gui.ctrl(robot, KeyEvent.VK_Z);
        robot.waitForIdle();

        assertThat(OnEdt.<String>call(() -> area.getText())).isEqualTo(before);
        assertThat(OnEdt.call(() -> vera.session().isSynchronized())).isTrue();
        // An edit of Bob's that arrives afterwards shows that Vera still follows the room, and
        // that the stored text has only the editors' changes.
        bob.editWith(doc -> TextOperation.builder().insert("# top\n").retain(doc.length()).build());
        String after = await("Vera to follow Bob", () -> {
            String text = OnEdt.call(area::getText);
            return bob.isSynchronized() && text.equals(bob.doc()) ? text : null;
        });
        assertThat(after).isEqualTo("# top\n" + before).doesNotContain("zzz");
        assertThat(server.room(roomId).get("code").asText()).isEqualTo(after);
        assertThat(server.room(roomId).get("revision").asLong()).isEqualTo(bob.revision());
        assertThat(bob.problems()).isEmpty();
        // Had an edit been sent, the server would have refused it (READ_ONLY) and the session would
        // have reloaded the room under a new client id.
        assertThat(OnEdt.call(() -> vera.session().clientId())).isEqualTo(clientId);
    }

    @Test
    @Order(5)
    void anUnknownViewLinkBringsTheStartScreenBackWithTheReason() {
        String unknown = "AAAAAAAAAAAAAAAAAAAAAA";
        AppContext app = room.launch("--server", server.address(), "--room", server.address() + "/?view=" + unknown,
                "--name", "Vic", "--theme", "light");

        String message = await("the start screen's answer", () -> OnEdt.<String>call(() -> app.windows().stream()
                .filter(StartScreen.class::isInstance).map(w -> ((JLabel) component(w, "startMessage")).getText())
                .filter(t -> t.contains("view-only link")).findFirst().orElse(null)));
        assertThat(message).isEqualTo("The view-only link " + unknown + " is not valid on " + server.address() + ".");
        OnEdt.run(() -> app.windows().forEach(java.awt.Window::dispose));
    }

    // --- helpers ----------------------------------------------------------------------------

    private static EditorFrame editorOf(AppContext app) {
        return OnEdt.call(() -> app.windows().stream().filter(EditorFrame.class::isInstance)
                .map(EditorFrame.class::cast).filter(java.awt.Window::isShowing).findFirst().orElse(null));
    }

    /** Every text the window shows: title, labels, buttons, menus and their items. */
    private static List<String> texts(EditorFrame frame) {
        List<String> texts = new ArrayList<>(List.of(frame.getTitle()));
        collect(frame.getContentPane(), texts);
        collect(frame.getJMenuBar(), texts);
        return texts;
    }

    private static void collect(Container root, List<String> texts) {
        Component[] children = root instanceof JMenu menu ? menu.getMenuComponents() : root.getComponents();
        for (Component c : children) {
            if (c instanceof JLabel label && label.getText() != null) {
                texts.add(label.getText());
            } else if (c instanceof AbstractButton button && button.getText() != null) {
                texts.add(button.getText());
            }
            if (c instanceof Container inner) {
                collect(inner, texts);
            }
        }
    }
}
