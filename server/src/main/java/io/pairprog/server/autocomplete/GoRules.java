package io.pairprog.server.autocomplete;

import static io.pairprog.server.autocomplete.Snippet.statement;

import java.util.List;
import java.util.Set;

/**
 * Go, indented with tabs as gofmt does. Go has no try/catch: its counterparts are {@code if err != nil}
 * (offered first for {@code if}, being the most common) and a deferred {@code recover}.
 */
final class GoRules {
    private static final Set<String> KEYWORDS = Language.words("""
            break case chan const continue default defer else fallthrough for func go goto if import interface
            map package range return select struct switch type var nil true false iota""");

    private static final List<String> BUILTINS = Language.list("""
            append cap close copy delete len make new panic print println recover error string int int64 float64
            bool byte rune fmt errors context""");

    private static final List<Snippet> SNIPPETS = List.of(
            statement("func main", "func main() { … }", "() {\n\t\n}"),
            statement("func", "func name() { … }", " name() {\n\t\n}"),
            statement("for", "for i := 0; i < n; i++ { … }", " i := 0; i < n; i++ {\n\t\n}"),
            statement("for", "for _, item := range items { … }", " _, item := range items {\n\t\n}"),
            statement("else if", "else if condition { … }", " condition {\n\t\n}"),
            statement("if", "if err != nil { return err }", " err != nil {\n\treturn err\n}"),
            statement("if", "if condition { … }", " condition {\n\t\n}"),
            statement("else", "else { … }", " {\n\t\n}"),
            statement("switch", "switch value { case … default … }", " value {\ncase 1:\n\t\ndefault:\n\t\n}"),
            statement("type", "type Name struct { … }", " Name struct {\n\t\n}"),
            statement("defer", "defer func() { recover() … }()",
                    " func() {\n\tif r := recover(); r != nil {\n\t\t\n\t}\n}()"),
            statement("go", "go func() { … }()", " func() {\n\t\n}()"),
            statement("import", "import \"fmt\"", " \"fmt\""),
            statement("package", "package main", " main"));

    private GoRules() {
    }

    static Language language() {
        return new Language("go", Syntax.go(), KEYWORDS, BUILTINS, Set.of(), SNIPPETS, "\t",
                SeedRules.defaultSuggestion("go"));
    }
}
