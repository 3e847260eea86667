//! The watermark: how many events the store has acknowledged, kept in a
//! small file beside sled's own.
//!
//! sled recovers from a damaged log by keeping the longest intact prefix, so
//! after a crash a scribbled `db` file can open as an older, consistent and
//! silently shorter database. Every acknowledged change appends an event, so
//! the event counter only grows; after each flush it is written here. When a
//! recovered database has handed out fewer event ids than this file says
//! were acknowledged, changes are missing and the database is refused.

use std::fs::{self, File, OpenOptions};
use std::io::{Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::Mutex;

pub const FILE_NAME: &str = "hireterm.watermark";

/// The watermark file, held open for cheap rewrites.
pub struct Watermark {
    state: Mutex<(File, u64)>,
}

impl Watermark {
    pub fn open(dir: &Path) -> std::io::Result<Watermark> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(FILE_NAME))?;
        let current = read(dir).unwrap_or(0);
        Ok(Watermark {
            state: Mutex::new((file, current)),
        })
    }

    /// Raises the mark to `next_event_id`; never lowers it, so a slower
    /// thread cannot undo a faster one's mark.
    pub fn raise(&self, next_event_id: u64) -> std::io::Result<()> {
        let mut guard = self
            .state
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        let (file, written) = &mut *guard;
        if next_event_id <= *written {
            return Ok(());
        }
        let line = format!("{next_event_id:020}\n");
        file.seek(SeekFrom::Start(0))?;
        file.write_all(line.as_bytes())?;
        *written = next_event_id;
        Ok(())
    }
}

/// The mark in `dir`, if there is a readable one.
pub fn read(dir: &Path) -> Option<u64> {
    fs::read_to_string(dir.join(FILE_NAME))
        .ok()?
        .trim()
        .parse()
        .ok()
}
