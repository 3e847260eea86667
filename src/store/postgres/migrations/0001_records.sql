-- hireterm's records on PostgreSQL, schema 1.
--
-- Every record is kept whole in `record`, encoded exactly as the embedded
-- engine (sled) keeps it, so both engines hold the same bytes and
-- `hireterm copy` moves them unchanged. The columns beside it are what is
-- queried and what must hold: ids, the unique email, the stage a move is
-- checked against, the links between records. Links are checked at
-- commit (DEFERRABLE INITIALLY DEFERRED): one write adds a candidate and
-- their application in either order.

CREATE TABLE meta (
    key text PRIMARY KEY,
    value bytea NOT NULL
);

CREATE TABLE clients (
    id bigint PRIMARY KEY CHECK (id > 0),
    name text NOT NULL,
    record bytea NOT NULL
);

CREATE TABLE candidates (
    id bigint PRIMARY KEY CHECK (id > 0),
    name text NOT NULL,
    -- Trimmed and lower-cased, as the store compares emails.
    email text NOT NULL UNIQUE CHECK (email = lower(btrim(email))),
    record bytea NOT NULL
);

CREATE TABLE engagements (
    id bigint PRIMARY KEY CHECK (id > 0),
    client bigint NOT NULL REFERENCES clients DEFERRABLE INITIALLY DEFERRED,
    status text NOT NULL
        CHECK (status IN ('open', 'on_hold', 'filled', 'cancelled')),
    record bytea NOT NULL
);

CREATE TABLE applications (
    engagement bigint NOT NULL REFERENCES engagements DEFERRABLE INITIALLY DEFERRED,
    candidate bigint NOT NULL REFERENCES candidates DEFERRABLE INITIALLY DEFERRED,
    stage text NOT NULL CHECK (stage IN (
        'sourced', 'screening', 'technical_interview', 'client_interview',
        'offer', 'placed', 'rejected', 'withdrawn')),
    record bytea NOT NULL,
    PRIMARY KEY (engagement, candidate)
);
CREATE INDEX applications_by_candidate ON applications (candidate);

CREATE TABLE notes (
    id bigint PRIMARY KEY CHECK (id > 0),
    candidate bigint NOT NULL REFERENCES candidates DEFERRABLE INITIALLY DEFERRED,
    record bytea NOT NULL
);
CREATE INDEX notes_by_candidate ON notes (candidate, id);

CREATE TABLE submittals (
    id bigint PRIMARY KEY CHECK (id > 0),
    engagement bigint NOT NULL REFERENCES engagements DEFERRABLE INITIALLY DEFERRED,
    candidate bigint NOT NULL REFERENCES candidates DEFERRABLE INITIALLY DEFERRED,
    record bytea NOT NULL
);

CREATE TABLE placements (
    id bigint PRIMARY KEY CHECK (id > 0),
    engagement bigint NOT NULL REFERENCES engagements DEFERRABLE INITIALLY DEFERRED,
    candidate bigint NOT NULL REFERENCES candidates DEFERRABLE INITIALLY DEFERRED,
    record bytea NOT NULL
);

-- The interviewers assigned to an engagement.
CREATE TABLE assignments (
    engagement bigint PRIMARY KEY REFERENCES engagements DEFERRABLE INITIALLY DEFERRED,
    record bytea NOT NULL
);

-- The event log: every change, in the order it was acknowledged. Events
-- outlive the records they name (a deleted candidate's history stays).
CREATE TABLE events (
    id bigint PRIMARY KEY CHECK (id > 0),
    at timestamptz NOT NULL,
    kind text NOT NULL,
    candidate bigint,
    record bytea NOT NULL
);
CREATE INDEX events_by_candidate ON events (candidate, id) WHERE candidate IS NOT NULL;
