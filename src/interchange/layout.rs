//! A layout: how another system's export maps onto hireterm's fields.
//! The built-in ones are TOML files in `assets/layouts/` (see `layouts`),
//! and a `--map FILE` is one more of the same shape:
//!
//! ```toml
//! system = "greenhouse"            # external ids are kept as greenhouse:ID
//! label = "Greenhouse"
//! format = "csv"                   # or "json": keys are then dotted paths
//! recognise = ["Candidate ID", "First Name", "Last Name"]
//!
//! [columns]                        # header (or path) -> what it becomes
//! "Candidate ID" = "external_id"
//! "First Name" = "first_name"      # name parts are joined into the name
//! "Location" = "location"          # split into city and country
//! "Visa Status" = "custom"         # kept as a custom field
//!
//! [values.source]                  # their sources -> ours
//! "LinkedIn (Prospecting)" = "linkedin"
//!
//! [values.stage]                   # their stages -> ours
//! "Phone Screen" = "screening"
//! ```
//!
//! Headers and paths are compared as hireterm compares its own headers:
//! ignoring case, spaces, underscores and dashes.

use super::columns::fold_header;
use super::target::Target;
use crate::domain::text::clean_line;
use crate::domain::{Source, Stage};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// What a layout reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    #[default]
    Csv,
    Json,
}

/// A layout file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LayoutFile {
    system: String,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    format: FileKind,
    #[serde(default)]
    docs: String,
    #[serde(default)]
    recognise: Vec<String>,
    #[serde(default)]
    records: Option<String>,
    #[serde(default)]
    columns: BTreeMap<String, String>,
    #[serde(default)]
    values: Values,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Values {
    #[serde(default)]
    source: BTreeMap<String, String>,
    #[serde(default)]
    stage: BTreeMap<String, String>,
}

/// A layout, checked and ready to look headers up in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Lower case: external ids are kept under it.
    pub system: String,
    pub label: String,
    pub format: FileKind,
    /// The page the layout was written from.
    pub docs: String,
    /// Headers (folded) that all appear in this system's files.
    pub recognise: Vec<String>,
    /// JSON: the key of the array, when the records come wrapped in an
    /// object (`{"data": [...]}`).
    pub records: Option<String>,
    /// Folded header or path -> what it becomes.
    columns: HashMap<String, Target>,
    sources: HashMap<String, Source>,
    stages: HashMap<String, Stage>,
}

/// What a path matched in a JSON layout: the target, and for a `prefix.*`
/// key the rest of the path (a custom field's name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathMatch {
    pub target: Target,
    pub rest: Option<String>,
}

impl Layout {
    /// Reads a layout from TOML; `file` names it in messages.
    pub fn parse(file: &str, text: &str) -> Result<Layout, String> {
        let raw: LayoutFile =
            toml::from_str(text).map_err(|e| format!("{file}: {}", describe(text, &e)))?;
        Layout::check(raw).map_err(|problem| format!("{file}: {problem}"))
    }

    fn check(raw: LayoutFile) -> Result<Layout, String> {
        let system = clean_line(&raw.system).to_lowercase();
        if system.is_empty() || system.contains(':') {
            return Err("`system` needs a name without colons, such as \"greenhouse\"".into());
        }
        let mut columns = HashMap::new();
        for (header, target) in &raw.columns {
            let target = Target::parse(target)
                .map_err(|e| format!("[columns] \"{}\": {e}", clean_line(header)))?;
            columns.insert(fold_header(header), target);
        }
        let sources = value_map(&raw.values.source, "source", super::row::source)?;
        let stages = value_map(&raw.values.stage, "stage", super::cells::stage_named)?;
        Ok(Layout {
            label: raw.label.map_or_else(|| system.clone(), |l| clean_line(&l)),
            system,
            format: raw.format,
            docs: clean_line(&raw.docs),
            recognise: raw.recognise.iter().map(|h| fold_header(h)).collect(),
            records: raw.records.map(|r| clean_line(&r)),
            columns,
            sources,
            stages,
        })
    }

    /// The target a header names, if the layout lists it.
    pub fn column(&self, header: &str) -> Option<&Target> {
        self.columns.get(&fold_header(header))
    }

    /// The target a JSON path names: the path itself, then with every
    /// index as `[*]`, then `prefix.*` for its prefixes, longest first.
    pub fn path(&self, path: &str) -> Option<PathMatch> {
        let folded = fold_header(path);
        let any_index = without_indexes(&folded);
        for key in [&folded, &any_index] {
            if let Some(target) = self.columns.get(key.as_str()) {
                let target = target.clone();
                return Some(PathMatch { target, rest: None });
            }
        }
        let mut cut = any_index.len();
        while let Some(dot) = any_index[..cut].rfind('.') {
            let key = format!("{}.*", &any_index[..dot]);
            if let Some(target) = self.columns.get(&key) {
                let rest = path_rest(path, any_index[..dot].matches('.').count() + 1);
                let target = target.clone();
                return Some(PathMatch { target, rest });
            }
            cut = dot;
        }
        None
    }

    /// Their source, as ours.
    pub fn source(&self, text: &str) -> Option<Source> {
        self.sources.get(&fold_header(text)).copied()
    }

    /// Their stage, as ours.
    pub fn stage(&self, text: &str) -> Option<Stage> {
        self.stages.get(&fold_header(text)).copied()
    }

    /// How many of the recognising headers `headers` (folded) hold; `None`
    /// unless it holds them all.
    pub fn recognised_in(&self, headers: &[String]) -> Option<usize> {
        let all = !self.recognise.is_empty() && self.recognise.iter().all(|r| headers.contains(r));
        all.then_some(self.recognise.len())
    }
}

/// `emails[0].value` as `emails[*].value`.
pub fn without_indexes(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push_str("[*]");
            }
            ']' => in_index = false,
            _ if in_index => {}
            c => out.push(c),
        }
    }
    out
}

/// The path as written after its first `segments` dotted segments.
fn path_rest(path: &str, segments: usize) -> Option<String> {
    let mut parts = path.splitn(segments + 1, '.');
    (0..segments).for_each(|_| {
        parts.next();
    });
    parts.next().map(str::to_string).filter(|r| !r.is_empty())
}

fn value_map<T>(
    entries: &BTreeMap<String, String>,
    what: &str,
    ours: impl Fn(&str) -> Result<T, String>,
) -> Result<HashMap<String, T>, String> {
    let mut map = HashMap::new();
    for (theirs, mine) in entries {
        let value = ours(mine.trim())
            .map_err(|e| format!("[values.{what}] \"{}\": {e}", clean_line(theirs)))?;
        map.insert(fold_header(theirs), value);
    }
    Ok(map)
}

/// toml's message with the line in front, as editors count lines.
fn describe(text: &str, error: &toml::de::Error) -> String {
    let message = clean_line(error.message());
    match error.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("line {line}: {message}")
        }
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::columns::Column;
    use crate::interchange::target::NamePart;

    const SAMPLE: &str = r#"
system = "Acme-ATS"
format = "json"
[columns]
"person.first_name" = "first_name"
"emails[*].value" = "email"
"custom_fields.*" = "custom"
[values.source]
"LinkedIn (Prospecting)" = "linkedin"
[values.stage]
"Phone Screen" = "screening"
"#;

    #[test]
    fn paths_match_exactly_by_any_index_and_by_prefix() {
        let layout = Layout::parse("sample", SAMPLE).unwrap();
        assert_eq!(layout.system, "acme-ats");
        let first = layout.path("person.first_name").unwrap();
        assert_eq!(first.target, Target::Name(NamePart::First));
        let email = layout.path("emails[3].value").unwrap();
        assert_eq!(email.target, Target::Column(Column::Email));
        let custom = layout.path("custom_fields.Visa status").unwrap();
        assert_eq!(custom.rest.as_deref(), Some("Visa status"));
        assert_eq!(layout.path("photo_url"), None);
        assert_eq!(
            layout.source("linkedin (prospecting)"),
            Some(Source::LinkedIn)
        );
        assert_eq!(layout.stage("PHONE SCREEN"), Some(Stage::Screening));
    }

    #[test]
    fn mistakes_name_their_line_or_key() {
        let error =
            Layout::parse("m.toml", "system = \"x\"\n[columns]\n\"A\" = \"salary\"\n").unwrap_err();
        assert!(
            error.starts_with("m.toml: [columns] \"A\": `salary`"),
            "{error}"
        );
        let error = Layout::parse("m.toml", "system = \"x\"\ncolumns = 3\n").unwrap_err();
        assert!(error.starts_with("m.toml: line 2:"), "{error}");
        let error =
            Layout::parse("m.toml", "system = \"x\"\n[values.stage]\nA = \"hired\"\n").unwrap_err();
        assert!(error.contains("`hired` is not a stage"), "{error}");
    }
}
