package io.pairprog.desktop.ui;

import io.pairprog.desktop.editor.PlainText;
import io.pairprog.desktop.editor.SyntaxStyles;
import java.awt.Component;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JList;

/** Shows wire language names ({@code typescript}) as people write them ({@code TypeScript}). */
final class LanguageRenderer extends DefaultListCellRenderer {
    private static final long serialVersionUID = 1L;

    LanguageRenderer() {
        PlainText.of(this); // an unknown language from the server is shown as it came
    }

    @Override
    public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                  boolean focused) {
        return super.getListCellRendererComponent(list, SyntaxStyles.displayName(String.valueOf(value)), index,
                selected, focused);
    }
}
