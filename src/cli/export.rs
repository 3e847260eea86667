//! `hireterm export`: every record with its id, as one JSON document or a
//! folder of CSV files. The event log stays out (that is `hireterm backup`).

use super::import::FormatArg;
use super::output::line;
use crate::domain::Stamp;
use crate::interchange::{ExportCounts, export};
use crate::store::Store;
use clap::Args;
use color_eyre::eyre::{Result, bail};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// json (default): one document; csv: a folder of a file per kind
    /// of record.
    #[arg(long, value_enum, default_value_t = FormatArg::Json)]
    pub format: FormatArg,
    /// A file (JSON) or a new folder (CSV); default: standard output.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
}

/// The export, then its record in the event log (who took what out:
/// the audit of access).
pub fn run(store: &Store, args: &ExportArgs, stamp: &Stamp) -> Result<ExitCode> {
    write(store, args)?;
    let format = match args.format {
        FormatArg::Json => "json",
        FormatArg::Csv => "csv",
    };
    let to = args
        .out
        .as_ref()
        .map_or("standard output".into(), |p| p.display().to_string());
    store.record_export(&format!("export as {format} to {to}"), None, stamp)?;
    Ok(ExitCode::SUCCESS)
}

fn write(store: &Store, args: &ExportArgs) -> Result<()> {
    match (args.format, &args.out) {
        (FormatArg::Json, None) => {
            export::export_json(store, std::io::stdout().lock())?;
        }
        (FormatArg::Json, Some(path)) => {
            let file = std::fs::File::create_new(path).map_err(|e| {
                color_eyre::eyre::eyre!(
                    "cannot create {}: {e} (it must not exist yet)",
                    path.display()
                )
            })?;
            let counts = export::export_json(store, file)?;
            report(&counts, path);
        }
        (FormatArg::Csv, None) => {
            if export::has_more_than_candidates(store) {
                bail!(
                    "the database holds clients, engagements or notes too, which need a file each: \
                     pass --out DIR to write a folder of CSV files"
                );
            }
            export::export_csv_candidates(store, std::io::stdout().lock())?;
        }
        (FormatArg::Csv, Some(dir)) => {
            let counts = export::export_csv_folder(store, dir)?;
            report(&counts, dir);
        }
    }
    Ok(())
}

fn report(counts: &ExportCounts, path: &std::path::Path) {
    line(format!(
        "exported {} candidates, {} clients, {} engagements, {} applications, {} submittals, {} placements and {} notes to {}",
        counts.candidates,
        counts.clients,
        counts.engagements,
        counts.applications,
        counts.submittals,
        counts.placements,
        counts.notes,
        path.display()
    ));
}
