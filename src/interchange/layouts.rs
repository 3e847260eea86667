//! The layouts hireterm knows: other systems' exports, each a TOML file
//! in `assets/layouts/` (the shape `--map` reads, see `layout`), built
//! into the binary. `spreadsheet` is the fallback: common names for each
//! field, for a file no other layout recognises and for the columns a
//! layout does not list.

use super::layout::{FileKind, Layout};
use std::sync::OnceLock;

const FILES: [(&str, &str); 12] = [
    (
        "greenhouse.toml",
        include_str!("../../assets/layouts/greenhouse.toml"),
    ),
    (
        "greenhouse-api.toml",
        include_str!("../../assets/layouts/greenhouse-api.toml"),
    ),
    (
        "lever.toml",
        include_str!("../../assets/layouts/lever.toml"),
    ),
    (
        "ashby.toml",
        include_str!("../../assets/layouts/ashby.toml"),
    ),
    (
        "workable.toml",
        include_str!("../../assets/layouts/workable.toml"),
    ),
    (
        "bullhorn.toml",
        include_str!("../../assets/layouts/bullhorn.toml"),
    ),
    ("gem.toml", include_str!("../../assets/layouts/gem.toml")),
    (
        "recruitee.toml",
        include_str!("../../assets/layouts/recruitee.toml"),
    ),
    (
        "manatal.toml",
        include_str!("../../assets/layouts/manatal.toml"),
    ),
    (
        "linkedin.toml",
        include_str!("../../assets/layouts/linkedin.toml"),
    ),
    (
        "spreadsheet.toml",
        include_str!("../../assets/layouts/spreadsheet.toml"),
    ),
    (
        "spreadsheet-json.toml",
        include_str!("../../assets/layouts/spreadsheet-json.toml"),
    ),
];

/// The generic layouts' system.
pub const SPREADSHEET: &str = "spreadsheet";

/// Every built-in layout, in the order above.
pub fn builtin() -> &'static [Layout] {
    static BUILTIN: OnceLock<Vec<Layout>> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        FILES
            .iter()
            .map(|(file, text)| {
                #[allow(clippy::expect_used)]
                Layout::parse(file, text).expect("the built-in layouts are valid")
            })
            .collect()
    })
}

/// The names `--from` takes, each once.
pub fn systems() -> Vec<&'static str> {
    let mut names: Vec<&str> = builtin().iter().map(|l| l.system.as_str()).collect();
    names.dedup();
    names
}

/// The layout of `system` for files of `kind` (a system may have one
/// for its CSV export and one for its API's JSON); else its other one.
pub fn named(system: &str, kind: FileKind) -> Result<&'static Layout, String> {
    let system = system.trim().to_lowercase();
    let of_system = || builtin().iter().filter(|l| l.system == system);
    of_system()
        .find(|l| l.format == kind)
        .or_else(|| of_system().next())
        .ok_or_else(|| {
            format!(
                "`{}` is not a layout hireterm knows: {} (or write one and pass it with --map)",
                crate::domain::text::clean_line(&system),
                systems().join(", ")
            )
        })
}

/// The layout that recognises `headers` (folded): the one whose
/// recognising headers are all there, the most of them winning.
pub fn recognise(headers: &[String], kind: FileKind) -> Option<&'static Layout> {
    builtin()
        .iter()
        .filter(|l| l.format == kind)
        .filter_map(|l| l.recognised_in(headers).map(|n| (n, l)))
        .max_by_key(|(n, _)| *n)
        .map(|(_, l)| l)
}

/// The fallback for files of `kind`.
pub fn spreadsheet(kind: FileKind) -> &'static Layout {
    let generic = builtin().iter().filter(|l| l.system == SPREADSHEET);
    let mut generic = generic.clone().filter(|l| l.format == kind).chain(generic);
    #[allow(clippy::expect_used)]
    generic.next().expect("the spreadsheet layout is built in")
}

/// Whether a header is a person's name (or part of it), as a candidates
/// file of any layout writes it: how the readers of applications and
/// notes tell another system's candidates file from their own.
pub fn names_a_person(header: &str) -> bool {
    use super::columns::Column;
    use super::target::Target;
    let generic = spreadsheet(FileKind::Csv).column(header);
    matches!(
        generic,
        Some(Target::Name(_) | Target::Column(Column::Name))
    ) || Column::from_header(header) == Some(Column::Name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::columns::fold_header;

    #[test]
    fn every_built_in_layout_reads_and_names_its_documentation() {
        let layouts = builtin();
        assert_eq!(layouts.len(), FILES.len());
        for layout in layouts {
            assert!(
                layout.system == SPREADSHEET || layout.docs.starts_with("https://"),
                "{} names no page",
                layout.system
            );
        }
        assert!(named("Greenhouse", FileKind::Json).is_ok());
        assert!(
            named("taleo", FileKind::Csv)
                .unwrap_err()
                .contains("greenhouse, ")
        );
    }

    #[test]
    fn headers_pick_the_layout_that_knows_them_all() {
        let headers: Vec<String> = ["Candidate ID", "First Name", "Last Name", "Email"]
            .iter()
            .map(|h| fold_header(h))
            .collect();
        let found = recognise(&headers, FileKind::Csv).map(|l| l.system.as_str());
        assert_eq!(found, Some("greenhouse"));
        assert_eq!(recognise(&headers[1..], FileKind::Csv), None);
    }
}
