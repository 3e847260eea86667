//! The filter line: `f` on the candidates table (or `:filter TEXT` in the
//! palette) opens it; each keystroke that makes a new filter shows its
//! rows at once; Enter keeps it, Esc goes back to the filter there was.

use crate::app::overlay::Overlay;
use crate::app::prompt::filter::{FilterEnd, FilterLine};
use crate::app::table_filter::{ActiveFilter, count_of};
use crate::app::{App, Pane};
use crate::filter::Filter;

impl App {
    /// Opens the filter line over the table, holding `text`, else the
    /// current filter's text (to refine it).
    pub(in crate::app) fn open_filter_line(&mut self, text: &str) {
        let previous = self.candidates.filter.clone();
        let text = match (text.trim(), &previous) {
            ("", Some(filter)) => filter.text.clone(),
            (text, _) => text.to_string(),
        };
        self.candidates.detail = None;
        self.pane = Pane::Candidates;
        let line = FilterLine::new(&text, previous, self.catalog);
        self.overlay = Some(Overlay::Filter(Box::new(line)));
        self.take_filter_change();
    }

    /// A new filter typed in the line, on the table at once (the order a
    /// palette filter brought kept while the filter still asks for it).
    pub(in crate::app) fn take_filter_change(&mut self) {
        let Some(Overlay::Filter(line)) = &mut self.overlay else {
            return;
        };
        if let Some(filter) = line.take_change() {
            self.show_typed(filter);
        }
    }

    fn show_typed(&mut self, filter: Filter) {
        let ranking = self
            .candidates
            .filter
            .as_ref()
            .and_then(|f| f.ranking.clone());
        self.show_filter(Some(ActiveFilter::new(filter).ranked(ranking)));
    }

    /// The line closed: Enter keeps its filter, Esc restores the one there
    /// was.
    pub(in crate::app) fn end_filter_line(&mut self, end: FilterEnd) {
        self.overlay = None;
        match end {
            FilterEnd::Keep(filter) => {
                let shown = self.candidates.filter.as_ref().map(|f| &f.filter);
                if shown.unwrap_or(&Filter::default()) != &filter {
                    self.show_typed(filter);
                }
                self.say_filtered();
            }
            FilterEnd::Restore(previous) => {
                self.show_filter(previous);
                self.say("filter unchanged");
            }
        }
    }

    /// Says what the table shows now.
    pub(in crate::app) fn say_filtered(&mut self) {
        let summary = self.filtered_summary();
        self.say(summary);
    }

    /// "37 of 3,000 candidates: role:devops rate<=80".
    pub(in crate::app) fn filtered_summary(&self) -> String {
        let total = self.data.candidates().len();
        match &self.candidates.filter {
            None => "no filter: every candidate".to_string(),
            Some(filter) => {
                let count = count_of(self.candidates.order.len(), total);
                format!("{count} candidates: {}", filter.text)
            }
        }
    }
}
