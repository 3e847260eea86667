//! russh's `Handler` for a [`Connection`]: each callback hands over to
//! the connection's own methods, so that what a callback decides can be
//! read (and tested) without russh's types.
//!
//! Every authentication method but publickey is refused, even when a
//! client tries one that was never proposed; a publickey *offer* only says
//! whether the key may try (`key_offered`), and the identity is bound in
//! `auth_publickey`, after russh has verified the signature.
//!
//! Every request a client may send gets an answer: what hireterm does not
//! offer (X11, agent and port forwarding, subsystems, other channels) is
//! refused out loud, never left without a reply for the client to wait on.

use super::connection::Connection;
use russh::keys::Certificate;
use russh::server::{
    Auth, ChannelOpenHandle, Handler, Msg, PublicKeyOffer, Response, Session, VerifiedPublicKey,
};
use russh::{Channel, ChannelId, ChannelOpenFailure, Pty, Sig};

/// How every channel but the one session channel is answered.
async fn refuse_channel(reply: ChannelOpenHandle) -> Result<(), russh::Error> {
    reply
        .reject(ChannelOpenFailure::AdministrativelyProhibited)
        .await;
    Ok(())
}

impl Handler for Connection {
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
        _response: Option<Response<'a>>,
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
        if self.open_channel(channel) {
            reply.accept().await;
        } else {
            reply
                .reject(ChannelOpenFailure::AdministrativelyProhibited)
                .await;
        }
        Ok(())
    }

    async fn channel_open_x11(
        &mut self,
        _channel: Channel<Msg>,
        _originator_address: &str,
        _originator_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        refuse_channel(reply).await
    }

    async fn channel_open_direct_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        _host_to_connect: &str,
        _port_to_connect: u32,
        _originator_address: &str,
        _originator_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        refuse_channel(reply).await
    }

    async fn channel_open_forwarded_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        _host_to_connect: &str,
        _port_to_connect: u32,
        _originator_address: &str,
        _originator_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        refuse_channel(reply).await
    }

    async fn channel_open_direct_streamlocal(
        &mut self,
        _channel: Channel<Msg>,
        _socket_path: &str,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        refuse_channel(reply).await
    }

    /// `ssh -X`: refused (russh leaves it unanswered by default, and the
    /// client would wait for the answer for good).
    async fn x11_request(
        &mut self,
        id: ChannelId,
        _single_connection: bool,
        _x11_auth_protocol: &str,
        _x11_auth_cookie: &str,
        _x11_screen_number: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(id)
    }

    /// `ssh -A`: refused (russh answers from the `false`).
    async fn agent_request(
        &mut self,
        _id: ChannelId,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }

    /// A signal is for a process, and there is none: refused, if the
    /// client asked for an answer at all (russh answers only then).
    async fn signal(
        &mut self,
        id: ChannelId,
        _signal: Sig,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(id)
    }

    async fn tcpip_forward(
        &mut self,
        _address: &str,
        _port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn streamlocal_forward(
        &mut self,
        _socket_path: &str,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
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
        match self.set_pty(id, columns, rows) {
            true => session.channel_success(id),
            false => session.channel_failure(id),
        }
    }

    async fn env_request(
        &mut self,
        id: ChannelId,
        name: &str,
        value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        match self.set_env(id, name, value) {
            true => session.channel_success(id),
            false => session.channel_failure(id),
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
        let why = "hireterm runs no commands: ssh -t ... without one";
        self.turn_away(id, session, why)
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
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.window_changed(id, columns, rows);
        // Clients ask for no answer; one that does gets it.
        session.channel_success(id)
    }

    async fn data(
        &mut self,
        id: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.typed(id, data);
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        id: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.client_closed(id);
        Ok(())
    }

    async fn channel_close(
        &mut self,
        id: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.client_closed(id);
        Ok(())
    }
}
