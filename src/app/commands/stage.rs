//! Stage moves: a card forward or back, every marked card at once, off
//! the board with a reason (reject, withdraw), and back on (re-open).

use crate::app::App;
use crate::app::overlay::Overlay;
use crate::app::pipeline::CardRef;
use crate::app::prompt::exit::{ExitPrompt, ExitRequest};
use crate::domain::{Application, CandidateId, EngagementId, Stage};

impl App {
    /// The card under the cursor on the board.
    pub(in crate::app) fn selected_card(&self) -> Option<CardRef> {
        let board = self.board();
        self.pipeline.selected(&board).map(CardRef::of)
    }

    /// Moves a card one stage; the move is flushed to disk before the
    /// screen shows it.
    pub(in crate::app) fn move_card(&mut self, card: CardRef, forward: bool) {
        let Some(engagement) = self.engagement else {
            return;
        };
        let target = match forward {
            true => card.stage.next(),
            false => card.stage.previous(),
        };
        let Some(to) = target else {
            let end = if forward { "last" } else { "first" };
            return self.complain(format!("{} is already in the {end} stage", card.name));
        };
        if to == Stage::Placed {
            // A placement needs its terms first.
            return self.open_place(engagement, card);
        }
        let moves = [(card.candidate, to)];
        if self.write_moves(engagement, &moves, None).is_some() {
            self.say(format!("{}: {} → {to}", card.name, card.stage));
        }
    }

    /// Moves every marked card one stage, in one transaction. Cards that
    /// cannot go that way (already first or last) are left and counted.
    pub(in crate::app) fn move_marked(&mut self, forward: bool) {
        let Some(engagement) = self.engagement else {
            return;
        };
        let moves: Vec<(CandidateId, Stage)> = self
            .data
            .pipeline(engagement)
            .iter()
            .filter(|a| self.marks.contains(&a.candidate))
            .filter_map(|a| {
                let to = if forward {
                    a.stage.next()
                } else {
                    a.stage.previous()
                };
                // Placing needs each card's terms: not in bulk.
                let to = to.filter(|to| a.stage.can_move_to(*to) && *to != Stage::Placed);
                Some((a.candidate, to?))
            })
            .collect();
        let skipped = self.marks.len() - moves.len();
        let placing = forward
            && self
                .data
                .pipeline(engagement)
                .iter()
                .any(|a| self.marks.contains(&a.candidate) && a.stage == Stage::Offer);
        let Some(moved) = self.write_moves(engagement, &moves, None) else {
            return;
        };
        self.marks.clear();
        let way = if forward { "forward" } else { "back" };
        let why = if placing {
            ": placing needs each card's terms, > on each"
        } else {
            ""
        };
        let note = match skipped {
            0 => String::new(),
            n => format!(" ({n} could not move {way}{why})"),
        };
        self.say(format!("moved {moved} marked cards {way}{note}"));
    }

    /// Writes moves in one transaction, remembers them for undo and shows
    /// them; how many moved, or `None` (with the reason said) if refused.
    fn write_moves(
        &mut self,
        engagement: EngagementId,
        moves: &[(CandidateId, Stage)],
        reason: Option<String>,
    ) -> Option<usize> {
        match self
            .records
            .move_many(&self.writer(), engagement, moves, reason)
        {
            Ok((applications, snapshot)) => {
                self.remember_moves(engagement, &applications);
                self.adopt(snapshot);
                Some(applications.len())
            }
            Err(error) => {
                self.complain(error.to_string());
                None
            }
        }
    }

    /// `x` or `w` on a card: the prompt for the reason.
    pub(in crate::app) fn open_exit(&mut self, exit: Stage, card: CardRef) {
        self.open_exit_for(exit, vec![card.candidate], card.name);
    }

    /// `x` or `w` with cards marked: one prompt for all that can go.
    pub(in crate::app) fn open_exit_for_marks(&mut self, exit: Stage) {
        let Some(engagement) = self.engagement else {
            return;
        };
        let candidates: Vec<CandidateId> = self
            .data
            .pipeline(engagement)
            .iter()
            .filter(|a| self.marks.contains(&a.candidate) && a.stage.can_move_to(exit))
            .map(|a| a.candidate)
            .collect();
        let name = format!("{} marked cards", candidates.len());
        self.open_exit_for(exit, candidates, name);
    }

    fn open_exit_for(&mut self, exit: Stage, candidates: Vec<CandidateId>, name: String) {
        if let Some(engagement) = self.engagement {
            let prompt = ExitPrompt::new(exit, engagement, candidates, name);
            self.overlay = Some(Overlay::Exit(prompt));
        }
    }

    /// The exit prompt confirmed: every card off the board in one
    /// transaction, with the reason.
    pub(in crate::app) fn take_off_board(&mut self, request: ExitRequest) {
        self.overlay = None;
        let moves: Vec<(CandidateId, Stage)> = request
            .candidates
            .iter()
            .map(|c| (*c, request.exit))
            .collect();
        let reason = Some(request.reason.clone());
        if self
            .write_moves(request.engagement, &moves, reason)
            .is_some()
        {
            self.marks.clear();
            let verb = match request.exit {
                Stage::Withdrawn => "withdrawn",
                _ => "rejected",
            };
            self.say(format!("{} {verb}: {}", request.name, request.reason));
        }
    }

    /// Puts a candidate's most recently exited application back in the
    /// stage it left.
    pub(in crate::app) fn reopen(&mut self, candidate: CandidateId) {
        let exited = self
            .data
            .applications_of(candidate)
            .into_iter()
            .filter(|a| a.stage.is_exit())
            .max_by_key(|a| a.entered_stage_at())
            .and_then(|a: &Application| Some((a.engagement, a.history.last()?.from?)));
        let Some((engagement, stage)) = exited else {
            return self.complain("no rejected or withdrawn application to re-open");
        };
        self.reopen_at(engagement, candidate, stage);
    }

    /// Puts a card that left `engagement` back at `stage`.
    pub(in crate::app) fn reopen_at(
        &mut self,
        engagement: EngagementId,
        candidate: CandidateId,
        stage: Stage,
    ) {
        let reason = Some("re-opened".to_string());
        if self
            .write_moves(engagement, &[(candidate, stage)], reason)
            .is_some()
        {
            self.say(format!("re-opened in {engagement} at {stage}"));
        }
    }
}
