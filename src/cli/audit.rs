//! `hireterm audit --candidate C12`: what the event log holds about one
//! person, oldest first: who added and changed their record, moved,
//! submitted or placed them, wrote about them, opened their record, and
//! which exports held it. The answer to a subject-access request.

use super::context::candidate;
use super::output::line;
use crate::domain::text::clean_line;
use crate::domain::{Event, EventKind};
use crate::store::Store;
use clap::Args;
use color_eyre::eyre::Result;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct AuditArgs {
    /// The person, as C12, 12 or their email.
    #[arg(long)]
    pub candidate: String,
    /// One JSON array instead of lines of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Row {
    event: String,
    at: String,
    actor: String,
    what: String,
}

pub fn run(store: &Store, args: &AuditArgs) -> Result<ExitCode> {
    let person = candidate(store, &args.candidate)?;
    let rows: Vec<Row> = (store.audit_of(person.id)?.iter())
        .map(|event| Row {
            event: event.id.to_string(),
            at: event.at.format("%Y-%m-%d %H:%M:%S").to_string(),
            actor: clean_line(&event.actor),
            what: words(event),
        })
        .collect();
    if args.json {
        line(serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }
    line(format!(
        "{} {}: {} event(s), oldest first",
        person.id,
        clean_line(&person.name),
        rows.len()
    ));
    for row in rows {
        line(format!(
            "{}  {}  {}  {}",
            row.at, row.event, row.actor, row.what
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// What happened, in words (free text left out: the log keeps it).
fn words(event: &Event) -> String {
    match &event.kind {
        EventKind::CandidateAdded { .. } => "added the record".into(),
        EventKind::CandidateUpdated { .. } => "changed the record".into(),
        EventKind::CandidateMerged { .. } => "merged a duplicate into the record".into(),
        EventKind::CandidateUpdatedFromFile { .. } => {
            "updated the record from an import (found by another system's id)".into()
        }
        EventKind::MergeUndone { merge, .. } => format!("took back merge {merge}"),
        EventKind::CandidateViewed { .. } => "opened the record".into(),
        EventKind::RecordsExported { what, candidates } => match candidates {
            None => format!("exported every record ({})", clean_line(what)),
            Some(_) => format!("exported the record ({})", clean_line(what)),
        },
        EventKind::ApplicationOpened {
            engagement, stage, ..
        } => format!("put into {engagement} at {stage}"),
        EventKind::StageChanged {
            engagement,
            from,
            to,
            ..
        } => format!("moved in {engagement}: {from} → {to}"),
        EventKind::ApplicationRemoved { engagement, .. } => format!("taken out of {engagement}"),
        EventKind::NoteAdded { note, .. } => format!("wrote note {note}"),
        EventKind::NoteRemoved { note, .. } => format!("removed note {note}"),
        EventKind::ScorecardAdded {
            engagement, stage, ..
        } => format!("wrote a scorecard for {stage} in {engagement}"),
        EventKind::Submitted {
            submittal,
            engagement,
            ..
        } => format!("sent the profile to the client of {engagement} ({submittal})"),
        EventKind::SubmittalAnswered {
            submittal, answer, ..
        } => format!(
            "recorded the client's answer to {submittal}: {}",
            answer.label()
        ),
        EventKind::SubmittalRetracted { submittal, .. } => format!("took back {submittal}"),
        EventKind::PlacementChanged {
            placement, change, ..
        } => format!("{} ({placement})", change.label()),
        EventKind::PlacementChangeUndone {
            placement, change, ..
        } => format!("took back {} ({placement})", change.label()),
        EventKind::ConsentRecorded { consent, .. } => format!(
            "recorded their consent, given {}, holding until {}",
            consent.given_on, consent.until
        ),
        EventKind::ConsentWithdrawn { .. } => "recorded that they withdrew their consent".into(),
        _ => "changed a record of theirs".into(),
    }
}
