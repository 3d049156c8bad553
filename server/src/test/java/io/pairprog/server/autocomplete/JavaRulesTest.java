package io.pairprog.server.autocomplete;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Java: declarations, the main method, loops, conditionals and try/catch, with their braces. */
class JavaRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            'class‸'                         | ' MyClass {\\n    \\n}'
            'public final class‸'            | ' MyClass {\\n    \\n}'
            'interface‸'                     | ' MyInterface {\\n    \\n}'
            'record‸'                        | ' MyRecord(String name) {\\n}'
            'public static void main‸'       | '(String[] args) {\\n    \\n}'
            'static void main‸'              | '(String[] args) {\\n    \\n}'
            'public st‸'                     | 'atic void main(String[] args) {\\n    \\n}'
            'private void‸'                  | ' method() {\\n    \\n}'
            'for‸'                           | ' (int i = 0; i < n; i++) {\\n    \\n}'
            'for ‸'                          | '(int i = 0; i < n; i++) {\\n    \\n}'
            'while‸'                         | ' (condition) {\\n    \\n}'
            'do‸'                            | ' {\\n    \\n} while (condition);'
            'if‸'                            | ' (condition) {\\n    \\n}'
            '} else‸'                        | ' {\\n    \\n}'
            '} else if‸'                     | ' (condition) {\\n    \\n}'
            'try‸'                           | ' {\\n    \\n} catch (Exception e) {\\n    throw new RuntimeException(e);\\n}'
            '} catch‸'                       | ' (Exception e) {\\n    \\n}'
            '} finally‸'                     | ' {\\n    \\n}'
            'switch‸'                        | ' (value) {\\n    case 1 -> {\\n    }\\n    default -> {\\n    }\\n}'
            'import‸'                        | ' java.util.List;'
            'package‸'                       | ' com.example;'
            'class A {\\n    void run() {\\n        for‸' | ' (int i = 0; i < n; i++) {\\n            \\n        }'
            'class A {\\n\\tvoid run() {\\n\\t\\tif‸' | ' (condition) {\\n\\t\\t\\t\\n\\t\\t}'
            'ret‸'                           | 'urn'
            'Sys‸'                           | 'tem'
            'int x = 1‸'                     | '  // Add your code here'
            """)
    void completesTheConstructBeingTyped(String marked, String expected) {
        assertThat(Typed.suggestion("java", marked)).isEqualTo(Typed.unescape(expected));
    }

    @Test
    void forOffersTheCountedAndTheEnhancedLoop() {
        assertThat(Typed.complete("java", "for‸").suggestions()).extracting(Suggestion::label)
                .startsWith("for (int i = 0; i < n; i++) { … }", "for (var item : items) { … }");
    }

    @Test
    void seedsPythonAnswersDoNotLeakIntoJava() {
        assertThat(Typed.suggestion("java", "def‸")).isEqualTo("ault"); // the keyword default, not a Python def
        assertThat(Typed.suggestion("java", "import‸")).isEqualTo(" java.util.List;");
    }
}
