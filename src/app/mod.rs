//! All interactive state and the `update` step. Nothing here knows about
//! crossterm, stdout or SSH: a frontend turns its input into [`Input`],
//! calls [`App::handle_input`], and draws the app with `ui::render`.
//!
//! Where things are (ARCHITECTURE.md has the whole walk):
//! - a key's way: `route.rs` asks the keymap ([`keymap`], over the tables
//!   of `assets/keymap.toml`) for the [`Action`] the key does in the
//!   current [`Context`] (`context.rs`), then hands it to a prompt
//!   (`overlay.rs`) or to the pane (`update.rs`);
//! - each pane's state: `home.rs`, `candidates.rs`, `pipeline.rs`,
//!   `matrix.rs`, `attention.rs`; what is derived from the records once
//!   per change (the board, the attention list, My work): `views.rs`;
//! - the prompts, each self-contained: [`prompt`]; the forms: [`form`];
//! - every write: [`records`] (the store call and the new snapshot, under
//!   one lock); what the app does around a write: `commands/`.

mod access;
mod access_feed;
pub mod action;
pub mod attention;
pub mod bench;
pub mod candidates;
pub mod clipboard;
pub mod column;
mod commands;
pub mod context;
pub mod filtering;
mod finding;
pub mod form;
pub mod frame_memo;
pub mod home;
pub mod input;
pub mod keymap;
pub mod list;
pub mod loading;
pub mod matrix;
mod mouse;
pub mod overlay;
pub mod pending;
pub mod pipeline;
pub mod prompt;
pub mod records;
pub mod reports;
mod route;
mod saved;
pub mod screen_map;
pub mod shared_attention;
mod sort_keys;
mod sync;
pub mod table_filter;
pub mod text;
pub mod undo;
mod undo_agency;
mod undo_delete;
mod update;
pub mod views;
pub mod vocabulary;

pub use action::Action;
pub use context::Context;
pub use input::{Input, Key, KeyCode, Mods};
pub use keymap::Keymap;
pub use saved::ViewSaver;

use crate::catalog::Catalog;
use crate::domain::{Clock, Engagement, EngagementId, EngagementStatus, Policy, Stamp};
use crate::store::Store;
use candidates::CandidatesState;
use matrix::MatrixState;
use overlay::Overlay;
use pipeline::PipelineState;
use records::data::Data;
use records::writes::Writer;
use records::{Origin, Records};
use std::sync::Arc;
use views::Views;

/// The panes, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// "My work": the first screen once there is an engagement.
    Home,
    Candidates,
    Pipeline,
    Skills,
    Attention,
    Activity,
    Bench,
    /// The numbers: funnel, ratios, sources, margin, recruiters.
    Reports,
}

impl Pane {
    /// Every pane, in tab order.
    pub const ALL: [Pane; 8] = [
        Pane::Home,
        Pane::Candidates,
        Pane::Pipeline,
        Pane::Skills,
        Pane::Attention,
        Pane::Activity,
        Pane::Bench,
        Pane::Reports,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Home => "My work",
            Pane::Candidates => "Candidates",
            Pane::Pipeline => "Pipeline",
            Pane::Skills => "Skills",
            Pane::Attention => "Attention",
            Pane::Activity => "Activity",
            Pane::Bench => "Bench",
            Pane::Reports => "Reports",
        }
    }

    /// The title where room is short (80 columns).
    pub fn short_title(self) -> &'static str {
        match self {
            Pane::Home => "Work",
            Pane::Candidates => "People",
            Pane::Pipeline => "Pipeline",
            Pane::Skills => "Skills",
            Pane::Attention => "Attention",
            Pane::Activity => "Log",
            Pane::Bench => "Bench",
            Pane::Reports => "Stats",
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
    /// The firm's rules: aging, the promise, money, answer times.
    pub policy: Policy,
    /// Shown in the status bar at start (a bad keymap file, say).
    pub notice: Option<Status>,
    /// This session among those sharing the records (0 for a local
    /// terminal): its own writes do not wake it.
    pub session: Origin,
    /// The saved views (the config file's, else the defaults).
    pub views: Vec<crate::filter::View>,
    /// How a view saved in the app is written; `None`: not written.
    pub save_view: Option<ViewSaver>,
    /// What this session may see and do (the local user's from the
    /// config, an SSH key's from its `authorized_keys` line).
    pub role: crate::domain::access::Role,
}

pub struct App {
    /// The records every session shares, and the one way to write them.
    records: Arc<Records>,
    session: Origin,
    /// The role, and what it changes: the records drawn, the search.
    access: access::SessionAccess,
    catalog: &'static Catalog,
    clock: Arc<dyn Clock>,
    actor: String,
    keymap: Keymap,
    policy: Policy,
    /// The saved views, and how one is written (`saved.rs`).
    saved_views: Vec<crate::filter::View>,
    view_saver: Option<ViewSaver>,
    /// The snapshot of the records this session draws, at version `seen`.
    data: Arc<Data>,
    seen: u64,
    /// What is derived from `data` for the screen (the board, attention),
    /// computed once per change.
    views: Views,
    pane: Pane,
    engagement: Option<EngagementId>,
    candidates: CandidatesState,
    /// The filter's finder, kept across keystrokes.
    finding: finding::Finding,
    pipeline: PipelineState,
    matrix: MatrixState,
    attention: attention::AttentionState,
    home: home::HomeState,
    bench: bench::BenchState,
    reports: reports::ReportsState,
    /// The activity pane's cursor.
    activity_cursor: list::ListCursor,
    /// Changes that `u` can undo, newest last; and those `ctrl-r` can redo.
    undo: Vec<undo::Undoable>,
    redo: Vec<undo::Undoable>,
    /// Whether the frontend can run `$EDITOR`, and a note waiting for it.
    external_editor: bool,
    pending_edit: Option<prompt::note::NoteTarget>,
    /// Marked rows and cards.
    marks: std::collections::BTreeSet<crate::domain::CandidateId>,
    /// The newest events of the whole log, for the activity pane.
    activity: Vec<crate::domain::Event>,
    /// The newest events of the candidate in the detail view.
    detail_feed: Vec<crate::domain::Event>,
    overlay: Option<Overlay>,
    status: Status,
    size: (u16, u16),
    /// What the last frame drew where (for the mouse and the detail's end).
    screen: screen_map::ScreenMap,
    /// What drawing keeps between frames (`ui/memo.rs`).
    frame_memo: frame_memo::FrameMemo,
    /// Bytes for the terminal itself (OSC 52), sent with the next frame.
    terminal_out: Vec<u8>,
    /// The last `y`: whose, and which of their details it copied.
    copy_step: Option<(crate::domain::CandidateId, usize)>,
    /// The `:` commands run, oldest first, for Up in the command line.
    command_history: Vec<String>,
    /// Whether `:import` may read files: only on the computer the user
    /// sits at (see [`App::allow_local_files`]).
    reads_local_files: bool,
    quit: bool,
}

impl App {
    /// Loads everything the panes show from `store`.
    pub fn new(store: Arc<Store>, options: AppOptions) -> crate::store::Result<App> {
        let records = Records::load(store, Catalog::builtin())?;
        Ok(App::with_records(records, options))
    }

    /// A session over records shared with other sessions of this process
    /// (`hireterm serve`): each has its own panes, cursors, marks and undo.
    pub fn with_records(records: Arc<Records>, options: AppOptions) -> App {
        let catalog = Catalog::builtin();
        let (seen, full) = records.snapshot();
        let who = crate::domain::scope::Access::new(options.role, options.actor.clone());
        let actor = access::actor_for(&who, options.actor, &full);
        let mut access = access::SessionAccess::new(who);
        let data = access.view(&records, (seen, full), None, catalog);
        let candidates = CandidatesState::new(&data, catalog);
        let engagement = first_open(data.engagements());
        let pane = first_pane(data.engagements());
        let mut app = App {
            records,
            session: options.session,
            access,
            catalog,
            clock: options.clock,
            actor,
            keymap: options.keymap,
            policy: options.policy,
            saved_views: options.views,
            view_saver: options.save_view,
            data,
            seen,
            views: Views::default(),
            pane,
            engagement,
            candidates,
            finding: Default::default(),
            pipeline: PipelineState::default(),
            matrix: MatrixState::new(),
            attention: Default::default(),
            home: Default::default(),
            bench: Default::default(),
            reports: Default::default(),
            activity_cursor: Default::default(),
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
            screen: Default::default(),
            frame_memo: Default::default(),
            terminal_out: Vec::new(),
            copy_step: None,
            command_history: Vec::new(),
            reads_local_files: false,
            quit: false,
        };
        app.refresh_views();
        app
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

    /// Who writes: this session, now, as its actor.
    fn writer(&self) -> Writer {
        Writer {
            origin: self.session,
            stamp: self.stamp(),
            access: self.access.access.clone(),
        }
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
    /// Lets `:import` read files: a local terminal's app (never a
    /// session over SSH, where a path would be read on the server).
    pub fn allow_local_files(&mut self) {
        self.reads_local_files = true;
    }

    pub fn wait_for_search_index(&mut self) {
        self.search_index();
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
    /// The snapshot itself: drawing tells by its identity whether the
    /// records changed since the last frame (a snapshot never changes).
    pub fn data_shared(&self) -> &Arc<Data> {
        &self.data
    }
    /// Calls `wake` whenever another session's write, or the rest of a
    /// large database read, changes the records, until the guard drops.
    pub fn watch_others(&self, wake: impl Fn() + Send + Sync + 'static) -> records::WatchGuard {
        let own = self.session;
        self.records.watch(move |origin| {
            if origin != own {
                wake();
            }
        })
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
    pub fn home(&self) -> &home::HomeState {
        &self.home
    }
    /// Who acts in this session: the name its changes are recorded under.
    pub fn actor(&self) -> &str {
        &self.actor
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
        &self.policy.aging
    }
    pub fn policy(&self) -> &Policy {
        &self.policy
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
    /// The bytes the app asks a frontend to pass to the terminal as they
    /// are (OSC 52 from `y`), once.
    pub fn take_terminal_output(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.terminal_out)
    }
    /// Where drawing records what it put where (see `screen_map.rs`).
    pub fn screen_map(&self) -> &screen_map::ScreenMap {
        &self.screen
    }
    /// What drawing keeps between frames (see `frame_memo.rs`).
    pub fn frame_memo(&self) -> &frame_memo::FrameMemo {
        &self.frame_memo
    }
    /// The store, for reading; see [`Records::store`]. It holds every
    /// record, so a session whose role does not see everything is refused
    /// it: what such a session reads is [`App::data`], its own copy.
    pub fn store(&self) -> crate::store::Result<Arc<Store>> {
        match self.access.access.sees_everything() {
            true => self.records.store(),
            false => Err(crate::store::StoreError::Forbidden(format!(
                "{} reads only what it is shown",
                self.role()
            ))),
        }
    }
    /// Where the database is.
    pub fn database_path(&self) -> &std::path::Path {
        self.records.path()
    }
    /// This session's number among those sharing the records.
    pub fn session(&self) -> Origin {
        self.session
    }
    pub fn views(&self) -> &Views {
        &self.views
    }
    /// The current engagement's board, a column per stage (see
    /// [`views::Views`]: computed once per change, not per frame).
    pub fn board(&self) -> Vec<Vec<pipeline::Card<'_>>> {
        self.views.board(&self.data)
    }
    pub fn bench(&self) -> &bench::BenchState {
        &self.bench
    }
    pub fn reports(&self) -> &reports::ReportsState {
        &self.reports
    }
    pub fn activity_cursor(&self) -> &list::ListCursor {
        &self.activity_cursor
    }
    /// Whether the pipeline draws as a board (wide) or a list (narrow).
    pub fn pipeline_as_list(&self) -> bool {
        self.size.0 < pipeline::BOARD_MIN_WIDTH
    }
}

/// The pane shown first: My work once there is an engagement to work on.
fn first_pane(engagements: &[Engagement]) -> Pane {
    match engagements.is_empty() {
        true => Pane::Candidates,
        false => Pane::Home,
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
