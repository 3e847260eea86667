//! A folder written beside its final place under a name that says it is
//! unfinished (`.NAME.partial-PID` for a backup, `.NAME.restoring-PID` for
//! a restore, `.NAME.copying-PID` for a copy), and renamed into place
//! only once it is whole: a killed or failed process leaves nothing at
//! the final name. Made owner-only (it holds personal data), removed if
//! dropped before it is placed, and one left by a process that no longer
//! runs is removed by the next try.

use super::durable::sync_folder;
use std::ffi::OsString;
use std::fs;
use std::io;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

/// The kinds of unfinished folder, as they appear in the name.
pub const PARTIAL: &str = "partial";
pub const RESTORING: &str = "restoring";
/// The rewritten copy an erasure swaps in (see `compact`).
pub const COMPACTING: &str = "compacting";
/// A database `hireterm copy` is writing (see `copy`).
pub const COPYING: &str = "copying";

pub struct Staged {
    path: PathBuf,
    synced: bool,
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
            synced: false,
            placed: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes every file and folder in it durable (done once: see
    /// [`Staged::place`]).
    pub fn sync(&mut self) -> io::Result<()> {
        if !self.synced {
            sync_tree(&self.path)?;
            self.synced = true;
        }
        Ok(())
    }

    /// Makes it durable, renames it to `target` and makes the rename
    /// durable. If that last step fails, the rename is undone (and the
    /// folder removed as it is dropped): a failure leaves nothing at
    /// `target` that was not there before.
    pub fn place(mut self, target: &Path) -> io::Result<()> {
        self.sync()?;
        fs::rename(&self.path, target)?;
        if let Err(error) = sync_folder(&parent_of(target)) {
            let _ = fs::rename(target, &self.path);
            return Err(error);
        }
        self.placed = true;
        Ok(())
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
        && [PARTIAL, RESTORING, COMPACTING, COPYING]
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
