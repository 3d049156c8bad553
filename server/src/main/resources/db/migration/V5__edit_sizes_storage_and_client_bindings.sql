-- Issue #18 (hardening).

-- What each operation inserted and deleted, so that the history reads sizes without reading (and
-- decoding) operations, which may be megabytes each. Null for operations stored before: read from them.
ALTER TABLE operations ADD COLUMN inserted BIGINT;
ALTER TABLE operations ADD COLUMN deleted BIGINT;

-- What a room has stored (operations plus snapshots, in characters), for its storage quota; kept up to
-- date by every commit.
ALTER TABLE rooms ADD COLUMN stored_chars BIGINT DEFAULT 0 NOT NULL;
UPDATE rooms SET stored_chars =
    COALESCE((SELECT SUM(LENGTH(o.operation)) FROM operations o WHERE o.room_id = rooms.id), 0)
    + COALESCE((SELECT SUM(LENGTH(s.code)) FROM snapshots s WHERE s.room_id = rooms.id), 0);

-- A client id belongs to the connection that first used it in a room: resuming it takes the secret
-- returned then (only its hash is kept), so nobody else can acknowledge, block or impersonate its edits.
CREATE TABLE client_bindings (
    room_id     UUID NOT NULL,
    client_id   VARCHAR(64) NOT NULL,
    token_hash  VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT client_bindings_pk PRIMARY KEY (room_id, client_id)
);
