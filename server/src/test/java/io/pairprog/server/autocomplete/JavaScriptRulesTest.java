package io.pairprog.server.autocomplete;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JavaScript, and TypeScript with its declarations on top. */
class JavaScriptRulesTest {

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            'function‸'                 | javascript | ' name(args) {\\n    \\n}'
            'export async function‸'    | javascript | ' name(args) {\\n    \\n}'
            'const f = function‸'       | javascript | ' name(args) {\\n    \\n}'
            'class‸'                    | javascript | ' MyClass {\\n    constructor() {\\n        \\n    }\\n}'
            'export default class‸'     | javascript | ' MyClass {\\n    constructor() {\\n        \\n    }\\n}'
            'for‸'                      | javascript | ' (const item of items) {\\n    \\n}'
            'while‸'                    | javascript | ' (condition) {\\n    \\n}'
            'if‸'                       | javascript | ' (condition) {\\n    \\n}'
            '} else‸'                   | javascript | ' {\\n    \\n}'
            'try‸'                      | javascript | ' {\\n    \\n} catch (error) {\\n    console.error(error);\\n}'
            '} catch‸'                  | javascript | ' (error) {\\n    \\n}'
            'switch‸'                   | javascript | ' (value) {\\n    case 1:\\n        break;\\n    default:\\n        break;\\n}'
            'import‸'                   | javascript | ' { name } from "module";'
            'function f() {\\n  if‸'      | javascript | ' (condition) {\\n    \\n  }'
            'cons‸'                     | javascript | 't'
            'conso‸'                    | javascript | 'le'
            'ret‸'                      | javascript | 'urn'
            'let x = 1‸'                | javascript | '  // Add your code here'
            'for‸'                      | typescript | ' (const item of items) {\\n    \\n}'
            'interface‸'                | typescript | ' Name {\\n    \\n}'
            'export interface‸'         | typescript | ' Name {\\n    \\n}'
            'type‸'                     | typescript | ' Name = {\\n    \\n};'
            'enum‸'                     | typescript | ' Name {\\n    \\n}'
            'let x = 1‸'                | typescript | '  // Add your code here'
            """)
    void completesTheConstructBeingTyped(String marked, String language, String expected) {
        assertThat(Typed.suggestion(language, marked)).isEqualTo(Typed.unescape(expected));
    }

    @Test
    void forOffersOfIndexedAndInLoops() {
        assertThat(Typed.complete("javascript", "for‸").suggestions()).extracting(Suggestion::label).startsWith(
                "for (const item of items) { … }", "for (let i = 0; i < items.length; i++) { … }",
                "for (const key in object) { … }");
    }

    @Test
    void typeScriptDeclarationsAreNotJavaScript() {
        assertThat(Typed.suggestion("javascript", "interface‸")).isEqualTo("  // Add your code here");
    }

    @Test
    void dollarBelongsToNames() {
        assertThat(Typed.suggestion("javascript", "const $el = 1;\n$e‸")).isEqualTo("l");
    }
}
