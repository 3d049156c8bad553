package io.pairprog.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pairprog.desktop.net.RoomRef;
import io.pairprog.desktop.net.ServerAddress;

import org.junit.jupiter.api.Test;

/** What the start screen makes of typed input (room IDs, share links, view-only links, names), without a window. */
class StartScreenInputTest {

    @Test
    void aShareLinkGivesItsRoomIdOnTheConfiguredServer() {
        assertThat(JoinTarget.parse(" http://localhost:8000/?room=5f0c-1 "))
                .isEqualTo(new JoinTarget(null, RoomRef.room("5f0c-1")));
        assertThat(JoinTarget.parse("5f0c-2")).isEqualTo(new JoinTarget(null, RoomRef.room("5f0c-2")));
        assertThat(JoinTarget.parse("5f0c2f5e-8b7e-4d7c-9a61-0d5b4c3a2b1c"))
                .isEqualTo(new JoinTarget(null, RoomRef.room("5f0c2f5e-8b7e-4d7c-9a61-0d5b4c3a2b1c")));
        assertThat(JoinTarget.parse("   ")).isNull();
    }

    @Test
    void aViewLinkJoinsItsViewIdOnTheLinksOwnServer() {
        assertThat(JoinTarget.parse("http://10.0.0.7:9000/?view=AbCdEfGhIjKlMnOpQr_-12"))
                .isEqualTo(new JoinTarget(ServerAddress.parse("http://10.0.0.7:9000"), RoomRef.view("AbCdEfGhIjKlMnOpQr_-12")));
        assertThat(JoinTarget.parse("https://pairprog.example/index.html?x=1&view=v1#top"))
                .isEqualTo(new JoinTarget(ServerAddress.parse("https://pairprog.example"), RoomRef.view("v1")));
        assertThat(JoinTarget.parse("/?view=v2")).isEqualTo(new JoinTarget(null, RoomRef.view("v2")));
    }

    @Test
    void aBareViewIdIsTwentyTwoBase64UrlCharacters() {
        assertThat(JoinTarget.parse("AbCdEfGhIjKlMnOpQr_-12")).isEqualTo(new JoinTarget(null, RoomRef.view("AbCdEfGhIjKlMnOpQr_-12")));
        assertThat(JoinTarget.parse("AbCdEfGhIjKlMnOpQr_-1").ref().viewOnly()).isFalse(); // 21: not a view id
        assertThat(JoinTarget.parse("AbCdEfGhIjKlMnOpQr_-1!").ref().viewOnly()).isFalse();
    }

    @Test
    void aViewLinkWithABrokenServerSaysSo() {
        assertThatThrownBy(() -> JoinTarget.parse("ftp://host/?view=v1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://");
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
