package io.pairprog.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.desktop.net.RoomHistory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pages of history steps, newest first from the server, held oldest first for the slider. */
class HistoryTimelineTest {

    @Test
    void theFirstPageIsHeldOldestFirst() {
        HistoryTimeline timeline = new HistoryTimeline();
        assertThat(timeline.isLoaded()).isFalse();
        assertThat(timeline.nextBefore()).isNull();

        assertThat(timeline.add(new RoomHistory.Page(9, List.of(step(7, 9), step(4, 6)), 4L))).isEqualTo(2);

        assertThat(timeline.size()).isEqualTo(2);
        assertThat(timeline.get(0).toRevision()).isEqualTo(6);
        assertThat(timeline.get(1).toRevision()).isEqualTo(9);
        assertThat(timeline.hasOlder()).isTrue();
        assertThat(timeline.nextBefore()).isEqualTo(4L);
    }

    @Test
    void anOlderPageGoesInFrontAndTheLastPageEndsPaging() {
        HistoryTimeline timeline = new HistoryTimeline();
        timeline.add(new RoomHistory.Page(9, List.of(step(7, 9), step(4, 6)), 4L));

        int added = timeline.add(new RoomHistory.Page(9, List.of(step(2, 3), step(1, 1)), null));

        assertThat(added).isEqualTo(2);
        assertThat(List.of(timeline.get(0).toRevision(), timeline.get(1).toRevision(), timeline.get(2).toRevision(),
                timeline.get(3).toRevision())).containsExactly(1L, 3L, 6L, 9L);
        assertThat(timeline.hasOlder()).isFalse();
    }

    @Test
    void stepsAlreadyHeldAreNotAddedTwice() {
        HistoryTimeline timeline = new HistoryTimeline();
        timeline.add(new RoomHistory.Page(9, List.of(step(7, 9), step(4, 6)), 4L));

        assertThat(timeline.add(new RoomHistory.Page(9, List.of(step(4, 6), step(2, 3)), 2L))).isEqualTo(1);
        assertThat(timeline.size()).isEqualTo(3);
    }

    @Test
    void aRoomWithoutEditsHasNoStepsAndNothingOlder() {
        HistoryTimeline timeline = new HistoryTimeline();
        timeline.add(new RoomHistory.Page(0, List.of(), null));
        assertThat(timeline.isLoaded()).isTrue();
        assertThat(timeline.size()).isZero();
        assertThat(timeline.hasOlder()).isFalse();
    }

    private static RoomHistory.Step step(long from, long to) {
        return new RoomHistory.Step(from, to, "c-" + from, "Ada", "#e6194b", null, null, (int) (to - from + 1), 1, 0, null);
    }
}
