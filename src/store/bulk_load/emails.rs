//! The email index of a bulk load, written once at its end in key order.
//!
//! Emails come in no order, so writing each chunk's into the index puts
//! every one in a different leaf of a large tree, which sled reads back
//! from its file once the tree outgrows its cache: at a million
//! candidates that was most of a load's time. Kept here instead, packed
//! (one buffer of bytes, an offset each: about 50 bytes a candidate),
//! they are sorted once and written as sled writes ids, leaf after leaf,
//! one insert at a time (see `insert_all`);
//! the sort finds an email loaded twice. `hireterm copy` into a folder
//! writes its email index the same way (`copy/to_sled.rs`).

use super::super::bulk::at_row;
use super::super::error::{Result, StoreError};
use crate::domain::CandidateId;
use crate::store::kv::Tree;

/// The loaded candidates' normalised emails, in load order.
#[derive(Default)]
pub(in crate::store) struct Emails {
    bytes: Vec<u8>,
    /// Where each email ends in `bytes`.
    ends: Vec<usize>,
    ids: Vec<CandidateId>,
}

impl Emails {
    pub(in crate::store) fn push(&mut self, email: &str, id: CandidateId) {
        self.bytes.extend_from_slice(email.as_bytes());
        self.ends.push(self.bytes.len());
        self.ids.push(id);
    }

    fn email(&self, index: usize) -> &[u8] {
        let start = index.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.bytes[start..self.ends[index]]
    }

    /// Writes the index in key order, a batch at a time; refuses, naming
    /// the later one in load order, an email loaded twice (before
    /// writing any entry).
    pub(in crate::store) fn write(self, emails: &Tree) -> Result<()> {
        let mut order: Vec<usize> = (0..self.ids.len()).collect();
        order.sort_unstable_by(|&a, &b| self.email(a).cmp(self.email(b)).then(a.cmp(&b)));
        for pair in order.windows(2) {
            if self.email(pair[0]) == self.email(pair[1]) {
                let email = String::from_utf8_lossy(self.email(pair[1])).into_owned();
                let twice = vec![format!("email {email} appears twice")];
                return Err(at_row(pair[1], StoreError::Invalid(twice)));
            }
        }
        for index in order {
            emails.insert(self.email(index), &self.ids[index].to_key())?;
        }
        Ok(())
    }
}
