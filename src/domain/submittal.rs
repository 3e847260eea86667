//! Client submittals: a candidate's profile sent to the client of an
//! engagement, who sent it to whom and when, at what bill rate, and what
//! the client answered.

use super::ids::{CandidateId, ClientId, EngagementId, SubmittalId};
use super::money::HourlyRate;
use super::time::{self, Timestamp};
use chrono::TimeDelta;
use serde::{Deserialize, Serialize};

/// The longest profile kept with a submittal.
pub const MAX_PROFILE_CHARS: usize = 20_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submittal {
    pub id: SubmittalId,
    pub engagement: EngagementId,
    pub candidate: CandidateId,
    /// The engagement's client when it was sent.
    pub client: ClientId,
    /// The emails of the client's contacts it went to.
    pub to: Vec<String>,
    #[serde(with = "time::millis")]
    pub at: Timestamp,
    pub by: String,
    /// The bill rate proposed, if one was.
    pub bill_rate: Option<HourlyRate>,
    /// The profile as it was sent (plain text).
    pub profile: String,
    /// Every answer the client gave, oldest first: the last one stands.
    pub answers: Vec<Answer>,
}

/// What the client said about a submittal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub kind: AnswerKind,
    /// Why, for a rejection.
    pub reason: Option<String>,
    #[serde(with = "time::millis")]
    pub at: Timestamp,
    /// Who recorded it.
    pub by: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AnswerKind {
    InterviewRequested,
    Rejected,
    OnHold,
}

impl AnswerKind {
    pub const ALL: [AnswerKind; 3] = [
        AnswerKind::InterviewRequested,
        AnswerKind::Rejected,
        AnswerKind::OnHold,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AnswerKind::InterviewRequested => "interview requested",
            AnswerKind::Rejected => "rejected by the client",
            AnswerKind::OnHold => "on hold",
        }
    }

    /// `interview`, `reject`, `hold`: the words the command line takes.
    pub fn parse(word: &str) -> Result<AnswerKind, String> {
        match word.trim().to_lowercase().as_str() {
            "interview" | "interview-requested" | "yes" => Ok(AnswerKind::InterviewRequested),
            "reject" | "rejected" | "no" => Ok(AnswerKind::Rejected),
            "hold" | "on-hold" | "on hold" => Ok(AnswerKind::OnHold),
            other => Err(format!(
                "`{other}` is not an answer: interview, reject or hold"
            )),
        }
    }
}

impl Submittal {
    /// What makes the record unfit to store (its own rules; whether its
    /// card and client exist is the store's to say).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for to in &self.to {
            if !super::text::is_plausible_email(to) || !super::text::is_clean(to, false) {
                problems.push(format!(
                    "`{}` is not an email address",
                    super::text::clean_line(to)
                ));
            }
        }
        problems.extend(
            self.bill_rate
                .as_ref()
                .and_then(HourlyRate::problem)
                .map(|p| format!("bill rate: {p}")),
        );
        if self.profile.chars().count() > MAX_PROFILE_CHARS {
            problems.push(format!(
                "the profile is longer than {MAX_PROFILE_CHARS} characters"
            ));
        }
        if !super::text::is_clean(&self.profile, true) {
            problems.push("the profile holds control characters".into());
        }
        let texts = [&self.by]
            .into_iter()
            .chain(self.answers.iter().map(|a| &a.by));
        let reasons = self.answers.iter().filter_map(|a| a.reason.as_ref());
        if texts
            .chain(reasons)
            .any(|t| !super::text::is_clean(t, false))
        {
            problems.push("a name or reason holds control characters".into());
        }
        problems
    }

    /// The client's answer that stands, if any.
    pub fn answer(&self) -> Option<&Answer> {
        self.answers.last()
    }

    /// Whether the client still owes an answer: none yet, or on hold.
    pub fn awaits_answer(&self) -> bool {
        self.answer().is_none_or(|a| a.kind == AnswerKind::OnHold)
    }

    /// Since when an answer is overdue, if it is: `days` after it was
    /// sent (or put on hold) with no answer since.
    pub fn answer_overdue_since(&self, days: i64, now: Timestamp) -> Option<Timestamp> {
        if days <= 0 || !self.awaits_answer() {
            return None;
        }
        let waiting_since = self.answer().map_or(self.at, |a| a.at);
        let due = waiting_since + TimeDelta::days(days);
        (due <= now).then_some(due)
    }

    /// "none yet", or the standing answer's label.
    pub fn status(&self) -> &'static str {
        self.answer().map_or("none yet", |a| a.kind.label())
    }
}

/// The latest submittal of `candidate` to `client` within `window_days`
/// before `now`: sending the same person to the same client again in that
/// time asks first.
pub fn earlier_submittal<'a>(
    submittals: impl IntoIterator<Item = &'a Submittal>,
    candidate: CandidateId,
    client: ClientId,
    window_days: i64,
    now: Timestamp,
) -> Option<&'a Submittal> {
    let since = now - TimeDelta::days(window_days);
    submittals
        .into_iter()
        .filter(|s| s.candidate == candidate && s.client == client && s.at >= since)
        .max_by_key(|s| s.at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::at;

    fn sent(id: u64, candidate: u64, client: u64, day: u32) -> Submittal {
        Submittal {
            id: SubmittalId(id),
            engagement: EngagementId(1),
            candidate: CandidateId(candidate),
            client: ClientId(client),
            to: vec!["jane@acme.com".into()],
            at: at(day),
            by: "ana".into(),
            bill_rate: Some(HourlyRate::usd(95)),
            profile: "Ana Silva".into(),
            answers: Vec::new(),
        }
    }

    fn answer(kind: AnswerKind, day: u32) -> Answer {
        Answer {
            kind,
            reason: None,
            at: at(day),
            by: "jane".into(),
        }
    }

    #[test]
    fn the_same_person_to_the_same_client_within_the_window_is_found() {
        let all = [
            sent(1, 7, 1, 1),
            sent(2, 7, 1, 5),
            sent(3, 7, 2, 9),
            sent(4, 8, 1, 9),
        ];
        let earlier = earlier_submittal(&all, CandidateId(7), ClientId(1), 90, at(10));
        assert_eq!(earlier.map(|s| s.id), Some(SubmittalId(2)), "the latest");
        assert_eq!(
            earlier_submittal(&all, CandidateId(7), ClientId(1), 3, at(10)),
            None
        );
        assert_eq!(
            earlier_submittal(&all, CandidateId(7), ClientId(2), 90, at(10)).map(|s| s.id),
            Some(SubmittalId(3)),
            "another client is another question"
        );
        assert_eq!(
            earlier_submittal(&all, CandidateId(9), ClientId(1), 90, at(10)),
            None
        );
    }

    #[test]
    fn an_answer_is_overdue_after_its_days_unless_given() {
        let mut s = sent(1, 7, 1, 1);
        assert_eq!(s.status(), "none yet");
        assert_eq!(s.answer_overdue_since(3, at(3)), None);
        assert_eq!(s.answer_overdue_since(3, at(5)), Some(at(4)));
        assert_eq!(s.answer_overdue_since(0, at(30)), None, "0: never flagged");
        s.answers.push(answer(AnswerKind::OnHold, 6));
        assert_eq!(
            s.answer_overdue_since(3, at(8)),
            None,
            "the wait starts again"
        );
        assert_eq!(s.answer_overdue_since(3, at(9)), Some(at(9)));
        s.answers.push(answer(AnswerKind::InterviewRequested, 9));
        assert!(!s.awaits_answer());
        assert_eq!(s.answer_overdue_since(3, at(30)), None);
        assert_eq!(s.status(), "interview requested");
    }

    #[test]
    fn answers_parse_from_plain_words() {
        assert_eq!(
            AnswerKind::parse("Interview"),
            Ok(AnswerKind::InterviewRequested)
        );
        assert_eq!(AnswerKind::parse("reject"), Ok(AnswerKind::Rejected));
        assert_eq!(AnswerKind::parse("hold"), Ok(AnswerKind::OnHold));
        assert!(AnswerKind::parse("maybe").is_err());
    }
}
