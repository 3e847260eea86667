//! Fuzzy search over roles, skills, candidates and engagements, ranked
//! together.
//!
//! Everything searchable is folded once, when the index is built (lower
//! case, accents off), and candidates are reached through a dictionary of
//! the distinct terms they are made of: name words, location words, tags,
//! email words, and the catalog's names and aliases of their roles and
//! skills. A keystroke scores a few thousand short terms with
//! fuzzy-matcher, then walks the postings of the terms that matched, so its
//! cost follows the matches, not the size of the text.

mod candidates;
mod cut;
mod dictionary;
mod rank;
mod reasons;

pub use rank::{Hit, Kind, Target};
pub use reasons::explain;

use crate::catalog::Catalog;
use crate::domain::{Candidate, Engagement};
use dictionary::Dictionary;

/// A search index over one snapshot of the data.
pub struct SearchIndex {
    dictionary: Dictionary,
    candidates: Vec<CandidateEntry>,
    /// Each candidate's place in name order, for ties: apart from the
    /// entries, as a keystroke may read it for tens of thousands of tied
    /// candidates, and four bytes a candidate stay in cache.
    ranks: Vec<u32>,
    engagements: Vec<EngagementEntry>,
    catalog: &'static Catalog,
    /// Per-candidate arrays a keystroke works in, kept between keystrokes.
    scratch: std::sync::Mutex<candidates::Scratch>,
}

/// What a candidate hit shows.
struct CandidateEntry {
    id: crate::domain::CandidateId,
    name: String,
    folded_name: String,
    detail: String,
}

struct EngagementEntry {
    engagement: Engagement,
    /// The client's name.
    client: String,
    folded_title: String,
    /// Folded words of title, client and role name.
    words: Vec<String>,
}

impl SearchIndex {
    /// The index over `candidates` and `engagements`; `clients` name each
    /// engagement's client.
    pub fn build(
        candidates: &[Candidate],
        engagements: &[Engagement],
        clients: &[crate::domain::Client],
        catalog: &'static Catalog,
    ) -> SearchIndex {
        let client_name = |e: &Engagement| {
            clients
                .iter()
                .find(|c| c.id == e.client)
                .map_or(String::new(), |c| c.name.clone())
        };
        let ranks = crate::domain::candidate::rank_by_name(candidates);
        let entries = candidates
            .iter()
            .map(|c| CandidateEntry {
                id: c.id,
                name: c.name.clone(),
                folded_name: crate::domain::text::fold(&c.name),
                detail: candidate_detail(c, catalog),
            })
            .collect();
        SearchIndex {
            dictionary: Dictionary::build(candidates, catalog),
            candidates: entries,
            ranks,
            engagements: engagements
                .iter()
                .map(|e| engagement_entry(e, client_name(e), catalog))
                .collect(),
            catalog,
            scratch: candidates::scratch(candidates.len()),
        }
    }
}

fn candidate_detail(c: &Candidate, catalog: &Catalog) -> String {
    let role = c.primary_role().map_or("", |r| catalog.role_name(r));
    format!("{role} · {}", c.location)
}

fn engagement_entry(e: &Engagement, client: String, catalog: &Catalog) -> EngagementEntry {
    let text = format!("{} {client} {}", e.title, catalog.role_name(&e.role));
    EngagementEntry {
        engagement: e.clone(),
        client,
        folded_title: crate::domain::text::fold(&e.title),
        words: dictionary::words(&text),
    }
}
