//! All interactive state and the `update` step. Nothing here knows about
//! crossterm, stdout or SSH: a frontend turns its input into [`Input`],
//! calls [`App::handle_input`], and draws the app with `ui::render`.
//!
//! Where things are:
//! - keys: `assets/keymap.toml`, read by [`keymap`];
//! - what a key does: [`Action`], dispatched in `update.rs`;
//! - each pane's state: `candidates.rs`, `pipeline.rs`, `matrix.rs`;
//!   overlays in `overlay.rs`;
//! - the add/edit forms: `candidate_form.rs`, `engagement_form.rs` over
//!   the shared core in `form/`; the duplicate prompt in `duplicate.rs`.

pub mod action;
pub mod attention;
mod bulk;
pub mod candidate_form;
pub mod candidates;
pub mod data;
mod duplicate;
pub mod engagement_form;
mod exits;
pub mod form;
pub mod input;
pub mod keymap;
pub mod list;
pub mod matrix;
pub mod notes;
pub mod overlay;
pub mod palette;
pub mod pipeline;
pub mod scorecard;
pub mod shared;
mod sync;
pub mod tags;
pub mod undo;
mod update;

pub use action::Action;
pub use input::{Input, Key, KeyCode, Mods};
pub use keymap::{Context, Keymap};

use crate::catalog::Catalog;
use crate::domain::{Clock, Engagement, EngagementId, EngagementStatus, Stamp};
use crate::store::Store;
use candidates::CandidatesState;
use data::Data;
use matrix::MatrixState;
use overlay::Overlay;
use pipeline::PipelineState;
use shared::Shared;
use std::sync::Arc;

/// The panes, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Candidates,
    Pipeline,
    Skills,
    Attention,
    Activity,
}

impl Pane {
    pub const ALL: [Pane; 4] = [
        Pane::Candidates,
        Pane::Pipeline,
        Pane::Skills,
        Pane::Attention,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Candidates => "Candidates",
            Pane::Pipeline => "Pipeline",
            Pane::Skills => "Skills",
            Pane::Attention => "Attention",
            Pane::Activity => "Activity",
        }
    }
}

/// The line at the bottom: the outcome of the last action.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

/// What the app is started with.
pub struct AppOptions {
    /// The name recorded as the actor of every change.
    pub actor: String,
    pub clock: Arc<dyn Clock>,
    pub keymap: Keymap,
    /// Days in stage before a card needs attention.
    pub aging: crate::domain::AgingPolicy,
    /// Shown in the status bar at start (a bad keymap file, say).
    pub notice: Option<Status>,
}

pub struct App {
    store: Arc<Store>,
    catalog: &'static Catalog,
    clock: Arc<dyn Clock>,
    actor: String,
    keymap: Keymap,
    aging: crate::domain::AgingPolicy,
    /// The records every session of this process shares, and the snapshot
    /// of them this session draws (at version `seen`).
    shared: Arc<Shared>,
    data: Arc<Data>,
    seen: u64,
    pane: Pane,
    engagement: Option<EngagementId>,
    candidates: CandidatesState,
    pipeline: PipelineState,
    matrix: MatrixState,
    attention: attention::AttentionState,
    /// Moves that `u` can undo, newest last; and those `ctrl-r` can redo.
    undo: Vec<undo::Undoable>,
    redo: Vec<undo::Undoable>,
    /// Whether the frontend can run `$EDITOR`, and a note waiting for it.
    external_editor: bool,
    pending_edit: Option<notes::NoteTarget>,
    /// Marked cards of the current engagement's board.
    marks: std::collections::BTreeSet<crate::domain::CandidateId>,
    /// The newest events of the whole log, for the activity pane.
    activity: Vec<crate::domain::Event>,
    /// The newest events of the candidate in the detail view.
    detail_feed: Vec<crate::domain::Event>,
    overlay: Option<Overlay>,
    status: Status,
    size: (u16, u16),
    quit: bool,
}

impl App {
    /// Loads everything the panes show from `store`.
    pub fn new(store: Arc<Store>, options: AppOptions) -> crate::store::Result<App> {
        let shared = Shared::load(&store, Catalog::builtin())?;
        Ok(App::with_shared(store, shared, options))
    }

    /// A session over records shared with other sessions of this process
    /// (`hireterm serve`): each has its own panes, cursors, marks and undo.
    pub fn with_shared(store: Arc<Store>, shared: Arc<Shared>, options: AppOptions) -> App {
        let catalog = Catalog::builtin();
        let (seen, data) = shared.snapshot();
        let candidates = CandidatesState::new(&data, catalog);
        let engagement = first_open(data.engagements());
        let mut app = App {
            store,
            catalog,
            clock: options.clock,
            actor: options.actor,
            keymap: options.keymap,
            aging: options.aging,
            shared,
            data,
            seen,
            pane: Pane::Candidates,
            engagement,
            candidates,
            pipeline: PipelineState::default(),
            matrix: MatrixState::new(),
            attention: Default::default(),
            marks: Default::default(),
            undo: Vec::new(),
            redo: Vec::new(),
            external_editor: false,
            pending_edit: None,
            activity: Vec::new(),
            detail_feed: Vec::new(),
            overlay: None,
            status: options.notice.unwrap_or_default(),
            size: (80, 24),
            quit: false,
        };
        app.rebuild_matrix();
        app
    }

    /// Turns one input into state changes.
    pub fn handle_input(&mut self, input: Input) {
        match input {
            Input::Resize(width, height) => self.resize(width, height),
            Input::Key(key) => self.handle_key(key),
            Input::Paste(text) => self.paste(&text),
        }
    }

    fn handle_key(&mut self, key: Key) {
        match self.overlay {
            Some(Overlay::Reject(_)) => return self.reject_prompt_key(key),
            Some(Overlay::Palette(_)) => return self.palette_key(key),
            Some(Overlay::Scorecard(_)) => return self.scorecard_key(key),
            Some(Overlay::Note(_)) => return self.note_prompt_key(key),
            Some(Overlay::Tag(_)) => return self.tag_prompt_key(key),
            Some(Overlay::CandidateForm(_) | Overlay::EngagementForm(_)) => {
                return self.form_key(key);
            }
            _ => {}
        }
        if let Some(action) = self.keymap.lookup(self.context(), key) {
            self.update(action);
        }
    }

    /// The keymap table that applies now.
    pub fn context(&self) -> Context {
        match (&self.overlay, self.pane) {
            (Some(Overlay::Help { .. }), _) => Context::Help,
            (Some(Overlay::Picker { .. }), _) => Context::Picker,
            (Some(Overlay::CandidateForm(sheet)), _) if sheet.duplicate.is_some() => {
                Context::Duplicate
            }
            (Some(Overlay::CandidateForm(_) | Overlay::EngagementForm(_)), _) => Context::Form,
            // Text-taking overlays read keys themselves; the picker's table
            // is the nearest for the help screen.
            (Some(_), _) => Context::Picker,
            (None, Pane::Candidates) if self.candidates.detail.is_some() => Context::Detail,
            (None, Pane::Candidates) => Context::Candidates,
            (None, Pane::Pipeline) => Context::Pipeline,
            (None, Pane::Skills) => Context::Skills,
            (None, Pane::Attention) => Context::Attention,
            (None, Pane::Activity) => Context::Activity,
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        let page = self.page_rows();
        self.candidates
            .cursor
            .clamp(self.candidates.order.len(), page);
        self.matrix.rows.clamp(self.matrix.order.len(), page);
    }

    /// Rows of a pane's list on screen: all but the tabs, the status bar
    /// and the list's own header and border.
    pub fn page_rows(&self) -> usize {
        usize::from(self.size.1.saturating_sub(5)).max(1)
    }

    fn stamp(&self) -> Stamp {
        Stamp::new(self.clock.now(), self.actor.clone())
    }

    fn rebuild_matrix(&mut self) {
        let engagement = self.engagement.and_then(|id| self.data.engagement(id));
        self.matrix
            .rebuild(&self.data, engagement, &self.candidates.order);
        self.matrix
            .rows
            .clamp(self.matrix.order.len(), self.page_rows());
    }

    fn say(&mut self, text: impl Into<String>) {
        self.status = Status {
            text: text.into(),
            is_error: false,
        };
    }

    fn complain(&mut self, text: impl Into<String>) {
        self.status = Status {
            text: text.into(),
            is_error: true,
        };
    }

    /// Waits until the background search index is built. The app never
    /// needs to (the palette waits by itself); benchmarks do, so that the
    /// build does not compete with what they time.
    pub fn wait_for_search_index(&mut self) {
        self.shared.search_index();
    }

    // Read access for drawing and tests.

    pub fn should_quit(&self) -> bool {
        self.quit
    }
    pub fn catalog(&self) -> &'static Catalog {
        self.catalog
    }
    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }
    pub fn data(&self) -> &Data {
        &self.data
    }
    pub fn pane(&self) -> Pane {
        self.pane
    }
    pub fn engagement(&self) -> Option<&Engagement> {
        self.engagement.and_then(|id| self.data.engagement(id))
    }
    pub fn candidates(&self) -> &CandidatesState {
        &self.candidates
    }
    pub fn pipeline(&self) -> &PipelineState {
        &self.pipeline
    }
    pub fn matrix(&self) -> &MatrixState {
        &self.matrix
    }
    pub fn attention(&self) -> &attention::AttentionState {
        &self.attention
    }
    pub fn marks(&self) -> &std::collections::BTreeSet<crate::domain::CandidateId> {
        &self.marks
    }
    pub fn activity(&self) -> &[crate::domain::Event] {
        &self.activity
    }
    pub fn detail_feed(&self) -> &[crate::domain::Event] {
        &self.detail_feed
    }
    pub fn aging(&self) -> &crate::domain::AgingPolicy {
        &self.aging
    }
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }
    pub fn status(&self) -> &Status {
        &self.status
    }
    pub fn size(&self) -> (u16, u16) {
        self.size
    }
    pub fn store(&self) -> &Store {
        &self.store
    }
    /// Whether the pipeline draws as a board (wide) or a list (narrow).
    pub fn pipeline_as_list(&self) -> bool {
        self.size.0 < pipeline::BOARD_MIN_WIDTH
    }
}

/// The engagement shown first: the earliest open one, else the first.
fn first_open(engagements: &[Engagement]) -> Option<EngagementId> {
    engagements
        .iter()
        .find(|e| e.status == EngagementStatus::Open)
        .or_else(|| engagements.first())
        .map(|e| e.id)
}
