//! Values looked up in a list of known names: roles and skills in the
//! catalog (any alias), stages as the CLI names them, sources as the
//! importer does. An unknown name gets the nearest known one suggested.

use super::Test;
use super::error::ParseError;
use super::format::{name, source_word, stage_word};
use super::lex::text_of;
use super::measure;
use super::suggest::nearest;
use super::written::{FieldTerm, fold};
use crate::catalog::Catalog;
use crate::domain::{Source, Stage};
use crate::interchange::pipeline_in::stage_named;
use crate::interchange::row;
use std::ops::Range;

pub(crate) fn role(term: &FieldTerm, catalog: &Catalog) -> Result<Test, ParseError> {
    let typed = term.value_text();
    match catalog.find_role(&typed) {
        Some(role) => Ok(Test::Role(role.id.clone())),
        None => {
            let roles = catalog.roles().iter();
            let known = roles.flat_map(|r| names(r.id.as_str(), &r.name, &r.aliases));
            Err(unknown(
                term.value_span.clone(),
                &typed,
                "role",
                known.collect(),
            ))
        }
    }
}

/// `skill:k8s`, `skill:k8s>=4`: the name up to the first comparison sign,
/// then the level's comparison.
pub(crate) fn skill(term: &FieldTerm, catalog: &Catalog) -> Result<Test, ParseError> {
    let sign = |c: char| matches!(c, '<' | '>' | '=');
    let at = term.value.iter().position(|p| !p.quoted && sign(p.ch));
    let (written_name, comparison) = term.value.split_at(at.unwrap_or(term.value.len()));
    let name_end = comparison.first().map_or(term.value_span.end, |p| p.at);
    let typed = text_of(written_name);
    if fold(&typed).is_empty() {
        let head = term.written(term.head.start..name_end);
        let message = format!("`{head}` needs a skill before the level, such as `skill:k8s>=4`");
        return Err(ParseError::new(term.whole(), message));
    }
    let Some(skill) = catalog.find_skill(&typed) else {
        let skills = catalog.skills().iter();
        let known = skills.flat_map(|s| names(s.id.as_str(), &s.name, &s.aliases));
        let span = term.value_span.start..name_end;
        return Err(unknown(span, &typed, "skill", known.collect()));
    };
    let (cmp, level) = measure::level(term, comparison)?;
    Ok(Test::Skill {
        skill: skill.id.clone(),
        cmp,
        level,
    })
}

/// A stage as `hireterm pipeline` and the pipeline importer name it.
pub(crate) fn stage(term: &FieldTerm) -> Result<Test, ParseError> {
    let typed = term.value_text();
    stage_named(&typed).map(Test::Stage).map_err(|message| {
        let words: Vec<String> = Stage::ALL.into_iter().map(stage_word).collect();
        let suggestion = nearest(&typed, words.iter().map(String::as_str));
        ParseError::new(term.value_span.clone(), message).suggesting(suggestion)
    })
}

/// A source as the importer names it (`job board`, `jobboard`,
/// `job-board` alike).
pub(crate) fn source(term: &FieldTerm) -> Result<Test, ParseError> {
    let typed = term.value_text();
    row::source(&typed).map(Test::Source).map_err(|_| {
        let words: Vec<String> = Source::ALL.into_iter().map(source_word).collect();
        let message = format!("`{}` is not a source: {}", typed.trim(), words.join(", "));
        let suggestion = nearest(&typed, words.iter().map(String::as_str));
        ParseError::new(term.value_span.clone(), message).suggesting(suggestion)
    })
}

/// Every name a catalog entry answers to, in lower case.
fn names<'a>(id: &'a str, name: &'a str, aliases: &'a [String]) -> Vec<String> {
    let all = [id, name]
        .into_iter()
        .chain(aliases.iter().map(String::as_str));
    all.map(str::to_lowercase).collect()
}

/// "`kubernets` is not a skill; did you mean `kubernetes`?"
fn unknown(span: Range<usize>, typed: &str, kind: &str, known: Vec<String>) -> ParseError {
    let suggestion = nearest(typed, known.iter().map(String::as_str)).map(|n| name(&n));
    let message = format!("`{}` is not a {kind}", typed.trim());
    ParseError::new(span, message).suggesting(suggestion)
}
