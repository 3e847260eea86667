//! Client submittals: the profiles of the cards that went far enough, sent
//! at a time their histories allow, and what the clients answered.

use super::pipelines::Sending;
use super::routes::position;
use super::*;
use crate::domain::{Answer, AnswerKind, HourlyRate, Submittal, SubmittalId};

/// Why a client passed on a profile.
#[rustfmt::skip]
const CLIENT_REASONS: &[&str] = &[
    "wants deeper experience with their stack", "rate above what the team can pay",
    "too little overlap with the team's hours", "looking for more seniority",
    "went with an internal candidate", "notice period too long",
];

/// When a card's profile could go, and when it entered a client
/// interview, if it did.
struct Window {
    from: Timestamp,
    to: Timestamp,
    client_interview: Option<Timestamp>,
}

impl World<'_> {
    /// A submittal for each card sent (`sends` runs beside `applications`),
    /// ids 1..=s in the order they were sent.
    pub(super) fn submittals(
        &self,
        data: &DemoData,
        roster: &Roster,
        sends: &[Sending],
    ) -> Vec<Submittal> {
        let mut out = Vec::new();
        for (serial, (app, send)) in data.applications.iter().zip(sends).enumerate() {
            if *send == Sending::No {
                continue;
            }
            let engagement = &data.engagements[app.engagement.0 as usize - 1];
            let candidate = roster.get(app.candidate.0 as usize - 1);
            let client = &data.clients[engagement.client.0 as usize - 1];
            let mut rng = Rng::new(self.seed, KIND_SUBMITTAL, serial as u64);
            if let Some(window) = window(app, self.now) {
                let card = (engagement, candidate, client);
                out.push(self.submittal(card, app, &window, *send, &mut rng));
            }
        }
        out.sort_by_key(|s| (s.at, s.engagement, s.candidate));
        for (index, submittal) in out.iter_mut().enumerate() {
            submittal.id = SubmittalId(index as u64 + 1);
        }
        out
    }

    fn submittal(
        &self,
        (engagement, candidate, client): (&Engagement, &Candidate, &Client),
        app: &Application,
        window: &Window,
        send: Sending,
        rng: &mut Rng,
    ) -> Submittal {
        let span = (window.to - window.from).num_seconds().max(0);
        let offset = match send {
            Sending::Soon => rng.range(HOUR / 2, 6 * HOUR).min(span / 2),
            _ => rng.range(span / 20, span / 2),
        };
        let at = window.from + TimeDelta::seconds(offset);
        let (_, bill) = self.proposal(engagement, candidate);
        let mut to: Vec<String> = client
            .contacts
            .iter()
            .take(1)
            .map(|c| c.email.clone())
            .collect();
        if let Some(second) = client.contacts.get(1).filter(|_| rng.chance(40)) {
            to.push(second.email.clone());
        }
        let by = app.history[0].actor.clone();
        let answers = self.answers(app, window, at, &by, rng);
        Submittal {
            id: SubmittalId(0),
            engagement: engagement.id,
            candidate: candidate.id,
            client: client.id,
            to,
            at,
            profile: self.profile(candidate, engagement, &bill),
            bill_rate: Some(bill),
            by,
            answers,
        }
    }

    /// Interview requested for a card that reached a client interview,
    /// before it did; a rejection for one the client declined; for one
    /// still waiting, none yet, on hold, or (in Technical interview) a
    /// rejection the recruiter has not acted on yet.
    fn answers(
        &self,
        app: &Application,
        window: &Window,
        sent: Timestamp,
        by: &str,
        rng: &mut Rng,
    ) -> Vec<Answer> {
        let between = |rng: &mut Rng, until: Timestamp| {
            let span = (until - sent).num_seconds().max(0);
            sent + TimeDelta::seconds(rng.range(span / 5, span * 9 / 10))
        };
        let (kind, until) = match (window.client_interview, app.stage) {
            (Some(entered), _) => (AnswerKind::InterviewRequested, entered),
            (None, Stage::Rejected) => {
                let exit = app.history.last().map_or(self.now, |c| c.at);
                (AnswerKind::Rejected, exit)
            }
            (None, Stage::TechnicalInterview) => match rng.weighted(&[55, 25, 20]) {
                0 => return Vec::new(),
                1 => (AnswerKind::OnHold, self.now),
                _ => (AnswerKind::Rejected, self.now),
            },
            (None, Stage::Screening) if rng.chance(20) => (AnswerKind::OnHold, self.now),
            _ => return Vec::new(),
        };
        let reason = (kind == AnswerKind::Rejected).then(|| rng.pick(CLIENT_REASONS).to_string());
        vec![Answer {
            kind,
            reason,
            at: between(rng, until),
            by: by.to_string(),
        }]
    }

    /// A short plain-text profile: who, where, the skills the engagement
    /// asks for (then others), availability and the rate proposed.
    fn profile(&self, candidate: &Candidate, engagement: &Engagement, bill: &HourlyRate) -> String {
        let role = candidate
            .primary_role()
            .and_then(|r| self.catalog.role(r))
            .map_or("Back-end developer", |r| r.name.as_str());
        let location = &candidate.location;
        let mut text = format!(
            "{}\n{role} · {}, {}\n",
            candidate.name, location.city, location.country
        );
        let asked = engagement.requirements.iter().map(|r| &r.skill);
        let others = candidate.skills.iter().map(|s| &s.skill);
        let mut shown: Vec<&crate::domain::SkillId> = Vec::with_capacity(8);
        for skill in asked.chain(others) {
            if shown.len() < 8 && !shown.contains(&skill) && candidate.level(skill).get() > 0 {
                shown.push(skill);
            }
        }
        let skills: Vec<String> = shown
            .iter()
            .map(|s| {
                let name = self.catalog.skill(s).map_or(s.as_str(), |k| &k.name);
                format!("{name} {}/5", candidate.level(s).get())
            })
            .collect();
        let _ = writeln!(text, "Skills: {}", skills.join(", "));
        match candidate.available_from {
            Some(day) if day > self.now.date_naive() => {
                let _ = writeln!(text, "Available from {day}");
            }
            _ => text.push_str("Available now\n"),
        }
        let _ = write!(text, "Rate: {bill}");
        text
    }
}

/// From the card's entry into Technical interview to its next move (for
/// a card that skipped it, the stage before its client interview; for
/// one sent from Screening, its time there).
fn window(app: &Application, now: Timestamp) -> Option<Window> {
    let technical = position(Stage::TechnicalInterview);
    let history = &app.history;
    let entry = history
        .iter()
        .position(|c| position(c.to) >= technical)
        .or_else(|| history.iter().rposition(|c| c.to == Stage::Screening))?;
    let skipped = position(history[entry].to) > technical && entry > 0;
    let (from, to) = match skipped {
        true => (history[entry - 1].at, history[entry].at),
        false => (
            history[entry].at,
            history.get(entry + 1).map_or(now, |c| c.at),
        ),
    };
    let client = position(Stage::ClientInterview);
    Some(Window {
        from,
        to,
        client_interview: history
            .iter()
            .find(|c| position(c.to) >= client)
            .map(|c| c.at),
    })
}
