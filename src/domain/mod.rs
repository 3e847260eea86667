//! The domain: plain types and the rules between them. No I/O lives here,
//! and nothing here imports another module of the crate.

pub mod access;
pub mod attention;
pub mod bench;
pub mod candidate;
pub mod candidate_v3;
pub mod catalog_ids;
pub mod client;
pub mod codes;
pub mod collate;
pub mod consent;
pub mod duplicate;
pub mod engagement;
pub mod erasure;
pub mod event;
mod event_images;
pub mod goals;
pub mod history;
pub mod ids;
pub mod limits;
pub mod merge_fields;
pub mod money;
pub mod note;
pub mod pipeline;
pub mod placement;
pub mod policy;
pub mod problem;
pub mod promise;
pub mod provenance;
pub mod rate;
pub mod retention;
pub mod role;
pub mod scope;
pub mod scorecard;
pub mod scoring;
pub mod skill;
pub mod stage;
pub mod submittal;
pub mod text;
pub mod time;

#[cfg(test)]
pub(crate) mod testing;

pub use attention::{Aging, AgingPolicy};
pub use candidate::{Candidate, Consent, CustomField, ExternalId, Location, Source};
pub use client::{Client, Contact};
pub use duplicate::{Duplicate, DuplicateIndex, DuplicateReason};
pub use engagement::{Engagement, EngagementStatus, HiringModel, Priority, Requirement};
pub use event::{Event, EventKind, Stamp};
pub use goals::{Goal, GoalOverride, Goals, Pace};
pub use ids::{CandidateId, ClientId, EngagementId, EventId, NoteId, PlacementId, SubmittalId};
pub use money::{Fx, HourlyRate, Margin, MissingRate, MoneyPolicy};
pub use note::Note;
pub use pipeline::{Application, IllegalMove, StageChange};
pub use placement::{ChangeKind, Placement, PlacementChange, PlacementRefused, Terms};
pub use policy::{Policy, TerminalPolicy};
pub use promise::{Promise, PromisePolicy, time_to_first_submittal};
pub use rate::RateRange;
pub use role::{Role, RoleId, RoleSkill};
pub use scorecard::{Recommendation, Scorecard};
pub use scoring::{MatchScore, match_score, role_fit};
pub use skill::{Category, Level, Skill, SkillId, SkillLevel};
pub use stage::Stage;
pub use submittal::{Answer, AnswerKind, Submittal, earlier_submittal};
pub use time::{Clock, FixedClock, SystemClock, Timestamp};
