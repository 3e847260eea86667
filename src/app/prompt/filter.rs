//! The filter line: a filter typed over the candidates table, parsed at
//! every keystroke. What it says is either the filter (the app shows its
//! rows at once: [`FilterLine::take_change`]) or what is wrong with it,
//! pointed at. Tab completes fields and values; Enter keeps the filter,
//! Esc goes back to the one there was.

use super::complete::{Completion, Vocabulary, complete};
use super::outcome::Outcome;
use crate::app::action::Action;
use crate::app::table_filter::ActiveFilter;
use crate::app::text::TextInput;
use crate::catalog::Catalog;
use crate::filter::{Filter, ParseError, parse};

/// Longest filter typed.
const MAX_FILTER: usize = 1000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterLine {
    pub text: TextInput,
    /// What the text says.
    pub parsed: Result<Filter, ParseError>,
    /// Choices for the part under the cursor, while Tab goes through them.
    pub completion: Option<Completion>,
    /// The filter the table showed when the line opened, for Esc.
    pub previous: Option<ActiveFilter>,
    /// The filter the table was last given from here.
    shown: Filter,
}

/// How the line was left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterEnd {
    /// Enter: this filter stays (empty: none).
    Keep(Filter),
    /// Esc: back to the filter there was.
    Restore(Option<ActiveFilter>),
}

impl FilterLine {
    /// The line holding `text`, over a table showing `previous`.
    pub fn new(text: &str, previous: Option<ActiveFilter>, catalog: &Catalog) -> FilterLine {
        let mut text_input = TextInput::limited(MAX_FILTER);
        text_input.insert(text);
        let shown = previous
            .as_ref()
            .map(|f| f.filter.clone())
            .unwrap_or_default();
        FilterLine {
            parsed: parse(text_input.text(), catalog),
            text: text_input,
            completion: None,
            previous,
            shown,
        }
    }

    pub fn handle(&mut self, action: Action, vocabulary: &dyn Vocabulary) -> Outcome<FilterEnd> {
        match action {
            Action::Complete => self.step_completion(1, vocabulary),
            Action::CompleteBack => self.step_completion(-1, vocabulary),
            Action::Cancel if self.completion.is_some() => self.completion = None,
            Action::Cancel => return Outcome::Submit(FilterEnd::Restore(self.previous.take())),
            Action::Confirm => {
                return match &self.parsed {
                    Ok(filter) => Outcome::Submit(FilterEnd::Keep(filter.clone())),
                    Err(error) => Outcome::Refuse(error.to_string()),
                };
            }
            edit => {
                if self.text.apply(edit) {
                    self.completion = None;
                    self.reparse(vocabulary.catalog());
                }
            }
        }
        Outcome::Stay
    }

    /// Pasted text goes in at the cursor.
    pub fn paste(&mut self, text: &str, catalog: &Catalog) {
        self.text.insert(text);
        self.completion = None;
        self.reparse(catalog);
    }

    /// The filter the text says now, once, if the table has not been
    /// given it yet.
    pub fn take_change(&mut self) -> Option<Filter> {
        let filter = self.parsed.as_ref().ok()?;
        if *filter == self.shown {
            return None;
        }
        self.shown = filter.clone();
        Some(filter.clone())
    }

    fn reparse(&mut self, catalog: &Catalog) {
        self.parsed = parse(self.text.text(), catalog);
    }

    /// Tab: the choices for the part under the cursor, the first put in;
    /// again, the next (`step` -1: the one before). A single choice is
    /// simply put in.
    fn step_completion(&mut self, step: isize, vocabulary: &dyn Vocabulary) {
        let completion = match self.completion.take() {
            Some(mut open) => {
                let count = open.choices.len() as isize;
                open.selected = (open.selected as isize + step).rem_euclid(count) as usize;
                open
            }
            None => match complete(self.text.text(), self.text.cursor_byte(), vocabulary) {
                Some(found) => found,
                None => return,
            },
        };
        let choice = &completion.choices[completion.selected];
        let taken = self.text.replace(completion.span.clone(), &choice.text);
        let span = completion.span.start..completion.span.start + taken;
        if completion.choices.len() > 1 {
            self.completion = Some(Completion { span, ..completion });
        }
        self.reparse(vocabulary.catalog());
    }
}
