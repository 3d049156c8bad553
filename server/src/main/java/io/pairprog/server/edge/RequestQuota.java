package io.pairprog.server.edge;

/**
 * How many REST requests a client address may make, and how many rooms may be created: each room is
 * written to disk, so room creation has its own limit per address and one for everybody together.
 * Every limit allows bursts of twice its rate, like the WebSocket message limit.
 */
final class RequestQuota {
    private static final String EVERYONE = "*";

    private final TokenBuckets requests;
    private final TokenBuckets roomsPerAddress;
    private final TokenBuckets rooms;

    RequestQuota(EdgeLimits limits) {
        requests = new TokenBuckets(limits.requestsPerSecondPerAddress(), 2.0 * limits.requestsPerSecondPerAddress());
        roomsPerAddress = new TokenBuckets(limits.roomsPerMinutePerAddress() / 60.0, 2.0 * limits.roomsPerMinutePerAddress());
        rooms = new TokenBuckets(limits.roomsPerMinute() / 60.0, 2.0 * limits.roomsPerMinute());
    }

    /** 0 if the request may go ahead, else the seconds after which to try again. */
    long take(String address, boolean createsRoom, long nowNanos) {
        long wait = requests.take(address, nowNanos);
        if (wait == 0 && createsRoom) {
            wait = roomsPerAddress.take(address, nowNanos);
            if (wait == 0) {
                wait = rooms.take(EVERYONE, nowNanos);
            }
        }
        return wait;
    }
}
