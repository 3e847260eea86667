//! The writes of roles and their audit: interviewers assigned to an
//! engagement, the card a client's interview request moves on, and the
//! record that someone opened a candidate's detail.

use super::Records;
use super::guard::{self, Need, On};
use super::lock;
use super::writes::{Writer, Written};
use crate::domain::access::Act;
use crate::domain::scope::Assignment;
use crate::domain::{AnswerKind, Application, CandidateId, EngagementId, Stage, SubmittalId};
use crate::store::{Result, StoreError};

impl Records {
    /// Assigns an interviewer to an engagement, or (`remove`) takes them
    /// off it: editing the engagement, for admins and recruiters.
    pub fn assign_interviewer(
        &self,
        by: &Writer,
        engagement: EngagementId,
        interviewer: &str,
        remove: bool,
    ) -> Written<Assignment> {
        self.write(
            by,
            Need(Act::Edit, On::Engagement(engagement)),
            |store| store.assign_interviewer(engagement, interviewer, remove, &by.stamp),
            |data, assignment| data.agency_mut().put_assignment(assignment.clone()),
        )
    }

    /// Moves the card of a submittal the client has asked to interview on
    /// to Client interview. It is part of recording the answer, so whoever
    /// may answer the submittal (a client's guest) may; only after an
    /// interview request, and only to that stage.
    pub fn move_on_answer(
        &self,
        by: &Writer,
        submittal: SubmittalId,
        reason: Option<String>,
    ) -> Written<Vec<Application>> {
        self.write(
            by,
            Need(Act::Answer, On::Submittal(submittal)),
            |store| {
                let sent = store
                    .submittal(submittal)?
                    .ok_or(StoreError::NoSubmittal(submittal))?;
                let asked = sent.answers.last().map(|a| a.kind);
                if asked != Some(AnswerKind::InterviewRequested) {
                    return Err(StoreError::Forbidden(format!(
                        "{submittal} has no interview request to move its card on"
                    )));
                }
                let moves = [(sent.candidate, Stage::ClientInterview)];
                store.move_many(sent.engagement, &moves, reason, &by.stamp)
            },
            |data, applications| {
                for application in applications {
                    data.put_application(application.clone());
                }
            },
        )
    }

    /// Records in the event log that this session opened a candidate's
    /// record. Nothing on screen changes, so no snapshot is published.
    pub fn record_view(&self, by: &Writer, candidate: CandidateId) -> Result<()> {
        let current = lock(&self.current);
        guard::reaches(&by.access, On::Candidate(candidate), &current.1)?;
        let store = self.store.for_write()?;
        store
            .record_view(candidate, &by.stamp)
            .map_err(|error| self.store.failed(error))
    }
}
