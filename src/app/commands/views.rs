//! Saved views in the app: `V` on the candidates table names the table
//! as it is (filter, sort, columns) and saves it; `:view NAME` in the
//! palette (or a view listed there) puts one back.

use crate::app::candidates::Column;
use crate::app::overlay::Overlay;
use crate::app::prompt::view_name::ViewNamePrompt;
use crate::app::table_filter::ActiveFilter;
use crate::app::{App, Pane};
use crate::filter::View;

impl App {
    /// `V`: the prompt naming a view of the table as it is now.
    pub(in crate::app) fn open_save_view(&mut self) {
        let table = &self.candidates;
        let view = View {
            name: String::new(),
            filter: table
                .filter
                .as_ref()
                .map_or(String::new(), |f| f.text.clone()),
            sort: table.sort.key(),
            descending: table.descending,
            columns: table.columns.iter().map(|c| c.key()).collect(),
        };
        self.overlay = Some(Overlay::SaveView(ViewNamePrompt::new(view)));
    }

    /// The view named: saved, or why not.
    pub(in crate::app) fn keep_view(&mut self, view: View) {
        self.overlay = None;
        let name = view.name.clone();
        match self.save_view(view) {
            Ok(()) => self.say(format!("view “{name}” saved: :view {name} reopens it")),
            Err(why) => self.complain(format!("the view was not saved: {why}")),
        }
    }

    /// A saved view's filter, sort and columns on the table. A filter
    /// that no longer reads (a skill gone from the catalog) opens in the
    /// filter line, its mistake pointed at.
    pub(in crate::app) fn apply_view(&mut self, name: &str) {
        let views = self.saved_views.iter();
        let Some(view) = views.into_iter().find(|v| v.name == name).cloned() else {
            return self.complain(format!("no view is named “{name}”"));
        };
        let filter = match crate::filter::parse(&view.filter, self.catalog) {
            Ok(filter) => filter,
            Err(error) => {
                self.open_filter_line(&view.filter);
                return self.complain(format!("view “{name}”: {error}"));
            }
        };
        let table = &mut self.candidates;
        table.sort = Column::from_key(view.sort);
        table.descending = view.descending;
        table.columns = view.columns.iter().map(|k| Column::from_key(*k)).collect();
        table.detail = None;
        self.pane = Pane::Candidates;
        self.show_filter(Some(ActiveFilter::new(filter)));
        let summary = self.filtered_summary();
        self.say(format!("view “{name}”: {summary}"));
    }
}
