//! Duplicate candidates: the same person entered twice, from a form, an
//! import or another ATS. Two records are the same person when their
//! normalised emails match, or when their names and phones match closely.

use super::candidate::Candidate;
use super::ids::CandidateId;
use super::skill::SkillLevel;
use super::text::{fold, normalize_email};
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasher, Hash, Hasher, RandomState};

/// Why two records are taken for one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateReason {
    SameEmail,
    SameNameAndPhone,
}

impl fmt::Display for DuplicateReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DuplicateReason::SameEmail => "same email",
            DuplicateReason::SameNameAndPhone => "same name and phone",
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duplicate {
    pub existing: CandidateId,
    pub reason: DuplicateReason,
}

/// Phones are compared on their last digits, so "+351 912 345 678" and
/// "912-345-678" match; fewer digits than this is no phone at all.
const PHONE_DIGITS: usize = 9;
const MIN_PHONE_DIGITS: usize = 7;

/// Finds the existing record a new one duplicates, in constant time.
///
/// It keeps a 128-bit fingerprint of each key, never the key's text: an
/// import checks a file of millions of rows against this index, and a
/// fingerprint costs a fixed 16 bytes where an email or a name costs its
/// length and an allocation. The fingerprints are keyed at random per
/// index, so two different keys meet by chance alone: with 2^128 values,
/// not once in any number of rows a computer can hold.
#[derive(Debug, Default)]
pub struct DuplicateIndex {
    keys: Fingerprinter,
    emails: HashMap<Fingerprint, CandidateId>,
    names_and_phones: HashMap<Fingerprint, CandidateId>,
}

impl DuplicateIndex {
    pub fn new<'a>(candidates: impl IntoIterator<Item = &'a Candidate>) -> Self {
        let mut index = DuplicateIndex::default();
        for candidate in candidates {
            index.insert(candidate);
        }
        index
    }

    /// The record `candidate` duplicates, other than itself; a match by
    /// email wins over one by name and phone.
    pub fn find(&self, candidate: &Candidate) -> Option<Duplicate> {
        let other = |id: &CandidateId| *id != candidate.id || candidate.id.0 == 0;
        let email = self.keys.of(&normalize_email(&candidate.email));
        if let Some(&existing) = self.emails.get(&email).filter(|id| other(id)) {
            return Some(Duplicate {
                existing,
                reason: DuplicateReason::SameEmail,
            });
        }
        let key = self.name_and_phone(candidate)?;
        let existing = *self.names_and_phones.get(&key).filter(|id| other(id))?;
        Some(Duplicate {
            existing,
            reason: DuplicateReason::SameNameAndPhone,
        })
    }

    /// Adds a record; the first one holding a key keeps it. Addresses a
    /// merge kept as `mailto:` links count as the record's emails too.
    pub fn insert(&mut self, candidate: &Candidate) {
        for email in emails_of(candidate) {
            let key = self.keys.of(&email);
            self.emails.entry(key).or_insert(candidate.id);
        }
        if let Some(key) = self.name_and_phone(candidate) {
            self.names_and_phones.entry(key).or_insert(candidate.id);
        }
    }

    /// Forgets a record (after an edit changes its keys).
    pub fn remove(&mut self, candidate: &Candidate) {
        for email in emails_of(candidate) {
            let key = self.keys.of(&email);
            if self.emails.get(&key) == Some(&candidate.id) {
                self.emails.remove(&key);
            }
        }
        if let Some(key) = self.name_and_phone(candidate)
            && self.names_and_phones.get(&key) == Some(&candidate.id)
        {
            self.names_and_phones.remove(&key);
        }
    }

    fn name_and_phone(&self, candidate: &Candidate) -> Option<Fingerprint> {
        let (name, phone) = name_and_phone(candidate)?;
        Some(self.keys.of(&(name, phone)))
    }
}

/// A key's fingerprint: two independent 64-bit hashes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint(u64, u64);

impl Hash for Fingerprint {
    /// Half of it is hash enough for the map, and already random.
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.0);
    }
}

/// The two random keys an index fingerprints with.
#[derive(Debug, Default)]
struct Fingerprinter(RandomState, RandomState);

impl Fingerprinter {
    fn of(&self, key: &(impl Hash + ?Sized)) -> Fingerprint {
        Fingerprint(self.0.hash_one(key), self.1.hash_one(key))
    }
}

fn emails_of(candidate: &Candidate) -> impl Iterator<Item = String> + '_ {
    let kept = candidate
        .links
        .iter()
        .filter_map(|link| link.strip_prefix("mailto:"));
    std::iter::once(candidate.email.as_str())
        .chain(kept)
        .map(normalize_email)
}

/// The name's words folded and sorted ("García, José" = "jose garcia"),
/// with the phone's last digits; `None` without a usable phone.
fn name_and_phone(candidate: &Candidate) -> Option<(String, String)> {
    let digits: Vec<char> = candidate
        .phone
        .as_deref()?
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    if digits.len() < MIN_PHONE_DIGITS {
        return None;
    }
    let phone: String = digits[digits.len().saturating_sub(PHONE_DIGITS)..]
        .iter()
        .collect();
    let folded = fold(&candidate.name.to_lowercase());
    let mut words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    words.sort_unstable();
    Some((words.join(" "), phone))
}

/// `incoming` folded into `existing`: the existing record keeps its id,
/// email, name and creation time, and every value it lacks is filled from
/// the incoming one. Lists are united (a skill keeps the higher level), and
/// an incoming email that differs is kept as a `mailto:` link, so a merge
/// never drops what either record knew.
pub fn merge(existing: &Candidate, incoming: &Candidate) -> Candidate {
    let mut merged = existing.clone();
    if merged.phone.as_deref().is_none_or(str::is_empty) {
        merged.phone.clone_from(&incoming.phone);
    }
    let location = &mut merged.location;
    for (mine, theirs) in [
        (&mut location.city, &incoming.location.city),
        (&mut location.country, &incoming.location.country),
        (&mut location.timezone, &incoming.location.timezone),
    ] {
        if mine.is_empty() {
            mine.clone_from(theirs);
        }
    }
    unite(&mut merged.roles, &incoming.roles);
    merge_skills(&mut merged.skills, &incoming.skills);
    if merged.rate.is_none() {
        merged.rate.clone_from(&incoming.rate);
    }
    if merged.available_from.is_none() {
        merged.available_from = incoming.available_from;
    }
    unite(&mut merged.tags, &incoming.tags);
    unite(&mut merged.links, &incoming.links);
    if normalize_email(&incoming.email) != normalize_email(&existing.email) {
        unite(&mut merged.links, &[format!("mailto:{}", incoming.email)]);
    }
    super::merge_fields::take_profile(&mut merged, incoming);
    merged
}

/// The offered values a merge does not take because the existing record
/// holds another: "phone +351 912 (kept 555 0101)". Lists never conflict
/// (they are united), nor do values the existing record lacks.
pub fn conflicts(existing: &Candidate, incoming: &Candidate) -> Vec<String> {
    let rate = |c: &Candidate| c.rate.as_ref().map(ToString::to_string);
    let day = |c: &Candidate| c.available_from.map(|d| d.to_string());
    let pairs = [
        (
            "name",
            Some(existing.name.clone()),
            Some(incoming.name.clone()),
        ),
        ("phone", existing.phone.clone(), incoming.phone.clone()),
        (
            "city",
            Some(existing.location.city.clone()),
            Some(incoming.location.city.clone()),
        ),
        (
            "country",
            Some(existing.location.country.clone()),
            Some(incoming.location.country.clone()),
        ),
        (
            "time zone",
            Some(existing.location.timezone.clone()),
            Some(incoming.location.timezone.clone()),
        ),
        (
            "company",
            Some(existing.company.clone()),
            Some(incoming.company.clone()),
        ),
        (
            "title",
            Some(existing.title.clone()),
            Some(incoming.title.clone()),
        ),
        ("rate", rate(existing), rate(incoming)),
        ("available from", day(existing), day(incoming)),
    ];
    pairs
        .into_iter()
        .filter_map(|(field, kept, offered)| {
            let (kept, offered) = (kept?, offered?);
            let differs = !kept.is_empty()
                && !offered.is_empty()
                && fold(&kept.to_lowercase()) != fold(&offered.to_lowercase());
            differs.then(|| format!("{field} {offered} (kept {kept})"))
        })
        .collect()
}

fn unite<T: PartialEq + Clone>(mine: &mut Vec<T>, theirs: &[T]) {
    for item in theirs {
        if !mine.contains(item) {
            mine.push(item.clone());
        }
    }
}

fn merge_skills(mine: &mut Vec<SkillLevel>, theirs: &[SkillLevel]) {
    for held in theirs {
        match mine.iter_mut().find(|m| m.skill == held.skill) {
            Some(m) => m.level = m.level.max(held.level),
            None => mine.push(held.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::candidate_with;
    use crate::domain::{Level, SkillId};

    fn with_phone(id: u64, name: &str, email: &str, phone: &str) -> Candidate {
        let mut c = candidate_with(&[]);
        c.id = CandidateId(id);
        c.name = name.into();
        c.email = email.into();
        c.phone = Some(phone.into());
        c
    }

    #[test]
    fn email_matches_ignoring_case_and_spaces() {
        let index = DuplicateIndex::new([&with_phone(1, "Ana Lima", "ana@x.io", "")]);
        let incoming = with_phone(0, "Someone Else", " ANA@X.io ", "");
        let found = index.find(&incoming).unwrap();
        assert_eq!(found.existing, CandidateId(1));
        assert_eq!(found.reason, DuplicateReason::SameEmail);
    }

    #[test]
    fn name_and_phone_match_across_formats_and_word_order() {
        let index = DuplicateIndex::new([&with_phone(
            3,
            "José García",
            "jose@a.io",
            "+351 912 345 678",
        )]);
        let incoming = with_phone(0, "garcia, jose", "other@b.io", "912-345-678");
        let found = index.find(&incoming).unwrap();
        assert_eq!(found.existing, CandidateId(3));
        assert_eq!(found.reason, DuplicateReason::SameNameAndPhone);
        let stranger = with_phone(0, "José García", "j2@b.io", "912-000-000");
        assert_eq!(index.find(&stranger), None);
    }

    #[test]
    fn a_record_is_not_its_own_duplicate() {
        let me = with_phone(5, "Kim", "kim@x.io", "5551234567");
        let index = DuplicateIndex::new([&me]);
        assert_eq!(index.find(&me), None);
    }

    #[test]
    fn short_phones_never_match() {
        let index = DuplicateIndex::new([&with_phone(1, "Bo", "bo@x.io", "123")]);
        assert_eq!(index.find(&with_phone(0, "Bo", "bo2@x.io", "123")), None);
    }

    #[test]
    fn merge_fills_gaps_and_unites_lists_without_losing_anything() {
        let mut existing = with_phone(1, "Ana Lima", "ana@x.io", "");
        existing.phone = None;
        existing.skills = vec![SkillLevel::new("go", Level::new(2).unwrap())];
        existing.tags = vec!["remote".into()];
        let mut incoming = with_phone(0, "Ana L.", "ana.lima@y.io", "912345678");
        incoming.location.city = "Porto".into();
        incoming.skills = vec![
            SkillLevel::new("go", Level::new(4).unwrap()),
            SkillLevel::new("rust", Level::new(3).unwrap()),
        ];
        incoming.tags = vec!["remote".into(), "senior".into()];
        let merged = merge(&existing, &incoming);
        assert_eq!(merged.id, CandidateId(1));
        assert_eq!(merged.name, "Ana Lima");
        assert_eq!(merged.email, "ana@x.io");
        assert_eq!(merged.phone.as_deref(), Some("912345678"));
        assert_eq!(merged.location.city, "Porto");
        assert_eq!(merged.level(&SkillId::new("go")), Level::new(4).unwrap());
        assert_eq!(merged.level(&SkillId::new("rust")), Level::new(3).unwrap());
        assert_eq!(merged.tags, vec!["remote", "senior"]);
        assert!(merged.links.contains(&"mailto:ana.lima@y.io".to_string()));
        assert_eq!(
            conflicts(&existing, &incoming),
            vec!["name Ana L. (kept Ana Lima)".to_string()]
        );
        let index = DuplicateIndex::new([&merged]);
        let again = with_phone(0, "Other", "Ana.Lima@y.io", "");
        assert_eq!(index.find(&again).map(|d| d.existing), Some(CandidateId(1)));
    }
}
