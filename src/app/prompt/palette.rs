//! The search palette: a query typed over any pane and the ranked hits
//! of every kind, after the saved views the query names. A query starting
//! with `:` is a command (`commands.rs`): this is the command line too
//! (`:` opens it so), where Tab completes through the commands listed and
//! Up and Down go through the commands run before. Typing only edits the
//! query and marks the hits stale; `App::settle` runs the search once per
//! frame, so keys typed ahead coalesce into one search and a stale one is
//! never run.

use super::commands::{Entry, is_command};
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
    /// The commands run before, oldest first, and which one Up shows.
    pub history: Vec<String>,
    pub history_at: Option<usize>,
    /// The entry Tab last put in the query (the list stays as it was).
    pub completing: Option<usize>,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            query: TextInput::limited(MAX_QUERY_CHARS),
            cursor: ListCursor::default(),
            entries: Vec::new(),
            hits: Vec::new(),
            stale: true,
            history: Vec::new(),
            history_at: None,
            completing: None,
        }
    }
}

impl Palette {
    /// The command line: the palette holding `:`, with the commands run
    /// before for Up.
    pub fn command_line(history: Vec<String>) -> Palette {
        let mut palette = Palette {
            history,
            ..Palette::default()
        };
        palette.query.insert(":");
        palette
    }

    /// Enter submits: the app brings the hits up to date, then acts on
    /// [`Palette::selected`].
    pub fn handle(&mut self, action: Action, page: usize) -> Outcome<()> {
        let command = is_command(self.query.text());
        match action {
            Action::Up | Action::Down if command && !self.history.is_empty() => {
                self.recall(action == Action::Up)
            }
            Action::Complete | Action::CompleteBack if command => {
                self.complete(action == Action::Complete)
            }
            Action::Complete => self.move_cursor(Motion::Down, page),
            Action::CompleteBack => self.move_cursor(Motion::Up, page),
            Action::Open => return Outcome::Submit(()),
            Action::Cancel => return Outcome::Close,
            action => match Motion::from_action(action) {
                Some(motion) => self.move_cursor(motion, page),
                None => {
                    if self.query.apply(action) {
                        self.edited();
                    }
                }
            },
        }
        Outcome::Stay
    }

    fn move_cursor(&mut self, motion: Motion, page: usize) {
        let rows = self.entries.len() + self.hits.len();
        self.cursor.apply(motion, rows, page);
    }

    fn edited(&mut self) {
        self.stale = true;
        self.completing = None;
    }

    fn set_query(&mut self, text: &str) {
        self.query.clear();
        self.query.insert(text);
    }

    /// Tab: the next command listed, put in the query (Shift-Tab, the one
    /// before); the list stays, so Tab again goes on through it.
    fn complete(&mut self, forward: bool) {
        let count = self.entries.len();
        if count == 0 {
            return;
        }
        let at = match (self.completing, forward) {
            (None, true) => self.cursor.selected.min(count - 1),
            (None, false) => count - 1,
            (Some(at), true) => (at + 1) % count,
            (Some(at), false) => (at + count - 1) % count,
        };
        let text = self.entries[at].completion();
        self.set_query(&text);
        self.completing = Some(at);
        self.cursor.selected = at;
    }

    /// Up: the command run before the one shown (the last, first); Down:
    /// the one after, and past the last an empty line again.
    fn recall(&mut self, back: bool) {
        let last = self.history.len() - 1;
        self.history_at = match (self.history_at, back) {
            (None, true) => Some(last),
            (None, false) => None,
            (Some(at), true) => Some(at.saturating_sub(1)),
            (Some(at), false) if at < last => Some(at + 1),
            (Some(_), false) => None,
        };
        let text = self
            .history_at
            .map_or(":".to_string(), |at| self.history[at].clone());
        self.set_query(&text);
        self.edited();
    }

    /// Pasted text goes into the query.
    pub fn paste(&mut self, text: &str) {
        self.query.insert(text);
        self.edited();
    }

    /// Takes the rows for the current query.
    pub fn found(&mut self, entries: Vec<Entry>, hits: Vec<Hit>) {
        self.entries = entries;
        self.hits = hits;
        self.cursor = ListCursor::default();
        self.stale = false;
        self.completing = None;
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
