//! One SSH connection: russh's `Handler`. It decides who the connection
//! is (public keys only), takes its one session channel, its terminal size
//! and its keys, and starts the session's app.
//!
//! An identity is bound in exactly one place, [`Connection::key_verified`],
//! which russh reaches only after checking the key's signature. The
//! offer of a key (`auth_publickey_offered`) proves nothing, so it only
//! says whether that key may try.

use super::AppSetup;
use super::auth::{AuthorizedKeys, Identity, fingerprint};
use super::inbox::{Ending, Inbox};
use super::limits::clamp_size;
use super::log::{Log, quoted};
use super::outbox::{self, Outbox};
use super::screen::LEAVE;
use super::session::{self, SessionStart};
use super::sessions::Sessions;
use crate::store::Store;
use crate::ui::Theme;
use russh::keys::{Certificate, PublicKey};
use russh::server::{Auth, ChannelOpenHandle, Msg, PublicKeyOffer, Session, VerifiedPublicKey};
use russh::{Channel, ChannelId, ChannelOpenFailure, ChannelWriteHalf, MethodKind, MethodSet, Pty};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What all connections share.
pub struct Shared {
    pub keys: Mutex<AuthorizedKeys>,
    pub log: Log,
    pub sessions: Arc<Sessions>,
    pub store: Arc<Store>,
    pub setup: Arc<AppSetup>,
    pub idle_timeout: Option<Duration>,
}

pub struct Connection {
    shared: Arc<Shared>,
    peer: SocketAddr,
    opened: Instant,
    identity: Option<Identity>,
    /// Set once authenticated: the server's login deadline reads it.
    authenticated: Arc<AtomicBool>,
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
    pub fn new(shared: Arc<Shared>, peer: SocketAddr, authenticated: Arc<AtomicBool>) -> Self {
        Connection {
            shared,
            peer,
            opened: Instant::now(),
            identity: None,
            authenticated,
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
        let mut keys = self.shared.keys.lock().unwrap_or_else(|p| p.into_inner());
        keys.user_of(key)
    }

    /// A key offered before any signature: may it try? Binds nothing.
    pub fn key_offered(&mut self, key: &PublicKey) -> Auth {
        match self.user_of(key) {
            Some(_) => Auth::Accept,
            None => self.refuse(format!("key {} is not authorized", fingerprint(key))),
        }
    }

    /// A key whose signature russh has verified: the only place where a
    /// connection gets an identity.
    pub fn key_verified(&mut self, key: &PublicKey) -> Auth {
        let Some(user) = self.user_of(key) else {
            return self.refuse(format!("key {} is not authorized", fingerprint(key)));
        };
        let identity = Identity {
            user,
            fingerprint: fingerprint(key),
        };
        self.shared.log.line(format_args!(
            "authenticated {} as {} with key {}",
            self.peer,
            quoted(&identity.user),
            identity.fingerprint
        ));
        self.identity = Some(identity);
        self.authenticated.store(true, Ordering::Relaxed);
        Auth::Accept
    }

    /// Refuses an attempt; only public keys are ever proposed next.
    fn refuse(&mut self, why: String) -> Auth {
        self.refused = Some(why);
        Auth::Reject {
            proceed_with_methods: Some(MethodSet::from(&[MethodKind::PublicKey][..])),
            partial_success: false,
        }
    }

    /// A method hireterm never accepts, tried anyway: logged at once.
    fn refuse_method(&mut self, method: &str, login: &str) -> Auth {
        self.shared.log.line(format_args!(
            "refused {method} authentication from {} (login {}): public keys only",
            self.peer,
            quoted(login)
        ));
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
    fn turn_away(
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
    fn start_session(&mut self, id: ChannelId, session: &mut Session) -> Result<(), russh::Error> {
        let Some(identity) = self.identity.clone() else {
            return session.close(id);
        };
        let Some(channel) = self.our_channel(id).filter(|c| c.running.is_none()) else {
            return Ok(());
        };
        let (pty, no_color) = (channel.pty, channel.no_color);
        let Some(size) = pty else {
            return self.turn_away(
                id,
                session,
                "hireterm needs a terminal: ssh -t ... (not -T)",
            );
        };
        let shared = Arc::clone(&self.shared);
        let theme = if no_color {
            Theme::MONO
        } else {
            shared.setup.theme
        };
        let inbox = Arc::new(Inbox::new());
        let Some(slot) = shared.sessions.join(Arc::clone(&inbox)) else {
            let why = format!(
                "hireterm is serving its maximum of {} sessions; try again later",
                shared.sessions.max()
            );
            return self.turn_away(id, session, &why);
        };
        let Some(write) = self.our_channel(id).and_then(|c| c.write.take()) else {
            return Ok(());
        };
        let outbox = Arc::new(Outbox::new());
        if let Some(channel) = self.our_channel(id) {
            channel.running = Some((Arc::clone(&inbox), Arc::clone(&outbox)));
        }
        tokio::spawn(outbox::pump(Arc::clone(&outbox), Arc::clone(&inbox), write));
        let start = SessionStart {
            user: identity.user.clone(),
            size,
            theme,
            idle_timeout: shared.idle_timeout,
            store: Arc::clone(&shared.store),
            setup: Arc::clone(&shared.setup),
            inbox,
            outbox: Arc::clone(&outbox),
            ending: Arc::clone(&self.ending),
            slot,
        };
        if let Err(error) = session::spawn(start) {
            let mut last = LEAVE.to_vec();
            last.extend_from_slice(b"hireterm: the server cannot start a session now\r\n");
            outbox.finish(last, 1);
            self.set_ending(Ending::Failed(format!("cannot start a thread: {error}")));
            return Ok(());
        }
        self.shared.log.line(format_args!(
            "session started for {} from {} ({}x{})",
            quoted(&identity.user),
            self.peer,
            size.0,
            size.1
        ));
        Ok(())
    }
}

impl Drop for Connection {
    /// The connection's one summary line: who, from where, for how long,
    /// and how it ended.
    fn drop(&mut self) {
        if let Some((inbox, outbox)) = self.channel.as_ref().and_then(|c| c.running.as_ref()) {
            inbox.end(Ending::ClientGone);
            outbox.abandon();
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
            (None, _) => log.line(format_args!(
                "closed {} after {seconds:.1} s: not authenticated (refused: {})",
                self.peer,
                self.refused.as_deref().unwrap_or("no attempt")
            )),
        }
    }
}

impl russh::server::Handler for Connection {
    type Error = russh::Error;

    async fn auth_none(&mut self, _login: &str) -> Result<Auth, Self::Error> {
        // Every OpenSSH client asks this first; not worth a line of its own.
        Ok(self.refuse("none authentication".into()))
    }

    async fn auth_password(&mut self, login: &str, _password: &str) -> Result<Auth, Self::Error> {
        Ok(self.refuse_method("password", login))
    }

    async fn auth_keyboard_interactive<'a>(
        &'a mut self,
        login: &str,
        _submethods: &str,
        _response: Option<russh::server::Response<'a>>,
    ) -> Result<Auth, Self::Error> {
        Ok(self.refuse_method("keyboard-interactive", login))
    }

    async fn auth_publickey_offered(
        &mut self,
        _login: &str,
        offer: PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        Ok(self.key_offered(offer.public_key))
    }

    async fn auth_publickey(
        &mut self,
        _login: &str,
        key: VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        Ok(self.key_verified(key.public_key))
    }

    async fn auth_openssh_certificate(
        &mut self,
        login: &str,
        _certificate: &Certificate,
    ) -> Result<Auth, Self::Error> {
        Ok(self.refuse_method("certificate", login))
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // One session per connection: the cap counts what it means to.
        if self.identity.is_none() || self.channel.is_some() {
            reply
                .reject(ChannelOpenFailure::AdministrativelyProhibited)
                .await;
            return Ok(());
        }
        // The read half is dropped: input arrives through `data` below,
        // and an unread half would fill up and stall the connection.
        let id = channel.id();
        let (_read, write) = channel.split();
        self.channel = Some(SessionChannel {
            id,
            write: Some(write),
            pty: None,
            no_color: false,
            running: None,
        });
        reply.accept().await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        id: ChannelId,
        _term: &str,
        columns: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        match self.our_channel(id).filter(|c| c.running.is_none()) {
            Some(channel) => {
                channel.pty = Some(clamp_size(columns, rows));
                session.channel_success(id)
            }
            None => session.channel_failure(id),
        }
    }

    async fn env_request(
        &mut self,
        id: ChannelId,
        name: &str,
        value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        match self.our_channel(id) {
            Some(channel) if name == "NO_COLOR" => {
                channel.no_color = !value.is_empty();
                session.channel_success(id)
            }
            _ => session.channel_failure(id),
        }
    }

    async fn shell_request(
        &mut self,
        id: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_success(id)?;
        self.start_session(id, session)
    }

    async fn exec_request(
        &mut self,
        id: ChannelId,
        _command: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_success(id)?;
        self.turn_away(
            id,
            session,
            "hireterm runs no commands: ssh -t ... without one",
        )
    }

    async fn subsystem_request(
        &mut self,
        id: ChannelId,
        _name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(id)
    }

    async fn window_change_request(
        &mut self,
        id: ChannelId,
        columns: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        let (columns, rows) = clamp_size(columns, rows);
        if let Some(inbox) = self.inbox(id) {
            inbox.resize(columns, rows);
        } else if let Some(channel) = self.our_channel(id) {
            channel.pty = channel.pty.map(|_| (columns, rows));
        }
        Ok(())
    }

    async fn data(
        &mut self,
        id: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // Ctrl-C is a byte like any other here: a key for the app, never a
        // signal to the server.
        if let Some(inbox) = self.inbox(id) {
            inbox.bytes(data);
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        id: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(inbox) = self.inbox(id) {
            inbox.end(Ending::ClientGone);
        }
        Ok(())
    }

    async fn channel_close(
        &mut self,
        id: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(inbox) = self.inbox(id) {
            inbox.end(Ending::ClientGone);
        }
        Ok(())
    }
}
