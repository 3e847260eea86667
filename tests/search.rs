//! Search: the catalog's aliases, fuzzy gaps, accents, highlight positions
//! and the ranking across kinds.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::catalog::Catalog;
use hireterm::domain::{Candidate, CandidateId, RoleId, SkillId};
use hireterm::search::{Hit, Kind, SearchIndex, Target};

fn index_with(extra: Vec<Candidate>) -> SearchIndex {
    let options = hireterm::demo::DemoOptions {
        candidates: 300,
        engagements: 6,
        seed: 42,
        now: now(),
    };
    let mut data = hireterm::demo::generate(&options, Catalog::builtin());
    data.candidates.extend(extra);
    SearchIndex::build(
        &data.candidates,
        &data.engagements,
        &data.clients,
        Catalog::builtin(),
    )
}

fn first(index: &SearchIndex, query: &str) -> Hit {
    index
        .search(query, 20, None)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no hit for {query}"))
}

#[test]
fn devops_sre_and_platform_rank_the_devops_role_first() {
    let index = index_with(Vec::new());
    for query in ["devops", "DevOps", "sre", "platform", "SRE"] {
        assert_eq!(
            first(&index, query).target,
            Target::Role(RoleId::new("devops")),
            "{query}"
        );
    }
    assert_eq!(
        first(&index, "dba").target,
        Target::Role(RoleId::new("database"))
    );
    assert_eq!(
        first(&index, "appsec").target,
        Target::Role(RoleId::new("security"))
    );
}

#[test]
fn skill_aliases_rank_their_skill_first() {
    let index = index_with(Vec::new());
    assert_eq!(
        first(&index, "k8s").target,
        Target::Skill(SkillId::new("kubernetes"))
    );
    assert_eq!(
        first(&index, "postgres").target,
        Target::Skill(SkillId::new("postgresql"))
    );
    assert_eq!(
        first(&index, "kube").target,
        Target::Skill(SkillId::new("kubernetes"))
    );
}

#[test]
fn fuzzy_gaps_are_tolerated() {
    let index = index_with(Vec::new());
    assert_eq!(
        first(&index, "kbrnts").target,
        Target::Skill(SkillId::new("kubernetes"))
    );
    assert_eq!(
        first(&index, "pstgrs").target,
        Target::Skill(SkillId::new("postgresql"))
    );
}

#[test]
fn exact_names_beat_fuzzy_ones() {
    // "Go" exactly, against skills that merely contain g…o.
    let index = index_with(Vec::new());
    assert_eq!(
        first(&index, "go").target,
        Target::Skill(SkillId::new("go"))
    );
    let java = index.search("java", 5, Some(Kind::Skill));
    assert_eq!(java[0].target, Target::Skill(SkillId::new("java")));
}

#[test]
fn accents_fold_both_ways_and_positions_point_into_the_label() {
    let mut jose = candidate("José Ångström", "jose@example.com");
    jose.id = CandidateId(5000);
    let index = index_with(vec![jose]);
    let hits = index.search("jose angst", 5, Some(Kind::Candidate));
    assert_eq!(hits[0].label, "José Ångström");
    let marked: String = hits[0]
        .positions
        .iter()
        .map(|&p| hits[0].label.chars().nth(p).unwrap())
        .collect();
    assert_eq!(marked, "JoséÅngst");
    let hits = index.search("josé", 5, Some(Kind::Candidate));
    assert!(hits.iter().any(|h| h.label == "José Ångström"));
}

#[test]
fn highlight_positions_are_exact_for_catalog_hits() {
    let index = index_with(Vec::new());
    let hit = index.search("kube", 1, Some(Kind::Skill)).remove(0);
    assert_eq!(
        (hit.label.as_str(), hit.positions.as_slice()),
        ("Kubernetes", &[0, 1, 2, 3][..])
    );
}

#[test]
fn candidates_match_on_skills_roles_tags_location_and_email() {
    let mut ana = candidate("Ana Zyx", "ana.zyx@qwertymail.test");
    ana.id = CandidateId(6000);
    ana.tags = vec!["night-owl".into()];
    ana.location.city = "Ouagadougou".into();
    let index = index_with(vec![ana]);
    for query in [
        "zyx kubernetes",
        "zyx sre",
        "zyx owl",
        "zyx ouagadougou",
        "zyx qwertymail",
        "k8s zyx",
    ] {
        let hits = index.search(query, 5, Some(Kind::Candidate));
        assert_eq!(
            hits.first().map(|h| h.label.as_str()),
            Some("Ana Zyx"),
            "{query}"
        );
    }
    assert!(
        index
            .search("zyx cobol", 5, Some(Kind::Candidate))
            .is_empty(),
        "every word must match"
    );
}

#[test]
fn kinds_are_ranked_together_and_filterable() {
    let index = index_with(Vec::new());
    let hits = index.search("dev", 30, None);
    let kinds: std::collections::HashSet<Kind> = hits.iter().map(Hit::kind).collect();
    assert!(
        kinds.contains(&Kind::Role) && kinds.contains(&Kind::Candidate),
        "{kinds:?}"
    );
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(
        index
            .search("dev", 30, Some(Kind::Engagement))
            .iter()
            .all(|h| h.kind() == Kind::Engagement)
    );
}

#[test]
fn the_empty_query_lists_roles_and_open_engagements() {
    let index = index_with(Vec::new());
    let hits = index.search("   ", 50, None);
    assert_eq!(hits.iter().filter(|h| h.kind() == Kind::Role).count(), 8);
    assert!(
        hits.iter()
            .all(|h| matches!(h.kind(), Kind::Role | Kind::Engagement))
    );
    assert!(index.search("", 3, None).len() == 3);
}

/// A name copied whole finds its person, whatever punctuation it holds:
/// "Hannah B. Gray", "문수건 (Moon Sugeon)", "Jean-Luc". The dictionary
/// splits names at punctuation, so the query must be split the same way
/// (before, a query word "b." or "(moon" matched no term at all).
#[test]
fn every_candidate_is_found_by_their_full_name_as_written() {
    let index = index_with(Vec::new());
    let options = hireterm::demo::DemoOptions {
        candidates: 300,
        engagements: 6,
        seed: 42,
        now: now(),
    };
    let data = hireterm::demo::generate(&options, Catalog::builtin());
    let punctuated = (data.candidates.iter())
        .filter(|c| c.name.chars().any(|ch| ".()-'".contains(ch)))
        .count();
    assert!(punctuated > 10, "the demo has names with punctuation");
    for c in &data.candidates {
        let hits = index.search(&c.name, 50, Some(Kind::Candidate));
        assert!(
            hits.iter().any(|h| h.target == Target::Candidate(c.id)),
            "{} is not found by their name",
            c.name
        );
    }
    let engagement = &data.engagements[0];
    let hits = index.search(
        &engagement.title.replace(' ', "-"),
        5,
        Some(Kind::Engagement),
    );
    assert_eq!(
        hits.first().map(|h| h.target.clone()),
        Some(Target::Engagement(engagement.id))
    );
    assert!(
        index.search("( . )", 5, None).is_empty(),
        "punctuation alone finds nothing"
    );
}
