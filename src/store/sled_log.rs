//! What sled 0.34.7's recovery reads of a database folder, found without
//! sled, so that a crashed folder can be tried on a copy of only that.
//!
//! sled keeps one log file, `db`, cut into segments of the size in `conf`;
//! each segment opens with a 20-byte header (a CRC-32, the segment's log
//! sequence number and the highest stable one, little-endian, the numbers
//! xored with `i64::MAX` and the CRC with `u32::MAX`). Its recovery
//! (`pagecache/snapshot.rs`, `iterator.rs` in sled's source) reads the
//! newest snapshot (`snap.<sequence number in hex>`, the largest name),
//! every segment's header, and the whole of each segment whose header is
//! intact and whose sequence number is at or after the snapshot's, rounded
//! down to a segment: those written since; a header whose checksum fails
//! is skipped like an older one. It zeroes a torn tail there,
//! writes a new snapshot and removes old ones; the rest of the file it
//! reads only later, page by page, as they are used.
//!
//! After recovery every open reads sled's two root pages, wherever they
//! are; the snapshot says where (`sled_snapshot.rs`).
//!
//! A folder this does not understand (no readable `conf`, a snapshot name
//! that is not a number) gives no layout, and the caller copies it whole.

use super::sled_snapshot;
use std::fs::{self, File};
use std::io;
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::path::Path;

pub const LOG_FILE: &str = "db";
const CONF_FILE: &str = "conf";
/// sled's `SEG_HEADER_LEN`.
const HEADER_LEN: u64 = 20;

/// Where in `db` sled's open reads before it reads any tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub segment_size: u64,
    pub file_len: u64,
    /// The start of every segment the recovery replays whole.
    pub replayed: Vec<u64>,
    /// Where the snapshot says sled's root pages are (see
    /// `sled_snapshot.rs`), read by every open after its recovery.
    pub root_pages: Vec<u64>,
}

/// The layout of the database in `folder`; `None` when it is not one this
/// reading understands.
pub fn layout(folder: &Path) -> io::Result<Option<Layout>> {
    let Some(segment_size) = segment_size(folder)? else {
        return Ok(None);
    };
    let Some(snapshot) = sled_snapshot::newest(folder)? else {
        return Ok(None);
    };
    let since = snapshot.lsn / segment_size * segment_size;
    let file = File::open(folder.join(LOG_FILE))?;
    let file_len = file.metadata()?.len();
    let mut replayed = Vec::new();
    for start in (0..file_len).step_by(segment_size as usize) {
        if header_lsn(&file, start, file_len)?.is_some_and(|lsn| lsn >= since) {
            replayed.push(start);
        }
    }
    Ok(Some(Layout {
        segment_size,
        file_len,
        replayed,
        root_pages: snapshot.root_pages,
    }))
}

impl Layout {
    /// The byte ranges of `db` a copy needs, in order, not overlapping:
    /// the replayed segments and those holding the root pages. The other
    /// segments' headers need not be copied: sled skips a header whose
    /// checksum fails (a hole reads as zeros) just as it skips one older
    /// than the snapshot.
    pub fn needed_ranges(&self) -> Vec<Range<u64>> {
        let mut starts: Vec<u64> = (self.root_pages.iter())
            .map(|&at| self.segment_around(at).start)
            .filter(|&start| start < self.file_len)
            .chain(self.replayed.iter().copied())
            .collect();
        starts.sort_unstable();
        starts.dedup();
        let mut ranges: Vec<Range<u64>> = Vec::new();
        for range in starts.into_iter().map(|start| self.segment_around(start)) {
            match ranges.last_mut() {
                Some(last) if last.end == range.start => last.end = range.end,
                _ => ranges.push(range),
            }
        }
        ranges
    }

    /// The segment holding byte `offset` of `db`.
    pub fn segment_around(&self, offset: u64) -> Range<u64> {
        let start = offset / self.segment_size * self.segment_size;
        start..(start + self.segment_size).min(self.file_len)
    }
}

/// `segment_size` from `conf`, if the file is whole (its last four bytes
/// are the CRC-32 of the rest, as sled checks) and says it.
fn segment_size(folder: &Path) -> io::Result<Option<u64>> {
    let bytes = match fs::read(folder.join(CONF_FILE)) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        other => other?,
    };
    let Some((text, crc)) = bytes.split_last_chunk::<4>() else {
        return Ok(None);
    };
    if crc32fast::hash(text) != u32::from_le_bytes(*crc) {
        return Ok(None);
    }
    let size = (String::from_utf8_lossy(text).lines())
        .find_map(|line| line.strip_prefix("segment_size: "))
        .and_then(|n| n.trim().parse::<u64>().ok());
    Ok(size.filter(|&n| n > HEADER_LEN))
}

/// The sequence number in the header of the segment at `start`, if the
/// header is whole (a header torn or zeroed is skipped, as sled does).
fn header_lsn(file: &File, start: u64, file_len: u64) -> io::Result<Option<u64>> {
    if file_len - start < HEADER_LEN {
        return Ok(None);
    }
    let mut header = [0u8; HEADER_LEN as usize];
    file.read_exact_at(&mut header, start)?;
    let (crc, numbers) = header.split_at(4);
    let stored = u32::from_le_bytes([crc[0], crc[1], crc[2], crc[3]]) ^ u32::MAX;
    if crc32fast::hash(numbers) != stored {
        return Ok(None);
    }
    let mut lsn = [0u8; 8];
    lsn.copy_from_slice(&numbers[..8]);
    let lsn = i64::from_le_bytes(lsn) ^ i64::MAX;
    Ok(u64::try_from(lsn).ok())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::store::sled_open::open_to_read;

    /// A sled folder as a crash leaves it: written (several segments),
    /// closed, opened again (sled then writes a snapshot), written a
    /// little more, flushed, and never closed.
    pub(crate) fn crashed_folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let db = open_to_read(dir.path()).unwrap();
        for i in 0..3000u32 {
            db.insert(i.to_be_bytes(), vec![i as u8; 1000]).unwrap();
        }
        drop(db);
        let db = open_to_read(dir.path()).unwrap();
        for i in 0..50u32 {
            db.insert((i * 7).to_be_bytes(), vec![7u8; 900]).unwrap();
        }
        db.flush().unwrap();
        std::mem::forget(db);
        dir
    }

    #[test]
    fn only_the_segments_written_since_the_snapshot_are_replayed() {
        let dir = crashed_folder();
        let layout = layout(dir.path()).unwrap().unwrap();
        let len = fs::metadata(dir.path().join(LOG_FILE)).unwrap().len();
        assert_eq!((layout.segment_size, layout.file_len), (512 * 1024, len));
        let segments = len.div_ceil(layout.segment_size) as usize;
        assert!(segments >= 6, "{segments} segments");
        assert!(!layout.replayed.is_empty() && layout.replayed.len() < segments / 2);
        let needed: u64 = layout.needed_ranges().iter().map(|r| r.end - r.start).sum();
        assert!(needed < len / 2, "{needed} of {len}");
    }

    #[test]
    fn a_log_never_snapshotted_is_replayed_whole() {
        let dir = tempfile::tempdir().unwrap();
        let db = open_to_read(dir.path()).unwrap();
        for i in 0..1500u32 {
            db.insert(i.to_be_bytes(), vec![1u8; 1000]).unwrap();
        }
        db.flush().unwrap();
        std::mem::forget(db);
        let layout = layout(dir.path()).unwrap().unwrap();
        assert_eq!(layout.needed_ranges(), vec![0..layout.file_len]);
    }

    /// sled's recovery of a copy holding only the needed ranges writes the
    /// same snapshot, and the same bytes where it writes, as its recovery
    /// of a whole copy: it read nothing else.
    #[test]
    fn recovering_the_needed_ranges_is_recovering_the_whole() {
        let dir = crashed_folder();
        let layout = layout(dir.path()).unwrap().unwrap();
        let (whole, part) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let real = fs::read(dir.path().join(LOG_FILE)).unwrap();
        let mut sparse = vec![0u8; real.len()];
        for range in layout.needed_ranges() {
            let range = range.start as usize..range.end as usize;
            sparse[range.clone()].copy_from_slice(&real[range]);
        }
        for entry in fs::read_dir(dir.path()).unwrap() {
            let name = entry.unwrap().file_name();
            if name != LOG_FILE && !name.to_string_lossy().starts_with("blobs") {
                fs::copy(dir.path().join(&name), whole.path().join(&name)).unwrap();
                fs::copy(dir.path().join(&name), part.path().join(&name)).unwrap();
            }
        }
        fs::write(whole.path().join(LOG_FILE), &real).unwrap();
        fs::write(part.path().join(LOG_FILE), &sparse).unwrap();
        drop(open_to_read(whole.path()).unwrap());
        drop(open_to_read(part.path()).unwrap());
        let snapshots = |path: &Path| {
            let mut found: Vec<_> = (fs::read_dir(path).unwrap())
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|name| name.starts_with("snap."))
                .map(|name| (fs::read(path.join(&name)).unwrap(), name))
                .collect();
            found.sort();
            found
        };
        let written = snapshots(whole.path());
        assert_eq!(written, snapshots(part.path()));
        assert_ne!(written, snapshots(dir.path()), "recovery wrote a snapshot");
        let (whole_log, part_log) = (
            fs::read(whole.path().join(LOG_FILE)).unwrap(),
            fs::read(part.path().join(LOG_FILE)).unwrap(),
        );
        for range in layout.needed_ranges() {
            let range = range.start as usize..range.end as usize;
            assert!(
                whole_log[range.clone()] == part_log[range.clone()],
                "{range:?}"
            );
        }
    }

    #[test]
    fn a_folder_without_a_whole_conf_has_no_layout() {
        let dir = crashed_folder();
        let conf = dir.path().join(CONF_FILE);
        let mut bytes = fs::read(&conf).unwrap();
        bytes[3] ^= 1;
        fs::write(&conf, bytes).unwrap();
        assert_eq!(layout(dir.path()).unwrap(), None);
        fs::remove_file(&conf).unwrap();
        assert_eq!(layout(dir.path()).unwrap(), None);
    }
}
