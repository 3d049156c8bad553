package io.pairprog.server.autocomplete;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Completing the word at the cursor from the document's own names, ranked by nearness and uses. */
class IdentifierCompletionTest {

    private static List<String> labels(String language, String marked) {
        return Typed.complete(language, marked).suggestions().stream().map(Suggestion::label).toList();
    }

    @Test
    void insertsOnlyWhatIsLeftToType() {
        Completion completion = Typed.complete("python", "total_price = 3\nprint(total_p‸)");
        assertThat(completion.suggestion()).isEqualTo("rice");
        assertThat(completion.suggestions().get(0)).isEqualTo(new Suggestion("rice", "total_price", Suggestion.Kind.IDENTIFIER));
    }

    @Test
    void nearerNameRanksFirstWhenUsedAsOften() {
        String code = "counter_far = 1\n" + "\n".repeat(40) + "counter_near = 2\ncount‸";
        assertThat(labels("python", code)).startsWith("counter_near", "counter_far");
    }

    @Test
    void nameAfterTheCursorIsAsNearAsOneBefore() {
        String code = "value_above = 1\n" + "\n".repeat(30) + "val‸\n" + "value_below = 2\n";
        assertThat(labels("python", code)).startsWith("value_below", "value_above");
    }

    @Test
    void moreUsedNameRanksFirstAtTheSameDistance() {
        String code = "rare_name = 1; rate = 2; rate += rate; rate *= rate\nra‸";
        assertThat(labels("python", code)).startsWith("rate", "rare_name");
    }

    @Test
    void manyUsesFarAwayCanOutrankOneUseNearby() {
        String code = "widget.draw()\n".repeat(60) + "\n".repeat(100) + "width = 1\nwid‸";
        assertThat(labels("python", code).get(0)).isEqualTo("widget");
        String fewUses = "widget.draw()\n".repeat(2) + "\n".repeat(100) + "width = 1\nwid‸";
        assertThat(labels("python", fewUses).get(0)).isEqualTo("width");
    }

    @Test
    void nearNameBeatsAKeywordAndAKeywordBeatsABuiltin() {
        assertThat(labels("python", "result = compute()\nre‸")).startsWith("result", "return");
        assertThat(labels("python", "ra‸")).startsWith("raise", "range");
    }

    @Test
    void keywordsInTheDocumentAreKeywordsNotIdentifiers() {
        assertThat(Typed.complete("python", "def f():\n    return 1\nretu‸").suggestions())
                .containsExactly(new Suggestion("rn", "return", Suggestion.Kind.KEYWORD));
    }

    @Test
    void caseMustMatchBecauseOnlyTheRestIsInserted() {
        assertThat(labels("python", "Total = 1\ntot‸")).doesNotContain("Total");
    }

    @Test
    void theWordBeingTypedIsNotItsOwnSuggestion() {
        assertThat(labels("python", "alpha = 1\nalpha‸")).isEmpty();
    }

    @Test
    void nothingInsideAWordWhereInsertingWouldSplitIt() {
        Completion completion = Typed.complete("python", "compute_total = 1\ncomp‸ute");
        assertThat(completion.suggestion()).isEmpty();
        assertThat(completion.suggestions()).isEmpty();
    }

    @Test
    void numbersAreNotWords() {
        assertThat(Typed.suggestion("python", "x1 = 2\ny = 1‸")).isEqualTo("  # Add your code here");
    }

    @Test
    void namesOnlyInStringsOrCommentsAreNotOffered() {
        assertThat(labels("python", "# secret_plan\nmessage = 'secret_word'\nsecret = 1\nsec‸")).containsExactly("secret");
        assertThat(labels("java", "/* hidden_name */ String s = \"hidden_too\"; int hidden = 1;\nhid‸")).containsExactly("hidden");
    }

    @Test
    void afterADotTheReceiversOwnMembersComeFirst() {
        String code = """
                class Account:
                    def __init__(self, owner):
                        self.owner = owner
                    def show(self, other):
                        other.ordinal = 3
                        other.ordinal += 1
                        return self.o‸""";
        // other.ordinal is nearer and used more, but it belongs to another receiver.
        assertThat(labels("python", code)).containsExactly("owner", "ordinal");
        assertThat(Typed.complete("python", code).suggestions()).allMatch(s -> s.kind() == Suggestion.Kind.MEMBER);
    }

    @Test
    void afterADotWithNothingTypedTheMembersAreListed() {
        assertThat(labels("javascript", "console.log(1);\nconsole.error(2);\nconsole.log(3);\nconsole.‸"))
                .containsExactly("log", "error");
    }

    @Test
    void afterADotNoKeywordsAndNoPlaceholder() {
        Completion completion = Typed.complete("python", "response.‸");
        assertThat(completion.suggestion()).isEmpty();
        assertThat(Typed.complete("python", "items = 1\nitems.re‸").suggestions()).isEmpty();
    }

    @Test
    void wordsCompleteInPlainTextAndUnknownLanguages() {
        assertThat(Typed.suggestion("plaintext", "The quick brown fox, the quickest.\nqui‸")).isEqualTo("ck");
        assertThat(Typed.suggestion("cobol", "MOVE TOTAL-SUM TO OUT. TOT‸")).isEqualTo("AL");
    }

    @Test
    void nonAsciiNamesComplete() {
        assertThat(Typed.suggestion("python", "größe = 3\nprint(grö‸)")).isEqualTo("ße");
    }

    @Test
    void limitKeepsTheBest() {
        String code = "aa1 = 1\naa2 = 2\naa3 = 3\naa4 = 4\naa‸";
        Typed typed = Typed.parse(code);
        assertThat(CompletionEngine.rulesOnly().complete(typed.code(), typed.cursor(), "python", 2).suggestions())
                .extracting(Suggestion::label).containsExactly("aa4", "aa3");
    }
}
