//! A copy of a crashed database that holds only what sled's recovery
//! reads (`sled_log.rs`): `conf`, the snapshots, the blobs, and the
//! segments written since the newest snapshot,
//! at the same offsets of a `db` file of the same length, with holes
//! (read as zeros, taking no disk) everywhere else. At a million
//! candidates that is a few megabytes of a 1.1 GB folder.
//!
//! Recovery writes only where it reads, so it does on the copy exactly
//! what it would do on the real folder. After it, sled reads a few pages
//! anywhere in the log (its own root pages, the event counter's). A hole
//! reads as zeros, which sled reports as damage at that page's place in
//! the file: the caller then fills the segment around it from the real
//! file ([`SparseCopy::fill`]) and tries again. The page is a live one,
//! so recovery did not write its segment, and the real bytes are what
//! sled would find there on the real folder.
//!
//! A folder whose layout is not understood is copied whole.

use super::sled_log::{self, LOG_FILE, Layout};
use super::{marker, space};
use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io;
use std::ops::Range;
use std::os::unix::fs::{DirBuilderExt, FileExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

const BUFFER: u64 = 1 << 20;

/// The copy, and which parts of its log are holes.
pub struct SparseCopy {
    from: PathBuf,
    to: PathBuf,
    /// `None`: copied whole, no holes.
    layout: Option<Layout>,
    /// Segments (by their start) copied whole.
    present: BTreeSet<u64>,
}

impl SparseCopy {
    /// Copies the database at `from` into the new folder `to`.
    pub fn make(from: &Path, to: &Path) -> io::Result<SparseCopy> {
        let layout = sled_log::layout(from)?;
        copy_files(from, to, Path::new(""), layout.is_some())?;
        let mut present = BTreeSet::new();
        if let Some(layout) = &layout {
            let log = create_log(&to.join(LOG_FILE), layout.file_len)?;
            let source = File::open(from.join(LOG_FILE))?;
            for range in layout.needed_ranges() {
                copy_range(&source, &log, range.clone())?;
                present.extend(range.step_by(layout.segment_size as usize));
            }
        }
        Ok(SparseCopy {
            from: from.to_path_buf(),
            to: to.to_path_buf(),
            layout,
            present,
        })
    }

    pub fn path(&self) -> &Path {
        &self.to
    }

    /// Fills the hole around byte `offset` of the log from the real file.
    /// False when there was none (the copy holds the real bytes there, so
    /// what sled found wrong there is wrong in the real folder too).
    pub fn fill(&mut self, offset: u64) -> io::Result<bool> {
        let Some(layout) = &self.layout else {
            return Ok(false);
        };
        let segment = layout.segment_around(offset);
        if offset >= layout.file_len || !self.present.insert(segment.start) {
            return Ok(false);
        }
        let source = File::open(self.from.join(LOG_FILE))?;
        let log = fs::OpenOptions::new()
            .write(true)
            .open(self.to.join(LOG_FILE))?;
        copy_range(&source, &log, segment)?;
        Ok(true)
    }
}

/// About how many bytes a copy of the database at `from` takes: all of
/// it but the log, and of the log what recovery reads.
pub fn bytes_needed(from: &Path) -> u64 {
    let all = space::folder_size(from);
    match sled_log::layout(from) {
        Ok(Some(layout)) => {
            let log: u64 = (layout.needed_ranges().iter())
                .map(|range| range.end - range.start)
                .sum();
            all.saturating_sub(layout.file_len) + log
        }
        _ => all,
    }
}

fn create_log(path: &Path, len: u64) -> io::Result<File> {
    let log = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    log.set_len(len)?;
    Ok(log)
}

fn copy_range(from: &File, to: &File, range: Range<u64>) -> io::Result<()> {
    let mut buffer = vec![0u8; BUFFER.min(range.end - range.start) as usize];
    let mut at = range.start;
    while at < range.end {
        let len = (range.end - at).min(BUFFER) as usize;
        from.read_exact_at(&mut buffer[..len], at)?;
        to.write_all_at(&buffer[..len], at)?;
        at += len as u64;
    }
    Ok(())
}

/// Copies the database's own files whole (not the marker, not strays,
/// not unfinished snapshots), all but the log when `log_apart`.
fn copy_files(from_root: &Path, to_root: &Path, rel: &Path, log_apart: bool) -> io::Result<()> {
    fs::DirBuilder::new()
        .mode(0o700)
        .recursive(true)
        .create(to_root.join(rel))?;
    for entry in fs::read_dir(from_root.join(rel))? {
        let entry = entry?;
        let name = rel.join(entry.file_name());
        if !marker::is_database_file(&name) || (log_apart && name == Path::new(LOG_FILE)) {
            continue;
        }
        if entry.file_type()?.is_dir() {
            copy_files(from_root, to_root, &name, log_apart)?;
        } else {
            fs::copy(entry.path(), to_root.join(&name))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::sled_log::tests::crashed_folder;
    use std::os::unix::fs::MetadataExt;

    fn log_of(folder: &Path) -> Vec<u8> {
        fs::read(folder.join(LOG_FILE)).unwrap()
    }

    #[test]
    fn the_copy_holds_what_recovery_reads_and_a_hole_is_filled_once() {
        let dir = crashed_folder();
        let scratch = tempfile::tempdir().unwrap();
        let to = scratch.path().join("copy");
        let mut copy = SparseCopy::make(dir.path(), &to).unwrap();
        let (real, copied) = (log_of(dir.path()), log_of(&to));
        assert_eq!(real.len(), copied.len());
        let allocated = fs::metadata(to.join(LOG_FILE)).unwrap().blocks() * 512;
        assert!(
            allocated < real.len() as u64 / 2,
            "{allocated} of {}",
            real.len()
        );
        let layout = sled_log::layout(dir.path()).unwrap().unwrap();
        let needed = layout.needed_ranges();
        for range in &needed {
            let range = range.start as usize..range.end as usize;
            assert!(real[range.clone()] == copied[range]);
        }
        let hole = (0..layout.file_len)
            .step_by(layout.segment_size as usize)
            .find(|at| !needed.iter().any(|r| r.contains(at)))
            .unwrap();
        let segment = layout.segment_around(hole + 100);
        let segment = segment.start as usize..segment.end as usize;
        assert!(copied[segment.clone()].iter().all(|b| *b == 0));
        assert!(copy.fill(hole as u64 + 100).unwrap(), "a hole was filled");
        assert!(log_of(&to)[segment.clone()] == real[segment]);
        assert!(!copy.fill(hole as u64 + 200).unwrap(), "no hole there now");
        assert!(!copy.fill(needed[0].start).unwrap(), "never a hole there");
        assert!(bytes_needed(dir.path()) < fs::metadata(dir.path().join(LOG_FILE)).unwrap().len());
    }

    #[test]
    fn a_folder_it_does_not_understand_is_copied_whole() {
        let dir = crashed_folder();
        fs::remove_file(dir.path().join("conf")).unwrap();
        fs::write(dir.path().join("notes.txt"), b"not the database's").unwrap();
        let scratch = tempfile::tempdir().unwrap();
        let to = scratch.path().join("copy");
        let mut copy = SparseCopy::make(dir.path(), &to).unwrap();
        assert!(log_of(&to) == log_of(dir.path()));
        assert!(!to.join("notes.txt").exists());
        assert!(!copy.fill(100).unwrap(), "no holes");
    }
}
