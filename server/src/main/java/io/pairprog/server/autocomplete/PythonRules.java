package io.pairprog.server.autocomplete;

import static io.pairprog.server.autocomplete.Snippet.anywhere;
import static io.pairprog.server.autocomplete.Snippet.statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Python: the seed's five rules first, then the rest of the compound statements, PEP 8 indentation. */
final class PythonRules {
    private static final Set<String> KEYWORDS = Language.words("""
            False None True and as assert async await break class continue def del elif else except finally
            for from global if import in is lambda nonlocal not or pass raise return try while with yield""");

    private static final List<String> BUILTINS = Language.list("""
            print len range enumerate zip isinstance open sorted reversed super self str int float bool list
            dict set tuple sum min max abs any all map filter repr type iter next input round hasattr getattr
            setattr Exception ValueError TypeError KeyError IndexError RuntimeError NotImplementedError""");

    private static final List<Snippet> SNIPPETS = List.of(
            statement("elif", "elif condition: … pass", " condition:\n\tpass"),
            statement("else", "else: … pass", ":\n\tpass"),
            statement("while", "while condition: … pass", " condition:\n\tpass"),
            statement("try", "try: … except Exception as error: … raise", ":\n\tpass\nexcept Exception as error:\n\traise"),
            statement("except", "except Exception as error: … pass", " Exception as error:\n\tpass"),
            statement("finally", "finally: … pass", ":\n\tpass"),
            statement("with", "with open(path) as file: … pass", " open(path) as file:\n\tpass"),
            statement("from", "from module import name", " module import name"),
            statement("if __name__", "if __name__ == \"__main__\": … main()", " == \"__main__\":\n\tmain()"),
            statement("def main", "def main(): … pass", "():\n\tpass"),
            anywhere("lambda", "lambda x: x", " x: x"));

    private PythonRules() {
    }

    static Language language() {
        List<Snippet> snippets = new ArrayList<>(SeedRules.snippets());
        snippets.addAll(SNIPPETS);
        return new Language("python", Syntax.python(), KEYWORDS, BUILTINS, Set.of("async"), List.copyOf(snippets),
                "    ", SeedRules.defaultSuggestion("python"));
    }
}
