//! The size limits records share: how long a one-line field and how long
//! a list may be. Candidates, engagements, the field problems, the forms,
//! the importer and the store all check against these, so they live in a
//! leaf that imports nothing.

/// Longest accepted one-line field, in characters.
pub const MAX_FIELD_CHARS: usize = 200;
/// Most items one list of a record may hold: a candidate's skills, tags
/// or links, an engagement's requirements.
pub const MAX_LIST_LEN: usize = 200;
