package io.pairprog.protocol;

import java.util.Locale;
import java.util.Map;

/**
 * A file's language follows its extension; a file without a known one has the room's language. The main
 * file (the room's own text) is named after the room's language when the room is made, and keeps its
 * language the room's. The web's {@code files.js} holds the same table.
 */
public final class FileTypes {
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("py", "python"), Map.entry("pyw", "python"),
            Map.entry("js", "javascript"), Map.entry("mjs", "javascript"), Map.entry("cjs", "javascript"),
            Map.entry("jsx", "javascript"),
            Map.entry("ts", "typescript"), Map.entry("tsx", "typescript"), Map.entry("mts", "typescript"),
            Map.entry("java", "java"), Map.entry("go", "go"),
            Map.entry("txt", "plaintext"), Map.entry("md", "plaintext"));
    private static final Map<String, String> MAIN_FILE = Map.of("python", "main.py", "javascript", "main.js",
            "typescript", "main.ts", "java", "Main.java", "go", "main.go", "plaintext", "main.txt");

    private FileTypes() {
    }

    /** The language of the file at {@code path} in a room whose language is {@code roomLanguage}. */
    public static String languageOf(String path, String roomLanguage) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String language = dot > 0 ? BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)) : null;
        return language != null ? language : roomLanguage;
    }

    /** The path of a new room's main file: {@code main.py} for Python, {@code main.txt} for a language without a table entry. */
    public static String mainFileName(String roomLanguage) {
        return MAIN_FILE.getOrDefault(roomLanguage, "main.txt");
    }
}
