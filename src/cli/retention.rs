//! `hireterm retention`: the rules of `[retention]` in config.toml,
//! applied on demand (the app never applies them). With `--dry-run` it
//! lists whom they select, and why, and whom they spare; without, it
//! erases each selected person as `hireterm erase` does, rewrites the
//! database once at the end, and names the copies that still hold them.
//! Admins only (`access.rs`). The output of an erasing run names no one:
//! it is often kept in a log, and the names are what was erased.

use super::copies::tell_copies;
use super::output::line;
use super::retention_gather::{Found, gather, load_rules};
use super::retention_report::report;
use crate::domain::Stamp;
use crate::domain::retention::Match;
use crate::domain::text::clean_line;
use crate::store::Store;
use chrono::{DateTime, Utc};
use clap::Args;
use color_eyre::eyre::{Result, WrapErr};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, Clone, Args)]
pub struct RetentionArgs {
    /// List what the rules select (and whom they spare); erase nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The moment the rules count to (RFC 3339); default: now.
    #[arg(long, value_name = "TIME")]
    pub now: Option<DateTime<Utc>>,
    /// Said before the rule in each erasure's event (a policy's reference).
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(path: &Path, args: &RetentionArgs, actor: &str) -> Result<ExitCode> {
    let rules = load_rules()?;
    let now = args.now.unwrap_or_else(Utc::now);
    let store = Store::open(path)?;
    let found = match gather(&store, &rules, now.date_naive()) {
        Ok(found) => found,
        Err(error) => {
            store.close()?;
            return Err(error);
        }
    };
    if args.dry_run || found.selection.selected.is_empty() {
        store.close()?;
        let nothing: &[String] = &[];
        report(
            &found,
            &rules,
            args.json,
            (!args.dry_run).then_some(nothing),
        );
        return Ok(ExitCode::SUCCESS);
    }
    let started = Instant::now();
    let stamp = Stamp::new(now, actor);
    let (erased, failure) = erase_selected(&store, &found, args, &stamp);
    let compacted = store.compact().wrap_err(
        "the people listed were erased, but the database could not be rewritten, so earlier \
         versions of their data may remain in its files; run `hireterm erase` on any of them \
         once the cause is mended",
    );
    compacted?.close()?;
    report(&found, &rules, args.json, Some(&erased));
    if !args.json {
        line(format!(
            "rewrote the database so that no earlier version remains ({:.1}s in all)",
            started.elapsed().as_secs_f64()
        ));
        tell_copies(path, "their");
    }
    match failure {
        Some(error) => Err(error),
        None => Ok(ExitCode::SUCCESS),
    }
}

/// Erases everyone selected, in order, stopping at the first failure
/// (a full disk, say): the ids erased, and the failure.
fn erase_selected(
    store: &Store,
    found: &Found,
    args: &RetentionArgs,
    stamp: &Stamp,
) -> (Vec<String>, Option<color_eyre::Report>) {
    let mut erased = Vec::new();
    let total = found.selection.selected.len();
    for selected in &found.selection.selected {
        let reason = erasure_reason(args.reason.as_deref(), &selected.matches);
        if let Err(error) = store.erase_candidate(selected.candidate, &reason, stamp) {
            let failure = color_eyre::eyre::eyre!(
                "erased {} of {total}; stopped at {}: {error}",
                erased.len(),
                selected.candidate
            );
            return (erased, Some(failure));
        }
        erased.push(selected.candidate.to_string());
    }
    (erased, None)
}

/// "retention (erase_after_inactive_days): no activity since 2023-11-02
/// (1,130 days; rule: 1,095)": the rule, and why, never who.
fn erasure_reason(given: Option<&str>, matches: &[Match]) -> String {
    let prefix = given
        .map(clean_line)
        .filter(|r| !r.trim().is_empty())
        .unwrap_or_else(|| "retention".into());
    let keys: Vec<&str> = matches.iter().map(|m| m.rule.key()).collect();
    let why: Vec<&str> = matches.iter().map(|m| m.reason.as_str()).collect();
    format!("{prefix} ({}): {}", keys.join(", "), why.join("; "))
}
