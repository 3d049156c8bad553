package io.pairprog.server.autocomplete;

import static io.pairprog.server.autocomplete.Snippet.statement;

import java.util.List;
import java.util.Set;

/** Java: declarations, the main method, loops, conditionals and try/catch with their braces. */
final class JavaRules {
    private static final Set<String> KEYWORDS = Language.words("""
            abstract assert boolean break byte case catch char class continue default do double else enum
            extends final finally float for if implements import instanceof int interface long native new null
            package private protected public return short static strictfp super switch synchronized this throw
            throws transient true false try var void volatile while record sealed permits yield""");

    private static final List<String> BUILTINS = Language.list("""
            String System Integer Long Double Boolean Object List ArrayList Map HashMap Set HashSet Optional
            Override Exception RuntimeException IllegalArgumentException IllegalStateException Math Arrays
            Collections StringBuilder Objects""");

    private static final Set<String> MODIFIERS = Language.words("""
            public private protected static final abstract synchronized native default sealed strictfp""");

    private static final List<Snippet> SNIPPETS = List.of(
            statement("public static void main", "public static void main(String[] args) { … }",
                    "(String[] args) {\n\t\n}"),
            statement("void main", "void main(String[] args) { … }", "(String[] args) {\n\t\n}"),
            statement("void", "void method() { … }", " method() {\n\t\n}"),
            statement("class", "class MyClass { … }", " MyClass {\n\t\n}"),
            statement("interface", "interface MyInterface { … }", " MyInterface {\n\t\n}"),
            statement("enum", "enum MyEnum { … }", " MyEnum {\n\tVALUE\n}"),
            statement("record", "record MyRecord(…) { … }", " MyRecord(String name) {\n}"),
            statement("for", "for (int i = 0; i < n; i++) { … }", " (int i = 0; i < n; i++) {\n\t\n}"),
            statement("for", "for (var item : items) { … }", " (var item : items) {\n\t\n}"),
            statement("while", "while (condition) { … }", " (condition) {\n\t\n}"),
            statement("do", "do { … } while (condition);", " {\n\t\n} while (condition);"),
            statement("else if", "else if (condition) { … }", " (condition) {\n\t\n}"),
            statement("if", "if (condition) { … }", " (condition) {\n\t\n}"),
            statement("else", "else { … }", " {\n\t\n}"),
            statement("try", "try { … } catch (Exception e) { … }",
                    " {\n\t\n} catch (Exception e) {\n\tthrow new RuntimeException(e);\n}"),
            statement("catch", "catch (Exception e) { … }", " (Exception e) {\n\t\n}"),
            statement("finally", "finally { … }", " {\n\t\n}"),
            statement("switch", "switch (value) { case … default … }",
                    " (value) {\n\tcase 1 -> {\n\t}\n\tdefault -> {\n\t}\n}"),
            statement("import", "import java.util.List;", " java.util.List;"),
            statement("package", "package com.example;", " com.example;"));

    private JavaRules() {
    }

    static Language language() {
        return new Language("java", Syntax.java(), KEYWORDS, BUILTINS, MODIFIERS, SNIPPETS, "    ",
                SeedRules.defaultSuggestion("java"));
    }
}
