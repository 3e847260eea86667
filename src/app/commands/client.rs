//! Clients: `C` on the pipeline pane adds one, `K` edits the client of the
//! engagement shown (its contacts, to whom profiles are submitted).

use crate::app::App;
use crate::app::form::client::ClientForm;
use crate::app::overlay::Overlay;
use crate::domain::Client;

impl App {
    pub(in crate::app) fn open_client_form(&mut self, edit: bool) {
        let editing = match edit {
            false => None,
            true => {
                let client = self
                    .engagement()
                    .and_then(|e| self.data.agency().client(e.client));
                match client.cloned() {
                    Some(client) => Some(client),
                    None => return self.complain("no engagement chosen: press e to choose one"),
                }
            }
        };
        self.overlay = Some(Overlay::ClientForm(Box::new(ClientForm::new(editing))));
    }

    /// The form saved: on disk first, then on screen.
    pub(in crate::app) fn save_client(&mut self, client: Client) {
        let Some(Overlay::ClientForm(sheet)) = &self.overlay else {
            return;
        };
        let by = self.writer();
        let saved = match sheet.editing.is_some() {
            false => self.records.add_client(&by, client),
            true => self.records.update_client(&by, client),
        };
        match saved {
            Ok((stored, snapshot)) => {
                self.overlay = None;
                self.adopt(snapshot);
                self.say(format!("saved client {} ({})", stored.name, stored.id));
            }
            Err(error) => self.form_refused(error.to_string()),
        }
    }
}
