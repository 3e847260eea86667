//! `hireterm copy`: every record, with its id and history, from one
//! database to another, whichever engine each is on (a folder is sled, a
//! `postgres://` address PostgreSQL), all or nothing.
//!
//! Records move as the bytes sled keeps for them, never re-encoded, so
//! both sides hold the same records and export the same files. What a
//! store derives from the records is not copied but rebuilt on the side
//! that needs it: sled's email and per-candidate event indexes (and its
//! counters) on a copy into a folder; PostgreSQL's columns beside each
//! record (`rows.rs`) on a copy into PostgreSQL.
//!
//! A copy is a source read [`Table`] by table into a sink (`pump`):
//! the sink only makes its target visible once the last record is in (one
//! transaction on PostgreSQL, a staged folder renamed into place for
//! sled), and refuses a target that already holds records.

mod error;
mod from_postgres;
mod from_sled;
mod names;
mod room;
pub(in crate::store) mod rows;
pub(in crate::store) mod tables;
mod to_postgres;
mod to_sled;

pub use error::CopyError;
pub use room::OnRecords;
pub use tables::Table;

use super::postgres::address::is_postgres;
use std::path::{Path, PathBuf};

/// The outcome of a copy, or why nothing was copied.
pub type Result<T, E = CopyError> = std::result::Result<T, E>;

/// Where a database is: a folder (sled) or a PostgreSQL address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Folder(PathBuf),
    Postgres(String),
}

impl Place {
    /// A `postgres://` (or `postgresql://`) address, else a folder.
    pub fn parse(text: &str) -> Place {
        match is_postgres(text) {
            true => Place::Postgres(text.trim().to_string()),
            false => Place::Folder(PathBuf::from(text)),
        }
    }
}

/// How many entries of each table a copy moved, in [`Table::ALL`] order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Copied(pub Vec<(Table, u64)>);

impl Copied {
    /// The entries copied into `table`.
    pub fn of(&self, table: Table) -> u64 {
        self.0
            .iter()
            .find(|(t, _)| *t == table)
            .map_or(0, |(_, n)| *n)
    }
}

/// What a [`Source`] calls with each entry: its key and value as sled
/// keeps them.
type Put<'a> = dyn FnMut(&[u8], &[u8]) -> Result<()> + 'a;

/// A database being read, one table at a time, each in key order.
trait Source {
    fn each(&mut self, table: Table, put: &mut Put) -> Result<()>;
}

/// A database being written; nothing of it is visible before `finish`.
trait Sink {
    fn put(&mut self, table: Table, key: &[u8], value: &[u8]) -> Result<()>;
    /// Makes the copy whole and visible; dropping the sink instead leaves
    /// the target as it was.
    fn finish(self: Box<Self>) -> Result<()>;
}

/// Copies every record of the database at `from` into the new or empty
/// one at `to`.
pub fn copy(from: &str, to: &str) -> Result<Copied> {
    let to = Place::parse(to);
    match Place::parse(from) {
        Place::Folder(path) => {
            let store = from_sled::open(&path)?;
            let mut source = from_sled::SledSource::new(&store)?;
            into(&mut source, &to)
        }
        Place::Postgres(address) => {
            let mut client = from_postgres::connect(&address)?;
            let mut source = from_postgres::PgSource::begin(&mut client, &address)?;
            into(&mut source, &to)
        }
    }
}

fn into(source: &mut dyn Source, to: &Place) -> Result<Copied> {
    match to {
        Place::Folder(path) => to_sled::copy_into(path, |sink| pump(source, sink)),
        Place::Postgres(address) => {
            into_postgres(source, address, OnRecords::Refuse).map(|(copied, _)| copied)
        }
    }
}

/// Copies the database in `folder` into the PostgreSQL one at `address`,
/// whose records are dealt with as `on_records` says; with the schema
/// they were set aside in, if they were.
pub fn folder_into_postgres(
    folder: &Path,
    address: &str,
    on_records: OnRecords,
) -> Result<(Copied, Option<String>)> {
    let store = from_sled::open(folder)?;
    let mut source = from_sled::SledSource::new(&store)?;
    let copied = into_postgres(&mut source, address, on_records);
    store.close()?;
    copied
}

/// Copies the PostgreSQL database at `address`, read in one snapshot,
/// into `folder` (missing or empty): a backup's copy.
pub fn postgres_into_folder(address: &str, folder: &Path) -> Result<Copied> {
    let mut client = from_postgres::connect(address)?;
    let mut source = from_postgres::PgSource::begin(&mut client, address)?;
    to_sled::copy_into(folder, |sink| pump(&mut source, sink))
}

fn into_postgres(
    source: &mut dyn Source,
    address: &str,
    on_records: OnRecords,
) -> Result<(Copied, Option<String>)> {
    let mut client = super::postgres::connect(address)?;
    let sink = to_postgres::PgSink::begin(&mut client, address, on_records)?;
    let set_aside = sink.set_aside().map(str::to_string);
    Ok((pump(source, Box::new(sink))?, set_aside))
}

/// Every table of `source` into `sink`, then the sink finished.
fn pump(source: &mut dyn Source, mut sink: Box<dyn Sink + '_>) -> Result<Copied> {
    let mut copied = Copied::default();
    for table in Table::ALL {
        let mut count = 0;
        source.each(table, &mut |key, value| {
            count += 1;
            sink.put(table, key, value)
        })?;
        copied.0.push((table, count));
    }
    sink.finish()?;
    Ok(copied)
}
