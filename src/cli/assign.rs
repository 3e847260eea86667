//! `hireterm engagement assign E3 --interviewer bob [--remove]`: an
//! interviewer sees the engagements they are assigned to, and only those.

use super::context::{self, Ctx, refused};
use super::output::line;
use crate::domain::EngagementId;
use crate::store::Store;
use clap::Args;
use color_eyre::eyre::Result;
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct AssignArgs {
    /// The engagement, as E3 or 3.
    pub engagement: EngagementId,
    /// The interviewer, by the user name their key acts as.
    #[arg(long)]
    pub interviewer: String,
    /// Take them off the engagement instead.
    #[arg(long)]
    pub remove: bool,
}

pub fn assign(store: &Store, args: &AssignArgs, ctx: &Ctx) -> Result<ExitCode> {
    let engagement = context::engagement(store, args.engagement)?;
    let now = store
        .assign_interviewer(engagement.id, &args.interviewer, args.remove, &ctx.stamp)
        .map_err(refused)?;
    let name = crate::domain::text::clean_line(args.interviewer.trim());
    let done = match args.remove {
        true => format!("{name} taken off {}", engagement.id),
        false => format!("{name} assigned to {}", engagement.id),
    };
    let everyone = match now.interviewers.is_empty() {
        true => "none".to_string(),
        false => now.interviewers.join(", "),
    };
    line(format!(
        "{done} ({}); its interviewers: {everyone}",
        engagement.title
    ));
    Ok(ExitCode::SUCCESS)
}
