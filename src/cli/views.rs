//! Saved views in `config.toml`: the `[[views]]` entries, read over the
//! defaults (`crate::filter::default_views`); a view named as a default
//! replaces it. Writing one back is `views_save.rs`.
//!
//! ```toml
//! [[views]]
//! name = "devops bench"              # replaces the default of this name
//! filter = "role:devops placed:no"   # the filter language, as in the app
//! sort = "available"                 # name, role, skills, location, rate, available, stage
//! descending = false
//! columns = ["name", "skills", "rate", "available"]   # none: the table's own
//! ```

use super::config::config_path;
use crate::catalog::Catalog;
use crate::domain::text::is_clean;
use crate::filter::{ColumnKey, View, default_views, find_view, parse, put_view};
use toml::{Table, Value};

/// The longest view name, in characters: it fits a palette line.
pub const MAX_NAME: usize = 60;

/// The views of `config.toml` over the defaults, and what is wrong with
/// the file, if anything. Entries that do not read leave the defaults in
/// force; a filter that does not parse is named with its view, and the
/// view is kept as written (using it says the same again).
pub fn load_views() -> (Vec<View>, Option<String>) {
    let Some(path) = config_path().filter(|p| p.exists()) else {
        return (default_views(), None);
    };
    let read = std::fs::read_to_string(&path).map_err(|e| e.to_string());
    match read.and_then(|text| views_in(&text)) {
        Ok(views) => {
            let notice = unparsed_filters(&views).map(|m| format!("{}: {m}", path.display()));
            (views, notice)
        }
        Err(error) => {
            let notice = format!("{}: {error}; using the default views", path.display());
            (default_views(), Some(notice))
        }
    }
}

/// The views a config file's text holds, over the defaults. Unknown keys
/// and values of the wrong kind are errors naming the entry and the key.
pub fn views_in(text: &str) -> Result<Vec<View>, String> {
    let table: Table = toml::from_str(text).map_err(|e| e.message().to_string())?;
    let mut views = default_views();
    let Some(entries) = table.get("views") else {
        return Ok(views);
    };
    let entries = entries.as_array().ok_or(NOT_TABLES)?;
    let mut mine: Vec<View> = Vec::new();
    for (at, entry) in entries.iter().enumerate() {
        let entry = entry.as_table().ok_or(NOT_TABLES)?;
        let view = view_in(at, entry)?;
        if find_view(&mine, &view.name).is_some() {
            return Err(format!("{} is named twice", entry_name(at, &view.name)));
        }
        mine.push(view);
    }
    for view in mine {
        put_view(&mut views, view);
    }
    Ok(views)
}

const NOT_TABLES: &str = "`views` must be [[views]] tables, each with a name and a filter";

/// Each view whose filter does not parse, with why: "view \"bench\":
/// `skil:` is not a field; did you mean `skill:`?".
pub fn unparsed_filters(views: &[View]) -> Option<String> {
    let problems: Vec<String> = views
        .iter()
        .filter_map(|v| {
            let error = parse(&v.filter, Catalog::builtin()).err()?;
            Some(format!("view \"{}\": {error}", v.name))
        })
        .collect();
    (!problems.is_empty()).then(|| problems.join("; "))
}

/// `[[views]] number 2` before its name is known, then `view "bench"`.
fn entry_name(at: usize, name: &str) -> String {
    if name.is_empty() {
        format!("[[views]] number {}", at + 1)
    } else {
        format!("view \"{name}\"")
    }
}

/// One `[[views]]` entry, the `at`th (from 0).
fn view_in(at: usize, entry: &Table) -> Result<View, String> {
    let name = match entry.get("name") {
        Some(value) => text(value, &format!("{} name", entry_name(at, "")))?,
        None => return Err(format!("{} has no name", entry_name(at, ""))),
    };
    check_name(&name).map_err(|e| format!("{} name: {e}", entry_name(at, "")))?;
    let what = |key: &str| format!("{} {key}", entry_name(at, &name));
    let mut view = View {
        name: name.trim().to_string(),
        filter: String::new(),
        sort: ColumnKey::Name,
        descending: false,
        columns: Vec::new(),
    };
    for (key, value) in entry {
        match key.as_str() {
            "name" => {}
            "filter" => view.filter = text(value, &what(key))?,
            "sort" => view.sort = column(value, &what(key))?,
            "descending" => view.descending = flag(value, &what(key))?,
            "columns" => view.columns = columns(value, &what(key))?,
            _ => return Err(format!("{} has no `{key}`", entry_name(at, &name))),
        }
    }
    Ok(view)
}

/// A name a view can be saved and found under.
pub fn check_name(name: &str) -> Result<(), String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("a view needs a name".into());
    }
    if !is_clean(name, false) {
        return Err("a view's name cannot hold control characters".into());
    }
    if name.chars().count() > MAX_NAME {
        return Err(format!("a view's name is at most {MAX_NAME} characters"));
    }
    Ok(())
}

fn text(value: &Value, what: &str) -> Result<String, String> {
    let text = value
        .as_str()
        .ok_or_else(|| format!("{what} must be text in quotes"))?;
    if !is_clean(text, false) {
        return Err(format!("{what} holds control characters"));
    }
    Ok(text.to_string())
}

fn column(value: &Value, what: &str) -> Result<ColumnKey, String> {
    let name = value
        .as_str()
        .ok_or_else(|| format!("{what} must be a column's name in quotes, such as \"rate\""))?;
    ColumnKey::named(name).map_err(|e| format!("{what}: {e}"))
}

fn flag(value: &Value, what: &str) -> Result<bool, String> {
    value
        .as_bool()
        .ok_or_else(|| format!("{what} must be true or false"))
}

fn columns(value: &Value, what: &str) -> Result<Vec<ColumnKey>, String> {
    let list = value
        .as_array()
        .ok_or_else(|| format!("{what} must be a list such as [\"name\", \"rate\"]"))?;
    let mut columns = Vec::new();
    for each in list {
        let column = column(each, what)?;
        if columns.contains(&column) {
            return Err(format!("{what} lists `{}` twice", column.key()));
        }
        columns.push(column);
    }
    Ok(columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINE: &str = "[aging]\nscreening = 3\n\n\
        [[views]]\nname = \"DevOps bench\"\nfilter = \"role:devops\"\n\
        sort = \"rate\"\ndescending = true\ncolumns = [\"name\", \"Rate\"]\n\n\
        [[views]]\nname = \"cheap\"\nfilter = \"rate<=50\"\n";

    #[test]
    fn no_views_are_the_defaults() {
        assert_eq!(views_in("").unwrap(), default_views());
        assert_eq!(
            views_in("[aging]\nscreening = 3\n").unwrap(),
            default_views()
        );
    }

    #[test]
    fn a_view_of_a_defaults_name_replaces_it_and_others_follow() {
        let views = views_in(MINE).unwrap();
        let names: Vec<&str> = views.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "available this week",
                "DevOps bench",
                "submitted and waiting",
                "cheap"
            ]
        );
        let bench = &views[1];
        assert_eq!(bench.filter, "role:devops");
        assert_eq!((bench.sort, bench.descending), (ColumnKey::Rate, true));
        assert_eq!(bench.columns, [ColumnKey::Name, ColumnKey::Rate]);
        let cheap = &views[3];
        assert_eq!((cheap.sort, cheap.descending), (ColumnKey::Name, false));
        assert!(cheap.columns.is_empty());
    }

    #[test]
    fn mistakes_name_the_entry_and_the_key() {
        let error = |entry: &str| views_in(&format!("[[views]]\n{entry}")).unwrap_err();
        let cases = [
            ("filter = \"x\"", "[[views]] number 1 has no name"),
            (
                "name = \"a\"\nsortby = \"rate\"",
                "view \"a\" has no `sortby`",
            ),
            (
                "name = \"a\"\nsort = \"salary\"",
                "view \"a\" sort: `salary` is not a column",
            ),
            (
                "name = \"a\"\nsort = 3",
                "view \"a\" sort must be a column's name",
            ),
            (
                "name = \"a\"\ndescending = \"yes\"",
                "view \"a\" descending must be true or false",
            ),
            (
                "name = \"a\"\ncolumns = \"rate\"",
                "view \"a\" columns must be a list",
            ),
            (
                "name = \"a\"\ncolumns = [\"rate\", \"RATE\"]",
                "lists `rate` twice",
            ),
            (
                "name = \"a\"\nfilter = 80",
                "view \"a\" filter must be text in quotes",
            ),
            (
                "name = \"  \"",
                "[[views]] number 1 name: a view needs a name",
            ),
            (
                "name = \"a\\u001b[2J\"",
                "[[views]] number 1 name holds control characters",
            ),
            (
                "name = \"a\"\n[[views]]\nname = \"A \"",
                "view \"A\" is named twice",
            ),
        ];
        for (entry, words) in cases {
            let message = error(entry);
            assert!(message.contains(words), "{entry}: {message}");
            assert!(is_clean(&message, false), "{message}");
        }
        let not_tables = views_in("views = [1]").unwrap_err();
        assert!(not_tables.contains("[[views]] tables"), "{not_tables}");
    }

    #[test]
    fn a_filter_that_does_not_parse_is_named_with_its_view() {
        let views = views_in("[[views]]\nname = \"bench\"\nfilter = \"skil:k8s\"\n").unwrap();
        let notice = unparsed_filters(&views).unwrap_or_default();
        assert_eq!(
            notice,
            "view \"bench\": `skil:` is not a field; did you mean `skill:`?"
        );
        assert_eq!(unparsed_filters(&default_views()), None);
    }
}
