-- Written in the SQL that both PostgreSQL and H2 (PostgreSQL mode) accept: the same migrations serve
-- the production database and the embedded default.

-- A room's current text and revision: what a join or GET /rooms/{id} shows without replaying the log.
CREATE TABLE rooms (
    id          UUID PRIMARY KEY,
    code        TEXT NOT NULL,
    revision    BIGINT NOT NULL,
    language    VARCHAR(32) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The operation log: revision n of a room is the operation that turned revision n-1 into n.
-- The primary key makes the database, not only the process, guarantee one operation per revision;
-- the unique (client_id, client_seq) makes a resent edit impossible to store twice.
CREATE TABLE operations (
    room_id     UUID NOT NULL REFERENCES rooms (id),
    revision    BIGINT NOT NULL,
    client_id   VARCHAR(64) NOT NULL,
    client_seq  BIGINT NOT NULL,
    operation   TEXT NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT operations_pk PRIMARY KEY (room_id, revision),
    CONSTRAINT operations_client_seq_unique UNIQUE (room_id, client_id, client_seq)
);
