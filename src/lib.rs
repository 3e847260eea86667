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

/// Every allocation hireterm makes goes to jemalloc, in the binary and in
/// the tests and benches that call this library alike, so that what they
/// measure is what runs. glibc's malloc spent a quarter of a bulk write in
/// `_int_malloc`, `_int_free` and `malloc_consolidate` (sled allocates and
/// frees a block per node it copies); with jemalloc, at 100,000
/// candidates, `demo` went from 3.8 to 2.0 s, an import of a CSV from 8.0
/// to 5.4 s and `check` at 1,000,000 from 7.3 to 5.0 s, with the app's
/// memory the same or lower (see the commit that brought it).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

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
