//! The command line: clap definitions and the non-interactive subcommands,
//! so the interactive screen is never the only way in.

mod access;
mod access_scope;
mod actor;
mod add;
mod agency;
mod assign;
mod audit;
mod backup;
mod bench;
mod client;
mod close;
mod config;
mod config_access;
mod config_goals;
mod config_retention;
mod config_terminal;
mod consent;
mod context;
mod copies;
mod copy;
mod database;
mod delete;
mod demo;
mod engagement;
mod erase;
mod export;
mod import;
mod import_columns;
mod list;
mod list_rows;
mod margin;
mod output;
mod pipeline;
mod place;
mod report;
mod report_args;
mod retention;
mod retention_gather;
mod retention_report;
mod search;
mod serve;
mod shell;
mod stats;
mod submit;
mod submittals;
mod tui;
mod views;
mod views_save;

use crate::store::Store;
use chrono::{DateTime, Utc};
use clap::{Args, Parser, Subcommand};
use color_eyre::eyre::{Result, eyre};
use std::path::PathBuf;
use std::process::ExitCode;

pub use output::describe_error;

/// Staff back-end developers from the terminal: candidates, skill matrices
/// and engagement pipelines in one embedded database.
#[derive(Debug, Parser)]
#[command(name = "hireterm", version, about, long_about = None)]
pub struct Cli {
    /// Database folder; defaults to hireterm/db in your data directory.
    #[arg(long, global = true, env = "HIRETERM_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Run on a fresh demo database in a temporary folder, removed on exit.
    #[arg(long)]
    pub demo: bool,

    /// Name to record as the actor of your changes (default: your OS user).
    #[arg(long = "as", global = true, value_name = "NAME")]
    pub actor: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add one candidate.
    Add(Box<add::AddArgs>),
    /// Write a consistent, self-contained copy of the database to a new folder.
    Backup(backup::BackupArgs),
    /// Replace the database with a backup (refuses one with records unless --force).
    Restore(backup::RestoreArgs),
    /// Copy every record, with its id and history, into a new database (folder or postgres://).
    Copy(copy::CopyArgs),
    /// Take back a merge of a duplicate, by its event id (V123).
    Unmerge {
        /// The merge's event, as `add --merge` or `import` printed it.
        event: crate::domain::EventId,
    },
    /// Fill a database with realistic, deterministic demo data.
    Demo(DemoArgs),
    /// Move a candidate to another stage of an engagement's pipeline.
    Move(pipeline::MoveArgs),
    /// Reject a candidate from an engagement, with a reason.
    Reject(pipeline::RejectArgs),
    /// Add a note to a candidate, or to one of their applications.
    Note(pipeline::NoteArgs),
    #[command(flatten)]
    Agency(agency::AgencyCommand),
    /// Import candidates, or applications from another system, from a CSV or JSON file (or a whole export into an empty database).
    Import(import::ImportArgs),
    /// Export every record with its id, as JSON or a folder of CSV files.
    Export(export::ExportArgs),
    /// List candidates through a filter or a saved view, as the app's table lists them.
    List(list::ListArgs),
    /// Search roles, skills, candidates and engagements, ranked as in the app.
    Search(search::SearchArgs),
    /// Print counts by kind, stage and role, and of the agency's records.
    Stats(stats::StatsArgs),
    /// Print a report for a period and scope: funnel, ratios, sources, margin, recruiters, trends.
    Report(report_args::ReportArgs),
    /// Decode every record and verify that indexes and events agree.
    Check,
    /// Erase a person's data for good (admins; a subject's request).
    Erase(erase::EraseArgs),
    /// Apply the retention rules of config.toml: list (--dry-run) or erase
    /// whom they select (admins).
    Retention(retention::RetentionArgs),
    /// Record a person's consent to be kept (or --withdraw it).
    Consent(consent::ConsentArgs),
    /// Delete a record entered by mistake (one nothing else depends on).
    #[command(subcommand)]
    Delete(delete::DeleteArgs),
    /// Everything the log holds about one person: changes, who opened
    /// their record, exports that held it; oldest first.
    Audit(audit::AuditArgs),
    /// Serve the app over SSH to a team: one session per public key, one database.
    Serve(serve::ServeArgs),
    /// Print the completion script for a shell: bash, zsh or fish.
    Completions(shell::CompletionsArgs),
    /// Print the man page (roff): `hireterm man | man -l -`.
    Man,
}

#[derive(Debug, Clone, Args)]
pub struct DemoArgs {
    /// How many candidates to generate.
    #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u32).range(0..=5_000_000))]
    pub candidates: u32,
    /// How many engagements to generate.
    #[arg(long, default_value_t = 12, value_parser = clap::value_parser!(u32).range(0..=100_000))]
    pub engagements: u32,
    /// Seed of the generator: the same seed gives the same data.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// The moment the data is generated around (RFC 3339); default: now.
    #[arg(long, value_name = "TIME")]
    pub now: Option<DateTime<Utc>>,
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    if cli.demo {
        return demo::run_on_demo(&cli);
    }
    if let Some(command) = &cli.command {
        access::gate(command)?;
    }
    match &cli.command {
        Some(Command::Completions(args)) => return shell::completions(args),
        Some(Command::Man) => return shell::man(),
        Some(Command::Copy(args)) => return copy::run(args),
        _ => {}
    }
    let path = database_path(cli.db.as_deref())?;
    let created = database::check(&path, cli.command.as_ref())?;
    match &cli.command {
        None => tui::open_at(&path, actor(&cli), created),
        Some(Command::Add(args)) => with_store(&path, |store| add::add(store, args, &stamp(&cli))),
        Some(Command::Unmerge { event }) => {
            with_store(&path, |store| add::unmerge(store, *event, &stamp(&cli)))
        }
        Some(Command::Stats(args)) => match stats::quick(&path, args, &context(&cli)) {
            Some(printed) => printed,
            None => with_store(&path, |store| stats::stats(store, args, &context(&cli))),
        },
        Some(Command::Agency(command)) => {
            with_store(&path, |store| agency::run(store, command, &context(&cli)))
        }
        Some(Command::Backup(args)) => with_store(&path, |store| backup::backup(store, args)),
        Some(Command::Restore(args)) => backup::restore(&path, args),
        Some(Command::Move(args)) => with_store(&path, |store| {
            pipeline::move_card(store, args, &stamp(&cli))
        }),
        Some(Command::Note(args)) => {
            with_store(&path, |store| pipeline::note(store, args, &stamp(&cli)))
        }
        Some(Command::Reject(args)) => {
            with_store(&path, |store| pipeline::reject(store, args, &stamp(&cli)))
        }
        Some(Command::Import(args)) => {
            with_store(&path, |store| import::run(store, args, &stamp(&cli)))
        }
        Some(Command::Export(args)) => {
            with_store(&path, |store| export::run(store, args, &stamp(&cli)))
        }
        Some(Command::Audit(args)) => with_store(&path, |store| audit::run(store, args)),
        Some(Command::List(args)) => list::run(&path, args, &context(&cli)),
        Some(Command::Report(args)) => report::run(&path, args, &context(&cli)),
        Some(Command::Search(args)) => {
            with_store(&path, |store| search::search(store, args, &context(&cli)))
        }
        Some(Command::Check) => with_store(&path, stats::check),
        Some(Command::Delete(args)) => {
            with_store(&path, |store| delete::delete(store, args, &stamp(&cli)))
        }
        Some(Command::Erase(args)) => erase::erase(&path, args, &stamp(&cli)),
        Some(Command::Retention(args)) => retention::run(&path, args, &actor(&cli)),
        Some(Command::Consent(args)) => {
            with_store(&path, |store| consent::run(store, args, &stamp(&cli)))
        }
        Some(Command::Serve(_)) if cli.actor.is_some() => Err(eyre!(
            "--as does not apply to serve: each key acts as the user its authorized_keys line names"
        )),
        Some(Command::Serve(args)) => {
            serve::prepare();
            let store = Store::open(&path)?;
            if created {
                output::warn(database::created_notice(&path));
            }
            serve::serve(store, args)
        }
        Some(Command::Completions(_) | Command::Man | Command::Copy(_)) => Ok(ExitCode::SUCCESS),
        Some(Command::Demo(args)) => {
            with_store(&path, |store| demo::fill(store, args, &actor(&cli)))
        }
    }
}

fn with_store(
    path: &std::path::Path,
    act: impl FnOnce(&Store) -> Result<ExitCode>,
) -> Result<ExitCode> {
    let store = Store::open(path)?;
    let outcome = act(&store);
    let closed = close::close_store(store);
    let code = outcome?;
    closed?;
    Ok(code)
}

/// [`with_store`] on a database that must exist already (see `database`).
fn with_existing_store(
    path: &std::path::Path,
    act: impl FnOnce(&Store) -> Result<ExitCode>,
) -> Result<ExitCode> {
    database::refuse_missing(path)?;
    with_store(path, act)
}

/// `--db`, else `HIRETERM_DB` (both through clap), else the data directory.
fn database_path(given: Option<&std::path::Path>) -> Result<PathBuf> {
    if let Some(path) = given {
        return Ok(path.to_path_buf());
    }
    directories::ProjectDirs::from("", "", "hireterm")
        .map(|dirs| dirs.data_dir().join("db"))
        .ok_or_else(|| eyre!("cannot find your data directory; pass --db PATH or set HIRETERM_DB"))
}

/// Who acts now, under the rules of `config.toml`.
fn context(cli: &Cli) -> context::Ctx {
    context::Ctx::new(stamp(cli))
}

fn stamp(cli: &Cli) -> crate::domain::Stamp {
    crate::domain::Stamp::new(Utc::now(), actor(cli))
}

/// Who the event log names: `--as`, else the OS user.
fn actor(cli: &Cli) -> String {
    actor::actor(cli.actor.as_deref())
}
