//! The agency's commands, from client to placement: each step of the
//! loop the app does from the keyboard, done from the command line.

use super::bench::{self, BenchArgs};
use super::client::{self, ClientArgs};
use super::context::Ctx;
use super::engagement::{self, EngagementArgs};
use super::pipeline::{self, PipelineArgs};
use super::place::{self, PlaceArgs, PlacementArgs};
use super::submit::{self, AnswerArgs, ProfileArgs, SubmitArgs};
use super::submittals::{self, SubmittalsArgs};
use crate::store::Store;
use clap::Subcommand;
use color_eyre::eyre::Result;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum AgencyCommand {
    /// Clients and their contacts: add, edit, list, show.
    Client(ClientArgs),
    /// Engagements: add one for a client, list them with their promise.
    Engagement(EngagementArgs),
    /// Put candidates into an engagement's pipeline.
    Pipeline(PipelineArgs),
    /// Send a candidate's profile to the engagement's client.
    Submit(SubmitArgs),
    /// Record the client's answer to a submittal: interview, reject or hold.
    Answer(AnswerArgs),
    /// List submittals with their answer and age.
    Submittals(SubmittalsArgs),
    /// Print the one-page profile a submittal sends.
    Profile(ProfileArgs),
    /// Place a candidate on terms: dates, bill and pay rates.
    Place(PlaceArgs),
    /// Extend, renew, end early or list placements.
    Placement(PlacementArgs),
    /// Who is free now or soon: available, or their placement ending.
    Bench(BenchArgs),
}

pub fn run(store: &Store, command: &AgencyCommand, ctx: &Ctx) -> Result<ExitCode> {
    match command {
        AgencyCommand::Client(args) => client::run(store, &args.command, ctx),
        AgencyCommand::Engagement(args) => engagement::run(store, &args.command, ctx),
        AgencyCommand::Pipeline(args) => pipeline::pipeline(store, args, &ctx.stamp),
        AgencyCommand::Submit(args) => submit::submit(store, args, ctx),
        AgencyCommand::Answer(args) => submit::answer(store, args, ctx),
        AgencyCommand::Submittals(args) => submittals::list(store, args, ctx),
        AgencyCommand::Profile(args) => submit::profile(store, args),
        AgencyCommand::Place(args) => place::place(store, args, ctx),
        AgencyCommand::Placement(args) => place::run(store, &args.command, ctx),
        AgencyCommand::Bench(args) => bench::bench(store, args, ctx.today()),
    }
}
