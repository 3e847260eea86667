//! Disk space and I/O errors in words: how much room a disk has left,
//! whether an error means it is full, and what an error from sled says
//! once its debug formatting is taken off.

use rustix::io::Errno;
use std::io;
use std::path::Path;

/// Room sled needs to go on writing after a full disk, beyond the change
/// itself: a log segment and a snapshot's worth, rounded up generously.
pub const WRITE_HEADROOM: u64 = 8 << 20;

/// Bytes free to an unprivileged writer on the disk holding `path` (or
/// its nearest existing ancestor), if the system says.
pub fn free_bytes(path: &Path) -> Option<u64> {
    let existing = path.ancestors().find(|p| p.exists())?;
    let stat = rustix::fs::statvfs(existing).ok()?;
    Some(stat.f_bavail.saturating_mul(stat.f_frsize))
}

/// True for "no space left" and "quota exceeded", whichever way the error
/// was wrapped on its way here.
pub fn is_disk_full(error: &io::Error) -> bool {
    matches!(
        error.raw_os_error(),
        Some(code) if code == Errno::NOSPC.raw_os_error() || code == Errno::DQUOT.raw_os_error()
    ) || matches!(
        error.kind(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded
    )
}

/// The error's own words. sled wraps system errors in a new error whose
/// text is the original's debug form (`Os { code: 5, kind: ..., message:
/// "Input/output error" }`); that message is taken back out.
pub fn in_words(error: &io::Error) -> String {
    if error.raw_os_error().is_some() {
        return error.to_string();
    }
    let text = error.to_string();
    match debug_message(&text) {
        Some(message) => message.to_lowercase(),
        None if text.starts_with("Os {") || text.starts_with("Custom {") => {
            error.kind().to_string()
        }
        None => text,
    }
}

fn debug_message(text: &str) -> Option<&str> {
    let start = text.find("message: \"")? + "message: \"".len();
    let end = text[start..].find('"')?;
    Some(&text[start..start + end])
}

/// A size for people: "512 bytes", "3.4 MB", "1.2 GB".
pub fn human(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1000 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// The total size of the files under `path`.
pub fn folder_size(path: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(path) else {
        return 0;
    };
    entries
        .flatten()
        .map(|entry| match entry.metadata() {
            Ok(meta) if meta.is_dir() => folder_size(&entry.path()),
            Ok(meta) => meta.len(),
            Err(_) => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sled_debug_text_becomes_words() {
        let wrapped = io::Error::other(
            "Os { code: 5, kind: Uncategorized, message: \"Input/output error\" }",
        );
        assert_eq!(in_words(&wrapped), "input/output error");
        let plain = io::Error::from_raw_os_error(Errno::NOSPC.raw_os_error());
        assert_eq!(in_words(&plain), "No space left on device (os error 28)");
    }

    #[test]
    fn full_disks_are_recognised_however_wrapped() {
        assert!(is_disk_full(&io::Error::from_raw_os_error(
            Errno::NOSPC.raw_os_error()
        )));
        let sled_style = io::Error::new(io::ErrorKind::StorageFull, "Os { code: 28 }");
        assert!(is_disk_full(&sled_style));
        assert!(!is_disk_full(&io::Error::from_raw_os_error(
            Errno::IO.raw_os_error()
        )));
    }

    #[test]
    fn sizes_read_like_people_write_them() {
        assert_eq!(human(512), "512 bytes");
        assert_eq!(human(3_400_000), "3.4 MB");
        assert_eq!(human(1_200_000_000), "1.2 GB");
    }

    #[test]
    fn free_space_is_known_for_a_path_that_does_not_exist_yet() {
        let dir = tempfile::tempdir().unwrap();
        assert!(free_bytes(&dir.path().join("not/yet")).is_some());
    }
}
