//! Ending the local app when its terminal goes away (SIGHUP: the window
//! killed, the SSH connection dropped) or when it is told to stop
//! (SIGTERM, or SIGINT sent with `kill`; in raw mode ctrl-c is a key).
//! Left to their default action these signals end the process on the
//! spot: the store is not closed cleanly and `--demo`'s temporary folder
//! stays behind. Instead the app's input channel is closed, so the run
//! loop ends as it does on `q`, and everything after it runs: the
//! terminal is restored (where there still is one), the store is closed
//! and the demo folder removed.

use crate::app::Input;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::signal::unix::{Signal, SignalKind, signal};

/// The one sender of the app's input: the terminal reader sends through
/// it, and taking it out closes the channel (the run loop's `recv` then
/// ends once what was sent is read).
#[derive(Clone)]
pub struct InputSlot(Arc<Mutex<Option<Sender<Input>>>>);

impl InputSlot {
    pub fn new(sender: Sender<Input>) -> InputSlot {
        InputSlot(Arc::new(Mutex::new(Some(sender))))
    }

    /// Sends `input`; false once the channel is closed (or its reader gone).
    pub fn send(&self, input: Input) -> bool {
        let slot = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        slot.as_ref().is_some_and(|tx| tx.send(input).is_ok())
    }

    /// Closes the channel: no more input, the run loop ends.
    pub fn close(&self) {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).take();
    }
}

/// From now on, SIGHUP, SIGTERM and SIGINT close `slot` instead of killing
/// the process. The handlers are in place when this returns; a thread of
/// its own waits for them.
pub fn close_on_signals(slot: InputSlot) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()?;
    let signals = {
        let _inside = runtime.enter();
        [
            signal(SignalKind::hangup())?,
            signal(SignalKind::terminate())?,
            signal(SignalKind::interrupt())?,
        ]
    };
    std::thread::Builder::new()
        .name("terminal-signals".into())
        .spawn(move || {
            runtime.block_on(first_of(signals));
            slot.close();
        })?;
    Ok(())
}

async fn first_of([mut hangup, mut terminate, mut interrupt]: [Signal; 3]) {
    tokio::select! {
        _ = hangup.recv() => {}
        _ = terminate.recv() => {}
        _ = interrupt.recv() => {}
    }
}
