//! `hireterm pipeline add`, `move`, `reject` and `note`: pipeline changes
//! from scripts, written, evented and flushed exactly as the app writes
//! them.

use super::context::{self, find_candidate};
use super::output::line;
use crate::domain::pipeline::exit_reason_problem;
use crate::domain::{Application, Candidate, EngagementId, Stage, Stamp, text::clean_line};
use crate::store::Store;
use clap::{Args, Subcommand};
use color_eyre::eyre::{Result, bail, eyre};
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct PipelineArgs {
    #[command(subcommand)]
    pub command: PipelineCommand,
}

#[derive(Debug, Clone, Subcommand)]
pub enum PipelineCommand {
    /// Put candidates into an engagement's pipeline at Sourced: all of
    /// them, or none when one cannot go in.
    Add(PipelineAddArgs),
}

#[derive(Debug, Clone, Args)]
pub struct PipelineAddArgs {
    /// The engagement, as E3 or 3.
    #[arg(long)]
    pub engagement: EngagementId,
    /// The candidates, each as C12, 12, or an email address.
    #[arg(required = true, num_args = 1..)]
    pub candidates: Vec<String>,
}

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

/// The application `args` names: the engagement and the candidate each
/// found first (so that a missing one is named as missing), then the
/// candidate's card on that engagement's board.
fn application(store: &Store, args: &ApplicationArgs) -> Result<Application> {
    let engagement = context::engagement(store, args.engagement)?.id;
    let candidate = context::candidate(store, &args.candidate)?.id;
    store
        .application(engagement, candidate)?
        .ok_or_else(|| eyre!("{candidate} is not in the pipeline of {engagement}"))
}

pub fn move_card(store: &Store, args: &MoveArgs, stamp: &Stamp) -> Result<ExitCode> {
    let app = application(store, &args.application)?;
    let (engagement, candidate) = (app.engagement, app.candidate);
    let to = parse_stage(&args.to, app.stage)?;
    if to == Stage::Placed {
        bail!(
            "moving {candidate} to Placed needs the placement's terms: use `hireterm place \
             --engagement {engagement} {candidate} --start DATE --bill RATE --pay RATE`"
        );
    }
    let reason = args
        .reason
        .as_deref()
        .map(clean_line)
        .filter(|r| !r.is_empty());
    let moved = store
        .move_stage(engagement, candidate, to, reason, stamp)
        .map_err(context::refused)?;
    line(format!(
        "{engagement}/{candidate}: {} → {}",
        app.stage, moved.stage
    ));
    Ok(ExitCode::SUCCESS)
}

/// `move --to rejected` with a reason: the one rule (the domain's, which
/// the store applies to every move) says a rejection needs one; asked
/// first here, so that a blank reason is told before anything is looked up.
pub fn reject(store: &Store, args: &RejectArgs, stamp: &Stamp) -> Result<ExitCode> {
    let reason = clean_line(&args.reason);
    if let Some(problem) = exit_reason_problem(Stage::Rejected, Some(&reason)) {
        bail!("{problem}");
    }
    let app = application(store, &args.application)?;
    let (engagement, candidate) = (app.engagement, app.candidate);
    let rejected = store
        .move_stage(
            engagement,
            candidate,
            Stage::Rejected,
            Some(reason.clone()),
            stamp,
        )
        .map_err(context::refused)?;
    line(format!(
        "{engagement}/{candidate}: {} ({reason})",
        rejected.stage
    ));
    Ok(ExitCode::SUCCESS)
}

pub fn note(store: &Store, args: &NoteArgs, stamp: &Stamp) -> Result<ExitCode> {
    let candidate = find_candidate(store, &args.candidate)?;
    let access = super::access_scope::local(&stamp.actor);
    super::access_scope::reaches_card(store, &access, candidate, args.engagement)?;
    let note = store.add_note(candidate, args.engagement, &args.text.join(" "), stamp)?;
    let on = note.engagement.map_or(String::new(), |e| format!(" ({e})"));
    line(format!(
        "{} added to {candidate}{on} by {}",
        note.id, note.author
    ));
    Ok(ExitCode::SUCCESS)
}

pub fn pipeline(store: &Store, args: &PipelineArgs, stamp: &Stamp) -> Result<ExitCode> {
    match &args.command {
        PipelineCommand::Add(add) => add_to_pipeline(store, add, stamp),
    }
}

/// Every candidate named goes in, or none: each problem is named.
fn add_to_pipeline(store: &Store, args: &PipelineAddArgs, stamp: &Stamp) -> Result<ExitCode> {
    let engagement = context::engagement(store, args.engagement)?;
    let mut newcomers: Vec<Candidate> = Vec::new();
    let mut problems = Vec::new();
    for given in &args.candidates {
        match newcomer(store, engagement.id, given)? {
            Ok(c) if newcomers.iter().any(|n| n.id == c.id) => {}
            Ok(c) => newcomers.push(c),
            Err(problem) => problems.push(problem),
        }
    }
    if !problems.is_empty() {
        bail!(
            "nothing was added to {}: {}",
            engagement.id,
            problems.join("; ")
        );
    }
    let ids: Vec<_> = newcomers.iter().map(|c| c.id).collect();
    store
        .open_applications(engagement.id, &ids, stamp)
        .map_err(context::refused)?;
    for candidate in &newcomers {
        line(format!(
            "added {} {} to {} {} at {}",
            candidate.id,
            candidate.name,
            engagement.id,
            engagement.title,
            Stage::Sourced
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// The candidate `given` names, if they can enter the pipeline; else why
/// not, in words.
fn newcomer(
    store: &Store,
    engagement: EngagementId,
    given: &str,
) -> Result<Result<Candidate, String>> {
    let candidate = match context::candidate(store, given) {
        Ok(candidate) => candidate,
        Err(unknown) => return Ok(Err(unknown.to_string())),
    };
    let id = candidate.id;
    Ok(match store.application(engagement, id)? {
        None => Ok(candidate),
        Some(app) if app.stage.is_exit() => Err(format!(
            "{id} left {engagement} earlier, at {}: re-open it with `hireterm move \
             --engagement {engagement} --candidate {id} --to sourced`",
            app.stage
        )),
        Some(app) => Err(format!(
            "{id} is already in the pipeline of {engagement}, at {}",
            app.stage
        )),
    })
}
