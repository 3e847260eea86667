//! How each of the store's trees lies in PostgreSQL: the table (or, for
//! sled's two index trees, the query over a table) and the columns its
//! keys are made of, in the order of sled's key bytes.
//!
//! A key is one of three kinds: `meta`'s text, a tombstone's hash, or
//! ids of 8 big-endian bytes each, one after the other (an application's
//! engagement then candidate). The byte order of such keys is the order
//! of the columns compared as a row, so a range of keys is a range of
//! rows: `(engagement, candidate) >= ($1, $2)`.

/// What a key is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// Text compared byte for byte (`COLLATE "C"`).
    Text(&'static str),
    /// Bytes as they are.
    Bytes(&'static str),
    /// Ids, each 8 bytes of the key.
    Ids(&'static [&'static str]),
}

/// One tree of the store, on PostgreSQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// The tree's name (sled's), for messages.
    pub tree: &'static str,
    /// The table read.
    pub table: &'static str,
    /// Rows of the table that belong to the tree (`TRUE` for all).
    pub filter: &'static str,
    pub key: Key,
    /// The value, as an expression over the row.
    pub value: &'static str,
    /// How a value is written: `None` for an index tree, whose entries
    /// follow from the rows of its table and are not written apart.
    pub upsert: Option<&'static str>,
}

impl Shape {
    /// The shape of the tree named `name`; `None` for a tree the store
    /// does not keep on PostgreSQL.
    pub fn of(name: &str) -> Option<Shape> {
        SHAPES.iter().copied().find(|shape| shape.tree == name)
    }

    /// The key's columns, comma-separated.
    pub fn key_columns(&self) -> String {
        match self.key {
            Key::Text(column) | Key::Bytes(column) => column.to_string(),
            Key::Ids(columns) => columns.join(", "),
        }
    }

    /// How many parameters a key binds.
    pub fn key_width(&self) -> usize {
        match self.key {
            Key::Text(_) | Key::Bytes(_) => 1,
            Key::Ids(columns) => columns.len(),
        }
    }
}

const fn ids(tree: &'static str, key: &'static [&'static str], upsert: &'static str) -> Shape {
    Shape {
        tree,
        table: tree,
        filter: "TRUE",
        key: Key::Ids(key),
        value: "record",
        upsert: Some(upsert),
    }
}

const SHAPES: [Shape; 13] = [
    Shape {
        tree: "meta",
        table: "meta",
        filter: "TRUE",
        key: Key::Text("key"),
        value: "value",
        upsert: Some(
            "INSERT INTO meta (key, value) VALUES ($1, $2) \
             ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
        ),
    },
    ids(
        "clients",
        &["id"],
        "INSERT INTO clients (id, name, record) VALUES ($1, $2, $3) \
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, record = EXCLUDED.record",
    ),
    ids(
        "candidates",
        &["id"],
        "INSERT INTO candidates (id, name, email, record) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, \
         record = EXCLUDED.record",
    ),
    ids(
        "engagements",
        &["id"],
        "INSERT INTO engagements (id, client, status, record) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (id) DO UPDATE SET client = EXCLUDED.client, status = EXCLUDED.status, \
         record = EXCLUDED.record",
    ),
    ids(
        "applications",
        &["engagement", "candidate"],
        "INSERT INTO applications (engagement, candidate, stage, record) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (engagement, candidate) DO UPDATE SET stage = EXCLUDED.stage, \
         record = EXCLUDED.record",
    ),
    ids(
        "notes",
        &["candidate", "id"],
        "INSERT INTO notes (id, candidate, record) VALUES ($1, $2, $3) \
         ON CONFLICT (id) DO UPDATE SET candidate = EXCLUDED.candidate, record = EXCLUDED.record",
    ),
    ids(
        "submittals",
        &["id"],
        "INSERT INTO submittals (id, engagement, candidate, record) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (id) DO UPDATE SET engagement = EXCLUDED.engagement, \
         candidate = EXCLUDED.candidate, record = EXCLUDED.record",
    ),
    ids(
        "placements",
        &["id"],
        "INSERT INTO placements (id, engagement, candidate, record) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (id) DO UPDATE SET engagement = EXCLUDED.engagement, \
         candidate = EXCLUDED.candidate, record = EXCLUDED.record",
    ),
    ids(
        "assignments",
        &["engagement"],
        "INSERT INTO assignments (engagement, record) VALUES ($1, $2) \
         ON CONFLICT (engagement) DO UPDATE SET record = EXCLUDED.record",
    ),
    ids(
        "events",
        &["id"],
        "INSERT INTO events (id, at, kind, candidate, record) VALUES \
         ($1, 'epoch'::timestamptz + $2::bigint * interval '1 millisecond', $3, $4, $5) \
         ON CONFLICT (id) DO UPDATE SET at = EXCLUDED.at, kind = EXCLUDED.kind, \
         candidate = EXCLUDED.candidate, record = EXCLUDED.record",
    ),
    Shape {
        tree: "tombstones",
        table: "tombstones",
        filter: "TRUE",
        key: Key::Bytes("hash"),
        value: "record",
        upsert: Some(
            "INSERT INTO tombstones (hash, erased_at, record) VALUES \
             ($1, 'epoch'::timestamptz + $2::bigint * interval '1 millisecond', $3) \
             ON CONFLICT (hash) DO UPDATE SET erased_at = EXCLUDED.erased_at, \
             record = EXCLUDED.record",
        ),
    },
    // sled's index trees: the unique email column of `candidates`, and the
    // events that name a candidate.
    Shape {
        tree: "emails",
        table: "candidates",
        filter: "TRUE",
        key: Key::Text("email"),
        value: "int8send(id)",
        upsert: None,
    },
    Shape {
        tree: "events_by_candidate",
        table: "events",
        filter: "candidate IS NOT NULL",
        key: Key::Ids(&["candidate", "id"]),
        value: "''::bytea",
        upsert: None,
    },
];
