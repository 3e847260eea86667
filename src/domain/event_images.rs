//! The candidate images some events keep whole (a merge of a duplicate,
//! an import's update of a record found by another system's id): before,
//! after, and the record offered. They hold personal data, so erasure
//! rewrites them, `check` looks in them for an erased person, and a
//! restricted session sees its own copy of the record instead; every one
//! of those finds them here, so that an event that keeps images is never
//! missed by one.

use super::{Candidate, EventKind};

impl EventKind {
    /// The images the event keeps (before, after, incoming), if any.
    pub fn candidate_images(&self) -> Option<[&Candidate; 3]> {
        match self {
            EventKind::CandidateMerged {
                before,
                after,
                incoming,
                ..
            }
            | EventKind::CandidateUpdatedFromFile {
                before,
                after,
                incoming,
                ..
            } => Some([before, after, incoming]),
            _ => None,
        }
    }

    /// [`EventKind::candidate_images`], to rewrite.
    pub fn candidate_images_mut(&mut self) -> Option<[&mut Candidate; 3]> {
        match self {
            EventKind::CandidateMerged {
                before,
                after,
                incoming,
                ..
            }
            | EventKind::CandidateUpdatedFromFile {
                before,
                after,
                incoming,
                ..
            } => Some([before, after, incoming]),
            _ => None,
        }
    }
}
