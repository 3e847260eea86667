//! Time as the domain sees it: UTC instants, calendar dates, and a clock that
//! tests can fix.

use chrono::{DateTime, NaiveDate, Utc};

/// An instant, always UTC.
pub type Timestamp = DateTime<Utc>;

/// Where "now" comes from. The app and the CLI use the system clock; tests and
/// the demo generator use a fixed one so that output is reproducible.
pub trait Clock: Send + Sync {
    fn now(&self) -> Timestamp;
}

#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Utc::now()
    }
}

#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub Timestamp);

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        self.0
    }
}

/// Whole days from `from` to `to`, never negative.
pub fn days_between(from: Timestamp, to: Timestamp) -> i64 {
    (to - from).num_days().max(0)
}

/// Serde for instants as milliseconds since the epoch: compact in bincode,
/// where chrono's default (an RFC 3339 string) costs ~30 bytes a field.
pub mod millis {
    pub use chrono::serde::ts_milliseconds::{deserialize, serialize};
}

/// Serde for calendar dates as days since 0001-01-01 (chrono's CE count).
pub mod days {
    use super::NaiveDate;
    use chrono::Datelike;
    use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error};

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        date.num_days_from_ce().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let days = i32::deserialize(d)?;
        NaiveDate::from_num_days_from_ce_opt(days)
            .ok_or_else(|| D::Error::custom(format!("day number {days} is out of range")))
    }

    /// The same for `Option<NaiveDate>`.
    pub mod option {
        use super::NaiveDate;
        use chrono::Datelike;
        use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error};

        pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
            date.map(|d| d.num_days_from_ce()).serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            match Option::<i32>::deserialize(d)? {
                None => Ok(None),
                Some(days) => NaiveDate::from_num_days_from_ce_opt(days)
                    .map(Some)
                    .ok_or_else(|| D::Error::custom(format!("day number {days} is out of range"))),
            }
        }
    }
}
