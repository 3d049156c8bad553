-- Issue #20 (several nodes on one database).

-- Which node owns each room, until when. A node serves a room only while it holds the room's lease; the
-- epoch grows with every change of owner and never goes back (a lease is expired, never deleted), and
-- every commit checks it, so an owner that lost its lease while paused can never store again.
CREATE TABLE room_leases (
    room_id     UUID PRIMARY KEY,
    node_id     VARCHAR(64) NOT NULL,
    node_url    VARCHAR(512) NOT NULL,
    epoch       BIGINT NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX room_leases_node ON room_leases (node_id);

-- A secret shared by the nodes of one database: a node that forwards a client's connection to the
-- room's owner proves with it that the client address it passes on may be trusted.
CREATE TABLE cluster_secret (
    id      INT PRIMARY KEY,
    secret  VARCHAR(64) NOT NULL
);
