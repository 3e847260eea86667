//! The clean-close marker: a list of every file in the database folder,
//! with its size, modification time and CRC-32, written after sled has
//! closed cleanly and removed before the database is opened again.
//!
//! On open, sizes and times are compared first, which costs no reading; a
//! file whose time changed (a faithful `cp -r`, say) is then checksummed,
//! and only a changed checksum or size counts as a change.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

const CLEAN_MARKER: &str = "hireterm.clean";
const CLEAN_MARKER_TMP: &str = "hireterm.clean.tmp";

/// What the clean-close marker says about the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    /// Exactly as the last clean close left it.
    Clean,
    /// No marker: new, open elsewhere, or the last session did not close.
    Unknown,
    /// Changed since a clean close, by something other than hireterm.
    ChangedSince,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct FileState {
    /// Relative to the folder.
    name: PathBuf,
    len: u64,
    modified_ns: u128,
    /// Filled in only when asked for.
    crc: Option<u32>,
}

impl FileState {
    fn line(&self) -> String {
        let crc = self.crc.unwrap_or_default();
        format!(
            "{}\t{}\t{}\t{crc:08x}",
            self.name.display(),
            self.len,
            self.modified_ns
        )
    }

    fn parse(line: &str) -> Option<FileState> {
        let mut fields = line.split('\t');
        let name = PathBuf::from(fields.next()?);
        let len = fields.next()?.parse().ok()?;
        let modified_ns = fields.next()?.parse().ok()?;
        let crc = u32::from_str_radix(fields.next()?, 16).ok()?;
        fields.next().is_none().then_some(FileState {
            name,
            len,
            modified_ns,
            crc: Some(crc),
        })
    }
}

pub fn closing_state(path: &Path) -> Closing {
    let Ok(text) = fs::read_to_string(path.join(CLEAN_MARKER)) else {
        return Closing::Unknown;
    };
    // A marker this build cannot read (an older layout) says nothing.
    let Some(recorded) = text
        .lines()
        .map(FileState::parse)
        .collect::<Option<Vec<_>>>()
    else {
        return Closing::Unknown;
    };
    match scan(path, false) {
        Ok(current) if matches(path, &recorded, &current) => Closing::Clean,
        _ => Closing::ChangedSince,
    }
}

/// Same files and sizes; any whose time differs must still have the same
/// checksum.
fn matches(root: &Path, recorded: &[FileState], current: &[FileState]) -> bool {
    recorded.len() == current.len()
        && recorded.iter().zip(current).all(|(then, now)| {
            then.name == now.name
                && then.len == now.len
                && (then.modified_ns == now.modified_ns
                    || checksum(&root.join(&now.name)).ok() == then.crc)
        })
}

/// Records the folder's state after a clean close (write, then rename, so a
/// torn marker can never match).
pub fn mark_clean(path: &Path) -> io::Result<()> {
    let lines: Vec<String> = scan(path, true)?.iter().map(FileState::line).collect();
    let tmp = path.join(CLEAN_MARKER_TMP);
    fs::write(&tmp, lines.join("\n"))?;
    fs::rename(tmp, path.join(CLEAN_MARKER))
}

/// The database is about to change: the marker no longer describes it.
pub fn unmark_clean(path: &Path) -> io::Result<()> {
    match fs::remove_file(path.join(CLEAN_MARKER)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Every file under `root` but the marker, sorted by name.
fn scan(root: &Path, with_crc: bool) -> io::Result<Vec<FileState>> {
    let mut files = Vec::new();
    collect(root, Path::new(""), with_crc, &mut files)?;
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

fn collect(root: &Path, rel: &Path, with_crc: bool, files: &mut Vec<FileState>) -> io::Result<()> {
    for entry in fs::read_dir(root.join(rel))? {
        let entry = entry?;
        let name = rel.join(entry.file_name());
        let meta = entry.metadata()?;
        if meta.is_dir() {
            collect(root, &name, with_crc, files)?;
        } else if name != Path::new(CLEAN_MARKER) && name != Path::new(CLEAN_MARKER_TMP) {
            let modified_ns = meta
                .modified()?
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            let crc = if with_crc {
                Some(checksum(&entry.path())?)
            } else {
                None
            };
            files.push(FileState {
                name,
                len: meta.len(),
                modified_ns,
                crc,
            });
        }
    }
    Ok(())
}

fn checksum(path: &Path) -> io::Result<u32> {
    use io::Read;
    let mut file = File::open(path)?;
    let mut hasher = crc32fast::Hasher::new();
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        match file.read(&mut buffer)? {
            0 => return Ok(hasher.finalize()),
            n => hasher.update(&buffer[..n]),
        }
    }
}
