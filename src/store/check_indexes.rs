//! `check`'s part for the two large indexes: every entry of the email
//! index names a candidate of that email, one entry for each candidate;
//! the per-candidate event index holds exactly the events that name a
//! candidate. Each index is read in two halves at once
//! (`check_halves.rs`), the problems told in key order all the same.

use super::Store;
use super::check_halves::{in_halves, in_halves_at, middle_key};
use super::check_sweep::Known;
use super::error::Result;
use super::records::{describe_key, id_from_key};
use crate::domain::CandidateId;
use crate::domain::text::normalize_email;

/// What one half of an index showed: a count (of entries read in the
/// email index, of keys missing from the event index), problems in order.
struct Half {
    count: usize,
    problems: Vec<String>,
}

impl Store {
    pub(super) fn check_emails(&self, known: &Known, problems: &mut Vec<String>) -> Result<()> {
        let halves = in_halves(&self.emails, |entries| {
            let mut half = Half {
                count: 0,
                problems: Vec::new(),
            };
            for entry in entries {
                let (email, id) = entry?;
                half.count += 1;
                let email = String::from_utf8_lossy(&email);
                if let Some(problem) = email_problem(known, &email, &id) {
                    half.problems.push(problem);
                }
            }
            Ok(half)
        })?;
        let indexed: usize = halves.iter().map(|half| half.count).sum();
        problems.extend(halves.into_iter().flat_map(|half| half.problems));
        if indexed != known.len() {
            problems.push(format!(
                "email index has {indexed} entries for {} candidates",
                known.len()
            ));
        }
        Ok(())
    }

    /// Both the index and the keys its events call for (`expected`) in
    /// key order, walked side by side, a half of each at once.
    pub(super) fn check_event_index(
        &self,
        expected: &mut Vec<[u8; 16]>,
        problems: &mut Vec<String>,
    ) -> Result<()> {
        expected.sort_unstable();
        expected.dedup();
        let middle = middle_key(&self.event_index)?;
        let split = expected.partition_point(|key| key[..] < middle[..]);
        let (lower, upper) = expected.split_at(split);
        let halves = in_halves_at(&self.event_index, middle, |entries, upper_half| {
            walk_event_index(entries, if upper_half { upper } else { lower })
        })?;
        let missing: usize = halves.iter().map(|half| half.count).sum();
        problems.extend(halves.into_iter().flat_map(|half| half.problems));
        if missing > 0 {
            problems.push(format!("event index: {missing} events are missing from it"));
        }
        Ok(())
    }
}

/// What is wrong with one entry of the email index, if anything.
fn email_problem(known: &Known, email: &str, id: &[u8]) -> Option<String> {
    let Some(id) = id_from_key(id).map(CandidateId) else {
        return Some(format!("email index: {email} holds a malformed id"));
    };
    match known.email(id) {
        None => Some(format!(
            "email index: {email} points to missing candidate {id}"
        )),
        Some(stored) if normalize_email(stored) != email => Some(format!(
            "email index: {email} points to {id}, whose email is {stored}"
        )),
        Some(_) => None,
    }
}

/// One half of the event index against the keys expected in it: its
/// entries no event calls for, and (as `count`) how many expected keys it
/// lacks.
fn walk_event_index(entries: crate::store::kv::Iter, expected: &[[u8; 16]]) -> Result<Half> {
    let mut waiting = expected.iter().peekable();
    let mut half = Half {
        count: 0,
        problems: Vec::new(),
    };
    for entry in entries {
        let (key, _) = entry?;
        let key = key.as_ref();
        while waiting.next_if(|want| want.as_slice() < key).is_some() {
            half.count += 1;
        }
        if waiting.next_if(|want| want.as_slice() == key).is_none() {
            half.problems.push(format!(
                "event index: entry {} has no matching event",
                describe_key(key)
            ));
        }
    }
    half.count += waiting.count();
    Ok(half)
}
