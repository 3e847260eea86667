//! The search palette: a query typed over any pane and the ranked hits
//! of every kind, after the saved views the query names (a query starting
//! with `:` is a command: `commands.rs`). Typing only edits the query and
//! marks the hits stale; `App::settle` runs the search once per frame, so
//! keys typed ahead coalesce into one search and a stale one is never run.

use super::commands::Entry;
use super::outcome::Outcome;
use crate::app::action::Action;
use crate::app::list::{ListCursor, Motion};
use crate::app::text::TextInput;
use crate::search::Hit;

/// Hits kept for the list; the screen shows what fits.
pub const MAX_HITS: usize = 50;
const MAX_QUERY_CHARS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    pub query: TextInput,
    pub cursor: ListCursor,
    /// Views and commands, listed before the hits.
    pub entries: Vec<Entry>,
    pub hits: Vec<Hit>,
    /// The query changed since `hits` were found.
    pub stale: bool,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            query: TextInput::limited(MAX_QUERY_CHARS),
            cursor: ListCursor::default(),
            entries: Vec::new(),
            hits: Vec::new(),
            stale: true,
        }
    }
}

impl Palette {
    /// Enter submits: the app brings the hits up to date, then acts on
    /// [`Palette::selected`].
    pub fn handle(&mut self, action: Action, page: usize) -> Outcome<()> {
        if let Some(motion) = Motion::from_action(action) {
            let rows = self.entries.len() + self.hits.len();
            self.cursor.apply(motion, rows, page);
            return Outcome::Stay;
        }
        match action {
            Action::Open => Outcome::Submit(()),
            Action::Cancel => Outcome::Close,
            edit => {
                if self.query.apply(edit) {
                    self.stale = true;
                }
                Outcome::Stay
            }
        }
    }

    /// Pasted text goes into the query.
    pub fn paste(&mut self, text: &str) {
        self.query.insert(text);
        self.stale = true;
    }

    /// Takes the rows for the current query.
    pub fn found(&mut self, entries: Vec<Entry>, hits: Vec<Hit>) {
        self.entries = entries;
        self.hits = hits;
        self.cursor = ListCursor::default();
        self.stale = false;
    }

    /// The search hit under the cursor (none on a view or command).
    pub fn selected(&self) -> Option<&Hit> {
        let at = self.cursor.selected.checked_sub(self.entries.len())?;
        self.hits.get(at)
    }

    /// The view or command under the cursor.
    pub fn selected_entry(&self) -> Option<&Entry> {
        self.entries.get(self.cursor.selected)
    }
}
