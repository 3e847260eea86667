//! The agency's side of the demo: clients with their contacts and notes,
//! the currencies clients pay in, and what a card is billed and paid.

use super::names::full_name;
use super::people::fold_ascii;
use super::*;
use crate::domain::{Contact, HourlyRate};

/// Clients that pay in a currency other than USD.
#[rustfmt::skip]
const CLIENT_CURRENCIES: &[(&str, &str)] = &[
    ("Müller & Söhne Maschinenbau", "EUR"), ("São Jorge Seguros", "EUR"),
    ("Nordlys Energi", "EUR"), ("Verdant Agritech", "EUR"),
    ("Kestrel Insurance", "GBP"), ("Harbor Biotech", "GBP"), ("Granite Bank", "GBP"),
];

/// What one unit of each currency is worth in USD, in cents: the demo's
/// fixed exchange rates (the `[currency]` example of config.toml).
const USD_CENTS: &[(&str, u32)] = &[("USD", 100), ("EUR", 108), ("GBP", 127)];

#[rustfmt::skip]
const CLIENT_NOTES: &[&str] = &[
    "Send profiles to every contact at once; they answer within two working days.",
    "Net 45 payment terms. Rates are renegotiated every January.",
    "Wants at least four hours of overlap with Central European Time.",
    "Hiring freeze lifted in spring: moving fast, prefers a shortlist of three.",
    "Asks for a short technical summary on top of each profile.",
    "Interviews on Tuesdays and Thursdays only.",
    "Two placements extended last year; ask about their platform team.",
];

#[rustfmt::skip]
const CONTACT_TITLES: &[&str] = &["hiring manager", "engineering lead", "CTO", "talent partner"];

/// The currency a client pays in.
pub(super) fn currency_of(client: &str) -> &'static str {
    CLIENT_CURRENCIES
        .iter()
        .find(|(name, _)| *name == client)
        .map_or("USD", |(_, code)| code)
}

/// `amount` USD in `currency`, rounded to whole units.
pub(super) fn from_usd(amount: u32, currency: &str) -> u32 {
    let cents = USD_CENTS
        .iter()
        .find(|(code, _)| *code == currency)
        .map_or(100, |(_, cents)| *cents);
    (amount * 100 + cents / 2) / cents
}

/// `northwind-logistics.example`: the client's name, folded, under the
/// reserved `.example` domain.
pub(super) fn client_domain(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|word| {
            let mut folded = String::with_capacity(word.len());
            fold_ascii(word, &mut folded);
            folded
        })
        .filter(|word| !word.is_empty())
        .collect();
    format!("{}.example", words.join("-"))
}

impl World<'_> {
    /// Every client of the demo, ids 1..=k in the order of `CLIENTS`, each
    /// with 1-3 contacts at its own domain, half of them with notes.
    pub(super) fn clients(&self) -> Vec<Client> {
        CLIENTS
            .iter()
            .enumerate()
            .map(|(index, name)| self.client(index, name))
            .collect()
    }

    fn client(&self, index: usize, name: &str) -> Client {
        let mut rng = Rng::new(self.seed, KIND_CLIENT, index as u64);
        let domain = client_domain(name);
        let count = rng.range(1, 3) as usize;
        let mut contacts: Vec<Contact> = Vec::with_capacity(count);
        let culture = rng.pick(CULTURES);
        let dial = culture.cities[0].3;
        for _ in 0..count * 3 {
            if contacts.len() == count {
                break;
            }
            let (full, roman) = full_name(culture, &mut rng);
            let mut email = String::with_capacity(40);
            fold_ascii(&roman.0, &mut email);
            email.push('.');
            fold_ascii(&roman.1, &mut email);
            email.push('@');
            email.push_str(&domain);
            if contacts.iter().any(|c| c.email == email) {
                continue;
            }
            let phone = (!rng.chance(20)).then(|| {
                let (a, b) = (rng.range(200, 999), rng.range(0, 9999));
                format!("+{dial} {a} 555 {b:04}")
            });
            contacts.push(Contact {
                name: full,
                email,
                phone,
            });
        }
        let notes = if rng.chance(50) {
            let lead = &contacts[0].name;
            let title = rng.pick(CONTACT_TITLES);
            format!("{lead} is the {title}. {}", rng.pick(CLIENT_NOTES))
        } else {
            String::new()
        };
        Client {
            id: ClientId(index as u64 + 1),
            name: name.to_string(),
            contacts,
            notes,
            created_at: self.ago(rng.range(90 * DAY, 720 * DAY)),
        }
    }

    /// What a card would be paid and billed an hour, in the engagement's
    /// currency: pay from the candidate's rate (or three quarters of the
    /// budget's floor); the bill the engagement's agreed rate, kept to a
    /// margin of at least 21-28 % and at most 40 %, else a 25-35 % one.
    /// The same for a card wherever it is asked.
    pub(super) fn proposal(
        &self,
        engagement: &Engagement,
        candidate: &Candidate,
    ) -> (HourlyRate, HourlyRate) {
        let key = (engagement.id.0 << 32) ^ candidate.id.0;
        let mut rng = Rng::new(self.seed, KIND_RATES, key);
        let currency = engagement
            .bill_rate
            .as_ref()
            .map(|b| b.currency.clone())
            .or_else(|| engagement.budget.as_ref().map(|b| b.currency.clone()))
            .unwrap_or_else(|| "USD".to_string());
        let pay = match &candidate.rate {
            Some(rate) => from_usd(
                rate.min + rng.range(0, (rate.max - rate.min) as i64) as u32,
                &currency,
            ),
            None => engagement.budget.as_ref().map_or(50, |b| b.min * 3 / 4),
        }
        .max(15);
        let floor = pay * 100 / (100 - rng.range(21, 28) as u32) + 1;
        let ceiling = pay * 100 / 60;
        let bill = match &engagement.bill_rate {
            Some(agreed) => agreed.amount.clamp(floor, ceiling),
            None => pay * 100 / (100 - rng.range(25, 35) as u32) + 1,
        };
        (
            HourlyRate::new(pay, &currency),
            HourlyRate::new(bill, &currency),
        )
    }
}
