//! Handing the terminal to `$EDITOR` for a note, and taking it back.
//!
//! The input thread must not read the keys meant for the editor, so it
//! stands aside behind an [`InputGate`] while the editor runs.

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::{event, execute, terminal};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// Pauses the input thread while another program owns the terminal.
#[derive(Default)]
pub struct InputGate {
    /// (paused, the reader has stopped reading)
    state: Mutex<(bool, bool)>,
    changed: Condvar,
}

impl InputGate {
    fn lock(&self) -> std::sync::MutexGuard<'_, (bool, bool)> {
        self.state
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }

    pub fn is_paused(&self) -> bool {
        self.lock().0
    }

    /// Called by the reader between reads: waits while paused.
    pub fn stand_aside_while_paused(&self) {
        let mut state = self.lock();
        while state.0 {
            state.1 = true;
            self.changed.notify_all();
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(|poison| poison.into_inner());
        }
        state.1 = false;
    }

    /// Pauses the reader and waits (briefly) until it has stopped.
    fn pause(&self) {
        let mut state = self.lock();
        state.0 = true;
        let deadline = Duration::from_millis(500);
        while !state.1 {
            let (next, timeout) = self
                .changed
                .wait_timeout(state, deadline)
                .unwrap_or_else(|poison| poison.into_inner());
            state = next;
            if timeout.timed_out() {
                break;
            }
        }
    }

    fn resume(&self) {
        let mut state = self.lock();
        state.0 = false;
        self.changed.notify_all();
    }
}

pub struct ExternalEditor {
    command: String,
    gate: Arc<InputGate>,
}

impl ExternalEditor {
    /// `$VISUAL`, else `$EDITOR`, when set.
    pub fn from_env() -> Option<ExternalEditor> {
        let command = std::env::var("VISUAL")
            .ok()
            .or_else(|| std::env::var("EDITOR").ok())
            .filter(|c| !c.trim().is_empty())?;
        Some(ExternalEditor {
            command,
            gate: Arc::default(),
        })
    }

    pub fn gate(&self) -> Arc<InputGate> {
        Arc::clone(&self.gate)
    }

    /// Suspends the screen, runs the editor on a scratch file, restores
    /// the screen, and returns what was written (`None` if it failed).
    pub fn edit<B: Backend>(&self, screen: &mut Terminal<B>) -> Option<String> {
        let file = tempfile::Builder::new()
            .prefix("hireterm-note-")
            .suffix(".md")
            .tempfile()
            .ok()?;
        self.gate.pause();
        let _ = execute!(std::io::stdout(), event::DisableBracketedPaste);
        let _ = ratatui::try_restore();
        // `sh -c` so that "code --wait" and the like work as they do in a shell.
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("{} \"$1\"", self.command))
            .arg("sh")
            .arg(file.path())
            .status();
        let _ = terminal::enable_raw_mode();
        let _ = execute!(
            std::io::stdout(),
            terminal::EnterAlternateScreen,
            event::EnableBracketedPaste
        );
        let _ = screen.clear();
        self.gate.resume();
        match status {
            Ok(status) if status.success() => std::fs::read_to_string(file.path()).ok(),
            _ => None,
        }
    }
}
