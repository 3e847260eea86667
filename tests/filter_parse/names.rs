//! Every name the language knows reads back as itself: each catalog
//! role and skill by its id, name and every alias; each stage and source
//! by the word the printer writes; each field's example and help line.

use crate::filter;
use hireterm::catalog::Catalog;
use hireterm::domain::{Source, Stage};
use hireterm::filter::{FIELDS, Test, help_lines};

/// `text` in quotes, as a value with spaces is written.
fn quoted(text: &str) -> String {
    format!("\"{text}\"")
}

#[test]
fn every_role_answers_to_every_name() {
    for role in Catalog::builtin().roles() {
        let names = [role.id.as_str(), role.name.as_str()];
        for name in names
            .into_iter()
            .chain(role.aliases.iter().map(String::as_str))
        {
            let parsed = filter(&format!("role:{}", quoted(name)));
            assert_eq!(
                parsed.groups[0].any_of[0].test,
                Test::Role(role.id.clone()),
                "{name}"
            );
            assert_eq!(parsed.to_string(), format!("role:{}", role.id), "{name}");
        }
    }
}

#[test]
fn every_skill_answers_to_every_name() {
    for skill in Catalog::builtin().skills() {
        let names = [skill.id.as_str(), skill.name.as_str()];
        for name in names
            .into_iter()
            .chain(skill.aliases.iter().map(String::as_str))
        {
            let parsed = filter(&format!("skill:{}>=2", quoted(name)));
            let printed = format!("skill:{}>=2", skill.id);
            assert_eq!(parsed.to_string(), printed, "{name}");
            assert_eq!(filter(&printed), parsed, "{name}");
        }
    }
}

#[test]
fn every_stage_and_source_prints_as_it_parses() {
    for stage in Stage::ALL {
        let printed = filter(&format!("stage:{}", quoted(stage.label()))).to_string();
        assert_eq!(
            filter(&printed).groups[0].any_of[0].test,
            Test::Stage(stage)
        );
    }
    for source in Source::ALL {
        let printed = filter(&format!("source:{}", quoted(source.label()))).to_string();
        assert!(!printed.contains('"'), "{printed}");
        assert_eq!(
            filter(&printed).groups[0].any_of[0].test,
            Test::Source(source)
        );
    }
}

#[test]
fn every_field_example_and_help_line_parses() {
    for field in FIELDS {
        let parsed = filter(field.example);
        assert_eq!(filter(&parsed.to_string()), parsed, "{}", field.example);
    }
    for (example, _) in help_lines() {
        let parsed = filter(&example);
        assert_eq!(filter(&parsed.to_string()), parsed, "{example}");
    }
}
