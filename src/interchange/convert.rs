//! The engagements, applications and notes of an export made into the
//! records the store will hold: every text cleaned, every role and skill
//! looked up in the catalog, and the store's rules applied. Both passes
//! of an import call these, so that what the first pass accepts is
//! exactly what the second writes.

use super::records::ScorecardRecord;
use super::records::{ApplicationRecord, ChangeRecord, EngagementRecord, NoteRecord};
use super::row::id_problem;
use crate::catalog::Catalog;
use crate::domain::note::note_text;
use crate::domain::problem::one_line_problems;
use crate::domain::text::{clean, clean_line};
use crate::domain::{
    Application, ClientId, Engagement, HourlyRate, Note, RateRange, Requirement, Scorecard,
    SkillId, StageChange,
};
use crate::store::application_problem;

/// Every problem of one record, in field order; empty when it can be
/// stored.
pub type Problems = Vec<String>;

/// An engagement and the name of its client (the store finds or makes
/// the client of that name as it writes the engagement).
pub fn engagement(
    record: EngagementRecord,
    catalog: &Catalog,
) -> Result<(Engagement, String), Problems> {
    let mut problems: Problems = id_problem("engagement", record.id.0).into_iter().collect();
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
        // Found or made by name when written.
        client: ClientId(0),
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
            SkillId(name)
        }
    }
}
