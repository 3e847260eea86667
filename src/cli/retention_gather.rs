//! What `hireterm retention` reads before it selects: the rules (from
//! config.toml, strictly), and every candidate
//! with their last activity (from the event log, once), applications and
//! placements, handed to the pure selector (`domain::retention`).

use crate::domain::CandidateId;
use crate::domain::retention::{Person, RetentionRules, Selection, counts_as_activity, select};
use crate::domain::text::clean_line;
use crate::store::Store;
use chrono::NaiveDate;
use color_eyre::eyre::{Result, bail};
use std::collections::HashMap;
use std::path::PathBuf;

/// The selection of a day, with the names to list it by.
pub struct Found {
    pub today: NaiveDate,
    pub path: PathBuf,
    pub selection: Selection,
    names: HashMap<CandidateId, String>,
}

impl Found {
    /// The name of someone selected or spared, cleaned for a line.
    pub fn name(&self, id: CandidateId) -> String {
        self.names
            .get(&id)
            .map_or_else(String::new, |n| clean_line(n))
    }
}

/// Reads the records and selects on `today`. With no rule set nothing is
/// read beyond the candidates' count.
pub fn gather(store: &Store, rules: &RetentionRules, today: NaiveDate) -> Result<Found> {
    let mut found = Found {
        today,
        path: store.path().to_path_buf(),
        selection: Selection::default(),
        names: HashMap::new(),
    };
    if !rules.any() {
        return Ok(found);
    }
    let candidates = store.candidates()?;
    let applications = store.applications()?;
    let placements = store.placements()?;
    let last = store.last_activities(counts_as_activity)?;
    let apps = group(&applications, |a| a.candidate);
    let placed = group(&placements, |p| p.candidate);
    let people = candidates.iter().map(|candidate| Person {
        candidate,
        last_activity: last.get(&candidate.id).copied(),
        applications: apps.get(&candidate.id).cloned().unwrap_or_default(),
        placements: placed.get(&candidate.id).cloned().unwrap_or_default(),
    });
    found.selection = select(people, rules, today);
    let named = (found.selection.selected.iter().map(|s| s.candidate))
        .chain(found.selection.spared.iter().map(|s| s.candidate));
    let by_id: HashMap<CandidateId, &str> =
        candidates.iter().map(|c| (c.id, c.name.as_str())).collect();
    found.names = named
        .filter_map(|id| by_id.get(&id).map(|name| (id, name.to_string())))
        .collect();
    Ok(found)
}

/// Records by the candidate they are about.
fn group<T>(records: &[T], of: impl Fn(&T) -> CandidateId) -> HashMap<CandidateId, Vec<&T>> {
    let mut grouped: HashMap<CandidateId, Vec<&T>> = HashMap::new();
    for record in records {
        grouped.entry(of(record)).or_default().push(record);
    }
    grouped
}

/// The rules `hireterm retention` applies: the config file's, read
/// strictly. Unlike the app, which starts on the defaults when the file is
/// wrong, erasing on a misread file is not an option: a mistake stops it.
pub fn load_rules() -> Result<RetentionRules> {
    let Some(path) = super::config::config_path().filter(|p| p.exists()) else {
        return Ok(RetentionRules::default());
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => bail!("cannot read {}: {error}", path.display()),
    };
    match super::config::parse_policy(&text) {
        Ok(policy) => Ok(policy.retention),
        Err(error) => bail!(
            "{}: {error}; no retention rule is applied until it is mended",
            path.display()
        ),
    }
}
