//! Placements: a card moved to Placed with its terms, and the changes of
//! those terms after (extensions, renewals, an early end), each written
//! with its event in one transaction. An engagement whose headcount is
//! placed becomes filled in the same transaction.

use super::Store;
use super::counts::{self, Tally};
use super::error::{Result, StoreError};
use super::records::application_key;
use super::tx;
use crate::domain::{
    Application, CandidateId, ChangeKind, Engagement, EngagementId, EngagementStatus, EventKind,
    Placement, PlacementId, Stage, Stamp, Terms,
};
use crate::store::kv::Transactional;
use crate::store::kv::TxTree;
use chrono::NaiveDate;

/// A change to a placement's terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlacementEdit {
    /// A new end date (`None`: open-ended), the same rates.
    Extend { end: Option<NaiveDate> },
    /// New dates and rates.
    Renew { terms: Terms },
    /// Ends on `on`, before the agreed end, for `reason`.
    EndEarly { on: NaiveDate, reason: String },
}

/// What placing a card wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub placement: Placement,
    pub application: Application,
    /// The engagement as it now stands (filled, if this placement filled
    /// its headcount).
    pub engagement: Engagement,
}

/// What taking a placement back wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaced {
    pub application: Application,
    pub engagement: Engagement,
}

impl Store {
    /// Moves a card to Placed on `terms`: the move, the placement and (if
    /// it fills the headcount) the engagement's new status, in one
    /// transaction.
    pub fn place(
        &self,
        engagement: EngagementId,
        candidate: CandidateId,
        terms: Terms,
        stamp: &Stamp,
    ) -> Result<Placed> {
        self.ensure_writable()?;
        let seats = self.seats_taken(engagement, stamp, None)?;
        let key = application_key(engagement, candidate);
        let trees = self.placement_trees();
        let placed = trees.transaction(
            |(placements, apps, engagements, meta, events, event_index)| {
                let log = (meta, events, event_index);
                let mut app = get_application(apps, engagement, candidate)?;
                let (mut counted, from) = (Tally::default(), app.stage);
                counted.change(Some(&app), None);
                if let Err(illegal) = app.move_to(Stage::Placed, stamp.at, &stamp.actor, None) {
                    return tx::abort(illegal.into());
                }
                let id = PlacementId(tx::reserve_ids(meta, tx::PLACEMENT_SEQ, 1)?);
                let placement = match Placement::new(
                    id,
                    (engagement, candidate),
                    terms.clone(),
                    (stamp.at, &stamp.actor),
                ) {
                    Ok(placement) => placement,
                    Err(refused) => return tx::abort(StoreError::Invalid(vec![refused.0])),
                };
                tx::put(apps, &key, &app)?;
                tx::put(placements, &id.to_key(), &placement)?;
                counted.change(None, Some(&app));
                counted.change(None, Some(&placement));
                counted.apply(meta)?;
                let moved = EventKind::StageChanged {
                    engagement,
                    candidate,
                    from,
                    to: Stage::Placed,
                    reason: None,
                };
                tx::append_event(events, event_index, meta, stamp, moved)?;
                let change = EventKind::PlacementChanged {
                    placement: id,
                    engagement,
                    candidate,
                    change: ChangeKind::Started,
                };
                tx::append_event(events, event_index, meta, stamp, change)?;
                let engagement = settle_status(engagements, log, engagement, seats + 1, stamp)?;
                Ok(Placed {
                    placement,
                    application: app,
                    engagement,
                })
            },
        )?;
        self.flush()?;
        Ok(placed)
    }

    /// Extends, renews or ends a placement early.
    pub fn change_placement(
        &self,
        id: PlacementId,
        edit: PlacementEdit,
        stamp: &Stamp,
    ) -> Result<Placement> {
        let by = (stamp.at, stamp.actor.as_str());
        self.rewrite_placement(id, stamp, |placement| {
            let done = match &edit {
                PlacementEdit::Extend { end } => placement.extend(*end, by),
                PlacementEdit::Renew { terms } => placement.renew(terms.clone(), by),
                PlacementEdit::EndEarly { on, reason } => placement.end_early(*on, reason, by),
            };
            done.map_err(|refused| StoreError::Invalid(vec![refused.0]))?;
            Ok(EventKind::PlacementChanged {
                placement: id,
                engagement: placement.engagement,
                candidate: placement.candidate,
                change: placement.latest().kind,
            })
        })
    }

    /// Takes a placement's last change back (an undo).
    pub fn undo_placement_change(&self, id: PlacementId, stamp: &Stamp) -> Result<Placement> {
        self.rewrite_placement(id, stamp, |placement| {
            let undone = placement
                .undo_last()
                .map_err(|refused| StoreError::Invalid(vec![refused.0]))?;
            Ok(EventKind::PlacementChangeUndone {
                placement: id,
                candidate: placement.candidate,
                change: undone.kind,
            })
        })
    }

    /// Takes a placement back (the undo of [`Store::place`]): the card
    /// returns to the stage it was placed from and the engagement, if the
    /// placement had filled it, is open again. Refused once its terms have
    /// changed (take those changes back first).
    pub fn unplace(&self, id: PlacementId, stamp: &Stamp) -> Result<Unplaced> {
        self.ensure_writable()?;
        let placement = self.placement(id)?.ok_or(StoreError::NoPlacement(id))?;
        if !placement.changes.is_empty() {
            return Err(StoreError::Invalid(vec![format!(
                "{id} has changed since it was made: take those changes back first"
            )]));
        }
        let (engagement, candidate) = (placement.engagement, placement.candidate);
        let seats = self.seats_taken(engagement, stamp, Some(id))?;
        let trees = self.placement_trees();
        let unplaced = trees.transaction(
            |(placements, apps, engagements, meta, events, event_index)| {
                if placements.remove(id.to_key())?.is_none() {
                    return tx::abort(StoreError::NoPlacement(id));
                }
                let mut app = get_application(apps, engagement, candidate)?;
                let mut counted = Tally::default();
                counted.change(Some(&app), None);
                counted.change(Some(&placement), None);
                let back = app.history.last().and_then(|c| c.from);
                let Some(back) = back.filter(|_| app.stage == Stage::Placed) else {
                    return tx::abort(StoreError::Invalid(vec![format!(
                        "{candidate} is no longer at Placed in {engagement}"
                    )]));
                };
                if let Err(illegal) = app.revert_to(back, stamp.at, &stamp.actor, false) {
                    return tx::abort(illegal.into());
                }
                tx::put(apps, &application_key(engagement, candidate), &app)?;
                counted.change(None, Some(&app));
                counted.apply(meta)?;
                let undone = EventKind::PlacementChangeUndone {
                    placement: id,
                    candidate,
                    change: ChangeKind::Started,
                };
                tx::append_event(events, event_index, meta, stamp, undone)?;
                let moved = EventKind::StageChanged {
                    engagement,
                    candidate,
                    from: Stage::Placed,
                    to: back,
                    reason: app.history.last().and_then(|c| c.reason.clone()),
                };
                tx::append_event(events, event_index, meta, stamp, moved)?;
                let engagement = settle_status(
                    engagements,
                    (meta, events, event_index),
                    engagement,
                    seats,
                    stamp,
                )?;
                Ok(Unplaced {
                    application: app,
                    engagement,
                })
            },
        )?;
        self.flush()?;
        Ok(unplaced)
    }

    pub fn placement(&self, id: PlacementId) -> Result<Option<Placement>> {
        self.get_record(&self.placements, &id.to_key())
    }

    /// Every placement, in id order.
    pub fn placements(&self) -> Result<Vec<Placement>> {
        self.load_all(&self.placements)
    }

    /// The placement of a card, if it has one.
    pub fn placement_of(
        &self,
        engagement: EngagementId,
        candidate: CandidateId,
    ) -> Result<Option<Placement>> {
        let all = self.placements()?;
        Ok(all
            .into_iter()
            .rev()
            .find(|p| p.engagement == engagement && p.candidate == candidate))
    }

    /// How many of an engagement's placements (but `leaving`) still hold a
    /// seat on the stamp's day. Placements are few next to candidates, and
    /// writes are one at a time, so a scan before the transaction will do.
    fn seats_taken(
        &self,
        engagement: EngagementId,
        stamp: &Stamp,
        leaving: Option<PlacementId>,
    ) -> Result<usize> {
        let today = stamp.at.date_naive();
        let all = self.placements()?;
        Ok(all
            .iter()
            .filter(|p| {
                p.engagement == engagement && Some(p.id) != leaving && p.holds_a_seat(today)
            })
            .count())
    }

    fn rewrite_placement(
        &self,
        id: PlacementId,
        stamp: &Stamp,
        change: impl Fn(&mut Placement) -> Result<EventKind>,
    ) -> Result<Placement> {
        self.ensure_writable()?;
        let trees = self.with_log(&self.placements);
        let changed = trees.transaction(|(placements, meta, events, event_index)| {
            let Some(mut placement) = tx::get::<Placement>(placements, &id.to_key())? else {
                return tx::abort(StoreError::NoPlacement(id));
            };
            let before = placement.clone();
            let kind = match change(&mut placement) {
                Ok(kind) => kind,
                Err(refused) => return tx::abort(refused),
            };
            tx::put(placements, &id.to_key(), &placement)?;
            counts::change(meta, Some(&before), Some(&placement))?;
            tx::append_event(events, event_index, meta, stamp, kind)?;
            Ok(placement)
        })?;
        self.flush()?;
        Ok(changed)
    }

    /// (placements, applications, engagements, meta, events, events by
    /// candidate), in the order the placement transactions take them.
    fn placement_trees(
        &self,
    ) -> (
        &crate::store::kv::Tree,
        &crate::store::kv::Tree,
        &crate::store::kv::Tree,
        &crate::store::kv::Tree,
        &crate::store::kv::Tree,
        &crate::store::kv::Tree,
    ) {
        (
            &self.placements,
            &self.applications,
            &self.engagements,
            &self.meta,
            &self.events,
            &self.event_index,
        )
    }
}

fn get_application(
    apps: &TxTree,
    engagement: EngagementId,
    candidate: CandidateId,
) -> tx::TxResult<Application> {
    match tx::get::<Application>(apps, &application_key(engagement, candidate))? {
        Some(app) => Ok(app),
        None => tx::abort(StoreError::NoApplication {
            engagement,
            candidate,
        }),
    }
}

/// An open engagement whose `seats` reach its headcount becomes filled; a
/// filled one below it is open again. Written with its event when it
/// changes; the engagement as it stands either way.
fn settle_status(
    engagements: &TxTree,
    (meta, events, event_index): (&TxTree, &TxTree, &TxTree),
    id: EngagementId,
    seats: usize,
    stamp: &Stamp,
) -> tx::TxResult<Engagement> {
    let Some(mut engagement) = tx::get::<Engagement>(engagements, &id.to_key())? else {
        return tx::abort(StoreError::NoEngagement(id));
    };
    let full = seats >= usize::from(engagement.headcount);
    let status = match (engagement.status, full) {
        (EngagementStatus::Open, true) => EngagementStatus::Filled,
        (EngagementStatus::Filled, false) => EngagementStatus::Open,
        (status, _) => status,
    };
    if status != engagement.status {
        let before = engagement.clone();
        engagement.status = status;
        tx::put(engagements, &id.to_key(), &engagement)?;
        counts::change(meta, Some(&before), Some(&engagement))?;
        let kind = EventKind::EngagementUpdated { engagement: id };
        tx::append_event(events, event_index, meta, stamp, kind)?;
    }
    Ok(engagement)
}
