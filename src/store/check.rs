//! `check`: decode everything and cross-examine records, indexes and the
//! event log (the agency's records in `check_agency.rs`).

use super::Store;
use super::check_agency::Checked;
use super::check_sweep::{self as sweep, EventSweep, Known, misplaced};
use super::decoded::{Decoded, each, scan};
use super::error::Result;
use super::records::{application_key, describe_key};
use super::tx::{self, read_counter};
use crate::domain::{Application, Engagement, EngagementId, Event, EventKind, Note, Stage};
use std::collections::HashMap;

/// What `check` keeps of the notes: the highest id, and the notes of
/// candidates that do not exist.
#[derive(Default)]
struct NoteSweep {
    highest: Option<u64>,
    orphans: Vec<String>,
}

/// What `check` found. An empty `problems` means the database is sound.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    pub candidates: usize,
    pub engagements: usize,
    pub applications: usize,
    pub events: usize,
    pub clients: usize,
    pub submittals: usize,
    pub placements: usize,
    /// Tombstones of erased people (an email or a phone each), every one
    /// checked against what is stored.
    pub tombstones: usize,
    pub problems: Vec<String>,
}

impl Store {
    pub fn check(&self) -> Result<CheckReport> {
        let erased = self.erased_marks()?;
        let mut candidates = sweep::candidates(&self.candidates, erased.as_ref())?;
        let mut events = sweep::events(&self.events, erased.as_ref())?;
        let mut problems = std::mem::take(&mut candidates.undecoded);
        let engagements: Decoded<Engagement> = scan(&self.engagements, &mut problems)?;
        let applications: Decoded<Application> = scan(&self.applications, &mut problems)?;
        problems.append(&mut events.undecoded);
        let notes = self.sweep_notes(&candidates.known, &mut problems)?;
        self.check_event_index(&mut events.indexed, &mut problems)?;
        problems.extend(notes.orphans);
        problems.append(&mut candidates.misplaced);
        check_keys(
            &engagements,
            &applications,
            &mut events.misplaced,
            &mut problems,
        );
        self.check_emails(&candidates.known, &mut problems)?;
        check_applications(
            &candidates.known,
            &engagements,
            &applications,
            &mut problems,
        );
        check_events(&applications, &events.kept, &mut problems);
        self.check_counters(&candidates.known, &engagements, &events, &mut problems)?;
        self.check_counter(tx::NOTE_SEQ, notes.highest, &mut problems)?;
        let checked = Checked {
            candidates: &candidates.known,
            engagements: &engagements,
            applications: &applications,
            events: &events.kept,
        };
        let mut tally = std::mem::take(&mut candidates.tally);
        tally.events(events.count as u64);
        let agency = self.check_agency(&checked, tally, &mut problems)?;
        let erased = candidates.erased.into_iter().chain(events.erased);
        let tombstones = self.check_tombstones(erased, &mut problems)?;
        Ok(CheckReport {
            candidates: candidates.known.len(),
            engagements: engagements.len(),
            applications: applications.len(),
            events: events.count,
            clients: agency.clients,
            submittals: agency.submittals,
            placements: agency.placements,
            tombstones,
            problems,
        })
    }

    /// Every note belongs to a candidate that exists: read one at a time.
    fn sweep_notes(&self, known: &Known, problems: &mut Vec<String>) -> Result<NoteSweep> {
        let mut sweep = NoteSweep::default();
        each(self.notes.iter(), problems, |_, note: Note| {
            sweep.highest = sweep.highest.max(Some(note.id.0));
            if !known.contains(note.candidate) {
                sweep.orphans.push(format!(
                    "note {}: candidate {} is missing",
                    note.id, note.candidate
                ));
            }
        })?;
        Ok(sweep)
    }

    pub(super) fn check_counter(
        &self,
        key: &[u8],
        highest: Option<u64>,
        problems: &mut Vec<String>,
    ) -> Result<()> {
        let next = read_counter(self.meta.get(key)?.as_deref());
        if let Some(max) = highest.filter(|max| next <= *max) {
            let name = String::from_utf8_lossy(key);
            problems.push(format!(
                "counter {name} would hand out {next} again (highest is {max})"
            ));
        }
        Ok(())
    }

    fn check_counters(
        &self,
        candidates: &Known,
        engagements: &Decoded<Engagement>,
        events: &EventSweep,
        problems: &mut Vec<String>,
    ) -> Result<()> {
        self.check_counter(tx::CANDIDATE_SEQ, candidates.highest(), problems)?;
        self.check_counter(
            tx::ENGAGEMENT_SEQ,
            engagements.iter().map(|(_, e)| e.id.0).max(),
            problems,
        )?;
        self.check_counter(tx::EVENT_SEQ, events.highest, problems)
    }
}

/// Every record is stored under its own key, told tree by tree:
/// candidates (told already), engagements, events (found by their sweep),
/// applications.
fn check_keys(
    engagements: &Decoded<Engagement>,
    applications: &Decoded<Application>,
    events_misplaced: &mut Vec<String>,
    problems: &mut Vec<String>,
) {
    for (key, e) in engagements {
        if key.as_slice() != e.id.to_key() {
            problems.push(misplaced("engagements", key));
        }
    }
    problems.append(events_misplaced);
    for (key, app) in applications {
        if key.as_slice() != application_key(app.engagement, app.candidate) {
            problems.push(misplaced("applications", key));
        }
    }
}

fn check_applications(
    candidates: &Known,
    engagements: &Decoded<Engagement>,
    applications: &Decoded<Application>,
    problems: &mut Vec<String>,
) {
    let engagement_ids: std::collections::HashSet<EngagementId> =
        engagements.iter().map(|(_, e)| e.id).collect();
    for (_, app) in applications {
        let name = format!("application {}/{}", app.engagement, app.candidate);
        if !engagement_ids.contains(&app.engagement) {
            problems.push(format!("{name}: engagement is missing"));
        }
        if !candidates.contains(app.candidate) {
            problems.push(format!("{name}: candidate is missing"));
        }
        if let Some(flaw) = history_flaw(app) {
            problems.push(format!("{name}: {flaw}"));
        }
    }
}

/// What is wrong with an application's history, if anything: it must start
/// with an entry into the pipeline, chain each move from the last stage
/// reached, follow the legal moves, go forward in time, and end in the
/// application's current stage.
pub(super) fn history_flaw(app: &Application) -> Option<String> {
    let Some(first) = app.history.first() else {
        return Some("history is empty".into());
    };
    if first.from.is_some() {
        return Some("history does not start with an entry into the pipeline".into());
    }
    for pair in app.history.windows(2) {
        let (before, change) = (&pair[0], &pair[1]);
        if change.from != Some(before.to) {
            return Some(format!(
                "a move starts from {:?} after reaching {}",
                change.from, before.to
            ));
        }
        if !before.to.can_move_to(change.to) && !crate::domain::pipeline::is_revert(change) {
            return Some(format!("illegal move from {} to {}", before.to, change.to));
        }
        if change.at < before.at {
            return Some("history goes back in time".into());
        }
    }
    let last = app.history.last().map_or(first.to, |c| c.to);
    (last != app.stage).then(|| format!("stage is {} but history ends in {last}", app.stage))
}

/// Every application's events must retell its history, stage by stage
/// (since it was last taken out of its pipeline, if it was).
fn check_events(
    applications: &Decoded<Application>,
    events: &Decoded<Event>,
    problems: &mut Vec<String>,
) {
    let mut told: HashMap<[u8; 16], Vec<Stage>> = HashMap::new();
    for (_, event) in events {
        if let (Some((e, c)), Some(stage)) = (event.kind.application(), event.kind.stage_reached())
        {
            told.entry(application_key(e, c)).or_default().push(stage);
        }
        // An application taken out (an undone add) is told no more; one
        // added again starts a new story.
        if let EventKind::ApplicationRemoved {
            engagement,
            candidate,
        } = event.kind
        {
            told.remove(&application_key(engagement, candidate));
        }
    }
    for (_, app) in applications {
        let key = application_key(app.engagement, app.candidate);
        let history: Vec<Stage> = app.history.iter().map(|c| c.to).collect();
        let logged = told.remove(&key).unwrap_or_default();
        if logged != history {
            problems.push(format!(
                "application {}/{}: the event log records {} stage changes, its history {}",
                app.engagement,
                app.candidate,
                logged.len(),
                history.len()
            ));
        }
    }
    for key in told.keys() {
        problems.push(format!(
            "events refer to application {}, which is missing",
            describe_key(key)
        ));
    }
}
