//! Records of another system's JSON export (the objects its API answers
//! with, nested as they come) put through a layout by dotted path:
//! `email_addresses[0].value`, matched as written, with any index
//! (`email_addresses[*].value`) or under a prefix (`custom_fields.*`).
//! Each path is looked up once per file; a path no layout knows is kept
//! as a custom field named by the path.

use super::columns::fold_header;
use super::fields::{Place, Row};
use super::json_tree::{Node, leaves, under_key};
use super::layout::{FileKind, PathMatch, without_indexes};
use super::layouts;
use super::mapped_row::Building;
use super::mapping::{Mapping, Slot, Taken, pick};
use super::report::ColumnOptions;
use super::summary::{ColumnUse, Mapped};
use super::target::Target;
use crate::domain::text::clean_line;
use std::collections::{HashMap, HashSet};

/// The mapping of one JSON file's records, filled in as paths turn up.
pub struct JsonRows {
    mapping: Mapping,
    slots: HashMap<String, Slot>,
    /// Paths (any index) already in the summary.
    listed: HashSet<String>,
    taken: Taken,
    /// `--drop`, folded.
    drop: Vec<String>,
}

impl JsonRows {
    /// The mapping for a file whose first record is `first`: the layout
    /// given, else the one that recognises its paths, else the generic.
    pub fn new(first: &Node, options: &ColumnOptions) -> JsonRows {
        let paths: Vec<String> = paths_of(first).iter().map(|p| without_indexes(p)).collect();
        let (layout, given, chosen) = pick(&paths, options, FileKind::Json);
        JsonRows {
            mapping: Mapping::lenient(layout, given, chosen),
            slots: HashMap::new(),
            listed: HashSet::new(),
            taken: Taken::default(),
            drop: options.drop.iter().map(|d| fold_header(d)).collect(),
        }
    }

    /// A record as a row.
    pub fn row(&mut self, record: &Node, line: u64) -> Row {
        let root = Place {
            line,
            column: 1,
            name: "".into(),
        };
        let mut found = Vec::new();
        self.walk(record, &mut String::new(), &root, &mut found);
        let cells: Vec<(Slot, Place, String)> = found
            .into_iter()
            .map(|(key, place, text)| {
                let slot = match key {
                    Key::Path(path) => self.slot(&path, text),
                    Key::Pair(list, name) => self.pair(&list, &name, text),
                };
                (slot, place, text.to_string())
            })
            .collect();
        let mut building = Building::new(&self.mapping, line);
        for (slot, place, text) in cells {
            building.cell(&slot, place, text);
        }
        building.finish()
    }

    /// Like `json_tree::leaves`, but a list the layout keeps as custom
    /// fields (`"customFields[*]" = "custom"`) whose items are pairs
    /// (`{"title": "Clearance", "value": "Secret"}`) gives one custom
    /// field per item, named by its title.
    fn walk<'n>(
        &self,
        node: &'n Node,
        path: &mut String,
        place: &Place,
        out: &mut Vec<(Key, Place, &'n str)>,
    ) {
        match node {
            Node::List(items) => self.walk_list(items, path, place, out),
            Node::Map(entries) => {
                for (key, key_place, value) in entries {
                    under_key(path, key, key_place, |path, named| {
                        self.walk(value, path, named, out)
                    });
                }
            }
            scalar => {
                let mut found = Vec::new();
                leaves(scalar, path, place, &mut found);
                out.extend(
                    found
                        .into_iter()
                        .map(|(p, at, text)| (Key::Path(p), at, text)),
                );
            }
        }
    }

    /// A list's items, each a pair when the layout keeps the list's
    /// pairs, else walked as any value under `path[index]`.
    fn walk_list<'n>(
        &self,
        items: &'n [Node],
        path: &mut String,
        place: &Place,
        out: &mut Vec<(Key, Place, &'n str)>,
    ) {
        let pairs = self.keeps_pairs(path);
        for (index, item) in items.iter().enumerate() {
            if let Some((name, at, value)) = pair(item).filter(|_| pairs) {
                out.push((Key::Pair(path.clone(), name.to_string()), at.clone(), value));
                continue;
            }
            let len = path.len();
            path.push_str(&format!("[{index}]"));
            self.walk(item, path, place, out);
            path.truncate(len);
        }
    }

    /// Whether the layout keeps the list at `path` as custom fields.
    fn keeps_pairs(&self, path: &str) -> bool {
        let key = format!("{}[*]", without_indexes(path));
        let found = self.mapping.layout().and_then(|l| l.path(&key));
        matches!(
            found,
            Some(PathMatch {
                target: Target::Custom(None),
                rest: None
            })
        )
    }

    /// The slot of a pair's custom field, named by its title.
    fn pair(&mut self, list: &str, name: &str, value: &str) -> Slot {
        let key = format!("{list}\u{0}{name}");
        if let Some(slot) = self.slots.get(&key) {
            return slot.clone();
        }
        let unique = self.taken.custom_name(&clean_line(name));
        let pattern = format!("{}[*]", without_indexes(list));
        if self.listed.insert(pattern.clone()) {
            self.mapping.summary.columns.push(ColumnUse {
                header: clean_line(&pattern),
                target: Target::Custom(None).to_string(),
                note: Some("each item a custom field, named by its title".into()),
                sample: Some(format!("{name}: {value}")),
            });
        }
        let slot = Slot::Custom(unique.into());
        self.slots.insert(key, slot.clone());
        slot
    }

    pub fn summary(&self) -> &Mapped {
        &self.mapping.summary
    }

    /// The slot of `path`, looked up the first time it is met.
    fn slot(&mut self, path: &str, sample: &str) -> Slot {
        if let Some(slot) = self.slots.get(path) {
            return slot.clone();
        }
        let (slot, target, note) = self.resolve(path);
        let pattern = without_indexes(path);
        if self.listed.insert(pattern.clone()) {
            self.mapping.summary.columns.push(ColumnUse {
                header: clean_line(&pattern),
                target: target.to_string(),
                note,
                sample: Some(sample.to_string()),
            });
        }
        self.slots.insert(path.to_string(), slot.clone());
        slot
    }

    fn resolve(&mut self, path: &str) -> (Slot, Target, Option<String>) {
        let any_index = fold_header(&without_indexes(path));
        if self
            .drop
            .iter()
            .any(|d| *d == fold_header(path) || *d == any_index)
        {
            return (Slot::Drop, Target::Drop, Some("--drop".into()));
        }
        let layout = self.mapping.layout().and_then(|l| l.path(path));
        let found = layout.or_else(|| layouts::spreadsheet(FileKind::Json).path(path));
        let target = match found {
            Some(PathMatch {
                target: Target::Custom(None),
                rest: Some(rest),
            }) => Target::Custom(Some(rest)),
            Some(found) => found.target,
            None if !path.contains(['.', '[']) => self.mapping.target_of(path),
            None => Target::Custom(None),
        };
        match target {
            Target::Custom(named) => {
                let by_path = clean_line(path);
                let name = named.unwrap_or_else(|| by_path.clone());
                let unique = self.taken.custom_name(&name);
                let target = Target::Custom((unique != by_path).then(|| unique.clone()));
                (Slot::Custom(unique.into()), target, None)
            }
            target => (self.mapping.slot(&target), target, None),
        }
    }
}

/// Where a value was found: its path, or a pair's list and title.
enum Key {
    Path(String),
    Pair(String, String),
}

/// An item holding a name (`title`, `name`, `label` or `key`) and a text
/// `value`: the name, the value's place, the value.
fn pair(item: &Node) -> Option<(&str, &Place, &str)> {
    let Node::Map(entries) = item else {
        return None;
    };
    let text = |wanted: &[&str]| {
        entries.iter().find_map(|(key, place, value)| match value {
            Node::Text(text) if wanted.contains(&key.as_str()) => Some((text.as_str(), place)),
            _ => None,
        })
    };
    let (name, _) = text(&["title", "name", "label", "key"])?;
    let (value, place) = text(&["value"])?;
    Some((name, place, value))
}

/// Every value's path in `node`.
fn paths_of(node: &Node) -> Vec<String> {
    let root = Place {
        line: 0,
        column: 0,
        name: "".into(),
    };
    let mut found = Vec::new();
    leaves(node, &mut String::new(), &root, &mut found);
    found.into_iter().map(|(path, _, _)| path).collect()
}
