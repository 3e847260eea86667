//! `hireterm bench`: who is free now or soon: candidates available within
//! the window and not placed, and those whose placement ends within it.

use super::output::line;
use crate::catalog::Catalog;
use crate::domain::text::{clean_line, fold};
use crate::domain::{Candidate, CandidateId, Placement};
use crate::store::Store;
use chrono::{NaiveDate, TimeDelta};
use clap::{Args, ValueEnum};
use color_eyre::eyre::Result;
use serde::Serialize;
use std::collections::HashMap;
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
    let placements = store.placements()?;
    let mut seats: HashMap<CandidateId, Vec<&Placement>> = HashMap::new();
    let mut ended: HashMap<CandidateId, &Placement> = HashMap::new();
    for p in &placements {
        if p.holds_a_seat(today) {
            seats.entry(p.candidate).or_default().push(p);
        } else if ended
            .get(&p.candidate)
            .is_none_or(|e| e.ends_on() < p.ends_on())
        {
            ended.insert(p.candidate, p);
        }
    }
    let horizon = today + TimeDelta::days(args.within.days());
    let mut bench: Vec<Printed> = store
        .candidates()?
        .iter()
        .filter_map(|c| {
            let held = seats.get(&c.id).map_or(&[][..], Vec::as_slice);
            free_from(c, held, ended.get(&c.id), horizon)
                .map(|(day, why)| printed(c, day.max(today), why, today))
        })
        .collect();
    match args.sort {
        BenchSort::Available => bench.sort_by_key(|p| (p.free_from, fold(&p.name))),
        BenchSort::Rate => bench.sort_by_key(|p| (p.rate_key, fold(&p.name))),
        BenchSort::Name => bench.sort_by_key(|p| (fold(&p.name), p.free_from)),
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

/// When a candidate is free, and why, if it is by `horizon`. One who
/// holds a seat is free the day after the last of their placements ends
/// (if every one ends). One who holds none is free from the day they
/// said, or the day after their last placement ended, whichever is later.
fn free_from(
    candidate: &Candidate,
    held: &[&Placement],
    ended: Option<&&Placement>,
    horizon: NaiveDate,
) -> Option<(NaiveDate, String)> {
    let after = |p: &Placement| p.ends_on().and_then(|end| end.succ_opt());
    let (day, why) = if held.is_empty() {
        let said = candidate
            .available_from
            .map(|d| (d, "available".to_string()));
        let left = ended.and_then(|p| {
            let day = after(p)?;
            Some((
                day,
                format!("{} ended {}", p.id, day.pred_opt().unwrap_or(day)),
            ))
        });
        said.into_iter().chain(left).max_by_key(|(d, _)| *d)?
    } else {
        let ends: Option<Vec<(NaiveDate, &&Placement)>> =
            held.iter().map(|p| after(p).map(|d| (d, p))).collect();
        let (day, last) = ends?.into_iter().max_by_key(|(d, _)| *d)?;
        let end = day.pred_opt().unwrap_or(day);
        (day, format!("{} ends {end}", last.id))
    };
    (day <= horizon).then_some((day, why))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{EngagementId, HourlyRate, Location, PlacementId, Source, Terms};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, d).unwrap_or_default()
    }

    fn person(available: Option<NaiveDate>) -> Candidate {
        Candidate {
            id: CandidateId(1),
            name: "Ana".into(),
            email: "ana@example.com".into(),
            phone: None,
            location: Location::default(),
            roles: Vec::new(),
            skills: Vec::new(),
            rate: None,
            available_from: available,
            source: Source::Other,
            tags: Vec::new(),
            links: Vec::new(),
            created_at: chrono::Utc::now(),
        }
    }

    fn placed(id: u64, end: Option<NaiveDate>) -> Placement {
        let terms = Terms {
            start: day(1),
            end,
            bill: HourlyRate::usd(95),
            pay: HourlyRate::usd(70),
        };
        let made = Placement::new(
            PlacementId(id),
            (EngagementId(1), CandidateId(1)),
            terms,
            (chrono::Utc::now(), "sam"),
        );
        made.unwrap_or_else(|refused| panic!("{refused}"))
    }

    #[test]
    fn free_when_available_or_when_every_placement_ends_within_the_window() {
        let horizon = day(20);
        let free = |c: &Candidate, held: &[&Placement], ended: Option<&&Placement>| {
            free_from(c, held, ended, horizon)
        };
        let said = person(Some(day(10)));
        assert_eq!(free(&said, &[], None), Some((day(10), "available".into())));
        assert_eq!(free(&person(Some(day(25))), &[], None), None, "too late");
        assert_eq!(free(&person(None), &[], None), None, "unknown");
        let (soon, later, open) = (
            placed(3, Some(day(14))),
            placed(4, Some(day(28))),
            placed(5, None),
        );
        let ends = Some((day(15), "P3 ends 2026-06-14".to_string()));
        assert_eq!(free(&said, &[&soon], None), ends);
        assert_eq!(free(&said, &[&soon, &later], None), None, "the later one");
        assert_eq!(free(&said, &[&open], None), None, "open-ended");
        let gone = placed(6, Some(day(12)));
        let left = Some((day(13), "P6 ended 2026-06-12".to_string()));
        assert_eq!(
            free(&person(None), &[], Some(&&gone)),
            left,
            "ended: free after"
        );
        assert_eq!(
            free(&person(Some(day(2))), &[], Some(&&gone)),
            left,
            "the later day"
        );
    }
}
