//! What the screen shows that is worked out from the records: the current
//! engagement's board (every card scored and sorted), the attention list
//! and the actor's home screen ("My work", drawn from the attention list).
//! All are computed once per change (new records, another
//! engagement, a minute gone by for the time in stage), not per key or
//! per frame.

use super::attention::Item;
use super::bench::{self, BenchRow, BenchState};
use super::home::Home;
use super::pipeline::{self, Card, Slot};
use super::records::data::Data;
use super::{App, Pane};
use crate::domain::{Engagement, EngagementId, Policy, Timestamp};
use std::sync::Arc;

/// How long a view stays fresh with no change: time in stage is counted
/// in days, so a minute is plenty.
const STALE_AFTER: chrono::Duration = chrono::Duration::minutes(1);

#[derive(Debug, Clone, Default)]
pub struct Views {
    /// The board of `engagement`, by position in the records.
    board: Vec<Vec<Slot>>,
    engagement: Option<EngagementId>,
    attention: Arc<[Item]>,
    home: Home,
    bench: Vec<BenchRow>,
    computed_at: Timestamp,
}

impl Views {
    /// The views of `data` at `now`, for the actor named `actor`, with
    /// the attention list worked out for `data` (shared by sessions); the
    /// bench's rows only while `bench` is on screen: they are most of the
    /// candidates of a large database, kept by every session (80,000 rows
    /// of 100,000), and nobody else reads them.
    pub fn compute(
        data: &Data,
        engagement: Option<&Engagement>,
        (policy, bench, actor): (&Policy, Option<&BenchState>, &str),
        (attention, now): (Arc<[Item]>, Timestamp),
    ) -> Views {
        let board = match engagement {
            Some(e) => pipeline::slots(data, e, &policy.money, now),
            None => Vec::new(),
        };
        Views {
            board,
            engagement: engagement.map(|e| e.id),
            home: Home::compute(data, policy, &attention, actor, now),
            attention,
            bench: bench.map_or_else(Vec::new, |b| bench::rows(data, b, now.date_naive())),
            computed_at: now,
        }
    }

    /// The board's cards in `data`, the snapshot the views were computed
    /// from; a column per stage (none without an engagement).
    pub fn board<'a>(&self, data: &'a Data) -> Vec<Vec<Card<'a>>> {
        match self.engagement {
            Some(engagement) => pipeline::cards(data, engagement, &self.board),
            None => Vec::new(),
        }
    }

    /// Every concern, the latest first.
    pub fn attention(&self) -> &[Item] {
        &self.attention
    }

    /// The actor's home screen.
    pub fn home(&self) -> &Home {
        &self.home
    }

    /// Who is free within the bench's window, in its order.
    pub fn bench(&self) -> &[BenchRow] {
        &self.bench
    }

    fn is_stale(&self, now: Timestamp) -> bool {
        now - self.computed_at >= STALE_AFTER
    }
}

impl App {
    /// Works out the views and the matrix rows again: after new records,
    /// another engagement or another order of the candidates.
    pub(super) fn refresh_views(&mut self) {
        let now = self.clock.now();
        self.candidates.today = now.date_naive();
        let bench = (self.pane == Pane::Bench).then_some(&self.bench);
        let settings = (&self.policy, bench, self.actor.as_str());
        let attention = self.records.attention(&self.data, &self.policy, now);
        let at = (attention, now);
        self.views = Views::compute(&self.data, self.engagement(), settings, at);
        let page = self.page_rows();
        let board = self.views.board(&self.data);
        self.pipeline.clamp(&board, page);
        let count = self.views.attention().len();
        self.attention.cursor.clamp(count, page);
        self.home.cursor.clamp(self.views.home().len(), page);
        self.bench.cursor.clamp(self.views.bench().len(), page);
        self.rebuild_matrix();
        self.refresh_reports();
    }

    /// The bench's rows, as the bench comes on screen.
    pub(super) fn refresh_bench(&mut self) {
        let today = self.views.computed_at.date_naive();
        self.views.bench = bench::rows(&self.data, &self.bench, today);
        let page = self.page_rows();
        self.bench.cursor.clamp(self.views.bench.len(), page);
    }

    /// The views again if time has moved on since they were computed.
    pub(super) fn refresh_stale_views(&mut self) {
        if self.views.is_stale(self.clock.now()) {
            self.refresh_views();
            self.refilter_on_new_day();
        }
    }

    pub(super) fn rebuild_matrix(&mut self) {
        let engagement = self.engagement.and_then(|id| self.data.engagement(id));
        self.matrix.rebuild(
            &self.data,
            engagement,
            &self.candidates.order,
            &self.policy.money.fx,
        );
        self.matrix
            .rows
            .clamp(self.matrix.order.len(), self.page_rows());
    }

    /// Shows another engagement's board, from its first card.
    pub(super) fn show_engagement(&mut self, engagement: EngagementId) {
        self.engagement = Some(engagement);
        self.pipeline = Default::default();
        self.marks.clear();
        self.refresh_views();
        self.pane = Pane::Pipeline;
    }
}
