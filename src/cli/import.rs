//! `hireterm import`: candidates from a CSV or JSON file, applications
//! or notes from another system's CSV, or a whole export (a JSON document
//! or a folder of CSV files) into an empty database.

use super::import_columns::{Asked, describe, options as column_options};
use super::output::{line, warn};
use crate::domain::Stamp;
use crate::interchange::{
    Format, ImportOptions, ImportReport, ImportSource, OnDuplicate, RowKind, import,
};
use crate::store::Store;
use clap::{Args, ValueEnum};
use color_eyre::eyre::{Result, eyre};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// A .csv or .json file, or a folder written by `export --format csv`.
    pub path: PathBuf,
    /// The file's format (default: from its extension; a CSV file whose
    /// header names an engagement and a stage, and no person by name,
    /// holds applications; one naming a candidate and a note, notes).
    #[arg(long, value_enum)]
    pub format: Option<ImportFormatArg>,
    /// Import the valid rows and report the others, instead of nothing.
    #[arg(long)]
    pub skip_invalid: bool,
    /// Check the file and say what would be imported; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// A row that matches a stored candidate (same email, or same name and
    /// phone) is an error, is skipped, or is merged into the stored record.
    #[arg(long, value_enum, default_value_t = DuplicateArg::Error)]
    pub on_duplicate: DuplicateArg,
    /// Import people who match an erased person (same email or phone)
    /// instead of refusing them.
    #[arg(long)]
    pub allow_erased: bool,
    /// Read the file as this system exports it (greenhouse, lever, ashby,
    /// workable, bullhorn, gem, recruitee, manatal, linkedin,
    /// spreadsheet; hireterm: only hireterm's own columns). Default: known
    /// from the header.
    #[arg(long, value_name = "SYSTEM", conflicts_with = "map")]
    pub from: Option<String>,
    /// Read the file's columns as this TOML file says (header -> field,
    /// value maps for sources and stages): `--dry-run --explain` writes
    /// one to start from.
    #[arg(long, value_name = "FILE")]
    pub map: Option<PathBuf>,
    /// Refuse a column that is not one of hireterm's own, as imports did
    /// before other systems' files could be read.
    #[arg(long, conflicts_with_all = ["from", "map"])]
    pub strict: bool,
    /// Leave this column (or JSON path) out instead of keeping it as a
    /// custom field; may be given again.
    #[arg(long, value_name = "COLUMN")]
    pub drop: Vec<String>,
    /// With --dry-run: print the mapping the import would use, column by
    /// column with a sample value each, as a --map file (the report
    /// follows as comments).
    #[arg(long, requires = "dry_run")]
    pub explain: bool,
    /// In an applications file, create the engagements its titles name
    /// that none on file has (for the client its `client` column names,
    /// else one called "Imported"); without it they are problems.
    #[arg(long)]
    pub create_engagements: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Csv,
    Json,
}

/// What `import --format` takes: the export formats, and applications
/// (engagement, candidate, stage, date) or notes (candidate, note,
/// author, date) from another system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormatArg {
    Csv,
    Json,
    Applications,
    Notes,
}

impl From<ImportFormatArg> for Format {
    fn from(format: ImportFormatArg) -> Format {
        match format {
            ImportFormatArg::Csv => Format::Csv,
            ImportFormatArg::Json => Format::Json,
            ImportFormatArg::Applications => Format::Applications,
            ImportFormatArg::Notes => Format::Notes,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DuplicateArg {
    Error,
    Skip,
    Merge,
}

pub fn run(store: &Store, args: &ImportArgs, stamp: &Stamp) -> Result<ExitCode> {
    // An import the open rolled back is said before it is run again.
    for notice in crate::store::journal::take_notices() {
        warn(notice);
    }
    let source =
        ImportSource::at(&args.path, args.format.map(Format::from)).map_err(|e| eyre!(e))?;
    let asked = Asked {
        from: args.from.as_deref(),
        map: args.map.as_deref(),
        strict: args.strict,
        drop: &args.drop,
    };
    let columns = column_options(&asked, &source)?;
    let say = Say {
        comment: args.explain,
    };
    if args.explain {
        let text = crate::interchange::explain::explain(&source, &columns).map_err(|e| eyre!(e))?;
        text.lines().for_each(line);
    }
    let options = ImportOptions {
        skip_invalid: args.skip_invalid,
        dry_run: args.dry_run,
        on_duplicate: match args.on_duplicate {
            DuplicateArg::Error => OnDuplicate::Error,
            DuplicateArg::Skip => OnDuplicate::Skip,
            DuplicateArg::Merge => OnDuplicate::Merge,
        },
        allow_erased: args.allow_erased,
        columns,
        create_engagements: args.create_engagements,
    };
    let report = import(store, &source, &options, stamp)?;
    if args.allow_erased && report.written.is_some() {
        store.forget_returned_tombstones()?;
    }
    if let Some(mapped) = &report.mapped {
        describe(mapped).iter().for_each(|l| say.line(l));
    }
    say.list(&report.problems, report.problem_count);
    say.list(&report.notices, report.notice_count);
    summarise(&report, &options, &say)
}

/// Prints the report: as it is, or under `--explain` as TOML comments,
/// so that the whole output still reads as a `--map` file.
struct Say {
    comment: bool,
}

impl Say {
    fn line(&self, text: impl AsRef<str>) {
        match self.comment {
            true => line(format!("# {}", text.as_ref())),
            false => line(text),
        }
    }

    fn list(&self, listed: &[String], count: usize) {
        for text in listed {
            self.line(text);
        }
        if count > listed.len() {
            self.line(format!("and {} more", count - listed.len()));
        }
    }
}

/// The closing lines: why nothing was imported (an error), or what was
/// or would be.
fn summarise(report: &ImportReport, options: &ImportOptions, say: &Say) -> Result<ExitCode> {
    refusal(report, options)?;
    let mut leftovers = format!(
        "{} skipped as invalid, {} duplicates skipped, {} merged",
        report.invalid, report.skipped, report.merged
    );
    if report.updated + report.unchanged > 0 {
        leftovers += &format!(
            ", {} updated and {} unchanged (known by their ids in the other system)",
            report.updated, report.unchanged
        );
    }
    if report.rows_of == RowKind::Applications {
        return summarise_applications(report, say);
    }
    if report.rows_of == RowKind::Notes {
        return summarise_notes(report, say);
    }
    match &report.written {
        None => say.line(format!(
            "dry run: would import {} of {} candidates ({leftovers}); nothing was written",
            report.added, report.rows
        )),
        Some(written) if written.clients + written.submittals + written.placements > 0 => {
            say.line(format!(
                "imported {} candidates, {} clients, {} engagements, {} applications, {} submittals, {} placements and {} notes ({leftovers})",
                written.candidates,
                written.clients,
                written.engagements,
                written.applications,
                written.submittals,
                written.placements,
                written.notes
            ));
            describe_ids(report);
        }
        Some(written) => {
            say.line(format!(
                "imported {} candidates, {} engagements, {} applications and {} notes ({leftovers})",
                written.candidates, written.engagements, written.applications, written.notes
            ));
            describe_ids(report);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn summarise_applications(report: &ImportReport, say: &Say) -> Result<ExitCode> {
    let rows = format!(
        "from {} rows ({} skipped as invalid)",
        report.rows - report.invalid,
        report.invalid
    );
    match &report.written {
        None => say.line(format!(
            "dry run: would import {} applications {rows}; nothing was written",
            report.added
        )),
        Some(written) => {
            let mut created = String::new();
            if written.engagements > 0 {
                created = format!(
                    ", and created {} engagements and {} clients",
                    written.engagements, written.clients
                );
            }
            say.line(format!(
                "imported {} applications {rows}{created}",
                written.applications
            ))
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn summarise_notes(report: &ImportReport, say: &Say) -> Result<ExitCode> {
    let (there, invalid) = (report.skipped, report.invalid);
    match &report.written {
        None => say.line(format!(
            "dry run: {} of {} notes would be added, {there} already there ({invalid} skipped as invalid); nothing was written",
            report.added, report.rows
        )),
        Some(written) => say.line(format!(
            "{} notes added, {there} already there ({invalid} skipped as invalid)",
            written.notes
        )),
    }
    Ok(ExitCode::SUCCESS)
}

/// An error when the file was not imported: the reading stopped, or rows
/// have problems and --skip-invalid was not given.
fn refusal(report: &ImportReport, options: &ImportOptions) -> Result<()> {
    if let Some(stopped) = &report.stopped {
        return Err(eyre!("{stopped}; nothing was imported"));
    }
    if !report.may_write(options) {
        return Err(eyre!(
            "{} of {} rows have problems ({} in all); nothing was imported \
             (fix them, or pass --skip-invalid to import the other rows)",
            report.invalid,
            report.rows,
            report.problem_count
        ));
    }
    Ok(())
}

/// Whether the file's ids were kept.
fn describe_ids(report: &ImportReport) {
    if report.kept_ids {
        line("the database was empty, so the ids in the file were kept");
    }
    if report.ignored_ids {
        line("the ids in the file were not kept (the database was not empty): new ids were given");
    }
}
