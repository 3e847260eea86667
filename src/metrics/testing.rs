//! Small hand-built histories for the reports' unit tests: a world of
//! records owned here and lent out as `Records`. Days are January 2026
//! (`domain::testing::at`: 09:00 UTC).
#![allow(clippy::expect_used)]

use super::input::{Period, Records};
use crate::domain::testing::{at, candidate_with, engagement_with};
use crate::domain::*;
use chrono::NaiveDate;

#[derive(Default)]
pub struct World {
    pub candidates: Vec<Candidate>,
    pub engagements: Vec<Engagement>,
    pub applications: Vec<Application>,
    pub submittals: Vec<Submittal>,
    pub placements: Vec<Placement>,
    pub clients: Vec<Client>,
}

/// January `since` to `until`, 2026.
pub fn jan(since: u32, until: u32) -> Period {
    let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).expect("a January day");
    Period::new(day(since), day(until)).expect("in order")
}

impl World {
    /// Client CL1 "Acme" and engagement E1 (Acme's, owned by ana, opened
    /// on day 1, headcount 1).
    pub fn new() -> World {
        let mut world = World::default();
        world.client(1, "Acme");
        world.engagement(1, 1, "ana", 1);
        world
    }

    pub fn records(&self) -> Records<'_> {
        Records {
            candidates: &self.candidates,
            engagements: &self.engagements,
            applications: self.applications.iter().collect(),
            submittals: &self.submittals,
            placements: &self.placements,
            clients: &self.clients,
        }
    }

    pub fn client(&mut self, id: u64, name: &str) {
        self.clients.push(Client {
            id: ClientId(id),
            name: name.into(),
            contacts: Vec::new(),
            notes: String::new(),
            created_at: at(1),
        });
    }

    /// An open engagement of headcount 1.
    pub fn engagement(&mut self, id: u64, client: u64, owner: &str, opened: u32) {
        self.engagements.push(Engagement {
            id: EngagementId(id),
            client: ClientId(client),
            owner: owner.into(),
            opened_at: at(opened),
            headcount: 1,
            ..engagement_with(&[])
        });
    }

    pub fn engagement_mut(&mut self, id: u64) -> &mut Engagement {
        let found = self.engagements.iter_mut().find(|e| e.id.0 == id);
        found.expect("a known engagement")
    }

    /// A candidate from `source`, added on `day` (kept in id order).
    pub fn candidate(&mut self, id: u64, source: Source, day: u32) {
        let mut candidate = candidate_with(&[]);
        candidate.id = CandidateId(id);
        candidate.source = source;
        candidate.created_at = at(day);
        let place = self.candidates.partition_point(|c| c.id.0 < id);
        self.candidates.insert(place, candidate);
    }

    /// An application whose history is `moves`: (stage, day, reason),
    /// the first its entry.
    pub fn app(&mut self, engagement: u64, candidate: u64, moves: &[(Stage, u32, Option<&str>)]) {
        let (first, rest) = moves.split_first().expect("an entry");
        let mut app = Application::new(
            EngagementId(engagement),
            CandidateId(candidate),
            first.0,
            at(first.1),
            "ana",
        );
        for &(to, day, reason) in rest {
            app.history.push(StageChange {
                from: Some(app.stage),
                to,
                at: at(day),
                actor: "ana".into(),
                reason: reason.map(str::to_string),
            });
            app.stage = to;
        }
        self.applications.push(app);
    }

    /// A submittal sent on `day` by `by`; its index.
    pub fn submit(&mut self, engagement: u64, candidate: u64, day: u32, by: &str) -> usize {
        let engagement = EngagementId(engagement);
        let client = self
            .engagements
            .iter()
            .find(|e| e.id == engagement)
            .map_or(ClientId(1), |e| e.client);
        self.submittals.push(Submittal {
            id: SubmittalId(self.submittals.len() as u64 + 1),
            engagement,
            candidate: CandidateId(candidate),
            client,
            to: Vec::new(),
            at: at(day),
            by: by.into(),
            bill_rate: None,
            profile: String::new(),
            answers: Vec::new(),
        });
        self.submittals.len() - 1
    }

    pub fn answer(&mut self, submittal: usize, kind: AnswerKind, day: u32, by: &str) {
        self.submittals[submittal].answers.push(Answer {
            kind,
            reason: None,
            at: at(day),
            by: by.into(),
        });
    }

    /// A placement made on `day` by `by`, starting that day, open-ended.
    pub fn place(&mut self, engagement: u64, candidate: u64, day: u32, by: &str, rates: Rates) {
        let (bill, pay) = rates;
        let terms = Terms {
            start: at(day).date_naive(),
            end: None,
            bill,
            pay,
        };
        let id = PlacementId(self.placements.len() as u64 + 1);
        let placement = Placement::new(
            id,
            (EngagementId(engagement), CandidateId(candidate)),
            terms,
            (at(day), by),
        );
        self.placements.push(placement.expect("sane terms"));
    }
}

/// Bill and pay.
pub type Rates = (HourlyRate, HourlyRate);

/// Bill and pay in US dollars.
pub fn usd(bill: u32, pay: u32) -> Rates {
    (HourlyRate::usd(bill), HourlyRate::usd(pay))
}
