//! The listener: limits at the door, a task per connection, and an orderly
//! stop (every session told and closed, then the caller flushes the store).

use super::auth::AuthorizedKeys;
use super::connection::{Connection, ServerState};
use super::host_key::{self, Origin};
use super::inbox::Ending;
use super::limits::RateLimiter;
use super::log::Log;
use super::sessions::Sessions;
use super::{AppSetup, ServeConfig};
use crate::app::records::Records;
use crate::store::Store;
use russh::keys::HashAlg;
use russh::server::{Config, run_stream};
use russh::{Disconnect, MethodKind, MethodSet, SshId};
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;

/// How long a connection may take to log in and start its session
/// (sshd's LoginGraceTime): short, since connections still logging in
/// hold the few spare slots above the session cap.
const LOGIN_GRACE: Duration = Duration::from_secs(20);
/// How long sessions get to say goodbye when the server stops.
const STOP_GRACE: Duration = Duration::from_secs(3);
/// Connections beyond the session cap, for people still logging in.
const SPARE_CONNECTIONS: usize = 16;

pub struct Server {
    /// Wakes every session when the shared records change (kept for as
    /// long as the server runs).
    _watch: crate::app::records::WatchGuard,
    shared: Arc<ServerState>,
    config: Arc<Config>,
    limiter: RateLimiter,
    max_connections: usize,
}

impl Server {
    /// Loads the host key (creating it on first start) and the authorized
    /// keys; errors here stop the server before it listens.
    pub fn new(
        config: &ServeConfig,
        store: Arc<Store>,
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
        let records =
            Records::load(store, crate::catalog::Catalog::builtin()).map_err(io::Error::other)?;
        let sessions = Sessions::new(config.max_sessions);
        let notify = Arc::clone(&sessions);
        // The writing session is not woken by its own write.
        let watch = records.watch(move |writer| notify.notify_changed(Some(writer)));
        let shared = ServerState {
            keys: Mutex::new(keys),
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
            max_connections: config.max_sessions + SPARE_CONNECTIONS,
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
        tokio::pin!(stop);
        loop {
            tokio::select! {
                () = &mut stop => break,
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
        Ok(())
    }

    fn admit(
        &mut self,
        socket: TcpStream,
        peer: SocketAddr,
        tasks: &mut JoinSet<()>,
        stopping: &watch::Receiver<bool>,
    ) {
        let log = &self.shared.log;
        if !self.limiter.allow(peer.ip(), Instant::now()) {
            log.line(format_args!(
                "refused {peer}: too many connections from it this minute"
            ));
            return;
        }
        if tasks.len() >= self.max_connections {
            log.line(format_args!(
                "refused {peer}: {} connections open",
                tasks.len()
            ));
            return;
        }
        log.line(format_args!("connection from {peer}"));
        let in_session = Arc::new(AtomicBool::new(false));
        let handler = Connection::new(Arc::clone(&self.shared), peer, Arc::clone(&in_session));
        let config = Arc::clone(&self.config);
        tasks.spawn(connection(
            config,
            socket,
            handler,
            in_session,
            stopping.clone(),
        ));
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

/// One connection, from handshake to close: cut off when it has no
/// session within [`LOGIN_GRACE`], or, once the server stops, when it has
/// not closed by itself after [`STOP_GRACE`].
async fn connection(
    config: Arc<Config>,
    socket: TcpStream,
    handler: Connection,
    in_session: Arc<AtomicBool>,
    mut stopping: watch::Receiver<bool>,
) {
    let running = tokio::select! {
        started = run_stream(config, socket, handler) => match started {
            Ok(running) => running,
            Err(_) => return,
        },
        () = until_stopping(&mut stopping) => return,
        () = tokio::time::sleep(LOGIN_GRACE) => return,
    };
    let handle = running.handle();
    tokio::pin!(running);
    let reason = tokio::select! {
        _ = &mut running => return,
        () = login_deadline(&in_session) => "no session started in time",
        () = until_stopping(&mut stopping) => {
            // Its session is saying goodbye; the client closes after it.
            if tokio::time::timeout(STOP_GRACE, &mut running).await.is_ok() {
                return;
            }
            "the server is shutting down"
        }
    };
    let _ = handle
        .disconnect(Disconnect::ByApplication, reason.into(), String::new())
        .await;
    let _ = tokio::time::timeout(Duration::from_secs(1), running).await;
}

async fn until_stopping(stopping: &mut watch::Receiver<bool>) {
    // An error means the server is gone: stopping too.
    let _ = stopping.wait_for(|stop| *stop).await;
}

async fn login_deadline(in_session: &AtomicBool) {
    tokio::time::sleep(LOGIN_GRACE).await;
    if in_session.load(Ordering::Relaxed) {
        std::future::pending::<()>().await;
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
