//! Fields that hold entries of the catalog (roles, skills), picked by
//! fuzzy completion: typing shows the best matches, a key takes the
//! highlighted one, and a skill then asks for its level (and, for an
//! engagement's requirement, whether it is a must or a nice to have).

use crate::catalog::Catalog;
use crate::domain::text::fold;
use crate::domain::{Level, Priority};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// How many completions the list shows.
pub const SHOWN: usize = 5;
/// A name typed in full (or an alias such as `k8s`) goes first.
const EXACT_BONUS: i64 = 1000;
const PREFIX_BONUS: i64 = 100;

/// Which list a field picks from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Roles,
    Skills,
    /// The clients on file (by id and name).
    Clients,
}

/// What the picks fields complete from: the catalog, and the clients on
/// file as (id, name).
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    pub catalog: &'a Catalog,
    pub clients: &'a [(String, String)],
}

impl<'a> Sources<'a> {
    /// The catalog alone (no clients to pick).
    pub fn catalog(catalog: &'a Catalog) -> Sources<'a> {
        Sources {
            catalog,
            clients: &[],
        }
    }
}

/// What a pick needs after its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asks {
    Nothing,
    Level,
    LevelAndPriority,
}

/// One catalog entry in a field: its id and display name, and what the
/// user has said about it so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    pub id: String,
    pub name: String,
    pub level: Option<u8>,
    pub priority: Option<Priority>,
}

impl Pick {
    /// A stored entry as the form shows it (names cleaned for the screen).
    pub fn new(id: &str, name: &str, level: Option<Level>) -> Pick {
        Pick {
            id: id.to_string(),
            name: crate::domain::text::clean_line(name),
            level: level.map(Level::get),
            priority: None,
        }
    }
}

/// A catalog entry offered for the text typed so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picks {
    pub source: Source,
    pub asks: Asks,
    /// At most this many picks; taking one more replaces the last.
    pub max: usize,
    pub chosen: Vec<Pick>,
    /// The best matches for the text typed, best first.
    pub matches: Vec<Completion>,
    pub highlighted: usize,
}

/// What the pick waiting for input needs next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    Level(usize),
    Priority(usize),
}

impl Picks {
    pub fn new(source: Source, asks: Asks, max: usize, chosen: Vec<Pick>) -> Picks {
        Picks {
            source,
            asks,
            max,
            chosen,
            matches: Vec::new(),
            highlighted: 0,
        }
    }

    /// The first pick still waiting for its level or priority.
    pub fn waiting(&self) -> Option<Waiting> {
        self.chosen.iter().enumerate().find_map(|(i, pick)| {
            match (self.asks, pick.level, pick.priority) {
                (Asks::Nothing, ..) => None,
                (_, None, _) => Some(Waiting::Level(i)),
                (Asks::LevelAndPriority, Some(_), None) => Some(Waiting::Priority(i)),
                _ => None,
            }
        })
    }

    /// Recomputes the completions for `query`.
    pub fn refresh(&mut self, sources: &Sources, query: &str) {
        self.matches = complete(sources, self.source, query, SHOWN);
        self.highlighted = 0;
    }

    pub fn is_open(&self) -> bool {
        !self.matches.is_empty()
    }

    pub fn step(&mut self, step: isize) {
        let count = self.matches.len() as isize;
        if count > 0 {
            self.highlighted = (self.highlighted as isize + step).rem_euclid(count) as usize;
        }
    }

    /// Takes the highlighted completion; a skill taken again is asked
    /// for its level again.
    pub fn take_highlighted(&mut self) -> Option<String> {
        let taken = self.matches.get(self.highlighted)?.clone();
        self.chosen.retain(|p| p.id != taken.id);
        if self.chosen.len() >= self.max {
            self.chosen.pop();
        }
        self.chosen.push(Pick {
            id: taken.id,
            name: taken.name.clone(),
            level: None,
            priority: None,
        });
        self.matches.clear();
        self.highlighted = 0;
        Some(taken.name)
    }

    /// A key typed while a pick waits: a level digit, or `m`/`n` for must
    /// or nice. `Err` says what was expected.
    pub fn answer(&mut self, c: char) -> Result<(), String> {
        match self.waiting() {
            Some(Waiting::Level(i)) => {
                let level = c.to_digit(10).filter(|d| *d <= 5).ok_or_else(|| {
                    format!("the level of {} is a digit 0-5", self.chosen[i].name)
                })?;
                self.chosen[i].level = Some(level as u8);
            }
            Some(Waiting::Priority(i)) => {
                self.chosen[i].priority = Some(match c {
                    'm' | 'M' => Priority::Must,
                    'n' | 'N' => Priority::Nice,
                    _ => {
                        return Err(format!(
                            "{}: m for a must, n for a nice to have",
                            self.chosen[i].name
                        ));
                    }
                })
            }
            None => {}
        }
        Ok(())
    }

    /// What is missing, worded for the field's error.
    pub fn problem(&self) -> Option<String> {
        match self.waiting()? {
            Waiting::Level(i) => Some(format!("level of {} missing (0-5)", self.chosen[i].name)),
            Waiting::Priority(i) => Some(format!(
                "{}: m must or n nice to have?",
                self.chosen[i].name
            )),
        }
    }
}

/// The catalog entries that best match `query`, best first: each entry
/// scores its best term (id, name or alias) with fuzzy-matcher's Skim
/// algorithm, an exact or prefix match earning a bonus.
pub fn complete(sources: &Sources, source: Source, query: &str, limit: usize) -> Vec<Completion> {
    let catalog = sources.catalog;
    let query = fold(query.trim());
    if query.is_empty() {
        return Vec::new();
    }
    let matcher = SkimMatcherV2::default();
    let entries: Vec<(&str, &str, &[String])> = match source {
        Source::Roles => catalog
            .roles()
            .iter()
            .map(|r| (r.id.as_str(), r.name.as_str(), r.aliases.as_slice()))
            .collect(),
        Source::Skills => catalog
            .skills()
            .iter()
            .map(|s| (s.id.as_str(), s.name.as_str(), s.aliases.as_slice()))
            .collect(),
        Source::Clients => sources
            .clients
            .iter()
            .map(|(id, name)| (id.as_str(), name.as_str(), &[][..]))
            .collect(),
    };
    let mut scored: Vec<(i64, &str, &str)> = entries
        .into_iter()
        .filter_map(|(id, name, aliases)| {
            let terms = [id, name]
                .into_iter()
                .chain(aliases.iter().map(String::as_str));
            let best = terms
                .filter_map(|term| score(&matcher, &fold(term), &query))
                .max()?;
            Some((best, id, name))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.2.cmp(b.2)));
    scored
        .into_iter()
        .take(limit)
        .map(|(_, id, name)| Completion {
            id: id.to_string(),
            name: name.to_string(),
        })
        .collect()
}

fn score(matcher: &SkimMatcherV2, term: &str, query: &str) -> Option<i64> {
    let base = matcher.fuzzy_match(term, query)?;
    let bonus = if term == query {
        EXACT_BONUS
    } else if term.starts_with(query) {
        PREFIX_BONUS
    } else {
        0
    };
    Some(base + bonus)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(source: Source, query: &str) -> Vec<String> {
        complete(&Sources::catalog(Catalog::builtin()), source, query, SHOWN)
            .into_iter()
            .map(|c| c.name)
            .collect()
    }

    #[test]
    fn aliases_and_gaps_find_the_entry() {
        assert_eq!(names(Source::Skills, "kube")[0], "Kubernetes");
        assert_eq!(names(Source::Skills, "k8s")[0], "Kubernetes");
        assert_eq!(names(Source::Skills, "postgres")[0], "PostgreSQL");
        assert_eq!(names(Source::Roles, "sre")[0], "DevOps Developer");
        assert!(names(Source::Skills, "  ").is_empty());
    }

    #[test]
    fn a_taken_skill_waits_for_its_level_then_its_priority() {
        let mut picks = Picks::new(Source::Skills, Asks::LevelAndPriority, 10, Vec::new());
        picks.refresh(&Sources::catalog(Catalog::builtin()), "kube");
        assert_eq!(picks.take_highlighted().as_deref(), Some("Kubernetes"));
        assert_eq!(picks.waiting(), Some(Waiting::Level(0)));
        assert!(picks.answer('7').is_err());
        assert_eq!(picks.answer('4'), Ok(()));
        assert_eq!(picks.waiting(), Some(Waiting::Priority(0)));
        assert!(picks.answer('x').is_err());
        assert_eq!(picks.answer('m'), Ok(()));
        assert_eq!(picks.waiting(), None);
        assert_eq!(picks.chosen[0].level, Some(4));
        assert_eq!(picks.chosen[0].priority, Some(Priority::Must));
    }

    #[test]
    fn a_single_pick_is_replaced() {
        let mut picks = Picks::new(Source::Roles, Asks::Nothing, 1, Vec::new());
        picks.refresh(&Sources::catalog(Catalog::builtin()), "dba");
        picks.take_highlighted();
        picks.refresh(&Sources::catalog(Catalog::builtin()), "sre");
        picks.take_highlighted();
        assert_eq!(picks.chosen.len(), 1);
        assert_eq!(picks.chosen[0].id, "devops");
    }
}
