//! What each action does in the panes (the prompts' are in `overlay.rs`).

use super::list::Motion;
use super::matrix::MatrixRows;
use super::overlay::Overlay;
use super::prompt::help::Help;
use super::{Action, App, Pane};
use crate::domain::Stage;

impl App {
    /// An action the current pane's context accepted.
    pub(super) fn pane_update(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Help => {
                let help = Help::new(&self.keymap, self.context());
                self.overlay = Some(Overlay::Help(help));
            }
            Action::NextPane => self.show(self.neighbour_pane(1)),
            Action::PrevPane => self.show(self.neighbour_pane(-1)),
            Action::ShowHome => self.show(Pane::Home),
            Action::ShowCandidates => self.show(Pane::Candidates),
            Action::ShowPipeline => self.show(Pane::Pipeline),
            Action::ShowSkills => self.show(Pane::Skills),
            Action::ShowAttention => self.show(Pane::Attention),
            Action::ShowActivity => self.show(Pane::Activity),
            Action::ShowBench => self.show(Pane::Bench),
            Action::ShowReports => self.show(Pane::Reports),
            Action::AddToPipeline => self.open_add_to_pipeline(),
            Action::AddClient => self.open_client_form(false),
            Action::EditClient => self.open_client_form(true),
            Action::ChooseEngagement => self.open_picker(),
            Action::Search => self.open_palette(),
            Action::CommandLine => self.open_command_line(),
            Action::Copy => self.copy(),
            Action::Undo => self.undo_last(),
            Action::Redo => self.redo_last(),
            Action::Backup => self.take_backup(),
            Action::Tag => self.open_tag_prompt(),
            Action::AssignInterviewer => self.open_assign(),
            Action::AddNote => self.open_note_here(),
            Action::Delete => self.open_delete_here(),
            Action::DeleteNote => self.open_delete_note(),
            Action::Erase => self.open_erase_here(),
            action if action.opens_form() => self.open_form(action),
            _ => match self.pane {
                Pane::Home => self.home_update(action),
                Pane::Candidates if self.candidates.detail.is_some() => self.detail_update(action),
                Pane::Candidates => self.candidates_update(action),
                Pane::Pipeline => self.pipeline_update(action),
                Pane::Skills => self.skills_update(action),
                Pane::Attention => self.attention_update(action),
                Pane::Activity => self.activity_update(action),
                Pane::Bench => self.bench_update(action),
                Pane::Reports => self.reports_update(action),
            },
        }
    }

    pub(super) fn show(&mut self, pane: Pane) {
        self.pane = pane;
        if pane == Pane::Activity {
            self.refresh_feeds();
        }
        if pane == Pane::Bench {
            self.refresh_bench();
        }
        self.refresh_reports();
    }

    /// Re-reads the activity feeds on screen after a change (the log is the
    /// source): the global one only while its pane shows, so that moving a
    /// card does not read the log for nothing.
    pub(super) fn refresh_feeds(&mut self) {
        const FEED: usize = 200;
        if self.pane == Pane::Activity {
            let keep = |e: &crate::domain::Event| self.access.feed_event(e, &self.data);
            let events = (self.records.store())
                .and_then(|s| s.recent_events_where(FEED, |e| keep(e).is_some()));
            match events.map(|events| events.iter().filter_map(keep).collect()) {
                Ok(events) => self.activity = events,
                Err(error) => self.complain(error.to_string()),
            }
            let page = self.page_rows();
            self.activity_cursor.clamp(self.activity.len(), page);
        }
        if let Some(detail) = self.candidates.detail {
            let keep = |e: &crate::domain::Event| self.access.feed_event(e, &self.data);
            let events = (self.records.store())
                .and_then(|s| s.events_of_where(detail.candidate, FEED, |e| keep(e).is_some()));
            match events.map(|events| events.iter().filter_map(keep).collect()) {
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

    fn detail_update(&mut self, action: Action) {
        let Some(detail) = &mut self.candidates.detail else {
            return;
        };
        // The end as the last frame found it: past it nothing moves, and
        // a move up from it shows at once.
        let last = self.screen.detail_last_top();
        let scroll = &mut detail.scroll;
        *scroll = (*scroll).min(last);
        let page = self.size.1.saturating_sub(5).max(1);
        match action {
            Action::Back => {
                self.pane = detail.opened_from;
                self.candidates.detail = None;
            }
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::Down => *scroll = scroll.saturating_add(1).min(last),
            Action::HalfPageDown => *scroll = scroll.saturating_add(page.div_ceil(2)).min(last),
            Action::PageDown => *scroll = scroll.saturating_add(page).min(last),
            Action::HalfPageUp => *scroll = scroll.saturating_sub(page.div_ceil(2)),
            Action::PageUp => *scroll = scroll.saturating_sub(page),
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = last,
            Action::Reopen => {
                let candidate = detail.candidate;
                self.reopen(candidate);
            }
            Action::Consent => {
                let candidate = detail.candidate;
                self.open_consent(candidate);
            }
            _ => {}
        }
    }

    fn candidates_update(&mut self, action: Action) {
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
                let by = self.candidates.sort.title().to_lowercase();
                self.say(format!("sorted by {by}"));
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
                let rows = self.candidates.order.iter();
                let all = rows.map(|&i| self.data.candidates()[i as usize].id);
                self.mark_all(all.collect());
            }
            Action::Back if !self.marks.is_empty() => self.clear_marks(),
            Action::Back
                if self.candidates.filter.is_some() || !self.candidates.columns.is_empty() =>
            {
                self.clear_filter()
            }
            Action::Filter => self.open_filter_line(""),
            Action::SaveView => self.open_save_view(),
            _ => {}
        }
    }

    /// Opens a candidate's detail view; Esc returns to the current pane.
    pub(super) fn open_detail(&mut self, candidate: crate::domain::CandidateId) {
        self.candidates.detail = Some(super::candidates::Detail {
            candidate,
            scroll: 0,
            opened_from: self.pane,
        });
        self.pane = Pane::Candidates;
        self.record_view(candidate);
        self.refresh_feeds();
    }

    fn pipeline_update(&mut self, action: Action) {
        if self.engagement().is_none() {
            if action != Action::Back {
                self.complain("no engagement chosen: press e to choose one");
            }
            return;
        }
        let data = std::sync::Arc::clone(&self.data);
        let board = self.views.board(&data);
        let (as_list, page) = (self.pipeline_as_list(), self.page_rows());
        if let Some(motion) = Motion::from_action(action) {
            return self.pipeline.motion(motion, &board, page, as_list);
        }
        match action {
            Action::Left if as_list => self.pipeline.step_column(&board, -1, false),
            Action::Right if as_list => self.pipeline.step_column(&board, 1, false),
            Action::Left => self.pipeline.side_step(-1),
            Action::Right => self.pipeline.side_step(1),
            Action::MarkAll => {
                let all = board.iter().flatten().map(|c| c.candidate.id).collect();
                self.mark_all(all)
            }
            Action::Back if !self.marks.is_empty() => self.clear_marks(),
            action => self.card_update(action),
        }
    }

    /// The pipeline's actions on the marked cards, else on the card under
    /// the cursor.
    fn card_update(&mut self, action: Action) {
        let marked = !self.marks.is_empty();
        let selected = self.selected_card();
        match (action, selected) {
            (Action::MoveForward, _) if marked => self.move_marked(true),
            (Action::MoveBack, _) if marked => self.move_marked(false),
            (Action::Reject, _) if marked => self.open_exit_for_marks(Stage::Rejected),
            (Action::Withdraw, _) if marked => self.open_exit_for_marks(Stage::Withdrawn),
            (Action::ToggleMark, Some(card)) => self.toggle_mark(card.candidate),
            (Action::Scorecard, Some(card)) => self.open_scorecard(card),
            (Action::Open, Some(card)) => self.open_detail(card.candidate),
            (Action::MoveForward, Some(card)) => self.move_card(card, true),
            (Action::MoveBack, Some(card)) => self.move_card(card, false),
            (Action::Reject, Some(card)) => self.open_exit(Stage::Rejected, card),
            (Action::Withdraw, Some(card)) => self.open_exit(Stage::Withdrawn, card),
            (Action::Submit, Some(card)) => self.open_submit(card),
            (Action::Answer, Some(card)) => self.open_answer(card),
            (Action::ChangePlacement, Some(card)) => self.open_change_placement(card),
            (
                Action::MoveForward
                | Action::MoveBack
                | Action::Reject
                | Action::Withdraw
                | Action::Open
                | Action::Scorecard
                | Action::ToggleMark
                | Action::Submit
                | Action::Answer
                | Action::ChangePlacement,
                None,
            ) => self.complain("no card selected"),
            _ => {}
        }
    }

    fn skills_update(&mut self, action: Action) {
        let page = self.page_rows();
        if let Some(motion) = Motion::from_action(action) {
            let rows = self.matrix.order.len();
            return self.matrix.rows.apply(motion, rows, page);
        }
        let columns = super::matrix::columns(self.catalog, self.engagement());
        let widths: Vec<u16> = (columns.iter())
            .map(|c| super::matrix::column_width(self.catalog, c))
            .collect();
        let room = super::matrix::cells_room(self.size.0);
        match action {
            Action::Left => self.matrix.step_column(-1, &widths, room),
            Action::Right => self.matrix.step_column(1, &widths, room),
            Action::SortByScore => {
                self.matrix.by_score = !self.matrix.by_score;
                self.matrix.descending = true;
                self.rebuild_matrix();
                let how = match self.matrix.by_score {
                    true => "by match score",
                    false => "by name",
                };
                self.say(format!("sorted {how}"));
            }
            Action::SortReverse if self.matrix.by_score => {
                self.matrix.descending = !self.matrix.descending;
                self.rebuild_matrix();
            }
            Action::ToggleMark => {
                if let Some(id) = self.matrix_selected() {
                    self.toggle_mark(id);
                    let rows = self.matrix.order.len();
                    self.matrix.rows.apply(Motion::Down, rows, page);
                }
            }
            Action::ToggleMatrixRows => {
                self.matrix.source = match self.matrix.source {
                    MatrixRows::Pipeline => MatrixRows::Candidates,
                    MatrixRows::Candidates => MatrixRows::Pipeline,
                };
                self.matrix.rows = Default::default();
                self.rebuild_matrix();
            }
            Action::Open => {
                let row = self.matrix.order.get(self.matrix.rows.selected).copied();
                let candidate = row.and_then(|i| self.data.candidates().get(i as usize));
                if let Some(id) = candidate.map(|c| c.id) {
                    self.open_detail(id);
                }
            }
            _ => {}
        }
    }

    fn attention_update(&mut self, action: Action) {
        let count = self.views.attention().len();
        if let Some(motion) = Motion::from_action(action) {
            return self.attention.cursor.apply(motion, count, self.page_rows());
        }
        let selected = self.views.attention().get(self.attention.cursor.selected);
        let Some(concern) = selected.map(|item| item.concern.clone()) else {
            return;
        };
        match concern.person() {
            Some(candidate) => self.open_detail(candidate),
            None => self.go_to(concern.card(), concern.engagement()),
        }
    }

    /// My work: Enter goes where the row points, as in Attention.
    fn home_update(&mut self, action: Action) {
        let home = self.views.home();
        if let Some(motion) = Motion::from_action(action) {
            let page = self.page_rows();
            self.home.cursor.apply(motion, home.len(), page);
            self.home.top = home.scroll(self.home.top, self.home.cursor.selected, page);
            return;
        }
        if let Some(row) = home.row(self.home.cursor.selected) {
            let (card, engagement) = (row.card(), row.engagement());
            self.go_to(card, Some(engagement));
        }
    }

    /// A card, on its engagement's board; else the engagement's board.
    fn go_to(
        &mut self,
        card: Option<(crate::domain::EngagementId, crate::domain::CandidateId)>,
        engagement: Option<crate::domain::EngagementId>,
    ) {
        match (card, engagement) {
            (Some((engagement, candidate)), _) => self.jump_to_card(engagement, candidate),
            (None, Some(engagement)) => self.show_engagement(engagement),
            (None, None) => {}
        }
    }

    fn bench_update(&mut self, action: Action) {
        let count = self.views.bench().len();
        if let Some(motion) = Motion::from_action(action) {
            return self.bench.cursor.apply(motion, count, self.page_rows());
        }
        match action {
            Action::Open => {
                if let Some(id) = self.bench_selected() {
                    self.open_detail(id);
                }
            }
            Action::NextWindow => {
                self.bench.next_window();
                self.bench.cursor = Default::default();
                self.refresh_views();
                self.say(format!("free within {} days", self.bench.window));
            }
            Action::SortNext => {
                self.bench.sort = self.bench.sort.next();
                self.bench.descending = false;
                self.refresh_views();
                self.say(format!("sorted by {}", self.bench.sort.title()));
            }
            Action::SortReverse => {
                self.bench.descending = !self.bench.descending;
                self.refresh_views();
            }
            _ => {}
        }
    }

    fn activity_update(&mut self, action: Action) {
        if let Some(motion) = Motion::from_action(action) {
            let count = self.activity.len();
            self.activity_cursor.apply(motion, count, self.page_rows());
        }
    }

    /// Shows an engagement's board with the cursor on one candidate's card.
    pub(super) fn jump_to_card(
        &mut self,
        engagement: crate::domain::EngagementId,
        candidate: crate::domain::CandidateId,
    ) {
        self.show_engagement(engagement);
        let data = std::sync::Arc::clone(&self.data);
        let board = self.views.board(&data);
        let found = board.iter().enumerate().find_map(|(column, cards)| {
            let row = cards.iter().position(|c| c.candidate.id == candidate)?;
            Some((column, row))
        });
        if let Some((column, row)) = found {
            self.pipeline.column = column;
            self.pipeline.cards[column].selected = row;
            let page = self.page_rows();
            self.pipeline.clamp(&board, page);
        }
    }
}
