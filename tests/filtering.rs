//! The indexed filter (`Finder`: postings, sorted columns, a cache of each
//! term's result) agrees with the obvious one (`naive`: every term tested
//! on every candidate) on the demo database, term by term and combined,
//! negated and joined by `or`, including after the cache has seen a term.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::filtering::{Finder, Words, naive};
use hireterm::app::records::data::Data;
use hireterm::domain::{EngagementId, Level, Policy, RoleId, SkillId, Source, Stage};
use hireterm::filter::{Cmp, Day, Filter, Group, Term, Test};

struct NoWords;
impl Words for NoWords {
    fn mark_matching(&self, _: &str, _: &mut fixedbitset::FixedBitSet) {}
}

fn term(test: Test) -> Term {
    Term {
        negated: false,
        test,
    }
}

fn all_of(tests: Vec<Test>) -> Filter {
    Filter {
        groups: tests
            .into_iter()
            .map(|t| Group {
                any_of: vec![term(t)],
            })
            .collect(),
    }
}

fn every_test() -> Vec<Test> {
    let skill = |id: &str, cmp, level| Test::Skill {
        skill: SkillId::new(id),
        cmp,
        level: Level::new(level).unwrap(),
    };
    vec![
        Test::Role(RoleId::new("devops")),
        Test::Role(RoleId::new("backend")),
        skill("kubernetes", Cmp::Ge, 4),
        skill("kubernetes", Cmp::Lt, 2),
        skill("go", Cmp::Eq, 3),
        skill("python", Cmp::Gt, 4),
        skill("postgresql", Cmp::Le, 5),
        Test::Rate {
            cmp: Cmp::Le,
            amount: 80,
            currency: None,
        },
        Test::Rate {
            cmp: Cmp::Gt,
            amount: 95,
            currency: None,
        },
        Test::Rate {
            cmp: Cmp::Eq,
            amount: 75,
            currency: None,
        },
        Test::Rate {
            cmp: Cmp::Lt,
            amount: 60,
            currency: Some("USD".into()),
        },
        Test::Avail {
            cmp: Cmp::Le,
            day: Day::FromToday(14),
        },
        Test::Avail {
            cmp: Cmp::Gt,
            day: Day::FromToday(30),
        },
        Test::Avail {
            cmp: Cmp::Le,
            day: Day::FromToday(0),
        },
        Test::TimeZone("europe/*".into()),
        Test::TimeZone("America/*".into()),
        Test::Country("portugal".into()),
        Test::City("lisbon".into()),
        Test::Tag("hot".into()),
        Test::Source(Source::Referral),
        Test::Stage(Stage::Screening),
        Test::Stage(Stage::Placed),
        Test::Engagement(EngagementId(3)),
        Test::Client("a".into()),
        Test::Submitted(None),
        Test::Placed(true),
        Test::Placed(false),
        Test::Waiting(true),
        Test::Waiting(false),
        Test::Margin {
            cmp: Cmp::Lt,
            percent: 20,
        },
        Test::Margin {
            cmp: Cmp::Ge,
            percent: 25,
        },
    ]
}

struct Fixture {
    _db: TempDb,
    data: Data,
    policy: Policy,
}

fn fixture() -> Fixture {
    let db = TempDb::new();
    let store = demo_store(&db, 3000, 12);
    let data = Data::load(&store).unwrap();
    Fixture {
        _db: db,
        data,
        policy: Policy::default(),
    }
}

fn indices(set: &fixedbitset::FixedBitSet) -> Vec<u32> {
    set.ones().map(|i| i as u32).collect()
}

#[test]
fn every_term_alone_and_negated_agrees_with_the_obvious_filter() {
    let f = fixture();
    let today = now().date_naive();
    let mut finder = Finder::build(&f.data, &f.policy, today);
    let mut matched_some = 0;
    for test in every_test() {
        for negated in [false, true] {
            let filter = Filter {
                groups: vec![Group {
                    any_of: vec![Term {
                        negated,
                        test: test.clone(),
                    }],
                }],
            };
            let fast = indices(&finder.select(&filter, &f.data, &f.policy, &NoWords));
            let slow = naive::select(&filter, &f.data, &f.policy, today);
            assert_eq!(fast, slow, "{test:?} negated {negated}");
            matched_some += usize::from(!negated && !fast.is_empty());
        }
    }
    // The demo data must exercise the terms, or agreeing proves little.
    assert!(
        matched_some >= every_test().len() - 4,
        "only {matched_some} terms matched anyone"
    );
}

#[test]
fn combined_filters_agree_with_the_obvious_filter_cached_or_not() {
    let f = fixture();
    let today = now().date_naive();
    let mut finder = Finder::build(&f.data, &f.policy, today);
    let tests = every_test();
    let mut rng = common::rng::TestRng::new(7);
    for round in 0..120 {
        let groups = (0..1 + rng.below(4))
            .map(|_| Group {
                any_of: (0..1 + rng.below(3))
                    .map(|_| Term {
                        negated: rng.below(4) == 0,
                        test: tests[rng.below(tests.len())].clone(),
                    })
                    .collect(),
            })
            .collect();
        let filter = Filter { groups };
        let fast = indices(&finder.select(&filter, &f.data, &f.policy, &NoWords));
        let slow = naive::select(&filter, &f.data, &f.policy, today);
        assert_eq!(fast, slow, "round {round}: {filter:?}");
    }
}

#[test]
fn the_daily_question_finds_only_people_who_fit_it() {
    let f = fixture();
    let today = now().date_naive();
    let filter = all_of(vec![
        Test::Role(RoleId::new("devops")),
        Test::Skill {
            skill: SkillId::new("kubernetes"),
            cmp: Cmp::Ge,
            level: Level::new(4).unwrap(),
        },
        Test::Rate {
            cmp: Cmp::Le,
            amount: 80,
            currency: None,
        },
        Test::Avail {
            cmp: Cmp::Le,
            day: Day::FromToday(14),
        },
        Test::TimeZone("Europe/*".into()),
    ]);
    let mut finder = Finder::build(&f.data, &f.policy, today);
    let found = indices(&finder.select(&filter, &f.data, &f.policy, &NoWords));
    assert!(
        !found.is_empty(),
        "the demo data has no one for the daily question"
    );
    for i in found {
        let c = &f.data.candidates()[i as usize];
        assert!(c.roles.contains(&RoleId::new("devops")), "{}", c.name);
        assert!(
            c.level(&SkillId::new("kubernetes")).get() >= 4,
            "{}",
            c.name
        );
        assert!(c.rate.as_ref().unwrap().min <= 80, "{}", c.name);
        assert!(c.location.timezone.starts_with("Europe/"), "{}", c.name);
    }
}
