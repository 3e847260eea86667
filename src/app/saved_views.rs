//! The saved views this session knows: the defaults, and those saved
//! from the app. A stand-in until `AppOptions.views` and the config
//! file's `[[views]]` (the command line's side) hand them in and keep
//! them: here a saved view lasts as long as the session.

use super::App;
use crate::filter::View;

impl App {
    /// Every saved view, in the order they were saved.
    pub fn saved_views(&self) -> &[View] {
        &self.saved_views
    }

    /// Keeps `view`, in place of one of the same name (ignoring case).
    pub fn save_view(&mut self, view: View) -> Result<(), String> {
        let same = |v: &&mut View| v.name.eq_ignore_ascii_case(&view.name);
        match self.saved_views.iter_mut().find(same) {
            Some(old) => *old = view,
            None => self.saved_views.push(view),
        }
        Ok(())
    }

    /// The app with these views instead of the defaults (a new session
    /// over views saved by an earlier one).
    pub fn with_saved_views(mut self, views: Vec<View>) -> App {
        self.saved_views = views;
        self
    }
}
