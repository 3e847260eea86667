//! The first screen's records, left beside the database by a clean close
//! (`hireterm.first`), so that the app draws its first screen in
//! milliseconds while the open checks every file behind it (half a second
//! at a million candidates, most of it reading the files).
//!
//! Trusted as the stats file is (`stats_file.rs`): written just before the
//! clean-close marker with the same next event id, removed at every open,
//! read only while the marker's files keep their lengths, and only by a
//! process holding the folder's lock, which it keeps until its own open
//! has checked every file against the marker. A first screen too large to
//! be worth it (a firm with a million notes) is not left.

use super::first::{FirstRecords, RawFirst};
use super::marker;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io;
use std::path::Path;

const FILE_NAME: &str = "hireterm.first";
const FILE_TMP: &str = "hireterm.first.tmp";
const HEADER: &[u8] = b"hireterm first 1\n";
/// Past this, the first screen is read from the store as before: writing
/// it at every close would cost more than it saves.
pub(super) const MOST_BYTES: usize = 8 << 20;
/// A database of fewer candidates is read whole before the app's first
/// screen (`app/records/loading.rs`): nothing to leave for it.
pub(super) const WRITTEN_FROM: usize = 10_000;

/// Bounded like every decode of stored bytes: a damaged length must not
/// ask for gigabytes.
fn config() -> impl bincode::config::Config {
    bincode::config::standard().with_limit::<{ 2 * MOST_BYTES }>()
}

#[derive(Serialize, Deserialize)]
struct Stored {
    next_event: u64,
    raw: RawFirst,
}

/// Leaves `raw` (read within [`MOST_BYTES`]) for the next open of a
/// database whose next event id is `next_event` (write, then rename; the
/// last four bytes are the CRC of the rest).
pub(super) fn write(path: &Path, next_event: u64, raw: RawFirst) -> io::Result<()> {
    let stored = Stored { next_event, raw };
    let body = bincode::serde::encode_to_vec(&stored, config()).map_err(io::Error::other)?;
    let mut bytes = HEADER.to_vec();
    bytes.extend_from_slice(&body);
    bytes.extend_from_slice(&crc32fast::hash(&bytes).to_le_bytes());
    let tmp = path.join(FILE_TMP);
    fs::write(&tmp, bytes)?;
    fs::rename(tmp, path.join(FILE_NAME))
}

/// The database is about to change: the first screen no longer shows it.
pub(super) fn remove(path: &Path) -> io::Result<()> {
    marker::remove_beside(path, &[FILE_NAME, FILE_TMP])
}

/// The first screen's records as the last clean close left them, if
/// nothing has opened the database since; `None` sends the caller to the
/// store.
pub(super) fn read(path: &Path) -> Option<FirstRecords> {
    let next_event = marker::clean_by_length(path)?;
    let bytes = fs::read(path.join(FILE_NAME)).ok()?;
    let (sealed, sum) = bytes.split_at_checked(bytes.len().checked_sub(4)?)?;
    let sum = u32::from_le_bytes(sum.try_into().ok()?);
    if crc32fast::hash(sealed) != sum {
        return None;
    }
    let body = sealed.strip_prefix(HEADER)?;
    let (stored, used): (Stored, usize) = bincode::serde::decode_from_slice(body, config()).ok()?;
    if used != body.len() {
        return None;
    }
    let fresh = stored.next_event == next_event;
    fresh.then(|| stored.raw.decode().ok()).flatten()
}
