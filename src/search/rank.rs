//! Scoring and ranking: every kind of hit on one scale.
//!
//! A query is split into words, and a hit must match every word. Each word
//! scores with fuzzy-matcher's Skim algorithm against the best of the hit's
//! terms; an exact term earns a bonus, catalog entries (roles, skills) earn
//! one too, so that "devops" puts the DevOps role before the people.

use super::SearchIndex;
use super::dictionary::{Dictionary, Field, query_words};
use crate::domain::text::fold;
use crate::domain::{CandidateId, EngagementId, RoleId, SkillId};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

const EXACT_BONUS: i64 = 100;
const CATALOG_BONUS: i64 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Kind {
    Role,
    Skill,
    Engagement,
    Candidate,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Role => "Role",
            Kind::Skill => "Skill",
            Kind::Engagement => "Engagement",
            Kind::Candidate => "Candidate",
        }
    }
}

/// What a hit leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Role(RoleId),
    Skill(SkillId),
    Engagement(EngagementId),
    Candidate(CandidateId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub target: Target,
    pub score: i64,
    /// The name shown, as stored (accents and case kept).
    pub label: String,
    /// Character positions in `label` that matched, for highlighting.
    pub positions: Vec<usize>,
    pub detail: String,
    /// Why a candidate matched, beyond their name: "tag: lisbon-pool"
    /// (filled in by [`super::explain`]).
    pub matched: Vec<String>,
}

impl Hit {
    pub fn kind(&self) -> Kind {
        match self.target {
            Target::Role(_) => Kind::Role,
            Target::Skill(_) => Kind::Skill,
            Target::Engagement(_) => Kind::Engagement,
            Target::Candidate(_) => Kind::Candidate,
        }
    }
}

/// Scores one folded word against one folded term.
pub(super) fn score(matcher: &SkimMatcherV2, term: &str, word: &str) -> Option<i64> {
    if !is_subsequence(word, term) {
        return None;
    }
    let base = matcher.fuzzy_match(term, word)?;
    Some(if term == word {
        base + EXACT_BONUS
    } else {
        base
    })
}

/// The cheap test before the matcher: every char of `word` in `term`, in
/// order.
pub(super) fn is_subsequence(word: &str, term: &str) -> bool {
    if word.is_ascii() {
        // An ASCII byte of UTF-8 is always a whole character, so bytes
        // give the same answer without decoding the term.
        let mut rest = term.as_bytes();
        return word
            .bytes()
            .all(|w| match rest.iter().position(|&t| t == w) {
                Some(at) => {
                    rest = &rest[at + 1..];
                    true
                }
                None => false,
            });
    }
    let mut rest = term.chars();
    word.chars().all(|w| rest.any(|t| t == w))
}

/// Positions in `label` matched by any of the words.
pub(super) fn positions(
    matcher: &SkimMatcherV2,
    folded_label: &str,
    words: &[String],
) -> Vec<usize> {
    let mut all: Vec<usize> = words
        .iter()
        .filter_map(|w| matcher.fuzzy_indices(folded_label, w).map(|(_, p)| p))
        .flatten()
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

impl SearchIndex {
    /// The best `limit` hits for `query`, best first. An empty query lists
    /// the role types and the open engagements.
    pub fn search(&self, query: &str, limit: usize, kind: Option<Kind>) -> Vec<Hit> {
        // Catalog entries are matched whole ("c#", "node.js"); people and
        // engagements by the words the dictionary split them into.
        let words: Vec<String> = fold(query).split_whitespace().map(str::to_string).collect();
        let split = query_words(query);
        let matcher = SkimMatcherV2::default();
        let wanted = |k: Kind| kind.is_none_or(|want| want == k);
        let mut hits = Vec::new();
        if words.is_empty() {
            return self.browse(limit, &wanted);
        }
        if wanted(Kind::Role) {
            hits.extend(self.role_hits(&matcher, &words));
        }
        if wanted(Kind::Skill) {
            hits.extend(self.skill_hits(&matcher, &words));
        }
        if wanted(Kind::Engagement) && !split.is_empty() {
            hits.extend(self.engagement_hits(&matcher, &split));
        }
        if wanted(Kind::Candidate) && !split.is_empty() {
            hits.extend(self.candidate_hits(&matcher, &split, limit));
        }
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.kind().cmp(&b.kind())));
        hits.truncate(limit);
        hits
    }

    fn browse(&self, limit: usize, wanted: &dyn Fn(Kind) -> bool) -> Vec<Hit> {
        let roles = self
            .catalog
            .roles()
            .iter()
            .filter(|_| wanted(Kind::Role))
            .map(|r| Hit {
                target: Target::Role(r.id.clone()),
                score: 0,
                label: r.name.clone(),
                positions: Vec::new(),
                detail: r.aliases.join(", "),
                matched: Vec::new(),
            });
        let open = self
            .engagements
            .iter()
            .filter(|e| {
                wanted(Kind::Engagement)
                    && e.engagement.status == crate::domain::EngagementStatus::Open
            })
            .map(|e| engagement_hit(e, 0, Vec::new()));
        roles.chain(open).take(limit).collect()
    }

    /// A catalog entry matches when every word matches its name or an
    /// alias; the score is the sum of each word's best.
    fn catalog_score(matcher: &SkimMatcherV2, terms: &[String], words: &[String]) -> Option<i64> {
        words
            .iter()
            .map(|w| terms.iter().filter_map(|t| score(matcher, t, w)).max())
            .sum::<Option<i64>>()
            .map(|total| total + CATALOG_BONUS)
    }

    fn role_hits(&self, matcher: &SkimMatcherV2, words: &[String]) -> Vec<Hit> {
        self.catalog
            .roles()
            .iter()
            .filter_map(|r| {
                let terms = catalog_terms(r.id.as_str(), &r.name, &r.aliases);
                let score = Self::catalog_score(matcher, &terms, words)?;
                Some(Hit {
                    target: Target::Role(r.id.clone()),
                    score,
                    label: r.name.clone(),
                    positions: positions(matcher, &fold(&r.name), words),
                    detail: r.aliases.join(", "),
                    matched: Vec::new(),
                })
            })
            .collect()
    }

    fn skill_hits(&self, matcher: &SkimMatcherV2, words: &[String]) -> Vec<Hit> {
        self.catalog
            .skills()
            .iter()
            .filter_map(|s| {
                let terms = catalog_terms(s.id.as_str(), &s.name, &s.aliases);
                let score = Self::catalog_score(matcher, &terms, words)?;
                Some(Hit {
                    target: Target::Skill(s.id.clone()),
                    score,
                    label: s.name.clone(),
                    positions: positions(matcher, &fold(&s.name), words),
                    detail: s.category.label().to_string(),
                    matched: Vec::new(),
                })
            })
            .collect()
    }

    fn engagement_hits(&self, matcher: &SkimMatcherV2, words: &[String]) -> Vec<Hit> {
        self.engagements
            .iter()
            .filter_map(|e| {
                let total = words
                    .iter()
                    .map(|w| e.words.iter().filter_map(|t| score(matcher, t, w)).max())
                    .sum::<Option<i64>>()?;
                Some(engagement_hit(
                    e,
                    total,
                    positions(matcher, &e.folded_title, words),
                ))
            })
            .collect()
    }
}

impl SearchIndex {
    /// Calls `mark` with every candidate (index into the candidates it was
    /// built from; a candidate may come more than once) one word finds, as
    /// the palette's search would, unranked: a plain word of a filter.
    /// Generic rather than a list, so a word that matches half of a
    /// million people costs a pass over their postings, not a sort.
    pub fn mark_candidates(&self, word: &str, mut mark: impl FnMut(u32)) {
        let matcher = SkimMatcherV2::default();
        let folded = fold(word.trim());
        for (_, _, list) in matching_terms(&self.dictionary, &matcher, &folded) {
            for posting in &self.dictionary.postings[list] {
                mark(posting.0);
            }
        }
    }
}

fn matching_terms(
    dictionary: &Dictionary,
    matcher: &SkimMatcherV2,
    word: &str,
) -> Vec<(i64, Field, usize)> {
    dictionary
        .terms
        .iter()
        .filter_map(|t| score(matcher, &t.text, word).map(|s| (s, t.field, t.list)))
        .collect()
}

fn catalog_terms(id: &str, name: &str, aliases: &[String]) -> Vec<String> {
    std::iter::once(id)
        .chain([name])
        .chain(aliases.iter().map(String::as_str))
        .map(fold)
        .collect()
}

fn engagement_hit(e: &super::EngagementEntry, score: i64, positions: Vec<usize>) -> Hit {
    let engagement = &e.engagement;
    Hit {
        target: Target::Engagement(engagement.id),
        score,
        label: engagement.title.clone(),
        positions,
        detail: format!("{} · {}", e.client, engagement.status.label()),
        matched: Vec::new(),
    }
}
