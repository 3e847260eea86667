//! A folder written beside its final place under a name that says it is
//! unfinished (`.NAME.partial-PID` for a backup, `.NAME.restoring-PID` for
//! a restore), and renamed into place only once it is whole: a killed or
//! failed process leaves nothing at the final name. Made owner-only (it
//! holds personal data), removed if dropped before it is placed, and one
//! left by a process that no longer runs is removed by the next try.

use super::durable::sync_folder;
use super::marker;
use std::ffi::OsString;
use std::fs;
use std::io;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

/// The kinds of unfinished folder, as they appear in the name.
pub const PARTIAL: &str = "partial";
pub const RESTORING: &str = "restoring";

/// The clean-close marker is copied with a database so that the copy's
/// first open checks it against the marker instead of a trial copy.
const CLEAN_MARKER: &str = "hireterm.clean";

pub struct Staged {
    path: PathBuf,
    placed: bool,
}

impl Staged {
    /// A new, empty, owner-only folder beside `target` (whose parent is
    /// created if needed), after removing ones killed processes left.
    pub fn beside(target: &Path, kind: &str) -> io::Result<Staged> {
        let parent = parent_of(target);
        fs::DirBuilder::new()
            .mode(0o700)
            .recursive(true)
            .create(&parent)?;
        sweep_abandoned(target, kind);
        let path = parent.join(staged_name(target, kind, std::process::id()));
        match fs::remove_dir_all(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        fs::DirBuilder::new().mode(0o700).create(&path)?;
        Ok(Staged {
            path,
            placed: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes every file and folder in it durable, renames it to `target`
    /// and makes the rename durable.
    pub fn place(mut self, target: &Path) -> io::Result<()> {
        sync_tree(&self.path)?;
        fs::rename(&self.path, target)?;
        self.placed = true;
        sync_folder(&parent_of(target))
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.placed {
            // Best effort: the next try removes what is left.
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}

/// True for a name this module gives an unfinished folder.
pub fn is_staged_name(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.')
        && [PARTIAL, RESTORING]
            .iter()
            .any(|kind| name.contains(&format!(".{kind}-")))
}

/// The folder holding `path` (`.` for a bare name).
pub fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn staged_name(target: &Path, kind: &str, pid: u32) -> OsString {
    let mut name = staged_prefix(target, kind);
    name.push(pid.to_string());
    name
}

fn staged_prefix(target: &Path, kind: &str) -> OsString {
    let mut name = OsString::from(".");
    name.push(target.file_name().unwrap_or_default());
    name.push(format!(".{kind}-"));
    name
}

/// Removes `.NAME.KIND-PID` folders beside `target` whose process is gone.
fn sweep_abandoned(target: &Path, kind: &str) {
    let prefix = staged_prefix(target, kind);
    let prefix = prefix.to_string_lossy();
    sweep(&parent_of(target), |name| name.starts_with(prefix.as_ref()));
}

/// Removes every unfinished folder in `folder` whose process is gone (the
/// app's backups folder, where each backup has a name of its own).
pub fn sweep_abandoned_in(folder: &Path) {
    sweep(folder, |name| is_staged_name(name.as_ref()));
}

fn sweep(folder: &Path, ours: impl Fn(&str) -> bool) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let pid = name.rsplit_once('-').map(|(_, pid)| pid);
        let gone = pid
            .filter(|pid| pid.parse::<u32>().is_ok())
            .is_some_and(|pid| !Path::new("/proc").join(pid).exists());
        if ours(&name) && gone {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Copies a database's own files and its clean-close marker from `from`
/// into the existing folder `to`: no strays, no manifest, no scratch.
pub fn copy_database(from: &Path, to: &Path) -> io::Result<()> {
    copy_files(from, to, Path::new(""))?;
    match fs::copy(from.join(CLEAN_MARKER), to.join(CLEAN_MARKER)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

fn copy_files(from_root: &Path, to_root: &Path, rel: &Path) -> io::Result<()> {
    fs::DirBuilder::new()
        .mode(0o700)
        .recursive(true)
        .create(to_root.join(rel))?;
    for entry in fs::read_dir(from_root.join(rel))? {
        let entry = entry?;
        let name = rel.join(entry.file_name());
        if !marker::is_database_file(&name) {
            continue;
        }
        if entry.file_type()?.is_dir() {
            copy_files(from_root, to_root, &name)?;
        } else {
            let copied = to_root.join(&name);
            fs::copy(entry.path(), &copied)?;
            // A read-only backup's files would make read-only copies,
            // which the database cannot be opened from.
            fs::set_permissions(&copied, owner_writable(&copied)?)?;
        }
    }
    Ok(())
}

fn owner_writable(path: &Path) -> io::Result<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(path)?.permissions().mode();
    Ok(fs::Permissions::from_mode(mode | 0o600))
}

/// `fsync` of every file and folder under `folder`, itself included.
fn sync_tree(folder: &Path) -> io::Result<()> {
    for entry in fs::read_dir(folder)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            sync_tree(&entry.path())?;
        } else {
            fs::File::open(entry.path())?.sync_all()?;
        }
    }
    sync_folder(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unplaced_folder_is_removed_and_a_placed_one_stays() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("backup");
        let staged = Staged::beside(&target, PARTIAL).unwrap();
        let path = staged.path().to_path_buf();
        assert!(is_staged_name(path.file_name().unwrap()));
        drop(staged);
        assert!(!path.exists());
        let staged = Staged::beside(&target, PARTIAL).unwrap();
        fs::write(staged.path().join("db"), b"records").unwrap();
        staged.place(&target).unwrap();
        assert_eq!(fs::read(target.join("db")).unwrap(), b"records");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn folders_of_dead_processes_are_swept_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("backup");
        let dead = dir.path().join(staged_name(&target, PARTIAL, u32::MAX - 1));
        let alive = dir.path().join(staged_name(&target, PARTIAL, 1));
        let other = dir
            .path()
            .join(staged_name(Path::new("other"), PARTIAL, u32::MAX - 1));
        for folder in [&dead, &alive, &other] {
            fs::create_dir(folder).unwrap();
        }
        drop(Staged::beside(&target, PARTIAL).unwrap());
        assert!(!dead.exists());
        assert!(alive.exists(), "pid 1 runs");
        assert!(other.exists(), "another target's");
    }
}
