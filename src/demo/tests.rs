//! Unit tests of the generator.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::names::split_name;
use super::people::fold_ascii;
use super::*;
use crate::domain::text;
use std::collections::HashSet;

fn demo(candidates: usize, engagements: usize, seed: u64) -> DemoData {
    let options = DemoOptions {
        candidates,
        engagements,
        seed,
        ..DemoOptions::default()
    };
    generate(&options, Catalog::builtin())
}

fn now() -> Timestamp {
    DemoOptions::default().now
}

#[test]
fn default_options_are_as_documented() {
    let options = DemoOptions::default();
    assert_eq!(
        (options.candidates, options.engagements, options.seed),
        (500, 12, 42)
    );
    assert_eq!(options.now.to_rfc3339(), "2026-06-01T09:00:00+00:00");
}

#[test]
fn same_options_give_the_same_data_and_another_seed_does_not() {
    let first = demo(300, 6, 7);
    assert_eq!(first, demo(300, 6, 7));
    let other = demo(300, 6, 8);
    assert_ne!(first.candidates, other.candidates);
    assert_ne!(first.applications, other.applications);
}

#[test]
fn a_candidate_does_not_depend_on_how_many_are_made() {
    let few = demo(50, 2, 42);
    let many = demo(500, 12, 42);
    assert_eq!(few.candidates[..], many.candidates[..50]);
    assert_eq!(few.engagements[..], many.engagements[..2]);
}

#[test]
fn ids_count_up_from_one() {
    let data = demo(500, 12, 42);
    assert_eq!(data.candidates.len(), 500);
    assert_eq!(data.engagements.len(), 12);
    for (i, candidate) in data.candidates.iter().enumerate() {
        assert_eq!(candidate.id, CandidateId(i as u64 + 1));
    }
    for (i, engagement) in data.engagements.iter().enumerate() {
        assert_eq!(engagement.id, EngagementId(i as u64 + 1));
    }
    let known: HashSet<_> = data.candidates.iter().map(|c| c.id).collect();
    let mut pairs = HashSet::new();
    for app in &data.applications {
        assert!(known.contains(&app.candidate));
        assert!((1..=12).contains(&app.engagement.0));
        assert!(
            pairs.insert((app.engagement, app.candidate)),
            "twice in a pipeline"
        );
        assert!(app.scorecards.is_empty());
    }
    let per_engagement = data.applications.len() / 12;
    assert!(
        (8..=40).contains(&per_engagement),
        "{per_engagement} per engagement"
    );
}

#[test]
fn normalised_emails_are_unique() {
    let data = demo(20_000, 0, 42);
    let emails: HashSet<String> = data
        .candidates
        .iter()
        .map(|c| text::normalize_email(&c.email))
        .collect();
    assert_eq!(emails.len(), data.candidates.len());
    assert!(emails.iter().all(|e| e.is_ascii()));
}

#[test]
fn every_candidate_is_fit_to_store() {
    let catalog = Catalog::builtin();
    let minimum = 5.min(catalog.skills().len());
    for candidate in demo(2_000, 0, 42).candidates {
        assert_eq!(candidate.problems(), Vec::<String>::new(), "{candidate:?}");
        let skills: HashSet<_> = candidate.skills.iter().map(|s| &s.skill).collect();
        assert_eq!(skills.len(), candidate.skills.len(), "duplicate skill");
        assert!(
            (minimum..=14).contains(&skills.len()),
            "{} skills",
            skills.len()
        );
        assert!(skills.iter().all(|s| catalog.skill(s).is_some()));
        assert!(candidate.skills.iter().all(|s| s.level.get() >= 1));
        assert!((1..=2).contains(&candidate.roles.len()));
        assert!(candidate.roles.iter().all(|r| catalog.role(r).is_some()));
        assert!(candidate.tags.len() <= 3 && candidate.links.len() <= 2);
    }
}

#[test]
fn rates_dates_and_sources_are_plausible() {
    let data = demo(2_000, 0, 42);
    let today = now().date_naive();
    let mut sources = HashSet::new();
    for candidate in &data.candidates {
        if let Some(rate) = &candidate.rate {
            assert!((25..=150).contains(&rate.min) && (rate.min..=150).contains(&rate.max));
            assert_eq!(rate.currency, "USD");
        }
        if let Some(date) = candidate.available_from {
            assert!((-10..=90).contains(&(date - today).num_days()));
        }
        // A tenth are on file for years (`consents.rs`), the rest joined
        // within the year.
        let age = now() - candidate.created_at;
        assert!(age >= TimeDelta::zero() && age <= TimeDelta::days(7 * 365));
        sources.insert(candidate.source);
    }
    assert_eq!(sources.len(), Source::ALL.len());
}

#[test]
fn roles_spread_over_the_catalog() {
    let catalog = Catalog::builtin();
    let data = demo(2_000, catalog.roles().len().max(4), 42);
    let primaries: HashSet<_> = data
        .candidates
        .iter()
        .filter_map(|c| c.primary_role())
        .collect();
    assert_eq!(primaries.len(), catalog.roles().len());
    let roles: HashSet<_> = data.engagements.iter().map(|e| &e.role).collect();
    assert_eq!(roles.len(), catalog.roles().len());
    let models: HashSet<_> = data.engagements.iter().map(|e| e.model).collect();
    assert_eq!(models.len(), HiringModel::ALL.len());
}

#[test]
fn skills_follow_the_primary_role() {
    let catalog = Catalog::builtin();
    let data = demo(2_000, 0, 42);
    let coherent = data
        .candidates
        .iter()
        .filter(|c| {
            let role = catalog
                .role(c.primary_role().expect("a role"))
                .expect("known");
            role.skills.iter().any(|s| c.level(&s.skill).get() > 0)
        })
        .count();
    assert!(coherent * 100 >= data.candidates.len() * 95, "{coherent}");
}

#[test]
fn engagements_are_plausible() {
    let catalog = Catalog::builtin();
    let data = demo(100, 12, 42);
    for client in &data.clients {
        assert!(text::is_clean(&client.name, false) && client.problems().is_empty());
    }
    for engagement in data.engagements {
        assert!(data.clients.iter().any(|c| c.id == engagement.client));
        assert!(text::is_clean(&engagement.title, false) && !engagement.title.is_empty());
        assert!((1..=5).contains(&engagement.headcount));
        let musts = engagement.musts().count();
        let role = catalog.role(&engagement.role).expect("known role");
        assert!(musts >= 3.min(role.skills.len()) && musts <= 5);
        assert!(engagement.nices().count() <= 4);
        for requirement in &engagement.requirements {
            assert!(catalog.skill(&requirement.skill).is_some());
            assert!(requirement.min_level.get() >= 1);
        }
        if let Some(budget) = &engagement.budget {
            // USD budgets run 25-150 an hour; EUR and GBP ones are worth
            // as much, so their numbers are lower.
            let lowest = if budget.currency == "USD" { 25 } else { 20 };
            assert!(lowest <= budget.min && budget.min <= budget.max && budget.max <= 150);
            assert!(["USD", "EUR", "GBP"].contains(&budget.currency.as_str()));
        }
        let age = now() - engagement.opened_at;
        assert!(age >= TimeDelta::zero() && age <= TimeDelta::days(60));
        assert!(engagement.target_start > Some(engagement.opened_at.date_naive()));
    }
}

#[test]
fn every_stage_is_somebody_s_current_stage() {
    let data = demo(500, 12, 42);
    let current: HashSet<Stage> = data.applications.iter().map(|a| a.stage).collect();
    assert_eq!(current.len(), Stage::ALL.len(), "{current:?}");
    // The guarantee holds at its stated minimum, for any seed.
    for seed in 0..20 {
        let data = demo(100, 3, seed);
        let current: HashSet<Stage> = data.applications.iter().map(|a| a.stage).collect();
        assert_eq!(current.len(), Stage::ALL.len(), "seed {seed}");
    }
}

#[test]
fn histories_are_legal_ordered_and_past() {
    let data = demo(500, 12, 42);
    let mut reasons = HashSet::new();
    for app in &data.applications {
        let engagement = &data.engagements[app.engagement.0 as usize - 1];
        let candidate = &data.candidates[app.candidate.0 as usize - 1];
        let entry = &app.history[0];
        assert_eq!((entry.from, entry.to), (None, Stage::Sourced));
        assert!(entry.at >= engagement.opened_at && entry.at >= candidate.created_at);
        for pair in app.history.windows(2) {
            assert_eq!(pair[1].from, Some(pair[0].to));
            assert!(pair[0].to.can_move_to(pair[1].to), "{app:?}");
            assert!(pair[0].at < pair[1].at, "{app:?}");
        }
        let last = app.history.last().expect("entry");
        assert_eq!(last.to, app.stage);
        assert!(last.at <= now());
        for change in &app.history {
            assert!(OWNERS.contains(&change.actor.as_str()));
            if let Some(reason) = &change.reason {
                assert!(text::is_clean(reason, false));
                reasons.insert(reason.as_str());
            }
        }
        if app.stage.is_exit() {
            assert!(last.reason.is_some());
        }
    }
    assert!(reasons.len() >= 5, "{reasons:?}");
}

#[test]
fn some_applications_are_stuck() {
    let data = demo(500, 12, 42);
    let stuck = data
        .applications
        .iter()
        .filter(|a| matches!(a.stage, Stage::Screening | Stage::TechnicalInterview))
        .filter(|a| now() - a.entered_stage_at().expect("entry") >= TimeDelta::days(20))
        .count();
    assert!(stuck >= 2, "{stuck} stuck");
}

#[test]
fn pipelines_prefer_the_engagement_role() {
    let data = demo(5_000, 12, 42);
    let matching = data
        .applications
        .iter()
        .filter(|a| {
            let engagement = &data.engagements[a.engagement.0 as usize - 1];
            let candidate = &data.candidates[a.candidate.0 as usize - 1];
            candidate.primary_role() == Some(&engagement.role)
        })
        .count();
    assert!(matching * 2 > data.applications.len());
}

#[test]
fn every_name_gives_an_ascii_email_handle() {
    for culture in CULTURES {
        assert!(!culture.cities.is_empty());
        for entry in culture.given.iter().chain(culture.family) {
            let mut handle = String::new();
            fold_ascii(split_name(entry).1, &mut handle);
            assert!(!handle.is_empty(), "{entry}");
            assert!(
                handle.chars().all(|c| c.is_ascii_lowercase()),
                "{entry} -> {handle}"
            );
        }
    }
}

#[test]
fn accents_fold_to_ascii() {
    let fold = |text: &str| {
        let mut out = String::new();
        fold_ascii(text, &mut out);
        out
    };
    assert_eq!(fold("Łukasz Wójcik"), "lukaszwojcik");
    assert_eq!(fold("Søren Ødegaard"), "sorenodegaard");
    assert_eq!(fold("İlkay Çağrı Yılmaz"), "ilkaycagriyilmaz");
    assert_eq!(fold("Siobhán O'Brien"), "siobhanobrien");
    assert_eq!(fold("Großmann Zoë Anaïs"), "grossmannzoeanais");
}

#[test]
fn works_for_a_tiny_catalog_and_tiny_options() {
    let roles = r#"[[role]]
id = "devops"
name = "DevOps Developer"
summary = "Runs production."
skills = [{ skill = "go", level = 3 }]
"#;
    let skills = "[[skill]]\nid = \"go\"\nname = \"Go\"\ncategory = \"languages\"\n";
    let catalog = Catalog::from_toml(roles, skills).expect("tiny catalog");
    let options = DemoOptions {
        candidates: 5,
        engagements: 3,
        ..DemoOptions::default()
    };
    let data = generate(&options, &catalog);
    assert_eq!(data.candidates.len(), 5);
    assert!(data.candidates.iter().all(|c| c.skills.len() == 1));
    assert!(data.applications.len() <= 15);
    let no_roles = Catalog::from_toml("role = []", skills).expect("no roles");
    let data = generate(&options, &no_roles);
    assert!(data.engagements.is_empty() && data.applications.is_empty());
    assert!(data.candidates.iter().all(|c| c.roles.is_empty()));
    assert_eq!(
        generate(
            &DemoOptions {
                candidates: 0,
                ..options
            },
            &catalog
        )
        .applications,
        []
    );
}

#[test]
fn generates_a_large_database() {
    let data = demo(100_000, 12, 42);
    assert_eq!(data.candidates.len(), 100_000);
    assert!(data.applications.len() >= 12 * 20);
}

/// `cargo test --release --lib demo -- --ignored --nocapture`
#[test]
#[ignore = "timing, for release builds"]
fn time_large_generations() {
    for n in [100_000, 1_000_000] {
        let start = std::time::Instant::now();
        let data = demo(n, 12, 42);
        let elapsed = start.elapsed();
        eprintln!(
            "{n} candidates, {} applications: {elapsed:?}",
            data.applications.len()
        );
    }
}
