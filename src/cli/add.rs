//! `hireterm add`: one candidate from the command line.

use super::output::line;
use crate::catalog::Catalog;
use crate::domain::DuplicateIndex;
use crate::domain::codes::zone_problem;
use crate::domain::text::clean_line;
use crate::domain::{
    Candidate, CandidateId, EventId, Level, Location, RateRange, SkillLevel, Source, Stamp,
    Timestamp,
};
use crate::store::Store;
use chrono::NaiveDate;
use clap::Args;
use color_eyre::eyre::{Result, bail, eyre};
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct AddArgs {
    #[arg(long)]
    pub name: String,
    #[arg(long)]
    pub email: String,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long, default_value = "")]
    pub city: String,
    #[arg(long, default_value = "")]
    pub country: String,
    /// IANA time zone, such as Europe/Lisbon.
    #[arg(long, default_value = "")]
    pub timezone: String,
    /// A role type by id, name or alias ("devops", "sre"); repeatable, primary first.
    #[arg(long = "role")]
    pub roles: Vec<String>,
    /// A skill and level as NAME:LEVEL ("kubernetes:4", "k8s:4"); repeatable.
    #[arg(long = "skill")]
    pub skills: Vec<String>,
    /// Hourly rate in USD: "80" or "60-90".
    #[arg(long)]
    pub rate: Option<String>,
    /// First day available, YYYY-MM-DD.
    #[arg(long)]
    pub available: Option<NaiveDate>,
    /// A tag; repeatable.
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// When the person is already stored (same email, or same name and
    /// phone), merge these details into that record instead of refusing.
    #[arg(long)]
    pub merge: bool,
    /// Add a person who matches an erased one (same email or phone).
    #[arg(long)]
    pub allow_erased: bool,
}

/// `hireterm unmerge EVENT`: takes back a merge made by `add --merge`,
/// `import --on-duplicate merge` or the app.
pub fn unmerge(store: &Store, event: EventId, stamp: &Stamp) -> Result<ExitCode> {
    let restored = store.undo_merge(event, stamp)?;
    line(format!(
        "merge {event} undone: {} {} is as it was before it",
        restored.id, restored.name
    ));
    Ok(ExitCode::SUCCESS)
}

pub fn add(store: &Store, args: &AddArgs, stamp: &Stamp) -> Result<ExitCode> {
    let candidate = build(args, Catalog::builtin(), stamp.at)?;
    if let Some(erased) = store.erased_match(&candidate)? {
        if !args.allow_erased {
            bail!("{erased}; nothing was added. Pass --allow-erased to add them again");
        }
        store.forget_tombstones(&candidate)?;
    }
    let stored = store.candidates()?;
    let Some(found) = DuplicateIndex::new(&stored).find(&candidate) else {
        let added = store.add_candidate(candidate, stamp)?;
        line(format!("added {} {}", added.id, added.name));
        return Ok(ExitCode::SUCCESS);
    };
    let existing = stored
        .iter()
        .find(|c| c.id == found.existing)
        .map_or(String::new(), |c| c.name.clone());
    let what = format!(
        "{} {existing} is already stored ({})",
        found.existing, found.reason
    );
    if !args.merge {
        bail!(
            "{what}; nothing was added. Open it with `hireterm search`, or pass --merge \
             to merge these details into it"
        );
    }
    let merged = store.merge_candidate(found.existing, &candidate, stamp)?;
    line(format!(
        "{what}: merged into it as event {} (undo with `hireterm unmerge {}`)",
        merged.event, merged.event
    ));
    for conflict in &merged.conflicts {
        line(format!("  not taken: {conflict}; the event keeps it"));
    }
    Ok(ExitCode::SUCCESS)
}

fn build(args: &AddArgs, catalog: &Catalog, now: Timestamp) -> Result<Candidate> {
    if let Some(problem) = zone_problem(&clean_line(&args.timezone)) {
        bail!("--timezone: {problem}");
    }
    let roles = args
        .roles
        .iter()
        .map(|r| {
            catalog
                .find_role(r)
                .map(|role| role.id.clone())
                .ok_or_else(|| eyre!("unknown role type `{}`", clean_line(r)))
        })
        .collect::<Result<Vec<_>>>()?;
    let skills = args
        .skills
        .iter()
        .map(|s| parse_skill(s, catalog))
        .collect::<Result<Vec<_>>>()?;
    Ok(Candidate {
        id: CandidateId(0),
        name: clean_line(&args.name),
        email: clean_line(&args.email),
        phone: args.phone.as_deref().map(clean_line),
        location: Location {
            city: clean_line(&args.city),
            country: clean_line(&args.country),
            timezone: clean_line(&args.timezone),
        },
        roles,
        skills,
        rate: args.rate.as_deref().map(parse_rate).transpose()?,
        available_from: args.available,
        source: Source::Other,
        tags: args.tags.iter().map(|t| clean_line(t)).collect(),
        links: Vec::new(),
        created_at: now,
        company: String::new(),
        title: String::new(),
        external_ids: Vec::new(),
        custom: Vec::new(),
        consent: None,
    })
}

fn parse_skill(text: &str, catalog: &Catalog) -> Result<SkillLevel> {
    let (name, level) = text.rsplit_once(':').ok_or_else(|| {
        eyre!(
            "skill `{}` needs a level, as in kubernetes:4",
            clean_line(text)
        )
    })?;
    let skill = catalog
        .find_skill(name)
        .ok_or_else(|| eyre!("unknown skill `{}`", clean_line(name)))?;
    let level: u8 = level
        .trim()
        .parse()
        .map_err(|_| eyre!("level `{}` is not a number from 0 to 5", clean_line(level)))?;
    Ok(SkillLevel {
        skill: skill.id.clone(),
        level: Level::new(level)?,
    })
}

fn parse_rate(text: &str) -> Result<RateRange> {
    let number = |s: &str| {
        s.trim()
            .trim_start_matches('$')
            .parse::<u32>()
            .map_err(|_| eyre!("rate `{}` is not \"80\" or \"60-90\"", clean_line(text)))
    };
    match text.split_once('-') {
        Some((min, max)) => Ok(RateRange::usd(number(min)?, number(max)?)),
        None => number(text).map(|rate| RateRange::usd(rate, rate)),
    }
}
