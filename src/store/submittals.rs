//! Client submittals: a profile sent to the client of an engagement, and
//! the client's answers, each written with its event in one transaction.

use super::Store;
use super::error::{Result, StoreError};
use super::records::application_key;
use super::tx;
use crate::domain::submittal::MAX_PROFILE_CHARS;
use crate::domain::text;
use crate::domain::{
    Answer, AnswerKind, Application, CandidateId, Client, Engagement, EngagementId, EventKind,
    HourlyRate, Stamp, Submittal, SubmittalId,
};
use crate::store::kv::Transactional;

/// What a submittal is made of before it is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmittalDraft {
    pub engagement: EngagementId,
    pub candidate: CandidateId,
    /// The emails of the client's contacts it goes to.
    pub to: Vec<String>,
    pub bill_rate: Option<HourlyRate>,
    pub profile: String,
}

impl Store {
    /// Records a submittal: the candidate must be on the engagement's board
    /// (not rejected or withdrawn), and every address one of the client's
    /// contacts.
    pub fn submit(&self, draft: SubmittalDraft, stamp: &Stamp) -> Result<Submittal> {
        self.ensure_writable()?;
        let (engagement, client) = self.engagement_and_client(draft.engagement)?;
        check_draft(&draft, &client)?;
        let key = application_key(draft.engagement, draft.candidate);
        let trees = (
            &self.submittals,
            &self.applications,
            &self.meta,
            &self.events,
            &self.event_index,
        );
        let stored = trees.transaction(|(submittals, apps, meta, events, event_index)| {
            match tx::get::<Application>(apps, &key)? {
                Some(app) if !app.stage.is_exit() => {}
                Some(app) => {
                    return tx::abort(StoreError::Invalid(vec![format!(
                        "{} left {} at {}: re-open it before submitting",
                        draft.candidate, draft.engagement, app.stage
                    )]));
                }
                None => {
                    return tx::abort(StoreError::NoApplication {
                        engagement: draft.engagement,
                        candidate: draft.candidate,
                    });
                }
            }
            let id = SubmittalId(tx::reserve_ids(meta, tx::SUBMITTAL_SEQ, 1)?);
            let submittal = Submittal {
                id,
                engagement: engagement.id,
                candidate: draft.candidate,
                client: client.id,
                to: draft.to.clone(),
                at: stamp.at,
                by: stamp.actor.clone(),
                bill_rate: draft.bill_rate.clone(),
                profile: draft.profile.clone(),
                answers: Vec::new(),
            };
            tx::put(submittals, &id.to_key(), &submittal)?;
            super::counts::change(meta, None, Some(&submittal))?;
            let kind = EventKind::Submitted {
                submittal: id,
                engagement: engagement.id,
                candidate: draft.candidate,
            };
            tx::append_event(events, event_index, meta, stamp, kind)?;
            Ok(submittal)
        })?;
        self.flush()?;
        Ok(stored)
    }

    /// Records the client's answer to a submittal.
    pub fn answer_submittal(
        &self,
        id: SubmittalId,
        kind: AnswerKind,
        reason: Option<String>,
        stamp: &Stamp,
    ) -> Result<Submittal> {
        let reason = reason
            .map(|r| text::clean_line(&r))
            .filter(|r| !r.is_empty());
        if kind == AnswerKind::Rejected && reason.is_none() {
            return Err(StoreError::Invalid(vec![
                "a rejection by the client needs its reason".into(),
            ]));
        }
        self.change_submittal(id, stamp, |submittal| {
            submittal.answers.push(Answer {
                kind,
                reason: reason.clone(),
                at: stamp.at,
                by: stamp.actor.clone(),
            });
            Ok(EventKind::SubmittalAnswered {
                submittal: id,
                candidate: submittal.candidate,
                answer: kind,
            })
        })
        // An answer never removes the submittal.
        .and_then(|s| s.ok_or(StoreError::NoSubmittal(id)))
    }

    /// Takes back a submittal's last answer (`answer_only`), or the whole
    /// submittal when it has none (an undo); the submittal as it now
    /// stands, `None` once removed.
    pub fn retract_submittal(
        &self,
        id: SubmittalId,
        answer_only: bool,
        stamp: &Stamp,
    ) -> Result<Option<Submittal>> {
        self.change_submittal(id, stamp, |submittal| {
            match (answer_only, submittal.answers.is_empty()) {
                (true, true) => {
                    return Err(StoreError::Invalid(vec![format!(
                        "{id} has no answer to take back"
                    )]));
                }
                (true, false) => {
                    submittal.answers.pop();
                }
                (false, false) => {
                    return Err(StoreError::Invalid(vec![format!(
                        "{id} has an answer from the client: take that back first"
                    )]));
                }
                (false, true) => {}
            }
            Ok(EventKind::SubmittalRetracted {
                submittal: id,
                candidate: submittal.candidate,
                answer_only,
            })
        })
    }

    /// Applies `change` to a stored submittal with its event; the change
    /// says what happened. A retraction of the submittal itself removes it.
    fn change_submittal(
        &self,
        id: SubmittalId,
        stamp: &Stamp,
        change: impl Fn(&mut Submittal) -> Result<EventKind>,
    ) -> Result<Option<Submittal>> {
        self.ensure_writable()?;
        let trees = self.with_log(&self.submittals);
        let changed = trees.transaction(|(submittals, meta, events, event_index)| {
            let Some(mut submittal) = tx::get::<Submittal>(submittals, &id.to_key())? else {
                return tx::abort(StoreError::NoSubmittal(id));
            };
            let before = submittal.clone();
            let kind = match change(&mut submittal) {
                Ok(kind) => kind,
                Err(refused) => return tx::abort(refused),
            };
            let removed = matches!(
                kind,
                EventKind::SubmittalRetracted {
                    answer_only: false,
                    ..
                }
            );
            if removed {
                submittals.remove(id.to_key())?;
            } else {
                tx::put(submittals, &id.to_key(), &submittal)?;
            }
            let after = (!removed).then_some(submittal);
            super::counts::change(meta, Some(&before), after.as_ref())?;
            tx::append_event(events, event_index, meta, stamp, kind)?;
            Ok(after)
        })?;
        self.flush()?;
        Ok(changed)
    }

    pub fn submittal(&self, id: SubmittalId) -> Result<Option<Submittal>> {
        self.get_record(&self.submittals, &id.to_key())
    }

    /// Every submittal, in id order (the order they were sent).
    pub fn submittals(&self) -> Result<Vec<Submittal>> {
        self.load_all(&self.submittals)
    }

    /// An engagement and its client, both as stored.
    pub(super) fn engagement_and_client(&self, id: EngagementId) -> Result<(Engagement, Client)> {
        let engagement = self.engagement(id)?.ok_or(StoreError::NoEngagement(id))?;
        let client = self
            .client(engagement.client)?
            .ok_or(StoreError::NoClient(engagement.client))?;
        Ok((engagement, client))
    }
}

/// The draft's own rules: contacts of this client, a sane rate, a clean
/// profile of bounded length.
fn check_draft(draft: &SubmittalDraft, client: &Client) -> Result<()> {
    let mut problems = Vec::new();
    for email in &draft.to {
        if client.contact(email).is_none() {
            problems.push(format!("{email} is not a contact of {}", client.name));
        }
    }
    if let Some(problem) = draft.bill_rate.as_ref().and_then(HourlyRate::problem) {
        problems.push(format!("bill rate: {problem}"));
    }
    if draft.profile.chars().count() > MAX_PROFILE_CHARS {
        problems.push(format!(
            "the profile is longer than {MAX_PROFILE_CHARS} characters"
        ));
    }
    if !text::is_clean(&draft.profile, true) {
        problems.push("the profile holds control characters".into());
    }
    match problems.is_empty() {
        true => Ok(()),
        false => Err(StoreError::Invalid(problems)),
    }
}
