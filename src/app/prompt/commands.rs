//! What the palette lists besides its search hits: the saved views whose
//! name matches the query, and the commands of a query starting with `:`
//! (the command line, `:` in any pane): `:2` or `:pipeline` goes to a
//! pane, `:e E3` opens an engagement, `:q` quits, `:help`, `:filter TEXT`
//! opens the filter line with the text, `:view NAME` applies a saved view,
//! `:delete ID` deletes a record entered by mistake (asking first),
//! `:erase C12` opens the erase prompt and `:import FILE` imports a file
//! (checking it, then asking).

use crate::app::Pane;
use crate::domain::text::fold;
use crate::domain::{Engagement, EngagementId};
use crate::filter::View;

/// A palette row that is not a search hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// `:filter TEXT`: the filter line, holding the text.
    Filter(String),
    /// A saved view, by name, with its filter's text.
    View {
        name: String,
        filter: String,
    },
    /// `:pipeline`, `:2`: a pane.
    Pane(Pane),
    /// `:e E3`: an engagement's pipeline; `:e` alone, the picker.
    Engagement(Option<(EngagementId, String)>),
    Quit,
    Help,
    /// `:delete C12` (E3, N5, CL2): the id as typed.
    Delete(String),
    /// `:erase C12`: the id as typed.
    Erase(String),
    /// `:import FILE [--from SYSTEM]`: as typed after the word.
    Import(String),
}

impl Entry {
    /// The kind column of the palette.
    pub fn kind(&self) -> &'static str {
        match self {
            Entry::View { .. } => "View",
            _ => "Command",
        }
    }

    pub fn label(&self) -> String {
        match self {
            Entry::Filter(text) if text.is_empty() => ":filter".into(),
            Entry::Filter(text) => format!(":filter {text}"),
            Entry::View { name, .. } => name.clone(),
            Entry::Pane(pane) => format!(":{}", pane_names(*pane)[0]),
            Entry::Engagement(None) => ":e ID".into(),
            Entry::Engagement(Some((id, _))) => format!(":e {id}"),
            Entry::Quit => ":q".into(),
            Entry::Help => ":help".into(),
            Entry::Delete(id) if id.is_empty() => ":delete ID".into(),
            Entry::Delete(id) => format!(":delete {id}"),
            Entry::Erase(id) if id.is_empty() => ":erase ID".into(),
            Entry::Erase(id) => format!(":erase {id}"),
            Entry::Import(file) if file.is_empty() => ":import FILE".into(),
            Entry::Import(file) => format!(":import {file}"),
        }
    }

    /// What Tab puts in the command line for this entry.
    pub fn completion(&self) -> String {
        match self {
            Entry::View { name, .. } => format!(":view {name}"),
            Entry::Engagement(None) => ":e ".into(),
            Entry::Filter(text) if text.is_empty() => ":filter ".into(),
            Entry::Delete(id) if id.is_empty() => ":delete ".into(),
            Entry::Erase(id) if id.is_empty() => ":erase ".into(),
            Entry::Import(file) if file.is_empty() => ":import ".into(),
            other => other.label(),
        }
    }

    pub fn detail(&self) -> String {
        match self {
            Entry::Filter(_) => "open the filter line with this filter".into(),
            Entry::View { filter, .. } if filter.is_empty() => "every candidate".into(),
            Entry::View { filter, .. } => filter.clone(),
            Entry::Pane(pane) => format!("the {} pane", pane.title()),
            Entry::Engagement(None) => {
                "open an engagement's pipeline (E3, or words of its title)".into()
            }
            Entry::Engagement(Some((_, title))) => title.clone(),
            Entry::Quit => "quit".into(),
            Entry::Help => "every key, and the filter language".into(),
            Entry::Delete(_) => {
                "delete what was entered by mistake: C12, E3, N5 or CL2 (asks first; u undoes)"
                    .into()
            }
            Entry::Erase(_) => {
                "erase a person's data for good (admins: a reason and the id typed back)".into()
            }
            Entry::Import(_) => "import a file: candidates, or another system's applications \
                 (checked first; asks before writing)"
                .into(),
        }
    }
}

/// The names a pane answers to after `:`, its own first.
pub fn pane_names(pane: Pane) -> Vec<String> {
    let mut names = vec![fold(pane.title()), fold(pane.short_title())];
    if pane == Pane::Home {
        names.insert(0, "home".into());
    }
    names.dedup();
    names
}

/// Whether the query is a command rather than a search.
pub fn is_command(query: &str) -> bool {
    query.trim_start().starts_with(':')
}

/// The rows `query` lists before the search's hits: the commands it names
/// (a `:` query), else the views whose name holds it.
pub fn entries(query: &str, views: &[View], engagements: &[Engagement]) -> Vec<Entry> {
    let query = query.trim();
    let Some(command) = query.strip_prefix(':') else {
        if query.is_empty() {
            return Vec::new();
        }
        return views_named(query, views);
    };
    let (word, rest) = command.split_once(' ').unwrap_or((command, ""));
    let (word, rest) = (fold(word), rest.trim());
    if let Ok(number) = word.parse::<usize>() {
        return Pane::ALL
            .get(number)
            .map(|p| Entry::Pane(*p))
            .into_iter()
            .collect();
    }
    let named = |names: &[&str]| names.iter().any(|n| n.starts_with(&word));
    let mut found = Vec::new();
    if rest.is_empty() {
        let panes = Pane::ALL
            .iter()
            .filter(|p| pane_names(**p).iter().any(|n| n.starts_with(&word)));
        found.extend(panes.map(|p| Entry::Pane(*p)));
    }
    if named(&["e", "engagement"]) {
        found.extend(engagements_named(rest, engagements));
    }
    if rest.is_empty() && named(&["q", "quit"]) {
        found.push(Entry::Quit);
    }
    if rest.is_empty() && named(&["help"]) {
        found.push(Entry::Help);
    }
    if named(&["filter"]) {
        found.push(Entry::Filter(rest.to_string()));
    }
    if named(&["view"]) {
        found.extend(views_named(rest, views));
    }
    if named(&["delete"]) {
        found.push(Entry::Delete(rest.to_string()));
    }
    // `:e` is the engagement's.
    if word != "e" && named(&["erase"]) {
        found.push(Entry::Erase(rest.to_string()));
    }
    if named(&["import"]) {
        found.push(Entry::Import(rest.to_string()));
    }
    found
}

/// `:e E3`, `:e 3`: that engagement; `:e acme`: those whose id, title or
/// client holds the words; `:e` alone: the picker.
fn engagements_named(rest: &str, engagements: &[Engagement]) -> Vec<Entry> {
    if rest.is_empty() {
        return vec![Entry::Engagement(None)];
    }
    let wanted = fold(rest);
    let id = wanted.strip_prefix('e').unwrap_or(&wanted);
    let entry = |e: &Engagement| Entry::Engagement(Some((e.id, e.title.clone())));
    if let Some(exact) = engagements.iter().find(|e| e.id.0.to_string() == id) {
        return vec![entry(exact)];
    }
    let holds = |e: &Engagement| {
        let text = fold(&format!("{} {}", e.id, e.title));
        wanted.split_whitespace().all(|w| text.contains(w))
    };
    engagements.iter().filter(|e| holds(e)).map(entry).collect()
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
        entries(query, &default_views(), &[])
            .iter()
            .map(Entry::label)
            .collect()
    }

    #[test]
    fn a_colon_lists_every_command_and_every_view() {
        let all = labels(":");
        assert!(all.contains(&":filter".to_string()) && all.contains(&":q".to_string()));
        assert_eq!(all.len(), Pane::ALL.len() + 7 + default_views().len());
        assert_eq!(labels(":filter role:devops"), [":filter role:devops"]);
        assert_eq!(labels(":view DevOps"), ["devops bench"]);
        assert_eq!(labels(":v devops"), ["devops bench"]);
        assert_eq!(labels(":2"), [":pipeline"]);
        assert_eq!(labels(":log"), [":activity"]);
        assert_eq!(labels(":e"), [":e ID"]);
        assert_eq!(labels(":er c12"), [":erase c12"]);
        assert_eq!(labels(":delete N5"), [":delete N5"]);
        assert_eq!(labels(":im a.csv"), [":import a.csv"]);
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
