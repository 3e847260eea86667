//! The read-only commands: summary, stats and check.

use super::context::Ctx;
use super::output::line;
use crate::catalog::Catalog;
use crate::store::Store;
use color_eyre::eyre::Result;
use std::process::ExitCode;

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

pub fn stats(store: &Store, ctx: &Ctx) -> Result<ExitCode> {
    let days = ctx.policy.ending_days;
    let stats = store.stats_on(ctx.today(), days)?;
    let catalog = Catalog::builtin();
    line(format!("database      {}", store.path().display()));
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
