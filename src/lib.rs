//! hireterm: a terminal application for hiring managers who staff back-end
//! developers.
//!
//! Modules, bottom to top; each imports only those listed before it:
//!
//! - [`domain`]: plain types and rules (stages, match scores, text hygiene).
//! - [`catalog`]: the role types and skills taxonomy, loaded from `assets/`.
//! - [`store`]: the only code that touches sled: versioned records,
//!   transactions, migrations, the lock and damage checks.
//! - [`demo`]: a deterministic generator of realistic demo data.
//! - [`cli`]: the command line and its non-interactive subcommands.

pub mod app;
pub mod catalog;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod store;
pub mod term;
pub mod ui;
