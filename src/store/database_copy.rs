//! Copying a database's files from a folder that is only read (a backup,
//! perhaps on a read-only disk) into a new owner-only folder, saying which
//! side failed: an error reading the backup is told against the backup,
//! one writing the copy (a full disk) against where it goes.

use super::marker;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::Path;

/// The clean-close marker is copied with a database so that the copy's
/// first open checks it against the marker instead of a trial copy.
const CLEAN_MARKER: &str = "hireterm.clean";

/// Which side of a copy failed.
#[derive(Debug)]
pub enum CopyError {
    Reading(io::Error),
    Writing(io::Error),
}

type Result<T> = std::result::Result<T, CopyError>;

/// Copies a database's own files and its clean-close marker from `from`
/// into the existing folder `to`: no strays, no manifest, no scratch.
/// Copies are owner-only and writable, whatever the originals were.
pub fn copy_database(from: &Path, to: &Path) -> Result<()> {
    copy_tree(from, to, Path::new(""))?;
    let marker = from.join(CLEAN_MARKER);
    match File::open(&marker) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(CopyError::Reading(e)),
        Ok(file) => copy_file(file, &to.join(CLEAN_MARKER)),
    }
}

fn copy_tree(from_root: &Path, to_root: &Path, rel: &Path) -> Result<()> {
    fs::DirBuilder::new()
        .mode(0o700)
        .recursive(true)
        .create(to_root.join(rel))
        .map_err(CopyError::Writing)?;
    for entry in fs::read_dir(from_root.join(rel)).map_err(CopyError::Reading)? {
        let entry = entry.map_err(CopyError::Reading)?;
        let name = rel.join(entry.file_name());
        if !marker::is_database_file(&name) {
            continue;
        }
        if entry.file_type().map_err(CopyError::Reading)?.is_dir() {
            copy_tree(from_root, to_root, &name)?;
        } else {
            let file = File::open(entry.path()).map_err(CopyError::Reading)?;
            copy_file(file, &to_root.join(&name))?;
        }
    }
    Ok(())
}

fn copy_file(mut from: File, to: &Path) -> Result<()> {
    let mut copy = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(to)
        .map_err(CopyError::Writing)?;
    let mut buffer = vec![0u8; 1 << 20];
    loop {
        match from.read(&mut buffer) {
            Ok(0) => return Ok(()),
            Ok(n) => copy.write_all(&buffer[..n]).map_err(CopyError::Writing)?,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(CopyError::Reading(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn database_files_are_copied_owner_only_and_strays_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let (from, to) = (dir.path().join("from"), dir.path().join("to"));
        fs::create_dir_all(from.join("blobs")).unwrap();
        for (name, bytes) in [("db", "log"), ("blobs/7", "blob"), ("stray", "x")] {
            fs::write(from.join(name), bytes).unwrap();
            fs::set_permissions(from.join(name), fs::Permissions::from_mode(0o444)).unwrap();
        }
        fs::write(from.join(CLEAN_MARKER), "clean").unwrap();
        fs::create_dir(&to).unwrap();
        copy_database(&from, &to).unwrap();
        assert_eq!(fs::read_to_string(to.join("blobs/7")).unwrap(), "blob");
        assert_eq!(fs::read_to_string(to.join(CLEAN_MARKER)).unwrap(), "clean");
        assert!(!to.join("stray").exists());
        let mode = fs::metadata(to.join("db")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_missing_backup_is_a_read_error_and_an_existing_copy_a_write_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = copy_database(&dir.path().join("nowhere"), dir.path());
        assert!(matches!(missing, Err(CopyError::Reading(_))));
        let from = dir.path().join("from");
        fs::create_dir(&from).unwrap();
        fs::write(from.join("db"), "log").unwrap();
        let to = dir.path().join("to");
        fs::create_dir(&to).unwrap();
        fs::write(to.join("db"), "there").unwrap();
        assert!(matches!(
            copy_database(&from, &to),
            Err(CopyError::Writing(_))
        ));
    }
}
