package io.pairprog.server.autocomplete;

import static io.pairprog.server.autocomplete.Snippet.anywhere;
import static io.pairprog.server.autocomplete.Snippet.statement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * JavaScript, and TypeScript as JavaScript plus its declarations. Neither has a main method; a module's
 * top level is its entry point, so there is no snippet for one.
 */
final class JavaScriptRules {
    private static final String KEYWORDS = """
            break case catch class const continue debugger default delete do else export extends false finally
            for function if import in instanceof let new null return super switch this throw true try typeof
            undefined var void while yield async await of static""";

    private static final String TYPESCRIPT_KEYWORDS = """
            interface type enum implements private public protected readonly abstract namespace declare as
            keyof any unknown never string number boolean""";

    private static final List<String> BUILTINS = Language.list("""
            console document window JSON Math Promise Array Object String Number Boolean Map Set Error Date
            RegExp Symbol setTimeout clearTimeout setInterval fetch require module exports process""");

    private static final List<Snippet> SNIPPETS = List.of(
            anywhere("function", "function name(args) { … }", " name(args) {\n\t\n}"),
            statement("class", "class MyClass { constructor() { … } }", " MyClass {\n\tconstructor() {\n\t\t\n\t}\n}"),
            statement("for", "for (const item of items) { … }", " (const item of items) {\n\t\n}"),
            statement("for", "for (let i = 0; i < items.length; i++) { … }",
                    " (let i = 0; i < items.length; i++) {\n\t\n}"),
            statement("for", "for (const key in object) { … }", " (const key in object) {\n\t\n}"),
            statement("while", "while (condition) { … }", " (condition) {\n\t\n}"),
            statement("do", "do { … } while (condition);", " {\n\t\n} while (condition);"),
            statement("else if", "else if (condition) { … }", " (condition) {\n\t\n}"),
            statement("if", "if (condition) { … }", " (condition) {\n\t\n}"),
            statement("else", "else { … }", " {\n\t\n}"),
            statement("try", "try { … } catch (error) { … }", " {\n\t\n} catch (error) {\n\tconsole.error(error);\n}"),
            statement("catch", "catch (error) { … }", " (error) {\n\t\n}"),
            statement("finally", "finally { … }", " {\n\t\n}"),
            statement("switch", "switch (value) { case … default … }",
                    " (value) {\n\tcase 1:\n\t\tbreak;\n\tdefault:\n\t\tbreak;\n}"),
            statement("import", "import { name } from \"module\";", " { name } from \"module\";"));

    private static final List<Snippet> TYPESCRIPT_SNIPPETS = List.of(
            statement("interface", "interface Name { … }", " Name {\n\t\n}"),
            statement("type", "type Name = { … };", " Name = {\n\t\n};"),
            statement("enum", "enum Name { … }", " Name {\n\t\n}"));

    private static final String MODIFIERS = "export default async static";
    private static final String TYPESCRIPT_MODIFIERS = "public private protected readonly abstract declare";

    private JavaScriptRules() {
    }

    static Language javaScript() {
        return new Language("javascript", Syntax.javaScript(), Language.words(KEYWORDS), BUILTINS,
                Language.words(MODIFIERS), SNIPPETS, "    ", SeedRules.defaultSuggestion("javascript"));
    }

    static Language typeScript() {
        Set<String> keywords = new HashSet<>(Language.words(KEYWORDS));
        keywords.addAll(Language.words(TYPESCRIPT_KEYWORDS));
        Set<String> modifiers = new HashSet<>(Language.words(MODIFIERS));
        modifiers.addAll(Language.words(TYPESCRIPT_MODIFIERS));
        List<Snippet> snippets = new ArrayList<>(SNIPPETS);
        snippets.addAll(TYPESCRIPT_SNIPPETS);
        return new Language("typescript", Syntax.javaScript(), Set.copyOf(keywords), BUILTINS, Set.copyOf(modifiers),
                List.copyOf(snippets), "    ", SeedRules.defaultSuggestion("typescript"));
    }
}
