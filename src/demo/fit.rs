//! Who a recruiter puts in a pipeline: mostly people who meet the
//! engagement's must-haves, a few weaker ones, and the best of them the
//! furthest along.

use super::pipelines::Pool;
use super::routes::FORCED;
use super::*;
use crate::domain::{Fx, MatchScore, match_score};
use std::cmp::Reverse;

/// Candidates looked at for one engagement: every one of a database this
/// small, else a sample this large, so a million costs what 3,000 do.
const LOOK: usize = 3000;

/// A candidate (an index into the pool) and how well they fit.
#[derive(Debug, Clone, Copy)]
pub(super) struct Scored {
    pub(super) index: usize,
    pub(super) score: MatchScore,
}

impl World<'_> {
    /// Up to `size` distinct candidates for `engagement`, best first:
    /// qualified ones at random (nearest misses when too few qualify),
    /// then about one in six weaker ones, from the better half of the
    /// rest. The order carries
    /// a little noise, as a recruiter's judgement does, but every
    /// qualified candidate stays ahead of every unqualified one.
    pub(super) fn shortlist(
        &self,
        engagement: &Engagement,
        pool: &mut Pool,
        size: usize,
        rng: &mut Rng,
    ) -> Vec<Scored> {
        let fx = Fx::default();
        let looked = self.look(pool, engagement.opened_at, size, rng);
        let roster = &*pool.roster;
        let scored = looked.into_iter().map(|index| Scored {
            index,
            score: match_score(roster.get(index), engagement, &fx),
        });
        let (mut fit, mut rest): (Vec<Scored>, Vec<Scored>) =
            scored.partition(|s| s.score.qualified);
        shuffle(&mut fit, rng);
        rest.sort_by_key(|s| (Reverse(s.score.score), s.index));
        // Where few qualify, the pipeline is smaller, not padded with
        // misses: a third of it at most (but room for the forced plans).
        let size = size.min((fit.len() * 3).div_ceil(2).max(FORCED));
        let weak = (size / 6).min(rest.len());
        let mut picks: Vec<Scored> = fit.drain(..fit.len().min(size - weak)).collect();
        // Near misses make up for a lack of qualified people.
        let short = size - weak - picks.len();
        picks.extend(rest.drain(..short.min(rest.len())));
        // The weak ones: from the better half of the rest, at random.
        let half = rest.len().div_ceil(2).max(weak.min(rest.len()));
        shuffle(&mut rest[..half], rng);
        picks.extend(rest.drain(..weak.min(half)));
        picks.extend(fit.drain(..fit.len().min(size - picks.len())));
        let mut keyed: Vec<(u32, Scored)> = picks
            .into_iter()
            .map(|s| {
                let source = roster.get(s.index).source;
                let key = u32::from(s.score.score) + source_yield(source) + rng.below(10) as u32;
                (key, s)
            })
            .collect();
        keyed.sort_by_key(|(key, s)| (Reverse(*key), s.index));
        keyed.into_iter().map(|(_, s)| s).collect()
    }
}

impl World<'_> {
    /// The candidates worth a look: all of a small pool, else a sample,
    /// most of it of the engagement's role, made ready in the roster.
    /// People on file only after the engagement opened are left out while
    /// there are enough others.
    fn look(&self, pool: &mut Pool, opened: Timestamp, size: usize, rng: &mut Rng) -> Vec<usize> {
        let mut indices = sample(pool, rng);
        pool.roster.fetch(self, &indices);
        let roster = &*pool.roster;
        let on_file = |i: &usize| roster.get(*i).created_at <= opened;
        if indices.iter().filter(|i| on_file(i)).count() >= size * 2 {
            indices.retain(on_file);
        }
        indices
    }
}

/// The indices [`World::look`] looks at, sorted.
fn sample(pool: &Pool, rng: &mut Rng) -> Vec<usize> {
    let all = pool.roster.len();
    if all <= LOOK {
        (0..all).collect()
    } else {
        let mut drawn: Vec<usize> = (0..LOOK)
            .map(|_| match pool.same_role.is_empty() || rng.chance(15) {
                true => rng.below(all),
                false => *rng.pick(pool.same_role),
            })
            .collect();
        drawn.sort_unstable();
        drawn.dedup();
        drawn
    }
}

/// How far a source's people tend to go, as a head start in the order
/// that gives the deepest places to the best: referrals and people met
/// at events are placed more often than job-board applicants, as agencies
/// find, so that the source-effectiveness report has something to show.
fn source_yield(source: Source) -> u32 {
    match source {
        Source::Referral => 14,
        Source::Event | Source::Github => 9,
        Source::LinkedIn | Source::Agency => 6,
        Source::Inbound | Source::Other => 3,
        Source::JobBoard => 0,
    }
}
