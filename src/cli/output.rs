//! Everything printed outside the TUI passes through here, so that stored
//! text can never carry an escape sequence to the user's terminal, and so
//! that a closed stdout or stderr (`hireterm export | head -1`) ends the
//! output quietly: nothing here panics on a failed write, and an error
//! that is only a closed stdout is not reported (see [`describe_error`]).

use crate::domain::text;
use std::io::{ErrorKind, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once a write to stdout found it closed: later lines are not tried.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Prints one line of stored or user-supplied text, cleaned. Once stdout
/// is closed (`hireterm stats | head -1`), lines are dropped.
pub fn line(text: impl AsRef<str>) {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let cleaned = text::clean(text.as_ref(), false);
    if let Err(error) = writeln!(std::io::stdout().lock(), "{cleaned}")
        && error.kind() == ErrorKind::BrokenPipe
    {
        STDOUT_CLOSED.store(true, Ordering::Relaxed);
    }
}

/// Prints text of several lines (a profile, notes), each cleaned and
/// started with `indent`.
pub fn lines(text: &str, indent: &str) {
    for each in text.lines() {
        line(format!("{indent}{each}"));
    }
}

/// Says something on stderr, cleaned, after `hireterm: `; a closed stderr
/// drops it.
pub fn warn(text: impl AsRef<str>) {
    let cleaned = text::clean(text.as_ref(), true);
    let _ = writeln!(std::io::stderr().lock(), "hireterm: {cleaned}");
}

/// An error and its causes, cleaned, on one line each; `None` when the
/// error is only that stdout was closed under the command (a reader such
/// as `head` had read enough), which is no error to the user.
pub fn describe_error(error: &color_eyre::eyre::Report) -> Option<String> {
    if error.chain().any(is_closed_pipe) {
        return None;
    }
    let mut lines = vec![text::clean(&error.to_string(), false)];
    for cause in error.chain().skip(1) {
        let cause = text::clean(&cause.to_string(), false);
        // Errors that quote their cause (`cannot use PATH: CAUSE`) need
        // not say it twice.
        if lines.iter().any(|line| line.contains(&cause)) {
            continue;
        }
        lines.push(format!("  caused by: {cause}"));
    }
    Some(lines.join("\n"))
}

/// A write into a pipe whose reader has gone. The only pipe the command
/// line writes is stdout (files and the database fail otherwise), and the
/// JSON and CSV writers wrap the I/O error in their own.
fn is_closed_pipe(cause: &(dyn std::error::Error + 'static)) -> bool {
    let kind = if let Some(io) = cause.downcast_ref::<std::io::Error>() {
        Some(io.kind())
    } else if let Some(json) = cause.downcast_ref::<serde_json::Error>() {
        json.io_error_kind()
    } else if let Some(csv) = cause.downcast_ref::<csv::Error>() {
        match csv.kind() {
            csv::ErrorKind::Io(io) => Some(io.kind()),
            _ => None,
        }
    } else {
        None
    };
    kind == Some(ErrorKind::BrokenPipe)
}
