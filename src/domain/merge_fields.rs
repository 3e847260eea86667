//! How a merge takes the fields schema 4 added: where the person works,
//! their ids in other systems, custom fields and consent. As with the
//! older fields (`duplicate::merge`), the stored record's values win and
//! fill in from the offered one; lists are united, so a person merged
//! from an import is found by that system's id the next time.

use super::candidate::Candidate;

/// Fills `merged` (the stored record, being merged) from `incoming`.
pub fn take_profile(merged: &mut Candidate, incoming: &Candidate) {
    for (mine, theirs) in [
        (&mut merged.company, &incoming.company),
        (&mut merged.title, &incoming.title),
    ] {
        if mine.is_empty() {
            mine.clone_from(theirs);
        }
    }
    for id in &incoming.external_ids {
        if !merged.external_ids.contains(id) {
            merged.external_ids.push(id.clone());
        }
    }
    for field in &incoming.custom {
        if !merged.custom.iter().any(|kept| kept.name == field.name) {
            merged.custom.push(field.clone());
        }
    }
    merged.consent = match (merged.consent.take(), &incoming.consent) {
        (Some(kept), Some(offered)) if offered.until > kept.until => Some(offered.clone()),
        (None, offered) => offered.clone(),
        (kept, _) => kept,
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::candidate_with;
    use crate::domain::{Consent, CustomField, ExternalId};

    fn day(text: &str) -> chrono::NaiveDate {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn the_stored_values_win_and_the_offered_ones_fill_in() {
        let mut stored = candidate_with(&[]);
        stored.title = "SRE".into();
        stored.external_ids = vec![ExternalId::new("lever", "a1")];
        stored.custom = vec![CustomField::new("Visa", "EU")];
        stored.consent = Some(Consent::for_days(day("2026-01-01"), 30, "form"));
        let mut offered = stored.clone();
        offered.company = "Kestrel".into();
        offered.title = "Staff SRE".into();
        offered.external_ids = vec![ExternalId::new("greenhouse", "9")];
        offered.custom = vec![
            CustomField::new("Visa", "none"),
            CustomField::new("Notice", "1 month"),
        ];
        offered.consent = Some(Consent::for_days(day("2026-06-01"), 30, "email"));
        take_profile(&mut stored, &offered);
        assert_eq!(
            (stored.company.as_str(), stored.title.as_str()),
            ("Kestrel", "SRE")
        );
        assert_eq!(stored.external_ids.len(), 2);
        let custom: Vec<&str> = stored.custom.iter().map(|f| f.value.as_str()).collect();
        assert_eq!(custom, ["EU", "1 month"]);
        assert_eq!(
            stored.consent.map(|c| c.source),
            Some("email".into()),
            "the later end"
        );
    }
}
