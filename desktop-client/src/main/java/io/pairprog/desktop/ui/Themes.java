package io.pairprog.desktop.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.UIManager;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rsyntaxtextarea.RSyntaxUtilities;
import org.fife.ui.rsyntaxtextarea.Theme;
import org.fife.ui.rtextarea.ExpandedFoldRenderStrategy;
import org.fife.ui.rtextarea.Gutter;

/** FlatLaf light and dark, and the matching RSyntaxTextArea colour themes. */
public final class Themes {

    private static final String[] MONOSPACED = {"JetBrains Mono", "Cascadia Code", "Fira Code", "Menlo", "Consolas",
        "DejaVu Sans Mono", "Liberation Mono"};
    private static final String[] PALETTE = {"#e8590c", "#1c7ed6", "#2f9e44", "#ae3ec9", "#f08c00", "#0c8599", "#e03131"};

    private static String monospacedFamily; // looked up once: listing the installed fonts is slow

    private Themes() {
    }

    /** Sets the look and feel before the first window; FlatLaf draws the window frames too. */
    public static void install(boolean dark) {
        JFrame.setDefaultLookAndFeelDecorated(true);
        JDialog.setDefaultLookAndFeelDecorated(true);
        UIManager.put("Button.arc", 8);
        UIManager.put("Component.arc", 8);
        UIManager.put("TextComponent.arc", 8);
        UIManager.put("ScrollBar.showButtons", false);
        UIManager.put("ScrollBar.width", 12);
        UIManager.put("TitlePane.unifiedBackground", true);
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
    }

    /** Switches every open window to the other theme. */
    public static void switchTo(boolean dark) {
        install(dark);
        FlatLaf.updateUI();
    }

    public static boolean isDark() {
        return FlatLaf.isLafDark();
    }

    /** Colours the editor (and its gutter, once it is in its scroll pane) for the current look and feel. */
    public static void styleEditor(RSyntaxTextArea area) {
        String name = isDark() ? "dark.xml" : "idea.xml";
        try (InputStream in = RSyntaxTextArea.class.getResourceAsStream("/org/fife/ui/rsyntaxtextarea/themes/" + name)) {
            Theme.load(in).apply(area);
        } catch (IOException | RuntimeException e) {
            e.printStackTrace(); // Never happens: the theme is inside the RSyntaxTextArea jar.
        }
        area.setFont(monospaced(area.getFont().getSize2D() < 14f ? 14f : area.getFont().getSize2D()));
        if (isDark()) {
            area.setCurrentLineHighlightColor(new Color(0x2f3437));
        }
        Gutter gutter = RSyntaxUtilities.getGutter(area);
        if (gutter != null) {
            gutter.setBorderColor(UIManager.getColor("Component.borderColor"));
            gutter.setLineNumberFont(area.getFont().deriveFont(area.getFont().getSize2D() - 1f));
            gutter.setExpandedFoldRenderStrategy(ExpandedFoldRenderStrategy.ALWAYS); // show that code folds
        }
    }

    /** The first installed font of {@link #MONOSPACED}, else the logical monospaced font. */
    static Font monospaced(float size) {
        if (monospacedFamily == null) {
            Set<String> installed = Set.copyOf(Arrays.asList(
                    GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));
            monospacedFamily = Arrays.stream(MONOSPACED).filter(installed::contains).findFirst().orElse(Font.MONOSPACED);
        }
        return new Font(monospacedFamily, Font.PLAIN, Math.round(size));
    }

    /** A participant's colour from the wire ({@code #rrggbb}), or a stable one picked from the id. */
    public static Color participantColor(String hex, String clientId) {
        if (hex != null) {
            try {
                return Color.decode(hex);
            } catch (NumberFormatException e) {
                // fall through to a palette colour
            }
        }
        return Color.decode(PALETTE[Math.floorMod(clientId.hashCode(), PALETTE.length)]);
    }
}
