-- Issue #6: history steps need who wrote each revision; view-only links need a second, unguessable
-- key per room; the text at any revision needs snapshots so it never replays a long log.

-- The view-only capability. Random and unrelated to the room id, so a view link never reveals the id
-- (which is the edit capability). Rooms created before this migration get one when first asked.
ALTER TABLE rooms ADD COLUMN view_id VARCHAR(32);
CREATE UNIQUE INDEX rooms_view_id ON rooms (view_id);

-- Who made each revision, as shown at the time (null for seed clients, which have no name), and for a
-- restore, which revision it brought back.
ALTER TABLE operations ADD COLUMN author VARCHAR(64);
ALTER TABLE operations ADD COLUMN color VARCHAR(16);
ALTER TABLE operations ADD COLUMN restored_revision BIGINT;

-- The text of a room at some revisions. Text at revision n = the latest snapshot at or before n plus
-- the operations after it, so reading any revision replays at most one snapshot interval.
CREATE TABLE snapshots (
    room_id     UUID NOT NULL REFERENCES rooms (id),
    revision    BIGINT NOT NULL,
    code        TEXT NOT NULL,
    CONSTRAINT snapshots_pk PRIMARY KEY (room_id, revision)
);
