//! The clean-close marker: written after sled has closed cleanly, it
//! lists every file sled and hireterm keep in the folder with its size and
//! CRC-32, and the count of changes acknowledged by then. It is removed
//! before the database is opened again.
//!
//! Every open checksums every listed file. File times are not trusted: a
//! copy made with `cp -a` or `rsync -a`, or bit rot, keeps them, and a
//! flipped byte in a file whose time did not change must still be found
//! before sled reads it (sled "recovers" from such damage by cutting off
//! everything after it, or by zeroing whole pages). Files that are not
//! sled's or hireterm's (a stray `notes.txt`, the scratch folder) are not
//! listed and do not count; a marker this build cannot read (empty, torn,
//! an older layout) says nothing, and the open proceeds as after a crash.

use super::watermark;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

const CLEAN_MARKER: &str = "hireterm.clean";
const CLEAN_MARKER_TMP: &str = "hireterm.clean.tmp";
const HEADER: &str = "hireterm clean close 2";

/// What the clean-close marker says about the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Closing {
    /// Exactly as the last clean close left it, with this many events'
    /// ids handed out (the next event id).
    Clean { next_event: u64 },
    /// No readable marker: new, open elsewhere, or the last session did
    /// not close.
    Unknown,
    /// Changed since a clean close, by something other than hireterm: what
    /// was found, in words.
    Changed(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct FileState {
    /// Relative to the folder.
    name: PathBuf,
    len: u64,
    crc: u32,
}

/// True for the files sled keeps (`conf`, `db`, finished `snap.*`,
/// `blobs/*`) and hireterm's watermark: everything the database is.
pub fn is_database_file(relative: &Path) -> bool {
    let Some(first) = relative.iter().next().and_then(|c| c.to_str()) else {
        return false;
    };
    match first {
        "conf" | "db" | "blobs" | watermark::FILE_NAME => true,
        name => name.starts_with("snap.") && !name.ends_with(".generating"),
    }
}

/// Reads the marker and checks every listed file against it.
pub fn closing_state(path: &Path) -> io::Result<Closing> {
    let Ok(text) = fs::read_to_string(path.join(CLEAN_MARKER)) else {
        return Ok(Closing::Unknown);
    };
    let Some((next_event, recorded)) = parse(&text) else {
        return Ok(Closing::Unknown);
    };
    let current = scan(path)?;
    Ok(match difference(&recorded, &current) {
        None => Closing::Clean { next_event },
        Some(what) => Closing::Changed(what),
    })
}

/// The next event id the marker records, if there is a readable marker
/// and every file it lists has its recorded length, and no other database
/// file is there; checksums are not read. For readers that do not open
/// the database (a quick `stats`): what they read was written by the same
/// clean close, and damage is the next open's to find.
pub fn clean_by_length(path: &Path) -> Option<u64> {
    let text = fs::read_to_string(path.join(CLEAN_MARKER)).ok()?;
    let (next_event, recorded) = parse(&text)?;
    let mut names = Vec::new();
    collect_names(path, Path::new(""), &mut names).ok()?;
    let same = names.len() == recorded.len()
        && recorded.iter().all(|then| {
            names.contains(&then.name)
                && fs::metadata(path.join(&then.name)).is_ok_and(|m| m.len() == then.len)
        });
    same.then_some(next_event)
}

/// The first difference between what was recorded and what is there.
fn difference(recorded: &[FileState], current: &[FileState]) -> Option<String> {
    for then in recorded {
        let name = then.name.display();
        match current.iter().find(|now| now.name == then.name) {
            None => return Some(format!("its file `{name}` is missing")),
            Some(now) if now.len != then.len => {
                return Some(format!(
                    "its file `{name}` is {} bytes long, and was {} when hireterm closed it",
                    now.len, then.len
                ));
            }
            Some(now) if now.crc != then.crc => {
                return Some(format!(
                    "the bytes of its file `{name}` changed after hireterm closed it \
                     (the checksum differs)"
                ));
            }
            Some(_) => {}
        }
    }
    current
        .iter()
        .find(|now| !recorded.iter().any(|then| then.name == now.name))
        .map(|extra| {
            format!(
                "its file `{}` appeared after hireterm closed it",
                extra.name.display()
            )
        })
}

/// Records the folder's state after a clean close (write, then rename, so
/// a torn marker can never be read; its last line checksums the rest).
pub fn mark_clean(path: &Path, next_event: u64) -> io::Result<()> {
    let mut body = format!("{HEADER}\nevents\t{next_event}\n");
    for file in scan(path)? {
        body.push_str(&format!(
            "{}\t{}\t{:08x}\n",
            file.name.display(),
            file.len,
            file.crc
        ));
    }
    let tmp = path.join(CLEAN_MARKER_TMP);
    fs::write(&tmp, super::sealed::seal(body))?;
    fs::rename(tmp, path.join(CLEAN_MARKER))
}

/// The database is about to change: the marker no longer describes it.
pub fn unmark_clean(path: &Path) -> io::Result<()> {
    remove_beside(path, &[CLEAN_MARKER, CLEAN_MARKER_TMP])
}

/// Removes the files `names` under `path` that are there: the marker and
/// what is tied to it (`stats_file.rs`, `first_file.rs`), when the
/// database is about to change.
pub(super) fn remove_beside(path: &Path, names: &[&str]) -> io::Result<()> {
    for name in names {
        match fs::remove_file(path.join(name)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

fn parse(text: &str) -> Option<(u64, Vec<FileState>)> {
    let body = super::sealed::unseal(text)?;
    let mut lines = body.lines();
    (lines.next()? == HEADER).then_some(())?;
    let next_event = lines.next()?.strip_prefix("events\t")?.parse().ok()?;
    let files = lines.map(parse_file).collect::<Option<Vec<_>>>()?;
    Some((next_event, files))
}

fn parse_file(line: &str) -> Option<FileState> {
    let mut fields = line.split('\t');
    let state = FileState {
        name: PathBuf::from(fields.next()?),
        len: fields.next()?.parse().ok()?,
        crc: u32::from_str_radix(fields.next()?, 16).ok()?,
    };
    fields.next().is_none().then_some(state)
}

/// Every database file under `root`, sorted by name, checksummed.
fn scan(root: &Path) -> io::Result<Vec<FileState>> {
    let mut files = Vec::new();
    collect(root, Path::new(""), &mut files)?;
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

fn collect(root: &Path, rel: &Path, files: &mut Vec<FileState>) -> io::Result<()> {
    let mut names = Vec::new();
    collect_names(root, rel, &mut names)?;
    for name in names {
        let full = root.join(&name);
        let len = fs::metadata(&full)?.len();
        let crc = super::checksum::of_file(&full)?;
        files.push(FileState { name, len, crc });
    }
    Ok(())
}

/// The database files under `root.join(rel)`, relative to `root`.
fn collect_names(root: &Path, rel: &Path, names: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(root.join(rel))? {
        let entry = entry?;
        let name = rel.join(entry.file_name());
        if !is_database_file(&name) {
            continue;
        }
        if entry.file_type()?.is_dir() {
            collect_names(root, &name, names)?;
        } else {
            names.push(name);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::File;

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("conf"), b"segment_size: 524288\n").unwrap();
        fs::write(dir.path().join("db"), vec![7u8; 4096]).unwrap();
        dir
    }

    #[test]
    fn a_flipped_byte_is_found_whatever_the_file_time() {
        let dir = folder();
        mark_clean(dir.path(), 5).unwrap();
        assert_eq!(
            closing_state(dir.path()).unwrap(),
            Closing::Clean { next_event: 5 }
        );
        let db = dir.path().join("db");
        let modified = fs::metadata(&db).unwrap().modified().unwrap();
        let mut bytes = fs::read(&db).unwrap();
        bytes[100] ^= 1;
        fs::write(&db, bytes).unwrap();
        File::options()
            .write(true)
            .open(&db)
            .unwrap()
            .set_modified(modified)
            .unwrap();
        assert!(matches!(
            closing_state(dir.path()).unwrap(),
            Closing::Changed(what) if what.contains("`db`")
        ));
    }

    #[test]
    fn stray_files_and_unreadable_markers_are_not_damage() {
        let dir = folder();
        mark_clean(dir.path(), 1).unwrap();
        fs::write(dir.path().join("notes.txt"), b"mine").unwrap();
        fs::write(dir.path().join("snap.0000.generating"), b"half").unwrap();
        assert_eq!(
            closing_state(dir.path()).unwrap(),
            Closing::Clean { next_event: 1 }
        );
        for bad in ["", "hireterm clean close 2\n", "db\t4096\t00000000\n"] {
            fs::write(dir.path().join(CLEAN_MARKER), bad).unwrap();
            assert_eq!(
                closing_state(dir.path()).unwrap(),
                Closing::Unknown,
                "{bad:?}"
            );
        }
    }

    #[test]
    fn a_missing_or_new_database_file_is_a_change() {
        let dir = folder();
        mark_clean(dir.path(), 1).unwrap();
        fs::write(dir.path().join("snap.00000001"), b"new").unwrap();
        assert!(matches!(
            closing_state(dir.path()).unwrap(),
            Closing::Changed(what) if what.contains("appeared")
        ));
        fs::remove_file(dir.path().join("snap.00000001")).unwrap();
        fs::remove_file(dir.path().join("conf")).unwrap();
        assert!(matches!(
            closing_state(dir.path()).unwrap(),
            Closing::Changed(what) if what.contains("missing")
        ));
    }
}
