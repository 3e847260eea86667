//! The Reports pane's keys: `h`/`l` change the report, `p` the period,
//! `s` the scope, `j`/`k` the row, and `enter` drills down to the
//! candidates behind a row (the row's filter on the candidates table).

use crate::app::list::Motion;
use crate::app::reports::scopes;
use crate::app::table_filter::ActiveFilter;
use crate::app::{Action, App, Pane};

impl App {
    pub(in crate::app) fn reports_update(&mut self, action: Action) {
        if let Some(motion) = Motion::from_action(action) {
            let rows = (self.reports.numbers()).map_or(0, |n| n.table.rows.len());
            return self.reports.cursor.apply(motion, rows, self.page_rows());
        }
        match action {
            Action::Right => self.reports.step_report(1),
            Action::Left => self.reports.step_report(-1),
            Action::NextPeriod => self.reports.step_period(1),
            Action::PrevPeriod => self.reports.step_period(-1),
            Action::NextScope => self.reports.step_scope(1, scopes(&self.data).len()),
            Action::PrevScope => self.reports.step_scope(-1, scopes(&self.data).len()),
            Action::Open => return self.drill_down(),
            _ => return,
        }
        self.refresh_reports();
    }

    /// The numbers again, for the state as it is (only while the pane
    /// shows: nobody else reads them).
    pub(in crate::app) fn refresh_reports(&mut self) {
        if self.pane != Pane::Reports {
            return;
        }
        let today = self.clock.now().date_naive();
        let page = self.page_rows();
        (self.reports).compute(&self.data, &self.policy, today, page);
    }

    /// The candidates behind the selected row, on the candidates table.
    fn drill_down(&mut self) {
        let Some(text) = self.reports.selected_filter().map(str::to_string) else {
            return self.complain("this row has no candidates to show".to_string());
        };
        let filter = match crate::filter::parse(&text, self.catalog) {
            Ok(filter) => filter,
            Err(error) => {
                self.pane = Pane::Candidates;
                self.open_filter_line(&text);
                return self.complain(format!("the row's filter: {error}"));
            }
        };
        self.candidates.detail = None;
        self.pane = Pane::Candidates;
        self.show_filter(Some(ActiveFilter::new(filter)));
        let summary = self.filtered_summary();
        self.say(format!("{text}: {summary}"));
    }
}
