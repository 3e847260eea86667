//! A pre-authentication flood on loopback: connections from many
//! 127.x.y.z addresses (each client socket bound to its own source
//! address before it connects) that send the SSH banner and then stall,
//! never closing by themselves. Counts how many it opened and how many
//! the server closed. Stops opening on [`Flood::pause`]; everything is
//! closed when it is dropped.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpSocket;
use tokio::sync::Notify;

pub struct Flood {
    counts: Arc<Counts>,
    paused: Arc<AtomicBool>,
    done: Arc<Notify>,
    thread: Option<std::thread::JoinHandle<()>>,
}

#[derive(Default)]
struct Counts {
    opened: AtomicUsize,
    closed: AtomicUsize,
}

/// The `i`-th source address: 127.1.0.1, 127.1.0.2, ... (never 127.0.0.1,
/// which the real client uses).
pub fn source(i: usize) -> Ipv4Addr {
    Ipv4Addr::new(127, 1 + (i / 250 % 250) as u8, 0, 1 + (i % 250) as u8)
}

impl Flood {
    /// `burst` connections at once, then `per_second` more (if not 0) until paused,
    /// cycling over `addresses` source addresses.
    pub fn start(port: u16, burst: usize, per_second: usize, addresses: usize) -> Flood {
        let counts = Arc::new(Counts::default());
        let paused = Arc::new(AtomicBool::new(false));
        let done = Arc::new(Notify::new());
        let (c, p, d) = (Arc::clone(&counts), Arc::clone(&paused), Arc::clone(&done));
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(flood(port, burst, per_second, addresses, c, p, d));
        });
        Flood {
            counts,
            paused,
            done,
            thread: Some(thread),
        }
    }

    /// Connections that reached the server.
    pub fn opened(&self) -> usize {
        self.counts.opened.load(Ordering::SeqCst)
    }

    /// Connections the server closed (the flood never closes one).
    pub fn closed(&self) -> usize {
        self.counts.closed.load(Ordering::SeqCst)
    }

    /// Connections still held open by the server.
    pub fn open(&self) -> usize {
        self.opened() - self.closed()
    }

    /// Stops opening connections; those open stay open.
    pub fn pause(&self) {
        self.paused.store(true, Ordering::SeqCst);
    }
}

impl Drop for Flood {
    fn drop(&mut self) {
        self.paused.store(true, Ordering::SeqCst);
        self.done.notify_one();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

async fn flood(
    port: u16,
    burst: usize,
    per_second: usize,
    addresses: usize,
    counts: Arc<Counts>,
    paused: Arc<AtomicBool>,
    done: Arc<Notify>,
) {
    let server = SocketAddr::from(([127, 0, 0, 1], port));
    let mut next = 0;
    for _ in 0..burst {
        tokio::spawn(stall(server, source(next % addresses), Arc::clone(&counts)));
        next += 1;
    }
    let mut tick = tokio::time::interval(Duration::from_secs(1) / per_second.max(1) as u32);
    let opening = async {
        while per_second > 0 && !paused.load(Ordering::SeqCst) {
            tick.tick().await;
            tokio::spawn(stall(server, source(next % addresses), Arc::clone(&counts)));
            next += 1;
        }
        std::future::pending::<()>().await;
    };
    tokio::select! {
        () = opening => {}
        () = done.notified() => {}
    }
}

/// One stalled client: the banner, then nothing; counts the server's close.
async fn stall(server: SocketAddr, from: Ipv4Addr, counts: Arc<Counts>) {
    let socket = TcpSocket::new_v4().unwrap();
    socket.bind(SocketAddr::from((from, 0))).unwrap();
    let Ok(mut stream) = socket.connect(server).await else {
        return;
    };
    counts.opened.fetch_add(1, Ordering::SeqCst);
    let _ = stream.write_all(b"SSH-2.0-OpenSSH_9.9 stalled\r\n").await;
    let mut buffer = [0; 4096];
    // What the server sends is read (and ignored) until it closes.
    while let Ok(n) = stream.read(&mut buffer).await {
        if n == 0 {
            break;
        }
    }
    counts.closed.fetch_add(1, Ordering::SeqCst);
}
