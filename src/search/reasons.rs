//! Why a candidate hit matched: for each word of the query, the field of
//! theirs it matched best ("tag: lisbon-pool", "city: Lisbon", "skill:
//! Kubernetes 4"), scored as the dictionary scores it. A match in the
//! name says nothing: its letters are highlighted already.

use super::dictionary::{Field, MAX_CUSTOM_WORDS, query_words, split_words};
use super::rank::{Hit, Target, score};
use crate::catalog::Catalog;
use crate::domain::text::fold;
use crate::domain::{Candidate, CandidateId};
use fuzzy_matcher::skim::SkimMatcherV2;

/// Fills in `matched` on the candidate hits of `query`; `candidate` finds
/// a hit's record (a hit whose record is gone says nothing).
pub fn explain<'a>(
    hits: &mut [Hit],
    query: &str,
    catalog: &Catalog,
    candidate: impl Fn(CandidateId) -> Option<&'a Candidate>,
) {
    let words = query_words(query);
    let matcher = SkimMatcherV2::default();
    for hit in hits {
        if let Target::Candidate(id) = hit.target
            && let Some(c) = candidate(id)
        {
            hit.matched = reasons(c, &words, catalog, &matcher);
        }
    }
}

/// One reason per word (the same reason once), in the query's order.
fn reasons(c: &Candidate, words: &[String], catalog: &Catalog, m: &SkimMatcherV2) -> Vec<String> {
    let fields = fields_of(c, catalog);
    let mut reasons: Vec<String> = Vec::new();
    for word in words {
        let best = (fields.iter())
            .filter_map(|(field, terms, shown)| {
                let best = terms.iter().filter_map(|t| score(m, t, word)).max()?;
                Some((best + field.bonus(), field, shown))
            })
            .max_by_key(|(value, _, _)| *value);
        if let Some((_, field, shown)) = best
            && *field != Field::Name
            && !reasons.contains(shown)
        {
            reasons.push(shown.clone());
        }
    }
    reasons
}

/// Every field a candidate is found by: its terms (folded, as the
/// dictionary holds them) and what a hit says of it.
fn fields_of(c: &Candidate, catalog: &Catalog) -> Vec<(Field, Vec<String>, String)> {
    let words = |text: &str| {
        split_words(&fold(text))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let mut fields = vec![
        (Field::Name, words(&c.name), String::new()),
        (
            Field::City,
            words(&c.location.city),
            format!("city: {}", c.location.city),
        ),
        (
            Field::Country,
            words(&c.location.country),
            format!("country: {}", c.location.country),
        ),
        (Field::Email, words(&c.email), format!("email: {}", c.email)),
    ];
    for tag in &c.tags {
        let mut terms = words(tag);
        terms.push(fold(tag.trim()));
        fields.push((Field::Tag, terms, format!("tag: {tag}")));
    }
    let mut left = MAX_CUSTOM_WORDS;
    for field in &c.custom {
        let mut terms = words(&field.value);
        terms.truncate(left);
        left -= terms.len();
        let shown = format!("{}: {}", field.name, shorten(&field.value));
        fields.push((Field::Custom, terms, shown));
    }
    for role in c.roles.iter().filter_map(|r| catalog.role(r)) {
        let terms = catalog_terms(role.id.as_str(), &role.name, &role.aliases);
        fields.push((Field::Role, terms, format!("role: {}", role.name)));
    }
    for held in &c.skills {
        if let Some(skill) = catalog.skill(&held.skill) {
            let terms = catalog_terms(skill.id.as_str(), &skill.name, &skill.aliases);
            let shown = format!("skill: {} {}", skill.name, held.level);
            fields.push((Field::Skill, terms, shown));
        }
    }
    fields
}

/// A custom value as a hit shows it: its first line, cut to 40
/// characters.
fn shorten(value: &str) -> String {
    let line = value.lines().next().unwrap_or_default().trim();
    match line.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line.to_string(),
    }
}

fn catalog_terms(id: &str, name: &str, aliases: &[String]) -> Vec<String> {
    let all = std::iter::once(id)
        .chain([name])
        .chain(aliases.iter().map(String::as_str));
    all.map(|t| fold(t.trim())).collect()
}
