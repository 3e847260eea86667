//! A session's output, from its app thread to the SSH channel, bounded.
//!
//! The app thread commits whole frames here; a task ([`pump`]) sends them
//! through the channel's write half, which waits for the client's SSH
//! window. A client that stops reading therefore stalls only its own pump.
//! Frames queue behind it up to [`BACKLOG`]; past that the queue is thrown
//! away and marked stale, and once the pump can send again it asks the app
//! thread for one full repaint. (ratatui draws differences from what it
//! believes is on screen; after dropping bytes that belief is wrong, so
//! only a full redraw puts the client's screen right again.)

use super::inbox::{Ending, Inbox};
use russh::ChannelWriteHalf;
use russh::server::Msg;
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::sync::Notify;

/// Output queued behind a slow client before it is dropped: a few full
/// screens at 80×24, a fraction of one at the largest size.
pub const BACKLOG: usize = 256 * 1024;

#[derive(Debug, Default)]
struct State {
    queued: Vec<u8>,
    /// Queued output was dropped: nothing is queued until a repaint.
    stale: bool,
    /// The pump has asked for the repaint and waits for it.
    repaint_asked: bool,
    /// Last words: bytes always sent, then this exit status.
    finish: Option<(Vec<u8>, u32)>,
}

#[derive(Debug, Default)]
pub struct Outbox {
    state: Mutex<State>,
    wake: Notify,
    /// The connection is gone: a pump waiting for window stops waiting.
    gone: Notify,
}

/// What the pump does next.
pub(super) struct Take {
    pub(super) chunk: Vec<u8>,
    pub(super) ask_repaint: bool,
    finish: Option<(Vec<u8>, u32)>,
}

impl Outbox {
    pub fn new() -> Outbox {
        Outbox::default()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Queues a frame, or drops the backlog (and this frame) when the
    /// client has fallen [`BACKLOG`] bytes behind.
    pub fn push(&self, bytes: Vec<u8>) {
        let mut state = self.lock();
        if state.stale || state.finish.is_some() {
            return;
        }
        if state.queued.len() > BACKLOG {
            state.queued = Vec::new();
            state.stale = true;
        } else {
            state.queued.extend_from_slice(&bytes);
        }
        drop(state);
        self.wake.notify_one();
    }

    /// Called by the app thread just before it repaints the whole screen:
    /// what follows is queued again.
    pub fn begin_repaint(&self) {
        let mut state = self.lock();
        state.queued.clear();
        state.stale = false;
        state.repaint_asked = false;
    }

    /// Whether output is being dropped (drawing now is wasted work).
    pub fn is_stale(&self) -> bool {
        self.lock().stale
    }

    /// The session's last bytes and its exit status; nothing after.
    pub fn finish(&self, bytes: Vec<u8>, exit_status: u32) {
        let mut state = self.lock();
        if state.finish.is_none() {
            state.finish = Some((bytes, exit_status));
        }
        drop(state);
        self.wake.notify_one();
    }

    /// The connection has ended: the pump stops, whatever it waits for.
    pub fn abandon(&self) {
        self.gone.notify_one();
    }

    pub(super) fn take(&self) -> Take {
        let mut state = self.lock();
        let ask_repaint = state.stale && !state.repaint_asked && state.finish.is_none();
        if ask_repaint {
            state.repaint_asked = true;
        }
        Take {
            chunk: std::mem::take(&mut state.queued),
            ask_repaint,
            finish: state.finish.take(),
        }
    }
}

/// Sends a session's output until it finishes or the client goes; then
/// the exit status, EOF and close, in that order, on the same channel.
pub async fn pump(outbox: Arc<Outbox>, inbox: Arc<Inbox>, channel: ChannelWriteHalf<Msg>) {
    loop {
        tokio::select! {
            () = outbox.wake.notified() => {}
            () = outbox.gone.notified() => return,
        }
        let take = outbox.take();
        if take.ask_repaint {
            inbox.repaint();
        }
        if !take.chunk.is_empty() && !send(&outbox, &channel, take.chunk).await {
            inbox.end(Ending::ClientGone);
            return;
        }
        if let Some((last, status)) = take.finish {
            if send(&outbox, &channel, last).await {
                // The client may be gone already; there is nobody to tell.
                let _ = channel.exit_status(status).await;
                let _ = channel.eof().await;
                let _ = channel.close().await;
            }
            return;
        }
    }
}

/// Sends `bytes` as the client's window allows; false if the client has
/// gone (or the connection was abandoned while waiting for window).
async fn send(outbox: &Outbox, channel: &ChannelWriteHalf<Msg>, bytes: Vec<u8>) -> bool {
    tokio::select! {
        sent = channel.data_bytes(bytes) => sent.is_ok(),
        () = outbox.gone.notified() => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stalled_client_costs_a_bounded_backlog_then_one_repaint() {
        let outbox = Outbox::new();
        let frame = vec![b'x'; 100 * 1024];
        for _ in 0..10 {
            outbox.push(frame.clone());
        }
        assert!(outbox.is_stale());
        let take = outbox.take();
        assert!(take.chunk.is_empty(), "the backlog was dropped");
        assert!(take.ask_repaint);
        assert!(!outbox.take().ask_repaint, "asked once");
        outbox.push(b"diff".to_vec());
        assert!(
            outbox.take().chunk.is_empty(),
            "diffs after a drop are useless"
        );

        outbox.begin_repaint();
        outbox.push(b"full".to_vec());
        assert_eq!(outbox.take().chunk, b"full");
    }

    #[test]
    fn last_words_are_kept_even_when_stale() {
        let outbox = Outbox::new();
        for _ in 0..4 {
            outbox.push(vec![0; BACKLOG]);
        }
        outbox.finish(b"bye".to_vec(), 0);
        outbox.push(b"late".to_vec());
        let take = outbox.take();
        assert_eq!(take.finish, Some((b"bye".to_vec(), 0)));
        assert!(!take.ask_repaint);
    }
}
