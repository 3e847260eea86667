//! `App::update`: what each action does to the state, pane by pane.

use super::list::Motion;
use super::overlay::Overlay;
use super::pipeline::{self, Card};
use super::{Action, App, Pane, Status};
use crate::domain::{CandidateId, Stage};

impl App {
    /// Applies one action. Each leaves a message in the status bar, or
    /// clears the last one.
    pub fn update(&mut self, action: Action) {
        self.status = Status::default();
        match self.overlay {
            Some(Overlay::Help { .. }) => return self.help_update(action),
            Some(Overlay::Picker { .. }) => return self.picker_update(action),
            // The text-taking overlays read their keys themselves.
            Some(_) => return,
            None => {}
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::NextPane => self.show(self.neighbour_pane(1)),
            Action::PrevPane => self.show(self.neighbour_pane(-1)),
            Action::ShowCandidates => self.show(Pane::Candidates),
            Action::ShowPipeline => self.show(Pane::Pipeline),
            Action::ShowSkills => self.show(Pane::Skills),
            Action::ShowAttention => self.show(Pane::Attention),
            Action::ShowActivity => self.show(Pane::Activity),
            Action::ChooseEngagement => self.open_picker(),
            Action::Search => self.open_palette(),
            Action::Undo => self.undo_last(),
            Action::Tag => self.open_tag_prompt(),
            Action::Backup => self.take_backup(),
            Action::AddNote => match self.note_target_here() {
                Some(target) => self.start_note(target),
                None => self.complain("open a candidate or select a card to write a note"),
            },
            Action::Redo => self.redo_last(),
            action if action.opens_form() => self.open_form(action),
            _ => match self.pane {
                Pane::Candidates => self.candidates_update(action),
                Pane::Pipeline => self.pipeline_update(action),
                Pane::Skills => self.skills_update(action),
                Pane::Attention => self.attention_update(action),
                Pane::Activity => {}
            },
        }
    }

    /// A backup beside the database: `<db>.backups/<time>`.
    fn take_backup(&mut self) {
        if let Err(wait) = self.shared.claim_backup() {
            return self.complain(format!(
                "a backup was taken moments ago; the next one can be taken in {} s",
                wait.as_secs().max(1)
            ));
        }
        let stamp = self.clock.now().format("%Y%m%d-%H%M%S").to_string();
        let mut folder = self.store.path().as_os_str().to_owned();
        folder.push(".backups");
        let target = std::path::PathBuf::from(folder).join(stamp);
        match self.store.backup_to(&target) {
            Ok(()) => self.say(format!("backup written to {}", target.display())),
            Err(error) => self.complain(error.to_string()),
        }
    }

    fn show(&mut self, pane: Pane) {
        self.pane = pane;
        if pane == Pane::Activity {
            self.refresh_feeds();
        }
    }

    /// Re-reads the activity feeds on screen after a change (the log is the
    /// source): the global one only while its pane shows, so that moving a
    /// card does not read the log for nothing.
    pub(super) fn refresh_feeds(&mut self) {
        const FEED: usize = 200;
        if self.pane == Pane::Activity {
            match self.store.recent_events(FEED) {
                Ok(events) => self.activity = events,
                Err(error) => self.complain(error.to_string()),
            }
        }
        if let Some(detail) = self.candidates.detail {
            match self.store.events_of(detail.candidate, FEED) {
                Ok(events) => self.detail_feed = events,
                Err(error) => self.complain(error.to_string()),
            }
        }
    }

    fn neighbour_pane(&self, step: isize) -> Pane {
        let count = Pane::ALL.len() as isize;
        let here = Pane::ALL.iter().position(|p| *p == self.pane).unwrap_or(0) as isize;
        Pane::ALL[(here + step).rem_euclid(count) as usize]
    }

    fn help_update(&mut self, action: Action) {
        let Some(Overlay::Help { scroll }) = &mut self.overlay else {
            return;
        };
        match action {
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::Down => *scroll = scroll.saturating_add(1),
            Action::Top => *scroll = 0,
            Action::Help | Action::Back | Action::Quit | Action::Open => self.overlay = None,
            _ => {}
        }
    }

    fn open_picker(&mut self) {
        if self.data.engagements().is_empty() {
            return self.complain("there are no engagements yet");
        }
        let mut cursor = super::list::ListCursor::default();
        let current = self
            .engagement
            .and_then(|id| self.data.engagements().iter().position(|e| e.id == id));
        cursor.selected = current.unwrap_or(0);
        cursor.clamp(self.data.engagements().len(), self.page_rows());
        self.overlay = Some(Overlay::Picker { cursor });
    }

    fn picker_update(&mut self, action: Action) {
        let page = self.page_rows();
        let count = self.data.engagements().len();
        let Some(Overlay::Picker { cursor }) = &mut self.overlay else {
            return;
        };
        if let Some(motion) = Motion::from_action(action) {
            return cursor.apply(motion, count, page);
        }
        match action {
            Action::Open => {
                let chosen = self
                    .data
                    .engagements()
                    .get(cursor.selected)
                    .map(|e| (e.id, e.title.clone()));
                self.overlay = None;
                if let Some((id, title)) = chosen {
                    self.engagement = Some(id);
                    self.pipeline = Default::default();
                    self.marks.clear();
                    self.rebuild_matrix();
                    self.say(format!("engagement: {title}"));
                }
            }
            Action::Back | Action::Quit | Action::ChooseEngagement => self.overlay = None,
            _ => {}
        }
    }

    fn candidates_update(&mut self, action: Action) {
        if let Some(detail) = &mut self.candidates.detail {
            match action {
                Action::Back => {
                    self.pane = detail.opened_from;
                    self.candidates.detail = None;
                }
                Action::Up => detail.scroll = detail.scroll.saturating_sub(1),
                Action::Down => detail.scroll = detail.scroll.saturating_add(1),
                Action::HalfPageDown | Action::PageDown => {
                    detail.scroll = detail.scroll.saturating_add(10)
                }
                Action::HalfPageUp | Action::PageUp => {
                    detail.scroll = detail.scroll.saturating_sub(10)
                }
                Action::Top => detail.scroll = 0,
                Action::Reopen => {
                    let candidate = detail.candidate;
                    self.reopen(candidate);
                }
                _ => {}
            }
            return;
        }
        if let Some(motion) = Motion::from_action(action) {
            return self.candidates.motion(motion, self.page_rows());
        }
        match action {
            Action::Open => {
                if let Some(id) = self.candidates.selected(&self.data).map(|c| c.id) {
                    self.open_detail(id);
                }
            }
            Action::SortNext => {
                self.candidates.sort_next(&self.data, self.catalog);
                self.say(format!(
                    "sorted by {}",
                    self.candidates.sort.title().to_lowercase()
                ));
                self.rebuild_matrix();
            }
            Action::SortReverse => {
                self.candidates.reverse(&self.data, self.catalog);
                self.rebuild_matrix();
            }
            Action::ToggleMark => {
                if let Some(id) = self.candidates.selected(&self.data).map(|c| c.id) {
                    self.toggle_mark(id);
                    self.candidates.motion(Motion::Down, self.page_rows());
                }
            }
            Action::MarkAll => {
                let all = self
                    .candidates
                    .order
                    .iter()
                    .map(|&i| self.data.candidates()[i as usize].id)
                    .collect();
                self.mark_all(all);
            }
            Action::Back if !self.marks.is_empty() => self.clear_marks(),
            Action::Back if self.candidates.filter.is_some() => self.clear_filter(),
            _ => {}
        }
    }

    /// Opens a candidate's detail view; Esc returns to the current pane.
    pub(super) fn open_detail(&mut self, candidate: CandidateId) {
        self.candidates.detail = Some(super::candidates::Detail {
            candidate,
            scroll: 0,
            opened_from: self.pane,
        });
        self.pane = Pane::Candidates;
        self.refresh_feeds();
    }

    fn pipeline_update(&mut self, action: Action) {
        let Some(engagement) = self.engagement() else {
            if action != Action::Back {
                self.complain("no engagement chosen: press e to choose one");
            }
            return;
        };
        let as_list = self.pipeline_as_list();
        let page = self.page_rows();
        let board = pipeline::board(&self.data, engagement, self.clock.now());
        let selected = self.pipeline.selected(&board).map(card_ids);
        if let Some(motion) = Motion::from_action(action) {
            return self.pipeline.motion(motion, &board, page, as_list);
        }
        let marked = !self.marks.is_empty();
        match (action, selected) {
            (Action::ToggleMark, Some((candidate, ..))) => self.toggle_mark(candidate),
            (Action::Scorecard, Some((candidate, name, stage))) => {
                self.open_scorecard(candidate, name, stage)
            }
            (Action::MarkAll, _) => {
                self.mark_all(board.iter().flatten().map(|c| c.candidate.id).collect())
            }
            (Action::Back, _) if marked => self.clear_marks(),
            (Action::MoveForward, _) if marked => self.move_marked(true),
            (Action::MoveBack, _) if marked => self.move_marked(false),
            (Action::Reject, _) if marked => self.open_exit_for_marks(Stage::Rejected),
            (Action::Withdraw, _) if marked => self.open_exit_for_marks(Stage::Withdrawn),
            (Action::Left, _) if as_list => self.pipeline.step_column(&board, -1, false),
            (Action::Right, _) if as_list => self.pipeline.step_column(&board, 1, false),
            (Action::Left, _) => self.pipeline.side_step(-1),
            (Action::Right, _) => self.pipeline.side_step(1),
            (Action::Open, Some((candidate, ..))) => self.open_detail(candidate),
            (Action::MoveForward, Some(card)) => self.move_card(card, true),
            (Action::MoveBack, Some(card)) => self.move_card(card, false),
            (Action::Reject, Some((candidate, name, _))) => {
                self.open_exit(Stage::Rejected, candidate, name)
            }
            (Action::Withdraw, Some((candidate, name, _))) => {
                self.open_exit(Stage::Withdrawn, candidate, name)
            }
            (
                Action::MoveForward
                | Action::MoveBack
                | Action::Reject
                | Action::Withdraw
                | Action::Open,
                None,
            ) => self.complain("no card selected"),
            _ => {}
        }
    }

    /// Moves a card one stage; the move is flushed to disk before the
    /// screen shows it.
    fn move_card(&mut self, (candidate, name, stage): (CandidateId, String, Stage), forward: bool) {
        let Some(engagement) = self.engagement else {
            return;
        };
        let target = if forward {
            stage.next()
        } else {
            stage.previous()
        };
        let Some(to) = target else {
            let end = if forward { "last" } else { "first" };
            return self.complain(format!("{name} is already in the {end} stage"));
        };
        match self
            .store
            .move_stage(engagement, candidate, to, None, &self.stamp())
        {
            Ok(application) => {
                self.remember_moves(engagement, std::slice::from_ref(&application));
                self.write_data(|data| data.put_application(application));
                self.after_pipeline_change();
                self.say(format!("{name}: {stage} → {to}"));
            }
            Err(error) => self.complain(error.to_string()),
        }
    }

    pub(super) fn after_pipeline_change(&mut self) {
        self.refresh_feeds();
        if let Some(engagement) = self.engagement() {
            let board = pipeline::board(&self.data, engagement, self.clock.now());
            let page = self.page_rows();
            self.pipeline.clamp(&board, page);
        }
        self.rebuild_matrix();
    }

    fn skills_update(&mut self, action: Action) {
        let page = self.page_rows();
        if let Some(motion) = Motion::from_action(action) {
            return self
                .matrix
                .rows
                .apply(motion, self.matrix.order.len(), page);
        }
        let total = super::matrix::columns(self.catalog, self.engagement()).len();
        match action {
            Action::Left => self.matrix.step_column(-1, total, self.size.0),
            Action::Right => self.matrix.step_column(1, total, self.size.0),
            Action::SortByScore => {
                self.matrix.by_score = !self.matrix.by_score;
                self.matrix.descending = true;
                self.rebuild_matrix();
                let how = if self.matrix.by_score {
                    "by match score"
                } else {
                    "by name"
                };
                self.say(format!("sorted {how}"));
            }
            Action::SortReverse if self.matrix.by_score => {
                self.matrix.descending = !self.matrix.descending;
                self.rebuild_matrix();
            }
            Action::ToggleMatrixRows => {
                self.matrix.source = match self.matrix.source {
                    super::matrix::MatrixRows::Pipeline => super::matrix::MatrixRows::Candidates,
                    super::matrix::MatrixRows::Candidates => super::matrix::MatrixRows::Pipeline,
                };
                self.matrix.rows = Default::default();
                self.rebuild_matrix();
            }
            Action::Open => {
                let row = self.matrix.order.get(self.matrix.rows.selected).copied();
                if let Some(candidate) = row
                    .and_then(|i| self.data.candidates().get(i as usize))
                    .map(|c| c.id)
                {
                    self.open_detail(candidate);
                }
            }
            _ => {}
        }
    }
}

fn card_ids(card: &Card) -> (CandidateId, String, Stage) {
    (
        card.candidate.id,
        card.candidate.name.clone(),
        card.application.stage,
    )
}
