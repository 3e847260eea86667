//! A backup of a database on PostgreSQL: the same folder a backup of a
//! folder is (a sled database with its manifest), so that `restore` puts
//! it back on either engine, and a firm can keep one on a laptop.
//!
//! The records are read on a connection of the backup's own, in one
//! read-only snapshot (`copy/from_postgres.rs`): the backup is the
//! database at one moment, and writers, here or on other instances, are
//! not held off meanwhile. The copy is written and checked as `copy`
//! writes a folder; here it is also counted against what was read, table
//! by table, before [`CopiedBackup::finish`] checks it once more as any
//! backup, writes its manifest and gives it its name.

use super::Store;
use super::backup_error::{BackupError, Result};
use super::backup_place::{Place, TreeCounts};
use super::copy::{self, Copied, CopyError, Table};
use super::error::StoreError;
use super::kv::Pg;
use super::tx;
use std::path::Path;

/// Copies the PostgreSQL database `pg` into the backup's staged `folder`
/// and counts the copy against what was read: what it holds, tree by
/// tree, and its next event id ([`Store::start_backup`]'s part on
/// PostgreSQL).
pub(super) fn copy_postgres(pg: &Pg, folder: &Path, place: &Place) -> Result<(TreeCounts, u64)> {
    let copied =
        copy::postgres_into_folder(pg.address(), folder).map_err(|e| not_copied(place, e))?;
    let (trees, next_event) = counted(folder).map_err(|e| place.store(e))?;
    match short_of(&copied, &trees) {
        Some(detail) => Err(place.differs(detail)),
        None => Ok((trees, next_event)),
    }
}

/// What the copy in `folder` holds, tree by tree, and its next event id.
fn counted(folder: &Path) -> Result<(TreeCounts, u64), StoreError> {
    let copy = Store::open(folder)?;
    let counted = copy.tree_counts().and_then(|trees| {
        let next_event = tx::read_counter(copy.meta.get(tx::EVENT_SEQ)?.as_deref());
        Ok((trees, next_event))
    });
    copy.close()?;
    counted
}

/// The first table whose rows read from PostgreSQL are not all in the
/// copy's tree of the same name (`meta` is left out: the copy rebuilds
/// its flags and counters).
fn short_of(copied: &Copied, trees: &TreeCounts) -> Option<String> {
    Table::ALL
        .into_iter()
        .filter(|table| *table != Table::Meta)
        .find_map(|table| {
            let read = copied.of(table);
            let held = trees.get(table.name()).copied().unwrap_or(0);
            (read != held).then(|| {
                format!(
                    "{read} entries of `{}` were read, but the copy holds {held}",
                    table.name()
                )
            })
        })
}

/// A copy that did not happen, told against the backup's target.
fn not_copied(place: &Place, error: CopyError) -> BackupError {
    match error {
        CopyError::Store(error) => place.store(error),
        CopyError::Io { source, .. } => place.io(source),
        other => BackupError::NotCopied(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_short_in_the_copy_is_named() {
        let copied = Copied(vec![(Table::Meta, 9), (Table::Candidates, 3)]);
        let mut trees = TreeCounts::new();
        trees.insert("candidates".into(), 3);
        assert_eq!(short_of(&copied, &trees), None);
        trees.insert("candidates".into(), 2);
        assert_eq!(
            short_of(&copied, &trees).as_deref(),
            Some("3 entries of `candidates` were read, but the copy holds 2")
        );
    }
}
