package io.pairprog.ot;

import static io.pairprog.ot.RandomText.show;
import static io.pairprog.ot.TextOperationTest.BASE_SEED;
import static io.pairprog.ot.TextOperationTest.RUNS;
import static io.pairprog.ot.TextOperationTest.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextDiffTest {

    @Test
    void diffTurnsFromIntoToWithoutSplittingPairs() {
        for (int i = 0; i < RUNS; i++) {
            long seed = BASE_SEED + i;
            Random rnd = new Random(seed);
            String from = RandomText.string(rnd, 20);
            // Half the time an edit of from (shares prefix and suffix), half the time unrelated text.
            String to = rnd.nextBoolean() ? RandomText.operation(rnd, from).apply(from) : RandomText.string(rnd, 20);
            TextOperation diff = TextDiff.between(from, to);
            String why = "seed=" + seed + " from=" + show(from) + " to=" + show(to) + " diff=" + diff;
            assertThat(diff.apply(from)).as(why).isEqualTo(to);
            assertThat(diff.splitsSurrogatePair(from)).as(why).isFalse();
            assertThat(diff.components().size()).as(why).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void equalTextsGiveTheIdentity() {
        assertThat(TextDiff.between("abc", "abc")).isEqualTo(TextOperation.identity(3));
        assertThat(TextDiff.between("", "")).isEqualTo(TextOperation.identity(0));
    }

    @Test
    void keepsTheCommonPrefixAndSuffix() {
        assertThat(TextDiff.between("hello world", "hello brave world")).isEqualTo(op(6, "brave ", 5));
        assertThat(TextDiff.between("hello world", "hello")).isEqualTo(op(5, -6));
        assertThat(TextDiff.between("abc", "xbc")).isEqualTo(op("x", -1, 2));
        assertThat(TextDiff.between("", "new")).isEqualTo(op("new"));
        assertThat(TextDiff.between("old", "")).isEqualTo(op(-3));
    }

    @Test
    void repeatedTextPrefersTheLongestPrefix() {
        // "aaa" -> "aaaa": the new "a" could go anywhere; the prefix wins, so it is appended.
        assertThat(TextDiff.between("aaa", "aaaa")).isEqualTo(op(3, "a"));
    }

    @Test
    void emojiSharingAHighSurrogateAreReplacedWhole() {
        // U+1F600 and U+1F601 are \uD83D\uDE00 and \uD83D\uDE01: the common prefix would end mid-pair.
        TextOperation diff = TextDiff.between("x😀y", "x😁y");
        assertThat(diff).isEqualTo(op(1, "😁", -2, 1));
        assertThat(diff.splitsSurrogatePair("x😀y")).isFalse();
    }

    @Test
    void emojiSharingALowSurrogateAreReplacedWhole() {
        // U+1F600 is \uD83D\uDE00 and U+10600 is \uD801\uDE00: the common suffix would start mid-pair.
        TextOperation diff = TextDiff.between("a😀", "a\uD801\uDE00");
        assertThat(diff).isEqualTo(op(1, "\uD801\uDE00", -2));
        assertThat(diff.splitsSurrogatePair("a😀")).isFalse();
    }

    @Test
    void crlfChangesAreMinimal() {
        assertThat(TextDiff.between("a\nb", "a\r\nb")).isEqualTo(op(1, "\r", 2));
    }

    @Test
    void nullIsRejected() {
        assertThatThrownBy(() -> TextDiff.between(null, "x"))
                .isInstanceOf(OperationException.class).hasMessage("between: from is null");
    }
}
