//! How long opening a database may take, and what it says while it
//! takes long.
//!
//! sled's start grows with the database (it reads its page table whole,
//! and after a crash replays what was written since), and after a crash
//! it starts twice (on a copy, then for real): a fixed deadline would
//! call a healthy database damaged once it grew past what the deadline
//! allows. The allowance is a fixed part (sled's own start, a spinning
//! open of a damaged file) plus the time to read the whole folder at a
//! rate far below any disk's, far more than an open reads. While it
//! waits, the open says how long it has taken and how much it has read,
//! from the bytes this process has read so far (`/proc/self/io`).

use super::space;
use std::path::Path;
use std::sync::OnceLock;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// The slowest read an allowance counts on: a tenth of a slow disk's.
const SLOWEST_BYTES_PER_SEC: u64 = 4 * 1024 * 1024;
/// Quiet for this long; then a line every [`REPORT_EVERY`].
const QUIET_FOR: Duration = Duration::from_secs(2);
const REPORT_EVERY: Duration = Duration::from_secs(2);

static REPORTER: OnceLock<fn(&str)> = OnceLock::new();

/// Where a long open's progress lines go (the command line's stderr, the
/// server's log); until set, nowhere.
pub fn report_with(reporter: fn(&str)) {
    let _ = REPORTER.set(reporter);
}

/// How long an open may take, and the folder's size it was worked out
/// from (measured once per open; both waits of a crashed open use it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allowance {
    pub time: Duration,
    pub folder_bytes: u64,
}

/// `base` plus the time to read the folder at the slowest rate.
pub fn allowance(path: &Path, base: Duration) -> Allowance {
    let folder_bytes = space::folder_size(path);
    Allowance {
        time: base + Duration::from_secs(folder_bytes / SLOWEST_BYTES_PER_SEC),
        folder_bytes,
    }
}

/// Waits for `rx` within `allowance`, saying how far the reading got
/// every few seconds once it takes long.
pub fn wait<T>(
    rx: &Receiver<T>,
    path: &Path,
    allowance: &Allowance,
) -> Result<T, RecvTimeoutError> {
    let started = Instant::now();
    let (total, read_before) = (allowance.folder_bytes, bytes_read());
    let mut next_report = QUIET_FOR;
    loop {
        let left = allowance.time.saturating_sub(started.elapsed());
        match rx.recv_timeout(left.min(Duration::from_millis(250))) {
            Err(RecvTimeoutError::Timeout) if !left.is_zero() => {}
            outcome => return outcome,
        }
        if started.elapsed() >= next_report {
            next_report += REPORT_EVERY;
            let read = bytes_read().saturating_sub(read_before);
            report(&progress_line(path, started.elapsed(), read, total));
        }
    }
}

fn report(line: &str) {
    if let Some(reporter) = REPORTER.get() {
        reporter(line);
    }
}

/// "opening …/db after an unclean close: 12s, 430.0 MB read (the folder
/// holds 1.1 GB)".
fn progress_line(path: &Path, elapsed: Duration, read: u64, total: u64) -> String {
    format!(
        "opening {} after an unclean close: {}s, {} read (the folder holds {})",
        path.display(),
        elapsed.as_secs(),
        space::human(read),
        space::human(total)
    )
}

/// Bytes this process has read, through any file (`rchar`); 0 where
/// `/proc` does not say.
fn bytes_read() -> u64 {
    let io = std::fs::read_to_string("/proc/self/io").unwrap_or_default();
    (io.lines())
        .find_map(|line| line.strip_prefix("rchar:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn the_allowance_grows_with_the_folder() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let base = Duration::from_secs(20);
        assert_eq!(allowance(dir.path(), base).time, base);
        let big = vec![0u8; 3 * SLOWEST_BYTES_PER_SEC as usize];
        std::fs::write(dir.path().join("db"), big).unwrap_or_else(|e| panic!("{e}"));
        let grown = allowance(dir.path(), base);
        assert_eq!(grown.time, base + Duration::from_secs(3));
        assert_eq!(grown.folder_bytes, 3 * SLOWEST_BYTES_PER_SEC);
    }

    #[test]
    fn waiting_returns_the_answer_or_times_out_at_the_allowance() {
        let (tx, rx) = mpsc::channel();
        tx.send(7).unwrap_or_else(|e| panic!("{e}"));
        let path = Path::new("/nonexistent");
        let within = |ms| Allowance {
            time: Duration::from_millis(ms),
            folder_bytes: 0,
        };
        assert_eq!(wait(&rx, path, &within(10)), Ok(7));
        let started = Instant::now();
        assert_eq!(
            wait(&rx, path, &within(300)),
            Err(RecvTimeoutError::Timeout)
        );
        assert!(started.elapsed() >= Duration::from_millis(300));
        assert!(bytes_read() > 0, "this process has read its own files");
    }

    #[test]
    fn the_progress_line_says_how_far() {
        let line = progress_line(
            Path::new("/d/db"),
            Duration::from_secs(12),
            430_000_000,
            1_100_000_000,
        );
        assert_eq!(
            line,
            "opening /d/db after an unclean close: 12s, 430.0 MB read (the folder holds 1.1 GB)"
        );
    }
}
