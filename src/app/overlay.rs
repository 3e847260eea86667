//! What can sit on top of a pane, and how the app applies what each
//! prompt's `handle` says. The prompts themselves (`prompt/`, `form/`)
//! know nothing of `App` or of this enum.

use super::form::candidate::CandidateForm;
use super::form::client::ClientForm;
use super::form::engagement::EngagementForm;
use super::form::picks::Sources;
use super::form::placement::PlacementForm;
use super::pending::{Doomed, Pending};
use super::prompt::Outcome;
use super::prompt::answer::AnswerPrompt;
use super::prompt::confirm::Confirm;
use super::prompt::delete::NoteChoice;
use super::prompt::duplicate::DuplicatePrompt;
use super::prompt::erase::ErasePrompt;
use super::prompt::exit::ExitPrompt;
use super::prompt::filter::FilterLine;
use super::prompt::help::Help;
use super::prompt::note::NotePrompt;
use super::prompt::palette::Palette;
use super::prompt::picker::Picker;
use super::prompt::scorecard::ScorecardForm;
use super::prompt::submit::SubmitPrompt;
use super::prompt::tag::TagPrompt;
use super::prompt::view_name::ViewNamePrompt;
use super::records::data::Data;
use super::vocabulary::Known;
use super::{Action, App, Context};

#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Help(Help),
    Picker(Picker),
    /// The picker choosing the engagement these candidates go into.
    AddToPipeline {
        picker: Picker,
        candidates: Vec<crate::domain::CandidateId>,
    },
    Palette(Palette),
    Exit(ExitPrompt),
    Note(NotePrompt),
    Tag(TagPrompt),
    Scorecard(ScorecardForm),
    CandidateForm(Box<CandidateForm>),
    EngagementForm(Box<EngagementForm>),
    ClientForm(Box<ClientForm>),
    PlacementForm(Box<PlacementForm>),
    Duplicate(Box<DuplicatePrompt>),
    Submit(Box<SubmitPrompt>),
    Answer(AnswerPrompt),
    Confirm(Confirm<Pending>),
    Filter(Box<FilterLine>),
    SaveView(ViewNamePrompt),
    /// The interviewers of an engagement.
    Assign(super::prompt::assign::AssignPrompt),
    /// Which of a candidate's notes to delete.
    DeleteNote(NoteChoice),
    /// Erasing a person: what it does, the reason, the id typed back.
    Erase(ErasePrompt),
    /// A person's consent to be kept.
    Consent(Box<super::prompt::consent::ConsentPrompt>),
}

impl Overlay {
    /// The keymap table that applies while this overlay shows.
    pub fn context(&self) -> Context {
        match self {
            Overlay::Help(help) if help.typing => Context::HelpSearch,
            Overlay::Help(_) => Context::Help,
            Overlay::Picker(_) | Overlay::AddToPipeline { .. } => Context::Picker,
            Overlay::Palette(_) => Context::Palette,
            Overlay::Exit(_) => Context::Exit,
            Overlay::Note(_) => Context::Note,
            Overlay::Tag(_) => Context::Tag,
            Overlay::Scorecard(_) => Context::Scorecard,
            Overlay::CandidateForm(_)
            | Overlay::EngagementForm(_)
            | Overlay::ClientForm(_)
            | Overlay::PlacementForm(_) => Context::Form,
            Overlay::Duplicate(_) => Context::Duplicate,
            Overlay::Submit(_) => Context::Submit,
            Overlay::Answer(_) => Context::Answer,
            Overlay::Confirm(_) => Context::Confirm,
            Overlay::Filter(_) => Context::Filter,
            Overlay::SaveView(_) => Context::SaveView,
            Overlay::Assign(_) => Context::Assign,
            Overlay::DeleteNote(_) => Context::DeleteNote,
            Overlay::Erase(_) => Context::Erase,
            Overlay::Consent(_) => Context::Consent,
        }
    }
}

impl App {
    /// Gives the action to the prompt on top, then does what it asks.
    pub(super) fn overlay_update(&mut self, action: Action) {
        let page = self.page_rows();
        let screen = self.size;
        let now = self.clock.now();
        let (catalog, data) = (self.catalog, std::sync::Arc::clone(&self.data));
        let clients = client_choices(&data);
        let sources = Sources {
            catalog,
            clients: &clients,
        };
        let Some(overlay) = &mut self.overlay else {
            return;
        };
        match overlay {
            Overlay::Help(help) => {
                let done = help.handle(action, screen);
                self.settle_prompt(done, |_, ()| {})
            }
            Overlay::Picker(picker) => {
                let done = picker.handle(action, data.engagements(), page);
                self.settle_prompt(done, App::picked_engagement)
            }
            Overlay::AddToPipeline { picker, candidates } => {
                let done = picker.handle(action, data.engagements(), page);
                let candidates = candidates.clone();
                self.settle_prompt(done, |app, id| app.add_to_pipeline(id, candidates))
            }
            Overlay::Palette(palette) => {
                let done = palette.handle(action, page);
                self.settle_prompt(done, |app, ()| app.act_on_search())
            }
            Overlay::Exit(prompt) => {
                let done = prompt.handle(action);
                self.settle_prompt_or(done, "nothing changed", App::take_off_board)
            }
            Overlay::Note(prompt) => {
                let done = prompt.handle(action);
                self.settle_prompt_or(done, "note discarded", |app, (target, text)| {
                    app.save_note(target, &text)
                })
            }
            Overlay::Tag(prompt) => {
                let done = prompt.handle(action);
                self.settle_prompt(done, |app, (ids, tag)| app.tag(ids, tag))
            }
            Overlay::Scorecard(form) => {
                let done = form.handle(action);
                self.settle_prompt_or(done, "scorecard discarded", App::save_scorecard)
            }
            Overlay::CandidateForm(sheet) => match sheet.handle(action, &sources, now) {
                Outcome::Submit(candidate) => self.save_candidate(candidate),
                other => self.settle_form(other),
            },
            Overlay::EngagementForm(sheet) => match sheet.handle(action, &sources, now) {
                Outcome::Submit(engagement) => self.save_engagement(engagement),
                other => self.settle_form(other),
            },
            Overlay::ClientForm(sheet) => match sheet.handle(action, &sources, now) {
                Outcome::Submit(client) => self.save_client(client),
                other => self.settle_form(other),
            },
            Overlay::PlacementForm(sheet) => match sheet.handle(action, &sources) {
                Outcome::Submit(request) => self.save_placement(request),
                other => self.settle_form(other),
            },
            Overlay::Duplicate(prompt) => {
                let done = prompt.handle(action);
                self.settle_prompt(done, App::resolve_duplicate)
            }
            Overlay::Submit(prompt) => {
                let done = prompt.handle(action);
                self.settle_prompt_or(done, "nothing was sent", App::send_submittal)
            }
            Overlay::Answer(prompt) => {
                let done = prompt.handle(action);
                self.settle_prompt_or(done, "no answer recorded", App::save_answer)
            }
            Overlay::Confirm(question) => match question.handle(action) {
                Outcome::Close => self.decline(),
                done => self.settle_prompt(done, App::go_ahead),
            },
            Overlay::Filter(line) => {
                let done = line.handle(
                    action,
                    &Known {
                        catalog,
                        data: &data,
                    },
                );
                self.settle_prompt(done, App::end_filter_line);
                self.take_filter_change();
            }
            Overlay::SaveView(prompt) => {
                let done = prompt.handle(action);
                self.settle_prompt_or(done, "no view saved", App::keep_view)
            }
            Overlay::Assign(prompt) => {
                let done = prompt.handle(action);
                self.settle_prompt_or(done, "no one assigned", App::assign)
            }
            Overlay::DeleteNote(choice) => {
                let done = choice.handle(action);
                self.settle_prompt_or(done, "nothing was deleted", |app, note| {
                    app.ask_delete(Doomed::Note(note))
                })
            }
            Overlay::Erase(prompt) => {
                let done = prompt.handle(action);
                self.settle_prompt_or(done, "nothing was erased", App::erase)
            }
            Overlay::Consent(prompt) => {
                let done = prompt.handle(action);
                self.settle_prompt_or(done, "consent unchanged", App::save_consent)
            }
        }
    }

    /// Applies a prompt's outcome: the prompt closes on close or submit,
    /// and `submit` does what was asked.
    fn settle_prompt<T>(&mut self, outcome: Outcome<T>, submit: impl FnOnce(&mut App, T)) {
        match outcome {
            Outcome::Stay => {}
            Outcome::Refuse(why) => self.complain(why),
            Outcome::Close => self.overlay = None,
            Outcome::Submit(value) => submit(self, value),
        }
    }

    /// [`App::settle_prompt`], saying `cancelled` when the prompt closes.
    fn settle_prompt_or<T>(
        &mut self,
        outcome: Outcome<T>,
        cancelled: &str,
        submit: impl FnOnce(&mut App, T),
    ) {
        if matches!(outcome, Outcome::Close) {
            self.say(cancelled);
        }
        self.settle_prompt(outcome, submit);
    }

    /// A form's outcome other than a record to save.
    fn settle_form<T>(&mut self, outcome: Outcome<T>) {
        if matches!(outcome, Outcome::Close) {
            self.say("form discarded: nothing was saved");
        }
        self.settle_prompt(outcome, |_, _| {});
    }

    /// Pasted text, into the prompt on top if it takes text.
    pub(super) fn paste_into_overlay(&mut self, text: &str) {
        let clients = client_choices(&self.data);
        let sources = Sources {
            catalog: self.catalog,
            clients: &clients,
        };
        match &mut self.overlay {
            Some(Overlay::Palette(palette)) => palette.paste(text),
            Some(Overlay::Help(help)) => help.paste(text),
            Some(Overlay::Picker(picker) | Overlay::AddToPipeline { picker, .. }) => {
                picker.paste(text, self.data.engagements())
            }
            Some(Overlay::Submit(prompt)) => prompt.bill.insert(text),
            Some(Overlay::Answer(prompt)) => prompt.reason.insert(text),
            Some(Overlay::ClientForm(sheet)) => sheet.form.paste(text, &sources),
            Some(Overlay::PlacementForm(sheet)) => sheet.form.paste(text, &sources),
            Some(Overlay::Exit(prompt)) => prompt.detail.insert(text),
            Some(Overlay::Note(prompt)) => prompt.text.insert(text),
            Some(Overlay::Tag(prompt)) => prompt.text.insert(text),
            Some(Overlay::Scorecard(form)) if form.row == form.notes_row() => {
                form.notes.insert(text)
            }
            Some(Overlay::CandidateForm(sheet)) => sheet.form.paste(text, &sources),
            Some(Overlay::EngagementForm(sheet)) => sheet.form.paste(text, &sources),
            Some(Overlay::Filter(line)) => line.paste(text, self.catalog),
            Some(Overlay::SaveView(prompt)) => prompt.name.insert(text),
            Some(Overlay::Assign(prompt)) => prompt.text.insert(text),
            Some(Overlay::Erase(prompt)) => prompt.paste(text),
            Some(Overlay::Consent(prompt)) => {
                if let Some(field) = prompt.field_mut() {
                    field.insert(text)
                }
            }
            _ => {}
        }
        self.take_filter_change();
    }
}

/// The clients a form's client field picks from, as (id, name).
fn client_choices(data: &Data) -> Vec<(String, String)> {
    let clients = data.agency().clients().iter();
    clients
        .map(|c| (c.id.0.to_string(), c.name.clone()))
        .collect()
}
