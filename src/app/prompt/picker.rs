//! The engagement picker: every engagement, filtered as you type (its id,
//! title, client, status), arrows to choose, Enter to take one. Open
//! engagements come first, then those on hold, filled and cancelled, each
//! group apart ([`group_of`]).

use super::outcome::Outcome;
use crate::app::action::Action;
use crate::app::list::{ListCursor, Motion};
use crate::app::text::TextInput;
use crate::domain::text::fold;
use crate::domain::{Engagement, EngagementId, EngagementStatus};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

const MAX_QUERY: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// What the choice is for, shown in the title ("Engagement").
    pub title: String,
    pub query: TextInput,
    /// The engagements that match the query, by group (open first), best
    /// first within each (in id order when nothing is typed).
    pub shown: Vec<EngagementId>,
    pub cursor: ListCursor,
}

impl Picker {
    /// A picker over `engagements` with the cursor on `current`.
    pub fn new(title: &str, engagements: &[Engagement], current: Option<EngagementId>) -> Picker {
        let mut picker = Picker {
            title: title.to_string(),
            query: TextInput::limited(MAX_QUERY),
            shown: Vec::new(),
            cursor: ListCursor::default(),
        };
        picker.refilter(engagements);
        let at = current.and_then(|id| picker.shown.iter().position(|e| *e == id));
        picker.cursor.selected = at.unwrap_or(0);
        picker
    }

    /// The engagement under the cursor.
    pub fn selected(&self) -> Option<EngagementId> {
        self.shown.get(self.cursor.selected).copied()
    }

    pub fn handle(
        &mut self,
        action: Action,
        engagements: &[Engagement],
        page: usize,
    ) -> Outcome<EngagementId> {
        if let Some(motion) = Motion::from_action(action) {
            self.cursor.apply(motion, self.shown.len(), page);
            return Outcome::Stay;
        }
        match action {
            Action::Open => match self.selected() {
                Some(id) => Outcome::Submit(id),
                None => Outcome::Refuse("no engagement matches".into()),
            },
            Action::Cancel => Outcome::Close,
            edit if self.query.apply(edit) => {
                self.refilter(engagements);
                self.cursor = ListCursor::default();
                Outcome::Stay
            }
            _ => Outcome::Stay,
        }
    }

    /// Pasted text goes into the query.
    pub fn paste(&mut self, text: &str, engagements: &[Engagement]) {
        self.query.insert(text);
        self.refilter(engagements);
        self.cursor = ListCursor::default();
    }

    fn refilter(&mut self, engagements: &[Engagement]) {
        let query = fold(self.query.text().trim());
        let matcher = SkimMatcherV2::default();
        let words: Vec<&str> = query.split_whitespace().collect();
        // Every word must match, in any order ("acme devops").
        let score = |text: &str| -> Option<i64> {
            words.iter().map(|w| matcher.fuzzy_match(text, w)).sum()
        };
        let mut scored: Vec<(usize, i64, EngagementId)> = engagements
            .iter()
            .filter_map(|e| Some((group_of(e.status), score(&searchable(e))?, e.id)))
            .collect();
        scored.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        self.shown = scored.into_iter().map(|(_, _, id)| id).collect();
    }
}

/// The order of the picker's groups: open, on hold, filled, cancelled.
pub fn group_of(status: EngagementStatus) -> usize {
    match status {
        EngagementStatus::Open => 0,
        EngagementStatus::OnHold => 1,
        EngagementStatus::Filled => 2,
        EngagementStatus::Cancelled => 3,
    }
}

/// `e3 2 devops developers acme open`, folded for matching.
fn searchable(e: &Engagement) -> String {
    fold(&format!(
        "{} {} {} {}",
        e.id,
        e.title,
        e.client,
        e.status.label()
    ))
}
