package io.pairprog.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.store.Authorship;
import io.pairprog.server.store.EditSummary;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How revisions group into history steps: by author, by pauses, never across a restore. */
class HistoryStepTest {
    private static final Instant T0 = Instant.parse("2026-11-26T06:00:00Z");
    private static final Authorship ADA = new Authorship("Ada", "#e6194b", null);

    private static EditSummary op(long revision, String clientId, Duration at, Authorship author) {
        return new EditSummary(revision, clientId, T0.plus(at), author, 2, 0);
    }

    @Test
    void editsByOneAuthorWithShortPausesFormOneStepThatAddsUpTheirSizes() {
        HistoryStep step = HistoryStep.of(op(3, "ada", Duration.ofSeconds(50), ADA));
        EditSummary second = op(2, "ada", Duration.ofSeconds(25), ADA);
        assertThat(step.continuesWith(second)).isTrue();
        step = step.extendedBy(second);
        EditSummary first = new EditSummary(1, "ada", T0, ADA, 3, 0);
        assertThat(step.continuesWith(first)).isTrue();
        step = step.extendedBy(first);
        assertThat(step).isEqualTo(new HistoryStep(1, 3, "ada", "Ada", "#e6194b", T0, T0.plusSeconds(50), 3, 7, 0, null));
    }

    @Test
    void aPauseOverThirtySecondsAnotherAuthorOrAGapInRevisionsStartsANewStep() {
        HistoryStep step = HistoryStep.of(op(5, "ada", Duration.ofSeconds(100), ADA));
        assertThat(step.continuesWith(op(4, "ada", Duration.ofSeconds(69), ADA))).isFalse();
        assertThat(step.continuesWith(op(4, "ada", Duration.ofSeconds(70), ADA))).isTrue();
        assertThat(step.continuesWith(op(4, "bob", Duration.ofSeconds(99), ADA))).isFalse();
        assertThat(step.continuesWith(op(3, "ada", Duration.ofSeconds(99), ADA))).isFalse();
    }

    @Test
    void aRestoreIsAlwaysAStepOfItsOwn() {
        Authorship restore = Authorship.restore("Ada", 2);
        HistoryStep restoreStep = HistoryStep.of(op(5, "restore-1", Duration.ofSeconds(10), restore));
        assertThat(restoreStep.restoredRevision()).isEqualTo(2);
        assertThat(restoreStep.continuesWith(op(4, "restore-1", Duration.ofSeconds(9), restore))).isFalse();
        HistoryStep typing = HistoryStep.of(op(6, "restore-1", Duration.ofSeconds(11), ADA));
        assertThat(typing.continuesWith(op(5, "restore-1", Duration.ofSeconds(10), restore))).isFalse();
    }

    @Test
    void steadyTypingIsCutIntoStepsOfAtMostTenMinutes() {
        HistoryStep step = HistoryStep.of(op(1000, "ada", Duration.ofMinutes(20), ADA));
        long revision = 999;
        Duration at = Duration.ofMinutes(20);
        while (true) {
            at = at.minusSeconds(20);
            EditSummary older = op(revision--, "ada", at, ADA);
            if (!step.continuesWith(older)) {
                break;
            }
            step = step.extendedBy(older);
        }
        assertThat(Duration.between(step.startedAt(), step.endedAt())).isEqualTo(Duration.ofMinutes(10));
        assertThat(step.edits()).isEqualTo(31);
    }
}
