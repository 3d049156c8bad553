package io.pairprog.ot;

import static io.pairprog.ot.RandomText.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pairprog.ot.TextOperation.Delete;
import io.pairprog.ot.TextOperation.Insert;
import io.pairprog.ot.TextOperation.Retain;
import io.pairprog.ot.TextOperation.Transformed;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.ProtocolException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The laws of {@link TextOperation} on seeded random documents and operations, then hand-picked
 * and regression cases. Each random case runs on its own {@code new Random(seed)} and every
 * failure message starts with that seed, so one case can be replayed alone; run with
 * {@code -Dpairprog.seed=N} to explore other seeds.
 */
class TextOperationTest {

    static final int RUNS = 10_000;
    static final long BASE_SEED = Long.getLong("pairprog.seed", 0x5EED_2024L);

    static TextOperation op(Object... wire) {
        return TextOperation.fromWire(Arrays.asList(wire));
    }

    @Nested
    class Laws {

        @Test
        void applyYieldsTargetLength() {
            for (int i = 0; i < RUNS; i++) {
                long seed = BASE_SEED + i;
                Random rnd = new Random(seed);
                String doc = RandomText.string(rnd, 30);
                TextOperation a = RandomText.operation(rnd, doc);
                String why = "seed=" + seed + " doc=" + show(doc) + " a=" + a;
                assertThat(a.baseLength()).as(why).isEqualTo(doc.length());
                assertThat(a.apply(doc)).as(why).hasSize(a.targetLength());
                assertThat(a.splitsSurrogatePair(doc)).as(why).isFalse();
            }
        }

        @Test
        void invertUndoes() {
            for (int i = 0; i < RUNS; i++) {
                long seed = BASE_SEED + i;
                Random rnd = new Random(seed);
                String doc = RandomText.string(rnd, 30);
                TextOperation a = RandomText.operation(rnd, doc);
                String why = "seed=" + seed + " doc=" + show(doc) + " a=" + a;
                String after = a.apply(doc);
                TextOperation inverse = a.invert(doc);
                assertThat(inverse.apply(after)).as(why).isEqualTo(doc);
                assertThat(inverse.invert(after)).as(why).isEqualTo(a);
                assertThat(a.compose(inverse).apply(doc)).as(why).isEqualTo(doc);
            }
        }

        @Test
        void composeEqualsApplyingInTurn() {
            for (int i = 0; i < RUNS; i++) {
                long seed = BASE_SEED + i;
                Random rnd = new Random(seed);
                String doc = RandomText.string(rnd, 30);
                TextOperation a = RandomText.operation(rnd, doc);
                String middle = a.apply(doc);
                TextOperation b = RandomText.operation(rnd, middle);
                String why = "seed=" + seed + " doc=" + show(doc) + " a=" + a + " b=" + b;
                TextOperation ab = a.compose(b);
                assertThat(ab.baseLength()).as(why).isEqualTo(a.baseLength());
                assertThat(ab.targetLength()).as(why).isEqualTo(b.targetLength());
                assertThat(ab.apply(doc)).as(why).isEqualTo(b.apply(middle));
            }
        }

        @Test
        void composeIsAssociative() {
            for (int i = 0; i < RUNS; i++) {
                long seed = BASE_SEED + i;
                Random rnd = new Random(seed);
                String doc = RandomText.string(rnd, 20);
                TextOperation a = RandomText.operation(rnd, doc);
                TextOperation b = RandomText.operation(rnd, a.apply(doc));
                TextOperation c = RandomText.operation(rnd, b.apply(a.apply(doc)));
                assertThat(a.compose(b).compose(c)).as("seed=" + seed + " a=" + a + " b=" + b + " c=" + c)
                        .isEqualTo(a.compose(b.compose(c)));
            }
        }

        @Test
        void transformConvergesTp1() {
            for (int i = 0; i < RUNS; i++) {
                long seed = BASE_SEED + i;
                Random rnd = new Random(seed);
                String doc = RandomText.string(rnd, 30);
                TextOperation a = RandomText.operation(rnd, doc);
                TextOperation b = RandomText.operation(rnd, doc);
                String why = "seed=" + seed + " doc=" + show(doc) + " a=" + a + " b=" + b;
                Transformed t = TextOperation.transform(a, b);
                String afterA = a.apply(doc);
                String afterB = b.apply(doc);
                assertThat(t.bPrime().apply(afterA)).as(why).isEqualTo(t.aPrime().apply(afterB));
                // Both paths are one edit, so they also compose to one operation.
                assertThat(a.compose(t.bPrime())).as(why).isEqualTo(b.compose(t.aPrime()));
                // The server rejects pair-splitting operations, so transform must never make one.
                assertThat(t.aPrime().splitsSurrogatePair(afterB)).as(why).isFalse();
                assertThat(t.bPrime().splitsSurrogatePair(afterA)).as(why).isFalse();
            }
        }

        @Test
        void wireAndJsonRoundTrip() throws ProtocolException {
            MessageCodec codec = new MessageCodec();
            for (int i = 0; i < RUNS; i++) {
                long seed = BASE_SEED + i;
                Random rnd = new Random(seed);
                TextOperation a = RandomText.operation(rnd, RandomText.string(rnd, 30));
                String why = "seed=" + seed + " a=" + a;
                assertThat(TextOperation.fromWire(a.toWire())).as(why).isEqualTo(a);
                ClientMessage.Op message = new ClientMessage.Op("c" + i, i, i, a);
                assertThat(codec.decodeClient(codec.encode(message))).as(why).isEqualTo(message);
            }
        }

        @Test
        void transformedSelectionStaysInsideTarget() {
            for (int i = 0; i < RUNS; i++) {
                long seed = BASE_SEED + i;
                Random rnd = new Random(seed);
                String doc = RandomText.string(rnd, 30);
                TextOperation a = RandomText.operation(rnd, doc);
                List<Selection.Range> ranges = new ArrayList<>();
                for (int r = rnd.nextInt(3); r >= 0; r--) {
                    ranges.add(new Selection.Range(rnd.nextInt(doc.length() + 1), rnd.nextInt(doc.length() + 1)));
                }
                String why = "seed=" + seed + " doc=" + show(doc) + " a=" + a + " ranges=" + ranges;
                for (Selection.Range r : new Selection(ranges).transform(a).ranges()) {
                    assertThat(r.anchor()).as(why).isBetween(0, a.targetLength());
                    assertThat(r.head()).as(why).isBetween(0, a.targetLength());
                }
            }
        }

        @Test
        void caretStaysLeftOfTheCharacterAfterIt() {
            // If the character right of the caret survives, the caret is still right before it.
            for (int i = 0; i < RUNS; i++) {
                long seed = BASE_SEED + i;
                Random rnd = new Random(seed);
                String doc = RandomText.string(rnd, 30);
                TextOperation a = RandomText.operation(rnd, doc);
                int caret = RandomText.index(rnd, doc);
                if (caret == doc.length() || isDeleted(a, caret)) {
                    continue;
                }
                int moved = a.transformIndex(caret);
                assertThat(a.apply(doc).charAt(moved))
                        .as("seed=" + seed + " doc=" + show(doc) + " a=" + a + " caret=" + caret)
                        .isEqualTo(doc.charAt(caret));
            }
        }

        private boolean isDeleted(TextOperation a, int index) {
            int pos = 0;
            for (TextOperation.Component c : a.components()) {
                if (c instanceof Delete && pos <= index && index < pos + c.length()) {
                    return true;
                }
                if (!(c instanceof Insert)) {
                    pos += c.length();
                }
            }
            return false;
        }
    }

    @Nested
    class Building {

        @Test
        void zeroCountsAndEmptyStringsAreNoops() {
            TextOperation op = TextOperation.builder().retain(0).insert("").delete(0).build();
            assertThat(op.components()).isEmpty();
            assertThat(op.baseLength()).isZero();
            assertThat(op.targetLength()).isZero();
        }

        @Test
        void neighboursOfOneKindMerge() {
            TextOperation op = TextOperation.builder()
                    .retain(2).retain(3).insert("ab").insert("c").delete(1).delete(4).build();
            assertThat(op.components()).containsExactly(new Retain(5), new Insert("abc"), new Delete(5));
            assertThat(op(2, 3, "a", "b", -1, -1)).isEqualTo(op(5, "ab", -2));
        }

        @Test
        void insertGoesBeforeAnAdjacentDelete() {
            assertThat(TextOperation.builder().delete(2).insert("x").build().components())
                    .containsExactly(new Insert("x"), new Delete(2));
            assertThat(TextOperation.builder().insert("a").delete(2).insert("b").build().components())
                    .containsExactly(new Insert("ab"), new Delete(2));
            assertThat(TextOperation.builder().retain(1).delete(2).insert("x").retain(1).build())
                    .isEqualTo(TextOperation.builder().retain(1).insert("x").delete(2).retain(1).build());
        }

        @Test
        void lengthsCountUtf16Units() {
            TextOperation op = TextOperation.builder().retain(5).delete(2).insert("😀").build();
            assertThat(op.baseLength()).isEqualTo(7);
            assertThat(op.targetLength()).isEqualTo(7);
        }

        @Test
        void negativeCountsAndNullTextAreRejected() {
            assertThatThrownBy(() -> TextOperation.builder().retain(-1))
                    .isInstanceOf(OperationException.class).hasMessage("retain: count must not be negative, got -1");
            assertThatThrownBy(() -> TextOperation.builder().delete(-3))
                    .isInstanceOf(OperationException.class).hasMessage("delete: count must not be negative, got -3");
            assertThatThrownBy(() -> TextOperation.builder().insert(null))
                    .isInstanceOf(OperationException.class).hasMessage("insert: text is null");
        }

        @Test
        void lengthOverflowIsRejected() {
            assertThatThrownBy(() -> TextOperation.builder().retain(Integer.MAX_VALUE).retain(1))
                    .isInstanceOf(OperationException.class)
                    .hasMessage("retain: length 2147483647 + 1 overflows int");
        }

        @Test
        void componentsValidateThemselves() {
            assertThatThrownBy(() -> new Retain(0)).isInstanceOf(OperationException.class)
                    .hasMessage("Retain: count must be positive, got 0");
            assertThatThrownBy(() -> new Delete(-1)).isInstanceOf(OperationException.class);
            assertThatThrownBy(() -> new Insert("")).isInstanceOf(OperationException.class);
            assertThatThrownBy(() -> new Insert(null)).isInstanceOf(OperationException.class);
        }

        @Test
        void equalityIsStructural() {
            TextOperation a = TextOperation.builder().retain(1).insert("x").build();
            assertThat(a).isEqualTo(op(1, "x")).hasSameHashCodeAs(op(1, "x"));
            assertThat(a).isNotEqualTo(op(1, "y")).isNotEqualTo(op(2, "x")).isNotEqualTo(op("x", 1));
        }

        @Test
        void componentsCannotBeModified() {
            TextOperation op = op(1, "x");
            assertThatThrownBy(() -> op.components().add(new Retain(1)))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void noopMeansOnlyRetains() {
            assertThat(op().isNoop()).isTrue();
            assertThat(op(5).isNoop()).isTrue();
            assertThat(TextOperation.identity(3).isNoop()).isTrue();
            assertThat(TextOperation.identity(0).components()).isEmpty();
            assertThat(op(5, "x").isNoop()).isFalse();
            assertThat(op(-1).isNoop()).isFalse();
        }
    }

    @Nested
    class HandPicked {

        @Test
        void applyWalksTheDocument() {
            assertThat(op(5, "abc", -2, 4).apply("hello world")).isEqualTo("helloabcorld");
        }

        @Test
        void applyRejectsADocumentOfTheWrongLength() {
            assertThatThrownBy(() -> op(5, "abc", -2, 5).apply("hello world!!"))
                    .isInstanceOf(OperationException.class)
                    .hasMessage("apply: base length 12 does not match document length 13");
        }

        @Test
        void invertRestoresDeletedText() {
            assertThat(op(2, "xy", -1, 1).invert("abcd")).isEqualTo(op(2, "c", -2, 1));
        }

        @Test
        void composeMergesIntoOneOperation() {
            // "abc" -> "abcx" -> "bcx"
            assertThat(op(3, "x").compose(op(-1, 3))).isEqualTo(op(-1, 2, "x"));
            // Deleting what was just inserted leaves nothing of either.
            assertThat(op(1, "xyz", 1).compose(op(1, -3, 1))).isEqualTo(op(2));
        }

        @Test
        void composeRejectsMismatchedLengths() {
            assertThatThrownBy(() -> op(3, "x").compose(op(5)))
                    .isInstanceOf(OperationException.class)
                    .hasMessage("compose: target length 4 does not match the next operation's base length 5");
        }

        @Test
        void transformRejectsDifferentBaseLengths() {
            assertThatThrownBy(() -> TextOperation.transform(op(12), op(13)))
                    .isInstanceOf(OperationException.class)
                    .hasMessage("transform: base lengths differ (12 vs 13)");
        }

        @Test
        void toWireUsesIntegersAndStrings() {
            assertThat(op(5, "abc", -2).toWire()).containsExactly(5, "abc", -2);
            assertThat(op(5, "abc", -2).toString()).isEqualTo("[5,\"abc\",-2]");
            assertThat(op("a\"b\n").toString()).isEqualTo("[\"a\\\"b\\u000a\"]");
        }
    }

    /** Edge cases, each pinned by name; failures the fuzzer finds are minimised and added here. */
    @Nested
    class Regressions {

        @Test
        void concurrentInsertsIntoAnEmptyDocumentPutAFirst() {
            Transformed t = TextOperation.transform(op("a"), op("b"));
            assertThat(t.aPrime()).isEqualTo(op("a", 1));
            assertThat(t.bPrime()).isEqualTo(op(1, "b"));
            assertThat(t.bPrime().apply("a")).isEqualTo(t.aPrime().apply("b")).isEqualTo("ab");
        }

        @Test
        void tieAtTheSamePositionPutsAFirstWhicheverSideItIs() {
            Transformed t = TextOperation.transform(op(1, "A", 1), op(1, "B", 1));
            assertThat(t.aPrime()).isEqualTo(op(1, "A", 2));
            assertThat(t.bPrime()).isEqualTo(op(2, "B", 1));
            assertThat(t.bPrime().apply("xAy")).isEqualTo("xABy");
            Transformed swapped = TextOperation.transform(op(1, "B", 1), op(1, "A", 1));
            assertThat(swapped.bPrime().apply("xBy")).isEqualTo("xBAy");
        }

        @Test
        void bothDeletingEverythingLeavesEmptyOperations() {
            Transformed t = TextOperation.transform(op(-5), op(-5));
            assertThat(t.aPrime().components()).isEmpty();
            assertThat(t.bPrime().components()).isEmpty();
            assertThat(t.aPrime().apply("")).isEmpty();
        }

        @Test
        void textInsertedInsideARangeDeletedConcurrentlySurvives() {
            Transformed t = TextOperation.transform(op(-5), op(2, "X", 3));
            assertThat(t.aPrime()).isEqualTo(op(-2, 1, -3));
            assertThat(t.bPrime()).isEqualTo(op("X"));
            assertThat(t.aPrime().apply("heXllo")).isEqualTo(t.bPrime().apply("")).isEqualTo("X");
        }

        @Test
        void insertAtEndPushesACaretAtTheEnd() {
            assertThat(op(5, "!").apply("hello")).isEqualTo("hello!");
            assertThat(op(5, "!").transformIndex(5)).isEqualTo(6);
            Transformed t = TextOperation.transform(op(5, "!"), op(5, "?"));
            assertThat(t.bPrime().apply("hello!")).isEqualTo("hello!?");
        }

        @Test
        void overlappingDeletesDeleteOnce() {
            Transformed t = TextOperation.transform(op(1, -3, 2), op(2, -3, 1));
            assertThat(t.aPrime()).isEqualTo(op(1, -1, 1));
            assertThat(t.bPrime()).isEqualTo(op(1, -1, 1));
            assertThat(t.bPrime().apply("aef")).isEqualTo(t.aPrime().apply("abf")).isEqualTo("af");
        }

        @Test
        void deleteAllThenComposeIsADeleteAll() {
            assertThat(op(-5).compose(op("new"))).isEqualTo(op("new", -5));
            assertThat(op(-5).invert("hello")).isEqualTo(op("hello"));
        }

        @Test
        void emojiAreTwoUnitsAndMoveWhole() {
            String doc = "😀😀";
            Transformed t = TextOperation.transform(op(2, "👍", 2), op(-2, 2));
            assertThat(t.aPrime()).isEqualTo(op("👍", 2));
            assertThat(t.bPrime()).isEqualTo(op(-2, 4));
            assertThat(t.bPrime().apply(op(2, "👍", 2).apply(doc))).isEqualTo("👍😀");
        }

        @Test
        void crlfIsTwoUnitsThatMayBeEditedApart() {
            Transformed t = TextOperation.transform(op(1, -2, 1), op(2, "x", 2));
            assertThat(t.aPrime()).isEqualTo(op(1, -1, 1, -1, 1));
            assertThat(t.bPrime()).isEqualTo(op(1, "x", 1));
            assertThat(t.aPrime().apply("a\rx\nb")).isEqualTo("axb");
        }

        @Test
        void insertAtTheStartOfAConcurrentDeleteSurvives() {
            Transformed t = TextOperation.transform(op(1, -2, 1), op(1, "X", 3));
            assertThat(t.aPrime()).isEqualTo(op(2, -2, 1));
            assertThat(t.bPrime()).isEqualTo(op(1, "X", 1));
            assertThat(t.aPrime().apply("aXbcd")).isEqualTo("aXd");
        }
    }

    /** The undo grouping rule (ot.js {@code shouldBeComposedWith}); {@link UndoManagerTest} holds its laws. */
    @Nested
    class Continues {

        @Test
        void typingOnWhereTheLastInsertEndedContinuesIt() {
            assertThat(op(1, "b").continues(op("a"))).isTrue();
            assertThat(op(2, "c", 4).continues(op(1, "xy", 3))).isFalse();
            assertThat(op("b", 1).continues(op("a"))).isFalse();
        }

        @Test
        void backspaceAndDeleteContinueADelete() {
            assertThat(op(1, -1).continues(op(2, -1))).as("Backspace").isTrue();
            assertThat(op(1, -1).continues(op(1, -1, 1))).as("Delete").isTrue();
            assertThat(op(-1, 1).continues(op(1, -1, 1))).as("Delete then Backspace").isTrue();
            assertThat(op(-1, 1).continues(op(2, -1))).as("elsewhere").isFalse();
        }

        @Test
        void insertsAndDeletesDoNotContinueEachOther() {
            assertThat(op(1, -1).continues(op(1, "b"))).isFalse();
            assertThat(op(1, "b", 1).continues(op(1, -1, 1))).isFalse();
        }

        @Test
        void typingOnAfterTypingOverASelectionContinuesIt() {
            assertThat(op(7, "h").continues(op(6, "t", -5))).isTrue();
            assertThat(op(1, "b", -1, 2).continues(op("a", 3))).as("a replacement itself starts anew").isFalse();
        }

        @Test
        void editsAtTwoPlacesAndNoOpsContinueNothing() {
            assertThat(op(1, "b", 1, "c").continues(op("a", 1))).isFalse();
            assertThat(op(3, "c").continues(op("a", 1, "b"))).isFalse();
            assertThat(op(1).continues(op("a"))).isFalse();
        }

        @Test
        void theCaretMovesWithPeersEditsInBetween() {
            TextOperation typed = op(6, "a", 5);
            assertThat(op(8, "a", 5).continues(typed, op(7, "Q", 5))).as("a peer typed at the caret").isTrue();
            assertThat(op(7, "a", 6).continues(typed, op(7, "Q", 5))).as("before the peer's text").isFalse();
            assertThat(op(9, "a", 5).continues(typed, op("WW", 12))).as("a peer typed before").isTrue();
            assertThat(op(5, "a", 5).continues(typed, op(3, -2, 7))).as("a peer deleted before").isTrue();
        }

        @Test
        void lengthsThatDoNotChainAreRejected() {
            assertThatThrownBy(() -> op("a").continues(op("a")))
                    .isInstanceOf(OperationException.class)
                    .hasMessage("continues: lengths do not chain (previous ends at 1, since goes 1 to 1, this starts at 0)");
        }
    }

    @Nested
    class Carets {

        @Test
        void insertAtTheCaretPushesItRight() {
            TextOperation op = op(2, "ab", 3);
            assertThat(op.transformIndex(1)).isEqualTo(1);
            assertThat(op.transformIndex(2)).isEqualTo(4);
            assertThat(op.transformIndex(3)).isEqualTo(5);
        }

        @Test
        void deletingAroundTheCaretClampsItToTheDeleteStart() {
            TextOperation op = op(1, -3, 1);
            assertThat(op.transformIndex(1)).isEqualTo(1);
            assertThat(op.transformIndex(2)).isEqualTo(1);
            assertThat(op.transformIndex(4)).isEqualTo(1);
            assertThat(op.transformIndex(5)).isEqualTo(2);
        }

        @Test
        void caretOutsideTheDocumentIsRejected() {
            assertThatThrownBy(() -> op(3).transformIndex(4))
                    .isInstanceOf(OperationException.class)
                    .hasMessage("transformIndex: index 4 is outside the base document [0, 3]");
            assertThatThrownBy(() -> new Selection.Range(-1, 0)).isInstanceOf(OperationException.class);
        }

        @Test
        void selectionMovesEveryRange() {
            Selection s = new Selection(List.of(new Selection.Range(0, 2), new Selection.Range(3, 3)));
            assertThat(s.transform(op(1, "xy", 2))).isEqualTo(
                    new Selection(List.of(new Selection.Range(0, 4), new Selection.Range(5, 5))));
            assertThat(Selection.cursor(3).transform(op(3, "ab"))).isEqualTo(Selection.cursor(5));
        }
    }

    @Nested
    class SurrogatePairs {

        @Test
        void boundaryInsideAPairSplitsIt() {
            assertThat(op(1, -1, 2).splitsSurrogatePair("😀😀")).isTrue();
            assertThat(op(1, "x", 3).splitsSurrogatePair("😀😀")).isTrue();
            assertThat(op(3, -1).splitsSurrogatePair("😀😀")).isTrue();
        }

        @Test
        void boundariesBetweenPairsAreFine() {
            assertThat(op(2, "x", 2).splitsSurrogatePair("😀😀")).isFalse();
            assertThat(op(-2, 2).splitsSurrogatePair("😀😀")).isFalse();
            assertThat(op(4, "👍🏽").splitsSurrogatePair("😀😀")).isFalse();
        }

        @Test
        void loneSurrogateInInsertedTextSplits() {
            assertThat(op(4, "\uD83D").splitsSurrogatePair("😀😀")).isTrue();
            assertThat(op("\uDE00", 4).splitsSurrogatePair("😀😀")).isTrue();
            assertThat(op("a\uDE00\uD83Db").splitsSurrogatePair("")).isTrue();
        }

        @Test
        void checksTheDocumentLength() {
            assertThatThrownBy(() -> op(3).splitsSurrogatePair("ab"))
                    .isInstanceOf(OperationException.class)
                    .hasMessage("splitsSurrogatePair: base length 3 does not match document length 2");
        }
    }

    @Nested
    class FromWire {

        @Test
        void anyObjectMapperUsesTheWireForm() throws Exception {
            ObjectMapper mapper = new ObjectMapper();
            assertThat(mapper.writeValueAsString(op(5, "abc", -2))).isEqualTo("[5,\"abc\",-2]");
            assertThat(mapper.readValue("[5,\"abc\",-2]", TextOperation.class)).isEqualTo(op(5, "abc", -2));
            assertThatThrownBy(() -> mapper.readValue("[0]", TextOperation.class))
                    .hasRootCauseInstanceOf(OperationException.class);
        }

        private void rejects(List<?> wire, String message) {
            assertThatThrownBy(() -> TextOperation.fromWire(wire))
                    .isInstanceOf(OperationException.class).hasMessage(message);
        }

        @Test
        void acceptsIntsLongsThatFitAndStrings() {
            assertThat(TextOperation.fromWire(List.of(5L, "x", -2))).isEqualTo(op(5, "x", -2));
            assertThat(TextOperation.fromWire(List.of())).isEqualTo(TextOperation.identity(0));
        }

        @Test
        void rejectsEverythingElse() {
            rejects(null, "fromWire: components is null");
            rejects(List.of(1, 0), "fromWire: element 1 is 0 (retain and delete counts must be non-zero)");
            rejects(List.of(1.5), "fromWire: element 0 is 1.5, not an integer");
            rejects(List.of(5.0), "fromWire: element 0 is 5.0, not an integer");
            rejects(List.of(3_000_000_000L), "fromWire: element 0 is 3000000000, outside the int range");
            rejects(List.of(Integer.MIN_VALUE), "fromWire: element 0 is -2147483648, outside the int range");
            rejects(List.of(new BigInteger("99999999999999999999")),
                    "fromWire: element 0 is 99999999999999999999, outside the int range");
            rejects(List.of(true), "fromWire: element 0 is a boolean; expected a non-zero integer or a non-empty string");
            rejects(Arrays.asList(1, null), "fromWire: element 1 is null; expected a non-zero integer or a non-empty string");
            rejects(List.of(List.of(1)), "fromWire: element 0 is an array; expected a non-zero integer or a non-empty string");
            rejects(List.of(Map.of()), "fromWire: element 0 is an object; expected a non-zero integer or a non-empty string");
            rejects(List.of("a", ""), "fromWire: element 1 is an empty string (inserts must be non-empty)");
        }
    }
}
