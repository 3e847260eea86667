//! Other systems' exports imported as they come. One module per layout
//! hireterm knows, each reading a file in `tests/fixtures/layouts/`
//! written from that system's documented columns (the module names the
//! page) with accented and CJK names, several emails in one cell, a
//! location that cannot be split and custom columns: every value is
//! checked where it lands, and the custom fields go through export and
//! import again byte for byte (`expect`). Then: the same export imported
//! twice updates instead of adding (`twice`), and `--dry-run --explain`
//! on a layout no one knows, fed back as `--map` (`explain`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../common/mod.rs"]
mod common;
mod expect;

mod ashby;
mod bullhorn;
mod erase;
mod explain;
mod gem;
mod greenhouse;
mod greenhouse_api;
mod lever;
mod linkedin;
mod manatal;
mod recruitee;
mod rules;
mod spreadsheet;
mod twice;
mod workable;
