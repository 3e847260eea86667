//! One SSH connection's state: who it is (public keys only), its one
//! session channel, its terminal size, and the session's app once started.
//! `handler.rs` plugs it into russh.
//!
//! An identity is bound in exactly one place, [`Connection::key_verified`],
//! which russh reaches only after checking the key's signature. The
//! offer of a key (`auth_publickey_offered`) proves nothing, so it only
//! says whether that key may try.

use super::AppSetup;
use super::auth::{AuthorizedKeys, Identity, fingerprint};
use super::cut::{Closing, Cut};
use super::door::{Door, Ticket};
use super::inbox::{Ending, Inbox};
use super::limits::clamp_size;
use super::log::{Log, quoted};
use super::outbox::{self, Outbox};
use super::session::{self, SessionStart};
use super::sessions::Sessions;
use super::tally::Seen;
use crate::app::records::Records;
use crate::domain::access::Role;
use crate::ui::Theme;
use russh::keys::PublicKey;
use russh::server::{Auth, Msg, Session};
use russh::{Channel, ChannelId, ChannelWriteHalf, MethodKind, MethodSet};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What all connections of the server share.
pub struct ServerState {
    pub keys: Mutex<AuthorizedKeys>,
    pub log: Log,
    /// Connections not logged in: their places and their log lines.
    pub door: Arc<Door>,
    pub sessions: Arc<Sessions>,
    /// The records every session draws from (and writes through), with
    /// their search index.
    pub records: Arc<Records>,
    pub setup: Arc<AppSetup>,
    pub idle_timeout: Option<Duration>,
}

/// A connection as it arrives: from where, its place at the door, and
/// the switch that closes its socket.
pub struct Arrival {
    pub peer: SocketAddr,
    pub ticket: Ticket,
    pub cut: Arc<Cut>,
}

pub struct Connection {
    shared: Arc<ServerState>,
    peer: SocketAddr,
    ticket: Ticket,
    cut: Arc<Cut>,
    opened: Instant,
    identity: Option<Identity>,
    /// Set once a session runs: until then the server's login deadline
    /// applies (a connection that logs in but never opens a session is
    /// cut off like one that never logs in).
    in_session: Arc<AtomicBool>,
    /// Why the last authentication attempt was refused (for the log).
    refused: Option<String>,
    channel: Option<SessionChannel>,
    ending: Arc<Mutex<Option<Ending>>>,
}

/// The connection's one session channel.
struct SessionChannel {
    id: ChannelId,
    /// Until the session starts; then its pump owns it.
    write: Option<ChannelWriteHalf<Msg>>,
    pty: Option<(u16, u16)>,
    no_color: bool,
    running: Option<(Arc<Inbox>, Arc<Outbox>)>,
}

impl Connection {
    pub fn new(shared: Arc<ServerState>, arrival: Arrival, in_session: Arc<AtomicBool>) -> Self {
        Connection {
            shared,
            peer: arrival.peer,
            ticket: arrival.ticket,
            cut: arrival.cut,
            opened: Instant::now(),
            identity: None,
            in_session,
            refused: None,
            channel: None,
            ending: Arc::new(Mutex::new(None)),
        }
    }

    /// Who this connection acts as, once a verified key has said so.
    pub fn identity(&self) -> Option<&Identity> {
        self.identity.as_ref()
    }

    fn user_of(&self, key: &PublicKey) -> Option<String> {
        self.access_of(key).map(|(user, _)| user)
    }

    fn access_of(&self, key: &PublicKey) -> Option<(String, Role)> {
        let mut keys = self.shared.keys.lock().unwrap_or_else(|p| p.into_inner());
        keys.access_of(key)
    }

    /// A key offered before any signature: may it try? Binds nothing.
    pub fn key_offered(&mut self, key: &PublicKey) -> Auth {
        self.ticket.progressed();
        match self.user_of(key) {
            Some(_) => Auth::Accept,
            None => self.refuse(format!("key {} is not authorized", fingerprint(key))),
        }
    }

    /// A key whose signature russh has verified: the only place where a
    /// connection gets an identity.
    pub fn key_verified(&mut self, key: &PublicKey) -> Auth {
        self.ticket.progressed();
        let Some((user, role)) = self.access_of(key) else {
            return self.refuse(format!("key {} is not authorized", fingerprint(key)));
        };
        let identity = Identity {
            user,
            fingerprint: fingerprint(key),
            key: key.key_data().clone(),
            role,
        };
        self.ticket.logged_in();
        self.shared.log.line(format_args!(
            "authenticated {} as {} with key {}",
            self.peer,
            quoted(&identity.user),
            identity.fingerprint
        ));
        self.identity = Some(identity);
        Auth::Accept
    }

    /// Refuses an attempt; only public keys are ever proposed next.
    pub(super) fn refuse(&mut self, why: String) -> Auth {
        // Asking at all means the key exchange is done: not stalled.
        self.ticket.progressed();
        self.refused = Some(why);
        Auth::Reject {
            proceed_with_methods: Some(MethodSet::from(&[MethodKind::PublicKey][..])),
            partial_success: false,
        }
    }

    /// A method hireterm never accepts, tried anyway: logged at once.
    pub(super) fn refuse_method(&mut self, method: &str, login: &str) -> Auth {
        self.shared.door.line(
            Seen::WrongMethod,
            self.peer.ip(),
            format_args!(
                "refused {method} authentication from {} (login {}): public keys only",
                self.peer,
                quoted(login)
            ),
        );
        self.refuse(format!("{method} authentication"))
    }

    fn our_channel(&mut self, id: ChannelId) -> Option<&mut SessionChannel> {
        self.channel.as_mut().filter(|c| c.id == id)
    }

    fn inbox(&self, id: ChannelId) -> Option<&Arc<Inbox>> {
        let channel = self.channel.as_ref().filter(|c| c.id == id)?;
        channel.running.as_ref().map(|(inbox, _)| inbox)
    }

    /// Says why there is no session, then closes the channel (status 1).
    pub(super) fn turn_away(
        &mut self,
        id: ChannelId,
        session: &mut Session,
        why: &str,
    ) -> Result<(), russh::Error> {
        self.set_ending(Ending::TurnedAway(why.to_string()));
        session.data(id, format!("{why}\r\n").into_bytes())?;
        session.exit_status_request(id, 1)?;
        session.eof(id)?;
        session.close(id)
    }

    fn set_ending(&self, ending: Ending) {
        self.ending
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get_or_insert(ending);
    }

    /// The shell request: the app, if there is a terminal and room for it.
    pub(super) fn start_session(
        &mut self,
        id: ChannelId,
        session: &mut Session,
    ) -> Result<(), russh::Error> {
        let Some(identity) = self.identity.clone() else {
            return session.close(id);
        };
        let Some(channel) = self.our_channel(id).filter(|c| c.running.is_none()) else {
            return Ok(());
        };
        let (pty, no_color) = (channel.pty, channel.no_color);
        let Some(size) = pty else {
            let why = "hireterm needs a terminal: ssh -t ... (not -T)";
            return self.turn_away(id, session, why);
        };
        let inbox = Arc::new(Inbox::new());
        let owner = identity.clone();
        let Some(slot) = self.shared.sessions.join(Arc::clone(&inbox), owner) else {
            let why = format!(
                "hireterm is serving its maximum of {} sessions; try again later",
                self.shared.sessions.max()
            );
            return self.turn_away(id, session, &why);
        };
        let start = SessionStart {
            user: identity.user,
            role: identity.role,
            size,
            theme: if no_color {
                Theme::MONO
            } else {
                self.shared.setup.theme
            },
            idle_timeout: self.shared.idle_timeout,
            records: Arc::clone(&self.shared.records),
            setup: Arc::clone(&self.shared.setup),
            inbox,
            outbox: Arc::new(Outbox::new()),
            ending: Arc::clone(&self.ending),
            log: self.shared.log.clone(),
            slot,
        };
        self.launch(id, start);
        Ok(())
    }

    /// Starts the output pump and the session's task.
    fn launch(&mut self, id: ChannelId, start: SessionStart) {
        let (inbox, outbox) = (Arc::clone(&start.inbox), Arc::clone(&start.outbox));
        let Some(channel) = self.our_channel(id) else {
            return;
        };
        let Some(write) = channel.write.take() else {
            return;
        };
        channel.running = Some((Arc::clone(&inbox), Arc::clone(&outbox)));
        tokio::spawn(outbox::pump(Arc::clone(&outbox), inbox, write));
        let (user, (columns, rows)) = (quoted(&start.user), start.size);
        session::spawn(start);
        self.in_session.store(true, Ordering::Relaxed);
        self.shared.log.line(format_args!(
            "session started for {user} from {} ({columns}x{rows})",
            self.peer
        ));
    }

    /// The client opens a session channel: the first is ours, any other
    /// is refused (one session per connection: the cap counts what it
    /// means to).
    pub(super) fn open_channel(&mut self, channel: Channel<Msg>) -> bool {
        if self.identity.is_none() || self.channel.is_some() {
            return false;
        }
        // The read half is dropped: input arrives through `data`, and an
        // unread half would fill up and stall the connection.
        let id = channel.id();
        let (_read, write) = channel.split();
        self.channel = Some(SessionChannel {
            id,
            write: Some(write),
            pty: None,
            no_color: false,
            running: None,
        });
        true
    }

    /// A pty request, before the session starts; false if not ours.
    pub(super) fn set_pty(&mut self, id: ChannelId, columns: u32, rows: u32) -> bool {
        match self.our_channel(id).filter(|c| c.running.is_none()) {
            Some(channel) => {
                channel.pty = Some(clamp_size(columns, rows));
                true
            }
            None => false,
        }
    }

    /// An environment variable: only `NO_COLOR` is taken.
    pub(super) fn set_env(&mut self, id: ChannelId, name: &str, value: &str) -> bool {
        match self.our_channel(id) {
            Some(channel) if name == "NO_COLOR" => {
                channel.no_color = !value.is_empty();
                true
            }
            _ => false,
        }
    }

    pub(super) fn window_changed(&mut self, id: ChannelId, columns: u32, rows: u32) {
        let (columns, rows) = clamp_size(columns, rows);
        if let Some(inbox) = self.inbox(id) {
            inbox.resize(columns, rows);
        } else if let Some(channel) = self.our_channel(id) {
            channel.pty = channel.pty.map(|_| (columns, rows));
        }
    }

    /// Bytes typed. Ctrl-C is a byte like any other here: a key for the
    /// app, never a signal to the server.
    pub(super) fn typed(&self, id: ChannelId, data: &[u8]) {
        if let Some(inbox) = self.inbox(id) {
            inbox.bytes(data);
        }
    }

    /// EOF or close from the client: its session ends.
    pub(super) fn client_closed(&self, id: ChannelId) {
        if let Some(inbox) = self.inbox(id) {
            inbox.end(Ending::ClientGone);
        }
    }
}

impl Connection {
    /// The closing line of a connection that never logged in, counted
    /// (and during a flood summarised) by the door.
    fn log_unauthenticated(&self, seconds: f64) {
        let closing = self.cut.closing();
        let seen = match closing {
            Some(Closing::PushedOut(_)) => Seen::PushedOut,
            Some(Closing::LoginGrace) => Seen::TimedOut,
            Some(Closing::Shutdown) | None => Seen::Closed,
        };
        let how = closing.map_or_else(String::new, |c| format!("; {}", c.reason()));
        self.shared.door.line(
            seen,
            self.peer.ip(),
            format_args!(
                "closed {} after {seconds:.1} s: not authenticated (refused: {}){how}",
                self.peer,
                self.refused.as_deref().unwrap_or("no attempt")
            ),
        );
    }
}

impl Drop for Connection {
    /// The connection's one summary line: who, from where, for how long,
    /// and how it ended.
    fn drop(&mut self) {
        if let Some((inbox, outbox)) = self.channel.as_ref().and_then(|c| c.running.as_ref()) {
            inbox.end(Ending::ClientGone);
            outbox.abandon();
            // The session's task records its ending as it stops; if the
            // client went first, that is what happened.
            self.set_ending(Ending::ClientGone);
        }
        let seconds = self.opened.elapsed().as_secs_f64();
        let ending = self
            .ending
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        let log = &self.shared.log;
        match (&self.identity, ending) {
            (Some(who), ending) => log.line(format_args!(
                "closed {} user {} key {} after {seconds:.1} s: {}",
                self.peer,
                quoted(&who.user),
                who.fingerprint,
                ending.map_or_else(|| "no session".to_string(), |e| e.to_string())
            )),
            (None, _) => self.log_unauthenticated(seconds),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Keymap;
    use crate::domain::SystemClock;
    use crate::serve::startups::StartupLimits;
    use crate::store::Store;
    use russh::keys::{Algorithm, PrivateKey};

    fn key() -> PublicKey {
        let key = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).unwrap();
        key.public_key().clone()
    }

    /// A connection whose authorized keys map `ana` and `bob` to their keys.
    fn connection(dir: &std::path::Path, ana: &PublicKey, bob: &PublicKey) -> Connection {
        let line = |k: &PublicKey, user: &str| {
            format!("hireterm-user=\"{user}\" {}\n", k.to_openssh().unwrap())
        };
        let keys_file = dir.join("authorized_keys");
        std::fs::write(&keys_file, line(ana, "ana") + &line(bob, "bob")).unwrap();
        let log = Log::to(std::io::sink());
        let store = Arc::new(Store::open(dir.join("db")).unwrap());
        let door = Door::new(StartupLimits::new(4, 2), log.clone());
        let shared = ServerState {
            keys: Mutex::new(AuthorizedKeys::load(&keys_file, log.clone()).unwrap()),
            log,
            door: Arc::clone(&door),
            sessions: Sessions::new(1),
            records: Records::load(store, crate::catalog::Catalog::builtin()).unwrap(),
            setup: Arc::new(AppSetup {
                keymap: Keymap::defaults(),
                policy: Default::default(),
                notice: None,
                clock: Arc::new(SystemClock),
                theme: Theme::MONO,
                views: Default::default(),
                save_view: None,
            }),
            idle_timeout: None,
        };
        let peer = SocketAddr::from(([127, 0, 0, 1], 1));
        let cut = Cut::new();
        let ticket = door.admit(peer, &cut);
        let arrival = Arrival { peer, ticket, cut };
        Connection::new(Arc::new(shared), arrival, Arc::new(AtomicBool::new(false)))
    }

    #[test]
    fn an_offered_key_never_lends_its_identity_to_the_key_that_signs() {
        let dir = tempfile::tempdir().unwrap();
        let (ana, bob, stranger) = (key(), key(), key());
        let mut conn = connection(dir.path(), &ana, &bob);

        // ana's key is offered (anyone can copy a public key) ...
        assert_eq!(conn.key_offered(&ana), Auth::Accept);
        assert_eq!(conn.identity(), None, "an offer binds nothing");
        // ... and bob's is the one whose signature was verified.
        assert_eq!(conn.key_verified(&bob), Auth::Accept);
        assert_eq!(conn.identity().map(|i| i.user.as_str()), Some("bob"));

        drop(conn); // lets go of the database
        let mut conn = connection(dir.path(), &ana, &bob);
        assert_eq!(conn.key_offered(&ana), Auth::Accept);
        assert!(matches!(conn.key_verified(&stranger), Auth::Reject { .. }));
        assert_eq!(conn.identity(), None);
        assert!(matches!(conn.key_offered(&stranger), Auth::Reject { .. }));
    }
}
