package io.pairprog.desktop.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reading {@code GET /rooms/{id}/history} answers. */
class RoomHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPageIsReadAsTheServerWritesIt() throws Exception {
        RoomHistory.Page page = RoomHistory.page(JSON.readTree("""
                {"roomId": "r", "revision": 1234,
                 "steps": [{"fromRevision": 1201, "toRevision": 1234, "clientId": "c-abc", "author": "Alice",
                            "color": "#e6194b", "startedAt": "2026-11-26T06:00:00Z", "endedAt": "2026-11-26T06:00:09Z",
                            "edits": 34, "inserted": 120, "deleted": 3, "restoredRevision": null},
                           {"fromRevision": 1200, "toRevision": 1200, "clientId": "restore-1a2b3c4d", "author": null,
                            "color": null, "startedAt": "2026-11-26T05:00:00Z", "endedAt": "2026-11-26T05:00:00Z",
                            "edits": 1, "inserted": 0, "deleted": 40, "restoredRevision": 17}],
                 "nextBefore": 1200}
                """));

        assertThat(page.revision()).isEqualTo(1234);
        assertThat(page.nextBefore()).isEqualTo(1200L);
        assertThat(page.steps()).containsExactly(
                new RoomHistory.Step(1201, 1234, "c-abc", "Alice", "#e6194b", Instant.parse("2026-11-26T06:00:00Z"),
                        Instant.parse("2026-11-26T06:00:09Z"), 34, 120, 3, null),
                new RoomHistory.Step(1200, 1200, "restore-1a2b3c4d", null, null, Instant.parse("2026-11-26T05:00:00Z"),
                        Instant.parse("2026-11-26T05:00:00Z"), 1, 0, 40, 17L));
    }

    @Test
    void timesAreIsoTextAndAnUnreadableOneIsNoTime() throws Exception {
        assertThat(RoomHistory.instant(JSON.readTree("\"2026-11-26T06:00:09.250Z\"")))
                .isEqualTo(Instant.parse("2026-11-26T06:00:09.250Z"));
        assertThat(RoomHistory.instant(JSON.readTree("\"yesterday\""))).isNull();
        assertThat(RoomHistory.instant(JSON.readTree("null"))).isNull();
    }

    @Test
    void theLastPageHasNoNextBefore() throws Exception {
        RoomHistory.Page page = RoomHistory.page(JSON.readTree("""
                {"roomId": "r", "revision": 2, "nextBefore": null,
                 "steps": [{"fromRevision": 1, "toRevision": 2, "clientId": "c", "author": "Bo", "color": "#000000",
                            "startedAt": "not a time", "endedAt": "2026-11-26T06:00:09Z",
                            "edits": 2, "inserted": 5, "deleted": 0}]}
                """));

        assertThat(page.nextBefore()).isNull();
        RoomHistory.Step step = page.steps().get(0);
        assertThat(step.fromRevision()).isEqualTo(1);
        assertThat(step.toRevision()).isEqualTo(2);
        assertThat(step.clientId()).isEqualTo("c");
        assertThat(step.startedAt()).isNull();
        assertThat(step.restoredRevision()).isNull();
    }
}
