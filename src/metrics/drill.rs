//! The filter text a report's row drills down to: the candidates behind
//! the number, as near as the filter language (`crate::filter`) can say
//! it. It names candidates by where they stand now, so a row such as
//! "entered Screening in May" drills to those in its scope now at
//! Screening. Written here as the filter prints its terms (a test checks
//! that each parses), since the reports sit below the filter.

use super::input::{Records, Scope};
use crate::domain::text::clean_line;
use crate::domain::{EngagementId, Source, Stage};

/// `stage:screening`: the first word of the stage's label.
pub fn stage_term(stage: Stage) -> String {
    let label = stage.label();
    let word = label.split(' ').next().unwrap_or(label);
    format!("stage:{}", word.to_lowercase())
}

/// `source:job-board`: the label, a hyphen for a space.
pub fn source_term(source: Source) -> String {
    format!("source:{}", source.label().replace(' ', "-"))
}

pub fn engagement_term(id: EngagementId) -> String {
    format!("engagement:{id}")
}

/// `client:acme`, `client:"Acme Corp"`: the pipelines of the client's
/// engagements.
pub fn client_term(name: &str) -> String {
    format!("client:{}", value(&clean_line(name)))
}

/// The scope as a term: a client's or an engagement's; a recruiter's
/// engagements have none (the filter does not know owners).
pub fn scope_term(scope: &Scope, records: &Records) -> Option<String> {
    match scope {
        Scope::All | Scope::Recruiter(_) => None,
        Scope::Client(id) => records.client(*id).map(|c| client_term(&c.name)),
        Scope::Engagement(id) => Some(engagement_term(*id)),
    }
}

/// The terms there are, side by side (all must hold); `None` for none.
pub fn join(terms: impl IntoIterator<Item = Option<String>>) -> Option<String> {
    let terms: Vec<String> = terms.into_iter().flatten().collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// A value bare unless it is empty or holds white space or a quote; then
/// quoted, its quotes and backslashes escaped.
fn value(text: &str) -> String {
    let plain = !text.is_empty() && !text.chars().any(|c| c.is_whitespace() || c == '"');
    if plain {
        return text.to_string();
    }
    let mut out = String::from('"');
    for c in text.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_written_as_the_filter_prints_them() {
        assert_eq!(stage_term(Stage::TechnicalInterview), "stage:technical");
        assert_eq!(source_term(Source::JobBoard), "source:job-board");
        assert_eq!(client_term("Acme"), "client:Acme");
        assert_eq!(
            client_term("Acme \"Big\" Corp"),
            r#"client:"Acme \"Big\" Corp""#
        );
        assert_eq!(
            join([None, Some("a:b".into()), Some("c:d".into())]),
            Some("a:b c:d".into())
        );
        assert_eq!(join([None]), None);
    }
}
