//! Named pause points for tests of races and kills: with
//! `HIRETERM_TEST_PAUSE=<point>` in its environment, a process that
//! reaches `<point>` says so on stderr and waits for a line on stdin (or
//! its end) before going on. A test can then kill it there, or start a
//! rival process at exactly that moment, instead of hoping a sleep is long
//! enough. Without the variable a pause point costs one lookup.
//!
//! With `HIRETERM_TEST_RESUME=<file>` as well, the process neither writes
//! nor reads its terminal there (the app may be drawing on it: the open
//! behind the first screen, `cli/tui.rs`): it waits for `<file>` to exist.

use std::io::{BufRead, Write};

/// The environment variable naming the point to pause at.
pub const PAUSE_ENV: &str = "HIRETERM_TEST_PAUSE";

/// The environment variable naming the file whose creation ends a pause.
pub const RESUME_ENV: &str = "HIRETERM_TEST_RESUME";

/// Pauses here if the environment asks for `point`.
pub fn point(point: &str) {
    if std::env::var(PAUSE_ENV).ok().as_deref() != Some(point) {
        return;
    }
    if let Some(file) = std::env::var_os(RESUME_ENV) {
        while !std::path::Path::new(&file).exists() {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        return;
    }
    let _ = writeln!(std::io::stderr(), "hireterm: paused at {point}");
    let mut line = String::new();
    let _ = std::io::stdin().lock().read_line(&mut line);
}
