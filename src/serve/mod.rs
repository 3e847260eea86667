//! `hireterm serve`: the app over SSH, one session per manager, one store.
//!
//! Where things are:
//! - [`server`]: the listener, limits at the door, shutdown;
//! - [`door`]: connections not yet logged in: their places
//!   ([`startups`], sshd's MaxStartups made flood-proof), their sockets
//!   closed for real ([`cut`]), their log lines summarised ([`tally`]);
//! - [`link`]: one connection's task, the login grace, the socket closed;
//! - [`connection`]: one SSH connection (russh's `Handler` is in
//!   `handler.rs`): who it is ([`auth`]), its terminal, its session;
//! - [`key_watch`]: a key taken out of the authorized keys ends its
//!   sessions; [`disk_watch`]: a store a full disk stopped is reopened
//!   once there is room, and the log says so;
//! - [`session`]: one session's app, a task whose steps run on a pool
//!   sized by the cores, fed by an [`inbox`] and drawn into a [`screen`]
//!   whose bytes leave through an [`outbox`];
//! - [`sessions`]: the live sessions, their cap, and the one place that
//!   announces a change to all of them (live updates);
//! - [`keys`]: raw terminal bytes into the app's input;
//! - [`host_key`], [`limits`], [`log`], and [`malloc`]: the allocator
//!   told to give freed memory back.

pub mod auth;
pub mod connection;
pub mod cut;
pub mod disk_watch;
pub mod door;
mod handler;
pub mod host_key;
pub mod inbox;
pub mod key_watch;
pub mod keys;
pub mod limits;
pub mod link;
pub mod log;
pub mod malloc;
pub mod outbox;
pub mod screen;
pub mod server;
pub mod session;
pub mod sessions;
pub mod startups;
pub mod tally;

pub use server::Server;

use crate::app::{AppOptions, Keymap, Status, ViewSaver};
use crate::domain::access::Role;
use crate::domain::{Clock, Policy};
use crate::filter::View;
use crate::ui::Theme;
use startups::StartupLimits;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub authorized_keys: PathBuf,
    pub host_key: PathBuf,
    pub max_sessions: usize,
    /// No input for this long ends a session; `None`: never.
    pub idle_timeout: Option<Duration>,
    /// New connections allowed from one address in any minute.
    pub connections_per_minute: u32,
    /// How long a connection may take to log in and start its session
    /// (sshd's LoginGraceTime); then its socket is closed.
    pub login_grace: Duration,
    /// Connections logging in at once, in all and from one address.
    pub startups: StartupLimits,
}

/// What every session's app starts with (the same for all: the server's
/// keymap and rules), except who acts.
#[derive(Clone)]
pub struct AppSetup {
    pub keymap: Keymap,
    pub policy: Policy,
    pub notice: Option<Status>,
    pub clock: Arc<dyn Clock>,
    /// A client that sends `NO_COLOR` (ssh's `SendEnv`) gets monochrome.
    pub theme: Theme,
    /// The team's saved views: a session starts with the list as it is
    /// when it opens, views saved by earlier sessions included.
    pub views: Arc<Mutex<Vec<View>>>,
    /// How a session's saved view is written (the server's config file).
    pub save_view: Option<ViewSaver>,
}

impl AppSetup {
    /// The options of session `session` (its slot), acting as `actor`
    /// with `role`.
    pub fn options(&self, actor: &str, role: &Role, session: u64) -> AppOptions {
        AppOptions {
            session,
            role: role.clone(),
            actor: actor.to_string(),
            clock: Arc::clone(&self.clock),
            keymap: self.keymap.clone(),
            policy: self.policy.clone(),
            notice: self.notice.clone(),
            views: self
                .views
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clone(),
            save_view: self.save_view.clone(),
        }
    }
}
