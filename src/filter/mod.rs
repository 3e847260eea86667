//! The filter language: one parser for the app's filter line, saved views
//! and `hireterm list --where`. Pure: no I/O, no clock (the day a term
//! such as `avail<=14d` means is resolved by whoever evaluates it).
//!
//! `role:devops skill:k8s>=4 rate<=80 avail<=14d tz:Europe/*` is the daily
//! question "DevOps people with Kubernetes at level 4 or more, at most $80
//! an hour, available within two weeks, in a European time zone". Terms
//! one after another must all hold; `or` between two terms makes either
//! do; `-` before a term negates it.

mod cursor;
mod error;
mod format;
mod help;
mod known;
mod lex;
mod measure;
mod parse;
mod suggest;
mod term;
mod value;
mod view;
mod written;

pub use cursor::token_at;
pub use error::ParseError;
pub use help::help_lines;
pub use parse::parse;
pub use term::{Cmp, Day, FIELDS, Field, Filter, Group, Term, Test};
pub use view::{ColumnKey, View, default_views, find_view, put_view};
