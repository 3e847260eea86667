//! The clients, engagements, applications, submittals, placements and
//! notes of an export made into the records the store will hold: every
//! text cleaned, every role and skill looked up in the catalog, and the
//! store's rules applied. Both passes of an import call these, so that
//! what the first pass accepts is exactly what the second writes.

use super::agency::{ClientRecord, PlacementRecord, SubmittalRecord, TermsRecord};
use super::records::ScorecardRecord;
use super::records::{ApplicationRecord, ChangeRecord, EngagementRecord, NoteRecord};
use super::row::id_problem;
use crate::catalog::Catalog;
use crate::domain::limits::MAX_LIST_LEN;
use crate::domain::note::note_text;
use crate::domain::problem::one_line_problems;
use crate::domain::submittal::MAX_PROFILE_CHARS;
use crate::domain::text::{clean, clean_line, is_plausible_email};
use crate::domain::{
    Answer, Application, ChangeKind, Client, ClientId, Contact, Engagement, HourlyRate, Note,
    Placement, PlacementChange, RateRange, Requirement, Scorecard, SkillId, StageChange, Submittal,
    Terms,
};
use crate::store::application_problem;

/// Every problem of one record, in field order; empty when it can be
/// stored.
pub type Problems = Vec<String>;

/// An engagement and the name of its client. With a `client_id` the
/// engagement's `client` is that id (the first pass checks it against
/// the file); without one it is `ClientId(0)`, and the store finds or
/// makes the client of that name as it writes the engagement.
pub fn engagement(
    record: EngagementRecord,
    catalog: &Catalog,
) -> Result<(Engagement, String), Problems> {
    let mut problems: Problems = id_problem("engagement", record.id.0).into_iter().collect();
    if let Some(id) = record.client_id {
        problems.extend(id_problem("client", id.0));
    }
    let role_name = clean_line(record.role.as_str());
    let role = match catalog.find_role(&role_name) {
        Some(role) => role.id.clone(),
        None => {
            problems.push(format!("unknown role type `{role_name}`"));
            record.role
        }
    };
    let requirements = record
        .requirements
        .into_iter()
        .map(|r| Requirement {
            skill: skill(&r.skill, catalog, &mut problems),
            ..r
        })
        .collect();
    let client_name = clean_line(&record.client);
    problems.extend(
        one_line_problems("client", &client_name)
            .into_iter()
            .map(|p| p.message),
    );
    let engagement = Engagement {
        id: record.id,
        // Without an id, found or made by name when written.
        client: record.client_id.unwrap_or(ClientId(0)),
        owner: clean_line(&record.owner),
        title: clean_line(&record.title),
        role,
        requirements,
        headcount: record.headcount,
        budget: record.budget.map(|b| RateRange {
            currency: clean_line(&b.currency).to_ascii_uppercase(),
            ..b
        }),
        bill_rate: record
            .bill_rate
            .map(|b| HourlyRate::new(b.amount, &clean_line(&b.currency).to_ascii_uppercase())),
        model: record.model,
        status: record.status,
        opened_at: record.opened_at,
        target_start: record.target_start,
    };
    problems.extend(engagement.problems());
    done((engagement, client_name), problems)
}

/// An application, its references aside (the first pass checks those
/// against the file, the store against itself).
pub fn application(record: ApplicationRecord, catalog: &Catalog) -> Result<Application, Problems> {
    let mut problems = Problems::new();
    let scorecards = record
        .scorecards
        .into_iter()
        .map(|card| scorecard(card, catalog, &mut problems))
        .collect();
    let application = Application {
        engagement: record.engagement,
        candidate: record.candidate,
        stage: record.stage,
        history: record.history.into_iter().map(change).collect(),
        scorecards,
    };
    problems.extend(application_problem(&application));
    done(application, problems)
}

pub fn note(record: NoteRecord) -> Result<Note, Problems> {
    let mut problems: Problems = id_problem("note", record.id.0).into_iter().collect();
    let text = note_text(&record.text).unwrap_or_else(|problem| {
        problems.push(problem);
        String::new()
    });
    let note = Note {
        id: record.id,
        candidate: record.candidate,
        engagement: record.engagement,
        at: record.at,
        author: clean_line(&record.author),
        text,
    };
    done(note, problems)
}

fn done<T>(record: T, problems: Problems) -> Result<T, Problems> {
    if problems.is_empty() {
        Ok(record)
    } else {
        Err(problems)
    }
}

fn change(c: ChangeRecord) -> StageChange {
    StageChange {
        from: c.from,
        to: c.to,
        at: c.at,
        actor: clean_line(&c.actor),
        reason: c.reason.as_deref().map(clean_line),
    }
}

fn scorecard(card: ScorecardRecord, catalog: &Catalog, problems: &mut Problems) -> Scorecard {
    Scorecard {
        stage: card.stage,
        author: clean_line(&card.author),
        at: card.at,
        ratings: card
            .ratings
            .into_iter()
            .map(|(id, rating)| (skill(&id, catalog, problems), rating))
            .collect(),
        recommendation: card.recommendation,
        notes: clean(&card.notes, true),
    }
}

/// The catalog id of a skill named by id, name or alias; an unknown one is
/// a problem (and kept, cleaned, only for the record to be refused).
fn skill(id: &SkillId, catalog: &Catalog, problems: &mut Problems) -> SkillId {
    let name = clean_line(id.as_str());
    match catalog.find_skill(&name) {
        Some(skill) => skill.id.clone(),
        None => {
            problems.push(format!("unknown skill `{name}`"));
            SkillId::new(name)
        }
    }
}

/// A client and its contacts, cleaned and held to the client's rules.
pub fn client(record: ClientRecord) -> Result<Client, Problems> {
    let mut problems: Problems = id_problem("client", record.id.0).into_iter().collect();
    let client = Client {
        id: record.id,
        name: clean_line(&record.name),
        contacts: record
            .contacts
            .into_iter()
            .map(|c| Contact {
                name: clean_line(&c.name),
                email: clean_line(&c.email),
                phone: c.phone.as_deref().map(clean_line).filter(|p| !p.is_empty()),
            })
            .collect(),
        notes: clean(&record.notes, true),
        created_at: record.created_at,
    };
    problems.extend(client.problems());
    done(client, problems)
}

/// A submittal, its references aside (the first pass checks those
/// against the file, and whom it went to against its client's contacts
/// where that can be known). Each address it went to must be an email
/// address once cleaned.
pub fn submittal(record: SubmittalRecord) -> Result<Submittal, Problems> {
    let mut problems: Problems = id_problem("submittal", record.id.0).into_iter().collect();
    problems.extend(id_problem("client", record.client.0));
    if record.to.len() > MAX_LIST_LEN {
        problems.push(format!("it went to more than {MAX_LIST_LEN} addresses"));
    }
    let to: Vec<String> = record.to.iter().map(|e| clean_line(e)).collect();
    for email in &to {
        problems.extend(address_problems(email));
    }
    let bill_rate = record.bill_rate.map(|b| rate(&b));
    if let Some(problem) = bill_rate.as_ref().and_then(HourlyRate::problem) {
        problems.push(format!("bill rate: {problem}"));
    }
    let profile = clean(&record.profile, true);
    if profile.chars().count() > MAX_PROFILE_CHARS {
        problems.push(format!(
            "the profile is longer than {MAX_PROFILE_CHARS} characters"
        ));
    }
    let submittal = Submittal {
        id: record.id,
        engagement: record.engagement,
        candidate: record.candidate,
        client: record.client,
        to,
        at: record.at,
        by: clean_line(&record.by),
        bill_rate,
        profile,
        answers: record
            .answers
            .into_iter()
            .map(|a| Answer {
                kind: a.kind,
                reason: a.reason.as_deref().map(clean_line),
                at: a.at,
                by: clean_line(&a.by),
            })
            .collect(),
    };
    done(submittal, problems)
}

/// What is wrong with an address a submittal went to, as cleaned: the
/// shape of an email address, on one line of bounded length (one too
/// long is not quoted back).
fn address_problems(email: &str) -> Problems {
    let problems: Problems = one_line_problems("to", email)
        .into_iter()
        .map(|p| p.message)
        .collect();
    if problems.is_empty() && !is_plausible_email(email) {
        return vec![format!("to: `{email}` is not an email address")];
    }
    problems
}

/// A placement, its references aside: a history that starts with the
/// placement and only then changes, each entry on valid terms.
pub fn placement(record: PlacementRecord) -> Result<Placement, Problems> {
    let mut problems: Problems = id_problem("placement", record.id.0).into_iter().collect();
    let mut history = record.history.into_iter().map(terms_change);
    let Some(started) = history.next() else {
        problems.push("history is empty: it starts with the placement".into());
        return Err(problems);
    };
    let changes: Vec<PlacementChange> = history.collect();
    if started.kind != ChangeKind::Started {
        problems.push(format!(
            "history starts with {:?}, not with the placement (Started)",
            started.kind
        ));
    }
    if changes.iter().any(|c| c.kind == ChangeKind::Started) {
        problems.push("a placement starts once: only the first entry is Started".into());
    }
    for (index, change) in std::iter::once(&started).chain(&changes).enumerate() {
        if let Some(problem) = change.terms.problem() {
            problems.push(format!("history entry {}: {problem}", index + 1));
        }
    }
    let placement = Placement {
        id: record.id,
        engagement: record.engagement,
        candidate: record.candidate,
        started,
        changes,
    };
    done(placement, problems)
}

fn terms_change(t: TermsRecord) -> PlacementChange {
    PlacementChange {
        kind: t.kind,
        terms: Terms {
            start: t.start,
            end: t.end,
            bill: rate(&t.bill),
            pay: rate(&t.pay),
        },
        reason: t.reason.as_deref().map(clean_line),
        at: t.at,
        by: clean_line(&t.by),
    }
}

/// A rate with its currency cleaned and upper-cased, as a form takes it.
fn rate(rate: &HourlyRate) -> HourlyRate {
    HourlyRate::new(
        rate.amount,
        &clean_line(&rate.currency).to_ascii_uppercase(),
    )
}
