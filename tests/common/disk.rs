//! A small real disk for full-disk tests: a tmpfs mounted on a temporary
//! folder. Mounting needs root: elsewhere the test is skipped with a
//! message, except under CI (the `CI` variable set), where it fails, so a
//! CI machine that cannot run it is noticed.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct SmallDisk {
    _dir: tempfile::TempDir,
    mount: PathBuf,
}

impl SmallDisk {
    /// A tmpfs of `megabytes`, or `None` (after saying why) where this
    /// process may not mount one.
    pub fn mount(megabytes: u32) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap();
        let mount = dir.path().join("disk");
        std::fs::create_dir(&mount).unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m,mode=0700")])
            .arg("tmpfs")
            .arg(&mount)
            .output();
        match mounted {
            Ok(out) if out.status.success() => Some(SmallDisk { _dir: dir, mount }),
            outcome => {
                let why = match outcome {
                    Ok(out) => String::from_utf8_lossy(&out.stderr).into_owned(),
                    Err(e) => e.to_string(),
                };
                assert!(
                    std::env::var_os("CI").is_none(),
                    "the full-disk tests need root to mount a tmpfs under CI: {why}"
                );
                eprintln!("skipped: cannot mount a small tmpfs (run as root): {why}");
                None
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.mount
    }

    /// Fills the disk with a file of its own, leaving `leave` bytes free
    /// (or none); returns the file, to be removed to give the room back.
    pub fn fill(&self, leave: u64) -> PathBuf {
        let filler = self.mount.join("filler");
        let free = hireterm::store::free_bytes(&self.mount).unwrap();
        let size = free.saturating_sub(leave);
        let file = std::fs::File::create(&filler).unwrap();
        // Written, not just sized: tmpfs counts only pages written.
        use std::io::Write;
        let mut writer = std::io::BufWriter::new(file);
        let block = vec![0x5Au8; 1 << 16];
        let mut left = size;
        while left > 0 {
            let n = left.min(block.len() as u64) as usize;
            if writer.write_all(&block[..n]).is_err() {
                break;
            }
            left -= n as u64;
        }
        let _ = writer.flush();
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.mount).status();
    }
}
