//! Dates and times as other systems write them, read into the forms
//! hireterm's own files use: `2024-01-31 06:00:00.000` (UTC, as
//! Greenhouse and LinkedIn write them), milliseconds or seconds since
//! 1970, a date alone. Anything else is passed on as it is, for the
//! row's checks to refuse with its place.

use super::cells::{date, timestamp};
use super::columns::Column;
use super::records::rfc3339;
use crate::domain::Timestamp;
use chrono::{DateTime, NaiveDate, NaiveDateTime};

const TIMES: [&str; 5] = [
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
];

/// `text` as the column's own reader takes it, where it can be.
pub fn read(column: Column, text: &str) -> String {
    let text = text.trim();
    // `2024-01-31 06:00:00`, the most common form, read at once.
    if text.as_bytes().get(10) == Some(&b' ')
        && let Some(at) = instant(text)
    {
        return match column {
            Column::CreatedAt => rfc3339::format(&at),
            _ => at.date_naive().to_string(),
        };
    }
    if column == Column::CreatedAt {
        if timestamp(text).is_ok() {
            return text.to_string();
        }
        return instant(text).map_or_else(|| text.to_string(), |at| rfc3339::format(&at));
    }
    if date(text).is_ok() {
        return text.to_string();
    }
    match instant(text) {
        Some(at) => at.date_naive().to_string(),
        None => text.to_string(),
    }
}

/// An instant in one of the forms above, in UTC.
fn instant(text: &str) -> Option<Timestamp> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        let number: i64 = text.parse().ok()?;
        return match text.len() {
            13 => DateTime::from_timestamp_millis(number),
            10 => DateTime::from_timestamp(number, 0),
            _ => None,
        };
    }
    let time = TIMES
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok());
    let time = time.or_else(|| {
        let day = NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()?;
        (text.len() == 10).then(|| day.and_time(chrono::NaiveTime::MIN))
    });
    time.map(|t| t.and_utc()).or_else(|| {
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|at| at.to_utc())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_systems_times_read_as_ours_and_the_rest_pass_through() {
        let created = |t| read(Column::CreatedAt, t);
        assert_eq!(
            created("2024-01-31 06:00:00.000"),
            "2024-01-31T06:00:00.000Z"
        );
        assert_eq!(created("1706680800000"), "2024-01-31T06:00:00.000Z");
        assert_eq!(created("2024-01-31"), "2024-01-31T00:00:00.000Z");
        assert_eq!(created("2024-01-31T06:00:00Z"), "2024-01-31T06:00:00Z");
        assert_eq!(created("yesterday"), "yesterday");
        let day = |t| read(Column::AvailableFrom, t);
        assert_eq!(day("2026-07-01 00:00:00"), "2026-07-01");
        assert_eq!(day("2026-07-01"), "2026-07-01");
        assert_eq!(day("July"), "July");
    }
}
