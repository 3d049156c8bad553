package io.pairprog.desktop.editor;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JToolTip;

/**
 * The one rule for text that came over the network or out of a link (participant names, history
 * authors, server messages, language names, room ids, suggestion labels): it is shown as the
 * characters it is, never as HTML. Swing renders a label, tooltip or list cell whose text starts
 * with {@code <html>} as HTML, and HTML fetches {@code <img src>} from any URL, so a participant
 * named {@code <html><img src=http://…>} made every desktop client in the room fetch it (issue #18).
 *
 * <p>Swing's switch is the {@code html.disable} client property, read by {@code BasicHTML} from the
 * component that shows the text; it must be set before the text. A tooltip is a {@link JToolTip}
 * of its own that does not inherit the property, so {@link #label} sets it on the tooltips it
 * creates too. Text we put into HTML ourselves goes through {@link #escapeHtml}. Every widget that
 * may show such text is made or marked here. It lives in {@code editor} because both that package
 * and {@code ui} show remote text, and {@code ui} already depends on {@code editor}, not the other
 * way round.
 */
public final class PlainText {

    private static final String HTML_DISABLE = "html.disable";

    private PlainText() {
    }

    /** A label that shows its text, and its tooltip, literally. */
    public static JLabel label(String text) {
        JLabel label = of(new Label());
        label.setText(text);
        return label;
    }

    /** Switches HTML off on {@code component} (a cell renderer, say) and returns it; call before it gets text. */
    public static <T extends JComponent> T of(T component) {
        component.putClientProperty(HTML_DISABLE, Boolean.TRUE);
        return component;
    }

    /** {@code text} with the characters HTML gives a meaning to escaped, for HTML we write ourselves. */
    public static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final class Label extends JLabel {
        private static final long serialVersionUID = 1L;

        @Override
        public JToolTip createToolTip() {
            return of(super.createToolTip()); // ToolTipManager sets the text after this
        }
    }
}
