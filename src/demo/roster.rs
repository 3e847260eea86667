//! The candidates that pipelines, submittals and placements read: all of
//! them, when the data is generated in memory, or only the ones drawn so
//! far, when the candidates were streamed to the store and let go.
//!
//! A candidate is a pure function of (seed, index), so one let go is made
//! again, the same, when a pipeline looks at it. A pipeline looks at a
//! few thousand people, whatever the size of the database, so a demo of a
//! million holds a few thousand candidates instead of a million.

use super::*;
use std::collections::{HashMap, HashSet};

/// Drawn candidates kept beyond the ones in a pipeline: at about a
/// kilobyte each, a few tens of megabytes, and enough that a demo of a
/// few thousand people never makes one twice.
pub(super) const KEEP: usize = 20_000;

pub(super) enum Roster<'a> {
    /// Every candidate, by index.
    All(&'a [Candidate]),
    /// `count` candidates, of which those drawn so far, by index.
    Drawn {
        count: usize,
        /// How many to hold before letting go of those without a card.
        keep: usize,
        known: HashMap<usize, Candidate>,
        /// The ones in a pipeline: submittals and placements read them.
        picked: HashSet<usize>,
    },
}

impl Roster<'_> {
    /// A roster of `count` candidates, none made yet, holding up to
    /// `keep` (and those with a card).
    pub(super) fn drawn(count: usize, keep: usize) -> Roster<'static> {
        Roster::Drawn {
            count,
            keep,
            known: HashMap::new(),
            picked: HashSet::new(),
        }
    }

    pub(super) fn len(&self) -> usize {
        match self {
            Roster::All(all) => all.len(),
            Roster::Drawn { count, .. } => *count,
        }
    }

    /// The candidate at `index`, which [`Roster::fetch`] made ready.
    pub(super) fn get(&self, index: usize) -> &Candidate {
        match self {
            Roster::All(all) => &all[index],
            Roster::Drawn { known, .. } => &known[&index],
        }
    }

    /// Makes the candidates at `indices` ready for [`Roster::get`].
    pub(super) fn fetch(&mut self, world: &World, indices: &[usize]) {
        if let Roster::Drawn { known, .. } = self {
            for &index in indices {
                known
                    .entry(index)
                    .or_insert_with(|| world.candidate(index).0);
            }
        }
    }

    /// Keeps the candidate at `index` until the end: it has a card.
    pub(super) fn pick(&mut self, index: usize) {
        if let Roster::Drawn { picked, .. } = self {
            picked.insert(index);
        }
    }

    /// Lets go of the candidates without a card once too many are held.
    pub(super) fn trim(&mut self) {
        if let Roster::Drawn {
            known,
            picked,
            keep,
            ..
        } = self
            && known.len() > *keep
        {
            known.retain(|index, _| picked.contains(index));
        }
    }
}
