//! A sled entry as a PostgreSQL row: the record's bytes unchanged, and
//! beside them the columns the schema (`postgres/migrations/`) asks for,
//! read from the decoded record. The key sled kept the entry under must
//! be the one those columns give back (`from_postgres.rs` rebuilds it from
//! them), or the copy would not come back the same: an entry whose key
//! does not match its record is refused.

use super::error::CopyError;
use super::tables::Table;
use super::{Result, names};
use crate::domain::scope::Assignment;
use crate::domain::text::normalize_email;
use crate::domain::{
    Application, Candidate, Client, Engagement, Event, Note, Placement, Submittal,
};
use crate::store::notes::note_key;
use crate::store::records::{Record, application_key, decode};
use postgres::types::ToSql;

/// The values of one row, in the order of its table's [`insert_sql`].
pub type Params = Vec<Box<dyn ToSql + Sync>>;

/// The statement that inserts one row of `table`.
pub fn insert_sql(table: Table) -> &'static str {
    match table {
        Table::Meta => "INSERT INTO meta (key, value) VALUES ($1, $2)",
        Table::Clients => "INSERT INTO clients (id, name, record) VALUES ($1, $2, $3)",
        Table::Candidates => CANDIDATES,
        Table::Engagements => ENGAGEMENTS,
        Table::Applications => APPLICATIONS,
        Table::Notes => "INSERT INTO notes (id, candidate, record) VALUES ($1, $2, $3)",
        Table::Submittals => SUBMITTALS,
        Table::Placements => PLACEMENTS,
        Table::Assignments => "INSERT INTO assignments (engagement, record) VALUES ($1, $2)",
        Table::Events => EVENTS,
        Table::Tombstones => TOMBSTONES,
    }
}

const CANDIDATES: &str = "INSERT INTO candidates (id, name, email, record) VALUES ($1, $2, $3, $4)";
const ENGAGEMENTS: &str =
    "INSERT INTO engagements (id, client, status, record) VALUES ($1, $2, $3, $4)";
const APPLICATIONS: &str =
    "INSERT INTO applications (engagement, candidate, stage, record) VALUES ($1, $2, $3, $4)";
const SUBMITTALS: &str =
    "INSERT INTO submittals (id, engagement, candidate, record) VALUES ($1, $2, $3, $4)";
const PLACEMENTS: &str =
    "INSERT INTO placements (id, engagement, candidate, record) VALUES ($1, $2, $3, $4)";
// Times go as milliseconds since the epoch (as sled keeps them), which
// needs no date type in the client.
const EVENTS: &str = "INSERT INTO events (id, at, kind, candidate, record) VALUES \
     ($1, 'epoch'::timestamptz + $2::bigint * interval '1 millisecond', $3, $4, $5)";
const TOMBSTONES: &str = "INSERT INTO tombstones (hash, erased_at, record) VALUES \
     ($1, 'epoch'::timestamptz + $2::bigint * interval '1 millisecond', $3)";

/// The row of the entry `key` -> `value` of `table`.
pub fn params(table: Table, key: &[u8], value: &[u8]) -> Result<Params> {
    match table {
        Table::Meta => Ok(vec![Box::new(meta_key(key)?), Box::new(value.to_vec())]),
        Table::Clients => client(key, value),
        Table::Candidates => candidate(key, value),
        Table::Engagements => engagement(key, value),
        Table::Applications => application(key, value),
        Table::Notes => note(key, value),
        Table::Submittals => submittal(key, value),
        Table::Placements => placement(key, value),
        Table::Assignments => assignment(key, value),
        Table::Events => event(key, value),
        Table::Tombstones => tombstone(key, value),
    }
}

fn client(key: &[u8], value: &[u8]) -> Result<Params> {
    let c: Client = record(key, value, |c: &Client| c.id.to_key().to_vec())?;
    Ok(vec![id(c.id.0), Box::new(c.name), bytes(value)])
}

fn candidate(key: &[u8], value: &[u8]) -> Result<Params> {
    let c: Candidate = record(key, value, |c: &Candidate| c.id.to_key().to_vec())?;
    let email = normalize_email(&c.email);
    Ok(vec![
        id(c.id.0),
        Box::new(c.name),
        Box::new(email),
        bytes(value),
    ])
}

fn engagement(key: &[u8], value: &[u8]) -> Result<Params> {
    let e: Engagement = record(key, value, |e: &Engagement| e.id.to_key().to_vec())?;
    let status = names::status(e.status);
    Ok(vec![
        id(e.id.0),
        id(e.client.0),
        Box::new(status),
        bytes(value),
    ])
}

fn note(key: &[u8], value: &[u8]) -> Result<Params> {
    let n: Note = record(key, value, |n: &Note| note_key(n.candidate, n.id).to_vec())?;
    Ok(vec![id(n.id.0), id(n.candidate.0), bytes(value)])
}

fn submittal(key: &[u8], value: &[u8]) -> Result<Params> {
    let s: Submittal = record(key, value, |s: &Submittal| s.id.to_key().to_vec())?;
    Ok(vec![
        id(s.id.0),
        id(s.engagement.0),
        id(s.candidate.0),
        bytes(value),
    ])
}

fn placement(key: &[u8], value: &[u8]) -> Result<Params> {
    let p: Placement = record(key, value, |p: &Placement| p.id.to_key().to_vec())?;
    Ok(vec![
        id(p.id.0),
        id(p.engagement.0),
        id(p.candidate.0),
        bytes(value),
    ])
}

fn assignment(key: &[u8], value: &[u8]) -> Result<Params> {
    let a: Assignment = record(key, value, |a: &Assignment| a.engagement.to_key().to_vec())?;
    Ok(vec![id(a.engagement.0), bytes(value)])
}

fn application(key: &[u8], value: &[u8]) -> Result<Params> {
    let a: Application = record(key, value, |a: &Application| {
        application_key(a.engagement, a.candidate).to_vec()
    })?;
    let stage = names::stage(a.stage);
    Ok(vec![
        id(a.engagement.0),
        id(a.candidate.0),
        Box::new(stage),
        bytes(value),
    ])
}

fn event(key: &[u8], value: &[u8]) -> Result<Params> {
    let e: Event = record(key, value, |e: &Event| e.id.to_key().to_vec())?;
    let candidate = e.kind.candidate().map(|c| big(c.0));
    Ok(vec![
        id(e.id.0),
        Box::new(e.at.timestamp_millis()),
        Box::new(names::event_kind(&e.kind)),
        Box::new(candidate),
        bytes(value),
    ])
}

/// A tombstone: the salted hash -> the erasure's time (milliseconds,
/// big-endian), as `tombstones.rs` writes it.
fn tombstone(key: &[u8], value: &[u8]) -> Result<Params> {
    let name = Table::Tombstones.name();
    let millis = <[u8; 8]>::try_from(value)
        .map(i64::from_be_bytes)
        .map_err(|_| CopyError::entry(name, key, "its time is not 8 bytes"))?;
    if key.len() != 32 {
        return Err(CopyError::entry(name, key, "its hash is not 32 bytes"));
    }
    Ok(vec![Box::new(key.to_vec()), Box::new(millis), bytes(value)])
}

/// `meta`'s keys are text in PostgreSQL. Every key hireterm writes is
/// ASCII (`schema`, `seq:…`, `count:…`, `index:…`, `erasure:…`), so one
/// that is not text is not hireterm's and is refused rather than guessed
/// at.
fn meta_key(key: &[u8]) -> Result<String> {
    String::from_utf8(key.to_vec())
        .map_err(|_| CopyError::entry("meta", key, "its key is not text, as hireterm's keys are"))
}

/// The record `value` decodes to, once the key `key_of` gives it is the
/// one it was kept under.
fn record<R: Record>(key: &[u8], value: &[u8], key_of: impl Fn(&R) -> Vec<u8>) -> Result<R> {
    let record: R = decode(value).map_err(|e| CopyError::entry(R::TREE, key, e.to_string()))?;
    match key_of(&record) == key {
        true => Ok(record),
        false => Err(CopyError::entry(
            R::TREE,
            key,
            "it is kept under another key than its record's",
        )),
    }
}

/// The record's bytes, unchanged.
fn bytes(value: &[u8]) -> Box<dyn ToSql + Sync> {
    Box::new(value.to_vec())
}

fn id(n: u64) -> Box<dyn ToSql + Sync> {
    Box::new(big(n))
}

/// Ids end at `MAX_ID` (2^53 - 1), well inside PostgreSQL's bigint.
fn big(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
