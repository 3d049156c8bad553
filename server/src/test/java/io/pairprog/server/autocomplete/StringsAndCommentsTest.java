package io.pairprog.server.autocomplete;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Nothing is suggested inside a string or a comment; code between them is still code. */
class StringsAndCommentsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            python     | 'x = "for‸"'                          | STRING
            python     | 'x = "unterminated if‸'               | STRING
            python     | 'x = ''it\\''s if‸'''                  | STRING
            python     | 'x = \"""\\ndef‸\\n\"""'                | STRING
            python     | 'x = r''if‸'''                        | STRING
            python     | 'x = f"{value} for‸"'                 | STRING
            python     | 'x = f"{val‸}"'                       | CODE
            python     | 'x = f"{{literal for‸}}"'             | STRING
            python     | '# def‸'                              | COMMENT
            python     | 'x = 1  # if‸'                        | COMMENT
            python     | '# comment\\nif‸'                     | CODE
            python     | '‸"text"'                             | CODE
            python     | '"text"‸'                             | CODE
            python     | '"‸text"'                             | STRING
            python     | 'x = "a"\\nfor‸'                      | CODE
            java       | '// for‸'                             | COMMENT
            java       | '/* for‸ */'                          | COMMENT
            java       | '/* done */ for‸'                     | CODE
            java       | '/* multi\\nline\\n for‸'              | COMMENT
            java       | 'String s = "for‸";'                  | STRING
            java       | 'String s = \"""\\n  for‸\\n  \""";'    | STRING
            java       | 'char c = ''i‸'';'                    | STRING
            java       | 'String s = "a\\"b"; if‸'              | CODE
            javascript | 'const s = `for‸`;'                   | STRING
            javascript | 'const s = `a\\n${fo‸}`;'             | CODE
            javascript | 'const s = `${a} and ${b} if‸`;'      | STRING
            javascript | 'const s = `${ {a: 1}.a } if‸`;'      | STRING
            javascript | 'const s = `${`inner ${x‸}`}`;'       | CODE
            javascript | '// if‸'                              | COMMENT
            go         | 's := `raw\\nif‸`'                    | STRING
            go         | 's := `C:\\`; if‸'                     | CODE
            go         | 'r := ''i‸'''                         | STRING
            go         | '// if‸'                              | COMMENT
            plaintext  | 'don''t say "if‸'                     | CODE
            """)
    void cursorContext(String language, String marked, Lexer.Context expected) {
        Typed typed = Typed.parse(marked);
        Language lang = KnownLanguages.resolve(language);
        assertThat(Lexer.scan(typed.code(), lang.syntax(), typed.cursor(), null)).isEqualTo(expected);
        assertThat(Lexer.scan(typed.code(), lang.syntax(), typed.cursor(), (s, e, l, m, rs, re) -> { }))
                .as("with a sink").isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            python     | 'x = "def‸"'
            python     | '# import‸'
            python     | 'value = 1\\n# val‸'
            java       | '// for‸'
            java       | 'String s = "ret‸";'
            javascript | 'const s = `if‸`;'
            go         | 's := `func‸`'
            """)
    void nothingIsSuggestedInsideStringsAndComments(String language, String marked) {
        Completion completion = Typed.complete(language, marked);
        assertThat(completion.suggestion()).isEmpty();
        assertThat(completion.suggestions()).isEmpty();
    }
}
