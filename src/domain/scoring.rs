//! How well a candidate fits an engagement, as a score from 0 to 100.
//!
//! - Must-haves gate. A candidate who meets every must-have scores 50 or more;
//!   one who misses any scores below 40, by the share of must-have levels held
//!   (so a near miss still ranks above a no-show).
//! - Nice-to-haves add up to 40, shared equally among them; a level below the
//!   minimum earns its fraction. With no nice-to-haves, all 40 are earned.
//! - Levels above a requirement's minimum count for a little: 2 points a
//!   level, 10 at most.
//! - Budget: a candidate whose lowest rate is above the top of the
//!   engagement's budget loses 2 points for every 5 % over (begun), 20 at
//!   most. The rate is converted to the budget's currency first; with no
//!   rate, no budget or no exchange rate between them, nothing is taken.
//! - Availability: a candidate available after the engagement's target
//!   start (else the day it opened) loses 2 points for every week late
//!   (begun), 20 at most.
//! - These take a qualified candidate no lower than 50, so that every
//!   qualified candidate still outranks every unqualified one.

use super::candidate::Candidate;
use super::engagement::{Engagement, Requirement};
use super::money::Fx;
use super::role::Role;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct MatchScore {
    /// 0-100; every qualified candidate outranks every unqualified one.
    pub score: u8,
    /// Every must-have met.
    pub qualified: bool,
    /// The candidate's lowest rate is above the budget.
    pub over_budget: bool,
    /// The candidate is available only after the engagement needs them.
    pub late: bool,
}

const QUALIFIED_BASE: f32 = 50.0;
const NICE_WEIGHT: f32 = 40.0;
const UNQUALIFIED_WEIGHT: f32 = 40.0;
const SURPLUS_PER_LEVEL: u32 = 2;
const SURPLUS_CAP: u32 = 10;
/// Points lost per step over budget or late, the step, and the most lost.
const PENALTY_PER_STEP: u32 = 2;
const BUDGET_STEP_PERCENT: f64 = 5.0;
const LATE_STEP_DAYS: i64 = 7;
const PENALTY_CAP: u32 = 20;

/// The match score of `candidate` against `engagement`; `fx` converts a
/// rate to the budget's currency.
pub fn match_score(candidate: &Candidate, engagement: &Engagement, fx: &Fx) -> MatchScore {
    let skills = skill_score(candidate, engagement);
    let budget = budget_penalty(candidate, engagement, fx);
    let late = late_penalty(candidate, engagement);
    let floor = if skills.qualified {
        QUALIFIED_BASE as u32
    } else {
        0
    };
    let score = u32::from(skills.score)
        .saturating_sub(budget + late)
        .max(floor.min(u32::from(skills.score)));
    MatchScore {
        score: score as u8,
        over_budget: budget > 0,
        late: late > 0,
        ..skills
    }
}

/// The score from skills alone (see the module's notes).
fn skill_score(candidate: &Candidate, engagement: &Engagement) -> MatchScore {
    let musts: Vec<&Requirement> = engagement.musts().collect();
    let qualified = musts.iter().all(|r| credit(candidate, r) >= 1.0);
    let score = if qualified {
        let nices: Vec<&Requirement> = engagement.nices().collect();
        let nice = NICE_WEIGHT * mean_credit(candidate, &nices).unwrap_or(1.0);
        let surplus = surplus_levels(candidate, engagement) * SURPLUS_PER_LEVEL;
        (QUALIFIED_BASE + nice.round() + surplus.min(SURPLUS_CAP) as f32).min(100.0)
    } else {
        let held = mean_credit(candidate, &musts).unwrap_or(0.0);
        (UNQUALIFIED_WEIGHT * held)
            .floor()
            .min(UNQUALIFIED_WEIGHT - 1.0)
    };
    MatchScore {
        score: score as u8,
        qualified,
        over_budget: false,
        late: false,
    }
}

/// Points lost for a lowest rate above the top of the budget.
fn budget_penalty(candidate: &Candidate, engagement: &Engagement, fx: &Fx) -> u32 {
    let (Some(rate), Some(budget)) = (&candidate.rate, &engagement.budget) else {
        return 0;
    };
    let Ok(asked) = fx.convert(f64::from(rate.min), &rate.currency, &budget.currency) else {
        return 0;
    };
    let top = f64::from(budget.max.max(1));
    let over_percent = (asked - top) / top * 100.0;
    if over_percent <= 0.0 {
        return 0;
    }
    let steps = (over_percent / BUDGET_STEP_PERCENT).ceil() as u32;
    (steps * PENALTY_PER_STEP).min(PENALTY_CAP)
}

/// Points lost for being available after the engagement needs people.
fn late_penalty(candidate: &Candidate, engagement: &Engagement) -> u32 {
    let Some(available) = candidate.available_from else {
        return 0;
    };
    let needed = engagement
        .target_start
        .unwrap_or_else(|| engagement.opened_at.date_naive());
    let late_days = (available - needed).num_days();
    if late_days <= 0 {
        return 0;
    }
    let steps = late_days.div_euclid(LATE_STEP_DAYS) + i64::from(late_days % LATE_STEP_DAYS != 0);
    (steps as u32 * PENALTY_PER_STEP).min(PENALTY_CAP)
}

/// How well a candidate fits a role type, 0-100: the share of the role's
/// defining skill levels the candidate holds (levels above the expected one
/// count as the expected one).
pub fn role_fit(candidate: &Candidate, role: &Role) -> u8 {
    let expected: u32 = role.skills.iter().map(|s| u32::from(s.level.get())).sum();
    if expected == 0 {
        return 0;
    }
    let held: u32 = role
        .skills
        .iter()
        .map(|s| u32::from(candidate.level(&s.skill).get().min(s.level.get())))
        .sum();
    (held * 100 / expected) as u8
}

/// The share of a requirement the candidate holds: 1.0 when met, the
/// fraction of the minimum level otherwise.
fn credit(candidate: &Candidate, requirement: &Requirement) -> f32 {
    let min = requirement.min_level.get();
    if min == 0 {
        return 1.0;
    }
    let held = candidate.level(&requirement.skill).get();
    (f32::from(held) / f32::from(min)).min(1.0)
}

fn mean_credit(candidate: &Candidate, requirements: &[&Requirement]) -> Option<f32> {
    if requirements.is_empty() {
        return None;
    }
    let total: f32 = requirements.iter().map(|r| credit(candidate, r)).sum();
    Some(total / requirements.len() as f32)
}

fn surplus_levels(candidate: &Candidate, engagement: &Engagement) -> u32 {
    engagement
        .requirements
        .iter()
        .map(|r| {
            let held = candidate.level(&r.skill).get();
            u32::from(held.saturating_sub(r.min_level.get()))
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{candidate_with, engagement_with};
    use crate::domain::{Level, RateRange, SkillId};
    use chrono::NaiveDate;

    fn score(skills: &[(&str, u8)], reqs: &[(&str, u8, bool)]) -> MatchScore {
        match_score(
            &candidate_with(skills),
            &engagement_with(reqs),
            &Fx::default(),
        )
    }

    const GO_K8S_MUST: &[(&str, u8, bool)] = &[("go", 3, true), ("kubernetes", 3, true)];

    #[test]
    fn meeting_every_must_with_no_nices_scores_ninety() {
        let s = score(&[("go", 3), ("kubernetes", 3)], GO_K8S_MUST);
        assert_eq!(
            s,
            MatchScore {
                score: 90,
                qualified: true,
                over_budget: false,
                late: false,
            }
        );
    }

    fn go_dev(rate: Option<RateRange>, available: Option<NaiveDate>) -> Candidate {
        let mut c = candidate_with(&[("go", 3)]);
        c.rate = rate;
        c.available_from = available;
        c
    }

    fn go_job(budget: Option<RateRange>, start: Option<NaiveDate>) -> Engagement {
        let mut e = engagement_with(&[("go", 3, true)]);
        e.budget = budget;
        e.target_start = start;
        e
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 2, d).unwrap_or_default()
    }

    #[test]
    fn a_rate_over_budget_costs_two_points_per_five_percent_begun() {
        let fx = Fx::default();
        let job = go_job(Some(RateRange::usd(60, 80)), None);
        let fits = match_score(&go_dev(Some(RateRange::usd(70, 90)), None), &job, &fx);
        assert_eq!(
            (fits.score, fits.over_budget),
            (90, false),
            "the lowest rate counts"
        );
        let over = match_score(&go_dev(Some(RateRange::usd(85, 95)), None), &job, &fx);
        assert_eq!(
            (over.score, over.over_budget),
            (86, true),
            "6.25 % over: 2 steps"
        );
        let far = match_score(&go_dev(Some(RateRange::usd(200, 200)), None), &job, &fx);
        assert_eq!(far.score, 70, "at most 20 points");
        let no_rate = match_score(&go_dev(None, None), &job, &fx);
        assert_eq!(no_rate.score, 90, "unknown: nothing taken");
    }

    #[test]
    fn a_rate_in_another_currency_is_converted_or_left_alone() {
        let job = go_job(Some(RateRange::usd(60, 80)), None);
        let eur = RateRange {
            min: 80,
            max: 90,
            currency: "EUR".into(),
        };
        let fx = Fx::new("USD", [("EUR".to_string(), 1.1)]).unwrap_or_default();
        let converted = match_score(&go_dev(Some(eur.clone()), None), &job, &fx);
        assert_eq!(converted.score, 86, "88 USD is 10 % over: 2 steps");
        let unknown = match_score(&go_dev(Some(eur), None), &job, &Fx::default());
        assert_eq!(unknown.score, 90, "no rate to convert with: nothing taken");
    }

    #[test]
    fn availability_after_the_start_costs_two_points_a_week_begun() {
        let fx = Fx::default();
        let job = go_job(None, Some(day(10)));
        let early = match_score(&go_dev(None, Some(day(3))), &job, &fx);
        assert_eq!((early.score, early.late), (90, false));
        let week = match_score(&go_dev(None, Some(day(17))), &job, &fx);
        assert_eq!((week.score, week.late), (88, true));
        let eight_days = match_score(&go_dev(None, Some(day(18))), &job, &fx);
        assert_eq!(eight_days.score, 86);
        // With no target start, the day it opened (2026-01-01) counts.
        let open = go_job(None, None);
        assert_eq!(
            match_score(&go_dev(None, Some(day(1))), &open, &fx).score,
            80
        );
    }

    #[test]
    fn penalties_never_take_a_qualified_candidate_below_fifty() {
        let fx = Fx::default();
        let mut job = go_job(Some(RateRange::usd(10, 10)), Some(day(1)));
        job.requirements.push(Requirement {
            skill: SkillId::new("aws"),
            min_level: Level::new(3).expect("a level"),
            priority: crate::domain::Priority::Nice,
        });
        let later = NaiveDate::from_ymd_opt(2026, 9, 1);
        let costly_late = go_dev(Some(RateRange::usd(500, 500)), later);
        assert_eq!(skill_score(&costly_late, &job).score, 50, "a bare fit");
        let s = match_score(&costly_late, &job, &fx);
        assert_eq!(
            (s.score, s.qualified, s.over_budget, s.late),
            (50, true, true, true)
        );
        let mut unqualified = costly_late.clone();
        unqualified.skills.clear();
        assert_eq!(match_score(&unqualified, &job, &fx).score, 0);
    }

    #[test]
    fn missing_a_must_scores_below_every_qualified_candidate() {
        let near_miss = score(&[("go", 5), ("kubernetes", 2)], GO_K8S_MUST);
        let bare_fit = score(
            &[("go", 3), ("kubernetes", 3)],
            &[("go", 3, true), ("kubernetes", 3, true), ("aws", 5, false)],
        );
        assert!(!near_miss.qualified);
        assert!(near_miss.score < 40, "{near_miss:?}");
        assert!(bare_fit.qualified);
        assert_eq!(bare_fit.score, 50);
    }

    #[test]
    fn near_misses_rank_above_no_shows() {
        let near = score(&[("go", 3), ("kubernetes", 2)], GO_K8S_MUST);
        let none = score(&[("java", 5)], GO_K8S_MUST);
        assert_eq!(none.score, 0);
        assert!(near.score > none.score);
        assert_eq!(near.score, 33); // 40 * (1 + 2/3) / 2, floored
    }

    #[test]
    fn nice_to_haves_add_and_partial_levels_earn_their_fraction() {
        let reqs = &[("go", 3, true), ("aws", 4, false), ("docker", 4, false)];
        let without = score(&[("go", 3)], reqs);
        let half = score(&[("go", 3), ("aws", 4)], reqs);
        let partial = score(&[("go", 3), ("aws", 4), ("docker", 2)], reqs);
        assert_eq!((without.score, half.score, partial.score), (50, 70, 80));
    }

    #[test]
    fn levels_above_the_minimum_count_for_a_little() {
        let reqs = &[("go", 3, true), ("aws", 3, false), ("docker", 3, false)];
        let exact = score(&[("go", 3), ("aws", 3)], reqs);
        let expert = score(&[("go", 5), ("aws", 3)], reqs);
        assert_eq!(expert.score - exact.score, 4);
        // ...and never more than a nice-to-have is worth.
        let maxed = score(
            &[("go", 5), ("aws", 5)],
            &[("go", 0, true), ("aws", 0, true)],
        );
        assert_eq!(maxed.score, 100);
        let one_nice = score(&[("go", 3), ("aws", 3), ("docker", 3)], reqs);
        assert!(one_nice.score > expert.score);
    }

    #[test]
    fn role_fit_is_the_share_of_expected_levels_held() {
        use crate::domain::{RoleId, RoleSkill};
        let role = Role {
            id: RoleId::new("devops"),
            name: "DevOps".into(),
            aliases: Vec::new(),
            summary: String::new(),
            skills: vec![
                RoleSkill {
                    skill: SkillId::new("go"),
                    level: Level::new(4).unwrap(),
                },
                RoleSkill {
                    skill: SkillId::new("kubernetes"),
                    level: Level::new(4).unwrap(),
                },
            ],
        };
        assert_eq!(
            role_fit(&candidate_with(&[("go", 5), ("kubernetes", 2)]), &role),
            75
        );
        assert_eq!(role_fit(&candidate_with(&[]), &role), 0);
    }

    #[test]
    fn an_engagement_without_requirements_fits_everyone_equally() {
        assert_eq!(score(&[], &[]).score, 90);
        assert_eq!(score(&[("go", 5)], &[]).score, 90);
    }
}
