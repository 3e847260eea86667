//! `hireterm place` and `hireterm placement`: a candidate placed on terms
//! (dates, bill and pay rates), the terms' changes (extend, renew, end
//! early), and every placement with the margin it leaves.

use super::context::{self, Ctx, refused};
use super::margin::{Money, describe, margin_text};
use super::output::line;
use crate::domain::text::clean_line;
use crate::domain::{EngagementId, EngagementStatus, Placement, PlacementId, Terms};
use crate::store::{PlacementEdit, Store};
use chrono::NaiveDate;
use clap::{ArgGroup, Args, Subcommand};
use color_eyre::eyre::{Result, bail};
use serde::Serialize;
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct PlaceArgs {
    /// The engagement, as E3 or 3.
    #[arg(long)]
    pub engagement: EngagementId,
    /// The candidate, as C12, 12, or an email address.
    pub candidate: String,
    #[command(flatten)]
    pub terms: TermsArgs,
}

/// Dates and rates, as `place` and `placement renew` take them.
#[derive(Debug, Clone, Args)]
pub struct TermsArgs {
    /// First day, YYYY-MM-DD.
    #[arg(long)]
    pub start: NaiveDate,
    /// Last day, YYYY-MM-DD (none: open-ended).
    #[arg(long)]
    pub end: Option<NaiveDate>,
    /// What the client pays an hour: "95" or "95 EUR".
    #[arg(long)]
    pub bill: String,
    /// What the developer earns an hour: "70" or "70 EUR".
    #[arg(long)]
    pub pay: String,
    /// The currency of rates given without one (default: the
    /// engagement's, else USD; for a renewal, the placement's).
    #[arg(long)]
    pub currency: Option<String>,
}

#[derive(Debug, Clone, Args)]
#[command(group(ArgGroup::new("new_end").required(true).args(["end", "open_ended"])))]
pub struct ExtendArgs {
    /// The placement, as P3 or 3.
    pub placement: PlacementId,
    /// The new last day, YYYY-MM-DD.
    #[arg(long)]
    pub end: Option<NaiveDate>,
    /// No end date any more.
    #[arg(long)]
    pub open_ended: bool,
}

#[derive(Debug, Clone, Args)]
pub struct PlacementArgs {
    #[command(subcommand)]
    pub command: PlacementCommand,
}

#[derive(Debug, Clone, Subcommand)]
pub enum PlacementCommand {
    /// A new end date at the same rates.
    Extend(ExtendArgs),
    /// New dates and new rates.
    Renew {
        placement: PlacementId,
        #[command(flatten)]
        terms: TermsArgs,
    },
    /// End before the agreed end, with a reason.
    End {
        placement: PlacementId,
        /// The last day worked, YYYY-MM-DD.
        #[arg(long)]
        on: NaiveDate,
        #[arg(long)]
        reason: String,
    },
    /// Every placement with its terms and margin.
    List {
        /// Only those ending within this many days.
        #[arg(long, value_name = "DAYS")]
        ending_within: Option<u16>,
        /// One JSON array instead of aligned text.
        #[arg(long)]
        json: bool,
    },
}

fn terms(args: &TermsArgs, default_currency: &str) -> Result<Terms> {
    let currency = args.currency.as_deref().unwrap_or(default_currency);
    let currency = currency.trim().to_uppercase();
    let terms = Terms {
        start: args.start,
        end: args.end,
        bill: context::rate(&args.bill, &currency, "--bill")?,
        pay: context::rate(&args.pay, &currency, "--pay")?,
    };
    match terms.problem() {
        Some(problem) => bail!("{problem}"),
        None => Ok(terms),
    }
}

pub fn place(store: &Store, args: &PlaceArgs, ctx: &Ctx) -> Result<ExitCode> {
    let engagement = context::engagement(store, args.engagement)?;
    let candidate = context::candidate(store, &args.candidate)?;
    let terms = terms(&args.terms, &context::currency_of(&engagement))?;
    let placed = store
        .place(engagement.id, candidate.id, terms, &ctx.stamp)
        .map_err(refused)?;
    line(format!(
        "{}: {} {} placed in {} {}: {}",
        placed.placement.id,
        candidate.id,
        candidate.name,
        engagement.id,
        engagement.title,
        describe(placed.placement.terms(), &ctx.policy.money)
    ));
    if placed.engagement.status == EngagementStatus::Filled
        && engagement.status != EngagementStatus::Filled
    {
        line(format!("{} is now filled", engagement.id));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run(store: &Store, command: &PlacementCommand, ctx: &Ctx) -> Result<ExitCode> {
    let (id, edit) = match command {
        PlacementCommand::List {
            ending_within,
            json,
        } => return list(store, *ending_within, *json, ctx),
        PlacementCommand::Extend(args) => (args.placement, PlacementEdit::Extend { end: args.end }),
        PlacementCommand::Renew {
            placement,
            terms: t,
        } => {
            let current = placement_of(store, *placement)?;
            let terms = terms(t, &current.terms().bill.currency)?;
            (*placement, PlacementEdit::Renew { terms })
        }
        PlacementCommand::End {
            placement,
            on,
            reason,
        } => {
            let reason = clean_line(reason);
            if reason.is_empty() {
                bail!("an early end needs --reason");
            }
            (*placement, PlacementEdit::EndEarly { on: *on, reason })
        }
    };
    placement_of(store, id)?;
    let changed = store
        .change_placement(id, edit, &ctx.stamp)
        .map_err(refused)?;
    let latest = changed.latest();
    let why = latest
        .reason
        .as_deref()
        .map_or(String::new(), |r| format!(" ({r})"));
    line(format!(
        "{id} {}{why}: {}",
        latest.kind.label(),
        describe(&latest.terms, &ctx.policy.money)
    ));
    Ok(ExitCode::SUCCESS)
}

fn placement_of(store: &Store, id: PlacementId) -> Result<Placement> {
    match store.placement(id)? {
        Some(placement) => Ok(placement),
        None => bail!("no placement {id}; `hireterm placement list` shows them"),
    }
}

/// A placement as listed, every text cleaned.
#[derive(Serialize)]
struct Printed {
    id: String,
    candidate: String,
    name: String,
    engagement: String,
    start: String,
    end: Option<String>,
    status: &'static str,
    bill: String,
    pay: String,
    #[serde(flatten)]
    money: Money,
}

fn status(placement: &Placement, today: NaiveDate) -> &'static str {
    if placement.terms().start > today {
        "starting"
    } else if placement.is_active(today) {
        "active"
    } else if placement.is_ended_early() {
        "ended early"
    } else {
        "ended"
    }
}

fn list(store: &Store, within: Option<u16>, json: bool, ctx: &Ctx) -> Result<ExitCode> {
    let today = ctx.today();
    let mut printed = Vec::new();
    for p in store.placements()? {
        if within.is_some_and(|days| !p.ends_within(today, i64::from(days))) {
            continue;
        }
        let name = store
            .candidate(p.candidate)?
            .map_or(String::new(), |c| c.name);
        let terms = p.terms();
        printed.push(Printed {
            id: p.id.to_string(),
            candidate: p.candidate.to_string(),
            name: clean_line(&name),
            engagement: p.engagement.to_string(),
            start: terms.start.to_string(),
            end: terms.end.map(|e| e.to_string()),
            status: status(&p, today),
            bill: clean_line(&terms.bill.to_string()),
            pay: clean_line(&terms.pay.to_string()),
            money: Money::of(terms, &ctx.policy.money),
        });
    }
    if json {
        line(serde_json::to_string(&printed)?);
        return Ok(ExitCode::SUCCESS);
    }
    for p in &printed {
        line(format!(
            "{:<6}{:<7}{:<20.20}  {:<6}{} to {:<10}  {:<11}  bill {}, pay {}, {}",
            p.id,
            p.candidate,
            p.name,
            p.engagement,
            p.start,
            p.end.as_deref().unwrap_or("open"),
            p.status,
            p.bill,
            p.pay,
            clean_line(&margin_text(&p.money))
        ));
    }
    Ok(ExitCode::SUCCESS)
}
