//! A stalled client, end to end: its link holds back what the server
//! sends while its keys keep coming. Nobody else waits for it, its queued
//! output stays bounded, and once the link moves it gets one full redraw.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ssh;

use ssh::*;
use std::io::{ErrorKind, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A TCP relay to the server whose server-to-client direction can be
/// held: while held, what the server sends is kept in the relay and the
/// client gets none of it, as over a link that has stalled. (Kept, not left
/// unread: then TCP would push back first, and the server would stop
/// reading this client's keys; here the keys keep coming and only the
/// client's SSH window runs out, the harder case for the server.)
struct StallingRelay {
    port: u16,
    held: Arc<AtomicBool>,
    kept: Arc<AtomicUsize>,
}

impl StallingRelay {
    fn to(server_port: u16) -> StallingRelay {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let relay = StallingRelay {
            port,
            held: Arc::default(),
            kept: Arc::default(),
        };
        let (held, kept) = (Arc::clone(&relay.held), Arc::clone(&relay.kept));
        std::thread::spawn(move || {
            let Ok((client, _)) = listener.accept() else {
                return;
            };
            let server = TcpStream::connect(("127.0.0.1", server_port)).unwrap();
            let mut up_from = client.try_clone().unwrap();
            let mut up_to = server.try_clone().unwrap();
            std::thread::spawn(move || std::io::copy(&mut up_from, &mut up_to));
            relay_down(server, client, &held, &kept);
        });
        relay
    }

    fn hold(&self, held: bool) {
        self.held.store(held, Ordering::SeqCst);
    }

    /// Bytes held back from the client so far.
    fn kept(&self) -> usize {
        self.kept.load(Ordering::SeqCst)
    }
}

fn relay_down(mut from: TcpStream, mut to: TcpStream, held: &AtomicBool, kept: &AtomicUsize) {
    from.set_read_timeout(Some(Duration::from_millis(20)))
        .unwrap();
    let mut waiting = Vec::new();
    let mut buffer = [0; 16 * 1024];
    loop {
        match from.read(&mut buffer) {
            Ok(0) => return,
            Ok(n) => waiting.extend_from_slice(&buffer[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => return,
        }
        kept.store(waiting.len(), Ordering::SeqCst);
        if !held.load(Ordering::SeqCst) && !waiting.is_empty() {
            if to.write_all(&waiting).is_err() {
                return;
            }
            waiting.clear();
        }
    }
}

/// Switches ana's pane, 2 to 3 and back (~20 KB a frame at 500×200),
/// `times` times.
fn switch_panes(tmux: &Tmux, times: usize) {
    for pane in ["2", "3"].iter().cycle().take(times) {
        tmux.type_text("ana", pane);
        std::thread::sleep(Duration::from_millis(40));
    }
}

/// Switches ana's pane until her SSH window is spent: more than half a
/// window (1-2 MB with OpenSSH) kept by the relay, and no more coming.
fn switch_until_the_window_is_spent(tmux: &Tmux, relay: &StallingRelay) {
    let deadline = Instant::now() + WAIT;
    let (mut kept, mut since) = (0, Instant::now());
    while kept < 512 * 1024 || since.elapsed() < Duration::from_millis(400) {
        assert!(Instant::now() < deadline, "only {kept} bytes kept");
        switch_panes(tmux, 2);
        if relay.kept() != kept {
            (kept, since) = (relay.kept(), Instant::now());
        }
    }
}

#[test]
fn a_stalled_client_slows_nobody_and_gets_one_full_redraw() {
    if !have_tools() {
        return;
    }
    let server = Server::start(&[]);
    let relay = StallingRelay::to(server.port);
    let tmux = Tmux::new(server.dir.path());
    // ana's ssh goes through the relay, on the largest screen there is.
    let direct = format!("'-p' '{}'", server.port);
    let ana_script = server.ssh_script("ana");
    assert!(ana_script.contains(&direct));
    let ana_script = ana_script.replace(&direct, &format!("'-p' '{}'", relay.port));
    tmux.open("ana", (500, 200), &ana_script);
    tmux.open("bob", (100, 30), &server.ssh_script("bob"));
    for name in ["ana", "bob"] {
        tmux.wait_for(name, "the first screen", |s| s.contains(&home_of(name)));
    }

    // ana's link stalls while her keys keep coming: first her SSH window
    // runs out (the server sends no more than it allows), then frames
    // queue on the server, past its 256 KiB backlog.
    relay.hold(true);
    switch_until_the_window_is_spent(&tmux, &relay);
    // bob is served all along, promptly.
    let asked = Instant::now();
    tmux.type_text("bob", "2");
    tmux.wait_for("bob", "his pipeline", |s| s.contains("Sourced ("));
    assert!(asked.elapsed() < Duration::from_secs(3), "bob waited");
    // Frames a busy server draws may merge keys: plenty more, to be sure
    // that what queues is well past the backlog.
    switch_panes(&tmux, 60);
    tmux.type_text("ana", "1");

    // Once the link moves again, the backlog that did not fit was dropped
    // and one full redraw follows: ana's screen is whole, the candidates
    // pane and nothing left over from the frames she missed.
    relay.hold(false);
    server.wait_log("ana's output dropped", |log| {
        log.contains("output for \"ana\" fell behind")
    });
    let screen = tmux.wait_for("ana", "the candidates pane again", |s| {
        s.contains(CANDIDATES_PANE) && !s.contains("Sourced (") && !s.contains("Score")
    });
    assert!(screen.contains(" 1 Candidates "), "{screen}");
}
