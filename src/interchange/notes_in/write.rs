//! The second pass: the file read again and the rows the first pass
//! planned written, a chunk of notes at a time (see `Store::add_notes`).

use super::rows::{Reading, read};
use crate::domain::Note;
use crate::interchange::fields::Problem;
use crate::interchange::journal::Chunks;
use crate::interchange::write::CHUNK;
use crate::store::{Store, StoreError};
use std::fs::File;
use std::path::Path;

/// Writes the rows of `path` that `plan` marks: how many were written,
/// and what stopped it (a failed write, or a file that no longer reads
/// as it did).
pub(super) fn write(
    store: &Store,
    path: &Path,
    reading: &Reading,
    plan: &[bool],
) -> (usize, Option<StoreError>) {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) => {
            return (
                0,
                Some(changed(format!("it could not be opened again ({e})"))),
            );
        }
    };
    let mut writer = Writer {
        store,
        chunk: Vec::with_capacity(CHUNK),
        written: 0,
        chunks: Chunks::default(),
        rows: 0,
        error: None,
    };
    let outcome = read(
        file,
        reading,
        &mut |line, outcome| writer.row(plan, line, outcome),
        &mut |_| {},
    );
    if let (Err(problem), None) = (outcome, &writer.error) {
        writer.error = Some(changed(format!("it could not be read again ({problem})")));
    }
    if writer.error.is_none() && writer.rows != plan.len() {
        writer.error = Some(changed("it has a different number of rows".into()));
    }
    if writer.error.is_none() {
        writer.error = writer.flush();
    }
    (writer.written, writer.error)
}

fn changed(what: String) -> StoreError {
    StoreError::Invalid(vec![format!("{what}: the file changed during the import")])
}

/// Notes gathered into chunks and written a chunk at a time.
struct Writer<'s> {
    store: &'s Store,
    chunk: Vec<Note>,
    written: usize,
    chunks: Chunks,
    /// Rows read so far.
    rows: usize,
    /// What stopped the writing; nothing is written after it.
    error: Option<StoreError>,
}

impl Writer<'_> {
    /// Takes the row on `line` if the plan has it written.
    fn row(&mut self, plan: &[bool], line: u64, outcome: Result<Note, Vec<Problem>>) {
        let planned = plan.get(self.rows).copied().unwrap_or(false);
        self.rows += 1;
        if self.error.is_some() || !planned {
            return;
        }
        self.error = match outcome {
            Ok(note) => self.push(note),
            Err(_) => Some(changed(format!("line {line} reads differently"))),
        };
    }

    fn push(&mut self, note: Note) -> Option<StoreError> {
        self.chunk.push(note);
        match self.chunk.len() >= CHUNK {
            true => self.flush(),
            false => None,
        }
    }

    /// Writes the chunk gathered so far, if any.
    fn flush(&mut self) -> Option<StoreError> {
        if self.chunk.is_empty() {
            return None;
        }
        let outcome = self.store.add_notes(&self.chunk);
        if outcome.is_ok() {
            self.written += self.chunk.len();
            self.chunks.written();
        }
        self.chunk.clear();
        outcome.err()
    }
}
