//! Saved views: a name, a filter, a sort and a set of columns, kept in the
//! config file as `[[views]]` and used by the app (`:view NAME`, the
//! palette) and by `hireterm list --view NAME`. A few ship as defaults.

/// A column of the candidates table (and of `hireterm list`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnKey {
    Name,
    Role,
    Skills,
    Location,
    Rate,
    Available,
    Stage,
}

impl ColumnKey {
    pub const ALL: [ColumnKey; 7] = [
        ColumnKey::Name,
        ColumnKey::Role,
        ColumnKey::Skills,
        ColumnKey::Location,
        ColumnKey::Rate,
        ColumnKey::Available,
        ColumnKey::Stage,
    ];

    /// As written in the config file and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            ColumnKey::Name => "name",
            ColumnKey::Role => "role",
            ColumnKey::Skills => "skills",
            ColumnKey::Location => "location",
            ColumnKey::Rate => "rate",
            ColumnKey::Available => "available",
            ColumnKey::Stage => "stage",
        }
    }

    /// The column named `key` (case-insensitive), or what the names are.
    pub fn named(key: &str) -> Result<ColumnKey, String> {
        let wanted = key.trim().to_lowercase();
        ColumnKey::ALL
            .into_iter()
            .find(|c| c.key() == wanted)
            .ok_or_else(|| {
                let names: Vec<&str> = ColumnKey::ALL.iter().map(|c| c.key()).collect();
                format!(
                    "`{key}` is not a column; the columns are {}",
                    names.join(", ")
                )
            })
    }
}

/// A named filter with its order and columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    pub name: String,
    /// The filter as written (`role:devops avail<=7d`); parsed when used,
    /// so a view saved before the catalog changed still says what it was.
    pub filter: String,
    pub sort: ColumnKey,
    pub descending: bool,
    /// Empty: the table's own columns for the width.
    pub columns: Vec<ColumnKey>,
}

impl View {
    /// Whether this view is called `name`: names compare trimmed and
    /// case-insensitive, so `--view "DevOps bench"` finds "devops bench".
    pub fn is_named(&self, name: &str) -> bool {
        self.name.trim().to_lowercase() == name.trim().to_lowercase()
    }
}

/// The view called `name` among `views`.
pub fn find_view<'a>(views: &'a [View], name: &str) -> Option<&'a View> {
    views.iter().find(|v| v.is_named(name))
}

/// Puts `view` among `views`: in place of the one of its name, else last.
pub fn put_view(views: &mut Vec<View>, view: View) {
    match views.iter_mut().find(|v| v.is_named(&view.name)) {
        Some(slot) => *slot = view,
        None => views.push(view),
    }
}

/// The views every team starts with.
pub fn default_views() -> Vec<View> {
    let view = |name: &str, filter: &str, sort, columns: &[ColumnKey]| View {
        name: name.into(),
        filter: filter.into(),
        sort,
        descending: false,
        columns: columns.to_vec(),
    };
    use ColumnKey::*;
    vec![
        view(
            "available this week",
            "avail<=7d placed:no",
            Available,
            &[Name, Role, Skills, Rate, Available],
        ),
        view(
            "devops bench",
            "role:devops placed:no",
            Available,
            &[Name, Skills, Location, Rate, Available],
        ),
        view(
            "submitted and waiting",
            "waiting:yes",
            Stage,
            &[Name, Role, Rate, Stage],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn every_default_view_parses_and_has_a_distinct_name() {
        let views = default_views();
        for view in &views {
            let parsed = crate::filter::parse(&view.filter, Catalog::builtin());
            assert!(parsed.is_ok(), "{}: {:?}", view.name, parsed.err());
            assert!(!view.columns.is_empty(), "{}", view.name);
        }
        let mut names: Vec<&str> = views.iter().map(|v| v.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), views.len());
    }

    #[test]
    fn a_view_replaces_the_one_of_its_name() {
        let mut views = default_views();
        let mut mine = views[1].clone();
        mine.name = "DevOps Bench ".into();
        mine.filter = "role:devops".into();
        put_view(&mut views, mine.clone());
        assert_eq!(views.len(), 3);
        assert_eq!(find_view(&views, "devops bench"), Some(&mine));
        mine.name = "mine".into();
        put_view(&mut views, mine);
        assert_eq!(views.len(), 4);
        assert!(find_view(&views, "nobody's").is_none());
    }

    #[test]
    fn columns_are_named_in_any_case() {
        assert_eq!(ColumnKey::named(" Rate "), Ok(ColumnKey::Rate));
        let error = ColumnKey::named("salary").err().unwrap_or_default();
        assert!(error.contains("name, role, skills"), "{error}");
    }
}
