//! How well a candidate fits an engagement, as a score from 0 to 100.
//!
//! - Must-haves gate. A candidate who meets every must-have scores 50 or more;
//!   one who misses any scores below 40, by the share of must-have levels held
//!   (so a near miss still ranks above a no-show).
//! - Nice-to-haves add up to 40, shared equally among them; a level below the
//!   minimum earns its fraction. With no nice-to-haves, all 40 are earned.
//! - Levels above a requirement's minimum count for a little: 2 points a
//!   level, 10 at most.

use super::candidate::Candidate;
use super::engagement::{Engagement, Requirement};
use super::role::Role;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct MatchScore {
    /// 0-100; every qualified candidate outranks every unqualified one.
    pub score: u8,
    /// Every must-have met.
    pub qualified: bool,
}

const QUALIFIED_BASE: f32 = 50.0;
const NICE_WEIGHT: f32 = 40.0;
const UNQUALIFIED_WEIGHT: f32 = 40.0;
const SURPLUS_PER_LEVEL: u32 = 2;
const SURPLUS_CAP: u32 = 10;

/// The match score of `candidate` against `engagement`.
pub fn match_score(candidate: &Candidate, engagement: &Engagement) -> MatchScore {
    let musts: Vec<&Requirement> = engagement.musts().collect();
    let qualified = musts.iter().all(|r| credit(candidate, r) >= 1.0);
    if !qualified {
        let held = mean_credit(candidate, &musts).unwrap_or(0.0);
        let score = (UNQUALIFIED_WEIGHT * held)
            .floor()
            .min(UNQUALIFIED_WEIGHT - 1.0);
        return MatchScore {
            score: score as u8,
            qualified,
        };
    }
    let nices: Vec<&Requirement> = engagement.nices().collect();
    let nice = NICE_WEIGHT * mean_credit(candidate, &nices).unwrap_or(1.0);
    let surplus = surplus_levels(candidate, engagement) * SURPLUS_PER_LEVEL;
    let score = QUALIFIED_BASE + nice.round() + surplus.min(SURPLUS_CAP) as f32;
    MatchScore {
        score: score.min(100.0) as u8,
        qualified,
    }
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
    use crate::domain::{Level, SkillId};

    fn score(skills: &[(&str, u8)], reqs: &[(&str, u8, bool)]) -> MatchScore {
        match_score(&candidate_with(skills), &engagement_with(reqs))
    }

    const GO_K8S_MUST: &[(&str, u8, bool)] = &[("go", 3, true), ("kubernetes", 3, true)];

    #[test]
    fn meeting_every_must_with_no_nices_scores_ninety() {
        let s = score(&[("go", 3), ("kubernetes", 3)], GO_K8S_MUST);
        assert_eq!(
            s,
            MatchScore {
                score: 90,
                qualified: true
            }
        );
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
