package io.pairprog.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the start screen makes of typed input, without a window. */
class StartScreenInputTest {

    @Test
    void aShareLinkGivesItsRoomId() {
        assertThat(StartScreen.roomIdOf(" http://localhost:8000/?room=5f0c-1 ")).isEqualTo("5f0c-1");
        assertThat(StartScreen.roomIdOf("5f0c-2")).isEqualTo("5f0c-2");
    }

    @Test
    void namesAreTrimmedFreedOfControlCharactersAndCutAt64Units() {
        assertThat(StartScreen.cleanName("  Ada\tLovelace\n")).isEqualTo("AdaLovelace");
        assertThat(StartScreen.cleanName("x".repeat(63) + "😀")).hasSize(63);
        assertThat(StartScreen.cleanName("x".repeat(62) + "😀")).hasSize(64).endsWith("😀");
    }

    @Test
    void recentRoomsSayHowLongAgo() {
        long now = 10L * 24 * 3600 * 1000;
        assertThat(RecentRoomsPanel.ago(now - 30_000, now)).isEqualTo("just now");
        assertThat(RecentRoomsPanel.ago(now - 5 * 60_000, now)).isEqualTo("5 min ago");
        assertThat(RecentRoomsPanel.ago(now - 3 * 3600_000, now)).isEqualTo("3 h ago");
        assertThat(RecentRoomsPanel.ago(now - 3 * 24 * 3600_000L, now)).isEqualTo("3 days ago");
    }
}
