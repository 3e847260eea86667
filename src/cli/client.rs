//! `hireterm client`: the companies engagements are for, with the
//! contacts profiles are submitted to.

use super::context::{self, Ctx, refused};
use super::output::{line, lines};
use crate::domain::client::clean_name;
use crate::domain::text::{clean, clean_line, normalize_email};
use crate::domain::{Client, ClientId, Contact, Engagement, Submittal};
use crate::store::Store;
use clap::{Args, Subcommand};
use color_eyre::eyre::{Result, bail, eyre};
use serde::Serialize;
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct ClientArgs {
    #[command(subcommand)]
    pub command: ClientCommand,
}

#[derive(Debug, Clone, Subcommand)]
pub enum ClientCommand {
    /// Add a client, with its contacts.
    Add(ClientAddArgs),
    /// Change a client's name, contacts or notes.
    Edit(ClientEditArgs),
    /// Every client, with its contacts, engagements and submittals counted.
    List {
        /// One JSON array instead of aligned text.
        #[arg(long)]
        json: bool,
    },
    /// One client: its contacts, engagements and submittals.
    Show {
        /// The client, by name or as CL2.
        client: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Args)]
pub struct ClientAddArgs {
    /// The company's name.
    pub name: String,
    /// A contact, as "Jane Roe <jane@acme.com> +1 555 0100" (phone
    /// optional); repeatable.
    #[arg(long = "contact", value_name = "CONTACT")]
    pub contacts: Vec<String>,
    /// Free text: how they like to be approached, terms, history.
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ClientEditArgs {
    /// The client, by name or as CL2.
    pub client: String,
    /// A new name.
    #[arg(long)]
    pub name: Option<String>,
    /// A contact to add, as "Jane Roe <jane@acme.com>"; repeatable.
    #[arg(long = "add-contact", value_name = "CONTACT")]
    pub add: Vec<String>,
    /// The email of a contact to remove; repeatable.
    #[arg(long = "remove-contact", value_name = "EMAIL")]
    pub remove: Vec<String>,
    /// New notes (replacing the old).
    #[arg(long)]
    pub notes: Option<String>,
}

pub fn run(store: &Store, command: &ClientCommand, ctx: &Ctx) -> Result<ExitCode> {
    match command {
        ClientCommand::Add(args) => add(store, args, ctx),
        ClientCommand::Edit(args) => edit(store, args, ctx),
        ClientCommand::List { json } => list(store, *json),
        ClientCommand::Show { client, json } => show(store, client, *json),
    }
}

fn parse_contacts(given: &[String]) -> Result<Vec<Contact>> {
    given
        .iter()
        .map(|text| Contact::parse(text).map_err(|e| eyre!(clean_line(&e))))
        .collect()
}

fn add(store: &Store, args: &ClientAddArgs, ctx: &Ctx) -> Result<ExitCode> {
    let client = Client {
        id: ClientId(0),
        name: clean_name(&args.name),
        contacts: parse_contacts(&args.contacts)?,
        notes: args
            .notes
            .as_deref()
            .map_or(String::new(), |n| clean(n, true)),
        created_at: ctx.now(),
    };
    let added = store.add_client(client, &ctx.stamp).map_err(refused)?;
    line(format!(
        "added {} {} ({} contacts)",
        added.id,
        added.name,
        added.contacts.len()
    ));
    Ok(ExitCode::SUCCESS)
}

fn edit(store: &Store, args: &ClientEditArgs, ctx: &Ctx) -> Result<ExitCode> {
    if args.name.is_none() && args.add.is_empty() && args.remove.is_empty() && args.notes.is_none()
    {
        bail!("nothing to change: pass --name, --add-contact, --remove-contact or --notes");
    }
    let mut client = context::client(store, &args.client)?;
    for email in &args.remove {
        let before = client.contacts.len();
        let wanted = normalize_email(email);
        client
            .contacts
            .retain(|c| normalize_email(&c.email) != wanted);
        if client.contacts.len() == before {
            bail!("{} has no contact {}", client.name, clean_line(email));
        }
    }
    client.contacts.extend(parse_contacts(&args.add)?);
    if let Some(name) = &args.name {
        client.name = clean_name(name);
    }
    if let Some(notes) = &args.notes {
        client.notes = clean(notes, true);
    }
    store.update_client(&client, &ctx.stamp).map_err(refused)?;
    line(format!(
        "updated {} {} ({} contacts)",
        client.id,
        client.name,
        client.contacts.len()
    ));
    Ok(ExitCode::SUCCESS)
}

/// A client as printed, every text cleaned.
#[derive(Serialize)]
struct Printed {
    id: String,
    name: String,
    contacts: Vec<String>,
    notes: String,
    engagements: Vec<EngagementRef>,
    submittals: usize,
    /// Submittals still waiting for the client's answer.
    waiting: usize,
}

#[derive(Serialize)]
struct EngagementRef {
    id: String,
    title: String,
    status: &'static str,
}

impl Printed {
    fn of(client: &Client, engagements: &[Engagement], submittals: &[Submittal]) -> Printed {
        let sent: Vec<&Submittal> = submittals
            .iter()
            .filter(|s| s.client == client.id)
            .collect();
        Printed {
            id: client.id.to_string(),
            name: clean_line(&client.name),
            contacts: client
                .contacts
                .iter()
                .map(|c| clean_line(&c.to_string()))
                .collect(),
            notes: clean(&client.notes, true),
            engagements: engagements
                .iter()
                .filter(|e| e.client == client.id)
                .map(|e| EngagementRef {
                    id: e.id.to_string(),
                    title: clean_line(&e.title),
                    status: e.status.label(),
                })
                .collect(),
            submittals: sent.len(),
            waiting: sent.iter().filter(|s| s.awaits_answer()).count(),
        }
    }

    fn open_engagements(&self) -> usize {
        self.engagements
            .iter()
            .filter(|e| e.status == "open")
            .count()
    }
}

fn printed(store: &Store, clients: &[Client]) -> Result<Vec<Printed>> {
    let engagements = store.engagements()?;
    let submittals = store.submittals()?;
    Ok(clients
        .iter()
        .map(|c| Printed::of(c, &engagements, &submittals))
        .collect())
}

fn list(store: &Store, json: bool) -> Result<ExitCode> {
    let all = printed(store, &store.clients()?)?;
    if json {
        line(serde_json::to_string(&all)?);
        return Ok(ExitCode::SUCCESS);
    }
    for c in &all {
        line(format!(
            "{:<6}{:<28}{:>3} contacts{:>4} engagements ({} open){:>5} submittals",
            c.id,
            c.name,
            c.contacts.len(),
            c.engagements.len(),
            c.open_engagements(),
            c.submittals
        ));
    }
    if all.is_empty() {
        line(
            "no clients yet: add one with `hireterm client add NAME --contact \"Jane Roe <jane@acme.com>\"`",
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn show(store: &Store, given: &str, json: bool) -> Result<ExitCode> {
    let client = context::client(store, given)?;
    let Some(c) = printed(store, std::slice::from_ref(&client))?.pop() else {
        bail!("no client {}", client.id);
    };
    if json {
        line(serde_json::to_string(&c)?);
        return Ok(ExitCode::SUCCESS);
    }
    line(format!("{} {}", c.id, c.name));
    if !c.notes.is_empty() {
        line("Notes:");
        lines(&c.notes, "  ");
    }
    line(format!("Contacts ({}):", c.contacts.len()));
    for contact in &c.contacts {
        line(format!("  {contact}"));
    }
    line(format!("Engagements ({}):", c.engagements.len()));
    for e in &c.engagements {
        line(format!("  {:<6}{}  ({})", e.id, e.title, e.status));
    }
    line(format!(
        "Submittals: {} ({} waiting for an answer)",
        c.submittals, c.waiting
    ));
    Ok(ExitCode::SUCCESS)
}
