//! The append-only event log: who changed what, and when.

use super::candidate::{Candidate, Consent};
use super::ids::{CandidateId, ClientId, EngagementId, EventId, NoteId, PlacementId, SubmittalId};
use super::pipeline::StageChange;
use super::placement::ChangeKind;
use super::stage::Stage;
use super::submittal::AnswerKind;
use super::time::{self, Timestamp};
use serde::{Deserialize, Serialize};

/// Who acts and when: every change carries one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub at: Timestamp,
    pub actor: String,
}

impl Stamp {
    pub fn new(at: Timestamp, actor: impl Into<String>) -> Self {
        Stamp {
            at,
            actor: actor.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    #[serde(with = "time::millis")]
    pub at: Timestamp,
    pub actor: String,
    pub kind: EventKind,
}

/// What happened. New kinds are only ever appended at the end: bincode
/// stores the variant's position, so reordering would misread old logs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventKind {
    CandidateAdded {
        candidate: CandidateId,
    },
    CandidateUpdated {
        candidate: CandidateId,
    },
    EngagementAdded {
        engagement: EngagementId,
    },
    EngagementUpdated {
        engagement: EngagementId,
    },
    /// A candidate entered an engagement's pipeline.
    ApplicationOpened {
        engagement: EngagementId,
        candidate: CandidateId,
        stage: Stage,
    },
    StageChanged {
        engagement: EngagementId,
        candidate: CandidateId,
        from: Stage,
        to: Stage,
        reason: Option<String>,
    },
    NoteAdded {
        candidate: CandidateId,
        engagement: Option<EngagementId>,
        note: NoteId,
    },
    ScorecardAdded {
        engagement: EngagementId,
        candidate: CandidateId,
        stage: Stage,
    },
    /// A note taken back (an undo).
    NoteRemoved {
        candidate: CandidateId,
        note: NoteId,
    },
    /// A duplicate folded into an existing record. Both images are kept so
    /// the merge can be undone, and only while the record is still `after`;
    /// so is the record offered, whose values the stored one kept over its
    /// own (a different phone, say) would otherwise be lost.
    CandidateMerged {
        candidate: CandidateId,
        #[serde(deserialize_with = "super::candidate_v3::image")]
        before: Box<Candidate>,
        #[serde(deserialize_with = "super::candidate_v3::image")]
        after: Box<Candidate>,
        #[serde(deserialize_with = "super::candidate_v3::image")]
        incoming: Box<Candidate>,
    },
    /// A merge taken back: the record is its `before` image again.
    MergeUndone {
        candidate: CandidateId,
        merge: EventId,
    },
    ClientAdded {
        client: ClientId,
    },
    ClientUpdated {
        client: ClientId,
    },
    /// An application taken out of a pipeline (an undone add): it had
    /// only ever been where it entered.
    ApplicationRemoved {
        engagement: EngagementId,
        candidate: CandidateId,
    },
    /// A profile sent to the client.
    Submitted {
        submittal: SubmittalId,
        engagement: EngagementId,
        candidate: CandidateId,
    },
    /// The client's answer to a submittal.
    SubmittalAnswered {
        submittal: SubmittalId,
        candidate: CandidateId,
        answer: AnswerKind,
    },
    /// A submittal taken back (an undo), or an answer taken back.
    SubmittalRetracted {
        submittal: SubmittalId,
        candidate: CandidateId,
        answer_only: bool,
    },
    /// A placement made, or its terms changed (extended, renewed, ended
    /// early).
    PlacementChanged {
        placement: PlacementId,
        engagement: EngagementId,
        candidate: CandidateId,
        change: ChangeKind,
    },
    /// A placement's last change taken back (an undo).
    PlacementChangeUndone {
        placement: PlacementId,
        candidate: CandidateId,
        change: ChangeKind,
    },
    /// A person's data erased (see `domain::erasure`): who and why are
    /// kept, never what was removed.
    CandidateErased {
        candidate: CandidateId,
        reason: String,
    },
    /// A candidate with no applications deleted (entered by mistake).
    CandidateDeleted {
        candidate: CandidateId,
    },
    /// An engagement with no applications deleted.
    EngagementDeleted {
        engagement: EngagementId,
    },
    /// A client with no engagements deleted.
    ClientDeleted {
        client: ClientId,
    },
    /// An interviewer given an engagement to see (or, `removed`, taken
    /// off it).
    InterviewerAssigned {
        engagement: EngagementId,
        interviewer: String,
        removed: bool,
    },
    /// A candidate's record opened in full (the audit of access).
    CandidateViewed {
        candidate: CandidateId,
    },
    /// Records taken out of hireterm (`hireterm export`): what, and whose
    /// (`None`: every candidate on file).
    RecordsExported {
        what: String,
        candidates: Option<Vec<CandidateId>>,
    },
    /// A person's consent to be kept, recorded (or renewed): when given,
    /// until when, and how.
    ConsentRecorded {
        candidate: CandidateId,
        consent: Consent,
    },
    /// A person's consent withdrawn: the retention rules apply again.
    ConsentWithdrawn {
        candidate: CandidateId,
    },
    /// A stored candidate updated from another system's file, found by
    /// the id that system gave them (`Store::update_from_import`). It
    /// keeps the images a merge keeps (see `event_images.rs`), so that the
    /// import's rollback and `unmerge` can take it back; it is told as an
    /// update, not as a merge of a duplicate.
    CandidateUpdatedFromFile {
        candidate: CandidateId,
        before: Box<Candidate>,
        after: Box<Candidate>,
        incoming: Box<Candidate>,
    },
}

impl EventKind {
    /// The event that records one entry of an application's history.
    pub fn for_change(
        engagement: EngagementId,
        candidate: CandidateId,
        change: &StageChange,
    ) -> EventKind {
        match change.from {
            None => EventKind::ApplicationOpened {
                engagement,
                candidate,
                stage: change.to,
            },
            Some(from) => EventKind::StageChanged {
                engagement,
                candidate,
                from,
                to: change.to,
                reason: change.reason.clone(),
            },
        }
    }

    /// The candidate this event is about, if any.
    pub fn candidate(&self) -> Option<CandidateId> {
        match self {
            EventKind::CandidateAdded { candidate }
            | EventKind::CandidateUpdated { candidate }
            | EventKind::ApplicationOpened { candidate, .. }
            | EventKind::StageChanged { candidate, .. }
            | EventKind::NoteAdded { candidate, .. }
            | EventKind::ScorecardAdded { candidate, .. }
            | EventKind::NoteRemoved { candidate, .. }
            | EventKind::CandidateMerged { candidate, .. }
            | EventKind::CandidateUpdatedFromFile { candidate, .. }
            | EventKind::MergeUndone { candidate, .. }
            | EventKind::ApplicationRemoved { candidate, .. }
            | EventKind::Submitted { candidate, .. }
            | EventKind::SubmittalAnswered { candidate, .. }
            | EventKind::SubmittalRetracted { candidate, .. }
            | EventKind::PlacementChanged { candidate, .. }
            | EventKind::PlacementChangeUndone { candidate, .. }
            | EventKind::CandidateErased { candidate, .. }
            | EventKind::CandidateDeleted { candidate }
            | EventKind::CandidateViewed { candidate }
            | EventKind::ConsentRecorded { candidate, .. }
            | EventKind::ConsentWithdrawn { candidate } => Some(*candidate),
            EventKind::EngagementAdded { .. }
            | EventKind::InterviewerAssigned { .. }
            | EventKind::RecordsExported { .. }
            | EventKind::EngagementUpdated { .. }
            | EventKind::ClientAdded { .. }
            | EventKind::ClientUpdated { .. }
            | EventKind::EngagementDeleted { .. }
            | EventKind::ClientDeleted { .. } => None,
        }
    }

    /// The stage an application event put the application in.
    pub fn stage_reached(&self) -> Option<Stage> {
        match self {
            EventKind::ApplicationOpened { stage, .. } => Some(*stage),
            EventKind::StageChanged { to, .. } => Some(*to),
            _ => None,
        }
    }

    /// The application this event is about, if any.
    pub fn application(&self) -> Option<(EngagementId, CandidateId)> {
        match self {
            EventKind::ApplicationOpened {
                engagement,
                candidate,
                ..
            }
            | EventKind::StageChanged {
                engagement,
                candidate,
                ..
            } => Some((*engagement, *candidate)),
            _ => None,
        }
    }
}
