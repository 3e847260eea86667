//! The prompts that sit over a pane, each a self-contained type: its own
//! state, and a `handle` that takes an [`Action`](super::Action) and says
//! what became of it ([`Outcome`]). None of them knows `App`: `App`
//! applies the outcome (`app/overlay.rs`), and the writes a submitted
//! prompt asks for live in `app/commands/`.

pub mod answer;
pub mod assign;
pub mod commands;
pub mod complete;
pub mod confirm;
pub mod consent;
pub mod delete;
pub mod duplicate;
pub mod erase;
pub mod exit;
pub mod filter;
pub mod help;
pub mod help_rows;
pub mod note;
pub mod outcome;
pub mod palette;
pub mod picker;
pub mod scorecard;
pub mod submit;
pub mod tag;
pub mod view_name;

pub use outcome::Outcome;
