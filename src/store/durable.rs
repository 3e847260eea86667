//! Making a flushed write survive a power cut.
//!
//! sled's `flush` writes its log with `pwrite` and `sync_file_range`,
//! which survives a killed process but not a power cut: it flushes
//! neither the drive's write cache nor the file's size and other
//! metadata. And it writes large values to files under `blobs/` with no
//! sync at all. So after each flush the store calls [`Durable::sync`]:
//! `fdatasync` of the log, and `fsync` of any blob file not yet synced and
//! of the folder that holds it. Only then is a write acknowledged.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub struct Durable {
    log: File,
    blobs: PathBuf,
    /// Blob files already synced (sled never rewrites one in place).
    synced_blobs: Mutex<HashSet<OsString>>,
}

impl Durable {
    /// Opens the log of the sled database at `folder` for syncing, and
    /// syncs the folder itself, so that a new database's files are found
    /// after a power cut too.
    pub fn open(folder: &Path) -> io::Result<Durable> {
        let log = File::open(folder.join("db"))?;
        sync_folder(folder)?;
        Ok(Durable {
            log,
            blobs: folder.join("blobs"),
            synced_blobs: Mutex::new(HashSet::new()),
        })
    }

    /// Makes everything sled has flushed durable.
    pub fn sync(&self) -> io::Result<()> {
        self.log.sync_data()?;
        self.sync_new_blobs()
    }

    fn sync_new_blobs(&self) -> io::Result<()> {
        let entries = match std::fs::read_dir(&self.blobs) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        };
        let mut synced = self
            .synced_blobs
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        let mut any = false;
        let mut present = HashSet::new();
        for entry in entries {
            let name = entry?.file_name();
            if !synced.contains(&name) {
                File::open(self.blobs.join(&name))?.sync_all()?;
                any = true;
            }
            present.insert(name);
        }
        if any {
            sync_folder(&self.blobs)?;
        }
        // Forget blobs sled has since removed.
        *synced = present;
        Ok(())
    }
}

/// `fsync` of a folder: its entries (new and renamed files) survive a
/// power cut.
pub fn sync_folder(folder: &Path) -> io::Result<()> {
    File::open(folder)?.sync_all()
}
