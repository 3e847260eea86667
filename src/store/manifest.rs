//! The backup manifest, `hireterm.backup`: written into a backup last,
//! once the copy has been opened, checked and counted, so that a folder
//! without one is unfinished (a killed or failed `backup`) whatever else
//! is in it. It says where and when the copy was taken, how many entries
//! each tree held, and the size and CRC-32 of every database file, so that
//! `restore` can tell a whole backup from a damaged or half-written one
//! without opening it for writing. Its last line checksums the rest.

use super::marker;
use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "hireterm.backup";
const HEADER: &str = "hireterm backup 1";

/// What a finished backup holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// The database it was taken from, for people reading the file.
    pub source: String,
    /// When it was taken (RFC 3339).
    pub taken: String,
    /// The next event id, as in the clean-close marker.
    pub next_event: u64,
    /// Entries per tree, by tree name.
    pub trees: BTreeMap<String, u64>,
    files: Vec<FileState>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct FileState {
    /// Relative to the folder.
    name: String,
    len: u64,
    crc: u32,
}

/// Why a folder's manifest cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    Missing,
    /// Present but torn, edited or of another layout.
    Unreadable,
}

impl Manifest {
    /// Describes the backup in `folder` as its files are now.
    pub fn of(
        folder: &Path,
        source: &Path,
        next_event: u64,
        trees: BTreeMap<String, u64>,
    ) -> io::Result<Manifest> {
        let source = fs::canonicalize(source).unwrap_or_else(|_| source.to_path_buf());
        Ok(Manifest {
            source: one_line(&source.display().to_string()),
            taken: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            next_event,
            trees,
            files: scan(folder)?,
        })
    }

    /// Writes the manifest into `folder` and syncs it.
    pub fn write(&self, folder: &Path) -> io::Result<()> {
        let mut body = format!(
            "{HEADER}\nsource\t{}\ntaken\t{}\nevents\t{}\n",
            self.source, self.taken, self.next_event
        );
        for (name, count) in &self.trees {
            body.push_str(&format!("tree\t{}\t{count}\n", one_line(name)));
        }
        for file in &self.files {
            body.push_str(&format!(
                "file\t{}\t{}\t{:08x}\n",
                file.name, file.len, file.crc
            ));
        }
        let path = folder.join(FILE_NAME);
        fs::write(&path, super::sealed::seal(body))?;
        File::open(path)?.sync_all()
    }

    /// The manifest in `folder`.
    pub fn read(folder: &Path) -> Result<Manifest, Unusable> {
        match fs::read_to_string(folder.join(FILE_NAME)) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Err(Unusable::Missing),
            Err(_) => Err(Unusable::Unreadable),
            Ok(text) => parse(&text).ok_or(Unusable::Unreadable),
        }
    }

    /// The first way the database files in `folder` differ from the
    /// manifest, in words; `None` when every file is as it was written.
    pub fn files_differ(&self, folder: &Path) -> io::Result<Option<String>> {
        let current = scan(folder)?;
        for then in &self.files {
            let name = &then.name;
            match current.iter().find(|now| now.name == then.name) {
                None => return Ok(Some(format!("its file `{name}` is missing"))),
                Some(now) if now.len != then.len => {
                    return Ok(Some(format!(
                        "its file `{name}` is {} bytes long, and was {} when the backup was written",
                        now.len, then.len
                    )));
                }
                Some(now) if now.crc != then.crc => {
                    return Ok(Some(format!(
                        "the bytes of its file `{name}` changed after the backup was written \
                         (the checksum differs)"
                    )));
                }
                Some(_) => {}
            }
        }
        Ok(current
            .iter()
            .find(|now| !self.files.iter().any(|then| then.name == now.name))
            .map(|extra| {
                format!(
                    "its file `{}` appeared after the backup was written",
                    extra.name
                )
            }))
    }

    /// The first tree whose count differs from `counts`, in words.
    pub fn counts_differ(&self, counts: &BTreeMap<String, u64>) -> Option<String> {
        compare_counts(&self.trees, counts)
    }
}

/// The first tree whose entries in `found` differ from `expected`, in
/// words; a tree missing from one side counts as empty there.
pub fn compare_counts(
    expected: &BTreeMap<String, u64>,
    found: &BTreeMap<String, u64>,
) -> Option<String> {
    for name in expected.keys().chain(found.keys()) {
        let then = expected.get(name).copied().unwrap_or(0);
        let now = found.get(name).copied().unwrap_or(0);
        if then != now {
            return Some(format!(
                "its tree `{name}` holds {now} entries where {then} were written"
            ));
        }
    }
    None
}

/// Control characters (a newline in a path) would break the line format.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

fn parse(text: &str) -> Option<Manifest> {
    let body = super::sealed::unseal(text)?;
    let mut lines = body.lines();
    (lines.next()? == HEADER).then_some(())?;
    let mut manifest = Manifest {
        source: lines.next()?.strip_prefix("source\t")?.to_string(),
        taken: lines.next()?.strip_prefix("taken\t")?.to_string(),
        next_event: lines.next()?.strip_prefix("events\t")?.parse().ok()?,
        trees: BTreeMap::new(),
        files: Vec::new(),
    };
    for line in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["tree", name, count] => {
                manifest.trees.insert(name.to_string(), count.parse().ok()?);
            }
            ["file", name, len, crc] => manifest.files.push(FileState {
                name: name.to_string(),
                len: len.parse().ok()?,
                crc: u32::from_str_radix(crc, 16).ok()?,
            }),
            _ => return None,
        }
    }
    Some(manifest)
}

/// Every database file under `root` (see [`marker::is_database_file`]),
/// sorted by name, checksummed.
fn scan(root: &Path) -> io::Result<Vec<FileState>> {
    let mut files = Vec::new();
    collect(root, Path::new(""), &mut files)?;
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

fn collect(root: &Path, rel: &Path, files: &mut Vec<FileState>) -> io::Result<()> {
    for entry in fs::read_dir(root.join(rel))? {
        let entry = entry?;
        let name: PathBuf = rel.join(entry.file_name());
        if !marker::is_database_file(&name) {
            continue;
        }
        if entry.file_type()?.is_dir() {
            collect(root, &name, files)?;
        } else {
            files.push(FileState {
                name: one_line(&name.to_string_lossy()),
                len: entry.metadata()?.len(),
                crc: super::checksum::of_file(&entry.path())?,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn backup() -> (tempfile::TempDir, Manifest) {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("conf"), b"segment_size: 524288\n").unwrap();
        fs::write(dir.path().join("db"), vec![7u8; 4096]).unwrap();
        let trees = BTreeMap::from([("candidates".to_string(), 3), ("meta".to_string(), 5)]);
        let manifest = Manifest::of(dir.path(), Path::new("/srv/db"), 9, trees).unwrap();
        manifest.write(dir.path()).unwrap();
        (dir, manifest)
    }

    #[test]
    fn a_written_manifest_reads_back_and_matches_its_files() {
        let (dir, written) = backup();
        let read = Manifest::read(dir.path()).unwrap();
        assert_eq!(read, written);
        assert_eq!(read.files_differ(dir.path()).unwrap(), None);
        assert_eq!(read.counts_differ(&written.trees), None);
        let fewer = BTreeMap::from([("candidates".to_string(), 2), ("meta".to_string(), 5)]);
        assert!(read.counts_differ(&fewer).unwrap().contains("`candidates`"));
    }

    #[test]
    fn damage_to_a_file_or_to_the_manifest_is_found() {
        let (dir, manifest) = backup();
        let mut bytes = fs::read(dir.path().join("db")).unwrap();
        bytes[100] ^= 1;
        fs::write(dir.path().join("db"), bytes).unwrap();
        let found = manifest.files_differ(dir.path()).unwrap().unwrap();
        assert!(found.contains("checksum"), "{found}");
        let text = fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
        fs::write(dir.path().join(FILE_NAME), text.replace("\t3\n", "\t4\n")).unwrap();
        assert_eq!(Manifest::read(dir.path()), Err(Unusable::Unreadable));
        fs::remove_file(dir.path().join(FILE_NAME)).unwrap();
        assert_eq!(Manifest::read(dir.path()), Err(Unusable::Missing));
    }
}
