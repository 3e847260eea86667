//! What a key can ask the app to do. The keymap file names these in
//! snake_case (`next_pane`), and the help screen shows each one's
//! description, so help can never drift from the bindings.
//!
//! [`Action::Insert`] is the one action no file binds: a printable
//! character that a text-taking context does not bind becomes it.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
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
    Up,
    Down,
    Left,
    Right,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    Open,
    Back,
    SortNext,
    SortReverse,
    SortByScore,
    ChooseEngagement,
    MoveForward,
    MoveBack,
    Reject,
    Withdraw,
    ToggleMark,
    MarkAll,
    Scorecard,
    Reopen,
    ToggleMatrixRows,
    Search,
    Undo,
    Redo,
    AddNote,
    Tag,
    Backup,
    AddCandidate,
    EditCandidate,
    AddEngagement,
    EditEngagement,
    NextField,
    PrevField,
    MatchDown,
    MatchUp,
    Accept,
    Save,
    Confirm,
    Cancel,
    OpenExisting,
    Merge,
    AddToPipeline,
    Submit,
    Answer,
    ChangePlacement,
    AddClient,
    EditClient,
    NextWindow,
    NextPeriod,
    PrevPeriod,
    NextScope,
    PrevScope,
    Toggle,
    /// Record or withdraw a person's consent to be kept.
    Consent,
    Yes,
    No,
    Filter,
    SaveView,
    Complete,
    CompleteBack,
    Copy,
    CommandLine,
    AssignInterviewer,
    Delete,
    DeleteNote,
    Erase,
    // Editing a line of text (prompts, the palette, form fields).
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
    /// A typed character, in a context that takes text.
    #[serde(skip)]
    Insert(char),
}

impl Action {
    /// Whether the action opens an add/edit form.
    pub fn opens_form(self) -> bool {
        matches!(
            self,
            Action::AddCandidate
                | Action::EditCandidate
                | Action::AddEngagement
                | Action::EditEngagement
        )
    }

    /// One line for the help screen.
    pub fn description(self) -> &'static str {
        match self {
            Action::Insert(_) => "type text",
            command => COMMANDS
                .iter()
                .find(|(action, _)| *action == command)
                .map_or("", |(_, description)| description),
        }
    }
}

/// Every action a keymap file can name, with its line in the help screen.
pub const COMMANDS: &[(Action, &str)] = &[
    (Action::Quit, "quit"),
    (Action::Help, "show or hide this help"),
    (Action::NextPane, "next pane"),
    (Action::PrevPane, "previous pane"),
    (
        Action::ShowHome,
        "my work: your engagements and what needs you",
    ),
    (Action::ShowCandidates, "candidates pane"),
    (Action::ShowPipeline, "pipeline pane"),
    (Action::ShowSkills, "skill matrix pane"),
    (Action::ShowAttention, "needs-attention pane"),
    (Action::ShowActivity, "activity pane (the event log)"),
    (Action::ShowBench, "bench pane (who is free, and when)"),
    (
        Action::ShowReports,
        "reports pane (funnel, ratios, sources, margin, recruiters)",
    ),
    (Action::ChooseEngagement, "choose the engagement"),
    (
        Action::Search,
        "search roles, skills, candidates, engagements",
    ),
    (Action::Undo, "undo the last change (audited)"),
    (Action::Redo, "redo what was undone"),
    (Action::Backup, "write a backup of the database now"),
    (Action::Up, "up"),
    (Action::Down, "down"),
    (Action::Left, "left / previous column"),
    (Action::Right, "right / next column"),
    (Action::Top, "go to the top"),
    (Action::Bottom, "go to the bottom"),
    (Action::HalfPageDown, "half a page down"),
    (Action::HalfPageUp, "half a page up"),
    (Action::PageDown, "a page down"),
    (Action::PageUp, "a page up"),
    (Action::Open, "open the selection"),
    (Action::Back, "go back / close"),
    (Action::SortNext, "sort by the next column"),
    (Action::SortReverse, "reverse the sort order"),
    (Action::SortByScore, "sort by match score"),
    (Action::MoveForward, "move the card to the next stage"),
    (Action::MoveBack, "move the card back one stage"),
    (Action::Reject, "reject, with a reason"),
    (Action::Withdraw, "mark as withdrawn, with a reason"),
    (
        Action::ToggleMark,
        "mark or unmark (then > < x w # act on all marks)",
    ),
    (Action::MarkAll, "mark every row or card"),
    (Action::Scorecard, "write a scorecard (interview stages)"),
    (
        Action::Reopen,
        "re-open the last rejected or withdrawn application",
    ),
    (Action::ToggleMatrixRows, "rows: pipeline or all candidates"),
    (Action::AddNote, "write a note (in $EDITOR when set)"),
    (Action::Tag, "tag the candidate, or every marked one"),
    (Action::AddCandidate, "add a candidate (a form)"),
    (Action::EditCandidate, "edit the candidate"),
    (Action::AddEngagement, "add an engagement (a form)"),
    (Action::EditEngagement, "edit the engagement shown"),
    (Action::NextField, "next field"),
    (Action::PrevField, "previous field"),
    (Action::MatchDown, "next match, else next field"),
    (Action::MatchUp, "previous match, else previous field"),
    (Action::Accept, "take the match, else next field"),
    (Action::Save, "save; refused while a field shows ✗"),
    (Action::Confirm, "confirm"),
    (Action::Cancel, "cancel / close"),
    (Action::OpenExisting, "open the record already on file"),
    (Action::Merge, "merge into the one on file (u undoes)"),
    (
        Action::AddToPipeline,
        "add to an engagement's pipeline (the marks, or this one)",
    ),
    (
        Action::Submit,
        "submit the card to the client (a profile, a bill rate)",
    ),
    (
        Action::Answer,
        "record the client's answer to the card's submittal",
    ),
    (
        Action::ChangePlacement,
        "extend, renew or end the card's placement",
    ),
    (Action::AddClient, "add a client (a form)"),
    (
        Action::EditClient,
        "edit the engagement's client and its contacts",
    ),
    (Action::NextWindow, "next window: 7, 14, 30 or 90 days"),
    (Action::NextPeriod, "next period: 7, 30, 90 or 365 days"),
    (Action::PrevPeriod, "previous period"),
    (
        Action::NextScope,
        "next scope: all, a client, a recruiter, an engagement",
    ),
    (Action::PrevScope, "previous scope"),
    (
        Action::Toggle,
        "choose or leave out the one under the cursor",
    ),
    (
        Action::Consent,
        "record their consent to be kept, or withdraw it",
    ),
    (Action::Yes, "yes"),
    (Action::No, "no"),
    (Action::Filter, "filter (role:devops rate<=80 ...)"),
    (
        Action::SaveView,
        "save the filter, sort and columns as a view (:view reopens)",
    ),
    (
        Action::Complete,
        "complete the field or value (again: the next choice)",
    ),
    (Action::CompleteBack, "the previous completion choice"),
    (
        Action::Copy,
        "copy the candidate's email (again: phone, then profile link)",
    ),
    (
        Action::CommandLine,
        "command line: :2, :pipeline, :e E3, :q, :filter, :view, :delete, :erase, :help",
    ),
    (
        Action::AssignInterviewer,
        "assign an interviewer (-name takes one off)",
    ),
    (
        Action::Delete,
        "delete the candidate, or the engagement shown (asks first; u undoes)",
    ),
    (
        Action::DeleteNote,
        "delete one of the candidate's notes (choose it; asks first; u undoes)",
    ),
    (
        Action::Erase,
        "erase the person's data for good (admins; a reason and the id typed back)",
    ),
    (Action::CursorLeft, "cursor left (or the previous choice)"),
    (Action::CursorRight, "cursor right (or the next choice)"),
    (Action::WordLeft, "a word left"),
    (Action::WordRight, "a word right"),
    (Action::LineStart, "to the start of the line"),
    (Action::LineEnd, "to the end of the line"),
    (Action::DeleteBack, "delete the character before the cursor"),
    (
        Action::DeleteForward,
        "delete the character under the cursor",
    ),
    (Action::DeleteWordBack, "delete the word before the cursor"),
    (Action::ClearLine, "clear the line"),
];
