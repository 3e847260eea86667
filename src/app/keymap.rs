//! Keys as data: a table per context, read from `assets/keymap.toml` and
//! optionally overridden by the user's own file. [`Keymap::action_for`]
//! is the one place a key becomes an action (see `context.rs` for which
//! tables a context reads).

use super::action::Action;
use super::context::Context;
use super::input::{Key, KeyCode};
use serde::Deserialize as _;
use std::collections::HashMap;

const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub key: Key,
    pub action: Action,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    tables: HashMap<Context, Vec<Binding>>,
}

/// A keymap file that cannot be used, with the line at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("keymap line {line}: {message}")]
pub struct KeymapError {
    pub line: usize,
    pub message: String,
}

impl Keymap {
    /// The keys shipped with hireterm.
    pub fn defaults() -> Keymap {
        let mut keymap = Keymap {
            tables: HashMap::new(),
        };
        // The shipped file is checked by the tests; a broken one would be a
        // build defect, and an empty keymap still leaves the app drawable.
        let _ = keymap.apply(DEFAULT_KEYMAP);
        keymap
    }

    /// The defaults with a user's file laid over them.
    pub fn with_overrides(text: &str) -> Result<Keymap, KeymapError> {
        let mut keymap = Keymap::defaults();
        keymap.apply(text)?;
        Ok(keymap)
    }

    /// What `key` does in `context`: its own table's binding; then, for a
    /// pane, the global table's; for a context that takes text, the
    /// `[text]` table's, else a printable character typed.
    pub fn action_for(&self, context: Context, key: Key) -> Option<Action> {
        if let Some(action) = self.lookup_in(context, key) {
            return Some(action);
        }
        if context.is_pane() {
            return self.lookup_in(Context::Global, key);
        }
        if !context.takes_text() {
            return None;
        }
        self.lookup_in(Context::Text, key).or(match key.code {
            KeyCode::Char(c) if !key.mods.ctrl && !key.mods.alt && !c.is_control() => {
                Some(Action::Insert(c))
            }
            _ => None,
        })
    }

    /// The keys that do `action` in `context`, in the order
    /// [`Keymap::action_for`] reads the tables (for help and hints).
    pub fn keys_for(&self, context: Context, action: Action) -> Vec<Key> {
        let mut tables = vec![context];
        if context.is_pane() {
            tables.push(Context::Global);
        } else if context.takes_text() {
            tables.push(Context::Text);
        }
        let mut keys: Vec<Key> = Vec::new();
        for table in tables {
            for binding in self.bindings(table) {
                let shadowed = self.lookup_in(context, binding.key).is_some() && table != context;
                if binding.action == action && !shadowed && !keys.contains(&binding.key) {
                    keys.push(binding.key);
                }
            }
        }
        keys
    }

    /// The action bound to `key` in one table alone.
    pub fn lookup_in(&self, context: Context, key: Key) -> Option<Action> {
        self.tables
            .get(&context)
            .and_then(|t| t.iter().find(|b| b.key == key))
            .map(|b| b.action)
    }

    /// The bindings of one context, in file order.
    pub fn bindings(&self, context: Context) -> &[Binding] {
        self.tables.get(&context).map_or(&[], Vec::as_slice)
    }

    fn apply(&mut self, text: &str) -> Result<(), KeymapError> {
        let table: toml::Table = toml::from_str(text).map_err(|e| KeymapError {
            line: e.span().map_or(1, |s| {
                text[..s.start.min(text.len())].matches('\n').count() + 1
            }),
            message: e.message().to_string(),
        })?;
        for (section, entries) in &table {
            let at = |key: Option<&str>| line_of(text, section, key);
            let context = Context::from_section(section).ok_or_else(|| KeymapError {
                line: at(None),
                message: format!(
                    "unknown section [{section}]; expected one of {}",
                    section_names()
                ),
            })?;
            let entries = entries.as_table().ok_or_else(|| KeymapError {
                line: at(None),
                message: format!("[{section}] must be a table of key = \"action\""),
            })?;
            for (key_text, value) in entries {
                let error = |message: String| KeymapError {
                    line: at(Some(key_text)),
                    message,
                };
                let key = Key::parse(key_text).map_err(error)?;
                let name = value.as_str().ok_or_else(|| {
                    error(format!("the action for `{key_text}` must be a string"))
                })?;
                let action = parse_action(name).map_err(error)?;
                if let Some(action) = action
                    && !binds_here(context, action)
                {
                    return Err(error(format!(
                        "`{name}` does nothing in [{section}]; it can be bound in [{}]",
                        sections_for(action)
                    )));
                }
                self.bind(context, key, action);
            }
        }
        Ok(())
    }

    /// Binds (or, with `None`, unbinds) a key, replacing its old binding.
    fn bind(&mut self, context: Context, key: Key, action: Option<Action>) {
        let table = self.tables.entry(context).or_default();
        table.retain(|b| b.key != key);
        if let Some(action) = action {
            table.push(Binding { key, action });
        }
    }
}

fn parse_action(name: &str) -> Result<Option<Action>, String> {
    if name == "none" {
        return Ok(None);
    }
    let value = toml::Value::String(name.to_string());
    Action::deserialize(value)
        .map(Some)
        .map_err(|_| format!("unknown action `{name}`"))
}

/// Whether a table may bind `action`: the global table anything a pane
/// does, every other table what its context handles.
fn binds_here(context: Context, action: Action) -> bool {
    match context {
        Context::Global => Context::SECTIONS
            .iter()
            .any(|(_, c)| c.is_pane() && c.accepts(action)),
        _ => context.actions().contains(&action),
    }
}

/// The sections where `action` does something, for an error message.
fn sections_for(action: Action) -> String {
    Context::SECTIONS
        .iter()
        .filter(|(_, c)| *c != Context::Global && c.actions().contains(&action))
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join("], [")
}

fn section_names() -> String {
    Context::SECTIONS
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The 1-based line of a section header, or of a key within it: toml's
/// parsed tables keep no positions, so the text is searched.
fn line_of(text: &str, section: &str, key: Option<&str>) -> usize {
    let mut in_section = false;
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            in_section = trimmed.trim_matches(|c| c == '[' || c == ']').trim() == section;
            if in_section && key.is_none() {
                return index + 1;
            }
            continue;
        }
        let Some((name, _)) = trimmed.split_once('=') else {
            continue;
        };
        if in_section && key == Some(name.trim().trim_matches(|c| c == '"' || c == '\'')) {
            return index + 1;
        }
    }
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_keymap_parses_completely() {
        let mut keymap = Keymap {
            tables: HashMap::new(),
        };
        assert_eq!(keymap.apply(DEFAULT_KEYMAP), Ok(()));
        assert_eq!(
            keymap.action_for(Context::Pipeline, Key::char('q')),
            Some(Action::Quit)
        );
        assert_eq!(
            keymap.action_for(Context::Candidates, Key::ctrl('d')),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            keymap.action_for(Context::Candidates, Key::plain(KeyCode::BackTab)),
            Some(Action::PrevPane)
        );
        assert_eq!(
            keymap.action_for(Context::Pipeline, Key::char('L')),
            Some(Action::MoveForward)
        );
        assert_eq!(keymap.action_for(Context::Candidates, Key::char('L')), None);
    }

    #[test]
    fn overrides_replace_and_unbind() {
        let keymap = Keymap::with_overrides("[global]\nq = \"none\"\nx = \"quit\"\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(keymap.action_for(Context::Global, Key::char('q')), None);
        assert_eq!(
            keymap.action_for(Context::Global, Key::char('x')),
            Some(Action::Quit)
        );
        // The pipeline's own `x` still wins there.
        assert_eq!(
            keymap.action_for(Context::Pipeline, Key::char('x')),
            Some(Action::Reject)
        );
    }

    #[test]
    fn bad_files_name_the_line() {
        let cases = [
            (
                "[global]\nq = \"quit\"\nz = \"jump\"\n",
                3,
                "unknown action `jump`",
            ),
            (
                "# mine\n[global]\nhyper-q = \"quit\"\n",
                3,
                "`hyper-q` is not a key",
            ),
            (
                "[global]\n\n[panes]\nq = \"quit\"\n",
                3,
                "unknown section [panes]",
            ),
            ("[global]\nq = \"quit\"\nq = \"help\"\n", 3, "duplicate key"),
            ("[global]\nq = 3\n", 2, "must be a string"),
        ];
        for (text, line, message) in cases {
            let error = Keymap::with_overrides(text).expect_err(text);
            assert_eq!(error.line, line, "{text}: {error}");
            assert!(error.to_string().contains(message), "{error}");
        }
    }
}
