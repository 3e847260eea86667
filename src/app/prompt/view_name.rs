//! Saving a view: the table's filter, sort and columns, under a name
//! typed here.

use super::outcome::Outcome;
use crate::app::action::Action;
use crate::app::text::TextInput;
use crate::domain::text;
use crate::filter::View;

/// Longest view name.
const MAX_NAME: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewNamePrompt {
    /// The view to save; its name is what is typed.
    pub view: View,
    pub name: TextInput,
}

impl ViewNamePrompt {
    pub fn new(view: View) -> ViewNamePrompt {
        ViewNamePrompt {
            view,
            name: TextInput::limited(MAX_NAME),
        }
    }

    /// Enter submits the view under the name typed, cleaned.
    pub fn handle(&mut self, action: Action) -> Outcome<View> {
        match action {
            Action::Cancel => Outcome::Close,
            Action::Confirm => {
                let name = text::clean_line(self.name.text());
                if name.is_empty() {
                    return Outcome::Refuse("type a name for the view".into());
                }
                Outcome::Submit(View {
                    name,
                    ..self.view.clone()
                })
            }
            edit => {
                self.name.apply(edit);
                Outcome::Stay
            }
        }
    }
}
