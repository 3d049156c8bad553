package io.pairprog.server.autocomplete;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python: the construct being typed, at the line's indentation, in the document's indentation step. */
class PythonRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            'def‸'                          | ' my_function(args):\\n    pass'
            'class‸'                        | ' MyClass:\\n    pass'
            'import‸'                       | ' os'
            'for‸'                          | ' item in items:\\n    pass'
            'if‸'                           | ' condition:\\n    pass'
            'elif‸'                         | ' condition:\\n    pass'
            'while‸'                        | ' condition:\\n    pass'
            'if x:\\n    pass\\nelse‸'        | ':\\n    pass'
            'try‸'                          | ':\\n    pass\\nexcept Exception as error:\\n    raise'
            'except‸'                       | ' Exception as error:\\n    pass'
            'finally‸'                      | ':\\n    pass'
            'with‸'                         | ' open(path) as file:\\n    pass'
            'from‸'                         | ' module import name'
            'async def‸'                    | ' my_function(args):\\n    pass'
            'def main‸'                     | '():\\n    pass'
            'if __name__‸'                  | ' == "__main__":\\n    main()'
            'if __‸'                        | 'name__ == "__main__":\\n    main()'
            'wh‸'                           | 'ile condition:\\n    pass'
            'cl‸'                           | 'ass MyClass:\\n    pass'
            'tr‸'                           | 'y:\\n    pass\\nexcept Exception as error:\\n    raise'
            'square = lambda‸'              | ' x: x'
            'ret‸'                          | 'urn'
            'pri‸'                          | 'nt'
            'class A:\\n    def f(self):\\n        while‸' | ' condition:\\n            pass'
            'def f():\\n  if‸'                | ' condition:\\n    pass'
            '\\tif‸'                         | ' condition:\\n\\t\\tpass'
            """)
    void completesTheConstructBeingTyped(String marked, String expected) {
        assertThat(Typed.suggestion("python", marked)).isEqualTo(Typed.unescape(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            'x = 1 else‸'     | else
            'yield from‸'     | from
            """)
    void statementSnippetsOnlyStartStatements(String marked, String keyword) {
        assertThat(Typed.complete("python", marked).suggestions())
                .noneMatch(s -> s.kind() == Suggestion.Kind.SNIPPET && s.label().startsWith(keyword));
    }
}
