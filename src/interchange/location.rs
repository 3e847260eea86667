//! One location column, as other systems write it ("Lisbon, Portugal",
//! "San Francisco, CA, United States"), split into city and country: the
//! country is the part after the last comma when it names a country
//! (ISO 3166 name or code, or a common form such as "USA" or "UK"), the
//! city is everything before it. What cannot be split so ("Remote",
//! "Austin, TX") is kept whole rather than guessed at.

use crate::domain::text::{clean_line, fold_char};
use std::collections::HashSet;
use std::sync::OnceLock;

/// What a location cell becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Split {
    /// City (may be empty: the cell named a country alone) and country.
    Parts { city: String, country: String },
    /// Kept as written.
    Whole(String),
}

/// Common names that are not ISO 3166's own.
const ALSO_COUNTRIES: &[&str] = &[
    "USA",
    "US",
    "U.S.",
    "U.S.A.",
    "United States",
    "America",
    "UK",
    "U.K.",
    "United Kingdom",
    "Great Britain",
    "England",
    "Scotland",
    "Wales",
    "Northern Ireland",
    "Russia",
    "South Korea",
    "Korea",
    "Vietnam",
    "Iran",
    "Syria",
    "Bolivia",
    "Venezuela",
    "Tanzania",
    "Moldova",
    "Czechia",
    "Laos",
    "Taiwan",
    "Türkiye",
    "Macedonia",
    "Ivory Coast",
    "The Netherlands",
    "Holland",
    "UAE",
];

/// Two-letter codes that are also US states' (`Austin, TX`): taken for
/// states, so never for countries.
const US_STATES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC",
];

/// Every country name and code, folded.
fn countries() -> &'static HashSet<String> {
    static COUNTRIES: OnceLock<HashSet<String>> = OnceLock::new();
    COUNTRIES.get_or_init(|| {
        let mut set = HashSet::new();
        for code in iso_country::data::all() {
            set.insert(key(code.name));
            set.insert(key(code.alpha3));
            if !US_STATES.contains(&code.alpha2) {
                set.insert(key(code.alpha2));
            }
        }
        set.extend(ALSO_COUNTRIES.iter().map(|name| key(name)));
        set
    })
}

/// Lower case, accents off, letters and digits only: `U.S.A.` is `usa`.
fn key(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(fold_char)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Whether `text` names a country.
pub fn is_country(text: &str) -> bool {
    let key = key(text);
    !key.is_empty() && countries().contains(&key)
}

/// Splits a location cell; one that cannot be split is kept as written
/// (a postal address keeps its lines).
pub fn split(written: &str) -> Split {
    let text = clean_line(&written.replace('\n', " "));
    let (city, country) = match text.rsplit_once(',') {
        Some((city, country)) => (city.trim(), country.trim()),
        None => ("", text.as_str()),
    };
    if is_country(country) {
        Split::Parts {
            city: city.to_string(),
            country: country.to_string(),
        }
    } else {
        Split::Whole(written.trim().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(city: &str, country: &str) -> Split {
        Split::Parts {
            city: city.into(),
            country: country.into(),
        }
    }

    #[test]
    fn a_city_and_a_country_split_and_anything_else_stays_whole() {
        assert_eq!(split("Lisbon, Portugal"), parts("Lisbon", "Portugal"));
        assert_eq!(split("São Paulo,Brazil"), parts("São Paulo", "Brazil"));
        assert_eq!(split("Zürich, CH"), parts("Zürich", "CH"));
        assert_eq!(
            split("San Francisco, CA, United States"),
            parts("San Francisco, CA", "United States")
        );
        assert_eq!(split("東京, Japan"), parts("東京", "Japan"));
        assert_eq!(split("Germany"), parts("", "Germany"));
        for country in [
            "South Korea",
            "Türkiye",
            "Taiwan",
            "United Kingdom",
            "Vietnam",
            "USA",
        ] {
            assert!(is_country(country), "{country}");
        }
        assert_eq!(split("Austin, TX"), Split::Whole("Austin, TX".into()));
        assert_eq!(split("Berlin, DE"), Split::Whole("Berlin, DE".into()));
        assert_eq!(
            split("1 Main St\nNew York, NY 10001"),
            Split::Whole("1 Main St\nNew York, NY 10001".into())
        );
        assert_eq!(split("Remote"), Split::Whole("Remote".into()));
        assert_eq!(
            split("Greater London Area"),
            Split::Whole("Greater London Area".into())
        );
    }
}
