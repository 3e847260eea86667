//! Erasure: what is left of a person once their personal data is removed
//! (a subject's request, or retention). The record stays, anonymised, so
//! that applications, submittals and placements keep their counts in the
//! reports; every free text that could name or describe the person is
//! replaced with [`ERASED_TEXT`]. The undo and redo markers of a history
//! are kept: they are the program's words, and the history needs them.

use super::candidate::{Candidate, Location};
use super::event::EventKind;
use super::history::{REDO_REASON, UNDO_REASON};
use super::ids::CandidateId;
use super::note::Note;
use super::pipeline::Application;
use super::placement::Placement;
use super::submittal::Submittal;
use super::text::normalize_email;

/// What an erased free text reads.
pub const ERASED_TEXT: &str = "(erased)";

/// The domain of an erased record's placeholder address (`.invalid` can
/// never be anyone's: RFC 2606).
pub const ERASED_DOMAIN: &str = "erased.invalid";

/// The name an erased candidate is shown by.
pub fn erased_name(id: CandidateId) -> String {
    format!("erased candidate #{}", id.0)
}

/// The placeholder address of an erased candidate: unique per id, so the
/// email index keeps one entry per candidate.
pub fn erased_email(id: CandidateId) -> String {
    format!("erased-{}@{ERASED_DOMAIN}", id.0)
}

/// True for a record [`erased_image`] made.
pub fn is_erased(candidate: &Candidate) -> bool {
    candidate.email == erased_email(candidate.id)
}

/// The candidate with every personal field removed. Kept: the id, roles,
/// skills, source and creation time, which reports count by and which
/// name no one. Tags go too: they are free text ("referred by Ana",
/// "Zürich"). The rate and availability go, since they are the person's
/// own terms and would keep an erased record on the bench.
pub fn erased_image(candidate: &Candidate) -> Candidate {
    Candidate {
        id: candidate.id,
        name: erased_name(candidate.id),
        email: erased_email(candidate.id),
        phone: None,
        location: Location::default(),
        roles: candidate.roles.clone(),
        skills: candidate.skills.clone(),
        rate: None,
        available_from: None,
        source: candidate.source,
        tags: Vec::new(),
        links: Vec::new(),
        created_at: candidate.created_at,
        company: String::new(),
        title: String::new(),
        external_ids: Vec::new(),
        custom: Vec::new(),
        consent: None,
    }
}

/// Every normalised email a record holds: its own and those a merge kept
/// as `mailto:` links.
pub fn emails_of(candidate: &Candidate) -> Vec<String> {
    let kept = candidate
        .links
        .iter()
        .filter_map(|link| link.strip_prefix("mailto:"));
    std::iter::once(candidate.email.as_str())
        .chain(kept)
        .map(normalize_email)
        .filter(|email| !email.is_empty())
        .collect()
}

/// A phone as tombstones compare it: its last nine digits (as duplicates
/// are found), `None` below seven digits.
pub fn phone_key(phone: &str) -> Option<String> {
    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 7 {
        return None;
    }
    Some(digits[digits.len().saturating_sub(9)..].iter().collect())
}

/// A reason replaced, unless it is an undo or redo marker.
fn erased_reason(reason: &Option<String>) -> Option<String> {
    match reason.as_deref() {
        None => None,
        Some(marker @ (UNDO_REASON | REDO_REASON)) => Some(marker.to_string()),
        Some(_) => Some(ERASED_TEXT.to_string()),
    }
}

/// An application's reasons and scorecard comments erased; the moves,
/// their times and the ratings stay (the funnel counts them).
pub fn erase_application(application: &mut Application) {
    for change in &mut application.history {
        change.reason = erased_reason(&change.reason);
    }
    for card in &mut application.scorecards {
        if !card.notes.is_empty() {
            card.notes = ERASED_TEXT.to_string();
        }
    }
}

/// A submittal's profile (which names the person) and answers' reasons.
pub fn erase_submittal(submittal: &mut Submittal) {
    submittal.profile = erased_name(submittal.candidate);
    for answer in &mut submittal.answers {
        answer.reason = erased_reason(&answer.reason);
    }
}

/// A placement's reasons; its dates and rates stay (margins count them).
pub fn erase_placement(placement: &mut Placement) {
    placement.started.reason = erased_reason(&placement.started.reason);
    for change in &mut placement.changes {
        change.reason = erased_reason(&change.reason);
    }
}

/// A note's text erased; its author and time stay.
pub fn erase_note(note: &mut Note) {
    note.text = ERASED_TEXT.to_string();
}

/// An event's free text and candidate images erased; `None` when the
/// event holds nothing personal.
pub fn erase_event(kind: &EventKind, erased: &Candidate) -> Option<EventKind> {
    match kind {
        EventKind::StageChanged {
            engagement,
            candidate,
            from,
            to,
            reason,
        } if erased_reason(reason) != *reason => Some(EventKind::StageChanged {
            engagement: *engagement,
            candidate: *candidate,
            from: *from,
            to: *to,
            reason: erased_reason(reason),
        }),
        // How consent was given ("email of 2 March") may name or
        // describe the person; its dates stay.
        EventKind::ConsentRecorded { candidate, consent } if consent.source != ERASED_TEXT => {
            let mut consent = consent.clone();
            consent.source = ERASED_TEXT.to_string();
            Some(EventKind::ConsentRecorded {
                candidate: *candidate,
                consent,
            })
        }
        kind if kind.candidate_images().is_some() => {
            let mut kind = kind.clone();
            for image in kind.candidate_images_mut().into_iter().flatten() {
                *image = erased.clone();
            }
            Some(kind)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::candidate_with;

    #[test]
    fn an_erased_image_keeps_what_reports_count_and_nothing_personal() {
        let mut person = candidate_with(&[("kubernetes", 4)]);
        person.id = CandidateId(12);
        person.phone = Some("+351 912 345 678".into());
        person.tags = vec!["referred by Rui".into()];
        person.links = vec!["mailto:ana@old.example".into()];
        let erased = erased_image(&person);
        assert_eq!(erased.name, "erased candidate #12");
        assert!(erased.problems().is_empty(), "{:?}", erased.problems());
        assert!(is_erased(&erased) && !is_erased(&person));
        assert_eq!(
            (erased.roles, erased.source),
            (person.roles.clone(), person.source)
        );
        assert!(erased.phone.is_none() && erased.tags.is_empty() && erased.links.is_empty());
        assert_eq!(emails_of(&person).len(), 2);
        assert_eq!(phone_key("912-345-678"), phone_key("+351 912 345 678"));
    }

    #[test]
    fn a_consent_event_keeps_its_dates_and_loses_its_source() {
        let person = candidate_with(&[]);
        let consent =
            crate::domain::Consent::for_days(person.created_at.date_naive(), 30, "Ana's email");
        let kind = EventKind::ConsentRecorded {
            candidate: person.id,
            consent: consent.clone(),
        };
        let Some(EventKind::ConsentRecorded { consent: kept, .. }) =
            erase_event(&kind, &erased_image(&person))
        else {
            panic!("the consent event is rewritten");
        };
        assert_eq!(
            (kept.given_on, kept.until),
            (consent.given_on, consent.until)
        );
        assert_eq!(kept.source, ERASED_TEXT);
        let withdrawn = EventKind::ConsentWithdrawn {
            candidate: person.id,
        };
        assert_eq!(erase_event(&withdrawn, &erased_image(&person)), None);
    }

    #[test]
    fn undo_markers_stay_and_other_reasons_go() {
        assert_eq!(erased_reason(&Some("undo".into())).as_deref(), Some("undo"));
        assert_eq!(
            erased_reason(&Some("rate too high for Ana".into())).as_deref(),
            Some(ERASED_TEXT)
        );
        assert_eq!(erased_reason(&None), None);
    }
}
