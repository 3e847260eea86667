//! The core shared by the candidate and engagement forms: fields, focus,
//! text editing, completion from the catalog, and an error per field.
//! The forms themselves are `candidate.rs` and `engagement.rs`; saving
//! what they build is the app's (`app/commands/`).
//!
//! Keys: the form's own commands (tab, enter, ctrl-s, esc...) are the
//! `[form]` section of the keymap, the editing keys its `[text]` section;
//! both arrive here as actions ([`Form::handle`]).

pub mod candidate;
pub mod client;
pub mod engagement;
pub mod picks;
pub mod placement;
pub mod rules;

use super::action::Action;
use super::prompt::outcome::Outcome;
use super::text::TextInput;
use crate::domain::RateRange;
use crate::domain::problem::FieldProblem;
use picks::{Pick, Picks, Sources, Waiting};
use rules::Rule;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Why the last save was refused when no one field is to blame: the
    /// store said no, or the record check found a problem with no field.
    pub error: Option<String>,
    /// Set by an esc on a changed form: the next esc discards it, any
    /// other key keeps editing.
    pub discard_asked: bool,
    /// The fields as the form opened, to tell whether anything changed.
    opened: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: &'static str,
    /// The text typed: the value of a text field, the completion query of
    /// a picks field.
    pub input: TextInput,
    pub kind: Kind,
    /// Shown next to the field; saving is refused while any is set.
    pub error: Option<String>,
    /// Edited since the form opened: only such a field is checked as the
    /// focus leaves it, so that tabbing past an empty one does not scold.
    pub touched: bool,
    /// The text the form opened with: the record's own value is not judged
    /// again by the rules only typed values meet (see [`Rule::of_input`]).
    opened_as: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Text(Rule),
    /// One of a fixed list, changed with left and right.
    Choice {
        options: Vec<&'static str>,
        index: usize,
    },
    /// Catalog entries; `required` asks for at least one.
    Picks {
        picks: Picks,
        required: bool,
    },
}

impl Field {
    pub fn text(label: &'static str, rule: Rule, value: &str) -> Field {
        Field::with(label, Kind::Text(rule), value)
    }

    pub fn choice(label: &'static str, options: Vec<&'static str>, index: usize) -> Field {
        Field::with(label, Kind::Choice { options, index }, "")
    }

    pub fn picks(label: &'static str, picks: Picks, required: bool) -> Field {
        Field::with(label, Kind::Picks { picks, required }, "")
    }

    fn with(label: &'static str, kind: Kind, value: &str) -> Field {
        Field {
            label,
            input: TextInput::new(value),
            kind,
            error: None,
            touched: false,
            opened_as: value.to_string(),
        }
    }

    /// Sets `error` from the field's current content.
    pub fn validate(&mut self) {
        self.error = match &self.kind {
            Kind::Text(rule) if rule.of_input() && self.input.text() == self.opened_as => None,
            Kind::Text(rule) => rule.check(self.input.text()),
            Kind::Choice { .. } => None,
            Kind::Picks { picks, required } => {
                if !self.input.is_empty() {
                    Some(format!("“{}” is not picked yet", self.input.value()))
                } else if *required && picks.chosen.is_empty() {
                    Some("required".into())
                } else {
                    picks.problem()
                }
            }
        };
    }

    /// A choice takes left, right and space, and nothing else: true when
    /// the action went to one.
    fn choose(&mut self, action: Action) -> bool {
        let Kind::Choice { options, index } = &mut self.kind else {
            return false;
        };
        let count = options.len();
        match action {
            Action::CursorLeft => *index = (*index + count - 1) % count,
            Action::CursorRight | Action::Insert(' ') => *index = (*index + 1) % count,
            _ => {}
        }
        true
    }

    /// A picks field with nothing typed: a character answers the pick
    /// waiting for its level or priority, and deleting back drops the last
    /// pick. True when the action was used so.
    fn answer(&mut self, action: Action) -> bool {
        let Kind::Picks { picks, .. } = &mut self.kind else {
            return false;
        };
        if !self.input.is_empty() {
            return false;
        }
        match (action, picks.waiting()) {
            (Action::Insert(c), Some(_)) => self.error = picks.answer(c).err(),
            (Action::DeleteBack, _) => {
                picks.chosen.pop();
                self.error = None;
            }
            _ => return false,
        }
        true
    }

    /// Whether the field holds what `other` holds: the same text, choice
    /// and picks (the cursor, errors and matches aside).
    fn same_value(&self, other: &Field) -> bool {
        let same_kind = match (&self.kind, &other.kind) {
            (Kind::Choice { index: a, .. }, Kind::Choice { index: b, .. }) => a == b,
            (Kind::Picks { picks: a, .. }, Kind::Picks { picks: b, .. }) => a.chosen == b.chosen,
            (Kind::Text(_), Kind::Text(_)) => true,
            _ => false,
        };
        same_kind && self.input.text() == other.input.text()
    }

    /// The open completion list of a picks field.
    pub fn completion(&self) -> Option<&Picks> {
        match &self.kind {
            Kind::Picks { picks, .. } if picks.is_open() => Some(picks),
            _ => None,
        }
    }
}

impl Form {
    pub fn new(fields: Vec<Field>) -> Form {
        Form {
            opened: fields.clone(),
            fields,
            focus: 0,
            error: None,
            discard_asked: false,
        }
    }

    /// The form's own actions and the editing ones. Submit: save was asked
    /// for (the form built by the caller decides whether it can be). Esc
    /// first closes the matches (or drops a pick waiting for its level);
    /// then discards an unchanged form at once, and a changed one only
    /// when the esc before it asked: any other action keeps editing.
    pub fn handle(&mut self, action: Action, sources: &Sources) -> Outcome<()> {
        let asked = std::mem::take(&mut self.discard_asked);
        match action {
            Action::NextField => self.move_focus(1),
            Action::PrevField => self.move_focus(-1),
            Action::MatchUp => self.step(-1),
            Action::MatchDown => self.step(1),
            Action::Accept => self.accept(),
            Action::Save => return Outcome::Submit(()),
            Action::Cancel => return self.cancel(asked),
            edit => self.edit(edit, sources),
        }
        Outcome::Stay
    }

    fn cancel(&mut self, asked: bool) -> Outcome<()> {
        if self.close_completion() {
            return Outcome::Stay;
        }
        if asked || !self.is_changed() {
            return Outcome::Close;
        }
        self.discard_asked = true;
        Outcome::Stay
    }

    /// Whether any field holds something other than it did as the form
    /// opened (typing a letter and deleting it again is no change).
    pub fn is_changed(&self) -> bool {
        self.fields.len() != self.opened.len()
            || self
                .fields
                .iter()
                .zip(&self.opened)
                .any(|(now, then)| !now.same_value(then))
    }

    pub fn focused(&self) -> &Field {
        &self.fields[self.focus]
    }

    /// Moves the focus by `step` fields, checking the field it leaves if
    /// it was edited.
    pub fn move_focus(&mut self, step: isize) {
        let field = &mut self.fields[self.focus];
        if field.touched {
            field.validate();
        }
        if let Kind::Picks { picks, .. } = &mut field.kind {
            picks.matches.clear();
        }
        let count = self.fields.len() as isize;
        self.focus = (self.focus as isize + step).rem_euclid(count) as usize;
    }

    /// Enter: takes the highlighted completion, else goes to the next field.
    pub fn accept(&mut self) {
        let field = &mut self.fields[self.focus];
        match &mut field.kind {
            // What the pick waits for next shows as a hint, not an error.
            Kind::Picks { picks, .. } if picks.is_open() => {
                picks.take_highlighted();
                field.input.clear();
                field.error = None;
                field.touched = true;
            }
            _ => self.move_focus(1),
        }
    }

    /// Up and down: through the completions while they show, else through
    /// the fields.
    pub fn step(&mut self, step: isize) {
        match &mut self.fields[self.focus].kind {
            Kind::Picks { picks, .. } if picks.is_open() => picks.step(step),
            _ => self.move_focus(step),
        }
    }

    /// Esc's first use: closes the completion list (forgetting the text it
    /// was for), or drops the pick still waiting for its level. False when
    /// there was neither.
    pub fn close_completion(&mut self) -> bool {
        let field = &mut self.fields[self.focus];
        let Kind::Picks { picks, .. } = &mut field.kind else {
            return false;
        };
        if picks.is_open() || !field.input.is_empty() {
            picks.matches.clear();
            field.input.clear();
        } else if let Some(Waiting::Level(i) | Waiting::Priority(i)) = picks.waiting() {
            picks.chosen.remove(i);
        } else {
            return false;
        }
        field.error = None;
        true
    }

    /// An editing action in the field in focus. A field showing an error
    /// is checked again as it is edited, so the error goes as soon as it
    /// is mended.
    fn edit(&mut self, action: Action, sources: &Sources) {
        let field = &mut self.fields[self.focus];
        let had_error = field.error.is_some();
        field.touched = true;
        if field.choose(action) || field.answer(action) {
            return;
        }
        if field.input.apply(action) {
            self.after_edit(had_error, sources);
        }
    }

    /// Pasted text goes in at the cursor, cleaned.
    pub fn paste(&mut self, text: &str, sources: &Sources) {
        self.discard_asked = false;
        let field = &mut self.fields[self.focus];
        if matches!(field.kind, Kind::Choice { .. }) {
            return;
        }
        let had_error = field.error.is_some();
        field.touched = true;
        field.input.insert(text);
        self.after_edit(had_error, sources);
    }

    fn after_edit(&mut self, had_error: bool, sources: &Sources) {
        let field = &mut self.fields[self.focus];
        if let Kind::Picks { picks, .. } = &mut field.kind {
            picks.refresh(sources, field.input.text());
        }
        if had_error {
            field.validate();
        }
    }

    /// Checks every field (forgetting the last refusal); on failure, the
    /// focus goes to the first field in error.
    pub fn validate(&mut self) -> bool {
        self.error = None;
        for field in &mut self.fields {
            field.validate();
        }
        match self.fields.iter().position(|f| f.error.is_some()) {
            Some(first) => {
                self.focus = first;
                false
            }
            None => true,
        }
    }

    /// A text field's value, cleaned and trimmed.
    pub fn text(&self, index: usize) -> String {
        self.fields[index].input.value()
    }

    pub fn choice(&self, index: usize) -> usize {
        match self.fields[index].kind {
            Kind::Choice { index, .. } => index,
            _ => 0,
        }
    }

    pub fn picks(&self, index: usize) -> &[Pick] {
        match &self.fields[index].kind {
            Kind::Picks { picks, .. } => &picks.chosen,
            _ => &[],
        }
    }

    /// The range typed in field `range` with the currency of field
    /// `currency`, read (not judged: the record check does that):
    /// `Some(None)` when no range was typed, `None` (the currency field
    /// marked) when a range lacks its currency. Called once every field
    /// has passed its own check.
    pub fn rate(&mut self, range: usize, currency: usize, what: &str) -> Option<Option<RateRange>> {
        let Some((min, max)) = rules::parse_range(&self.text(range)).ok()? else {
            return Some(None);
        };
        let code = rules::parse_currency(&self.text(currency));
        if code.is_empty() {
            self.set_error(currency, format!("needed with a {what}"));
            return None;
        }
        Some(Some(RateRange {
            min,
            max,
            currency: code,
        }))
    }

    /// Shows the problems the domain found in the record the form built,
    /// each beside its field (`field_of` maps the record's field names to
    /// the form's), the rest in the footer; the focus goes to the first
    /// field marked. True when there were none.
    pub fn show_problems(
        &mut self,
        problems: Vec<FieldProblem>,
        field_of: impl Fn(&str) -> Option<usize>,
    ) -> bool {
        let mut first = None;
        let mut unplaced = Vec::new();
        for problem in problems {
            match field_of(problem.field) {
                Some(index) if index < self.fields.len() => {
                    let field = &mut self.fields[index];
                    field.error.get_or_insert(problem.message);
                    first = first.or(Some(index));
                }
                _ => unplaced.push(problem.message),
            }
        }
        self.focus = first.unwrap_or(self.focus);
        if !unplaced.is_empty() {
            self.error = Some(unplaced.join(" · "));
        }
        first.is_none() && unplaced.is_empty()
    }

    /// Marks a field as wrong after a check that needs several fields.
    pub fn set_error(&mut self, index: usize, message: impl Into<String>) {
        self.fields[index].error = Some(message.into());
        self.focus = index;
    }
}
