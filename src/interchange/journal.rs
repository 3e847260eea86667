//! Writing an import under the store's journal (see `store::journal`):
//! the journal is opened before the first chunk and committed after the
//! last, and an import that fails half-way is rolled back at once, so an
//! import is written whole or not at all. A leaf of `interchange`: both
//! writers (`write` and `pipeline_in`) and `import` use it.

use super::report::Written;
use crate::store::journal::{RolledBack, pause_for_tests};
use crate::store::{Store, StoreError};

/// Why a write that began did not commit.
#[derive(Debug)]
pub enum Stopped {
    /// Everything it wrote was taken back.
    RolledBack {
        undone: Box<RolledBack>,
        source: StoreError,
    },
    /// It could not be taken back now (the store failed again); the
    /// journal stays, and the next open takes it back.
    Left {
        file: String,
        written: Box<Written>,
        source: StoreError,
    },
}

/// Opens the journal for an import of `file`.
pub fn begin(store: &Store, file: &str) -> Result<(), StoreError> {
    store.begin_import(file)?;
    pause_for_tests("import:0");
    Ok(())
}

/// Counts the chunks written, so that a test can stop the process after
/// any of them (see `store::journal::PAUSE_ENV`).
#[derive(Debug, Default)]
pub struct Chunks(usize);

impl Chunks {
    pub fn written(&mut self) {
        self.0 += 1;
        pause_for_tests(&format!("import:{}", self.0));
    }
}

/// Commits what was written when nothing failed; else takes it back. The
/// import read `file`.
pub fn settle(
    store: &Store,
    file: &str,
    written: Written,
    error: Option<StoreError>,
) -> Result<Written, Stopped> {
    let source = match error {
        None => {
            pause_for_tests("import:end");
            match store.finish_import() {
                Ok(()) => return Ok(written),
                Err(error) => error,
            }
        }
        Some(error) => error,
    };
    // A full disk met inside a write names no disk until told which.
    let source = source.at(store.path());
    match store.roll_back_import() {
        Ok(Some(undone)) => Err(Stopped::RolledBack {
            undone: Box::new(undone),
            source,
        }),
        Ok(None) | Err(_) => Err(Stopped::Left {
            file: file.to_string(),
            written: Box::new(written),
            source,
        }),
    }
}
