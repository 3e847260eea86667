//! The client form: `C` on the pipeline pane adds a client, `K` edits the
//! client of the engagement shown. Contacts are one line in the list
//! notation: `Jane Roe <jane@acme.com> +1 555 0100; Li Wei <li@acme.cn>`.

use super::picks::Sources;
use super::rules::{self, Rule};
use super::{Field, Form};
use crate::app::action::Action;
use crate::app::prompt::outcome::Outcome;
use crate::domain::{Client, ClientId, Timestamp};

pub const NAME: usize = 0;
pub const CONTACTS: usize = 1;
pub const NOTES: usize = 2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientForm {
    pub form: Form,
    /// The client as it was when the edit began; `None` for a new one.
    pub editing: Option<Client>,
}

impl ClientForm {
    pub fn new(editing: Option<Client>) -> ClientForm {
        let c = editing.as_ref();
        let fields = vec![
            Field::text("Name", Rule::Required, c.map_or("", |c| &c.name)),
            Field::text(
                "Contacts",
                Rule::Contacts,
                &c.map_or(String::new(), |c| rules::format_contacts(&c.contacts)),
            ),
            Field::text("Notes", Rule::Optional, c.map_or("", |c| &c.notes)),
        ];
        ClientForm {
            form: Form::new(fields),
            editing,
        }
    }

    /// Submit: the client to save, built and checked.
    pub fn handle(&mut self, action: Action, sources: &Sources, now: Timestamp) -> Outcome<Client> {
        self.form
            .handle(action, sources)
            .and_then(|()| match self.build(now) {
                Some(client) => Outcome::Submit(client),
                None => Outcome::Refuse("not saved: mend the fields marked ✗".into()),
            })
    }

    /// The client the form describes, or `None` with the errors marked.
    pub fn build(&mut self, now: Timestamp) -> Option<Client> {
        if !self.form.validate() {
            return None;
        }
        let base = self.editing.as_ref();
        let client = Client {
            id: base.map_or(ClientId(0), |c| c.id),
            name: self.form.text(NAME),
            contacts: rules::parse_contacts(&self.form.text(CONTACTS)).ok()?,
            notes: self.form.text(NOTES),
            created_at: base.map_or(now, |c| c.created_at),
        };
        let problems = client.field_problems();
        self.form
            .show_problems(problems, |field| match field {
                "name" => Some(NAME),
                "contacts" => Some(CONTACTS),
                "notes" => Some(NOTES),
                _ => None,
            })
            .then_some(client)
    }
}
