//! One JSON record (at most [`super::MAX_ROW_BYTES`]) read whole into a
//! small tree that keeps the place of every key, so that a value nested
//! deep in another system's record (`email_addresses[1].value`) is still
//! reported at its line and column. Numbers and booleans are kept as
//! their text; `null` as nothing.

use super::fields::Place;
use crate::domain::text::clean_line;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Where the reader is: line and column of the last byte read.
pub trait Position {
    fn at(&self) -> (u64, u64);
}

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    Text(String),
    List(Vec<Node>),
    /// Each key with its place, in file order.
    Map(Vec<(String, Place, Node)>),
}

/// Reads a node, placing keys by `position`.
pub struct NodeSeed<'p>(pub &'p dyn Position);

impl<'de> DeserializeSeed<'de> for NodeSeed<'_> {
    type Value = Node;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NodeSeed<'_> {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Text(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Text(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Text(v.to_string()))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Text(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
        Ok(Node::Text(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(NodeSeed(self.0))? {
            items.push(item);
        }
        Ok(Node::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let place = key_place(self.0, &key);
            let value = map.next_value_seed(NodeSeed(self.0))?;
            entries.push((key, place, value));
        }
        Ok(Node::Map(entries))
    }
}

/// The place of a key just read: its line, and the column of its opening
/// quote (exact for keys without escapes).
pub fn key_place(position: &dyn Position, key: &str) -> Place {
    let (line, column) = position.at();
    let width = key.chars().count() as u64 + 1;
    Place {
        line,
        column: column.saturating_sub(width).max(1),
        name: clean_line(key).into(),
    }
}

/// Every value under `node` with its path (`a.b[2].c`) and the place of
/// the key nearest it, in file order; `place` is the node's own.
pub fn leaves<'n>(
    node: &'n Node,
    path: &mut String,
    place: &Place,
    out: &mut Vec<(String, Place, &'n str)>,
) {
    match node {
        Node::Null => {}
        Node::Bool(true) => out.push((path.clone(), place.clone(), "true")),
        Node::Bool(false) => out.push((path.clone(), place.clone(), "false")),
        Node::Text(text) => out.push((path.clone(), place.clone(), text)),
        Node::List(items) => {
            for (index, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{index}]"));
                leaves(item, path, place, out);
                path.truncate(len);
            }
        }
        Node::Map(entries) => {
            for (key, key_place, value) in entries {
                under_key(path, key, key_place, |path, named| {
                    leaves(value, path, named, out)
                });
            }
        }
    }
}

/// The kind of a node, for messages.
pub fn kind(node: &Node) -> &'static str {
    match node {
        Node::Null => "null",
        Node::Bool(_) => "true or false",
        Node::Text(_) => "text or a number",
        Node::List(_) => "a list",
        Node::Map(_) => "an object",
    }
}

/// Runs `visit` with `key` added to the dotted `path` and the key's place
/// named by that path; `path` is as it was afterwards. Every walk of a
/// tree (`leaves`, the mapping's walk) descends into a key this way.
pub fn under_key(
    path: &mut String,
    key: &str,
    key_place: &Place,
    visit: impl FnOnce(&mut String, &Place),
) {
    let len = path.len();
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
    let named = Place {
        name: clean_line(path).into(),
        ..key_place.clone()
    };
    visit(path, &named);
    path.truncate(len);
}
