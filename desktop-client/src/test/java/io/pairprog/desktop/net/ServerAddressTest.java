package io.pairprog.desktop.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void aBareHostAndPortMeansHttp() {
        ServerAddress server = ServerAddress.parse(" localhost:8000 ");

        assertThat(server.base()).isEqualTo(URI.create("http://localhost:8000"));
        assertThat(server.http("/rooms/")).isEqualTo(URI.create("http://localhost:8000/rooms/"));
        assertThat(server.webSocket("r1")).isEqualTo(URI.create("ws://localhost:8000/ws/r1"));
        assertThat(server.shareLink("r1")).isEqualTo("http://localhost:8000/?room=r1");
    }

    @Test
    void httpsBecomesWssAndATrailingSlashIsDropped() {
        ServerAddress server = ServerAddress.parse("https://pairprog.example/team/");

        assertThat(server.webSocket("r1")).isEqualTo(URI.create("wss://pairprog.example/team/ws/r1"));
        assertThat(server.shareLink("r1")).isEqualTo("https://pairprog.example/team/?room=r1");
    }

    @Test
    void aViewLinkHasItsOwnSocketAndPageParameter() {
        ServerAddress server = ServerAddress.parse("https://pairprog.example/team/");

        assertThat(server.viewWebSocket("v1")).isEqualTo(URI.create("wss://pairprog.example/team/ws/view/v1"));
        assertThat(server.viewLink("v1")).isEqualTo("https://pairprog.example/team/?view=v1");
        assertThat(RoomRef.view("v1").webSocket(server)).isEqualTo(server.viewWebSocket("v1"));
        assertThat(RoomRef.room("r1").webSocket(server)).isEqualTo(server.webSocket("r1"));
    }

    @Test
    void otherSchemesAndEmptyInputAreRefusedWithAReadableReason() {
        assertThatThrownBy(() -> ServerAddress.parse("ftp://x")).hasMessageContaining("http://");
        assertThatThrownBy(() -> ServerAddress.parse("  ")).hasMessageContaining("Enter the server address");
    }
}
