//! What the agency's commands share: who acts and when, the rules of
//! `config.toml`, and finding records by what a user types (an id, a
//! number, an email, a client's name).

use crate::domain::text::clean_line;
use crate::domain::{
    Candidate, CandidateId, Client, ClientId, Engagement, EngagementId, HourlyRate, Policy, Stamp,
    Timestamp,
};
use crate::store::Store;
use chrono::NaiveDate;
use color_eyre::eyre::{Result, eyre};

/// Who acts, when, and under which rules.
pub struct Ctx {
    pub stamp: Stamp,
    pub policy: Policy,
}

impl Ctx {
    /// The rules from `config.toml`; a bad file is said on stderr (if it is
    /// open: never `eprintln!`, which panics when it is not) and the
    /// defaults apply, as in the app.
    pub fn new(stamp: Stamp) -> Ctx {
        let (policy, notice) = super::config::load_policy();
        if let Some(notice) = notice {
            super::output::warn(clean_line(&notice));
        }
        Ctx { stamp, policy }
    }

    pub fn now(&self) -> Timestamp {
        self.stamp.at
    }

    pub fn today(&self) -> NaiveDate {
        self.stamp.at.date_naive()
    }
}

/// A candidate id (`C12`, `12`) or an email address. The id is not
/// looked up: see [`candidate`].
pub fn find_candidate(store: &Store, given: &str) -> Result<CandidateId> {
    if given.contains('@') {
        return store
            .candidate_by_email(given)?
            .map(|c| c.id)
            .ok_or_else(|| eyre!("no candidate has the email {}", clean_line(given)));
    }
    given
        .parse::<CandidateId>()
        .map_err(|e| eyre!(clean_line(&e)))
}

/// The stored candidate named by id, number or email.
pub fn candidate(store: &Store, given: &str) -> Result<Candidate> {
    let id = find_candidate(store, given)?;
    store
        .candidate(id)?
        .ok_or_else(|| eyre!("there is no candidate {id}"))
}

/// The stored engagement.
pub fn engagement(store: &Store, id: EngagementId) -> Result<Engagement> {
    store
        .engagement(id)?
        .ok_or_else(|| eyre!("there is no engagement {id}; `hireterm engagement list` shows them"))
}

/// A client by name (compared folded: `acme` is `ACME`), else by id
/// (`CL2`, `2`).
pub fn client(store: &Store, given: &str) -> Result<Client> {
    if let Some(client) = store.client_by_name(given)? {
        return Ok(client);
    }
    let by_id = match given.parse::<ClientId>() {
        Ok(id) => store.client(id)?,
        Err(_) => None,
    };
    by_id.ok_or_else(|| {
        eyre!(
            "no client is called or numbered `{}`; `hireterm client list` shows them, \
             `hireterm client add NAME` adds one",
            clean_line(given)
        )
    })
}

/// The client of an engagement, as stored.
pub fn client_of(store: &Store, engagement: &Engagement) -> Result<Client> {
    store
        .client(engagement.client)?
        .ok_or_else(|| eyre!("no client {} (of {})", engagement.client, engagement.id))
}

/// A client's name, its id when it is not on file.
pub fn client_name(clients: &[Client], id: ClientId) -> String {
    clients
        .iter()
        .find(|c| c.id == id)
        .map_or_else(|| id.to_string(), |c| c.name.clone())
}

/// `95` (in `currency`) or `95 EUR`; `what` names the option in errors.
pub fn rate(text: &str, currency: &str, what: &str) -> Result<HourlyRate> {
    HourlyRate::parse(text, currency).map_err(|e| eyre!("{what}: {}", clean_line(&e)))
}

/// The currency an engagement is priced in: its bill rate's, else its
/// budget's, else US dollars.
pub fn currency_of(engagement: &Engagement) -> String {
    engagement
        .bill_rate
        .as_ref()
        .map(|b| b.currency.clone())
        .or_else(|| engagement.budget.as_ref().map(|b| b.currency.clone()))
        .unwrap_or_else(|| "USD".into())
}

/// A store's refusal in the user's words: the rules broken, without the
/// "invalid record" heading meant for imports.
pub fn refused(error: crate::store::StoreError) -> color_eyre::eyre::Report {
    match error {
        crate::store::StoreError::Invalid(problems) => eyre!("{}", problems.join("; ")),
        other => other.into(),
    }
}
