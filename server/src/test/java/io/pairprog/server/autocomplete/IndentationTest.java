package io.pairprog.server.autocomplete;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndentationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            'x = 1\\ny = 2'                                       | '    '
            'if a:\\n  b\\n  if c:\\n    d'                        | '  '
            'if a:\\n    b\\n    if c:\\n        d\\n'               | '    '
            'func f() {\\n\\tx()\\n\\tif y {\\n\\t\\tz()\\n\\t}\\n}'     | '\\t'
            'a\\n  b\\n    c\\n        d'                         | '  '
            'call(a,\\n     b)\\nx\\n    y\\n    z'                 | '    '
            """)
    void unitIsTheDocumentsOwnStep(String code, String expected) {
        assertThat(Indentation.unit(Typed.unescape(code), "    ")).isEqualTo(Typed.unescape(expected));
    }

    @Test
    void applyIndentsEveryNewLineAndExpandsSteps() {
        assertThat(Indentation.apply(" x {\n\ty\n}", "  ", "    ")).isEqualTo(" x {\n      y\n  }");
        assertThat(Indentation.apply(":\n\tpass", "\t", "    ")).isEqualTo(":\n\t    pass");
    }

    @Test
    void ofIsTheLeadingBlanks() {
        assertThat(Indentation.of(" \t x = 1")).isEqualTo(" \t ");
        assertThat(Indentation.of("x")).isEmpty();
    }
}
