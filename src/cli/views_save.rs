//! Writing a saved view into `config.toml`: its `[[views]]` entry is
//! replaced (or added) through `toml_edit`, so that the rest of the file
//! (comments, other sections, other views, the order of keys) stays as
//! the user wrote it. The file is replaced whole and at once (a temporary
//! file renamed over it): a crash leaves the old file or the new one.

use super::config::config_path;
use super::views::check_name;
use crate::domain::text::is_clean;
use crate::filter::View;
use std::io::Write;
use std::path::{Path, PathBuf};
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

/// Saves `view` in `config.toml` in the config directory, creating the
/// file and the directory if need be.
pub fn save_view(view: &View) -> Result<(), String> {
    save_view_in(&config_path().ok_or(NO_CONFIG_DIR)?, view)
}

pub const NO_CONFIG_DIR: &str =
    "cannot find your config directory to save the view in; set HIRETERM_CONFIG_DIR";

/// Saves `view` in the config file at `path`. A file that does not read
/// as TOML is left as it is, and the error says so.
pub fn save_view_in(path: &Path, view: &View) -> Result<(), String> {
    check_name(&view.name)?;
    if !is_clean(&view.filter, false) {
        return Err("a view's filter cannot hold control characters".into());
    }
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let mut document: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        format!(
            "{} does not read as TOML ({}); it is left as it is",
            path.display(),
            e.message()
        )
    })?;
    put_entry(&mut document, view)?;
    write_whole(path, document.to_string().as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Fills the `[[views]]` entry of `view`'s name, or a new one at the end.
fn put_entry(document: &mut DocumentMut, view: &View) -> Result<(), String> {
    let item = document
        .entry("views")
        .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
    if item.as_array().is_some_and(Array::is_empty) {
        *item = Item::ArrayOfTables(ArrayOfTables::new()); // `views = []`
    }
    let tables = item.as_array_of_tables_mut().ok_or(
        "`views` in the config file is not a list of [[views]] tables; it is left as it is",
    )?;
    let same_name = |table: &Table| {
        let name = table.get("name").and_then(Item::as_str);
        name.is_some_and(|name| view.is_named(name))
    };
    let found = tables.iter().position(same_name);
    match found.and_then(|at| tables.get_mut(at)) {
        Some(table) => fill(table, view),
        None => {
            let mut table = Table::new();
            fill(&mut table, view);
            tables.push(table);
        }
    }
    Ok(())
}

/// The view's keys in `table`; a value replaced keeps the comment after it.
fn fill(table: &mut Table, view: &View) {
    set(table, "name", view.name.trim().into());
    set(table, "filter", view.filter.as_str().into());
    set(table, "sort", view.sort.key().into());
    set(table, "descending", view.descending.into());
    if view.columns.is_empty() {
        table.remove("columns"); // the table's own columns
    } else {
        let keys: Array = view.columns.iter().map(|c| c.key()).collect();
        set(table, "columns", keys.into());
    }
}

fn set(table: &mut Table, key: &str, mut value: Value) {
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        None => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// Replaces the file at `path` (through a symbolic link, the file it
/// points to) with `bytes`, by a rename, keeping its permissions.
fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    std::fs::create_dir_all(&dir)?;
    let mut file = tempfile::NamedTempFile::new_in(&dir)?;
    file.write_all(bytes)?;
    if let Ok(old) = std::fs::metadata(&target) {
        file.as_file().set_permissions(old.permissions())?;
    }
    file.as_file().sync_all()?;
    file.persist(&target).map_err(|e| e.error)?;
    // The rename itself lasts once the directory is on disk.
    std::fs::File::open(&dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::views::views_in;
    use crate::filter::{ColumnKey, default_views};

    const WRITTEN: &str = "# the team's settings\n\
        [aging]\n\
        screening = 4   # we screen fast\n\
        \n\
        [[views]]\n\
        # Friday's question\n\
        name = \"cheap\"\n\
        filter = \"rate<=50\"   # dollars\n";

    fn view(name: &str, filter: &str) -> View {
        View {
            name: name.into(),
            filter: filter.into(),
            sort: ColumnKey::Rate,
            descending: true,
            columns: vec![ColumnKey::Name, ColumnKey::Rate],
        }
    }

    #[test]
    fn saving_replaces_the_entry_and_keeps_the_rest_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, WRITTEN).unwrap();
        save_view_in(&path, &view("Cheap", "rate<=40")).unwrap();
        save_view_in(&path, &view("mine", "tag:hot")).unwrap();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for kept in ["# the team's settings", "screening = 4   # we screen fast"] {
            assert!(text.contains(kept), "{text}");
        }
        assert!(text.contains("# Friday's question"), "{text}");
        assert!(text.contains("filter = \"rate<=40\"   # dollars"), "{text}");
        let views = views_in(&text).unwrap();
        let mut expected = default_views();
        expected.extend([view("Cheap", "rate<=40"), view("mine", "tag:hot")]);
        assert_eq!(views, expected);
        assert_eq!(crate::cli::config::parse_policy(&text).map(|_| ()), Ok(()));
    }

    #[test]
    fn saving_creates_the_file_and_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new/config.toml");
        let mut saved = view("all", "");
        saved.columns.clear();
        save_view_in(&path, &saved).unwrap();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(views_in(&text).map(|v| v.last().cloned()), Ok(Some(saved)));
        assert!(!text.contains("columns"), "{text}");
    }

    #[test]
    fn a_file_that_does_not_read_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[aging\nscreening = 4\n").unwrap();
        let error = save_view_in(&path, &view("a", "")).unwrap_err();
        assert!(error.contains("does not read as TOML"), "{error}");
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(text, "[aging\nscreening = 4\n");
        let refused = save_view_in(&path, &view(" ", "")).unwrap_err();
        assert_eq!(refused, "a view needs a name");
        std::fs::write(&path, "views = 3\n").unwrap();
        let error = save_view_in(&path, &view("a", "")).unwrap_err();
        assert!(error.contains("not a list of [[views]] tables"), "{error}");
    }
}
