//! One connection's task, from handshake to close: cut off when it has no
//! session within the login grace, or, once the server stops, when it has
//! not closed by itself after [`STOP_GRACE`]. Either way its socket is
//! closed for real ([`Cut`]), not only forgotten.

use super::connection::Connection;
use super::cut::{Closing, Cut, CutStream};
use russh::Disconnect;
use russh::server::{Config, run_stream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::sync::watch;
use tokio::time::Instant;

/// How long sessions get to say goodbye when the server stops.
pub const STOP_GRACE: Duration = Duration::from_secs(3);

/// What a connection's task needs.
pub struct Link {
    pub config: Arc<Config>,
    pub stream: CutStream,
    pub cut: Arc<Cut>,
    pub handler: Connection,
    /// Set by the handler once the session runs.
    pub in_session: Arc<AtomicBool>,
    pub login_grace: Duration,
}

/// Runs the connection until it ends, and closes its socket.
pub async fn run(link: Link, mut stopping: watch::Receiver<bool>) {
    let Link {
        config,
        stream,
        cut,
        handler,
        in_session,
        login_grace,
    } = link;
    let deadline = Instant::now() + login_grace;
    let running = tokio::select! {
        started = run_stream(config, stream, handler) => match started {
            Ok(running) => running,
            Err(_) => return,
        },
        () = until_stopping(&mut stopping) => return cut.close(Closing::Shutdown),
        () = tokio::time::sleep_until(deadline) => return cut.close(Closing::LoginGrace),
    };
    let handle = running.handle();
    tokio::pin!(running);
    let closing = tokio::select! {
        _ = &mut running => return,
        () = login_deadline(&in_session, deadline) => Closing::LoginGrace,
        () = until_stopping(&mut stopping) => {
            // Its session is saying goodbye; the client closes after it.
            if tokio::time::timeout(STOP_GRACE, &mut running).await.is_ok() {
                return;
            }
            // Still there: a word at the SSH level, for a client that
            // can read it, then the socket closes.
            let bye = async {
                let why = Closing::Shutdown.reason().into();
                let _ = handle.disconnect(Disconnect::ByApplication, why, String::new()).await;
                let _ = (&mut running).await;
            };
            let _ = tokio::time::timeout(Duration::from_secs(1), bye).await;
            Closing::Shutdown
        }
    };
    cut.close(closing);
}

async fn until_stopping(stopping: &mut watch::Receiver<bool>) {
    // An error means the server is gone: stopping too.
    let _ = stopping.wait_for(|stop| *stop).await;
}

/// Completes at `deadline` unless a session has started by then (a
/// connection that logs in but never opens a session is cut off like one
/// that never logs in).
async fn login_deadline(in_session: &AtomicBool, deadline: Instant) {
    tokio::time::sleep_until(deadline).await;
    if in_session.load(Ordering::Relaxed) {
        std::future::pending::<()>().await;
    }
}
