//! The columns of a row about where a person works, the ids other
//! systems know them by, and their consent to be kept.

use super::cells::{date, list, text};
use super::columns::Column;
use super::fields::Field;
use crate::domain::consent::DEFAULT_CONSENT_DAYS;
use crate::domain::{Candidate, Consent, ExternalId};
use chrono::NaiveDate;

/// Company, title and external ids (`greenhouse:48213; lever:abc-1`).
pub fn apply(out: &mut Candidate, field: &Field) -> Result<(), String> {
    match field.column {
        Column::Company => out.company = text(&field.value)?,
        Column::Title => out.title = text(&field.value)?,
        Column::ExternalIds => {
            for item in list(&field.value)? {
                let id = external_id(&item)?;
                if !out.external_ids.contains(&id) {
                    out.external_ids.push(id);
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// `system:id`, the system lower-cased; the id may hold colons.
fn external_id(item: &str) -> Result<ExternalId, String> {
    match item.split_once(':') {
        Some((system, id)) if !system.trim().is_empty() && !id.trim().is_empty() => {
            Ok(ExternalId::new(system.trim().to_lowercase(), id.trim()))
        }
        _ => Err(format!(
            "`{item}` is not an external id written system:id (greenhouse:48213)"
        )),
    }
}

/// The three consent cells, read one by one and judged together.
#[derive(Debug, Default)]
pub struct ConsentCells {
    given: Option<NaiveDate>,
    until: Option<NaiveDate>,
    source: String,
}

impl ConsentCells {
    pub fn apply(&mut self, field: &Field) -> Result<(), String> {
        match field.column {
            Column::ConsentGiven => self.given = date(&text(&field.value)?)?,
            Column::ConsentUntil => self.until = date(&text(&field.value)?)?,
            Column::ConsentSource => self.source = text(&field.value)?,
            _ => {}
        }
        Ok(())
    }

    /// No consent when all three are empty; given and source are needed
    /// together; the end defaults to two years after.
    pub fn finish(self) -> Result<Option<Consent>, String> {
        match (self.given, self.source.is_empty()) {
            (None, true) if self.until.is_none() => Ok(None),
            (Some(given), false) => {
                let mut consent = Consent::for_days(given, DEFAULT_CONSENT_DAYS, self.source);
                consent.until = self.until.unwrap_or(consent.until);
                Ok(Some(consent))
            }
            _ => Err("consent needs both consent_given (a date) and consent_source".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_external_id_is_system_colon_id() {
        assert_eq!(
            external_id("Greenhouse: 48213").unwrap(),
            ExternalId::new("greenhouse", "48213")
        );
        assert_eq!(external_id("lever:a1:b2").unwrap().id, "a1:b2");
        assert!(external_id("48213").unwrap_err().contains("system:id"));
    }

    #[test]
    fn consent_needs_a_date_and_a_source_and_lasts_two_years_by_default() {
        assert_eq!(ConsentCells::default().finish(), Ok(None));
        let cells = |given: Option<&str>, source: &str| ConsentCells {
            given: given.map(|d| d.parse().unwrap()),
            until: None,
            source: source.into(),
        };
        let consent = cells(Some("2026-01-01"), "form").finish().unwrap().unwrap();
        assert_eq!(consent.until.to_string(), "2028-01-01");
        assert!(cells(Some("2026-01-01"), "").finish().is_err());
        assert!(cells(None, "form").finish().is_err());
    }
}
