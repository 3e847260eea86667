//! End to end: `y` on a candidate makes the real binary write OSC 52 with
//! that candidate's email to its terminal, read from the pane's raw
//! output (tmux `pipe-pane`), through the writer that draws the frames.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod tmux;

use std::time::Instant;
use tmux::*;

/// OSC 52 as a terminal reads it: set the clipboard to `text`.
fn osc52(text: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::from("\x1b]52;c;");
    for chunk in text.as_bytes().chunks(3) {
        let n = chunk.iter().fold(0u32, |n, b| n << 8 | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            out.push(match i <= chunk.len() {
                true => char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]),
                false => '=',
            });
        }
    }
    out.push('\x07');
    out
}

#[test]
fn y_on_a_candidate_writes_osc_52_with_the_email_to_the_terminal() {
    if !have_tmux() {
        return;
    }
    let app = Session::start(120, 40);
    app.wait_until_up();
    let raw = tempfile::NamedTempFile::new().unwrap();
    let pipe = format!("cat >> {}", shell_quote(raw.path().as_os_str()));
    app.tmux_ok(&["pipe-pane", "-o", "-t", SESSION, &pipe]);

    // The detail shows the email of the candidate under the cursor.
    app.press("Enter");
    let detail = app.wait_for_text("Contact");
    let email = detail
        .lines()
        .find_map(|l| l.split("Contact").nth(1))
        .and_then(|rest| rest.split_whitespace().find(|w| w.contains('@')))
        .unwrap_or_else(|| panic!("no email on screen:\n{detail}"))
        .to_string();
    app.type_text("y");
    app.wait_for_text(&format!("copied {email}"));

    let wanted = osc52(&email);
    let deadline = Instant::now() + WAIT;
    loop {
        let bytes = std::fs::read(raw.path()).unwrap();
        if String::from_utf8_lossy(&bytes).contains(&wanted) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no {wanted:?} in the pane's output: {:?}",
            String::from_utf8_lossy(&bytes)
        );
        std::thread::sleep(POLL);
    }
    app.quit();
}
