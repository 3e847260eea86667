//! `hireterm bench`: who is free now or soon, by the rule the app's Bench
//! pane follows (`domain::bench`).

use super::output::line;
use crate::catalog::Catalog;
use crate::domain::Candidate;
use crate::domain::bench::free_within;
use crate::domain::collate;
use crate::domain::text::clean_line;
use crate::store::Store;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use color_eyre::eyre::Result;
use serde::Serialize;
use std::process::ExitCode;

/// Skills listed for each person on the bench.
const TOP_SKILLS: usize = 3;

#[derive(Debug, Clone, Args)]
pub struct BenchArgs {
    /// Free within this many days.
    #[arg(long, value_enum, default_value_t = Window::Month)]
    pub within: Window,
    /// The order: by when free (then name), by rate (lowest first), by name.
    #[arg(long, value_enum, default_value_t = BenchSort::Available)]
    pub sort: BenchSort,
    /// One JSON array instead of aligned text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Window {
    #[value(name = "7")]
    Week,
    #[value(name = "14")]
    Fortnight,
    #[value(name = "30")]
    Month,
    #[value(name = "90")]
    Quarter,
}

impl Window {
    fn days(self) -> i64 {
        match self {
            Window::Week => 7,
            Window::Fortnight => 14,
            Window::Month => 30,
            Window::Quarter => 90,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BenchSort {
    Available,
    Rate,
    Name,
}

/// One person on the bench, every text cleaned.
#[derive(Serialize)]
struct Printed {
    id: String,
    name: String,
    role: String,
    skills: Vec<String>,
    rate: Option<String>,
    /// `now`, or the first free day.
    free: String,
    free_from: NaiveDate,
    /// `available`, or the placement that ends.
    why: String,
    #[serde(skip)]
    rate_key: u32,
}

pub fn bench(store: &Store, args: &BenchArgs, today: NaiveDate) -> Result<ExitCode> {
    let candidates = store.candidates()?;
    let free = free_within(&candidates, &store.placements()?, today, args.within.days());
    let mut bench: Vec<Printed> = free
        .iter()
        .map(|f| printed(&candidates[f.index], f.from, f.why.to_string(), today))
        .collect();
    match args.sort {
        BenchSort::Available => bench.sort_by_cached_key(|p| (p.free_from, collate::key(&p.name))),
        BenchSort::Rate => bench.sort_by_cached_key(|p| (p.rate_key, collate::key(&p.name))),
        BenchSort::Name => bench.sort_by_cached_key(|p| (collate::key(&p.name), p.free_from)),
    }
    if args.json {
        line(serde_json::to_string(&bench)?);
        return Ok(ExitCode::SUCCESS);
    }
    for p in &bench {
        line(format!(
            "{:<7}{:<22.22}  {:<24.24}  {:<36.36}  {:<10}  {:<10}  {}",
            p.id,
            p.name,
            p.role,
            p.skills.join(", "),
            p.rate.as_deref().unwrap_or("–"),
            p.free,
            p.why
        ));
    }
    Ok(ExitCode::SUCCESS)
}

fn printed(candidate: &Candidate, free: NaiveDate, why: String, today: NaiveDate) -> Printed {
    let catalog = Catalog::builtin();
    Printed {
        id: candidate.id.to_string(),
        name: clean_line(&candidate.name),
        role: candidate
            .primary_role()
            .map_or(String::new(), |r| clean_line(catalog.role_name(r))),
        skills: candidate
            .top_skills(TOP_SKILLS)
            .iter()
            .map(|s| {
                format!(
                    "{} {}",
                    clean_line(catalog.skill_name(&s.skill)),
                    s.level.get()
                )
            })
            .collect(),
        rate: candidate.rate.as_ref().map(|r| clean_line(&r.to_string())),
        free: if free <= today {
            "now".into()
        } else {
            free.to_string()
        },
        free_from: free,
        why,
        rate_key: candidate.rate.as_ref().map_or(u32::MAX, |r| r.min),
    }
}
