//! Everything printed outside the TUI passes through here, so that stored
//! text can never carry an escape sequence to the user's terminal.

use crate::domain::text;
use std::io::Write;

/// Prints one line of stored or user-supplied text, cleaned. A closed pipe
/// (`hireterm stats | head`) is not an error worth a panic.
pub fn line(text: impl AsRef<str>) {
    let _ = writeln!(
        std::io::stdout().lock(),
        "{}",
        text::clean(text.as_ref(), false)
    );
}

/// Prints text of several lines (a profile, notes), each cleaned and
/// started with `indent`.
pub fn lines(text: &str, indent: &str) {
    for each in text.lines() {
        line(format!("{indent}{each}"));
    }
}

/// An error and its causes, cleaned, on one line each.
pub fn describe_error(error: &color_eyre::eyre::Report) -> String {
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
    lines.join("\n")
}
