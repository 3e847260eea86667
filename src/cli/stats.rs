//! The read-only commands: summary, stats and check.

use super::context::Ctx;
use super::output::line;
use crate::catalog::Catalog;
use crate::store::{Stats, Store};
use clap::Args;
use color_eyre::eyre::Result;
use serde_json::{Map, Value, json};
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct StatsArgs {
    /// One JSON object of every figure instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Most problems `check` lists before it only counts the rest.
const MAX_LISTED_PROBLEMS: usize = 50;

/// What `hireterm` prints until the interactive screen is there.
pub fn summary(store: &Store) -> Result<ExitCode> {
    let stats = store.stats()?;
    line(format!("hireterm database at {}", store.path().display()));
    line(format!(
        "{} candidates, {} engagements, {} applications",
        stats.candidates, stats.engagements, stats.applications
    ));
    if stats.candidates == 0 {
        line("The database is empty. Load demo data with: hireterm demo --db PATH");
    }
    Ok(ExitCode::SUCCESS)
}

/// `stats` without opening the database, from the figures its last clean
/// close left (see `store/stats_file.rs`); `None` when they cannot be
/// trusted, and the caller opens it for [`stats`].
pub fn quick(path: &Path, args: &StatsArgs, ctx: &Ctx) -> Option<Result<ExitCode>> {
    let days = ctx.policy.ending_days;
    let stats = crate::store::quick_stats(path, ctx.today(), days)?;
    Some(print(path, &stats, args, days))
}

pub fn stats(store: &Store, args: &StatsArgs, ctx: &Ctx) -> Result<ExitCode> {
    let days = ctx.policy.ending_days;
    let stats = store.stats_on(ctx.today(), days)?;
    print(store.path(), &stats, args, days)
}

fn print(path: &Path, stats: &Stats, args: &StatsArgs, days: i64) -> Result<ExitCode> {
    if args.json {
        line(serde_json::to_string(&stats_json(path, stats, days))?);
        return Ok(ExitCode::SUCCESS);
    }
    let catalog = Catalog::builtin();
    line(format!("database      {}", path.display()));
    line(format!("candidates    {}", stats.candidates));
    line(format!("engagements   {}", stats.engagements));
    line(format!("applications  {}", stats.applications));
    line(format!("events        {}", stats.events));
    line(format!("clients       {}", stats.clients));
    line(format!(
        "submittals    {} ({} answered, {} awaiting an answer)",
        stats.submittals,
        stats.submittals_answered,
        stats.submittals_waiting()
    ));
    line(format!(
        "placements    {} ({} active, {} ending within {days} days)",
        stats.placements, stats.placements_active, stats.placements_ending
    ));
    line("\nApplications by stage");
    for (stage, count) in &stats.by_stage {
        line(format!("  {:<22}{count:>8}", stage.label()));
    }
    line("\nCandidates by primary role");
    for (role, count) in &stats.by_role {
        line(format!("  {:<30}{count:>8}", catalog.role_name(role)));
    }
    line("\nEngagements by status");
    for (status, count) in &stats.by_status {
        line(format!("  {:<22}{count:>8}", status.label()));
    }
    Ok(ExitCode::SUCCESS)
}

/// Every figure `stats` prints, under the same names; the counts by
/// stage, role and status keyed by what the text calls them.
fn stats_json(path: &Path, stats: &Stats, ending_days: i64) -> Value {
    let catalog = Catalog::builtin();
    let counts = |pairs: Vec<(String, usize)>| -> Map<String, Value> {
        pairs.into_iter().map(|(k, n)| (k, json!(n))).collect()
    };
    let by_stage = stats
        .by_stage
        .iter()
        .map(|(s, n)| (s.label().to_string(), *n));
    let by_role = stats
        .by_role
        .iter()
        .map(|(r, n)| (catalog.role_name(r).to_string(), *n));
    let by_status = stats
        .by_status
        .iter()
        .map(|(s, n)| (s.label().to_string(), *n));
    json!({
        "database": path.display().to_string(),
        "candidates": stats.candidates,
        "engagements": stats.engagements,
        "applications": stats.applications,
        "events": stats.events,
        "clients": stats.clients,
        "submittals": {
            "total": stats.submittals,
            "answered": stats.submittals_answered,
            "waiting": stats.submittals_waiting(),
        },
        "placements": {
            "total": stats.placements,
            "active": stats.placements_active,
            "ending": stats.placements_ending,
            "ending_days": ending_days,
        },
        "by_stage": counts(by_stage.collect()),
        "by_role": counts(by_role.collect()),
        "by_status": counts(by_status.collect()),
    })
}

/// Clients, submittals (answered or waiting) and placements (active, or
/// ending within `[placements] ending_days`).
pub fn check(store: &Store) -> Result<ExitCode> {
    let report = store.check()?;
    line(format!(
        "checked {} candidates, {} engagements, {} applications, {} events, {} clients, {} \
         submittals, {} placements",
        report.candidates,
        report.engagements,
        report.applications,
        report.events,
        report.clients,
        report.submittals,
        report.placements
    ));
    if report.tombstones > 0 {
        let remnants = report.problems.iter().filter(|p| p.starts_with("erasure:"));
        line(format!(
            "checked {} tombstones of erased people: {} remnants",
            report.tombstones,
            remnants.count()
        ));
    }
    if report.problems.is_empty() {
        line("no problems found");
        return Ok(ExitCode::SUCCESS);
    }
    line(format!("{} problems found:", report.problems.len()));
    for problem in report.problems.iter().take(MAX_LISTED_PROBLEMS) {
        line(format!("  - {problem}"));
    }
    if report.problems.len() > MAX_LISTED_PROBLEMS {
        line(format!(
            "  ... and {} more",
            report.problems.len() - MAX_LISTED_PROBLEMS
        ));
    }
    Ok(ExitCode::FAILURE)
}
