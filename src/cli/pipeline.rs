//! `hireterm move` and `hireterm reject`: pipeline changes from scripts,
//! written, evented and flushed exactly as the app writes them.

use super::output::line;
use crate::domain::{CandidateId, EngagementId, Stage, Stamp, text::clean_line};
use crate::store::Store;
use clap::Args;
use color_eyre::eyre::{Result, bail, eyre};
use std::process::ExitCode;

/// Which application: an engagement and a candidate.
#[derive(Debug, Clone, Args)]
pub struct ApplicationArgs {
    /// The engagement, as E3 or 3.
    #[arg(long)]
    pub engagement: EngagementId,
    /// The candidate, as C12, 12, or an email address.
    #[arg(long)]
    pub candidate: String,
}

#[derive(Debug, Clone, Args)]
pub struct MoveArgs {
    #[command(flatten)]
    pub application: ApplicationArgs,
    /// The stage to move to: next, back, or a stage name (sourced,
    /// screening, technical, client, offer, placed, rejected, withdrawn).
    #[arg(long)]
    pub to: String,
    /// Why (for exits and corrections).
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct RejectArgs {
    #[command(flatten)]
    pub application: ApplicationArgs,
    /// Why: "rate above budget", "failed technical interview", ...
    #[arg(long)]
    pub reason: String,
}

#[derive(Debug, Clone, Args)]
pub struct NoteArgs {
    /// The candidate, as C12, 12, or an email address.
    #[arg(long)]
    pub candidate: String,
    /// Attach the note to the candidate's application in this engagement.
    #[arg(long)]
    pub engagement: Option<EngagementId>,
    /// The note's text (newlines allowed).
    #[arg(required = true, num_args = 1..)]
    pub text: Vec<String>,
}

/// A candidate id (`C12`, `12`) or an email address.
pub fn find_candidate(store: &Store, given: &str) -> Result<CandidateId> {
    if given.contains('@') {
        return store
            .candidate_by_email(given)?
            .map(|c| c.id)
            .ok_or_else(|| eyre!("no candidate has the email {}", clean_line(given)));
    }
    given
        .parse::<CandidateId>()
        .map_err(|e| eyre!(clean_line(&e)))
}

fn parse_stage(name: &str, current: Stage) -> Result<Stage> {
    let key = name.trim().to_lowercase();
    let relative = match key.as_str() {
        "next" | "forward" => Some(current.next()),
        "back" | "previous" => Some(current.previous()),
        _ => None,
    };
    if let Some(stage) = relative {
        return stage.ok_or_else(|| eyre!("{current} has no {key} stage"));
    }
    Stage::ALL
        .into_iter()
        .find(|s| {
            let label = s.label().to_lowercase();
            label == key || label.split(' ').next() == Some(key.as_str())
        })
        .ok_or_else(|| eyre!("`{}` is not a stage", clean_line(name)))
}

pub fn move_card(store: &Store, args: &MoveArgs, stamp: &Stamp) -> Result<ExitCode> {
    let engagement = args.application.engagement;
    let candidate = find_candidate(store, &args.application.candidate)?;
    let Some(app) = store.application(engagement, candidate)? else {
        bail!("candidate {candidate} is not in the pipeline of engagement {engagement}");
    };
    let to = parse_stage(&args.to, app.stage)?;
    let reason = args
        .reason
        .as_deref()
        .map(clean_line)
        .filter(|r| !r.is_empty());
    let moved = store.move_stage(engagement, candidate, to, reason, stamp)?;
    line(format!(
        "{engagement}/{candidate}: {} → {}",
        app.stage, moved.stage
    ));
    Ok(ExitCode::SUCCESS)
}

pub fn reject(store: &Store, args: &RejectArgs, stamp: &Stamp) -> Result<ExitCode> {
    let reason = clean_line(&args.reason);
    if reason.is_empty() {
        bail!("a rejection needs a reason");
    }
    let engagement = args.application.engagement;
    let candidate = find_candidate(store, &args.application.candidate)?;
    let rejected = store.move_stage(
        engagement,
        candidate,
        Stage::Rejected,
        Some(reason.clone()),
        stamp,
    )?;
    line(format!(
        "{engagement}/{candidate}: {} ({reason})",
        rejected.stage
    ));
    Ok(ExitCode::SUCCESS)
}

pub fn note(store: &Store, args: &NoteArgs, stamp: &Stamp) -> Result<ExitCode> {
    let candidate = find_candidate(store, &args.candidate)?;
    let note = store.add_note(candidate, args.engagement, &args.text.join(" "), stamp)?;
    let on = note.engagement.map_or(String::new(), |e| format!(" ({e})"));
    line(format!(
        "{} added to {candidate}{on} by {}",
        note.id, note.author
    ));
    Ok(ExitCode::SUCCESS)
}
