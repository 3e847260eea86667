//! How each record type is keyed, enveloped and read back at any schema
//! version this build understands.

use super::codec::{self, CodecError, RecordKind};
use super::migrate;
use crate::domain::candidate_v3::{CandidateV3, with_v3_images};
use crate::domain::{Application, Candidate, CandidateId, Engagement, EngagementId, Event};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The schema version this build writes. Version history:
/// - 1: candidates held a single USD `rate` and no `links`.
/// - 2: candidates hold a `RateRange` with a currency, and `links`.
/// - 3: an engagement's client is a record of its own (`clients`), named
///   by id; engagements have an owner and a bill rate; submittals and
///   placements have trees of their own.
/// - 4: candidates hold company, title, external ids, custom fields and
///   consent (so do the images a merge event keeps).
pub const SCHEMA_VERSION: u16 = 4;

/// The first version whose engagements have today's layout.
pub const ENGAGEMENTS_AS_NOW: u16 = 3;

/// A record type the store keeps in a tree of its own.
pub trait Record: Serialize + DeserializeOwned {
    const KIND: RecordKind;
    const TREE: &'static str;

    /// Reads a payload written at `version`, migrating older layouts.
    fn from_version(version: u16, payload: &[u8]) -> Result<Self, CodecError> {
        match version {
            1..=SCHEMA_VERSION => codec::decode_payload(payload),
            found => Err(CodecError::UnsupportedVersion {
                found,
                supported: SCHEMA_VERSION,
            }),
        }
    }
}

impl Record for Candidate {
    const KIND: RecordKind = RecordKind::Candidate;
    const TREE: &'static str = "candidates";

    fn from_version(version: u16, payload: &[u8]) -> Result<Self, CodecError> {
        match version {
            1 => migrate::candidate_from_v1(payload),
            2 | 3 => codec::decode_payload::<CandidateV3>(payload).map(Candidate::from),
            SCHEMA_VERSION => codec::decode_payload(payload),
            found => Err(CodecError::UnsupportedVersion {
                found,
                supported: SCHEMA_VERSION,
            }),
        }
    }
}

impl Record for Engagement {
    const KIND: RecordKind = RecordKind::Engagement;
    const TREE: &'static str = "engagements";

    /// Engagements before v3 named their client by text: only the
    /// migration reads them (`migrate::engagements_from_v2`), since
    /// turning a name into a client takes the other engagements too.
    fn from_version(version: u16, payload: &[u8]) -> Result<Self, CodecError> {
        match version {
            ENGAGEMENTS_AS_NOW..=SCHEMA_VERSION => codec::decode_payload(payload),
            found => Err(CodecError::UnsupportedVersion {
                found,
                supported: SCHEMA_VERSION,
            }),
        }
    }
}

impl Record for crate::domain::Client {
    const KIND: RecordKind = RecordKind::Client;
    const TREE: &'static str = "clients";
}

impl Record for crate::domain::Submittal {
    const KIND: RecordKind = RecordKind::Submittal;
    const TREE: &'static str = "submittals";
}

impl Record for crate::domain::Placement {
    const KIND: RecordKind = RecordKind::Placement;
    const TREE: &'static str = "placements";
}

impl Record for crate::domain::scope::Assignment {
    const KIND: RecordKind = RecordKind::Assignment;
    const TREE: &'static str = "assignments";
}

impl Record for Application {
    const KIND: RecordKind = RecordKind::Application;
    const TREE: &'static str = "applications";
}

impl Record for crate::domain::Note {
    const KIND: RecordKind = RecordKind::Note;
    const TREE: &'static str = "notes";
}

impl Record for Event {
    const KIND: RecordKind = RecordKind::Event;
    const TREE: &'static str = "events";

    /// Events before v4 hold merge images in the v3 layout.
    fn from_version(version: u16, payload: &[u8]) -> Result<Self, CodecError> {
        match version {
            1..=3 => with_v3_images(|| codec::decode_payload(payload)),
            SCHEMA_VERSION => codec::decode_payload(payload),
            found => Err(CodecError::UnsupportedVersion {
                found,
                supported: SCHEMA_VERSION,
            }),
        }
    }
}

/// Envelopes a record at the current schema version.
pub fn encode<R: Record>(record: &R) -> Result<Vec<u8>, CodecError> {
    let payload = codec::encode_payload(record)?;
    Ok(codec::seal(R::KIND, SCHEMA_VERSION, &payload))
}

/// Reads a record of any supported version.
pub fn decode<R: Record>(bytes: &[u8]) -> Result<R, CodecError> {
    let opened = codec::open(R::KIND, bytes)?;
    R::from_version(opened.version, opened.payload)
}

/// An application's key: engagement then candidate, so that one engagement's
/// pipeline is a prefix scan.
pub fn application_key(engagement: EngagementId, candidate: CandidateId) -> [u8; 16] {
    let mut key = [0u8; 16];
    key[..8].copy_from_slice(&engagement.to_key());
    key[8..].copy_from_slice(&candidate.to_key());
    key
}

/// The event index's key: candidate then event, so that one candidate's
/// activity is a prefix scan.
pub fn candidate_event_key(candidate: CandidateId, event: crate::domain::EventId) -> [u8; 16] {
    let mut key = [0u8; 16];
    key[..8].copy_from_slice(&candidate.to_key());
    key[8..].copy_from_slice(&event.to_key());
    key
}

/// A record id from its 8 big-endian key bytes.
pub fn id_from_key(bytes: &[u8]) -> Option<u64> {
    <[u8; 8]>::try_from(bytes).ok().map(u64::from_be_bytes)
}

/// Renders a key for error messages: ids as numbers, anything else as hex.
pub fn describe_key(key: &[u8]) -> String {
    match key.len() {
        8 => id_from_key(key).unwrap_or_default().to_string(),
        16 => {
            let (e, c) = key.split_at(8);
            let number = |b: &[u8]| id_from_key(b).unwrap_or_default();
            format!("E{}/C{}", number(e), number(c))
        }
        _ => key.iter().map(|b| format!("{b:02x}")).collect(),
    }
}
