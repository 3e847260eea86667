//! Reading every record one at a time, in key order, for exports that
//! must not hold a whole database in memory.

use super::Store;
use super::error::Result;
use crate::domain::{Application, Candidate, Engagement, Note};

impl Store {
    /// Every candidate in id order, decoded as the iterator is advanced.
    pub fn each_candidate(&self) -> impl Iterator<Item = Result<Candidate>> + '_ {
        self.candidates.iter().map(super::decode_item)
    }

    /// Every engagement in id order.
    pub fn each_engagement(&self) -> impl Iterator<Item = Result<Engagement>> + '_ {
        self.engagements.iter().map(super::decode_item)
    }

    /// Every application, by engagement id then candidate id.
    pub fn each_application(&self) -> impl Iterator<Item = Result<Application>> + '_ {
        self.applications.iter().map(super::decode_item)
    }

    /// Every note, by candidate id then note id.
    pub fn each_note(&self) -> impl Iterator<Item = Result<Note>> + '_ {
        self.notes.iter().map(super::decode_item)
    }

    /// True when the database holds no candidates and no engagements (and
    /// so no applications or notes either).
    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty() && self.engagements.is_empty()
    }
}
