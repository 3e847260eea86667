//! `hireterm import`'s column options (`--from`, `--map`, `--strict`,
//! `--drop`) and what the import says about them: the layout it read the
//! file with, where each column went, which were kept as custom fields.

use crate::interchange::layout::{FileKind, Layout};
use crate::interchange::summary::{Chosen, Mapped};
use crate::interchange::{ColumnOptions, ImportSource, layouts};
use color_eyre::eyre::{Result, eyre};
use std::path::Path;

/// What the command line asked for.
pub struct Asked<'a> {
    pub from: Option<&'a str>,
    pub map: Option<&'a Path>,
    pub strict: bool,
    pub drop: &'a [String],
}

/// The column options `asked` gives for `source`.
pub fn options(asked: &Asked, source: &ImportSource) -> Result<ColumnOptions> {
    let kind = match source {
        ImportSource::Json(_) => FileKind::Json,
        _ => FileKind::Csv,
    };
    let mut strict = asked.strict;
    let layout = match (asked.from, asked.map) {
        (Some(system), _) if system.eq_ignore_ascii_case("hireterm") => {
            strict = true;
            None
        }
        (Some(system), _) => {
            let layout = layouts::named(system, kind).map_err(|e| eyre!(e))?;
            Some((layout.clone(), Chosen::Named))
        }
        (None, Some(path)) => Some((read_map(path)?, Chosen::File(path.display().to_string()))),
        (None, None) => None,
    };
    Ok(ColumnOptions {
        strict,
        layout,
        drop: asked.drop.to_vec(),
    })
}

fn read_map(path: &Path) -> Result<Layout> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| eyre!("cannot read the mapping {}: {e}", path.display()))?;
    Layout::parse(&path.display().to_string(), &text).map_err(|e| eyre!(e))
}

/// The lines saying how another system's file was read; nothing for
/// hireterm's own columns.
pub fn describe(mapped: &Mapped) -> Vec<String> {
    if mapped.is_own() {
        return Vec::new();
    }
    let mut lines = vec![format!("layout: {}, {}", mapped.layout, mapped.chosen)];
    if mapped.chosen == Chosen::Recognised {
        lines[0].push_str(" (--from or --map to read it otherwise)");
    }
    let mapped_columns: Vec<String> = (mapped.columns.iter())
        .filter(|c| !c.target.starts_with("custom") && c.target != "drop")
        .map(|c| format!("{} → {}", c.header, c.target))
        .collect();
    if !mapped_columns.is_empty() {
        lines.push(format!("columns: {}", mapped_columns.join("; ")));
    }
    let custom = mapped.custom();
    if !custom.is_empty() {
        lines.push(format!(
            "kept as custom fields ({}): {}",
            custom.len(),
            custom.join("; ")
        ));
    }
    let dropped = mapped.dropped();
    if !dropped.is_empty() {
        lines.push(format!(
            "left out ({}): {}",
            dropped.len(),
            dropped.join("; ")
        ));
    }
    lines
}
