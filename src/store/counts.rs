//! Counters of the records, kept so that `stats` reads a few keys instead
//! of decoding every record: its cost must not grow with the database.
//!
//! They live in the `meta` tree under `count:` (`count:n:candidate`,
//! `count:stage:<index in Stage::ALL>`, `count:role:<role id>`,
//! `count:status:<index in EngagementStatus::ALL>`,
//! `count:n:submittal_answered`, ...), each a u64 big-endian; a counter
//! at zero is no key at all. `meta` is in every transaction already (each
//! change appends its event there), so a counter changes in the same
//! transaction as its record at no cost in conflicts.
//!
//! Every write path owes one call here: a [`Tally`] of the records it
//! replaced (before) and wrote (after), applied inside its transaction;
//! events are counted where they are appended (`tx::append_event`). A
//! bulk rewrite outside transactions (a migration, an import's rollback)
//! instead marks the counters stale first and [`Store::rebuild_counts`]
//! after; an open finds stale or missing counters and rebuilds them.
//! Nobody may forget: `check` recounts from the records and reports every
//! counter that differs (`counts/recount.rs`).

use super::error::Result;
use crate::domain::{
    Application, Candidate, Client, Engagement, EngagementStatus, Placement, RoleId, Stage,
    Submittal,
};
use crate::store::kv::{TxError, TxTree};
use std::collections::BTreeMap;

mod recount;

/// `tx::TxResult`, spelled out: `tx` calls in here, so this may not
/// import it back.
type TxResult<T> = std::result::Result<T, TxError>;

/// Every counter key starts so.
const PREFIX: &[u8] = b"count:";
/// Present in `meta` while the counters agree with the records.
pub(super) const BUILT: &[u8] = b"index:counts";

const CANDIDATES: &str = "n:candidate";
const ENGAGEMENTS: &str = "n:engagement";
const APPLICATIONS: &str = "n:application";
const EVENTS: &str = "n:event";
const CLIENTS: &str = "n:client";
const SUBMITTALS: &str = "n:submittal";
const ANSWERED: &str = "n:submittal_answered";
const PLACEMENTS: &str = "n:placement";

/// Counter name (the key without its prefix) -> value.
pub(super) type Counters = BTreeMap<String, u64>;

/// Changes to counters, summed before any is written.
#[derive(Debug, Default)]
pub(super) struct Tally(BTreeMap<String, i64>);

/// A record whose presence moves counters: the names of the counters
/// one such record adds one to.
pub(super) trait Counted {
    fn counters(&self) -> Vec<String>;
}

impl Counted for Candidate {
    fn counters(&self) -> Vec<String> {
        let role = self.primary_role().map(|r| format!("role:{r}"));
        [CANDIDATES.to_string()].into_iter().chain(role).collect()
    }
}

impl Counted for Application {
    fn counters(&self) -> Vec<String> {
        vec![
            APPLICATIONS.into(),
            format!("stage:{}", stage_index(self.stage)),
        ]
    }
}

impl Counted for Engagement {
    fn counters(&self) -> Vec<String> {
        vec![
            ENGAGEMENTS.into(),
            format!("status:{}", status_index(self.status)),
        ]
    }
}

impl Counted for Client {
    fn counters(&self) -> Vec<String> {
        vec![CLIENTS.into()]
    }
}

impl Counted for Submittal {
    fn counters(&self) -> Vec<String> {
        match self.awaits_answer() {
            true => vec![SUBMITTALS.into()],
            false => vec![SUBMITTALS.into(), ANSWERED.into()],
        }
    }
}

impl Counted for Placement {
    fn counters(&self) -> Vec<String> {
        vec![PLACEMENTS.into()]
    }
}

impl Tally {
    /// `before` replaced by `after` (either may be none: an add, a delete).
    pub fn change<R: Counted>(&mut self, before: Option<&R>, after: Option<&R>) {
        for name in before.map(R::counters).into_iter().flatten() {
            *self.0.entry(name).or_default() -= 1;
        }
        for name in after.map(R::counters).into_iter().flatten() {
            *self.0.entry(name).or_default() += 1;
        }
    }

    /// Adds another's changes to these (`check` counts in parts).
    pub fn absorb(&mut self, other: Tally) {
        for (name, change) in other.0 {
            *self.0.entry(name).or_default() += change;
        }
    }

    pub fn events(&mut self, appended: u64) {
        *self.0.entry(EVENTS.into()).or_default() += appended as i64;
    }

    /// Writes the changes inside the caller's transaction. A counter that
    /// would go below zero stops at zero: `check` tells of it.
    pub fn apply(&self, meta: &TxTree) -> TxResult<()> {
        for (name, &change) in self.0.iter().filter(|(_, change)| **change != 0) {
            let key = key(name);
            let now = read_value(meta.get(&key)?.as_deref()) as i64;
            match u64::try_from(now + change).unwrap_or(0) {
                0 => drop(meta.remove(key)?),
                value => meta.insert(key, &value.to_be_bytes())?,
            };
        }
        Ok(())
    }

    /// The counters these changes make from nothing: a recount.
    pub fn into_counters(self) -> Counters {
        let positive = self.0.into_iter().filter(|(_, n)| *n > 0);
        positive.map(|(name, n)| (name, n as u64)).collect()
    }
}

/// One record's change, applied in its transaction: the one call each
/// single-record write path makes.
pub(super) fn change<R: Counted>(
    meta: &TxTree,
    before: Option<&R>,
    after: Option<&R>,
) -> TxResult<()> {
    let mut tally = Tally::default();
    tally.change(before, after);
    tally.apply(meta)
}

/// One event appended: `tx::append_event` calls this, so every event
/// is counted where it is written.
pub(super) fn event(meta: &TxTree) -> TxResult<()> {
    let key = key(EVENTS);
    let now = read_value(meta.get(&key)?.as_deref());
    meta.insert(key, &(now + 1).to_be_bytes())?;
    Ok(())
}

/// True for the counters' own entries in `meta`, which a backup's
/// manifest does not count (they are derived, and rebuilt if missing).
pub(super) fn is_counter(tree: &[u8], key: &[u8]) -> bool {
    tree == b"meta" && (key.starts_with(PREFIX) || key == BUILT)
}

fn key(name: &str) -> Vec<u8> {
    [PREFIX, name.as_bytes()].concat()
}

fn read_value(stored: Option<&[u8]>) -> u64 {
    stored
        .and_then(|v| <[u8; 8]>::try_from(v).ok())
        .map_or(0, u64::from_be_bytes)
}

fn stage_index(stage: Stage) -> usize {
    Stage::ALL
        .iter()
        .position(|s| *s == stage)
        .unwrap_or(usize::MAX)
}

fn status_index(status: EngagementStatus) -> usize {
    let all = EngagementStatus::ALL;
    all.iter().position(|s| *s == status).unwrap_or(usize::MAX)
}

/// Reading the counters back, for `stats` and `check`.
pub(super) mod read {
    use super::*;

    /// Every counter stored.
    pub fn stored(meta: &crate::store::kv::Tree) -> Result<Counters> {
        let mut counters = Counters::new();
        for entry in meta.scan_prefix(PREFIX) {
            let (key, value) = entry?;
            let name = String::from_utf8_lossy(&key[PREFIX.len()..]).into_owned();
            counters.insert(name, read_value(Some(&value)));
        }
        Ok(counters)
    }

    /// How many candidates there are, from their counter alone; `None`
    /// while the counters are not built (then only a scan can tell).
    pub fn candidates(meta: &crate::store::kv::Tree) -> Result<Option<usize>> {
        if meta.get(BUILT)?.is_none() {
            return Ok(None);
        }
        let stored = meta.get(key(CANDIDATES))?;
        Ok(Some(read_value(stored.as_deref()) as usize))
    }

    /// One figure: 0 when the counter is not there.
    pub fn figure(counters: &Counters, name: &str) -> usize {
        counters.get(name).copied().unwrap_or(0) as usize
    }

    pub fn totals(counters: &Counters) -> [usize; 8] {
        [
            CANDIDATES,
            ENGAGEMENTS,
            APPLICATIONS,
            EVENTS,
            CLIENTS,
            SUBMITTALS,
            ANSWERED,
            PLACEMENTS,
        ]
        .map(|name| figure(counters, name))
    }

    pub fn by_stage(counters: &Counters) -> Vec<(Stage, usize)> {
        let count = |i: usize| figure(counters, &format!("stage:{i}"));
        Stage::ALL
            .iter()
            .enumerate()
            .map(|(i, s)| (*s, count(i)))
            .collect()
    }

    pub fn by_status(counters: &Counters) -> Vec<(EngagementStatus, usize)> {
        let count = |i: usize| figure(counters, &format!("status:{i}"));
        let all = EngagementStatus::ALL.iter().enumerate();
        all.map(|(i, s)| (*s, count(i))).collect()
    }

    /// Candidates by primary role, most first (ties by role id).
    pub fn by_role(counters: &Counters) -> Vec<(RoleId, usize)> {
        let mut roles: Vec<(RoleId, usize)> = counters
            .iter()
            .filter_map(|(name, n)| Some((RoleId::new(name.strip_prefix("role:")?), *n as usize)))
            .filter(|(_, n)| *n > 0)
            .collect();
        roles.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        roles
    }
}
