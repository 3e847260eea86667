//! hireterm: a terminal application for hiring managers who staff back-end
//! developers.
//!
//! Modules, bottom to top; each imports only modules listed above it:
//!
//! - [`domain`]: plain types and rules (stages, match scores, text hygiene).
//! - [`metrics`]: the reports (funnel, ratios, margin...) as pure functions.
//! - [`catalog`]: the role types and skills taxonomy, loaded from `assets/`.
//! - [`store`]: the only code that touches sled: versioned records,
//!   transactions, migrations, the lock and damage checks.
//! - [`interchange`]: import from CSV and JSON files, export to them.
//! - [`search`]: the fuzzy index over roles, skills, candidates, engagements.
//! - [`filter`]: the filter language (`role:devops skill:k8s>=4 rate<=80`):
//!   its terms, parser and printing; no I/O.
//! - [`demo`]: a deterministic generator of realistic demo data.
//! - [`app`]: all interactive state and its `update` step; no terminal I/O.
//! - [`ui`]: pure drawing of an `&App` into a ratatui frame, a file per pane.
//! - [`editor`]: handing the terminal to `$EDITOR` and back.
//! - [`term`]: the terminal runner, generic over the ratatui backend.
//! - [`serve`]: the SSH runner: one app session per connected manager.
//! - [`cli`]: the command line and its non-interactive subcommands.

pub mod domain;

pub mod metrics;

pub mod catalog;

pub mod store;

pub mod interchange;

pub mod search;

pub mod filter;

pub mod demo;

pub mod app;

pub mod ui;

pub mod editor;

pub mod term;

pub mod serve;

pub mod cli;
