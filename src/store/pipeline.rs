//! Applications and their stage moves, each written with its event in one
//! transaction; and the event log that records them.

use super::Store;
use super::counts;
use super::error::{Result, StoreError};
use super::records::application_key;
use super::tx;
use crate::domain::{
    Application, Candidate, CandidateId, Engagement, EngagementId, Event, EventKind, Stage, Stamp,
};
use crate::store::kv::Transactional;

impl Store {
    /// Puts candidates into an engagement's pipeline at Sourced, all of
    /// them (each with its event) or none: one already in it is refused
    /// with the stage it is at (one who left it, at Rejected or Withdrawn,
    /// is re-opened, not added again).
    pub fn open_applications(
        &self,
        engagement: EngagementId,
        candidates: &[CandidateId],
        stamp: &Stamp,
    ) -> Result<Vec<Application>> {
        self.open_applications_at(engagement, candidates, Stage::Sourced, stamp)
    }

    /// One candidate into an engagement's pipeline at `stage`.
    pub fn open_application(
        &self,
        engagement: EngagementId,
        candidate: CandidateId,
        stage: Stage,
        stamp: &Stamp,
    ) -> Result<Application> {
        let mut opened = self.open_applications_at(engagement, &[candidate], stage, stamp)?;
        opened.pop().ok_or(StoreError::NoApplication {
            engagement,
            candidate,
        })
    }

    /// [`Store::open_applications`], entering at `stage`.
    pub fn open_applications_at(
        &self,
        engagement: EngagementId,
        candidates: &[CandidateId],
        stage: Stage,
        stamp: &Stamp,
    ) -> Result<Vec<Application>> {
        self.ensure_writable()?;
        let trees = (
            &self.applications,
            &self.candidates,
            &self.engagements,
            &self.meta,
            &self.events,
            &self.event_index,
        );
        let opened =
            trees.transaction(|(apps, people, engagements, meta, events, event_index)| {
                if tx::get::<Engagement>(engagements, &engagement.to_key())?.is_none() {
                    return tx::abort(StoreError::NoEngagement(engagement));
                }
                let mut opened = Vec::with_capacity(candidates.len());
                for &candidate in candidates {
                    if tx::get::<Candidate>(people, &candidate.to_key())?.is_none() {
                        return tx::abort(StoreError::NoCandidate(candidate));
                    }
                    let key = application_key(engagement, candidate);
                    if let Some(held) = tx::get::<Application>(apps, &key)? {
                        return tx::abort(StoreError::AlreadyInPipeline {
                            engagement,
                            candidate,
                            stage: held.stage,
                        });
                    }
                    let app =
                        Application::new(engagement, candidate, stage, stamp.at, &stamp.actor);
                    tx::put(apps, &key, &app)?;
                    counts::change(meta, None, Some(&app))?;
                    let kind = EventKind::ApplicationOpened {
                        engagement,
                        candidate,
                        stage,
                    };
                    tx::append_event(events, event_index, meta, stamp, kind)?;
                    opened.push(app);
                }
                Ok(opened)
            })?;
        self.flush()?;
        Ok(opened)
    }

    /// Takes applications back out of a pipeline (an undone add): each
    /// must still be only where it entered, with no scorecard and no
    /// submittal (its profile went to the client: that stays on record).
    pub fn remove_applications(
        &self,
        engagement: EngagementId,
        candidates: &[CandidateId],
        stamp: &Stamp,
    ) -> Result<()> {
        self.ensure_writable()?;
        // Submittals are few next to candidates, and writes one at a
        // time, so a scan before the transaction will do.
        let submitted = self
            .submittals()?
            .into_iter()
            .find(|s| s.engagement == engagement && candidates.contains(&s.candidate));
        if let Some(s) = submitted {
            return Err(StoreError::Invalid(vec![format!(
                "{} was submitted to the client for {engagement} ({}); nothing was changed",
                s.candidate, s.id
            )]));
        }
        let trees = self.with_log(&self.applications);
        trees.transaction(|(apps, meta, events, event_index)| {
            for &candidate in candidates {
                let key = application_key(engagement, candidate);
                let Some(app) = tx::get::<Application>(apps, &key)? else {
                    return tx::abort(StoreError::NoApplication {
                        engagement,
                        candidate,
                    });
                };
                if app.history.len() > 1 || !app.scorecards.is_empty() {
                    return tx::abort(StoreError::Invalid(vec![format!(
                        "{candidate} has moved on in {engagement} since (now {}); nothing was changed",
                        app.stage
                    )]));
                }
                apps.remove(key)?;
                counts::change(meta, Some(&app), None)?;
                let kind = EventKind::ApplicationRemoved {
                    engagement,
                    candidate,
                };
                tx::append_event(events, event_index, meta, stamp, kind)?;
            }
            Ok(())
        })?;
        self.flush()
    }

    /// Moves an application to `to`: the application and its event are one
    /// transaction, flushed before this returns.
    pub fn move_stage(
        &self,
        engagement: EngagementId,
        candidate: CandidateId,
        to: Stage,
        reason: Option<String>,
        stamp: &Stamp,
    ) -> Result<Application> {
        let mut moved = self.move_many(engagement, &[(candidate, to)], reason, stamp)?;
        moved.pop().ok_or(StoreError::NoApplication {
            engagement,
            candidate,
        })
    }

    /// Moves several applications of one engagement in one transaction:
    /// all of them, each with its event, or none (an illegal or missing
    /// one aborts the lot). Flushed before it returns.
    pub fn move_many(
        &self,
        engagement: EngagementId,
        moves: &[(CandidateId, Stage)],
        reason: Option<String>,
        stamp: &Stamp,
    ) -> Result<Vec<Application>> {
        if let Some((candidate, _)) = moves.iter().find(|(_, to)| *to == Stage::Placed) {
            return Err(StoreError::Invalid(vec![format!(
                "placing {candidate} needs the placement's terms (start, end, bill and pay \
                 rates): place them with their terms instead"
            )]));
        }
        for (_, to) in moves {
            let problem = crate::domain::pipeline::exit_reason_problem(*to, reason.as_deref());
            if let Some(problem) = problem {
                return Err(StoreError::Invalid(vec![problem]));
            }
        }
        for (candidate, _) in moves {
            if let Some(placement) = self.placement_of(engagement, *candidate)? {
                return Err(StoreError::Invalid(vec![format!(
                    "{candidate} is placed ({}): end the placement early, or take it back, first",
                    placement.id
                )]));
            }
        }
        self.change_stages(
            engagement,
            moves,
            |app, &(_, to)| {
                app.move_to(to, stamp.at, &stamp.actor, reason.clone())
                    .map(|_| ())
                    .map_err(StoreError::from)
            },
            stamp,
        )
    }

    /// Undoes (or redoes) moves in one transaction: each application must
    /// still be where the move left it (`expect`), and goes to `to`. The
    /// changes are recorded as moves with the reason "undo" or "redo".
    pub fn revert_many(
        &self,
        engagement: EngagementId,
        reverts: &[(CandidateId, Stage, Stage)],
        redo: bool,
        stamp: &Stamp,
    ) -> Result<Vec<Application>> {
        self.change_stages(
            engagement,
            reverts,
            |app, &(candidate, expect, to)| {
                if app.stage != expect {
                    let message = format!(
                        "{candidate} has moved since (now {}); nothing was changed",
                        app.stage
                    );
                    return Err(StoreError::Invalid(vec![message]));
                }
                app.revert_to(to, stamp.at, &stamp.actor, redo)
                    .map_err(StoreError::from)
            },
            stamp,
        )
    }

    /// Applies `change` to the application of each item's candidate, in one
    /// transaction, writing each with a `StageChanged` event; any refusal
    /// aborts them all. Flushed before it returns.
    fn change_stages<T: HasCandidate>(
        &self,
        engagement: EngagementId,
        items: &[T],
        change: impl Fn(&mut Application, &T) -> Result<()>,
        stamp: &Stamp,
    ) -> Result<Vec<Application>> {
        self.ensure_writable()?;
        let trees = self.with_log(&self.applications);
        let changed = trees.transaction(|(apps, meta, events, event_index)| {
            let mut changed = Vec::with_capacity(items.len());
            for item in items {
                let candidate = item.candidate();
                let key = application_key(engagement, candidate);
                let Some(mut app) = tx::get::<Application>(apps, &key)? else {
                    return tx::abort(StoreError::NoApplication {
                        engagement,
                        candidate,
                    });
                };
                let before = app.clone();
                if let Err(refused) = change(&mut app, item) {
                    return tx::abort(refused);
                }
                tx::put(apps, &key, &app)?;
                counts::change(meta, Some(&before), Some(&app))?;
                let last = &app.history[app.history.len() - 1];
                let kind = EventKind::StageChanged {
                    engagement,
                    candidate,
                    from: before.stage,
                    to: app.stage,
                    reason: last.reason.clone(),
                };
                tx::append_event(events, event_index, meta, stamp, kind)?;
                changed.push(app);
            }
            Ok(changed)
        })?;
        self.flush()?;
        Ok(changed)
    }

    /// Adds an interviewer's scorecard to an application in an interview
    /// stage, with its event, in one transaction.
    pub fn add_scorecard(
        &self,
        engagement: EngagementId,
        candidate: CandidateId,
        scorecard: crate::domain::Scorecard,
        stamp: &Stamp,
    ) -> Result<Application> {
        self.ensure_writable()?;
        let problems = scorecard.problems();
        if !problems.is_empty() {
            return Err(StoreError::Invalid(problems));
        }
        let key = application_key(engagement, candidate);
        let trees = self.with_log(&self.applications);
        let scored = trees.transaction(|(apps, meta, events, event_index)| {
            let Some(mut app) = tx::get::<Application>(apps, &key)? else {
                return tx::abort(StoreError::NoApplication {
                    engagement,
                    candidate,
                });
            };
            if app.stage != scorecard.stage {
                let message = format!("the card is in {}, not {}", app.stage, scorecard.stage);
                return tx::abort(StoreError::Invalid(vec![message]));
            }
            let before = app.clone();
            app.scorecards.push(scorecard.clone());
            tx::put(apps, &key, &app)?;
            counts::change(meta, Some(&before), Some(&app))?;
            let kind = EventKind::ScorecardAdded {
                engagement,
                candidate,
                stage: scorecard.stage,
            };
            tx::append_event(events, event_index, meta, stamp, kind)?;
            Ok(app)
        })?;
        self.flush()?;
        Ok(scored)
    }

    pub fn application(
        &self,
        engagement: EngagementId,
        candidate: CandidateId,
    ) -> Result<Option<Application>> {
        self.get_record(&self.applications, &application_key(engagement, candidate))
    }

    /// Every application, grouped by engagement.
    pub fn applications(&self) -> Result<Vec<Application>> {
        self.load_all(&self.applications)
    }

    /// One engagement's pipeline, by candidate id.
    pub fn pipeline(&self, engagement: EngagementId) -> Result<Vec<Application>> {
        self.applications
            .scan_prefix(engagement.to_key())
            .map(super::decode_item)
            .collect()
    }

    /// The whole event log, oldest first.
    pub fn events(&self) -> Result<Vec<Event>> {
        self.load_all(&self.events)
    }

    /// One candidate's events, newest first, at most `count`.
    pub fn events_of(&self, candidate: CandidateId, count: usize) -> Result<Vec<Event>> {
        let mut events = Vec::new();
        for entry in self
            .event_index
            .scan_prefix(candidate.to_key())
            .rev()
            .take(count)
        {
            let (key, _) = entry?;
            let id = super::records::id_from_key(&key[8..]).unwrap_or_default();
            match self.events.get(id.to_be_bytes())? {
                Some(bytes) => events.push(super::decode_entry(&key[8..], &bytes)?),
                None => continue,
            }
        }
        Ok(events)
    }

    /// The newest `count` events, newest first.
    pub fn recent_events(&self, count: usize) -> Result<Vec<Event>> {
        self.events
            .iter()
            .rev()
            .take(count)
            .map(super::decode_item)
            .collect()
    }
}

/// The candidate a stage change is about, whatever else it carries.
trait HasCandidate {
    fn candidate(&self) -> CandidateId;
}

impl HasCandidate for (CandidateId, Stage) {
    fn candidate(&self) -> CandidateId {
        self.0
    }
}

impl HasCandidate for (CandidateId, Stage, Stage) {
    fn candidate(&self) -> CandidateId {
        self.0
    }
}
