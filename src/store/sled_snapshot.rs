//! sled 0.34.7's newest snapshot, read without sled: the log sequence
//! number it was taken at, and where in the log it puts the two pages
//! every open of sled reads first (its table of trees and its id
//! counter, pages 0 and 1).
//!
//! sled picks the snapshot with the largest name, `snap.` and the
//! sequence number as 16 hex digits (unfinished ones, `.generating`, are
//! removed before sled opens the folder). The file is the serialized
//! snapshot, its length (8 bytes) and its CRC-32 (4 bytes). The snapshot
//! is the sequence number (an `i64`, shifted by one so that 0 is none),
//! the active segment (a variable-length number, likewise shifted), then
//! each page's state in page order (`serialization.rs` in sled's source).
//! Where the pages are is only a hint: a snapshot this cannot read gives
//! none, and the caller finds the pages another way.

use std::fs;
use std::io;
use std::path::Path;

const PREFIX: &str = "snap.";
/// Pages 0 and 1: sled's table of trees and its id counter.
const ROOT_PAGES: usize = 2;

/// What the newest snapshot says, as far as it is needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// The sequence number it was taken at (0 when there is no snapshot).
    pub lsn: u64,
    /// Where in the log the root pages' parts are, when known.
    pub root_pages: Vec<u64>,
}

/// The newest snapshot in `folder`; `None` for a name sled would read
/// but this cannot.
pub fn newest(folder: &Path) -> io::Result<Option<Snapshot>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(folder)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let unfinished = name.ends_with(".generating") || name.ends_with(".in___motion");
        if name.starts_with(PREFIX) && !unfinished {
            names.push(name);
        }
    }
    let Some(newest) = names.into_iter().max() else {
        let none = Snapshot {
            lsn: 0,
            root_pages: Vec::new(),
        };
        return Ok(Some(none));
    };
    let lsn = u64::from_str_radix(&newest[PREFIX.len()..], 16).ok();
    let Some(lsn) = lsn.filter(|lsn| *lsn <= i64::MAX as u64) else {
        return Ok(None);
    };
    let bytes = fs::read(folder.join(&newest))?;
    let root_pages = root_pages(&bytes).unwrap_or_default();
    Ok(Some(Snapshot { lsn, root_pages }))
}

/// Where the root pages' parts are, from a whole snapshot file.
fn root_pages(file: &[u8]) -> Option<Vec<u64>> {
    let (body, trailer) = file.split_at_checked(file.len().checked_sub(12)?)?;
    let crc = u32::from_le_bytes(trailer[8..].try_into().ok()?);
    if crc32fast::hash(body) != crc {
        return None;
    }
    let mut bytes = Bytes(body);
    bytes.i64()?; // the sequence number
    bytes.number()?; // the active segment
    let mut offsets = Vec::new();
    for _ in 0..ROOT_PAGES {
        offsets.extend(bytes.page_state()?);
    }
    Some(offsets)
}

/// A cursor over serialized bytes, in sled's encodings.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn byte(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn i64(&mut self) -> Option<i64> {
        Some(i64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    /// sled's variable-length `u64`: one byte up to 240, two up to 2287,
    /// three up to 67823, else a byte (250 to 255) saying that 3 to 8
    /// little-endian bytes follow.
    fn number(&mut self) -> Option<u64> {
        let first = self.byte()?;
        Some(match first {
            0..=240 => u64::from(first),
            241..=248 => 240 + 256 * u64::from(first - 241) + u64::from(self.byte()?),
            249 => 2288 + 256 * u64::from(self.byte()?) + u64::from(self.byte()?),
            _ => {
                let mut le = [0u8; 8];
                let len = usize::from(first) - 247;
                le[..len].copy_from_slice(self.take(len)?);
                u64::from_le_bytes(le)
            }
        })
    }

    /// Where a page's state says its parts are: a freed page's one place,
    /// or a present page's base and each fragment.
    fn page_state(&mut self) -> Option<Vec<u64>> {
        let parts = match self.byte()? {
            0 => {
                self.i64()?;
                return Some(vec![self.disk_pointer()?]);
            }
            count => usize::from(count),
        };
        (0..parts)
            .map(|_| {
                self.i64()?; // the part's sequence number
                let at = self.disk_pointer()?;
                self.number()?; // its size
                Some(at)
            })
            .collect()
    }

    /// A place in the log: 0 and an offset, or 1, an offset and a blob's
    /// sequence number.
    fn disk_pointer(&mut self) -> Option<u64> {
        match self.byte()? {
            0 => self.number(),
            1 => {
                let at = self.number()?;
                self.i64()?;
                Some(at)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::sled_log::tests::crashed_folder;

    /// The kind byte of the log message at `at` (after its CRC-32).
    fn message_kind(folder: &Path, at: u64) -> u8 {
        fs::read(folder.join("db")).unwrap()[at as usize + 4]
    }

    #[test]
    fn the_newest_snapshot_says_where_sleds_root_pages_are() {
        let dir = crashed_folder();
        let snapshot = newest(dir.path()).unwrap().unwrap();
        let name = format!("snap.{:016X}", snapshot.lsn);
        assert!(dir.path().join(name).exists());
        assert!(snapshot.root_pages.len() >= 2, "{snapshot:?}");
        // sled's kinds: 5 its id counter, 6 its table of trees.
        let mut kinds: Vec<u8> = (snapshot.root_pages.iter())
            .map(|&at| message_kind(dir.path(), at))
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        assert_eq!(kinds, vec![5, 6]);
    }

    #[test]
    fn a_snapshot_that_fails_its_checksum_says_no_places() {
        let dir = crashed_folder();
        let lsn = newest(dir.path()).unwrap().unwrap().lsn;
        let file = dir.path().join(format!("snap.{lsn:016X}"));
        let mut bytes = fs::read(&file).unwrap();
        bytes[0] ^= 1;
        fs::write(&file, bytes).unwrap();
        let read = newest(dir.path()).unwrap().unwrap();
        assert_eq!((read.lsn, read.root_pages), (lsn, vec![]));
        fs::write(dir.path().join("snap.stray"), b"").unwrap();
        assert_eq!(newest(dir.path()).unwrap(), None);
    }

    #[test]
    fn no_snapshot_means_everything_is_replayed() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("snap.0000000000000010.generating"), b"x").unwrap();
        let none = newest(dir.path()).unwrap().unwrap();
        assert_eq!((none.lsn, none.root_pages), (0, vec![]));
    }

    #[test]
    fn numbers_read_as_sled_writes_them() {
        use sled::Serialize;
        for n in [
            0,
            240,
            241,
            2287,
            2288,
            67823,
            67824,
            1 << 24,
            1 << 40,
            u64::MAX,
        ] {
            let bytes = n.serialize();
            let mut cursor = Bytes(&bytes);
            assert_eq!(cursor.number(), Some(n));
            assert!(cursor.0.is_empty(), "{n}");
        }
        assert_eq!(Bytes(&[250, 1]).number(), None, "too short");
    }
}
