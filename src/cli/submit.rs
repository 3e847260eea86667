//! `hireterm submit`, `answer`, `submittals` and `profile`: a candidate's
//! profile sent to the client, the client's answer, and what is waiting.

use super::context::{self, Ctx, refused};
use super::output::{line, lines};
use crate::catalog::Catalog;
use crate::domain::text::clean_line;
use crate::domain::{
    AnswerKind, Candidate, Client, Engagement, EngagementId, HourlyRate, Stage, Submittal,
    SubmittalId, earlier_submittal,
};
use crate::interchange::profile;
use crate::store::{Store, SubmittalDraft};
use clap::Args;
use color_eyre::eyre::{Result, bail};
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct SubmitArgs {
    /// The engagement, as E3 or 3.
    #[arg(long)]
    pub engagement: EngagementId,
    /// The candidate, as C12, 12, or an email address.
    pub candidate: String,
    /// A contact of the client to send it to (default: every contact);
    /// repeatable.
    #[arg(long = "to", value_name = "EMAIL")]
    pub to: Vec<String>,
    /// The bill rate proposed, an hour: "95" or "95 EUR" (default: the
    /// engagement's bill rate, else the top of its budget).
    #[arg(long)]
    pub bill: Option<String>,
    /// Send even though this client had the candidate within
    /// `resubmit_days` (config.toml, [submittals]; 90 unless set).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Args)]
pub struct AnswerArgs {
    /// The submittal, as S4 or 4.
    pub submittal: SubmittalId,
    /// What the client said: interview, reject or hold.
    #[arg(value_parser = AnswerKind::parse)]
    pub answer: AnswerKind,
    /// Why (a rejection needs one).
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ProfileArgs {
    /// The candidate, as C12, 12, or an email address.
    pub candidate: String,
    /// The engagement the profile is for, as E3 or 3.
    #[arg(long)]
    pub engagement: EngagementId,
    /// The bill rate to propose (default: the engagement's).
    #[arg(long)]
    pub bill: Option<String>,
}

/// The candidate, the engagement and its client, as stored.
fn parties(
    store: &Store,
    id: EngagementId,
    given: &str,
) -> Result<(Candidate, Engagement, Client)> {
    let engagement = context::engagement(store, id)?;
    let client = context::client_of(store, &engagement)?;
    Ok((context::candidate(store, given)?, engagement, client))
}

/// `--bill` in the engagement's currency, else its quoted rate.
fn bill_for(engagement: &Engagement, given: Option<&str>) -> Result<Option<HourlyRate>> {
    match given {
        Some(text) => context::rate(text, &context::currency_of(engagement), "--bill").map(Some),
        None => Ok(engagement.quoted_bill_rate()),
    }
}

pub fn profile(store: &Store, args: &ProfileArgs) -> Result<ExitCode> {
    let (candidate, engagement, client) = parties(store, args.engagement, &args.candidate)?;
    let bill = bill_for(&engagement, args.bill.as_deref())?;
    let text = profile::render(
        &candidate,
        &engagement,
        &client,
        Catalog::builtin(),
        bill.as_ref(),
    );
    lines(&text, "");
    Ok(ExitCode::SUCCESS)
}

pub fn submit(store: &Store, args: &SubmitArgs, ctx: &Ctx) -> Result<ExitCode> {
    let (candidate, engagement, client) = parties(store, args.engagement, &args.candidate)?;
    if store.application(engagement.id, candidate.id)?.is_none() {
        bail!(
            "{} is not in the pipeline of {}: add them with `hireterm pipeline add \
             --engagement {} {}` first",
            candidate.id,
            engagement.id,
            engagement.id,
            candidate.id
        );
    }
    resubmission_guard(store, &candidate, &client, args.force, ctx)?;
    let to = recipients(&client, &args.to)?;
    let bill = bill_for(&engagement, args.bill.as_deref())?;
    let catalog = Catalog::builtin();
    let draft = SubmittalDraft {
        engagement: engagement.id,
        candidate: candidate.id,
        to,
        profile: profile::render(&candidate, &engagement, &client, catalog, bill.as_ref()),
        bill_rate: bill,
    };
    let sent = store.submit(draft, &ctx.stamp).map_err(refused)?;
    let rate = sent
        .bill_rate
        .as_ref()
        .map_or_else(|| "no rate proposed".to_string(), |r| format!("at {r}"));
    line(format!(
        "{}: {} {} submitted to {} ({}) for {} {}",
        sent.id,
        candidate.id,
        candidate.name,
        client.name,
        sent.to.join(", "),
        engagement.id,
        rate
    ));
    Ok(ExitCode::SUCCESS)
}

/// Refuses to send a candidate to a client who had them within the
/// policy's days, naming the earlier submittal, unless forced.
fn resubmission_guard(
    store: &Store,
    candidate: &Candidate,
    client: &Client,
    force: bool,
    ctx: &Ctx,
) -> Result<()> {
    let all = store.submittals()?;
    let days = ctx.policy.resubmit_days;
    let Some(earlier) = earlier_submittal(&all, candidate.id, client.id, days, ctx.now()) else {
        return Ok(());
    };
    let title = store
        .engagement(earlier.engagement)?
        .map_or(String::new(), |e| format!(" {}", e.title));
    let what = format!(
        "{} {} was submitted to {} on {} as {} (for {}{title})",
        candidate.id,
        candidate.name,
        client.name,
        earlier.at.date_naive(),
        earlier.id,
        earlier.engagement
    );
    if !force {
        bail!("{what}; sending them again within {days} days needs --force");
    }
    line(format!("note: {what}; sending again as asked (--force)"));
    Ok(())
}

/// The contacts named, or every contact of the client.
fn recipients(client: &Client, given: &[String]) -> Result<Vec<String>> {
    if !given.is_empty() {
        return Ok(given.iter().map(|e| clean_line(e)).collect());
    }
    if client.contacts.is_empty() {
        bail!(
            "{} has no contacts to send to: add one with `hireterm client edit {} \
             --add-contact \"Jane Roe <jane@example.com>\"`",
            client.name,
            client.id
        );
    }
    Ok(client.contacts.iter().map(|c| c.email.clone()).collect())
}

pub fn answer(store: &Store, args: &AnswerArgs, ctx: &Ctx) -> Result<ExitCode> {
    let reason = args
        .reason
        .as_deref()
        .map(clean_line)
        .filter(|r| !r.is_empty());
    if args.answer == AnswerKind::Rejected && reason.is_none() {
        bail!("a rejection by the client needs --reason: what did they say?");
    }
    if store.submittal(args.submittal)?.is_none() {
        bail!(
            "no submittal {}; `hireterm submittals` lists them",
            args.submittal
        );
    }
    let access = super::access_scope::local(&ctx.stamp.actor);
    super::access_scope::reaches_submittal(store, &access, args.submittal)?;
    let answered = store
        .answer_submittal(args.submittal, args.answer, reason, &ctx.stamp)
        .map_err(refused)?;
    line(format!(
        "{}: {} ({} for {})",
        answered.id,
        answered.status(),
        answered.candidate,
        answered.engagement
    ));
    if args.answer == AnswerKind::InterviewRequested {
        to_client_interview(store, &answered, ctx)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A client asking for an interview moves the card to Client interview
/// when it is still before it.
fn to_client_interview(store: &Store, submittal: &Submittal, ctx: &Ctx) -> Result<()> {
    let (e, c) = (submittal.engagement, submittal.candidate);
    let Some(app) = store.application(e, c)? else {
        return Ok(());
    };
    if app.stage.is_exit() {
        line(format!(
            "{e}/{c} left the pipeline at {}: not moved",
            app.stage
        ));
    } else if app.stage < Stage::ClientInterview {
        let reason = format!("the client asked for an interview ({})", submittal.id);
        let moved = store.move_stage(e, c, Stage::ClientInterview, Some(reason), &ctx.stamp)?;
        line(format!("{e}/{c}: {} → {}", app.stage, moved.stage));
    }
    Ok(())
}
