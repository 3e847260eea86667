//! Choosing which of a candidate's notes to delete (`N` in the detail):
//! their notes, newest first, each as one line; arrows choose, Enter
//! takes one (a yes-or-no question follows), Esc leaves.

use super::outcome::Outcome;
use crate::app::action::Action;
use crate::domain::text::clean_line;
use crate::domain::{CandidateId, Note};

/// Characters of a note's text shown on its line.
const SHOWN_CHARS: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteChoice {
    pub candidate: CandidateId,
    pub name: String,
    /// Newest first.
    pub notes: Vec<Note>,
    pub selected: usize,
}

impl NoteChoice {
    /// The choice among `notes` (oldest first, as stored).
    pub fn new(candidate: CandidateId, name: String, notes: &[Note]) -> NoteChoice {
        NoteChoice {
            candidate,
            name,
            notes: notes.iter().rev().cloned().collect(),
            selected: 0,
        }
    }

    pub fn handle(&mut self, action: Action) -> Outcome<Note> {
        let last = self.notes.len().saturating_sub(1);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::Cancel => return Outcome::Close,
            Action::Confirm => {
                return match self.notes.get(self.selected) {
                    Some(note) => Outcome::Submit(note.clone()),
                    None => Outcome::Close,
                };
            }
            _ => {}
        }
        Outcome::Stay
    }
}

/// `N5 2026-05-01 ana on E3: Strong on Kubernetes; asks…`: which note,
/// in a line (its text cleaned of line breaks and cut short).
pub fn describe(note: &Note) -> String {
    format!("{} {}", note.id, summary(note))
}

/// [`describe`] without the id.
pub fn summary(note: &Note) -> String {
    let on = note
        .engagement
        .map_or(String::new(), |e| format!(" on {e}"));
    let text = clean_line(&note.text.replace('\n', " "));
    let mut shown: String = text.chars().take(SHOWN_CHARS).collect();
    if shown.len() < text.len() {
        shown.push('…');
    }
    format!(
        "{} {}{on}: {shown}",
        note.at.format("%Y-%m-%d"),
        clean_line(&note.author)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{EngagementId, NoteId};

    fn note(id: u64, text: &str) -> Note {
        Note {
            id: NoteId(id),
            candidate: CandidateId(1),
            engagement: (id == 2).then_some(EngagementId(3)),
            at: chrono::DateTime::from_timestamp(1_780_000_000, 0).unwrap_or_default(),
            author: "ana".into(),
            text: text.into(),
        }
    }

    #[test]
    fn the_newest_note_comes_first_and_enter_takes_the_one_chosen() {
        let notes = [note(1, "first"), note(2, "second\nline")];
        let mut choice = NoteChoice::new(CandidateId(1), "Ana".into(), &notes);
        assert_eq!(
            describe(&choice.notes[0]),
            "N2 2026-05-28 ana on E3: second line"
        );
        assert_eq!(choice.handle(Action::Down), Outcome::Stay);
        assert_eq!(choice.handle(Action::Down), Outcome::Stay);
        assert_eq!(
            choice.handle(Action::Confirm),
            Outcome::Submit(notes[0].clone())
        );
        assert_eq!(choice.handle(Action::Cancel), Outcome::Close);
    }

    #[test]
    fn a_long_note_is_cut_short() {
        let long = "word ".repeat(40);
        assert!(describe(&note(1, &long)).ends_with('…'));
    }
}
