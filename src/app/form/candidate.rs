//! The candidate form: `a` adds a candidate, `E` edits the one under the
//! cursor or in the detail view. Saving builds the record and checks it
//! field by field and whole (the domain's rules, the store's); the app
//! then looks for the same person on file and writes it
//! (`app/commands/candidate.rs`).

use super::picks::{Asks, Pick, Picks, Source as PickSource, Sources};
use super::rules::{self, Rule};
use super::{Field, Form};
use crate::app::action::Action;
use crate::app::prompt::outcome::Outcome;
use crate::catalog::Catalog;
use crate::domain::candidate::MAX_LIST_LEN;
use crate::domain::text::{clean_line, normalize_email};
use crate::domain::{
    Candidate, CandidateId, Level, Location, RateRange, RoleId, SkillLevel, Source, Timestamp,
};

/// The fields, in screen order.
pub const NAME: usize = 0;
pub const EMAIL: usize = 1;
pub const PHONE: usize = 2;
pub const CITY: usize = 3;
pub const COUNTRY: usize = 4;
pub const TIME_ZONE: usize = 5;
pub const ROLES: usize = 6;
pub const SKILLS: usize = 7;
pub const RATE: usize = 8;
pub const CURRENCY: usize = 9;
pub const AVAILABLE: usize = 10;
pub const SOURCE: usize = 11;
pub const TAGS: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateForm {
    pub form: Form,
    /// The record as it was when the edit began; `None` for a new one.
    pub editing: Option<Candidate>,
}

impl CandidateForm {
    pub fn new(catalog: &Catalog, editing: Option<Candidate>) -> CandidateForm {
        CandidateForm {
            form: Form::new(fields(catalog, editing.as_ref())),
            editing,
        }
    }

    /// Submit: the candidate to save, built and checked.
    pub fn handle(
        &mut self,
        action: Action,
        sources: &Sources,
        now: Timestamp,
    ) -> Outcome<Candidate> {
        self.form
            .handle(action, sources)
            .and_then(|()| match self.build(now) {
                Some(candidate) => Outcome::Submit(candidate),
                None => Outcome::Refuse("not saved: mend the fields marked ✗".into()),
            })
    }

    /// The candidate the form describes, or `None` with the errors marked
    /// next to their fields: first each field's own check, then the
    /// domain's check of the whole record, the one the store applies.
    pub fn build(&mut self, now: Timestamp) -> Option<Candidate> {
        if !self.form.validate() {
            return None;
        }
        let rate = self.form.rate(RATE, CURRENCY, "rate")?;
        let candidate = self.record(rate, now)?;
        let problems = candidate.field_problems();
        self.form
            .show_problems(problems, field_of)
            .then_some(candidate)
    }

    /// The record the fields describe, once each has passed its check.
    fn record(&self, rate: Option<RateRange>, now: Timestamp) -> Option<Candidate> {
        let form = &self.form;
        let phone = form.text(PHONE);
        let base = self.editing.as_ref();
        Some(Candidate {
            id: base.map_or(CandidateId(0), |c| c.id),
            name: form.text(NAME),
            email: form.text(EMAIL),
            phone: (!phone.is_empty()).then_some(phone),
            location: Location {
                city: form.text(CITY),
                country: form.text(COUNTRY),
                timezone: form.text(TIME_ZONE),
            },
            roles: form
                .picks(ROLES)
                .iter()
                .map(|p| RoleId::new(&p.id))
                .collect(),
            skills: skill_levels(form.picks(SKILLS)),
            rate,
            available_from: rules::parse_date(&form.text(AVAILABLE)).ok()?,
            source: Source::ALL[form.choice(SOURCE).min(Source::ALL.len() - 1)],
            tags: rules::parse_tags(&form.text(TAGS)),
            links: base.map_or_else(Vec::new, |c| clean_list(&c.links)),
            created_at: base.map_or(now, |c| c.created_at),
            // Fields the form does not show stay as the record had them.
            company: base.map_or_else(String::new, |c| c.company.clone()),
            title: base.map_or_else(String::new, |c| c.title.clone()),
            external_ids: base.map_or_else(Vec::new, |c| c.external_ids.clone()),
            custom: base.map_or_else(Vec::new, |c| c.custom.clone()),
            consent: base.and_then(|c| c.consent.clone()),
        })
    }

    /// Whether saving `candidate` needs a duplicate check: always for a new
    /// record, for an edit only when its name, email or phone changed.
    pub fn needs_duplicate_check(&self, candidate: &Candidate) -> bool {
        self.editing.as_ref().is_none_or(|old| {
            old.name != candidate.name
                || normalize_email(&old.email) != normalize_email(&candidate.email)
                || old.phone != candidate.phone
        })
    }
}

/// The fields in screen order (see the constants above), filled from
/// `c` when editing.
fn fields(catalog: &Catalog, c: Option<&Candidate>) -> Vec<Field> {
    let mut fields = contact_fields(c);
    fields.extend(catalog_fields(catalog, c));
    fields.extend(terms_fields(c));
    fields
}

fn contact_fields(c: Option<&Candidate>) -> Vec<Field> {
    let text = |get: fn(&Candidate) -> &str| c.map_or("", get);
    vec![
        Field::text("Name", Rule::Required, text(|c| &c.name)),
        Field::text("Email", Rule::Email, text(|c| &c.email)),
        Field::text(
            "Phone",
            Rule::Phone,
            text(|c| c.phone.as_deref().unwrap_or("")),
        ),
        Field::text("City", Rule::Optional, text(|c| &c.location.city)),
        Field::text("Country", Rule::Optional, text(|c| &c.location.country)),
        Field::text("Time zone", Rule::TimeZone, text(|c| &c.location.timezone)),
    ]
}

fn catalog_fields(catalog: &Catalog, c: Option<&Candidate>) -> [Field; 2] {
    let roles = c.map_or(&[][..], |c| &c.roles).iter();
    let roles = roles.map(|r| Pick::new(r.as_str(), catalog.role_name(r), None));
    let skills = c.map_or(&[][..], |c| &c.skills).iter().map(|s| {
        Pick::new(
            s.skill.as_str(),
            catalog.skill_name(&s.skill),
            Some(s.level),
        )
    });
    [
        Field::picks(
            "Roles",
            Picks::new(PickSource::Roles, Asks::Nothing, 8, roles.collect()),
            false,
        ),
        Field::picks(
            "Skills",
            Picks::new(
                PickSource::Skills,
                Asks::Level,
                MAX_LIST_LEN,
                skills.collect(),
            ),
            false,
        ),
    ]
}

fn terms_fields(c: Option<&Candidate>) -> [Field; 5] {
    let rate = c.and_then(|c| c.rate.as_ref());
    let available = c.and_then(|c| c.available_from).map(|d| d.to_string());
    let source = c.and_then(|c| Source::ALL.iter().position(|s| *s == c.source));
    let sources = Source::ALL.iter().map(|s| s.label()).collect();
    [
        Field::text(
            "Rate /h",
            Rule::Range,
            &rate.map_or(String::new(), rules::format_range),
        ),
        Field::text(
            "Currency",
            Rule::Currency,
            rate.map_or("USD", |r| r.currency.as_str()),
        ),
        Field::text("Available", Rule::Date, available.as_deref().unwrap_or("")),
        Field::choice("Source", sources, source.unwrap_or(0)),
        Field::text(
            "Tags",
            Rule::Tags,
            &c.map_or(String::new(), |c| rules::format_tags(&c.tags)),
        ),
    ]
}

/// The form's field for a field the record check names; links have none
/// (the footer says theirs).
fn field_of(name: &str) -> Option<usize> {
    Some(match name {
        "name" => NAME,
        "email" => EMAIL,
        "phone" => PHONE,
        "city" => CITY,
        "country" => COUNTRY,
        "time zone" => TIME_ZONE,
        "skills" => SKILLS,
        "rate" => RATE,
        "currency" => CURRENCY,
        "tag" | "tags" => TAGS,
        _ => return None,
    })
}

fn skill_levels(picks: &[Pick]) -> Vec<SkillLevel> {
    picks
        .iter()
        .filter_map(|p| Some(SkillLevel::new(&p.id, Level::new(p.level?).ok()?)))
        .collect()
}

/// Stored links as an edit writes them back: cleaned, so that a record
/// planted with control characters comes out of its first edit clean.
fn clean_list(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|i| clean_line(i))
        .filter(|i| !i.is_empty())
        .collect()
}
