//! What the app does around each write: opening the prompt that asks for
//! it, making it through [`Records`](super::records::Records) (the one
//! owner of writes), taking in the snapshot it published, and saying how
//! it went. A file per kind of change.

mod assign;
mod backup;
mod candidate;
mod client;
mod consent;
mod copy;
mod delete;
mod engagement;
mod erase;
mod filter;
mod import;
mod marks;
mod note;
mod pipeline_add;
mod place;
mod reports;
mod scorecard;
mod search;
mod stage;
mod submit;
mod tag;
mod views;
