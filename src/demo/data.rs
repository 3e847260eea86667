//! The fixed lists the generator draws from: names by culture, cities,
//! clients, reasons.

use super::*;
pub(super) const STATUSES: [EngagementStatus; 4] = [
    EngagementStatus::Open,
    EngagementStatus::OnHold,
    EngagementStatus::Filled,
    EngagementStatus::Cancelled,
];

#[rustfmt::skip]
pub(super) const EARLY_REJECTIONS: &[&str] = &[
    "no response", "rate above budget", "not available in time", "skills mismatch",
];
/// The reason a card leaves when the client passed on its profile.
pub(super) const CLIENT_DECLINED: &str = "client declined";

#[rustfmt::skip]
pub(super) const LATE_REJECTIONS: &[&str] = &[
    CLIENT_DECLINED, "rate above budget", "time zone overlap too small",
];
#[rustfmt::skip]
pub(super) const WITHDRAW_REASONS: &[&str] = &[
    "accepted another offer", "counter-offer from current employer", "rate expectations changed",
    "personal reasons", "no longer looking",
];

#[rustfmt::skip]
pub(super) const TAGS: &[&str] = &[
    "remote-only", "relocation", "visa-needed", "contractor", "night-owl", "fintech", "healthcare",
    "open-source", "speaks-spanish", "speaks-german", "speaks-portuguese", "part-time",
];

#[rustfmt::skip]
/// The agency's recruiters, who own the engagements.
pub(super) const OWNERS: &[&str] = &["Ana Ribeiro", "Bruno Costa", "Chen Wei", "Dana Levy"];

pub(super) const CLIENTS: &[&str] = &[
    "Northwind Logistics",
    "Helios Health",
    "Contoso Retail",
    "Fabrikam Payments",
    "Tailspin Travel",
    "Bluefin Analytics",
    "Kestrel Insurance",
    "Granite Bank",
    "Verdant Agritech",
    "Pioneer Telecom",
    "Atlas Mobility",
    "Nimbus Cloudworks",
    "Harbor Biotech",
    "Meridian Education",
    "Müller & Söhne Maschinenbau",
    "São Jorge Seguros",
    "Nordlys Energi",
    "Banco Andino",
];

#[rustfmt::skip]
pub(super) const PROJECTS: &[&str] = &[
    "platform migration", "payments API", "data platform", "mobile back end", "legacy rewrite",
    "partner integrations",
];

/// Reserved and made-up domains, so no demo address can reach anyone.
#[rustfmt::skip]
pub(super) const EMAIL_DOMAINS: &[&str] = &[
    "example.com", "example.org", "example.net", "mail.example", "inbox.example",
];

/// Lower-case letters and what they fold to in an email address.
#[rustfmt::skip]
pub(super) const FOLD: &[(&str, &str)] = &[
    ("àáâãäåāăą", "a"), ("æ", "ae"), ("çćč", "c"), ("ďđð", "d"), ("èéêëēėęě", "e"), ("ğ", "g"),
    ("ìíîïīįı", "i"), ("ł", "l"), ("ñńň", "n"), ("òóôõöøōő", "o"), ("œ", "oe"), ("ř", "r"),
    ("śšşș", "s"), ("ß", "ss"), ("ťț", "t"), ("þ", "th"), ("ùúûüūůű", "u"), ("ýÿ", "y"),
    ("źżž", "z"),
];
