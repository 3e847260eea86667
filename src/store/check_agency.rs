//! `check` for the agency's records: clients, submittals and placements,
//! and their links to the rest. What counts as consistent:
//!
//! - every record decodes, is stored under its own id, and its counter
//!   would hand out an id above it; no two clients share a name
//!   (compared folded);
//! - every engagement's client exists;
//! - a submittal's engagement, candidate and client exist and it is on a
//!   card of that engagement; its client is its engagement's, and every
//!   address it went to is a contact of its client. A submittal keeps
//!   what was true when it was sent, so an engagement moved to another
//!   client since, or a client whose contacts changed since (the log has
//!   an update of it at or after the submittal, or adds it only after
//!   the submittal, as an import writes its clients anew), is no
//!   problem;
//! - a placement is on a card of its engagement, which is at Placed
//!   unless the placement ended early (the card may have moved on);
//!   a card has at most one placement that has not ended early; every
//!   terms it has run on are valid, its changes come in time order and
//!   nothing follows an early end. A card at Placed without a placement
//!   is consistent: it was placed before placements were recorded
//!   (schema 3), or imported so.

use super::Store;
use super::check_sweep::Known;
use super::counts::{Counted, Tally};
use super::decoded::{Decoded, scan};
use super::error::Result;
use super::records::{application_key, describe_key};
use super::tx;
use crate::domain::client::same_name;
use crate::domain::{
    Application, ChangeKind, Client, ClientId, Engagement, EngagementId, Event, EventKind,
    Placement, Stage, Submittal, Timestamp,
};
use std::collections::{HashMap, HashSet};

/// The records `check` has decoded already, which these are checked
/// against.
pub(super) struct Checked<'a> {
    pub candidates: &'a Known,
    pub engagements: &'a Decoded<Engagement>,
    pub applications: &'a Decoded<Application>,
    /// The events other records are checked against (`check_sweep.rs`).
    pub events: &'a Decoded<Event>,
}

/// How many of each agency record `check` read.
pub(super) struct AgencyCounts {
    pub clients: usize,
    pub submittals: usize,
    pub placements: usize,
}

impl Store {
    pub(super) fn check_agency(
        &self,
        checked: &Checked,
        found: Tally,
        problems: &mut Vec<String>,
    ) -> Result<AgencyCounts> {
        let clients: Decoded<Client> = scan(&self.clients, problems)?;
        let submittals: Decoded<Submittal> = scan(&self.submittals, problems)?;
        let placements: Decoded<Placement> = scan(&self.placements, problems)?;
        for (key, c) in &clients {
            same_key("clients", key, &c.id.to_key(), problems);
        }
        for (key, s) in &submittals {
            same_key("submittals", key, &s.id.to_key(), problems);
        }
        for (key, p) in &placements {
            same_key("placements", key, &p.id.to_key(), problems);
        }
        check_clients(&clients, checked.engagements, problems);
        let found = tally(found, checked, &clients, &submittals, &placements);
        self.check_counts(found, problems)?;
        check_submittals(&submittals, &clients, checked, problems);
        check_placements(&placements, checked.applications, problems);
        self.check_assignments(checked.engagements, problems)?;
        let highest = |ids: Vec<u64>| ids.into_iter().max();
        self.check_counter(
            tx::CLIENT_SEQ,
            highest(clients.iter().map(|(_, c)| c.id.0).collect()),
            problems,
        )?;
        self.check_counter(
            tx::SUBMITTAL_SEQ,
            highest(submittals.iter().map(|(_, s)| s.id.0).collect()),
            problems,
        )?;
        self.check_counter(
            tx::PLACEMENT_SEQ,
            highest(placements.iter().map(|(_, p)| p.id.0).collect()),
            problems,
        )?;
        Ok(AgencyCounts {
            clients: clients.len(),
            submittals: submittals.len(),
            placements: placements.len(),
        })
    }
}

/// The counters of the records `check` read, added to those `found`
/// already (candidates' and events').
fn tally(
    mut found: Tally,
    checked: &Checked,
    clients: &Decoded<Client>,
    submittals: &Decoded<Submittal>,
    placements: &Decoded<Placement>,
) -> Tally {
    count_all(&mut found, checked.applications);
    count_all(&mut found, checked.engagements);
    count_all(&mut found, clients);
    count_all(&mut found, submittals);
    count_all(&mut found, placements);
    found
}

/// Every record of `records` counted as present.
fn count_all<R: Counted>(found: &mut Tally, records: &Decoded<R>) {
    records
        .iter()
        .for_each(|(_, r)| found.change(None, Some(r)));
}

fn same_key(tree: &str, key: &[u8], expected: &[u8], problems: &mut Vec<String>) {
    if key != expected {
        problems.push(format!(
            "{tree} {}: stored under the key of another record",
            describe_key(key)
        ));
    }
}

/// Distinct names, and a client for every engagement.
fn check_clients(
    clients: &Decoded<Client>,
    engagements: &Decoded<Engagement>,
    problems: &mut Vec<String>,
) {
    for (i, (_, a)) in clients.iter().enumerate() {
        if let Some((_, b)) = clients[i + 1..]
            .iter()
            .find(|(_, b)| same_name(&a.name, &b.name))
        {
            problems.push(format!(
                "clients {} and {} share the name {}",
                a.id, b.id, a.name
            ));
        }
    }
    let ids: HashSet<ClientId> = clients.iter().map(|(_, c)| c.id).collect();
    for (_, e) in engagements {
        if !ids.contains(&e.client) {
            problems.push(format!(
                "engagement {}: client {} is missing",
                e.id, e.client
            ));
        }
    }
}

fn check_submittals(
    submittals: &Decoded<Submittal>,
    clients: &Decoded<Client>,
    checked: &Checked,
    problems: &mut Vec<String>,
) {
    let clients: HashMap<ClientId, &Client> = clients.iter().map(|(_, c)| (c.id, c)).collect();
    let engagements: HashMap<EngagementId, &Engagement> =
        checked.engagements.iter().map(|(_, e)| (e.id, e)).collect();
    let cards: HashSet<&[u8]> = checked
        .applications
        .iter()
        .map(|(k, _)| k.as_slice())
        .collect();
    // When each engagement and client was last updated, and each client
    // added: what a submittal names may have changed since it was sent.
    let mut updated: HashMap<(bool, u64), Timestamp> = HashMap::new();
    let mut added: HashMap<u64, Timestamp> = HashMap::new();
    let mut opened: HashMap<u64, Timestamp> = HashMap::new();
    for (_, event) in checked.events {
        match event.kind {
            EventKind::EngagementAdded { engagement } => {
                latest(&mut opened, engagement.0, event.at)
            }
            EventKind::EngagementUpdated { engagement } => {
                latest(&mut updated, (true, engagement.0), event.at);
            }
            EventKind::ClientUpdated { client } => {
                latest(&mut updated, (false, client.0), event.at)
            }
            EventKind::ClientAdded { client } => latest(&mut added, client.0, event.at),
            _ => {}
        }
    }
    let changed_since = |key, at| updated.get(&key).is_some_and(|u| *u >= at);
    // A client added only after the submittal was sent was written anew
    // (an import does so, its contacts as they are now): its contacts
    // say nothing of those the submittal went to.
    let added_after = |client: ClientId, at| added.get(&client.0).is_some_and(|a| *a > at);
    // Likewise an engagement written only after the submittal (imported).
    let opened_after = |e: EngagementId, at| opened.get(&e.0).is_some_and(|o| *o > at);
    for (_, s) in submittals {
        let name = format!("submittal {}", s.id);
        if !checked.candidates.contains(s.candidate) {
            problems.push(format!("{name}: candidate {} is missing", s.candidate));
        }
        let Some(engagement) = engagements.get(&s.engagement) else {
            problems.push(format!("{name}: engagement {} is missing", s.engagement));
            continue;
        };
        if !cards.contains(&application_key(s.engagement, s.candidate)[..]) {
            problems.push(format!(
                "{name}: {} has no card in {}",
                s.candidate, s.engagement
            ));
        }
        let Some(client) = clients.get(&s.client) else {
            problems.push(format!("{name}: client {} is missing", s.client));
            continue;
        };
        if engagement.client != s.client
            && !changed_since((true, s.engagement.0), s.at)
            && !opened_after(s.engagement, s.at)
        {
            problems.push(format!(
                "{name}: sent to {}, but {} is for {}",
                s.client, s.engagement, engagement.client
            ));
        }
        if !changed_since((false, s.client.0), s.at) && !added_after(s.client, s.at) {
            for email in s.to.iter().filter(|e| client.contact(e).is_none()) {
                problems.push(format!("{name}: {email} is not a contact of {}", s.client));
            }
        }
    }
}

/// Keeps the later of `at` and the time already kept under `key`.
fn latest<K: std::hash::Hash + Eq>(times: &mut HashMap<K, Timestamp>, key: K, at: Timestamp) {
    let kept = times.entry(key).or_insert(at);
    *kept = (*kept).max(at);
}

fn check_placements(
    placements: &Decoded<Placement>,
    applications: &Decoded<Application>,
    problems: &mut Vec<String>,
) {
    let cards: HashMap<&[u8], &Application> = applications
        .iter()
        .map(|(k, a)| (k.as_slice(), a))
        .collect();
    let mut running: HashMap<[u8; 16], u64> = HashMap::new();
    for (_, p) in placements {
        let name = format!("placement {}", p.id);
        let key = application_key(p.engagement, p.candidate);
        match cards.get(&key[..]) {
            None => problems.push(format!(
                "{name}: {} has no card in {}",
                p.candidate, p.engagement
            )),
            Some(app) if app.stage != Stage::Placed && !p.is_ended_early() => {
                problems.push(format!(
                    "{name}: the card is at {}, not Placed, and the placement has not ended early",
                    app.stage
                ));
            }
            Some(_) => {}
        }
        if !p.is_ended_early()
            && let Some(other) = running.insert(key, p.id.0)
        {
            problems.push(format!(
                "{name}: P{other} is placed on the same card and has not ended early either"
            ));
        }
        if let Some(flaw) = placement_flaw(p) {
            problems.push(format!("{name}: {flaw}"));
        }
    }
}

/// What is wrong with a placement's own history, if anything.
fn placement_flaw(p: &Placement) -> Option<String> {
    let mut at = p.started.at;
    let mut ended = false;
    if p.started.kind != ChangeKind::Started {
        return Some(format!("it starts with {}", p.started.kind.label()));
    }
    for change in p.history() {
        if let Some(problem) = change.terms.problem() {
            return Some(format!(
                "{} on invalid terms: {problem}",
                change.kind.label()
            ));
        }
        if change.at < at {
            return Some("its changes go back in time".into());
        }
        if ended {
            return Some(format!("{} after it ended early", change.kind.label()));
        }
        at = change.at;
        ended = change.kind == ChangeKind::EndedEarly;
    }
    None
}
