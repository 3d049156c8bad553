package io.pairprog.desktop.ui;

import static io.pairprog.desktop.support.Gui.component;
import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.desktop.support.OnEdt;
import io.pairprog.desktop.support.RequiresDisplay;
import java.util.UUID;
import java.util.prefs.Preferences;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JToolTip;
import javax.swing.plaf.basic.BasicHTML;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Texts the server sends, outside the participants panel and history (see {@link HostileNameGuiTest}),
 * each where the app shows it: error messages on the start screen and in the status bar (with its
 * tooltip), and room language names. Each must be shown as the characters it is, never as HTML.
 */
@RequiresDisplay
@ExtendWith(OnEdt.class)
class ServerTextIsPlainTest {

    /** HTML that loads nothing; Swing would show "bold" in bold. */
    private static final String HTML = "<html><b>bold</b> & <i>x</i>";

    @Test
    void aStockLabelRendersThisTextAsHtml() {
        assertThat(new JLabel(HTML).getClientProperty(BasicHTML.propertyKey)).isNotNull(); // what the checks below detect
    }

    @Test
    void aStatusBarNoticeAndItsTooltipArePlain() {
        StatusBar bar = new StatusBar();
        bar.notice(HTML);

        JLabel message = (JLabel) component(bar, "status.message");
        assertPlain(message, message.getText());
        JToolTip tip = message.createToolTip(); // as ToolTipManager shows it
        tip.setTipText(message.getToolTipText());
        assertPlain(tip, tip.getTipText());
    }

    @Test
    void anErrorOnTheStartScreenIsPlain() throws Exception {
        Preferences prefs = Preferences.userRoot().node("io/pairprog/desktop-tests/" + UUID.randomUUID());
        StartScreen screen = new AppContext(new Settings(prefs), null, () -> { }).showStartScreen(HTML);
        try {
            JLabel message = (JLabel) component(screen, "startMessage");
            assertPlain(message, message.getText());
        } finally {
            screen.dispose();
            prefs.removeNode();
        }
    }

    @Test
    void aLanguageNameIsPlain() {
        JList<String> list = new JList<>();
        JLabel cell = (JLabel) new LanguageRenderer().getListCellRendererComponent(list, HTML, 0, false, false);
        assertPlain(cell, cell.getText());
    }

    private static void assertPlain(JComponent c, String shown) {
        assertThat(shown).as("the text shown").isEqualTo(HTML);
        assertThat(c.getClientProperty(BasicHTML.propertyKey)).as("the HTML view").isNull();
    }
}
