package io.pairprog.desktop.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reading {@code GET /rooms/{id}/history} answers. */
class RoomHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPageIsReadAsTheContractWritesIt() throws Exception {
        RoomHistory.Page page = RoomHistory.page(JSON.readTree("""
                {"room_id": "r", "revision": 1234,
                 "steps": [{"from_revision": 1201, "to_revision": 1234, "client_id": "c-abc", "author": "Alice",
                            "color": "#e6194b", "started_at": "2026-11-26T06:00:00Z", "ended_at": "2026-11-26T06:00:09Z",
                            "edits": 34, "inserted": 120, "deleted": 3, "restored_revision": null},
                           {"from_revision": 1200, "to_revision": 1200, "client_id": "restore-1a2b3c4d", "author": null,
                            "color": null, "started_at": "2026-11-26T05:00:00Z", "ended_at": "2026-11-26T05:00:00Z",
                            "edits": 1, "inserted": 0, "deleted": 40, "restored_revision": 17}],
                 "next_before": 1200}
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
    void timesAreReadAsIsoTextEpochSecondsOrEpochMillis() throws Exception {
        assertThat(RoomHistory.instant(JSON.readTree("\"2026-11-26T06:00:09.250Z\"")))
                .isEqualTo(Instant.parse("2026-11-26T06:00:09.250Z"));
        assertThat(RoomHistory.instant(JSON.readTree("1.795673378814975E9")))
                .isEqualTo(Instant.ofEpochSecond(1_795_673_378L, 814_975_000L));
        assertThat(RoomHistory.instant(JSON.readTree("1795673378"))).isEqualTo(Instant.ofEpochSecond(1_795_673_378L));
        assertThat(RoomHistory.instant(JSON.readTree("1795673378814"))).isEqualTo(Instant.ofEpochMilli(1_795_673_378_814L));
        assertThat(RoomHistory.instant(JSON.readTree("null"))).isNull();
    }

    @Test
    void theLastPageHasNoNextBeforeAndCamelCaseNamesAreReadToo() throws Exception {
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
