//! Notes: what a hiring manager writes down about a candidate, or about
//! one of their applications.

use super::ids::{CandidateId, EngagementId, NoteId};
use super::text;
use super::time::{self, Timestamp};
use serde::{Deserialize, Serialize};

/// Longest note accepted, in characters.
pub const MAX_NOTE_CHARS: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: NoteId,
    pub candidate: CandidateId,
    /// Set when the note is about one application.
    pub engagement: Option<EngagementId>,
    #[serde(with = "time::millis")]
    pub at: Timestamp,
    pub author: String,
    /// Cleaned text; newlines kept.
    pub text: String,
}

/// The text a note is stored with: control characters removed (newlines
/// kept), trimmed; or why it cannot be stored.
pub fn note_text(raw: &str) -> Result<String, String> {
    let cleaned = text::clean(raw, true).trim().to_string();
    if cleaned.is_empty() {
        return Err("the note is empty".into());
    }
    let chars = cleaned.chars().count();
    if chars > MAX_NOTE_CHARS {
        return Err(format!(
            "the note is {chars} characters, more than {MAX_NOTE_CHARS}"
        ));
    }
    Ok(cleaned)
}
