//! A connection's socket with a switch that closes it from outside.
//!
//! russh runs each connection in a task of its own, which owns the socket
//! and cannot be aborted from here: ending our side of a connection (the
//! login grace, a connection pushed out during a flood) freed our task
//! but left russh's reading a socket that a stalled client never writes
//! to, so the descriptor stayed open for good. [`CutStream`] is the
//! socket russh is given; [`Cut::close`] drops the real socket at once
//! (the descriptor is closed there and then) and wakes russh's task,
//! whose next read or write fails, so that it ends and drops the
//! connection's handler too.

use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll, Waker};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

/// Why a connection was closed from our side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    /// A newer connection needed its place (the words say which rule).
    PushedOut(&'static str),
    /// It had not logged in (or started its session) within the grace.
    LoginGrace,
    /// The server is stopping.
    Shutdown,
}

impl Closing {
    pub fn reason(self) -> &'static str {
        match self {
            Closing::PushedOut(why) => why,
            Closing::LoginGrace => "no session started within the login grace",
            Closing::Shutdown => "the server is shutting down",
        }
    }
}

/// The switch: shared by the stream and whoever may close it.
#[derive(Debug, Default)]
pub struct Cut {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    socket: Option<TcpStream>,
    /// Why it was closed, once it was.
    closing: Option<Closing>,
    /// Tasks waiting on the socket, woken when it is closed (the socket's
    /// own registrations go with it).
    reader: Option<Waker>,
    writer: Option<Waker>,
}

impl Cut {
    /// A switch with no socket yet (see [`Cut::wrap`]).
    pub fn new() -> Arc<Cut> {
        Arc::new(Cut::default())
    }

    /// The stream to hand to russh in place of `socket`.
    pub fn wrap(self: &Arc<Self>, socket: TcpStream) -> CutStream {
        self.lock().socket = Some(socket);
        CutStream {
            cut: Arc::clone(self),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Closes the socket now (the first reason given is kept) and wakes
    /// whatever waits on it.
    pub fn close(&self, closing: Closing) {
        let (socket, wakers) = {
            let mut state = self.lock();
            state.closing.get_or_insert(closing);
            (
                state.socket.take(),
                [state.reader.take(), state.writer.take()],
            )
        };
        drop(socket);
        wakers.into_iter().flatten().for_each(Waker::wake);
    }

    /// Why it was closed from our side, if it was.
    pub fn closing(&self) -> Option<Closing> {
        self.lock().closing
    }

    /// Whether the socket is still open on our side.
    pub fn is_open(&self) -> bool {
        self.lock().socket.is_some()
    }
}

/// The socket as russh sees it: the real one until the switch is thrown,
/// then an error on every call.
#[derive(Debug)]
pub struct CutStream {
    cut: Arc<Cut>,
}

/// The stream's owner is done with it (russh's task has ended, or the
/// handshake was abandoned): the socket closes with it.
impl Drop for CutStream {
    fn drop(&mut self) {
        let socket = self.cut.lock().socket.take();
        drop(socket);
    }
}

fn closed() -> io::Error {
    io::Error::new(io::ErrorKind::ConnectionAborted, "closed by the server")
}

/// Polls the socket if it is still there; on `Pending`, keeps the waker
/// in `slot` for [`Cut::close`].
fn poll_socket<T>(
    cut: &Cut,
    cx: &mut Context<'_>,
    slot: fn(&mut State) -> &mut Option<Waker>,
    poll: impl FnOnce(Pin<&mut TcpStream>, &mut Context<'_>) -> Poll<io::Result<T>>,
) -> Poll<io::Result<T>> {
    let mut state = cut.lock();
    let Some(socket) = state.socket.as_mut() else {
        return Poll::Ready(Err(closed()));
    };
    let polled = poll(Pin::new(socket), cx);
    if polled.is_pending() {
        let waker = slot(&mut state);
        if !waker.as_ref().is_some_and(|w| w.will_wake(cx.waker())) {
            *waker = Some(cx.waker().clone());
        }
    }
    polled
}

impl AsyncRead for CutStream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        poll_socket(
            &self.cut,
            cx,
            |s| &mut s.reader,
            |socket, cx| socket.poll_read(cx, buf),
        )
    }
}

impl AsyncWrite for CutStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        poll_socket(
            &self.cut,
            cx,
            |s| &mut s.writer,
            |socket, cx| socket.poll_write(cx, data),
        )
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        poll_socket(
            &self.cut,
            cx,
            |s| &mut s.writer,
            |socket, cx| socket.poll_flush(cx),
        )
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        poll_socket(
            &self.cut,
            cx,
            |s| &mut s.writer,
            |socket, cx| socket.poll_shutdown(cx),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    #[tokio::test]
    async fn closing_wakes_a_waiting_reader_and_the_peer_sees_the_end() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let mut peer = TcpStream::connect(listener.local_addr().unwrap())
            .await
            .unwrap();
        let (socket, _) = listener.accept().await.unwrap();
        let cut = Cut::new();
        let mut stream = cut.wrap(socket);
        peer.write_all(b"SSH-2.0-x\r\n").await.unwrap();
        let mut got = [0; 11];
        stream.read_exact(&mut got).await.unwrap();

        // A reader waits on a peer that has stalled; the switch ends it.
        let reader = tokio::spawn(async move { stream.read(&mut [0; 8]).await });
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        cut.close(Closing::LoginGrace);
        cut.close(Closing::Shutdown);
        let read = reader.await.unwrap();
        assert_eq!(read.unwrap_err().kind(), io::ErrorKind::ConnectionAborted);
        assert_eq!(cut.closing(), Some(Closing::LoginGrace));
        assert!(!cut.is_open());
        assert_eq!(peer.read(&mut [0; 8]).await.unwrap(), 0, "closed for real");
    }
}
