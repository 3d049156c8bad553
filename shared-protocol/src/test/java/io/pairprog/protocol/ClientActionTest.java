package io.pairprog.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.protocol.CloseCodes.Reconnect;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The client's reaction to each code is data; these checks keep the data complete and coherent. */
class ClientActionTest {

    /** Every {@code int} constant of {@link CloseCodes}, by name. */
    static Map<String, Integer> closeCodeConstants() {
        return Arrays.stream(CloseCodes.class.getFields())
                .filter(f -> f.getType() == int.class && Modifier.isStatic(f.getModifiers()))
                .collect(Collectors.toMap(Field::getName, ClientActionTest::value));
    }

    private static int value(Field f) {
        try {
            return f.getInt(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(f.getName(), e);
        }
    }

    @Test
    void everyErrorCodeNamesAnAction() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(code.clientAction()).as("%s", code).isNotNull();
        }
    }

    @Test
    void everyCloseCodeConstantHasItsOwnRow() {
        Map<String, Integer> constants = closeCodeConstants();
        assertThat(constants).hasSizeGreaterThanOrEqualTo(13);
        constants.forEach((name, code) -> assertThat(CloseCodes.isKnown(code)).as("%s (%d)", name, code).isTrue());
        assertThat(constants.values()).doesNotHaveDuplicates();
    }

    @Test
    void codesTheServerDoesNotUseReconnectLaterAsAfterADrop() {
        for (int code : new int[] {1002, 1005, 1006, 1008, 1014, 3000, 4000, 4401, 4999}) {
            assertThat(CloseCodes.isKnown(code)).as("%d", code).isFalse();
            assertThat(CloseCodes.reconnect(code)).as("%d", code).isEqualTo(Reconnect.LATER);
        }
    }

    @Test
    void aRoomThatMovedToAnotherNodeIsFollowedAtOnce() {
        assertThat(CloseCodes.reconnect(CloseCodes.ROOM_MOVED)).isEqualTo(Reconnect.AT_ONCE);
    }

    @Test
    void onlyRefusalsForGoodNeverReconnect() {
        assertThat(closeCodeConstants().entrySet().stream()
                .filter(e -> CloseCodes.reconnect(e.getValue()) == Reconnect.NEVER).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder("INVALID_ROOM_ID", "ROOM_NOT_FOUND", "FORBIDDEN_ORIGIN", "UNSUPPORTED_DATA");
    }

    /**
     * The server refuses a connection with an error and then a close code (RoomEndpoint.refuse). Both
     * tables must tell the client the same: refused for good, nothing is retried; refused for now, the
     * client connects again (a start over connects again too).
     */
    @Test
    void anErrorSentBeforeACloseAgreesWithTheCloseCode() {
        Map<ErrorCode, Integer> refusals = Map.of(
                ErrorCode.INVALID_ROOM_ID, CloseCodes.INVALID_ROOM_ID,
                ErrorCode.ROOM_NOT_FOUND, CloseCodes.ROOM_NOT_FOUND,
                ErrorCode.FORBIDDEN_ORIGIN, CloseCodes.FORBIDDEN_ORIGIN,
                ErrorCode.MALFORMED_MESSAGE, CloseCodes.UNSUPPORTED_DATA,
                ErrorCode.TOO_MANY_CONNECTIONS, CloseCodes.TOO_MANY_CONNECTIONS,
                ErrorCode.STORE_UNAVAILABLE, CloseCodes.TRY_AGAIN_LATER,
                ErrorCode.MESSAGE_TOO_LARGE, CloseCodes.MESSAGE_TOO_BIG);
        refusals.forEach((error, close) -> {
            boolean retries = error.clientAction() == ClientAction.RESEND_LATER
                    || error.clientAction() == ClientAction.START_OVER;
            assertThat(retries).as("%s before close %d", error, close)
                    .isEqualTo(CloseCodes.reconnect(close) != Reconnect.NEVER);
        });
    }
}
