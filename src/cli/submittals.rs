//! `hireterm submittals`: every profile sent, with the client's answer,
//! its age, and `!` where the answer is overdue.

use super::context::{self, Ctx};
use super::output::line;
use crate::domain::EngagementId;
use crate::domain::text::clean_line;
use crate::domain::time::days_between;
use crate::store::Store;
use clap::Args;
use color_eyre::eyre::Result;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct SubmittalsArgs {
    /// Only this engagement's.
    #[arg(long)]
    pub engagement: Option<EngagementId>,
    /// Only those still waiting for the client's answer (none yet, or on
    /// hold).
    #[arg(long)]
    pub waiting: bool,
    /// One JSON array instead of aligned text.
    #[arg(long)]
    pub json: bool,
}

/// A submittal as listed, every text cleaned.
#[derive(Serialize)]
struct Printed {
    id: String,
    engagement: String,
    candidate: String,
    name: String,
    client: String,
    to: Vec<String>,
    sent: String,
    age_days: i64,
    bill: Option<String>,
    status: &'static str,
    reason: Option<String>,
    /// The client's answer is overdue (config.toml, [submittals] answer_days).
    overdue: bool,
}

pub fn list(store: &Store, args: &SubmittalsArgs, ctx: &Ctx) -> Result<ExitCode> {
    let clients = store.clients()?;
    let mut printed = Vec::new();
    for s in store.submittals()? {
        if args.engagement.is_some_and(|e| e != s.engagement)
            || (args.waiting && !s.awaits_answer())
        {
            continue;
        }
        let name = store
            .candidate(s.candidate)?
            .map_or(String::new(), |c| c.name);
        printed.push(Printed {
            id: s.id.to_string(),
            engagement: s.engagement.to_string(),
            candidate: s.candidate.to_string(),
            name: clean_line(&name),
            client: clean_line(&context::client_name(&clients, s.client)),
            to: s.to.iter().map(|t| clean_line(t)).collect(),
            sent: s.at.date_naive().to_string(),
            age_days: days_between(s.at, ctx.now()),
            bill: s.bill_rate.as_ref().map(|r| clean_line(&r.to_string())),
            status: s.status(),
            reason: s.answer().and_then(|a| a.reason.as_deref()).map(clean_line),
            overdue: s
                .answer_overdue_since(ctx.policy.answer_days, ctx.now())
                .is_some(),
        });
    }
    if args.json {
        line(serde_json::to_string(&printed)?);
        return Ok(ExitCode::SUCCESS);
    }
    for s in &printed {
        let reason = s
            .reason
            .as_deref()
            .map_or(String::new(), |r| format!(": {r}"));
        line(format!(
            "{:<6}{:<6}{:<7}{:<20.20}  {:<18.18}  {}  {:>3}d  {:<10}{}{reason}{}",
            s.id,
            s.engagement,
            s.candidate,
            s.name,
            s.client,
            s.sent,
            s.age_days,
            s.bill.as_deref().unwrap_or("–"),
            s.status,
            if s.overdue { "  ! answer overdue" } else { "" }
        ));
    }
    Ok(ExitCode::SUCCESS)
}
