//! Engagements: choosing the one shown (the picker), and adding or
//! editing one (`A`, `E` on the pipeline pane).

use crate::app::App;
use crate::app::form::engagement::{EngagementForm, Starting};
use crate::app::overlay::Overlay;
use crate::app::prompt::picker::Picker;
use crate::domain::{Engagement, EngagementId};

impl App {
    /// `e`: the picker, its cursor on the engagement shown.
    pub(in crate::app) fn open_picker(&mut self) {
        if self.data.engagements().is_empty() {
            return self.complain("there are no engagements yet");
        }
        let picker = Picker::new("Engagement", self.data.engagements(), self.engagement);
        self.overlay = Some(Overlay::Picker(picker));
    }

    /// The picker's choice: that engagement's board.
    pub(in crate::app) fn picked_engagement(&mut self, id: EngagementId) {
        self.overlay = None;
        let pane = self.pane;
        self.show_engagement(id);
        // Choosing an engagement from another pane keeps that pane (the
        // matrix follows the engagement too).
        self.pane = pane;
        if let Some(title) = self.engagement().map(|e| e.title.clone()) {
            self.say(format!("engagement: {title}"));
        }
    }

    pub(in crate::app) fn open_engagement_form(&mut self, editing: Option<Engagement>) {
        let client = match &editing {
            Some(e) => Some(e.client),
            None => self.engagement().map(|e| e.client),
        };
        let agency = self.data.agency();
        let starting = Starting {
            owner: self.actor.clone(),
            client: client.map(|id| (id, agency.client_name(id))),
        };
        let form = EngagementForm::new(self.catalog, editing, starting);
        self.overlay = Some(Overlay::EngagementForm(Box::new(form)));
    }

    pub(in crate::app) fn edit_engagement_here(&mut self) {
        match self.engagement().cloned() {
            Some(engagement) => self.open_engagement_form(Some(engagement)),
            None => self.complain("no engagement chosen: press e to choose one"),
        }
    }

    /// The form built an engagement to save: on disk first, then on
    /// screen, its board shown.
    pub(in crate::app) fn save_engagement(&mut self, engagement: Engagement) {
        let Some(Overlay::EngagementForm(sheet)) = &self.overlay else {
            return;
        };
        let added = sheet.editing.is_none();
        let by = self.writer();
        let saved = match added {
            true => self.records.add_engagement(&by, engagement),
            false => self.records.update_engagement(&by, engagement),
        };
        match saved {
            Ok((stored, snapshot)) => {
                self.overlay = None;
                self.adopt(snapshot);
                let verb = if added { "added" } else { "saved" };
                self.say(format!("{verb} {} {}", stored.id, stored.title));
                if added || self.engagement != Some(stored.id) {
                    self.show_engagement(stored.id);
                }
                self.pane = crate::app::Pane::Pipeline;
            }
            Err(error) => self.form_refused(error.to_string()),
        }
    }
}
