-- Schema 2: the tombstones of erased people (src/store/tombstones.rs),
-- which schema 1 left out. An erasure keeps no data about the person,
-- only a salted SHA-256 of each of their emails and of their phone, so
-- that they are not added again unasked; the salt is in `meta`
-- (`erasure:salt`). As in schema 1, `record` holds the exact bytes sled
-- keeps for the entry (the erasure's time, milliseconds big-endian), and
-- `erased_at` the same time for queries.

CREATE TABLE tombstones (
    hash bytea PRIMARY KEY CHECK (length(hash) = 32),
    erased_at timestamptz NOT NULL,
    record bytea NOT NULL
);
