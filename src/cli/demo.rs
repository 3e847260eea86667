//! `hireterm demo`: fill a database with generated data.

use super::output::line;
use super::{Cli, DemoArgs};
use crate::catalog::Catalog;
use crate::demo::{DemoOptions, write_streamed};
use crate::domain::Stamp;
use crate::store::{BulkReport, Store};
use chrono::{DurationRound, TimeDelta, Utc};
use color_eyre::eyre::{Result, WrapErr, bail};
use std::process::ExitCode;

pub fn fill(store: &Store, args: &DemoArgs, actor: &str) -> Result<ExitCode> {
    let written = fill_quietly(store, args, actor)?;
    line(format!(
        "wrote {} candidates, {} engagements and {} applications ({} clients, {} submittals, \
         {} placements) to {}",
        written.candidates,
        written.engagements,
        written.applications,
        written.clients,
        written.submittals,
        written.placements,
        store.path().display()
    ));
    Ok(ExitCode::SUCCESS)
}

/// Generates and writes demo data; returns the counts written.
pub fn fill_quietly(store: &Store, args: &DemoArgs, actor: &str) -> Result<BulkReport> {
    let existing = store.candidate_count();
    if existing > 0 {
        bail!(
            "the database at {} already holds {existing} candidates; demo data only goes into \
             an empty database (pass a new --db PATH)",
            store.path().display()
        );
    }
    // Whole days, so that two runs on the same day give the same data.
    let now = match args.now {
        Some(now) => now,
        None => Utc::now().duration_trunc(TimeDelta::days(1))?,
    };
    let options = DemoOptions {
        candidates: args.candidates as usize,
        engagements: args.engagements as usize,
        seed: args.seed,
        now,
    };
    let stamp = Stamp::new(now, actor);
    Ok(write_streamed(store, &options, Catalog::builtin(), &stamp)?)
}

/// `--demo`: a throwaway database, filled with the default demo data.
pub fn run_on_demo(cli: &Cli) -> Result<ExitCode> {
    let scratch = tempfile::Builder::new()
        .prefix("hireterm-demo-")
        .tempdir()
        .wrap_err("cannot create a temporary folder for the demo database")?;
    let code = {
        let store = Store::open(scratch.path().join("db"))?;
        let args = DemoArgs {
            candidates: 500,
            engagements: 12,
            seed: 42,
            now: None,
        };
        fill_quietly(&store, &args, &super::actor(cli))?;
        super::tui::open(store, super::actor(cli), false)?
    };
    scratch
        .close()
        .wrap_err("cannot remove the demo database")?;
    Ok(code)
}
