//! The figures of `stats`, left beside the database by a clean close
//! (`hireterm.stats`), so that `stats` answers without opening sled: a
//! few milliseconds at any size, where an open takes half a second at a
//! million candidates.
//!
//! They are trusted only together with the clean-close marker: written
//! just before it, with the same next event id, removed at every open,
//! and read only while the marker's files keep their lengths. Anything
//! else (a crash, a database open elsewhere, a file that cannot be read)
//! sends `stats` the long way, through an open.

use super::marker;
use super::stats::{Figures, Stats};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io;
use std::path::Path;

const FILE_NAME: &str = "hireterm.stats";
const FILE_TMP: &str = "hireterm.stats.tmp";
const HEADER: &str = "hireterm stats 1";

#[derive(Serialize, Deserialize)]
struct Stored {
    next_event: u64,
    figures: Figures,
}

/// Writes the figures of a database whose next event id is `next_event`
/// (write, then rename, sealed as the marker is).
pub(super) fn write(path: &Path, next_event: u64, figures: Figures) -> io::Result<()> {
    let stored = Stored {
        next_event,
        figures,
    };
    let body = format!("{HEADER}\n{}\n", serde_json::to_string(&stored)?);
    let tmp = path.join(FILE_TMP);
    fs::write(&tmp, super::sealed::seal(body))?;
    fs::rename(tmp, path.join(FILE_NAME))
}

/// The database is about to change: the figures no longer describe it.
pub(super) fn remove(path: &Path) -> io::Result<()> {
    marker::remove_beside(path, &[FILE_NAME, FILE_TMP])
}

/// The stats of the database at `path` as its last clean close left it,
/// if nothing has opened it since; `None` sends the caller to an open.
pub fn quick_stats(path: &Path, today: NaiveDate, ending_days: i64) -> Option<Stats> {
    let next_event = marker::clean_by_length(path)?;
    let stored = read(path)?;
    (stored.next_event == next_event).then(|| stored.figures.on(today, ending_days))
}

fn read(path: &Path) -> Option<Stored> {
    let text = fs::read_to_string(path.join(FILE_NAME)).ok()?;
    let body = super::sealed::unseal(&text)?;
    let json = body.strip_prefix(HEADER)?.strip_prefix('\n')?;
    serde_json::from_str(json).ok()
}
