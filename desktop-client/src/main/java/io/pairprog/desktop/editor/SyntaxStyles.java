package io.pairprog.desktop.editor;

import java.util.Map;
import org.fife.ui.rsyntaxtextarea.SyntaxConstants;

/** The room languages of the protocol, as RSyntaxTextArea highlighting styles, display names and file extensions. */
public final class SyntaxStyles {

    private record Style(String syntax, String displayName, String extension) {
    }

    private static final Map<String, Style> STYLES = Map.of(
            "python", new Style(SyntaxConstants.SYNTAX_STYLE_PYTHON, "Python", "py"),
            "javascript", new Style(SyntaxConstants.SYNTAX_STYLE_JAVASCRIPT, "JavaScript", "js"),
            "typescript", new Style(SyntaxConstants.SYNTAX_STYLE_TYPESCRIPT, "TypeScript", "ts"),
            "java", new Style(SyntaxConstants.SYNTAX_STYLE_JAVA, "Java", "java"),
            "go", new Style(SyntaxConstants.SYNTAX_STYLE_GO, "Go", "go"),
            "plaintext", new Style(SyntaxConstants.SYNTAX_STYLE_NONE, "Plain text", "txt"));

    private SyntaxStyles() {
    }

    /** The RSTA style for a wire language; unknown languages are shown as plain text. */
    public static String syntaxStyle(String language) {
        Style style = STYLES.get(language);
        return style == null ? SyntaxConstants.SYNTAX_STYLE_NONE : style.syntax();
    }

    public static String displayName(String language) {
        Style style = STYLES.get(language);
        return style == null ? language : style.displayName();
    }

    public static String fileExtension(String language) {
        Style style = STYLES.get(language);
        return style == null ? "txt" : style.extension();
    }
}
