//! The versioned envelope every stored value travels in.
//!
//! ```text
//! "HT" | format (1) | kind (1) | schema version (u16 LE) | payload length (u32 LE) | payload | CRC-32 (u32 LE)
//! ```
//!
//! The checksum covers everything before it. Decoding checks the frame before
//! it trusts a byte of the payload, and the payload must be consumed exactly:
//! bincode has no schema evolution, so a layout change that still happened to
//! decode would leave bytes over (or run short) and is refused, never misread.

use serde::Serialize;
use serde::de::DeserializeOwned;

const MAGIC: [u8; 2] = *b"HT";
/// The payload encoding: bincode 2, standard configuration.
const FORMAT_BINCODE: u8 = 1;
const HEADER_LEN: usize = 10;
const CHECKSUM_LEN: usize = 4;
/// No record comes near this; a length above it is damage, not data.
pub const MAX_PAYLOAD: usize = 4 * 1024 * 1024;

/// What a stored value is, so that a candidate's bytes are never read as an
/// engagement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum RecordKind {
    Candidate = 1,
    Engagement = 2,
    Application = 3,
    Event = 4,
    Note = 5,
    Client = 6,
    Submittal = 7,
    Placement = 8,
    /// The interviewers assigned to an engagement.
    Assignment = 9,
}

impl RecordKind {
    fn from_byte(byte: u8) -> Option<RecordKind> {
        [
            RecordKind::Candidate,
            RecordKind::Engagement,
            RecordKind::Application,
            RecordKind::Event,
            RecordKind::Note,
            RecordKind::Client,
            RecordKind::Submittal,
            RecordKind::Placement,
            RecordKind::Assignment,
        ]
        .into_iter()
        .find(|k| *k as u8 == byte)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodecError {
    #[error("record is {0} bytes, too short for an envelope")]
    TooShort(usize),
    #[error("record does not start with the hireterm tag")]
    BadMagic,
    #[error("record uses unknown encoding {0}")]
    UnknownFormat(u8),
    #[error("record is a {found:?}, expected a {expected:?}")]
    WrongKind { expected: RecordKind, found: u8 },
    #[error("record claims a payload of {0} bytes, more than the {MAX_PAYLOAD} allowed")]
    AbsurdLength(usize),
    #[error("record length mismatch: header says {declared} payload bytes, {actual} present")]
    LengthMismatch { declared: usize, actual: usize },
    #[error("record checksum mismatch (stored {stored:08x}, computed {computed:08x})")]
    BadChecksum { stored: u32, computed: u32 },
    #[error("record has schema version {found}; this hireterm reads up to {supported}")]
    UnsupportedVersion { found: u16, supported: u16 },
    #[error("record payload does not decode: {0}")]
    Payload(String),
    #[error("record payload has {0} bytes left over after decoding")]
    TrailingBytes(usize),
}

/// A checked envelope: its schema version and the payload it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opened<'a> {
    pub version: u16,
    pub payload: &'a [u8],
}

fn config() -> impl bincode::config::Config {
    bincode::config::standard().with_limit::<MAX_PAYLOAD>()
}

/// Encodes `value` as a payload (no envelope).
pub fn encode_payload<T: Serialize>(value: &T) -> Result<Vec<u8>, CodecError> {
    bincode::serde::encode_to_vec(value, config()).map_err(|e| CodecError::Payload(e.to_string()))
}

/// Decodes a payload, refusing leftovers.
pub fn decode_payload<T: DeserializeOwned>(payload: &[u8]) -> Result<T, CodecError> {
    let (value, used) = bincode::serde::decode_from_slice(payload, config())
        .map_err(|e| CodecError::Payload(e.to_string()))?;
    match payload.len() - used {
        0 => Ok(value),
        left => Err(CodecError::TrailingBytes(left)),
    }
}

/// Wraps a payload in an envelope.
pub fn seal(kind: RecordKind, version: u16, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len() + CHECKSUM_LEN);
    out.extend_from_slice(&MAGIC);
    out.push(FORMAT_BINCODE);
    out.push(kind as u8);
    out.extend_from_slice(&version.to_le_bytes());
    // Payloads are bounded by MAX_PAYLOAD when encoded, far below u32::MAX.
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(payload);
    let checksum = crc32fast::hash(&out);
    out.extend_from_slice(&checksum.to_le_bytes());
    out
}

/// Checks an envelope's frame and checksum and returns its payload.
pub fn open(kind: RecordKind, bytes: &[u8]) -> Result<Opened<'_>, CodecError> {
    if bytes.len() < HEADER_LEN + CHECKSUM_LEN {
        return Err(CodecError::TooShort(bytes.len()));
    }
    let (framed, stored) = bytes.split_at(bytes.len() - CHECKSUM_LEN);
    let header = &framed[..HEADER_LEN];
    if header[..2] != MAGIC {
        return Err(CodecError::BadMagic);
    }
    if header[2] != FORMAT_BINCODE {
        return Err(CodecError::UnknownFormat(header[2]));
    }
    if RecordKind::from_byte(header[3]) != Some(kind) {
        return Err(CodecError::WrongKind {
            expected: kind,
            found: header[3],
        });
    }
    let declared = u32::from_le_bytes([header[6], header[7], header[8], header[9]]) as usize;
    if declared > MAX_PAYLOAD {
        return Err(CodecError::AbsurdLength(declared));
    }
    let payload = &framed[HEADER_LEN..];
    if declared != payload.len() {
        return Err(CodecError::LengthMismatch {
            declared,
            actual: payload.len(),
        });
    }
    let stored = u32::from_le_bytes([stored[0], stored[1], stored[2], stored[3]]);
    let computed = crc32fast::hash(framed);
    if stored != computed {
        return Err(CodecError::BadChecksum { stored, computed });
    }
    Ok(Opened {
        version: u16::from_le_bytes([header[4], header[5]]),
        payload,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn sealed() -> Vec<u8> {
        let payload = encode_payload(&("Ana", 42u32)).unwrap();
        seal(RecordKind::Candidate, 2, &payload)
    }

    #[test]
    fn round_trip() {
        let bytes = sealed();
        let opened = open(RecordKind::Candidate, &bytes).unwrap();
        assert_eq!(opened.version, 2);
        let value: (String, u32) = decode_payload(opened.payload).unwrap();
        assert_eq!(value, ("Ana".to_string(), 42));
    }

    #[test]
    fn every_flipped_byte_is_caught() {
        let bytes = sealed();
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0x40;
            assert!(
                open(RecordKind::Candidate, &damaged).is_err(),
                "flip at {i}"
            );
        }
    }

    #[test]
    fn wrong_kind_truncation_and_absurd_length_are_refused() {
        let bytes = sealed();
        assert!(matches!(
            open(RecordKind::Event, &bytes),
            Err(CodecError::WrongKind { .. })
        ));
        assert!(matches!(
            open(RecordKind::Candidate, &bytes[..5]),
            Err(CodecError::TooShort(5))
        ));
        let mut absurd = bytes.clone();
        absurd[6..10].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(matches!(
            open(RecordKind::Candidate, &absurd),
            Err(CodecError::AbsurdLength(_))
        ));
    }

    #[test]
    fn trailing_bytes_are_refused() {
        let mut payload = encode_payload(&7u32).unwrap();
        payload.push(0);
        assert_eq!(
            decode_payload::<u32>(&payload),
            Err(CodecError::TrailingBytes(1))
        );
    }

    /// Thousands of random and mutated inputs: every one an `Err` or a
    /// value, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic() {
        use crate::domain::{Application, Candidate, Event};
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let valid = sealed();
        for round in 0..20_000 {
            let len = (next() % 200) as usize;
            let mut bytes: Vec<u8> = if round % 2 == 0 {
                (0..len).map(|_| next() as u8).collect()
            } else {
                let mut b = valid.clone();
                let at = (next() as usize) % b.len();
                b[at] = next() as u8;
                b
            };
            if round % 3 == 0 && bytes.len() > 14 {
                // A well-framed envelope around garbage reaches the decoder.
                let payload: Vec<u8> = bytes[..len.min(bytes.len())].to_vec();
                bytes = seal(RecordKind::Candidate, 2, &payload);
            }
            if let Ok(opened) = open(RecordKind::Candidate, &bytes) {
                let _ = decode_payload::<Candidate>(opened.payload);
                let _ = decode_payload::<Application>(opened.payload);
                let _ = decode_payload::<Event>(opened.payload);
            }
        }
    }

    #[test]
    fn garbage_payload_is_an_error_not_a_panic() {
        let garbage = [0xFFu8; 64];
        assert!(decode_payload::<(String, Vec<String>)>(&garbage).is_err());
    }
}
