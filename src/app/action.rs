//! What a key can ask the app to do. The keymap file names these in
//! snake_case (`next_pane`), and the help screen shows each one's
//! description, so help can never drift from the bindings.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    NextPane,
    PrevPane,
    ShowCandidates,
    ShowPipeline,
    ShowSkills,
    ShowAttention,
    ShowActivity,
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
    Cancel,
    OpenExisting,
    Merge,
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
            Action::Quit => "quit",
            Action::Help => "show or hide this help",
            Action::NextPane => "next pane",
            Action::PrevPane => "previous pane",
            Action::ShowCandidates => "candidates pane",
            Action::ShowPipeline => "pipeline pane",
            Action::ShowSkills => "skill matrix pane",
            Action::ShowAttention => "needs-attention pane",
            Action::ShowActivity => "activity pane (the event log)",
            Action::Up => "up",
            Action::Down => "down",
            Action::Left => "left / previous column",
            Action::Right => "right / next column",
            Action::Top => "go to the top",
            Action::Bottom => "go to the bottom",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::PageDown => "a page down",
            Action::PageUp => "a page up",
            Action::Open => "open the selection",
            Action::Back => "go back / close",
            Action::SortNext => "sort by the next column",
            Action::SortReverse => "reverse the sort order",
            Action::SortByScore => "sort by match score",
            Action::ChooseEngagement => "choose the engagement",
            Action::MoveForward => "move the card to the next stage",
            Action::MoveBack => "move the card back one stage",
            Action::Reject => "reject, with a reason",
            Action::Withdraw => "mark as withdrawn, with a reason",
            Action::ToggleMark => "mark or unmark the card (then > < x w act on all marks)",
            Action::MarkAll => "mark every card on the board",
            Action::Scorecard => "write a scorecard (interview stages)",
            Action::Reopen => "re-open the last rejected or withdrawn application",
            Action::ToggleMatrixRows => "rows: pipeline or all candidates",
            Action::Search => "search roles, skills, candidates, engagements",
            Action::Undo => "undo the last stage move (audited)",
            Action::Redo => "redo what was undone",
            Action::AddNote => "write a note (in $EDITOR when set)",
            Action::Tag => "tag the candidate, or every marked card",
            Action::Backup => "write a backup of the database now",
            Action::AddCandidate => "add a candidate (a form)",
            Action::EditCandidate => "edit the candidate",
            Action::AddEngagement => "add an engagement (a form)",
            Action::EditEngagement => "edit the engagement shown",
            Action::NextField => "next field",
            Action::PrevField => "previous field",
            Action::MatchDown => "next match, else next field",
            Action::MatchUp => "previous match, else previous field",
            Action::Accept => "take the match, else next field",
            Action::Save => "save; refused while a field shows ✗",
            Action::Cancel => "close matches, else discard the form",
            Action::OpenExisting => "open the record already on file",
            Action::Merge => "merge into the one on file (u undoes)",
        }
    }
}
