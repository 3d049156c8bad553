package io.pairprog.server.autocomplete;

import java.util.Locale;
import java.util.Map;

/** Language names, the usual aliases, and the plain-text fallback for every other name. */
final class KnownLanguages {
    private static final Language PYTHON = PythonRules.language();
    private static final Language JAVASCRIPT = JavaScriptRules.javaScript();
    private static final Language TYPESCRIPT = JavaScriptRules.typeScript();
    private static final Map<String, Language> BY_NAME = Map.ofEntries(
            Map.entry("python", PYTHON), Map.entry("py", PYTHON), Map.entry("python3", PYTHON),
            Map.entry("java", JavaRules.language()),
            Map.entry("javascript", JAVASCRIPT), Map.entry("js", JAVASCRIPT), Map.entry("jsx", JAVASCRIPT),
            Map.entry("typescript", TYPESCRIPT), Map.entry("ts", TYPESCRIPT), Map.entry("tsx", TYPESCRIPT),
            Map.entry("go", GoRules.language()), Map.entry("golang", GoRules.language()),
            Map.entry("plaintext", SeedRules.plainText("plaintext")), Map.entry("text", SeedRules.plainText("text")));

    private KnownLanguages() {
    }

    /** The rules for {@code name}; none means Python (the seed's default), an unknown name plain text. */
    static Language resolve(String name) {
        if (name == null) {
            return PYTHON;
        }
        String key = name.toLowerCase(Locale.ROOT);
        Language known = BY_NAME.get(key);
        return known != null ? known : SeedRules.plainText(key);
    }

    static boolean isKnown(String name) {
        return name == null || BY_NAME.containsKey(name.toLowerCase(Locale.ROOT));
    }
}
