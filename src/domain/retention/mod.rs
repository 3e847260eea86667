//! Retention: which candidates the firm's rules (`[retention]` in
//! config.toml) say to erase, and why, on a given day. A pure selector:
//! `hireterm retention` gathers each person's last activity, applications
//! and placements, and erases what this selects; the app never does.
//!
//! A rule selects; then a person is spared while their consent holds,
//! while they are in a pipeline (an application neither ended nor placed)
//! or in a placement that has not ended. An erased record is not looked
//! at again. The tests cover every branch.

use super::candidate::Candidate;
use super::erasure::is_erased;
use super::event::EventKind;
use super::ids::CandidateId;
use super::pipeline::Application;
use super::placement::Placement;
use super::stage::Stage;
use super::text::grouped;
use super::time::Timestamp;
use chrono::NaiveDate;

/// The longest a rule may wait: a hundred years (more is a typo).
pub const MAX_RULE_DAYS: u32 = 36_500;
/// Consents ending this soon show in Attention, by default.
pub const DEFAULT_WARNING_DAYS: u32 = 30;

/// `[retention]` in config.toml. No rule set: nothing is selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionRules {
    /// `erase_after_inactive_days`: no activity about them for this long.
    pub inactive_days: Option<u32>,
    /// `erase_after_rejected_days`: every application of theirs ended
    /// (rejected or withdrawn) this long ago, and nothing since.
    pub rejected_days: Option<u32>,
    /// `consent_warning_days`: a consent ending this soon needs attention
    /// (0: never).
    pub consent_warning_days: u32,
}

impl Default for RetentionRules {
    fn default() -> Self {
        RetentionRules {
            inactive_days: None,
            rejected_days: None,
            consent_warning_days: DEFAULT_WARNING_DAYS,
        }
    }
}

impl RetentionRules {
    /// Whether any rule is set.
    pub fn any(&self) -> bool {
        self.inactive_days.is_some() || self.rejected_days.is_some()
    }
}

/// A retention rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    Inactive,
    Rejected,
}

impl Rule {
    /// Its short name: `inactive`, `rejected`.
    pub fn label(self) -> &'static str {
        match self {
            Rule::Inactive => "inactive",
            Rule::Rejected => "rejected",
        }
    }

    /// Its key in config.toml.
    pub fn key(self) -> &'static str {
        match self {
            Rule::Inactive => "erase_after_inactive_days",
            Rule::Rejected => "erase_after_rejected_days",
        }
    }
}

/// What the selector is told of one candidate.
#[derive(Debug, Clone)]
pub struct Person<'a> {
    pub candidate: &'a Candidate,
    /// Their newest event that [`counts_as_activity`], if any.
    pub last_activity: Option<Timestamp>,
    pub applications: Vec<&'a Application>,
    pub placements: Vec<&'a Placement>,
}

/// One rule's verdict on one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub rule: Rule,
    /// Days since what the rule counts from.
    pub days: i64,
    /// "no activity since 2023-11-02 (1,130 days; rule: 1,095)".
    pub reason: String,
}

/// A person the rules select, with every rule that does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selected {
    pub candidate: CandidateId,
    pub matches: Vec<Match>,
}

/// A person a rule would select who is kept, and why ("consent holds
/// until 2027-03-01").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spared {
    pub candidate: CandidateId,
    pub matches: Vec<Match>,
    pub why: String,
}

/// What the rules select on a day, and whom they spare.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub selected: Vec<Selected>,
    pub spared: Vec<Spared>,
}

/// Whether an event about a person is activity. Opening their record and
/// exporting it are the audit's, not activity; the erasure is not; and a
/// consent given or withdrawn governs itself (a withdrawn consent must
/// not restart the clock it ends).
pub fn counts_as_activity(kind: &EventKind) -> bool {
    !matches!(
        kind,
        EventKind::CandidateViewed { .. }
            | EventKind::RecordsExported { .. }
            | EventKind::CandidateErased { .. }
            | EventKind::ConsentRecorded { .. }
            | EventKind::ConsentWithdrawn { .. }
    )
}

/// What the rules select among `people` on `today`, in the order given.
pub fn select<'a>(
    people: impl IntoIterator<Item = Person<'a>>,
    rules: &RetentionRules,
    today: NaiveDate,
) -> Selection {
    let mut selection = Selection::default();
    for person in people {
        if is_erased(person.candidate) {
            continue;
        }
        let matches = matches(&person, rules, today);
        if matches.is_empty() {
            continue;
        }
        let candidate = person.candidate.id;
        match spared_because(&person, today) {
            Some(why) => selection.spared.push(Spared {
                candidate,
                matches,
                why,
            }),
            None => selection.selected.push(Selected { candidate, matches }),
        }
    }
    selection
}

/// Every rule that selects the person, sparing aside.
fn matches(person: &Person, rules: &RetentionRules, today: NaiveDate) -> Vec<Match> {
    let inactive = rules.inactive_days.and_then(|d| inactive(person, d, today));
    let rejected = rules.rejected_days.and_then(|d| rejected(person, d, today));
    inactive.into_iter().chain(rejected).collect()
}

/// The last activity, else the day the record was made.
fn last_seen(person: &Person) -> Timestamp {
    let created = person.candidate.created_at;
    person.last_activity.map_or(created, |at| at.max(created))
}

fn inactive(person: &Person, limit: u32, today: NaiveDate) -> Option<Match> {
    let since = last_seen(person).date_naive();
    let days = (today - since).num_days();
    (days >= i64::from(limit)).then(|| Match {
        rule: Rule::Inactive,
        days,
        reason: format!(
            "no activity since {since} ({} days; rule: {})",
            grouped(days),
            grouped(i64::from(limit))
        ),
    })
}

fn rejected(person: &Person, limit: u32, today: NaiveDate) -> Option<Match> {
    let apps = &person.applications;
    if apps.is_empty() || !apps.iter().all(|a| a.stage.is_exit()) {
        return None;
    }
    let (ended, last) = apps
        .iter()
        .map(|a| (a.entered_stage_at().or(a.last_changed_at()), a))
        .max_by_key(|(at, _)| *at)?;
    let ended = ended?;
    let since = last_seen(person).max(ended);
    let days = (today - since.date_naive()).num_days();
    let how = match last.stage {
        Stage::Withdrawn => "withdrawn",
        _ => "rejected",
    };
    let after = match since > ended {
        true => format!("last activity {}", since.date_naive()),
        false => "nothing since".to_string(),
    };
    (days >= i64::from(limit)).then(|| Match {
        rule: Rule::Rejected,
        days,
        reason: format!(
            "every application ended, the last {how} on {} in {}; {after} ({} days; rule: {})",
            ended.date_naive(),
            last.engagement,
            grouped(days),
            grouped(i64::from(limit))
        ),
    })
}

/// Why a person the rules select is kept, if they are.
fn spared_because(person: &Person, today: NaiveDate) -> Option<String> {
    if let Some(consent) = (person.candidate.consent.as_ref()).filter(|c| c.holds_on(today)) {
        return Some(format!("consent holds until {}", consent.until));
    }
    if let Some(p) = person.placements.iter().find(|p| p.holds_a_seat(today)) {
        let until = p
            .ends_on()
            .map_or("open-ended".into(), |d| format!("until {d}"));
        return Some(format!("placed in {} ({}, {until})", p.engagement, p.id));
    }
    if let Some(a) = person.applications.iter().find(|a| a.stage.is_active()) {
        return Some(format!("in the pipeline of {} ({})", a.engagement, a.stage));
    }
    // Placed with no placement on record: nothing says it has ended.
    let unrecorded = |a: &&&Application| {
        a.stage == Stage::Placed
            && !person
                .placements
                .iter()
                .any(|p| p.engagement == a.engagement)
    };
    (person.applications.iter().find(unrecorded))
        .map(|a| format!("placed in {} (no placement on record)", a.engagement))
}

#[cfg(test)]
mod tests;
