//! Backups: a consistent, self-contained copy of the database in a folder
//! of its own, taken through this process's open handle (only one process
//! can hold the database, so a copy of the files would not do).

use super::Store;
use super::error::{Result, StoreError};
use super::{marker, watermark};
use std::path::Path;

impl Store {
    /// Writes every tree into a new database at `target`, which must not
    /// exist or be an empty folder. The copy opens like any database.
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        let io = |source| StoreError::Io {
            path: target.to_path_buf(),
            source,
        };
        if target.exists() && std::fs::read_dir(target).map_err(io)?.next().is_some() {
            return Err(StoreError::NotADatabase {
                path: target.to_path_buf(),
                detail: "a backup goes into a new or empty folder".into(),
            });
        }
        self.flush()?;
        {
            let copy = sled::Config::new()
                .path(target)
                .open()
                .map_err(|e| StoreError::Io {
                    path: target.to_path_buf(),
                    source: std::io::Error::other(e.to_string()),
                })?;
            for name in self.db.tree_names() {
                let source = self.db.open_tree(&name)?;
                let destination = copy.open_tree(&name)?;
                let mut batch = sled::Batch::default();
                for entry in source.iter() {
                    let (key, value) = entry?;
                    batch.insert(key, value);
                }
                destination.apply_batch(batch)?;
            }
            copy.flush()?;
        }
        let next_event = super::tx::read_counter(self.meta.get(super::tx::EVENT_SEQ)?.as_deref());
        watermark::Watermark::open(target)
            .and_then(|mark| mark.raise(next_event))
            .map_err(io)?;
        // Without the marker the first open just checks the copy first.
        let _ = marker::mark_clean(target, next_event);
        Ok(())
    }
}
