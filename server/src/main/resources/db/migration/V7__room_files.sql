-- Issue #21 (a room holds a project).

-- A file of a room is a document of its own: a row of rooms whose project_id names the room it belongs to,
-- with its own revisions, operations, snapshots, history and restore, exactly as a room's text has them.
-- The room's own text is its main file. A document is reached only through its room, never by its own id.
ALTER TABLE rooms ADD COLUMN project_id UUID;
CREATE INDEX rooms_project ON rooms (project_id);

-- What each document's text holds now, in UTF-16 code units: the file tree's sizes and the room's total
-- without reading any text. Kept by every commit; for texts stored before, filled when first loaded.
ALTER TABLE rooms ADD COLUMN text_length BIGINT;

-- The room's tree now: one row per file (folders are the paths' prefixes, as in git). A deleted file
-- leaves the tree; its document, and so its last text, stays.
CREATE TABLE room_files (
    room_id      UUID NOT NULL,
    path         VARCHAR(512) NOT NULL,
    document_id  UUID NOT NULL,
    CONSTRAINT room_files_pk PRIMARY KEY (room_id, path),
    CONSTRAINT room_files_document_unique UNIQUE (document_id)
);

-- Every change of the tree, in order (seq 1, 2, ...): a file created, moved or deleted, and by whom.
CREATE TABLE file_changes (
    room_id      UUID NOT NULL,
    seq          BIGINT NOT NULL,
    kind         VARCHAR(8) NOT NULL,
    document_id  UUID NOT NULL,
    path         VARCHAR(512) NOT NULL,
    old_path     VARCHAR(512),
    author       VARCHAR(64),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT file_changes_pk PRIMARY KEY (room_id, seq)
);

-- Every room stored before holds one file, its text, named after its language.
INSERT INTO room_files (room_id, path, document_id)
SELECT id,
       CASE language WHEN 'python' THEN 'main.py' WHEN 'javascript' THEN 'main.js' WHEN 'typescript' THEN 'main.ts'
                     WHEN 'java' THEN 'Main.java' WHEN 'go' THEN 'main.go' ELSE 'main.txt' END,
       id
FROM rooms;
