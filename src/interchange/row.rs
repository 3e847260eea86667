//! A row of an import file made into a candidate, or every reason it
//! cannot be one.

pub use super::cells::{date, timestamp};
use super::cells::{list, text};
use super::columns::Column;
use super::fields::{Field, Problem, Raw, Row};
use super::row_profile::{self, ConsentCells};
use crate::catalog::Catalog;
use crate::domain::ids::MAX_ID;
use crate::domain::text::is_plausible_email;
use crate::domain::{
    Candidate, CandidateId, Level, Location, RateRange, RoleId, SkillLevel, Source, Timestamp,
};

/// Builds the candidate a row describes. `now` stamps rows without a
/// `created_at`. The id is `CandidateId(0)` when the row has none.
pub fn candidate(row: &Row, catalog: &Catalog, now: Timestamp) -> Result<Candidate, Vec<Problem>> {
    let mut out = blank(now);
    let mut problems = row.problems.clone();
    let mut currency = None;
    let mut consent = ConsentCells::default();
    for field in &row.fields {
        let applied = match field.column {
            Column::Company | Column::Title | Column::ExternalIds => {
                row_profile::apply(&mut out, field)
            }
            Column::ConsentGiven | Column::ConsentUntil | Column::ConsentSource => {
                consent.apply(field)
            }
            _ => apply(&mut out, &mut currency, field, catalog),
        };
        if let Err(message) = applied {
            problems.push(Problem::at(&field.place, message));
        }
    }
    if let (Some(rate), Some(code)) = (out.rate.as_mut(), currency) {
        rate.currency = code;
    }
    match consent.finish() {
        Ok(given) => out.consent = given,
        Err(message) => problems.push(Problem::line(row.line, message)),
    }
    match super::custom::fields(&row.custom) {
        Ok(custom) => out.custom = custom,
        Err(found) => problems.extend(found),
    }
    for required in Column::REQUIRED {
        if row.get(required).is_none() {
            problems.push(Problem::line(row.line, format!("{required} is missing")));
        }
    }
    // The store's own rules, as a last word: anything the checks above let
    // through would be refused when written.
    if problems.is_empty() {
        problems.extend(
            out.problems()
                .into_iter()
                .map(|p| Problem::line(row.line, p)),
        );
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// A candidate with nothing but its creation time, for a row to fill.
fn blank(now: Timestamp) -> Candidate {
    Candidate {
        id: CandidateId(0),
        name: String::new(),
        email: String::new(),
        phone: None,
        location: Location::default(),
        roles: Vec::new(),
        skills: Vec::new(),
        rate: None,
        available_from: None,
        source: Source::Other,
        tags: Vec::new(),
        links: Vec::new(),
        created_at: now,
        company: String::new(),
        title: String::new(),
        external_ids: Vec::new(),
        custom: Vec::new(),
        consent: None,
    }
}

fn apply(
    out: &mut Candidate,
    currency: &mut Option<String>,
    field: &Field,
    catalog: &Catalog,
) -> Result<(), String> {
    let value = &field.value;
    match field.column {
        Column::Id => out.id = id(&text(value)?)?,
        Column::Name => out.name = required_text(value, "name")?,
        Column::Email => out.email = email(value)?,
        Column::Phone => out.phone = Some(text(value)?).filter(|p| !p.is_empty()),
        Column::City => out.location.city = text(value)?,
        Column::Country => out.location.country = text(value)?,
        Column::Timezone => out.location.timezone = zone(&text(value)?)?,
        Column::Roles => out.roles = roles(&list(value)?, catalog)?,
        Column::Skills => out.skills = skills(&list(value)?, catalog)?,
        Column::Rate => out.rate = rate(&text(value)?)?,
        Column::Currency => *currency = currency_code(&text(value)?)?,
        Column::AvailableFrom => out.available_from = date(&text(value)?)?,
        Column::Source => out.source = source(&text(value)?)?,
        // Another system's file may give several columns of these.
        Column::Tags => out.tags.extend(list(value)?),
        Column::Links => out.links.extend(list(value)?),
        Column::CreatedAt => {
            if let Some(at) = timestamp(&text(value)?)? {
                out.created_at = at;
            }
        }
        // Read by `row_profile`, before this is called.
        Column::Company
        | Column::Title
        | Column::ExternalIds
        | Column::ConsentGiven
        | Column::ConsentUntil
        | Column::ConsentSource => {}
    }
    Ok(())
}

fn required_text(value: &Raw, what: &str) -> Result<String, String> {
    let text = text(value)?;
    if text.is_empty() {
        return Err(format!("{what} is empty"));
    }
    Ok(text)
}

fn email(value: &Raw) -> Result<String, String> {
    let email = required_text(value, "email")?;
    if !is_plausible_email(&email) {
        return Err(format!("`{email}` is not an email address"));
    }
    Ok(email)
}

fn id(text: &str) -> Result<CandidateId, String> {
    if text.is_empty() {
        return Ok(CandidateId(0));
    }
    match text.parse::<CandidateId>() {
        Ok(CandidateId(0)) | Err(_) => Err(format!("`{text}` is not a candidate id such as C12")),
        Ok(id) => match id_problem("candidate", id.0) {
            Some(problem) => Err(problem),
            None => Ok(id),
        },
    }
}

/// What is wrong with a record's id from a file: 0 is no id, and one past
/// [`MAX_ID`] leaves no room to count on.
pub fn id_problem(kind: &str, id: u64) -> Option<String> {
    match id {
        0 => Some(format!("{kind} id 0 is not an id")),
        id if id > MAX_ID => Some(format!(
            "{kind} id {id} is too large (ids go up to {MAX_ID})"
        )),
        _ => None,
    }
}

fn roles(items: &[String], catalog: &Catalog) -> Result<Vec<RoleId>, String> {
    let mut roles: Vec<RoleId> = Vec::with_capacity(items.len());
    for item in items {
        let role = catalog
            .find_role(item)
            .ok_or_else(|| format!("unknown role type `{item}`"))?;
        // "devops; sre" names one role twice, harmlessly.
        if !roles.contains(&role.id) {
            roles.push(role.id.clone());
        }
    }
    Ok(roles)
}

fn skills(items: &[String], catalog: &Catalog) -> Result<Vec<SkillLevel>, String> {
    let mut skills: Vec<SkillLevel> = Vec::with_capacity(items.len());
    for item in items {
        let (name, level) = item
            .rsplit_once(':')
            .ok_or_else(|| format!("skill `{item}` needs a level, as in Kubernetes:4"))?;
        let skill = catalog
            .find_skill(name)
            .ok_or_else(|| format!("unknown skill `{}`", name.trim()))?;
        let level = level
            .trim()
            .parse::<u8>()
            .ok()
            .and_then(|l| Level::new(l).ok())
            .ok_or_else(|| format!("level `{}` of {} is not 0 to 5", level.trim(), skill.name))?;
        if skills.iter().any(|s| s.skill == skill.id) {
            return Err(format!("skill {} is listed twice", skill.name));
        }
        skills.push(SkillLevel {
            skill: skill.id.clone(),
            level,
        });
    }
    Ok(skills)
}

/// `80`, `60-90`, `$60 - 90`; empty for none.
pub fn rate(text: &str) -> Result<Option<RateRange>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let number = |s: &str| {
        s.trim()
            .trim_start_matches('$')
            .trim()
            .parse::<u32>()
            .map_err(|_| {
                format!("rate `{text}` is not a whole number like 80 or a range like 60-90")
            })
    };
    let (min, max) = match text.split_once('-') {
        Some((min, max)) => (number(min)?, number(max)?),
        None => (number(text)?, number(text)?),
    };
    if min > max {
        return Err(format!(
            "rate {min}-{max} has its minimum above its maximum"
        ));
    }
    Ok(Some(RateRange::usd(min, max)))
}

/// An ISO 4217 code: three letters, upper-cased. Empty means the default.
pub fn currency_code(text: &str) -> Result<Option<String>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    if !(text.len() == 3 && text.chars().all(|c| c.is_ascii_alphabetic())) {
        return Err(format!(
            "currency `{text}` is not a three-letter code such as USD"
        ));
    }
    let code = text.to_ascii_uppercase();
    match crate::domain::codes::currency_code_problem(&code) {
        Some(problem) => Err(problem),
        None => Ok(Some(code)),
    }
}

/// An IANA time zone, or nothing.
fn zone(text: &str) -> Result<String, String> {
    match crate::domain::codes::zone_problem(text) {
        Some(problem) => Err(problem),
        None => Ok(text.to_string()),
    }
}

/// A source by its label, ignoring case, spaces, hyphens and underscores
/// (`job board`, `JobBoard`); empty is `Other`. The filter language's
/// `source:` reads sources through this too.
pub(crate) fn source(text: &str) -> Result<Source, String> {
    if text.is_empty() {
        return Ok(Source::Other);
    }
    let folded = super::columns::fold_header(text);
    Source::ALL
        .into_iter()
        .find(|s| super::columns::fold_header(s.label()) == folded)
        .ok_or_else(|| {
            let known: Vec<&str> = Source::ALL.iter().map(|s| s.label()).collect();
            format!("source `{text}` is not one of: {}", known.join(", "))
        })
}
