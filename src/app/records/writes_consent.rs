//! A person's consent to be kept, recorded or withdrawn: editing the
//! record, for admins and recruiters (`guard.rs`).

use super::Records;
use super::guard::{Need, On};
use super::writes::{Writer, Written};
use crate::domain::access::Act;
use crate::domain::{Candidate, CandidateId, Consent};

impl Records {
    /// Records the consent (`Some`) or withdraws it (`None`); the
    /// candidate as stored.
    pub fn set_consent(
        &self,
        by: &Writer,
        candidate: CandidateId,
        consent: Option<Consent>,
    ) -> Written<Candidate> {
        self.write(
            by,
            Need(Act::Edit, On::Candidate(candidate)),
            |store| store.set_consent(candidate, consent, &by.stamp),
            |data, stored| {
                data.upsert_candidate(stored.clone());
            },
        )
    }
}
