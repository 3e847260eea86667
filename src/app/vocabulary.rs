//! What the filter line completes values from: roles and skills in the
//! catalog (by id, name or alias), and the tags, clients, places, time
//! zones and engagements on record; stages, sources and yes/no. Worked out
//! when Tab is pressed, not per keystroke.

use super::prompt::complete::{Choice, Vocabulary, written};
use super::records::data::Data;
use crate::catalog::Catalog;
use crate::domain::{Source, Stage};
use crate::filter::FIELDS;
use std::collections::BTreeSet;

/// The catalog and one snapshot of the records.
pub struct Known<'a> {
    pub catalog: &'a Catalog,
    pub data: &'a Data,
}

impl Vocabulary for Known<'_> {
    fn catalog(&self) -> &Catalog {
        self.catalog
    }

    fn values(&self, field: &str) -> Vec<Choice> {
        match field {
            "role" => self.roles(),
            "skill" => self.skills(),
            "tag" => self.distinct(|c| c.tags.clone()),
            "country" => self.distinct(|c| vec![c.location.country.clone()]),
            "city" => self.distinct(|c| vec![c.location.city.clone()]),
            "tz" => self.time_zones(),
            "client" => self.clients(),
            "submitted" => {
                let any = Choice::plain("any", "submitted to any client");
                std::iter::once(any).chain(self.clients()).collect()
            }
            "engagement" => self.engagements(),
            "stage" => Stage::ALL.into_iter().map(stage).collect(),
            "source" => Source::ALL.into_iter().map(source).collect(),
            field if takes_yes_or_no(field) => {
                vec![Choice::plain("yes", ""), Choice::plain("no", "")]
            }
            _ => Vec::new(),
        }
    }
}

impl Known<'_> {
    fn roles(&self) -> Vec<Choice> {
        let roles = self.catalog.roles().iter();
        roles
            .map(|r| named(r.id.as_str(), &r.name, &r.aliases))
            .collect()
    }

    fn skills(&self) -> Vec<Choice> {
        let skills = self.catalog.skills().iter();
        skills
            .map(|s| named(s.id.as_str(), &s.name, &s.aliases))
            .collect()
    }

    /// Every value `of` gives for some candidate, each once, sorted.
    fn distinct(&self, of: impl Fn(&crate::domain::Candidate) -> Vec<String>) -> Vec<Choice> {
        let all: BTreeSet<String> = self.data.candidates().iter().flat_map(of).collect();
        let shown = all.into_iter().filter(|v| !v.trim().is_empty());
        shown.map(|v| value(&v, String::new())).collect()
    }

    /// The regions (`Europe/*`) first, then every zone on record.
    fn time_zones(&self) -> Vec<Choice> {
        let zones = self.distinct(|c| vec![c.location.timezone.clone()]);
        let regions: BTreeSet<String> = zones
            .iter()
            .filter_map(|z| Some(format!("{}/*", z.text.split_once('/')?.0)))
            .collect();
        let regions = regions
            .into_iter()
            .map(|r| Choice::plain(r, "every zone in it"));
        regions.chain(zones).collect()
    }

    fn clients(&self) -> Vec<Choice> {
        let clients = self.data.agency().clients().iter();
        clients.map(|c| value(&c.name, c.id.to_string())).collect()
    }

    fn engagements(&self) -> Vec<Choice> {
        let engagements = self.data.engagements().iter();
        engagements
            .map(|e| Choice::plain(e.id.to_string(), e.title.clone()))
            .collect()
    }
}

/// A catalog entry: its id put in, found by its id, name or any alias.
fn named(id: &str, name: &str, aliases: &[String]) -> Choice {
    let keys = [id.to_string(), name.to_string()];
    Choice {
        text: written(id),
        detail: name.to_string(),
        keys: keys.into_iter().chain(aliases.iter().cloned()).collect(),
    }
}

/// A value on record: written as a filter needs it (quoted when it holds
/// a space), found by itself.
fn value(value: &str, detail: String) -> Choice {
    Choice {
        text: written(value),
        detail,
        keys: vec![value.to_string()],
    }
}

/// How a filter writes a stage: the first word of its label.
fn stage(stage: Stage) -> Choice {
    let label = stage.label();
    let word = label.split(' ').next().unwrap_or(label).to_lowercase();
    Choice::plain(word, label)
}

/// How a filter writes a source: its label, a hyphen for a space.
fn source(source: Source) -> Choice {
    Choice::plain(source.label().replace(' ', "-"), "")
}

/// A field whose example is `field:yes` or `field:no` (`placed`).
fn takes_yes_or_no(field: &str) -> bool {
    FIELDS
        .iter()
        .any(|f| f.name == field && matches!(f.example.split_once(':'), Some((_, "yes" | "no"))))
}
