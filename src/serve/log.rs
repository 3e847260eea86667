//! The server's log: one line per event, with the time, on stderr.
//!
//! It names users, key fingerprints, addresses, durations and how sessions
//! ended, and never anything read from the database: an operator's log
//! must not become a copy of the candidates.

use std::fmt::Display;
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone)]
pub struct Log {
    sink: Arc<Mutex<Box<dyn Write + Send>>>,
}

impl Log {
    pub fn stderr() -> Log {
        Log::to(std::io::stderr())
    }

    /// A log into any writer (a test collects the lines in memory).
    pub fn to(writer: impl Write + Send + 'static) -> Log {
        Log {
            sink: Arc::new(Mutex::new(Box::new(writer))),
        }
    }

    /// Writes one line, flushed at once so that a crash loses nothing.
    pub fn line(&self, text: impl Display) {
        let stamp = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ");
        let mut sink = self
            .sink
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // A log that cannot be written must not take a session down.
        let _ = writeln!(sink, "{stamp} hireterm serve: {text}");
        let _ = sink.flush();
    }
}

/// Text that came from the network (a login name), fit for one log line:
/// quoted, control characters escaped, at most 64 characters.
pub fn quoted(text: &str) -> String {
    let short: String = text.chars().take(64).collect();
    format!("{short:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_text_cannot_forge_log_lines() {
        assert_eq!(quoted("ana\nFAKE LINE"), r#""ana\nFAKE LINE""#);
        assert_eq!(quoted(&"x".repeat(100)).len(), 66);
    }
}
