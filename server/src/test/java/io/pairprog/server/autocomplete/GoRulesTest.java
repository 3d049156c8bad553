package io.pairprog.server.autocomplete;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go: gofmt's tabs, {@code if err != nil} for Go's missing try/catch, and {@code func main}. */
class GoRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            'func‸'                   | ' name() {\\n\\t\\n}'
            'func main‸'              | '() {\\n\\t\\n}'
            'func m‸'                 | 'ain() {\\n\\t\\n}'
            'for‸'                    | ' i := 0; i < n; i++ {\\n\\t\\n}'
            'if‸'                     | ' err != nil {\\n\\treturn err\\n}'
            '} else‸'                 | ' {\\n\\t\\n}'
            '} else if‸'              | ' condition {\\n\\t\\n}'
            'switch‸'                 | ' value {\\ncase 1:\\n\\t\\ndefault:\\n\\t\\n}'
            'type‸'                   | ' Name struct {\\n\\t\\n}'
            'defer‸'                  | ' func() {\\n\\tif r := recover(); r != nil {\\n\\t\\t\\n\\t}\\n}()'
            'go‸'                     | ' func() {\\n\\t\\n}()'
            'import‸'                 | ' "fmt"'
            'package‸'                | ' main'
            'func f() {\\n\\tif‸'       | ' err != nil {\\n\\t\\treturn err\\n\\t}'
            'func f() {\\n\\tfor ‸'     | 'i := 0; i < n; i++ {\\n\\t\\t\\n\\t}'
            'x := 1‸'                 | '  // Add your code here'
            'app‸'                    | 'end'
            """)
    void completesTheConstructBeingTyped(String marked, String expected) {
        assertThat(Typed.suggestion("go", marked)).isEqualTo(Typed.unescape(expected));
    }

    @Test
    void ifOffersTheErrorCheckThenAPlainCondition() {
        assertThat(Typed.complete("go", "if‸").suggestions()).extracting(Suggestion::label)
                .startsWith("if err != nil { return err }", "if condition { … }");
    }

    @Test
    void golangIsAnAliasOfGo() {
        assertThat(Typed.suggestion("golang", "func main‸")).isEqualTo("() {\n\t\n}");
    }
}
