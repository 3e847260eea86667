//! Time zones and currencies as the world names them: a zone is an IANA
//! time zone (the tz database, from the `chrono-tz` crate) and a currency
//! an ISO 4217 code (from `iso_currency`), never a hand-kept list. Each
//! check names the nearest real one to a typo.
//!
//! These are checked where a value is typed or imported (the forms,
//! `hireterm add`, `engagement add`, `place`, the importer), not on every
//! write nor on read: a database that holds a zone an older hireterm let
//! in still opens, lists, and takes a tag or a move on that record.

use std::str::FromStr;

/// A zone shown as an example when nothing near the typed one exists.
const EXAMPLE_ZONE: &str = "Europe/Lisbon";

/// Below this relative similarity a zone is not offered: `Mars/Olympus` is
/// no typo of any of them.
const CLOSE_ENOUGH: f64 = 0.75;

/// What is wrong with a time zone, if anything (empty: none given).
pub fn zone_problem(zone: &str) -> Option<String> {
    let zone = zone.trim();
    if zone.is_empty() || chrono_tz::Tz::from_str(zone).is_ok() {
        return None;
    }
    Some(match nearest_zone(zone) {
        Some(near) => format!("`{zone}` is not a time zone; did you mean `{near}`?"),
        None => format!("`{zone}` is not a time zone: give an IANA name such as {EXAMPLE_ZONE}"),
    })
}

/// The IANA zone nearest to `typed` by edit distance (in lower case, so
/// that `europe/lisbon` finds `Europe/Lisbon`), if one is close enough.
fn nearest_zone(typed: &str) -> Option<&'static str> {
    // Longer than any zone name: no typo, and not worth the comparisons.
    if typed.chars().count() > 64 {
        return None;
    }
    let typed = typed.to_lowercase();
    let mut best: Option<(f64, &'static str)> = None;
    for zone in chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()) {
        let score = strsim::normalized_damerau_levenshtein(&typed, &zone.to_lowercase());
        if score >= CLOSE_ENOUGH && best.is_none_or(|(top, _)| score > top) {
            best = Some((score, zone));
        }
    }
    best.map(|(_, zone)| zone)
}

/// Whether `code` (three capital letters) is an ISO 4217 currency.
pub fn is_currency(code: &str) -> bool {
    iso_currency::Currency::from_code(code).is_some()
}

/// What is wrong with a currency code as typed, if anything: its shape
/// (the store's rule, [`super::rate::currency_problem`]), then whether
/// ISO 4217 knows it.
pub fn currency_code_problem(code: &str) -> Option<String> {
    if let Some(shape) = super::rate::currency_problem(code) {
        return Some(shape);
    }
    if is_currency(code) {
        return None;
    }
    Some(match nearest_currency(code) {
        Some(near) => format!("`{code}` is not an ISO 4217 currency; did you mean `{near}`?"),
        None => format!("`{code}` is not an ISO 4217 currency: give a code such as USD or EUR"),
    })
}

/// A currency one typo away from `code` (two letters swapped, or one
/// letter changed, the last first), if there is one. ISO 4217 has no
/// list to walk without another crate, and three letters have few
/// neighbours (80), so they are tried.
fn nearest_currency(code: &str) -> Option<String> {
    let letters: Vec<char> = code.chars().collect();
    let swaps = (0..letters.len().saturating_sub(1)).map(|i| {
        let mut near = letters.clone();
        near.swap(i, i + 1);
        near
    });
    let changes = (0..letters.len()).rev().flat_map(|i| {
        let letters = letters.clone();
        ('A'..='Z').map(move |c| {
            let mut near = letters.clone();
            near[i] = c;
            near
        })
    });
    swaps
        .chain(changes)
        .map(|near| near.into_iter().collect::<String>())
        .find(|near| near != code && is_currency(near))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iana_zones_pass_and_typos_find_their_zone() {
        for zone in ["", "Europe/Lisbon", "America/Argentina/Buenos_Aires", "UTC"] {
            assert_eq!(zone_problem(zone), None, "{zone}");
        }
        assert_eq!(
            zone_problem("Europe/Lisbn").as_deref(),
            Some("`Europe/Lisbn` is not a time zone; did you mean `Europe/Lisbon`?")
        );
        assert!(
            zone_problem("europe/berlin")
                .unwrap()
                .contains("`Europe/Berlin`")
        );
        assert_eq!(
            zone_problem("Mars/Olympus").as_deref(),
            Some("`Mars/Olympus` is not a time zone: give an IANA name such as Europe/Lisbon")
        );
        assert!(zone_problem(&"x".repeat(500)).is_some());
    }

    #[test]
    fn iso_currencies_pass_and_typos_find_their_code() {
        for code in ["USD", "EUR", "CHF", "NGN", "JPY"] {
            assert_eq!(currency_code_problem(code), None, "{code}");
        }
        assert_eq!(
            currency_code_problem("EUO").as_deref(),
            Some("`EUO` is not an ISO 4217 currency; did you mean `EUR`?")
        );
        assert_eq!(
            currency_code_problem("UDS").as_deref(),
            Some("`UDS` is not an ISO 4217 currency; did you mean `USD`?")
        );
        assert!(
            currency_code_problem("XYZ")
                .unwrap()
                .starts_with("`XYZ` is not an ISO 4217")
        );
        assert_eq!(
            currency_code_problem("US").as_deref(),
            Some("currency `US` is not a 3-letter code like USD"),
            "the shape first"
        );
    }
}
