//! The local terminal's writer: a frame's bytes gathered in memory and
//! written with one system call when the frame is done.
//!
//! crossterm writes a frame in pieces (a cursor move, a style, a few
//! characters, another move...). Through `Stdout` each piece takes its
//! lock and looks for a newline; gathered in a `Vec`, a piece is a copy.
//! And a frame larger than `Stdout`'s 1 KiB buffer left in several writes,
//! which a terminal may draw one by one: here it leaves whole.

use std::io::{Stdout, Write};

pub struct FrameOut {
    out: Stdout,
    pending: Vec<u8>,
}

impl FrameOut {
    pub fn new() -> FrameOut {
        FrameOut {
            out: std::io::stdout(),
            pending: Vec::with_capacity(16 * 1024),
        }
    }
}

impl Default for FrameOut {
    fn default() -> FrameOut {
        FrameOut::new()
    }
}

impl Write for FrameOut {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.pending.extend_from_slice(bytes);
        Ok(())
    }

    /// Everything gathered, in one write. What could not be written is
    /// dropped with the error: a frame is sent whole or not at all, and
    /// the next one does not repeat a half of this one.
    fn flush(&mut self) -> std::io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let mut out = self.out.lock();
        let sent = out.write_all(&self.pending).and_then(|()| out.flush());
        self.pending.clear();
        sent
    }
}

impl Drop for FrameOut {
    /// What was gathered still goes out (the cursor shown at the end).
    fn drop(&mut self) {
        let _ = self.flush();
    }
}
