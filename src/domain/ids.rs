//! Typed record identifiers, so a candidate id can never be passed where an
//! engagement id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The highest id a record may carry, read from a file or handed out by
/// a counter: 2^53 - 1, the largest integer every JSON reader keeps exact
/// (RFC 8259, section 6: 2^53 itself reads back the same as 2^53 + 1), so
/// an export can always hold it; and far enough from the end of `u64`
/// that counting up to it can never overflow.
pub const MAX_ID: u64 = (1 << 53) - 1;

macro_rules! record_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal, $what:literal, $example:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub struct $name(pub u64);

        impl $name {
            /// The big-endian key bytes, so that sled's byte order is id order.
            pub fn to_key(self) -> [u8; 8] {
                self.0.to_be_bytes()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            /// Accepts `42` and the displayed form `C42` alike.
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                let digits = text.trim();
                let digits = digits
                    .strip_prefix($prefix)
                    .or_else(|| digits.strip_prefix(&$prefix.to_lowercase()))
                    .unwrap_or(digits);
                digits
                    .parse::<u64>()
                    .map($name)
                    .map_err(|_| {
                        format!(concat!("`{}` is not ", $what, " id: ids look like ", $example), text)
                    })
            }
        }
    };
}

record_id!(
    /// A candidate, displayed as `C17`.
    CandidateId,
    "C",
    "a candidate",
    "C12"
);
record_id!(
    /// An engagement (opening), displayed as `E3`.
    EngagementId,
    "E",
    "an engagement",
    "E3"
);
record_id!(
    /// An entry of the append-only event log, displayed as `V90`.
    EventId,
    "V",
    "an event",
    "V90"
);
record_id!(
    /// A note on a candidate (or on one of their applications), shown as `N5`.
    NoteId,
    "N",
    "a note",
    "N5"
);
record_id!(
    /// A client company, displayed as `CL2`.
    ClientId,
    "CL",
    "a client",
    "CL2"
);
record_id!(
    /// A client submittal (a profile sent to a client), displayed as `S4`.
    SubmittalId,
    "S",
    "a submittal",
    "S4"
);
record_id!(
    /// A placement (a candidate placed in an engagement), displayed as `P3`.
    PlacementId,
    "P",
    "a placement",
    "P3"
);
