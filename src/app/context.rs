//! Where a key is pressed, and what each place accepts.
//!
//! Every context has a table in the keymap (`[pipeline]`, `[palette]`...).
//! A pane's table falls back to `[global]`; a prompt's never does (in a
//! prompt `q` is a letter, not quit). A context that takes text falls back
//! to `[text]` (cursor moves, deletion), and a printable character bound
//! nowhere there becomes [`Action::Insert`]. [`Context::actions`] is what
//! the context's `update` handles: the key route drops any other action,
//! and the help screen and its test read the same list.

use super::action::Action;
use Action::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Global,
    Home,
    Candidates,
    Detail,
    Pipeline,
    Skills,
    Attention,
    Activity,
    Bench,
    Reports,
    Help,
    /// Typing a search of the help, after `/`.
    HelpSearch,
    Picker,
    Palette,
    Exit,
    Note,
    Tag,
    Scorecard,
    Submit,
    Answer,
    Confirm,
    Form,
    Duplicate,
    /// The filter line over the candidates table.
    Filter,
    /// Naming a view to save.
    SaveView,
    /// Assigning an interviewer to an engagement.
    Assign,
    /// Choosing a note to delete.
    DeleteNote,
    /// Erasing a person: the reason, then the id typed back.
    Erase,
    /// Recording or withdrawing a person's consent.
    Consent,
    /// The line-editing keys every text-taking context shares.
    Text,
}

/// Moving a cursor through a list.
const MOTIONS: &[Action] = &[
    Up,
    Down,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
];

const GLOBAL: &[Action] = &[
    Quit,
    Help,
    NextPane,
    PrevPane,
    ShowHome,
    ShowCandidates,
    ShowPipeline,
    ShowSkills,
    ShowAttention,
    ShowActivity,
    ShowBench,
    ShowReports,
    ChooseEngagement,
    Search,
    CommandLine,
    Undo,
    Redo,
    Backup,
];

const CANDIDATES: &[Action] = &[
    Open,
    Back,
    SortNext,
    SortReverse,
    ToggleMark,
    MarkAll,
    Tag,
    AddCandidate,
    EditCandidate,
    AddToPipeline,
    Filter,
    SaveView,
    Copy,
    Delete,
    Erase,
];
const DETAIL_SCROLL: &[Action] = &[
    Up,
    Down,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
];
const DETAIL: &[Action] = &[
    Back,
    Reopen,
    AddNote,
    Tag,
    EditCandidate,
    AddToPipeline,
    Copy,
    Delete,
    DeleteNote,
    Erase,
    Consent,
];
const PIPELINE: &[Action] = &[
    Left,
    Right,
    Open,
    Back,
    MoveForward,
    MoveBack,
    Reject,
    Withdraw,
    ToggleMark,
    MarkAll,
    Scorecard,
    AddNote,
    Tag,
    AddEngagement,
    EditEngagement,
    Submit,
    Answer,
    ChangePlacement,
    AddClient,
    EditClient,
    Copy,
    AssignInterviewer,
    Delete,
];
const SKILLS: &[Action] = &[
    Left,
    Right,
    Open,
    SortByScore,
    SortReverse,
    ToggleMatrixRows,
    ToggleMark,
    AddToPipeline,
    Copy,
];
const BENCH: &[Action] = &[Open, SortNext, SortReverse, NextWindow, AddToPipeline, Copy];
const REPORTS: &[Action] = &[
    Open, Left, Right, NextPeriod, PrevPeriod, NextScope, PrevScope,
];
const ATTENTION: &[Action] = &[Open];
const HOME: &[Action] = &[Open];
const HELP: &[Action] = &[
    Up,
    Down,
    PageUp,
    PageDown,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    Search,
    Back,
];
const LIST_PROMPT: &[Action] = &[Up, Down, PageUp, PageDown, Open, Cancel];
/// The palette, which is the command line too: Tab completes a command.
const PALETTE: &[Action] = &[Complete, CompleteBack];
const EXIT: &[Action] = &[Up, Down, Confirm, Cancel];
const LINE_PROMPT: &[Action] = &[Confirm, Cancel];
const FILTER: &[Action] = &[Complete, CompleteBack, Confirm, Cancel];
const SCORECARD: &[Action] = &[Up, Down, Confirm, Cancel];
/// A short list to choose from, and the erase prompt's two fields.
const CHOOSE: &[Action] = &[Up, Down, Confirm, Cancel];
const SUBMIT: &[Action] = &[Up, Down, Toggle, Confirm, Cancel];
const CONFIRM: &[Action] = &[Yes, No];
const FORM: &[Action] = &[
    NextField, PrevField, MatchDown, MatchUp, Accept, Save, Cancel,
];
const DUPLICATE: &[Action] = &[OpenExisting, Merge, Back];
const TEXT: &[Action] = &[
    CursorLeft,
    CursorRight,
    WordLeft,
    WordRight,
    LineStart,
    LineEnd,
    DeleteBack,
    DeleteForward,
    DeleteWordBack,
    ClearLine,
];

impl Context {
    /// Every context, with its section name in the keymap file.
    pub const SECTIONS: [(&'static str, Context); 30] = [
        ("global", Context::Global),
        ("home", Context::Home),
        ("candidates", Context::Candidates),
        ("detail", Context::Detail),
        ("pipeline", Context::Pipeline),
        ("skills", Context::Skills),
        ("attention", Context::Attention),
        ("activity", Context::Activity),
        ("bench", Context::Bench),
        ("reports", Context::Reports),
        ("help", Context::Help),
        ("help_search", Context::HelpSearch),
        ("picker", Context::Picker),
        ("palette", Context::Palette),
        ("exit", Context::Exit),
        ("note", Context::Note),
        ("tag", Context::Tag),
        ("scorecard", Context::Scorecard),
        ("submit", Context::Submit),
        ("answer", Context::Answer),
        ("confirm", Context::Confirm),
        ("form", Context::Form),
        ("duplicate", Context::Duplicate),
        ("filter", Context::Filter),
        ("save_view", Context::SaveView),
        ("assign", Context::Assign),
        ("delete_note", Context::DeleteNote),
        ("erase", Context::Erase),
        ("consent", Context::Consent),
        ("text", Context::Text),
    ];

    pub fn from_section(name: &str) -> Option<Context> {
        Context::SECTIONS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| *c)
    }

    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere (in the panes)",
            Context::Home => "My work (enter goes to the card)",
            Context::Candidates => "Candidates",
            Context::Detail => "Candidate detail",
            Context::Pipeline => "Pipeline",
            Context::Skills => "Skill matrix",
            Context::Attention => "Needs attention",
            Context::Activity => "Activity",
            Context::Bench => "Bench (who is free, and when)",
            Context::Reports => "Reports (enter shows the people behind a row)",
            Context::Help => "Help",
            Context::HelpSearch => "Searching the help (type words)",
            Context::Picker => "Engagement picker (type to filter)",
            Context::Palette => "Search palette and : command line (type to search)",
            Context::Exit => "Reject or withdraw (type the detail)",
            Context::Note => "Note (type the note)",
            Context::Tag => "Tag (type the tag)",
            Context::Scorecard => "Scorecard (1-4 rate, type notes)",
            Context::Submit => "Submit to the client (type the bill rate)",
            Context::Answer => "The client's answer (type the reason)",
            Context::Confirm => "A question (yes or no)",
            Context::Form => "In a form (letters type)",
            Context::Duplicate => "Duplicate found (in a form)",
            Context::Filter => "Filter line (type a filter; the fields are below)",
            Context::SaveView => "Save a view (type its name)",
            Context::Assign => "Interviewers (type a user name; -name takes off)",
            Context::DeleteNote => "Delete a note (choose one; a question follows)",
            Context::Erase => "Erase a person (type the reason, then the id)",
            Context::Consent => "Consent (type the dates and how it was given)",
            Context::Text => "Editing text (prompts, search, form fields)",
        }
    }

    /// A pane: its table falls back to `[global]`.
    pub fn is_pane(self) -> bool {
        matches!(
            self,
            Context::Home
                | Context::Candidates
                | Context::Detail
                | Context::Pipeline
                | Context::Skills
                | Context::Attention
                | Context::Activity
                | Context::Bench
                | Context::Reports
        )
    }

    /// A context that takes typed text: falls back to `[text]`, and an
    /// unbound printable character is [`Action::Insert`].
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Context::Picker
                | Context::HelpSearch
                | Context::Palette
                | Context::Exit
                | Context::Note
                | Context::Tag
                | Context::Scorecard
                | Context::Submit
                | Context::Answer
                | Context::Form
                | Context::Filter
                | Context::SaveView
                | Context::Assign
                | Context::Erase
                | Context::Consent
        )
    }

    /// The actions this context's own table may bind and its `update`
    /// handles (a pane also handles [`Context::Global`]'s; a text context
    /// also [`Context::Text`]'s and `Insert`).
    pub fn actions(self) -> Vec<Action> {
        let own: &[&[Action]] = match self {
            Context::Global => &[GLOBAL],
            Context::Home => &[MOTIONS, HOME],
            Context::Candidates => &[MOTIONS, CANDIDATES],
            Context::Detail => &[DETAIL_SCROLL, DETAIL],
            Context::Pipeline => &[MOTIONS, PIPELINE],
            Context::Skills => &[MOTIONS, SKILLS],
            Context::Attention => &[MOTIONS, ATTENTION],
            Context::Activity => &[MOTIONS],
            Context::Bench => &[MOTIONS, BENCH],
            Context::Reports => &[MOTIONS, REPORTS],
            Context::Help => &[HELP],
            Context::Picker => &[LIST_PROMPT],
            Context::Palette => &[LIST_PROMPT, PALETTE],
            Context::Exit => &[EXIT],
            Context::Note
            | Context::Tag
            | Context::SaveView
            | Context::HelpSearch
            | Context::Assign => &[LINE_PROMPT],
            Context::Filter => &[FILTER],
            Context::Scorecard | Context::Consent => &[SCORECARD],
            Context::Submit => &[SUBMIT],
            Context::Answer => &[EXIT],
            Context::Confirm => &[CONFIRM],
            Context::Form => &[FORM],
            Context::Duplicate => &[DUPLICATE],
            Context::DeleteNote | Context::Erase => &[CHOOSE],
            Context::Text => &[TEXT],
        };
        own.concat()
    }

    /// Whether the key route lets `action` through here.
    pub fn accepts(self, action: Action) -> bool {
        let inherited = match action {
            Insert(_) => self.takes_text(),
            _ if self.is_pane() => GLOBAL.contains(&action),
            _ if self.takes_text() => TEXT.contains(&action),
            _ => false,
        };
        inherited || self.actions().contains(&action)
    }
}
