//! `hireterm consent C12 --given DATE --source TEXT [--until DATE]` and
//! `hireterm consent C12 --withdraw`: a person's consent to be kept,
//! recorded or withdrawn, each an event. Recruiters and admins
//! (`access.rs`: editing records).

use super::context::candidate;
use super::output::line;
use crate::domain::consent::DEFAULT_CONSENT_DAYS;
use crate::domain::text::clean_line;
use crate::domain::{Consent, Stamp};
use crate::store::Store;
use chrono::NaiveDate;
use clap::Args;
use color_eyre::eyre::{Result, bail};
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct ConsentArgs {
    /// The candidate, as C12, 12, or an email address.
    pub candidate: String,
    /// The day consent was given (YYYY-MM-DD).
    #[arg(
        long,
        value_name = "DATE",
        required_unless_present = "withdraw",
        requires = "source"
    )]
    pub given: Option<NaiveDate>,
    /// How it was given: "email of 1 Dec", "sign-up form".
    #[arg(long, value_name = "TEXT", requires = "given")]
    pub source: Option<String>,
    /// Its last day (default: two years after it was given).
    #[arg(long, value_name = "DATE", requires = "given")]
    pub until: Option<NaiveDate>,
    /// The person withdrew their consent: the retention rules apply again.
    #[arg(long, conflicts_with_all = ["given", "source", "until"])]
    pub withdraw: bool,
}

pub fn run(store: &Store, args: &ConsentArgs, stamp: &Stamp) -> Result<ExitCode> {
    let person = candidate(store, &args.candidate)?;
    if args.withdraw && person.consent.is_none() {
        bail!(
            "{} has no consent on record: nothing to withdraw",
            person.id
        );
    }
    let consent = match (args.withdraw, args.given) {
        (false, Some(given)) => {
            let source = args.source.clone().unwrap_or_default();
            let mut consent = Consent::for_days(given, DEFAULT_CONSENT_DAYS, source);
            consent.until = args.until.unwrap_or(consent.until);
            Some(consent)
        }
        _ => None,
    };
    let stored = store.set_consent(person.id, consent, stamp)?;
    let who = format!("{} {}", stored.id, clean_line(&stored.name));
    line(match &stored.consent {
        Some(c) => format!(
            "{who}: consent given {} ({}), holds until {}",
            c.given_on,
            clean_line(&c.source),
            c.until
        ),
        None => format!("{who}: consent withdrawn; the retention rules apply to them again"),
    });
    Ok(ExitCode::SUCCESS)
}
