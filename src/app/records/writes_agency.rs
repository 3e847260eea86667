//! The writes of the agency's loop (a pipeline's new cards, clients,
//! submittals, placements), each one store call and the change it makes
//! to the records, published together by `Records::write`.

use super::Records;
use super::data::Data;
use super::guard::{Need, On};
use super::writes::{Writer, Written};
use crate::domain::access::Act;
use crate::domain::{
    AnswerKind, Application, CandidateId, Client, EngagementId, Placement, PlacementId, Stage,
    Submittal, SubmittalId, Terms,
};
use crate::store::{Placed, PlacementEdit, SubmittalDraft, Unplaced};

fn put_applications(data: &mut Data, applications: &[Application]) {
    for application in applications {
        data.put_application(application.clone());
    }
}

impl Records {
    /// Candidates into an engagement's pipeline at `stage`, all or none.
    pub fn open_applications(
        &self,
        by: &Writer,
        engagement: EngagementId,
        candidates: &[CandidateId],
        stage: Stage,
    ) -> Written<Vec<Application>> {
        self.write(
            by,
            Need(Act::Move, On::Engagement(engagement)),
            |store| store.open_applications_at(engagement, candidates, stage, &by.stamp),
            |data, applications| put_applications(data, applications),
        )
    }

    /// Cards taken back out (an undone add).
    pub fn remove_applications(
        &self,
        by: &Writer,
        engagement: EngagementId,
        candidates: &[CandidateId],
    ) -> Written<()> {
        self.write(
            by,
            Need(Act::Move, On::Engagement(engagement)),
            |store| store.remove_applications(engagement, candidates, &by.stamp),
            |data, ()| {
                for &candidate in candidates {
                    data.remove_application(engagement, candidate);
                }
            },
        )
    }

    pub fn add_client(&self, by: &Writer, client: Client) -> Written<Client> {
        self.write(
            by,
            Need(Act::Edit, On::Records),
            |store| store.add_client(client, &by.stamp),
            |data, stored| data.agency_mut().put_client(stored.clone()),
        )
    }

    pub fn update_client(&self, by: &Writer, client: Client) -> Written<Client> {
        self.write(
            by,
            Need(Act::Edit, On::Records),
            |store| store.update_client(&client, &by.stamp).map(|()| client),
            |data, stored| data.agency_mut().put_client(stored.clone()),
        )
    }

    pub fn submit(&self, by: &Writer, draft: SubmittalDraft) -> Written<Submittal> {
        self.write(
            by,
            Need(Act::Submit, On::Card(draft.engagement, draft.candidate)),
            |store| store.submit(draft, &by.stamp),
            |data, stored| data.agency_mut().put_submittal(stored.clone()),
        )
    }

    pub fn answer_submittal(
        &self,
        by: &Writer,
        id: SubmittalId,
        kind: AnswerKind,
        reason: Option<String>,
    ) -> Written<Submittal> {
        self.write(
            by,
            Need(Act::Answer, On::Submittal(id)),
            |store| store.answer_submittal(id, kind, reason, &by.stamp),
            |data, stored| data.agency_mut().put_submittal(stored.clone()),
        )
    }

    /// A submittal's last answer taken back, or the submittal itself.
    pub fn retract_submittal(
        &self,
        by: &Writer,
        id: SubmittalId,
        answer_only: bool,
    ) -> Written<Option<Submittal>> {
        self.write(
            by,
            Need(
                if answer_only {
                    Act::Answer
                } else {
                    Act::Submit
                },
                On::Submittal(id),
            ),
            |store| store.retract_submittal(id, answer_only, &by.stamp),
            |data, left| match left {
                Some(submittal) => data.agency_mut().put_submittal(submittal.clone()),
                None => data.agency_mut().remove_submittal(id),
            },
        )
    }

    pub fn place(
        &self,
        by: &Writer,
        engagement: EngagementId,
        candidate: CandidateId,
        terms: Terms,
    ) -> Written<Placed> {
        self.write(
            by,
            Need(Act::Place, On::Card(engagement, candidate)),
            |store| store.place(engagement, candidate, terms, &by.stamp),
            |data, placed| {
                data.put_application(placed.application.clone());
                data.upsert_engagement(placed.engagement.clone());
                data.agency_mut().put_placement(placed.placement.clone());
            },
        )
    }

    /// A placement taken back (an undone place).
    pub fn unplace(&self, by: &Writer, id: PlacementId) -> Written<Unplaced> {
        self.write(
            by,
            Need(Act::Place, On::Placement(id)),
            |store| store.unplace(id, &by.stamp),
            |data, unplaced| {
                data.put_application(unplaced.application.clone());
                data.upsert_engagement(unplaced.engagement.clone());
                data.agency_mut().remove_placement(id);
            },
        )
    }

    pub fn change_placement(
        &self,
        by: &Writer,
        id: PlacementId,
        edit: PlacementEdit,
    ) -> Written<Placement> {
        self.write(
            by,
            Need(Act::Place, On::Placement(id)),
            |store| store.change_placement(id, edit, &by.stamp),
            |data, placement| data.agency_mut().put_placement(placement.clone()),
        )
    }

    pub fn undo_placement_change(&self, by: &Writer, id: PlacementId) -> Written<Placement> {
        self.write(
            by,
            Need(Act::Place, On::Placement(id)),
            |store| store.undo_placement_change(id, &by.stamp),
            |data, placement| data.agency_mut().put_placement(placement.clone()),
        )
    }
}
