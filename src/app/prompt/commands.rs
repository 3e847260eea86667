//! What the palette lists besides its search hits: the saved views whose
//! name matches the query, and the commands a query starting with `:`
//! names (`:filter TEXT` opens the filter line with the text, `:view
//! NAME` applies a saved view).

use crate::domain::text::fold;
use crate::filter::View;

/// A palette row that is not a search hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// `:filter TEXT`: the filter line, holding the text.
    Filter(String),
    /// A saved view, by name, with its filter's text.
    View { name: String, filter: String },
}

impl Entry {
    /// The kind column of the palette.
    pub fn kind(&self) -> &'static str {
        match self {
            Entry::Filter(_) => "Command",
            Entry::View { .. } => "View",
        }
    }

    pub fn label(&self) -> String {
        match self {
            Entry::Filter(text) if text.is_empty() => ":filter".into(),
            Entry::Filter(text) => format!(":filter {text}"),
            Entry::View { name, .. } => name.clone(),
        }
    }

    pub fn detail(&self) -> String {
        match self {
            Entry::Filter(_) => "open the filter line with this filter".into(),
            Entry::View { filter, .. } if filter.is_empty() => "every candidate".into(),
            Entry::View { filter, .. } => filter.clone(),
        }
    }
}

/// Whether the query is a command rather than a search.
pub fn is_command(query: &str) -> bool {
    query.trim_start().starts_with(':')
}

/// The rows `query` lists before the search's hits: the commands it names
/// (a `:` query), else the views whose name holds it.
pub fn entries(query: &str, views: &[View]) -> Vec<Entry> {
    let query = query.trim();
    let Some(command) = query.strip_prefix(':') else {
        if query.is_empty() {
            return Vec::new();
        }
        return views_named(query, views);
    };
    let (word, rest) = command.split_once(' ').unwrap_or((command, ""));
    let (word, rest) = (fold(word), rest.trim());
    let mut found = Vec::new();
    if "filter".starts_with(&word) {
        found.push(Entry::Filter(rest.to_string()));
    }
    if "view".starts_with(&word) {
        found.extend(views_named(rest, views));
    }
    found
}

/// The views whose folded name holds `query` folded (every view for an
/// empty one).
fn views_named(query: &str, views: &[View]) -> Vec<Entry> {
    let wanted = fold(query);
    let named = views.iter().filter(|v| fold(&v.name).contains(&wanted));
    named
        .map(|v| Entry::View {
            name: v.name.clone(),
            filter: v.filter.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::default_views;

    fn labels(query: &str) -> Vec<String> {
        entries(query, &default_views())
            .iter()
            .map(Entry::label)
            .collect()
    }

    #[test]
    fn a_colon_lists_the_commands_and_every_view() {
        let all = labels(":");
        assert_eq!(all[0], ":filter");
        assert_eq!(all.len(), 1 + default_views().len());
        assert_eq!(labels(":filter role:devops"), [":filter role:devops"]);
        assert_eq!(labels(":view DevOps"), ["devops bench"]);
        assert_eq!(labels(":v devops"), ["devops bench"]);
        assert!(labels(":nope").is_empty());
    }

    #[test]
    fn a_search_lists_the_views_its_words_name() {
        assert_eq!(labels("bench"), ["devops bench"]);
        assert!(labels("").is_empty());
        assert!(labels("kubernetes").is_empty());
        assert!(is_command(" :view x") && !is_command("view"));
    }
}
