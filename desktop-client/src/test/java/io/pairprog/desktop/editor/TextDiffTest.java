package io.pairprog.desktop.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-range diff a history step is highlighted with. */
class TextDiffTest {

    @Test
    void anInsertInTheMiddleIsFoundBetweenTheCommonPrefixAndSuffix() {
        assertThat(TextDiff.between("hello world", "hello big world")).isEqualTo(new TextDiff(6, 0, 4));
    }

    @Test
    void aReplacementDeletesAndInsertsAtOnePlace() {
        TextDiff diff = TextDiff.between("return a + b", "return a * b");
        assertThat(diff).isEqualTo(new TextDiff(9, 1, 1));
        assertThat(diff.insertedEnd()).isEqualTo(10);
    }

    @Test
    void aRepeatedCharacterDoesNotMakePrefixAndSuffixOverlap() {
        assertThat(TextDiff.between("aaa", "aaaa")).isEqualTo(new TextDiff(3, 0, 1));
        assertThat(TextDiff.between("aaaa", "aa")).isEqualTo(new TextDiff(2, 2, 0));
        assertThat(TextDiff.between("", "")).isEqualTo(new TextDiff(0, 0, 0));
    }

    @Test
    void neitherEndSplitsASurrogatePair() {
        // U+1F600 and U+1F601 share their high surrogate; U+1F600 and U+1FA00 share their low one.
        assertThat(TextDiff.between("a😀b", "a😁b")).isEqualTo(new TextDiff(1, 2, 2));
        assertThat(TextDiff.between("😀b", "\uD83E\uDE00b")).isEqualTo(new TextDiff(0, 2, 2));
    }

    @Test
    void replacingTheRangeInBeforeGivesAfter() {
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            String before = randomText(random);
            String after = randomText(random);
            TextDiff d = TextDiff.between(before, after);
            String rebuilt = before.substring(0, d.start()) + after.substring(d.start(), d.insertedEnd())
                    + before.substring(d.start() + d.deleted());
            assertThat(rebuilt).as("seed 11, case %d: %s -> %s", i, before, after).isEqualTo(after);
        }
    }

    private static String randomText(Random random) {
        String[] pieces = {"a", "b", "\n", "😀", "😁"};
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(8); n > 0; n--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}
