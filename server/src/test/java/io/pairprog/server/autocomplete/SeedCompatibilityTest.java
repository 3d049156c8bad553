package io.pairprog.server.autocomplete;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The seed's examples, answer for answer, and the two refinements of its rules that docs/autocomplete.md names. */
class SeedCompatibilityTest {

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            'def ‸'       | python     | ' my_function(args):\\n    pass'
            'class ‸'     | python     | ' MyClass:\\n    pass'
            'import ‸'    | python     | ' os'
            'for ‸'       | python     | ' item in items:\\n    pass'
            'if ‸'        | python     | ' condition:\\n    pass'
            'x = 1‸'      | python     | '  # Add your code here'
            'let x = 1‸'  | javascript | '  // Add your code here'
            """)
    void seedExamplesGiveTheSeedsAnswersByteForByte(String marked, String language, String expected) {
        assertThat(Typed.suggestion(language, marked)).isEqualTo(Typed.unescape(expected));
    }

    @Test
    void seedCurlExample() {
        assertThat(CompletionEngine.rulesOnly().complete("def ", 4, "python", 1).suggestion())
                .isEqualTo(" my_function(args):\n    pass");
    }

    @Test
    void onlyTheCurrentLineUpToTheCursorCounts() {
        assertThat(CompletionEngine.rulesOnly().complete("import sys\nfor\nx", 14, "python", 1).suggestion())
                .isEqualTo(" item in items:\n    pass");
    }

    @Test
    void missingLanguageMeansPythonAsInTheSeed() {
        assertThat(Typed.suggestion(null, "x = 1‸")).isEqualTo("  # Add your code here");
    }

    /** At column 0 with the keyword as a whole word, the engine and the seed's own code agree everywhere. */
    @ParameterizedTest
    @ValueSource(strings = {"python", "plaintext", "ruby", "cobol", "PYTHON"})
    void keywordLinesAtColumnZeroMatchTheSeedsCode(String language) {
        List<String> lines = List.of("def", "def ", "def   ", "class", "class  ", "import", "for", "for ", "if", "if  ",
                "x = 1 if", "y = [a for", "async def", "from os import", "print(1); if", "x = 1", "", "hello");
        for (String line : lines) {
            String code = "first_line = 1\n" + line;
            assertThat(CompletionEngine.rulesOnly().complete(code, code.length(), language, 5).suggestion())
                    .as("%s in %s", line, language).isEqualTo(SeedRules.suggest(code, code.length(), language));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            python     | '  # Add your code here'
            ruby       | '  # Add your code here'
            javascript | '  // Add your code here'
            typescript | '  // Add your code here'
            java       | '  // Add your code here'
            go         | '  // Add your code here'
            plaintext  | '  // Add your code here'
            cobol      | '  // Add your code here'
            """)
    void placeholderIsTheSeedsWhenNothingBetterExists(String language, String expected) {
        assertThat(Typed.suggestion(language, "x = 1\n‸")).isEqualTo(expected);
        assertThat(Typed.complete(language, "x = 1\n‸").suggestions()).isEmpty();
    }

    @Test
    void keywordMustBeAWholeWordUnlikeTheSeed() {
        // The seed answered " condition:…" here, because "motif" ends in "if".
        assertThat(SeedRules.suggest("x = motif", 9, "python")).isEqualTo(" condition:\n    pass");
        assertThat(Typed.suggestion("python", "x = motif‸")).isEqualTo("  # Add your code here");
    }

    @Test
    void multiLineAnswerFollowsTheLinesIndentationUnlikeTheSeed() {
        // The seed's "    pass" assumed column 0 and would have put pass beside the for.
        assertThat(Typed.suggestion("python", "def f():\n    for‸")).isEqualTo(" item in items:\n        pass");
    }
}
