//! The saved views a session can open and save (`[[views]]` of the
//! config file; the defaults without one). The app keeps the list; the
//! frontend that started it says how a saved view is written
//! ([`ViewSaver`]): `hireterm` writes the user's config file, `hireterm
//! serve` the server's, shared by the team. A view names its columns
//! with `ColumnKey`; the table's `Column` is made from one here.

use super::App;
use super::candidates::Column;
use crate::filter::{ColumnKey, View, put_view};
use std::sync::Arc;

/// Writes a view where views are kept; an error says why, in words.
pub type ViewSaver = Arc<dyn Fn(&View) -> Result<(), String> + Send + Sync>;

impl App {
    /// The views this session can open, by name.
    pub fn saved_views(&self) -> &[View] {
        &self.saved_views
    }

    /// Puts `view` among the saved views (in place of the one of its
    /// name) and writes it through the saver. The view stays in this
    /// session's list even when writing fails: the error says the file
    /// was not written. Without a saver (tests, benchmarks) the view
    /// lasts for the session.
    pub fn save_view(&mut self, view: View) -> Result<(), String> {
        put_view(&mut self.saved_views, view.clone());
        match &self.view_saver {
            Some(save) => save(&view),
            None => Ok(()),
        }
    }
}

impl From<ColumnKey> for Column {
    /// A saved view's column (`crate::filter::ColumnKey`) as the table's.
    fn from(key: ColumnKey) -> Column {
        match key {
            ColumnKey::Name => Column::Name,
            ColumnKey::Role => Column::Role,
            ColumnKey::Skills => Column::Skills,
            ColumnKey::Location => Column::Location,
            ColumnKey::Rate => Column::Rate,
            ColumnKey::Available => Column::Available,
            ColumnKey::Stage => Column::Stage,
        }
    }
}
