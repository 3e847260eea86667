//! The index's candidate ranking gives exactly what the plain definition
//! gives: for every word of the query, the best of a candidate's terms
//! (Skim score, exact bonus, field bonus, twice a skill's level), summed
//! over the words; every word must match; ties by name order. The index
//! reaches the same answer through postings, scratch buffers and early
//! stops, so this compares the two over many queries, hit by hit.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use hireterm::catalog::Catalog;
use hireterm::domain::text::fold;
use hireterm::domain::{Candidate, CandidateId, CustomField, Level, RoleId, SkillId, SkillLevel};
use hireterm::search::{Hit, Kind, SearchIndex, Target};

/// Per candidate, its fields: (field bonus, per-term extra, folded terms).
type Fields = Vec<(i64, i64, Vec<String>)>;

fn split_words(folded: &str) -> Vec<String> {
    (folded.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

fn catalog_terms(id: &str, name: &str, aliases: &[String]) -> Vec<String> {
    let all = [id, name]
        .into_iter()
        .chain(aliases.iter().map(String::as_str));
    all.map(|t| fold(t.trim()))
        .filter(|t| !t.is_empty())
        .collect()
}

fn fields_of(c: &Candidate, catalog: &Catalog) -> Fields {
    let words = |text: &str| split_words(&fold(text));
    let mut fields = vec![
        (30, 0, words(&c.name)),
        (10, 0, words(&c.location.city)),
        (10, 0, words(&c.location.country)),
        (0, 0, words(&c.email)),
    ];
    for tag in &c.tags {
        let mut terms = words(tag);
        if terms.len() > 1 {
            terms.push(fold(tag.trim()));
        }
        fields.push((10, 0, terms));
    }
    let custom = c.custom.iter().flat_map(|f| words(&f.value));
    fields.push((5, 0, custom.take(32).collect()));
    for role in c.roles.iter().filter_map(|r| catalog.role(r)) {
        let terms = catalog_terms(role.id.as_str(), &role.name, &role.aliases);
        fields.push((20, 0, terms));
    }
    for held in &c.skills {
        if let Some(s) = catalog.skill(&held.skill) {
            let level = i64::from(held.level.get()) * 2;
            fields.push((20, level, catalog_terms(s.id.as_str(), &s.name, &s.aliases)));
        }
    }
    fields
}

fn score(matcher: &SkimMatcherV2, term: &str, word: &str) -> Option<i64> {
    let mut rest = term.chars();
    if !word.chars().all(|w| rest.any(|t| t == w)) {
        return None;
    }
    let base = matcher.fuzzy_match(term, word)?;
    Some(base + if term == word { 100 } else { 0 })
}

/// A candidate's score for `words`, when every word matches. A word's
/// worth is never below zero (the index keeps a best from zero).
fn candidate_score(m: &SkimMatcherV2, fields: &Fields, words: &[String]) -> Option<i64> {
    let word_best = |w: &String| {
        (fields.iter())
            .flat_map(|(bonus, extra, terms)| {
                terms
                    .iter()
                    .filter_map(move |t| Some(score(m, t, w)? + bonus + extra))
            })
            .max()
            .map(|best| best.max(0))
    };
    words.iter().map(word_best).sum()
}

struct Reference {
    candidates: Vec<Candidate>,
    fields: Vec<Fields>,
    ranks: Vec<u32>,
}

impl Reference {
    fn hits(&self, query: &str, limit: usize) -> Vec<(Target, i64, String, Vec<usize>)> {
        let m = SkimMatcherV2::default();
        let split: Vec<String> = (fold(query).split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        if split.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(i64, u32, usize)> = (0..self.candidates.len())
            .filter_map(|i| {
                Some((
                    candidate_score(&m, &self.fields[i], &split)?,
                    self.ranks[i],
                    i,
                ))
            })
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        found.truncate(limit);
        (found.into_iter())
            .map(|(total, _, i)| {
                let c = &self.candidates[i];
                let mut positions: Vec<usize> = (split.iter())
                    .filter_map(|w| m.fuzzy_indices(&fold(&c.name), w).map(|(_, p)| p))
                    .flatten()
                    .collect();
                positions.sort_unstable();
                positions.dedup();
                (Target::Candidate(c.id), total, c.name.clone(), positions)
            })
            .collect()
    }
}

/// Odd candidates the demo does not make: long custom notes, tags of
/// several words, accents, a twin name (a tie broken by name order), a
/// skill held twice, a role the catalog does not know.
fn extra() -> Vec<Candidate> {
    let mut jose = candidate("José Ångström", "jose.angstrom@example.com");
    jose.tags = vec!["lisbon pool".into(), "night-owl".into()];
    let note = "devops kubernetes jakarta ".repeat(20);
    jose.custom = vec![CustomField {
        name: "Notes".into(),
        value: note,
    }];
    let mut twin = candidate("José Ångström", "twin@example.com");
    twin.roles.push(RoleId::new("no-such-role"));
    let mut ana = candidate("Ana Zyx", "ana.zyx@qwertymail.test");
    let level = |n| Level::new(n).unwrap();
    ana.skills.push(SkillLevel::new("kubernetes", level(1)));
    ana.skills.push(SkillLevel::new("javascript", level(5)));
    ana.roles = vec![RoleId::new("devops")];
    ana.skills.push(SkillLevel {
        skill: SkillId::new("no-such-skill"),
        level: level(2),
    });
    let mut out = vec![jose, twin, ana];
    for (n, c) in out.iter_mut().enumerate() {
        c.id = CandidateId(900_000 + n as u64);
    }
    out
}

fn build() -> (SearchIndex, Reference) {
    let options = hireterm::demo::DemoOptions {
        candidates: 3000,
        engagements: 8,
        seed: 11,
        now: now(),
    };
    let catalog = Catalog::builtin();
    let mut data = hireterm::demo::generate(&options, catalog);
    data.candidates.extend(extra());
    let index = SearchIndex::build(&data.candidates, &data.engagements, &data.clients, catalog);
    let reference = Reference {
        fields: data
            .candidates
            .iter()
            .map(|c| fields_of(c, catalog))
            .collect(),
        ranks: hireterm::domain::candidate::rank_by_name(&data.candidates),
        candidates: data.candidates,
    };
    (index, reference)
}

const QUERIES: [&str; 40] = [
    "d",
    "de",
    "dev",
    "devo",
    "devop",
    "devops",
    "k",
    "ku",
    "kub",
    "kube",
    "kuber",
    "kubern",
    "kuberne",
    "kubernet",
    "kuberneti",
    "kubernetes",
    "kubernetes ",
    "kubernetes j",
    "kubernetes ja",
    "jose angst",
    "josé",
    "JOSÉ ÅNGSTRÖM",
    "zyx kubernetes",
    "k8s zyx",
    "go",
    "c#",
    "node.js",
    "lisbon pool",
    "lisbon-pool",
    "night-owl",
    "jakarta",
    "ana zyx sre",
    "",
    "   ",
    "( . )",
    "kbrnts",
    "a e",
    "x",
    "qwertymail",
    "e a i o",
];

fn shown(hits: &[Hit]) -> Vec<(Target, i64, String, Vec<usize>)> {
    (hits.iter())
        .map(|h| {
            (
                h.target.clone(),
                h.score,
                h.label.clone(),
                h.positions.clone(),
            )
        })
        .collect()
}

#[test]
fn candidate_hits_are_exactly_the_plain_ranking() {
    let (index, reference) = build();
    let names = reference
        .candidates
        .iter()
        .step_by(97)
        .map(|c| c.name.clone());
    let queries: Vec<String> = QUERIES.iter().map(|q| q.to_string()).chain(names).collect();
    for query in &queries {
        let all = reference.hits(query, usize::MAX);
        for limit in [1, 20, 100, 5000] {
            let ours = index.search(query, limit, Some(Kind::Candidate));
            let want = &all[..limit.min(all.len())];
            assert_eq!(shown(&ours), want, "{query:?} limit {limit}");
        }
    }
}

/// Every kind ranked together is each kind's list merged by score, kinds
/// in their order on ties.
#[test]
fn the_mixed_list_is_the_kinds_merged() {
    let (index, _) = build();
    let kinds = [Kind::Role, Kind::Skill, Kind::Engagement, Kind::Candidate];
    for query in QUERIES.iter().filter(|q| !q.trim().is_empty()) {
        let mut merged: Vec<Hit> = (kinds.iter())
            .flat_map(|&k| index.search(query, 20, Some(k)))
            .collect();
        merged.sort_by(|a, b| b.score.cmp(&a.score).then(a.kind().cmp(&b.kind())));
        merged.truncate(20);
        assert_eq!(index.search(query, 20, None), merged, "{query:?}");
    }
}
