//! Finding a person by the id another system gave them, so that a second
//! import of the same export updates the records the first one made
//! instead of adding them again; and the update itself.
//!
//! The index keeps a 128-bit fingerprint of each (system, id) pair, as
//! `domain::duplicate::DuplicateIndex` keeps emails: a fixed 16 bytes per
//! id whatever its length, keyed at random per index.

use super::columns::Column;
use super::fields::{Raw, Row};
use crate::domain::text::normalize_email;
use crate::domain::{Candidate, CandidateId, ExternalId};
use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

#[derive(Debug, Default)]
pub struct ExternalIndex {
    keys: (RandomState, RandomState),
    ids: HashMap<(u64, u64), CandidateId>,
}

impl ExternalIndex {
    fn key(&self, id: &ExternalId) -> (u64, u64) {
        let pair = (id.system.trim().to_lowercase(), id.id.trim());
        (self.keys.0.hash_one(&pair), self.keys.1.hash_one(&pair))
    }

    /// Files `candidate` under each of its ids (the first holder keeps one).
    pub fn insert(&mut self, candidate: &Candidate) {
        self.insert_as(candidate, candidate.id);
    }

    /// Files `candidate`'s ids under `id` (a line, for the file's own).
    pub fn insert_as(&mut self, candidate: &Candidate, id: CandidateId) {
        for external in &candidate.external_ids {
            let key = self.key(external);
            self.ids.entry(key).or_insert(id);
        }
    }

    /// The record holding `id`.
    pub fn find_id(&self, id: &ExternalId) -> Option<CandidateId> {
        self.ids.get(&self.key(id)).copied()
    }

    /// The record holding one of `candidate`'s ids, and which id.
    pub fn find<'c>(&self, candidate: &'c Candidate) -> Option<(CandidateId, &'c ExternalId)> {
        (candidate.external_ids.iter())
            .find_map(|external| Some((*self.ids.get(&self.key(external))?, external)))
    }
}

/// Copies one field from the row's record into the stored one.
type Take = fn(&mut Candidate, &Candidate);

/// `stored` updated from `incoming`, a row (`row`) of a later export: each
/// field the row gives replaces the stored one; lists gain the row's
/// items; custom fields are replaced by name. The stored record keeps its
/// id, creation time and email (an address the row gives instead is kept
/// as a `mailto:` link, as a merge keeps it), and whatever the row does
/// not give.
pub fn update(stored: &Candidate, incoming: &Candidate, row: &Row) -> Candidate {
    let mut out = stored.clone();
    for (column, take) in SCALARS {
        let given = (row.fields.iter()).any(|f| f.column == column && !is_blank(&f.value));
        if given {
            take(&mut out, incoming);
        }
    }
    unite(&mut out.roles, &incoming.roles);
    for held in &incoming.skills {
        match out.skills.iter_mut().find(|s| s.skill == held.skill) {
            Some(mine) => mine.level = held.level,
            None => out.skills.push(held.clone()),
        }
    }
    unite(&mut out.tags, &incoming.tags);
    unite(&mut out.links, &incoming.links);
    unite(&mut out.external_ids, &incoming.external_ids);
    if normalize_email(&incoming.email) != normalize_email(&stored.email) {
        unite(&mut out.links, &[format!("mailto:{}", incoming.email)]);
    }
    for field in &incoming.custom {
        match out.custom.iter_mut().find(|c| c.name == field.name) {
            Some(mine) => mine.value.clone_from(&field.value),
            None => out.custom.push(field.clone()),
        }
    }
    out
}

/// The fields that hold one value, each taken from the row's record when
/// the row gives its column.
const SCALARS: [(Column, Take); 11] = [
    (Column::Name, |o, i| o.name.clone_from(&i.name)),
    (Column::Phone, |o, i| o.phone.clone_from(&i.phone)),
    (Column::City, |o, i| {
        o.location.city.clone_from(&i.location.city)
    }),
    (Column::Country, |o, i| {
        o.location.country.clone_from(&i.location.country)
    }),
    (Column::Timezone, |o, i| {
        o.location.timezone.clone_from(&i.location.timezone)
    }),
    (Column::Rate, |o, i| o.rate.clone_from(&i.rate)),
    (Column::AvailableFrom, |o, i| {
        o.available_from = i.available_from
    }),
    (Column::Source, |o, i| o.source = i.source),
    (Column::Company, |o, i| o.company.clone_from(&i.company)),
    (Column::Title, |o, i| o.title.clone_from(&i.title)),
    (Column::ConsentGiven, |o, i| {
        o.consent.clone_from(&i.consent)
    }),
];

fn is_blank(value: &Raw) -> bool {
    match value {
        Raw::Text(text) => text.trim().is_empty(),
        Raw::List(items) => items.iter().all(|i| i.trim().is_empty()),
    }
}

fn unite<T: PartialEq + Clone>(mine: &mut Vec<T>, theirs: &[T]) {
    for item in theirs {
        if !mine.contains(item) {
            mine.push(item.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::CustomField;
    use crate::domain::testing::candidate_with;
    use crate::interchange::fields::{Field, Place};

    fn row(columns: &[Column]) -> Row {
        let field = |&column| Field {
            column,
            place: Place {
                line: 2,
                column: 1,
                name: "x".into(),
            },
            value: Raw::Text("given".into()),
        };
        Row {
            line: 2,
            fields: columns.iter().map(field).collect(),
            ..Row::default()
        }
    }

    #[test]
    fn an_update_takes_what_the_row_gives_and_keeps_the_rest() {
        let mut stored = candidate_with(&[]);
        stored.id = CandidateId(7);
        stored.email = "ana@x.io".into();
        stored.title = "Engineer".into();
        stored.tags = vec!["hot".into()];
        stored.custom = vec![
            CustomField::new("Visa", "H1B"),
            CustomField::new("Notes", "a"),
        ];
        let mut incoming = stored.clone();
        incoming.id = CandidateId(0);
        incoming.email = "ana@new.io".into();
        incoming.title = "Staff Engineer".into();
        incoming.company = String::new();
        incoming.tags = vec!["remote".into()];
        incoming.custom = vec![CustomField::new("Visa", "Green card")];
        let after = update(&stored, &incoming, &row(&[Column::Title, Column::Email]));
        assert_eq!(after.id, CandidateId(7));
        assert_eq!(after.email, "ana@x.io");
        assert!(after.links.contains(&"mailto:ana@new.io".to_string()));
        assert_eq!(after.title, "Staff Engineer");
        assert_eq!(after.tags, ["hot", "remote"]);
        assert_eq!(after.custom[0].value, "Green card");
        assert_eq!(after.custom[1].value, "a");
        let mut index = ExternalIndex::default();
        stored.external_ids = vec![ExternalId::new("greenhouse", "48213")];
        index.insert(&stored);
        incoming.external_ids = vec![ExternalId::new("Greenhouse", " 48213")];
        assert_eq!(index.find(&incoming).map(|f| f.0), Some(CandidateId(7)));
    }
}
