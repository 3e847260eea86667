//! A candidate: a person the hiring manager may place.

pub use super::consent::Consent;
use super::ids::CandidateId;
use super::problem::{FieldProblem, one_line_problems, rate_field_problem};
pub use super::provenance::{CustomField, ExternalId};
use super::rate::RateRange;
use super::role::RoleId;
use super::skill::{Level, SkillId, SkillLevel};
use super::text;
use super::time::{self, Timestamp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

// The limits and the rate rules live in leaves (`problem` reads them
// too); the forms still name these four from here.
pub use super::limits::{MAX_FIELD_CHARS, MAX_LIST_LEN};
pub use super::rate::{currency_problem, range_problem};

/// Digits a phone number needs at least (a shorter one is a typo).
pub const MIN_PHONE_DIGITS: usize = 7;

/// What is wrong with a phone number, if anything: the one rule the forms,
/// the importer and the store all apply. Extensions and punctuation are
/// the writer's business; too few digits is a typo.
pub fn phone_problem(phone: &str) -> Option<String> {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (!phone.trim().is_empty() && digits < MIN_PHONE_DIGITS)
        .then(|| format!("phone `{phone}` has fewer than {MIN_PHONE_DIGITS} digits"))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub id: CandidateId,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub location: Location,
    /// Role types, the primary one first.
    pub roles: Vec<RoleId>,
    pub skills: Vec<SkillLevel>,
    /// Hourly rate expectation.
    pub rate: Option<RateRange>,
    #[serde(with = "time::days::option")]
    pub available_from: Option<NaiveDate>,
    pub source: Source,
    pub tags: Vec<String>,
    pub links: Vec<String>,
    #[serde(with = "time::millis")]
    pub created_at: Timestamp,
    /// Where they work now, and as what (other systems' exports carry
    /// both; empty when unknown).
    pub company: String,
    pub title: String,
    /// Their ids in the systems they were imported from.
    pub external_ids: Vec<ExternalId>,
    /// Columns of an import that map to no field, kept by name.
    pub custom: Vec<CustomField>,
    /// Their consent to be kept beyond the retention rules.
    pub consent: Option<Consent>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub city: String,
    pub country: String,
    /// An IANA zone name such as `Europe/Lisbon`, shown as written.
    pub timezone: String,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.city.is_empty(), self.country.is_empty()) {
            (false, false) => write!(f, "{}, {}", self.city, self.country),
            (false, true) => f.write_str(&self.city),
            (true, _) => f.write_str(&self.country),
        }
    }
}

/// Where a candidate came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Source {
    Referral,
    LinkedIn,
    JobBoard,
    Agency,
    Inbound,
    Event,
    Github,
    Other,
}

impl Source {
    pub const ALL: [Source; 8] = [
        Source::Referral,
        Source::LinkedIn,
        Source::JobBoard,
        Source::Agency,
        Source::Inbound,
        Source::Event,
        Source::Github,
        Source::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Source::Referral => "referral",
            Source::LinkedIn => "linkedin",
            Source::JobBoard => "job board",
            Source::Agency => "agency",
            Source::Inbound => "inbound",
            Source::Event => "event",
            Source::Github => "github",
            Source::Other => "other",
        }
    }
}

impl Candidate {
    /// The level held in `skill`, 0 when the candidate does not list it.
    pub fn level(&self, skill: &SkillId) -> Level {
        self.skills
            .iter()
            .find(|held| &held.skill == skill)
            .map_or(Level::NONE, |held| held.level)
    }

    pub fn primary_role(&self) -> Option<&RoleId> {
        self.roles.first()
    }

    /// The candidate's skills, strongest first (ties in listed order).
    pub fn top_skills(&self, count: usize) -> Vec<&SkillLevel> {
        let mut skills: Vec<&SkillLevel> = self.skills.iter().collect();
        skills.sort_by_key(|held| std::cmp::Reverse(held.level));
        skills.truncate(count);
        skills
    }

    /// Every problem that makes this record unfit to store, in field order.
    pub fn problems(&self) -> Vec<String> {
        self.field_problems()
            .into_iter()
            .map(|p| p.message)
            .collect()
    }

    /// [`Candidate::problems`], each with the field it is about.
    pub fn field_problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if self.name.trim().is_empty() {
            problems.push(FieldProblem::new("name", "name is empty"));
        }
        if !text::is_plausible_email(&self.email) {
            let message = format!("email `{}` is not a valid address", self.email);
            problems.push(FieldProblem::new("email", message));
        }
        for (field, value) in self.one_line_fields() {
            problems.extend(one_line_problems(field, value));
        }
        let rate = self.rate.as_ref();
        problems.extend(rate.and_then(|r| rate_field_problem("rate", r)));
        let phone = self.phone.as_deref().and_then(phone_problem);
        problems.extend(phone.map(|message| FieldProblem::new("phone", message)));
        for (list, len) in [
            ("skills", self.skills.len()),
            ("tags", self.tags.len()),
            ("links", self.links.len()),
            ("external ids", self.external_ids.len()),
            ("custom fields", self.custom.len()),
        ] {
            if len > MAX_LIST_LEN {
                let message = format!("{len} {list} is more than {MAX_LIST_LEN}");
                problems.push(FieldProblem::new(list, message));
            }
        }
        problems.extend(self.external_ids.iter().flat_map(ExternalId::problems));
        problems.extend(self.custom.iter().flat_map(CustomField::problems));
        problems.extend(self.consent.iter().flat_map(Consent::problems));
        problems
    }

    fn one_line_fields(&self) -> impl Iterator<Item = (&'static str, &str)> {
        let fixed = [
            ("name", self.name.as_str()),
            ("email", self.email.as_str()),
            ("phone", self.phone.as_deref().unwrap_or("")),
            ("city", self.location.city.as_str()),
            ("country", self.location.country.as_str()),
            ("time zone", self.location.timezone.as_str()),
            ("company", self.company.as_str()),
            ("title", self.title.as_str()),
        ];
        let tags = self.tags.iter().map(|t| ("tag", t.as_str()));
        let links = self.links.iter().map(|l| ("link", l.as_str()));
        fixed.into_iter().chain(tags).chain(links)
    }
}

/// Ranks candidates by name, in collation order ([`super::collate`]:
/// Çağrı among the Cs, Cyrillic after Latin), ties by position: `rank[i]`
/// is where candidate `i` sorts. Built from one sort key per name.
pub fn rank_by_name(candidates: &[Candidate]) -> Vec<u32> {
    super::collate::rank(candidates.iter().map(|c| c.name.as_str()))
}
