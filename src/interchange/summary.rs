//! What the mapping step did with a file's columns, for the report at
//! the end of an import and for `--explain`: the layout and how it was
//! chosen, and each column (or JSON path) with what it became. A leaf:
//! the mapping fills it, the report carries it, the command line prints
//! it.

use std::fmt;

/// How the layout was chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Chosen {
    /// hireterm's own columns.
    #[default]
    Own,
    /// Known from the header.
    Recognised,
    /// `--from SYSTEM`.
    Named,
    /// `--map FILE`.
    File(String),
    /// No known layout: each column by its name, the rest kept.
    Generic,
}

/// One column and what it became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnUse {
    /// As written in the file (cleaned).
    pub header: String,
    /// As a layout writes it: `email`, `first_name`, `custom:Visa`.
    pub target: String,
    /// Why, where it is not the layout's own word: "taken by column 3".
    pub note: Option<String>,
    /// The first value seen, for `--explain`.
    pub sample: Option<String>,
}

/// The mapping a file was read with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapped {
    /// The layout's label ("Greenhouse", "hireterm").
    pub layout: String,
    /// Its system: external ids are kept under it.
    pub system: String,
    pub chosen: Chosen,
    pub columns: Vec<ColumnUse>,
}

impl Mapped {
    /// The columns kept as custom fields, by header.
    pub fn custom(&self) -> Vec<&str> {
        self.headers_where(|t| t.starts_with("custom"))
    }

    /// The columns left out, by header.
    pub fn dropped(&self) -> Vec<&str> {
        self.headers_where(|t| t == "drop")
    }

    fn headers_where(&self, pick: impl Fn(&str) -> bool) -> Vec<&str> {
        (self.columns.iter())
            .filter(|c| pick(&c.target))
            .map(|c| c.header.as_str())
            .collect()
    }

    /// Whether the file was read as hireterm's own.
    pub fn is_own(&self) -> bool {
        self.chosen == Chosen::Own
    }
}

impl fmt::Display for Chosen {
    /// How the layout came to be used, after its name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Chosen::Own => f.write_str("hireterm's own columns"),
            Chosen::Recognised => f.write_str("recognised from the header"),
            Chosen::Named => f.write_str("as --from asked"),
            Chosen::File(path) => write!(f, "from {path}"),
            Chosen::Generic => {
                f.write_str("no known layout matched the header; each column read by its name")
            }
        }
    }
}
