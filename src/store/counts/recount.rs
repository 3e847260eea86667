//! The counters recomputed from the records: built once for a database
//! that has none (or whose counters a bulk rewrite made stale), and
//! compared with the stored ones by `check`.

use super::{BUILT, Counters, PREFIX, Tally, key, read};
use crate::domain::{
    Application, Candidate, Client, Engagement, EngagementStatus, Placement, Stage, Submittal,
};
use crate::store::error::Result;
use crate::store::records::Record;
use crate::store::{Store, decode_item};
use std::collections::BTreeSet;

impl Store {
    /// Builds the counters of a database written before they existed, or
    /// left stale by a bulk rewrite; a no-op once built.
    pub(in crate::store) fn settle_counts(&self) -> Result<()> {
        if self.meta.get(BUILT)?.is_some() {
            return Ok(());
        }
        self.rebuild_counts()?;
        self.flush()
    }

    /// Marks the counters stale before a rewrite that bypasses them; the
    /// next open rebuilds them if [`Store::rebuild_counts`] does not run.
    pub(in crate::store) fn mark_counts_stale(&self) -> Result<()> {
        self.meta.remove(BUILT)?;
        Ok(())
    }

    /// Replaces every counter with a recount from the records, in one
    /// batch, and marks them built. Not flushed.
    pub(in crate::store) fn rebuild_counts(&self) -> Result<()> {
        let counters = self.recount()?;
        let mut batch = crate::store::kv::Batch::default();
        for entry in self.meta.scan_prefix(PREFIX) {
            batch.remove(entry?.0);
        }
        for (name, value) in counters {
            batch.insert(key(&name), &value.to_be_bytes());
        }
        batch.insert(BUILT, &[1]);
        self.meta.apply_batch(batch)
    }

    /// Every counter, from the records: one record decoded at a time, so
    /// memory does not grow with the database.
    fn recount(&self) -> Result<Counters> {
        let mut tally = Tally::default();
        each(&self.candidates, |c: &Candidate| {
            tally.change(None, Some(c))
        })?;
        each(&self.applications, |a: &Application| {
            tally.change(None, Some(a))
        })?;
        each(&self.engagements, |e: &Engagement| {
            tally.change(None, Some(e))
        })?;
        each(&self.clients, |c: &Client| tally.change(None, Some(c)))?;
        each(&self.submittals, |s: &Submittal| {
            tally.change(None, Some(s))
        })?;
        each(&self.placements, |p: &Placement| {
            tally.change(None, Some(p))
        })?;
        tally.events(self.events.len()? as u64);
        Ok(tally.into_counters())
    }

    /// `check`'s part: every stored counter against the one `found` from
    /// the records.
    pub(in crate::store) fn check_counts(
        &self,
        found: Tally,
        problems: &mut Vec<String>,
    ) -> Result<()> {
        if self.meta.get(BUILT)?.is_none() {
            problems.push("counts: marked stale (the next open rebuilds them)".into());
        }
        let found = found.into_counters();
        let stored = read::stored(&self.meta)?;
        let names: BTreeSet<&String> = stored.keys().chain(found.keys()).collect();
        for name in names {
            let (recorded, counted) = (read::figure(&stored, name), read::figure(&found, name));
            if recorded != counted && self.all_decoded(name, &found)? {
                let what = describe(name);
                problems.push(format!(
                    "counts: {recorded} {what} recorded, {counted} found"
                ));
            }
        }
        Ok(())
    }

    /// True unless the tree a counter counts holds records that did not
    /// decode (`check` tells of those already; they cannot be counted).
    /// Asked only of a counter that differs, so a sound database pays
    /// nothing for it.
    fn all_decoded(&self, name: &str, found: &Counters) -> Result<bool> {
        let (tree, total) = match name.split_once(':') {
            Some(("role", _)) | Some(("n", "candidate")) => (&self.candidates, "n:candidate"),
            Some(("stage", _)) | Some(("n", "application")) => {
                (&self.applications, "n:application")
            }
            Some(("status", _)) | Some(("n", "engagement")) => (&self.engagements, "n:engagement"),
            Some(("n", "submittal" | "submittal_answered")) => (&self.submittals, "n:submittal"),
            Some(("n", "client")) => (&self.clients, "n:client"),
            Some(("n", "placement")) => (&self.placements, "n:placement"),
            Some(("n", "event")) => (&self.events, "n:event"),
            _ => return Ok(true),
        };
        Ok(tree.len()? == read::figure(found, total))
    }
}

/// Decodes every record of a tree in turn.
fn each<R: Record>(tree: &crate::store::kv::Tree, mut count: impl FnMut(&R)) -> Result<()> {
    for item in tree.iter() {
        count(&decode_item::<R>(item)?);
    }
    Ok(())
}

/// What a counter counts, in words.
fn describe(name: &str) -> String {
    let indexed = |prefix: &str| name.strip_prefix(prefix)?.parse::<usize>().ok();
    if let Some(stage) = indexed("stage:").and_then(|i| Stage::ALL.get(i)) {
        return format!("applications at {}", stage.label());
    }
    if let Some(status) = indexed("status:").and_then(|i| EngagementStatus::ALL.get(i)) {
        return format!("engagements {}", status.label());
    }
    if let Some(role) = name.strip_prefix("role:") {
        return format!("candidates of primary role {role}");
    }
    match name.strip_prefix("n:") {
        Some("submittal_answered") => "answered submittals".into(),
        Some(kind) => format!("{kind}s"),
        None => format!("of `{name}`"),
    }
}
