//! The mapping step: a file's header read once into what each column
//! becomes (a [`Slot`]), then every row put through it (see `mapped_row`).
//!
//! A header of hireterm's own columns (names or aliases, and `custom:`
//! ones) is read as ever; `--strict` insists on that. Any other header is
//! read with a layout: the one `--from` or `--map` gives, else one that
//! recognises the header (see `layouts`), else the generic spreadsheet
//! one. Each column is then looked up in the layout, then in the
//! spreadsheet layout, then among hireterm's own names; what none of
//! them knows is kept as a custom field under its header, so nothing is
//! dropped unless `--drop` or the layout says so (and the report tells).

use super::columns::{Column, Header, HeaderError, fold_header};
use super::custom;
use super::layout::{FileKind, Layout};
use super::layouts;
use super::report::ColumnOptions;
use super::summary::{Chosen, ColumnUse, Mapped};
pub use super::taken::Taken;
use super::target::{NamePart, Target};
use crate::domain::text::clean_line;
use std::sync::Arc;

/// What one column becomes, decided once per file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// As hireterm reads its own files.
    Plain(Column),
    /// One or several addresses: the first the row gives is its email,
    /// the rest are kept as `mailto:` links.
    Email,
    /// Links or tags as other systems list them: split at commas and
    /// semicolons (and, for links, spaces).
    List(Column),
    Name(NamePart),
    Location,
    /// A date or time in another system's form (`2024-01-31 06:00:00`,
    /// milliseconds since 1970), read into ours.
    Date(Column),
    /// Through the layout's value map; one we do not know is `other`,
    /// and kept as a custom field.
    Source,
    /// An id in this system.
    External(Arc<str>),
    Custom(Arc<str>),
    Drop,
}

/// How to read a file's rows.
#[derive(Debug, Clone)]
pub struct Mapping {
    pub slots: Vec<Slot>,
    /// The headers as written (cleaned), for places.
    pub names: Vec<Arc<str>>,
    /// The layout, for value maps; none for hireterm's own columns.
    pub layout: Option<&'static Layout>,
    /// A layout given with `--map`, owned here.
    pub given: Option<Arc<Layout>>,
    pub summary: Mapped,
}

impl Mapping {
    /// The mapping for a CSV header.
    pub fn for_header(headers: &[String], options: &ColumnOptions) -> Result<Mapping, HeaderError> {
        if options.layout.is_none() {
            let own = own(headers);
            if options.strict || own.is_ok() || !has_unknown(headers) {
                return own;
            }
        }
        let (layout, given, chosen) = pick(headers, options, FileKind::Csv);
        let mut mapping = Mapping::lenient(layout, given, chosen);
        let mut taken = Taken::default();
        for (position, header) in headers.iter().enumerate() {
            let name: Arc<str> = clean_line(header).into();
            let (slot, target, note) = mapping.resolve(header, &options.drop, &mut taken, position);
            mapping.summary.columns.push(ColumnUse {
                header: name.to_string(),
                target: target.to_string(),
                note,
                sample: None,
            });
            mapping.slots.push(slot);
            mapping.names.push(name);
        }
        mapping.require(&taken)?;
        Ok(mapping)
    }

    /// A mapping with a layout and no columns yet (JSON adds them as
    /// paths turn up).
    pub fn lenient(layout: &'static Layout, given: Option<Arc<Layout>>, chosen: Chosen) -> Mapping {
        let shown = given.as_deref().unwrap_or(layout);
        Mapping {
            slots: Vec::new(),
            names: Vec::new(),
            layout: Some(layout),
            summary: Mapped {
                layout: shown.label.clone(),
                system: shown.system.clone(),
                chosen,
                columns: Vec::new(),
            },
            given,
        }
    }

    /// The layout columns are looked up in first.
    pub fn layout(&self) -> Option<&Layout> {
        self.given.as_deref().or(self.layout)
    }

    /// What a header becomes, and why when the layout alone does not say.
    fn resolve(
        &self,
        header: &str,
        drop: &[String],
        taken: &mut Taken,
        position: usize,
    ) -> (Slot, Target, Option<String>) {
        let name = clean_line(header);
        if drop.iter().any(|d| fold_header(d) == fold_header(header)) {
            return (Slot::Drop, Target::Drop, Some("--drop".into()));
        }
        match self.target_of(header) {
            Target::Custom(named) => {
                let (slot, target) = kept(named.as_deref().unwrap_or(&name), &name, taken);
                (slot, target, None)
            }
            target => match taken.claim(&target, position) {
                Some(earlier) => {
                    let note = format!("{target} is column {earlier}'s; kept instead");
                    let (slot, kept) = kept(&name, &name, taken);
                    (slot, kept, Some(note))
                }
                None => (self.slot(&target), target, None),
            },
        }
    }

    /// The target a CSV header names: the layout's word, the spreadsheet
    /// layout's, hireterm's own name (never its id: another system's ids
    /// are not ours), a `custom:` header, or kept under its name.
    pub fn target_of(&self, header: &str) -> Target {
        let from_layout = self.layout().and_then(|l| l.column(header)).cloned();
        let generic = || layouts::spreadsheet(FileKind::Csv).column(header).cloned();
        let own = || {
            Column::from_header(header)
                .filter(|&c| c != Column::Id)
                .map(Target::Column)
        };
        let named = || custom::named_by(header).map(|n| Target::Custom(Some(n)));
        from_layout
            .or_else(generic)
            .or_else(own)
            .or_else(named)
            .unwrap_or(Target::Custom(None))
    }

    /// The slot a target is read through, in a file of another system.
    pub fn slot(&self, target: &Target) -> Slot {
        match target {
            Target::Column(Column::Email) => Slot::Email,
            Target::Column(c @ (Column::Links | Column::Tags)) => Slot::List(*c),
            Target::Column(
                c @ (Column::CreatedAt
                | Column::AvailableFrom
                | Column::ConsentGiven
                | Column::ConsentUntil),
            ) => Slot::Date(*c),
            Target::Column(Column::Source) => Slot::Source,
            Target::Column(c) => Slot::Plain(*c),
            Target::Name(part) => Slot::Name(*part),
            Target::Location => Slot::Location,
            Target::External(system) => {
                let own = self.summary.system.as_str();
                Slot::External(system.as_deref().unwrap_or(own).into())
            }
            Target::Custom(name) => Slot::Custom(name.clone().unwrap_or_default().into()),
            Target::Drop => Slot::Drop,
        }
    }

    /// A file of another system still needs a name and an email.
    fn require(&self, taken: &Taken) -> Result<(), HeaderError> {
        let mut problems = Vec::new();
        if !taken.name {
            problems.push(format!(
                "no column gives the name: map one with --map (\"Full Name\" = \"name\", or first_name and last_name); the {} layout was used",
                self.summary.layout
            ));
        }
        if !taken.email {
            problems.push(format!(
                "no column gives the email: map one with --map (\"E-mail\" = \"email\"); the {} layout was used",
                self.summary.layout
            ));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(HeaderError(problems))
        }
    }
}

/// A custom slot named `name` (made unique among the file's); its
/// target names it unless it is the `header` itself.
fn kept(name: &str, header: &str, taken: &mut Taken) -> (Slot, Target) {
    let unique = taken.custom_name(name);
    let target = Target::Custom((unique != header).then(|| unique.clone()));
    (Slot::Custom(unique.into()), target)
}

/// hireterm's own columns, read as ever.
fn own(headers: &[String]) -> Result<Mapping, HeaderError> {
    let header = Header::parse(headers.iter().map(String::as_str))?;
    let slots = (header.columns.iter().zip(headers))
        .map(|(column, raw)| match column {
            Some(c) => Slot::Plain(*c),
            None => Slot::Custom(custom::named_by(raw).unwrap_or_default().into()),
        })
        .collect();
    let columns = (header.columns.iter().zip(&header.names))
        .map(|(column, name)| ColumnUse {
            header: name.to_string(),
            target: column.map_or_else(
                || format!("custom:{}", custom_name(name)),
                |c| c.to_string(),
            ),
            note: None,
            sample: None,
        })
        .collect();
    Ok(Mapping {
        slots,
        names: header.names,
        layout: None,
        given: None,
        summary: Mapped {
            layout: "hireterm".into(),
            system: "hireterm".into(),
            chosen: Chosen::Own,
            columns,
        },
    })
}

fn custom_name(header: &str) -> String {
    custom::named_by(header).unwrap_or_default()
}

/// Whether a header names a column hireterm does not know.
fn has_unknown(headers: &[String]) -> bool {
    headers
        .iter()
        .any(|h| Column::from_header(h).is_none() && custom::named_by(h).is_none())
}

/// The layout to read with: the one given, one that recognises the
/// header, or the spreadsheet one.
pub fn pick(
    headers: &[String],
    options: &ColumnOptions,
    kind: FileKind,
) -> (&'static Layout, Option<Arc<Layout>>, Chosen) {
    if let Some((layout, chosen)) = &options.layout {
        let generic = layouts::spreadsheet(kind);
        let given = Arc::new(layout.clone());
        return (generic, Some(given), chosen.clone());
    }
    let folded: Vec<String> = headers.iter().map(|h| fold_header(h)).collect();
    match layouts::recognise(&folded, kind) {
        Some(layout) => (layout, None, Chosen::Recognised),
        None => (layouts::spreadsheet(kind), None, Chosen::Generic),
    }
}
