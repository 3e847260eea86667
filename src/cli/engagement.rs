//! `hireterm engagement`: what clients need filled, and where each
//! engagement stands (placed against headcount, the 48-hour promise).

use super::context::{self, Ctx, refused};
use super::output::line;
use crate::catalog::Catalog;
use crate::domain::codes::currency_code_problem;
use crate::domain::engagement::requirements_problem;
use crate::domain::rate::range_problem;
use crate::domain::text::clean_line;
use crate::domain::{
    Engagement, EngagementId, EngagementStatus, HiringModel, Level, Priority, RateRange,
    Requirement,
};
use crate::store::Store;
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use color_eyre::eyre::{Result, bail, eyre};
use serde::Serialize;
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct EngagementArgs {
    #[command(subcommand)]
    pub command: EngagementCommand,
}

#[derive(Debug, Clone, Subcommand)]
pub enum EngagementCommand {
    /// Open an engagement for a client.
    Add(Box<EngagementAddArgs>),
    /// Every engagement: client, status, owner, placed against headcount,
    /// and the 48-hour promise.
    List {
        /// One JSON array instead of aligned text.
        #[arg(long)]
        json: bool,
    },
    /// Give an interviewer an engagement to see (or take them off it).
    Assign(super::assign::AssignArgs),
}

#[derive(Debug, Clone, Args)]
pub struct EngagementAddArgs {
    /// The client, by name or as CL2.
    #[arg(long)]
    pub client: String,
    #[arg(long)]
    pub title: String,
    /// The role type, by id, name or alias ("devops", "sre").
    #[arg(long)]
    pub role: String,
    /// A required skill as SKILL:LEVEL:must or SKILL:LEVEL:nice ("k8s:4:must");
    /// repeatable, at least one a must.
    #[arg(long = "require", value_name = "SKILL:LEVEL:PRIORITY", required = true)]
    pub requirements: Vec<String>,
    /// How many people.
    #[arg(long, default_value_t = 1)]
    pub headcount: u16,
    /// Hourly budget per person: "60-90" or "80".
    #[arg(long)]
    pub budget: Option<String>,
    /// The currency of the budget and the bill rate.
    #[arg(long, default_value = "USD")]
    pub currency: String,
    /// The bill rate agreed with the client, an hour: "95" or "95 EUR".
    #[arg(long)]
    pub bill: Option<String>,
    #[arg(long, value_enum, default_value_t = ModelArg::StaffAugmentation)]
    pub model: ModelArg,
    /// Target start, YYYY-MM-DD.
    #[arg(long)]
    pub start: Option<NaiveDate>,
    /// The recruiter responsible (default: who acts, as --as says).
    #[arg(long)]
    pub owner: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ModelArg {
    StaffAugmentation,
    DedicatedTeam,
    ContractToHire,
    FullTime,
}

impl From<ModelArg> for HiringModel {
    fn from(model: ModelArg) -> HiringModel {
        match model {
            ModelArg::StaffAugmentation => HiringModel::StaffAugmentation,
            ModelArg::DedicatedTeam => HiringModel::DedicatedTeam,
            ModelArg::ContractToHire => HiringModel::ContractToHire,
            ModelArg::FullTime => HiringModel::FullTime,
        }
    }
}

pub fn run(store: &Store, command: &EngagementCommand, ctx: &Ctx) -> Result<ExitCode> {
    match command {
        EngagementCommand::Add(args) => add(store, args, ctx),
        EngagementCommand::List { json } => list(store, *json, ctx),
        EngagementCommand::Assign(args) => super::assign::assign(store, args, ctx),
    }
}

fn add(store: &Store, args: &EngagementAddArgs, ctx: &Ctx) -> Result<ExitCode> {
    let engagement = build(store, args, ctx)?;
    let added = store
        .add_engagement(engagement, &ctx.stamp)
        .map_err(refused)?;
    let client = context::client_of(store, &added)?;
    line(format!(
        "added {} {} for {} {} (owner {})",
        added.id, added.title, client.id, client.name, added.owner
    ));
    Ok(ExitCode::SUCCESS)
}

fn build(store: &Store, args: &EngagementAddArgs, ctx: &Ctx) -> Result<Engagement> {
    let catalog = Catalog::builtin();
    let client = context::client(store, &args.client)?;
    let role = catalog
        .find_role(&args.role)
        .ok_or_else(|| eyre!("unknown role type `{}`", clean_line(&args.role)))?;
    let requirements = args
        .requirements
        .iter()
        .map(|r| parse_requirement(r, catalog))
        .collect::<Result<Vec<_>>>()?;
    if let Some(problem) = requirements_problem(&requirements) {
        bail!("--require: {problem}");
    }
    let currency = args.currency.trim().to_uppercase();
    if let Some(problem) = currency_code_problem(&currency) {
        bail!("--currency: {problem}");
    }
    let bill = args.bill.as_deref();
    Ok(Engagement {
        id: EngagementId(0),
        client: client.id,
        owner: args
            .owner
            .as_deref()
            .map_or_else(|| ctx.stamp.actor.clone(), clean_line),
        title: clean_line(&args.title),
        role: role.id.clone(),
        requirements,
        headcount: args.headcount,
        budget: args
            .budget
            .as_deref()
            .map(|b| parse_budget(b, &currency))
            .transpose()?,
        bill_rate: bill
            .map(|b| context::rate(b, &currency, "--bill"))
            .transpose()?,
        model: args.model.into(),
        status: EngagementStatus::Open,
        opened_at: ctx.now(),
        target_start: args.start,
    })
}

/// `kubernetes:4:must`, `k8s:4:nice`, `go:3` (a must).
fn parse_requirement(text: &str, catalog: &Catalog) -> Result<Requirement> {
    let shape = || {
        eyre!(
            "requirement `{}` is not like kubernetes:4:must",
            clean_line(text)
        )
    };
    let (head, last) = text.rsplit_once(':').ok_or_else(shape)?;
    let priority = match last.trim().to_lowercase().as_str() {
        "must" => Some(Priority::Must),
        "nice" => Some(Priority::Nice),
        _ => None,
    };
    let (rest, level) = match priority {
        Some(_) => head.rsplit_once(':').ok_or_else(shape)?,
        None => (head, last),
    };
    let priority = priority.unwrap_or(Priority::Must);
    let skill = catalog
        .find_skill(rest)
        .ok_or_else(|| eyre!("unknown skill `{}`", clean_line(rest)))?;
    let level: u8 = level
        .trim()
        .parse()
        .map_err(|_| eyre!("level `{}` is not a number from 0 to 5", clean_line(level)))?;
    Ok(Requirement {
        skill: skill.id.clone(),
        min_level: Level::new(level)?,
        priority,
    })
}

/// `60-90` or `80`, in `currency`.
fn parse_budget(text: &str, currency: &str) -> Result<RateRange> {
    let number = |s: &str| {
        s.trim()
            .trim_start_matches('$')
            .parse::<u32>()
            .map_err(|_| eyre!("--budget `{}` is not \"80\" or \"60-90\"", clean_line(text)))
    };
    let (min, max) = match text.split_once('-') {
        Some((min, max)) => (number(min)?, number(max)?),
        None => (number(text)?, number(text)?),
    };
    if let Some(problem) = range_problem(min, max) {
        bail!("--budget: {problem}");
    }
    Ok(RateRange {
        min,
        max,
        currency: currency.to_string(),
    })
}

/// An engagement as listed, every text cleaned.
#[derive(Serialize)]
struct Printed {
    id: String,
    client: String,
    title: String,
    status: &'static str,
    owner: String,
    headcount: u16,
    /// Placements that hold a seat today (running or about to start).
    placed: usize,
    promise: String,
}

fn list(store: &Store, json: bool, ctx: &Ctx) -> Result<ExitCode> {
    let clients = store.clients()?;
    let submittals = store.submittals()?;
    let placements = store.placements()?;
    let (policy, now) = (&ctx.policy.promise, ctx.now());
    let printed: Vec<Printed> = store
        .engagements()?
        .iter()
        .map(|e| Printed {
            id: e.id.to_string(),
            client: clean_line(&context::client_name(&clients, e.client)),
            title: clean_line(&e.title),
            status: e.status.label(),
            owner: clean_line(&e.owner),
            headcount: e.headcount,
            placed: placements
                .iter()
                .filter(|p| p.engagement == e.id && p.holds_a_seat(ctx.today()))
                .count(),
            promise: policy
                .promise(e, &submittals, now)
                .describe(policy.count, now),
        })
        .collect();
    if json {
        line(serde_json::to_string(&printed)?);
        return Ok(ExitCode::SUCCESS);
    }
    for e in &printed {
        line(format!(
            "{:<6}{:<20.20}  {:<28.28}  {:<10}{:<12.12}{:<12}{}",
            e.id,
            e.client,
            e.title,
            e.status,
            e.owner,
            format!("{}/{} placed", e.placed, e.headcount),
            e.promise
        ));
    }
    Ok(ExitCode::SUCCESS)
}
