-- Issue #7: a room's current text is its latest snapshot plus the operations after it. Writing the whole
-- text into rooms at every commit cost, for a 1 MB document, a megabyte of WAL per keystroke; now a
-- commit writes the operations, advances the revision, and writes the text only when a snapshot is due.
-- Rooms stored before keep their text as a snapshot at their current revision.
INSERT INTO snapshots (room_id, revision, code)
SELECT r.id, r.revision, r.code FROM rooms r
WHERE r.revision > 0
  AND NOT EXISTS (SELECT 1 FROM snapshots s WHERE s.room_id = r.id AND s.revision = r.revision);

ALTER TABLE rooms DROP COLUMN code;
