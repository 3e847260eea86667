//! `hireterm copy --from PATH_OR_URL --to PATH_OR_URL`: every record,
//! with its id and history, from one database into a new one, on either
//! engine (a folder is the embedded one, `postgres://…` PostgreSQL).

use super::output::line;
use crate::store::copy::{self, Place, Table};
use crate::store::postgres::address::shown;
use clap::Args;
use color_eyre::eyre::Result;
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct CopyArgs {
    /// The database to copy: a folder, or postgres://USER@HOST/DATABASE
    /// (only read).
    #[arg(long, value_name = "PATH_OR_URL")]
    pub from: String,
    /// Where the copy goes: a new or empty folder, or a PostgreSQL
    /// database that holds no records yet.
    #[arg(long, value_name = "PATH_OR_URL")]
    pub to: String,
}

pub fn run(args: &CopyArgs) -> Result<ExitCode> {
    let copied = copy::copy(&args.from, &args.to)?;
    let count = |table| copied.of(table);
    line(format!(
        "copied {} candidates, {} clients, {} engagements, {} applications, {} notes, \
         {} submittals, {} placements and {} events from {} to {}",
        count(Table::Candidates),
        count(Table::Clients),
        count(Table::Engagements),
        count(Table::Applications),
        count(Table::Notes),
        count(Table::Submittals),
        count(Table::Placements),
        count(Table::Events),
        named(&args.from),
        named(&args.to),
    ));
    Ok(ExitCode::SUCCESS)
}

/// A place as it may be printed: never with its password.
fn named(text: &str) -> String {
    match Place::parse(text) {
        Place::Folder(path) => path.display().to_string(),
        Place::Postgres(address) => shown(&address),
    }
}
