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
use crate::domain::Stamp;
use crate::domain::retention::{Match, RetentionRules, Rule};
use crate::domain::text::clean_line;
use crate::store::{Store, backups};
use chrono::{DateTime, Utc};
use clap::Args;
use color_eyre::eyre::{Result, WrapErr};
use serde_json::{Value, json};
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
        report(&found, &rules, args, None);
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
    report(&found, &rules, args, Some(&erased));
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

/// What was found (and, after an erasing run, erased), as text or JSON.
fn report(found: &Found, rules: &RetentionRules, args: &RetentionArgs, erased: Option<&[String]>) {
    if args.json {
        return line(to_json(found, rules, args, erased).to_string());
    }
    if !rules.any() {
        return line(
            "no retention rule is set ([retention] in config.toml: erase_after_inactive_days, \
             erase_after_rejected_days); nothing is selected",
        );
    }
    line(format!(
        "retention on {}: {}",
        found.today,
        rule_words(rules)
    ));
    let names = erased.is_none();
    for selected in &found.selection.selected {
        let name = match names {
            true => format!("  {}", found.name(selected.candidate)),
            false => String::new(),
        };
        let rules: Vec<&str> = selected.matches.iter().map(|m| m.rule.label()).collect();
        let why: Vec<&str> = selected.matches.iter().map(|m| m.reason.as_str()).collect();
        line(format!(
            "{}{name}  {}  {}",
            selected.candidate,
            rules.join("+"),
            why.join("; ")
        ));
    }
    line(summary(found));
    match erased {
        None if args.dry_run => line("dry run: nothing was erased"),
        None => {}
        Some(ids) => line(format!("erased {} (names are no longer kept)", ids.len())),
    }
}

fn rule_words(rules: &RetentionRules) -> String {
    let set = [
        (Rule::Inactive, rules.inactive_days),
        (Rule::Rejected, rules.rejected_days),
    ];
    let words: Vec<String> = (set.iter())
        .filter_map(|(rule, days)| days.map(|d| format!("{} = {d}", rule.key())))
        .collect();
    words.join(", ")
}

/// "3 selected (2 inactive, 1 rejected); 5 spared: 4 whose consent
/// holds, 1 in a pipeline or placement".
fn summary(found: &Found) -> String {
    let selected = &found.selection.selected;
    let by = |rule: Rule| {
        let all = selected
            .iter()
            .filter(|s| s.matches.iter().any(|m| m.rule == rule));
        all.count()
    };
    let spared = &found.selection.spared;
    let consent = spared
        .iter()
        .filter(|s| s.why.starts_with("consent"))
        .count();
    format!(
        "{} selected ({} inactive, {} rejected); {} spared: {consent} whose consent holds, {} in \
         a pipeline or placement",
        selected.len(),
        by(Rule::Inactive),
        by(Rule::Rejected),
        spared.len(),
        spared.len() - consent
    )
}

fn to_json(
    found: &Found,
    rules: &RetentionRules,
    args: &RetentionArgs,
    erased: Option<&[String]>,
) -> Value {
    let selected: Vec<Value> = (found.selection.selected.iter())
        .map(|s| {
            let (rules, reasons) = labels(&s.matches);
            let mut row =
                json!({"id": s.candidate.to_string(), "rules": rules, "reasons": reasons});
            if erased.is_none() {
                row["name"] = json!(found.name(s.candidate));
            }
            row
        })
        .collect();
    let spared: Vec<Value> = (found.selection.spared.iter())
        .map(|s| {
            let (rules, _) = labels(&s.matches);
            json!({"id": s.candidate.to_string(), "name": found.name(s.candidate),
                   "rules": rules, "why": s.why})
        })
        .collect();
    let mut out = json!({
        "today": found.today.to_string(),
        "dry_run": args.dry_run,
        "rules": {
            Rule::Inactive.key(): rules.inactive_days,
            Rule::Rejected.key(): rules.rejected_days,
        },
        "selected": selected,
        "spared": spared,
    });
    if let Some(ids) = erased {
        out["erased"] = json!(ids);
        out["copies_still_holding_them"] = json!(
            (backups::copies_of(found.path.as_path()).iter())
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
        );
    }
    out
}

/// Each match's rule and reason, in order.
fn labels(matches: &[Match]) -> (Vec<&'static str>, Vec<&str>) {
    let rules = matches.iter().map(|m| m.rule.label()).collect();
    let reasons = matches.iter().map(|m| m.reason.as_str()).collect();
    (rules, reasons)
}
