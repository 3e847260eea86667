//! The listener: limits at the door, a task per connection, and an orderly
//! stop (every session told and closed, then the caller flushes the store).
//!
//! At the door: connections per address per minute ([`RateLimiter`]),
//! then a place among those logging in ([`super::door`]: a newcomer
//! pushes out a stalled one rather than being refused), and a cap on all
//! connections together. Once a second the server writes the door's
//! summary of a flood, if there was one, and ends the sessions of keys
//! taken out of the authorized keys ([`KeyWatch`]); every two seconds a
//! store that a full disk stopped is tried again ([`disk_watch`]).

use super::auth::AuthorizedKeys;
use super::connection::{Arrival, Connection, ServerState};
use super::cut::Cut;
use super::disk_watch;
use super::door::Door;
use super::host_key::{self, Origin};
use super::inbox::Ending;
use super::key_watch::KeyWatch;
use super::limits::RateLimiter;
use super::link::{self, Link, STOP_GRACE};
use super::log::Log;
use super::sessions::Sessions;
use super::tally::Seen;
use super::{AppSetup, ServeConfig};
use crate::app::records::Records;
use russh::keys::HashAlg;
use russh::server::Config;
use russh::{MethodKind, MethodSet, SshId};
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;

/// Connections beyond the sessions and those logging in: people who have
/// logged in and not yet started their session.
const SPARE_CONNECTIONS: usize = 16;
/// How often the flood summary and the authorized keys are looked at.
const TICK: Duration = Duration::from_secs(1);

pub struct Server {
    /// Wakes every session when the shared records change (kept for as
    /// long as the server runs).
    _watch: crate::app::records::WatchGuard,
    shared: Arc<ServerState>,
    config: Arc<Config>,
    limiter: RateLimiter,
    max_connections: usize,
    login_grace: Duration,
    key_watch: KeyWatch,
}

impl Server {
    /// Loads the host key (creating it on first start) and the authorized
    /// keys; errors here stop the server before it listens. The caller
    /// keeps a handle on `records`, to close the store once it has run.
    pub fn new(
        config: &ServeConfig,
        records: Arc<Records>,
        setup: AppSetup,
        log: Log,
    ) -> io::Result<Server> {
        let (host_key, origin) = host_key::load_or_create(&config.host_key)?;
        let verb = match origin {
            Origin::Created => "created",
            Origin::Loaded => "using",
        };
        log.line(format_args!(
            "{verb} host key {} ({})",
            config.host_key.display(),
            host_key.public_key().fingerprint(HashAlg::Sha256)
        ));
        let keys = AuthorizedKeys::load(&config.authorized_keys, log.clone())?;
        if keys.is_empty() {
            log.line("no usable authorized keys yet: nobody can log in until some are added");
        }
        let sessions = Sessions::new(config.max_sessions);
        let notify = Arc::clone(&sessions);
        // The writing session is not woken by its own write.
        let watch = records.watch(move |writer| notify.notify_changed(Some(writer)));
        let shared = ServerState {
            keys: Mutex::new(keys),
            door: Door::new(config.startups, log.clone()),
            log,
            sessions,
            records,
            setup: Arc::new(setup),
            idle_timeout: config.idle_timeout,
        };
        Ok(Server {
            _watch: watch,
            shared: Arc::new(shared),
            config: Arc::new(russh_config(host_key)),
            limiter: RateLimiter::new(config.connections_per_minute),
            max_connections: config.max_sessions + config.startups.full + SPARE_CONNECTIONS,
            login_grace: config.login_grace,
            key_watch: KeyWatch::new(),
        })
    }

    /// The live sessions: their count, and where changes are announced.
    pub fn sessions(&self) -> Arc<Sessions> {
        Arc::clone(&self.shared.sessions)
    }

    /// Serves `listener` until `stop` completes, then ends every session
    /// politely and waits (a little) for them to close.
    pub async fn run(
        mut self,
        listener: TcpListener,
        stop: impl Future<Output = ()>,
    ) -> io::Result<()> {
        let address = listener.local_addr()?;
        self.shared.log.line(format_args!("listening on {address}"));
        let (stopping_tx, stopping) = watch::channel(false);
        let mut tasks = JoinSet::new();
        let records = Arc::clone(&self.shared.records);
        let disk = disk_watch::run(records, self.shared.log.clone(), stopping.clone());
        let disk = tokio::spawn(disk);
        let mut tick = tokio::time::interval(TICK);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        tokio::pin!(stop);
        loop {
            tokio::select! {
                () = &mut stop => break,
                _ = tick.tick() => self.tick(),
                accepted = listener.accept() => match accepted {
                    Ok((socket, peer)) => self.admit(socket, peer, &mut tasks, &stopping),
                    Err(error) => {
                        // Out of file descriptors, say: wait rather than spin.
                        self.shared.log.line(format_args!("accept failed: {error}"));
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                },
                Some(_) = tasks.join_next(), if !tasks.is_empty() => {}
            }
        }
        drop(listener);
        self.stop(tasks, &stopping_tx).await;
        // It ends on the stop, once a reopen under way (if any) is done.
        let _ = disk.await;
        Ok(())
    }

    fn admit(
        &mut self,
        socket: TcpStream,
        peer: SocketAddr,
        tasks: &mut JoinSet<()>,
        stopping: &watch::Receiver<bool>,
    ) {
        let door = &self.shared.door;
        if !self.limiter.allow(peer.ip(), Instant::now()) {
            let why = "too many connections from it this minute";
            door.line(
                Seen::Refused,
                peer.ip(),
                format_args!("refused {peer}: {why}"),
            );
            return;
        }
        if tasks.len() >= self.max_connections {
            let open = tasks.len();
            let why = format_args!("refused {peer}: {open} connections open");
            door.line(Seen::Refused, peer.ip(), why);
            return;
        }
        door.line(
            Seen::Connected,
            peer.ip(),
            format_args!("connection from {peer}"),
        );
        let cut = Cut::new();
        let stream = cut.wrap(socket);
        let ticket = door.admit(peer, &cut);
        let in_session = Arc::new(AtomicBool::new(false));
        let arrival = Arrival {
            peer,
            ticket,
            cut: Arc::clone(&cut),
        };
        let handler = Connection::new(Arc::clone(&self.shared), arrival, Arc::clone(&in_session));
        let link = Link {
            config: Arc::clone(&self.config),
            stream,
            cut,
            handler,
            in_session,
            login_grace: self.login_grace,
        };
        tasks.spawn(link::run(link, stopping.clone()));
    }

    /// Once a second: the door's summary of a flood, and the sessions of
    /// keys no longer authorized ended.
    fn tick(&mut self) {
        let shared = &self.shared;
        shared.door.tick(Instant::now());
        self.key_watch
            .check(&shared.keys, &shared.sessions, &shared.log);
    }

    async fn stop(&self, mut tasks: JoinSet<()>, stopping: &watch::Sender<bool>) {
        let sessions = &self.shared.sessions;
        self.shared.log.line(format_args!(
            "stopping: ending {} session(s) and {} connection(s)",
            sessions.count(),
            tasks.len()
        ));
        sessions.end_all(&Ending::Shutdown);
        let _ = stopping.send(true);
        let all_closed = async { while tasks.join_next().await.is_some() {} };
        if tokio::time::timeout(STOP_GRACE + Duration::from_secs(2), all_closed)
            .await
            .is_err()
        {
            tasks.abort_all();
        }
        // Session threads let go of the store as they end.
        let deadline = Instant::now() + STOP_GRACE;
        while sessions.count() > 0 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        self.shared.log.line(format_args!(
            "stopped ({} session(s) still running)",
            sessions.count()
        ));
    }
}

/// russh's settings: public keys only, quick refusals of the "none" probe
/// every client starts with, keepalives to find dead peers. There is no
/// inactivity cut-off at this level: sessions have their own idle timeout,
/// which tells the user why.
fn russh_config(host_key: russh::keys::PrivateKey) -> Config {
    Config {
        server_id: SshId::Standard(
            format!("SSH-2.0-hireterm_{}", env!("CARGO_PKG_VERSION")).into(),
        ),
        methods: MethodSet::from(&[MethodKind::PublicKey][..]),
        auth_rejection_time: Duration::from_millis(300),
        auth_rejection_time_initial: Some(Duration::ZERO),
        keys: vec![host_key],
        max_auth_attempts: 6,
        inactivity_timeout: None,
        keepalive_interval: Some(Duration::from_secs(30)),
        keepalive_max: 3,
        nodelay: true,
        ..Config::default()
    }
}
