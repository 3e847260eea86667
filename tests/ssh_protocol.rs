//! The SSH server's authentication, in process, spoken with russh's own
//! client where OpenSSH will not go: it forces the methods the server
//! never proposes, and offers one key (anyone may hold a copy of a public
//! key) while signing with another.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use hireterm::app::Keymap;
use hireterm::app::records::Records;
use hireterm::catalog::Catalog;
use hireterm::domain::SystemClock;
use hireterm::serve::log::Log;
use hireterm::serve::startups::StartupLimits;
use hireterm::serve::{AppSetup, ServeConfig, Server};
use hireterm::store::Store;
use hireterm::ui::Theme;
use russh::client::{self, AuthResult, KeyboardInteractiveAuthResponse};
use russh::keys::{Algorithm, HashAlg, PrivateKey, PrivateKeyWithHashAlg, PublicKey};
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// The server's log lines, collected in memory.
#[derive(Clone, Default)]
struct Lines(Arc<Mutex<Vec<u8>>>);

impl Write for Lines {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Lines {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

struct TrustAll;

impl client::Handler for TrustAll {
    type Error = russh::Error;
    async fn check_server_key(
        &mut self,
        _key: &russh::keys::PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// A signer that never signs: its key is offered (probed), no more.
struct OfferOnly;

#[derive(Debug)]
struct WillNotSign;

impl From<russh::SendError> for WillNotSign {
    fn from(_: russh::SendError) -> Self {
        WillNotSign
    }
}

impl russh::Signer for OfferOnly {
    type Error = WillNotSign;
    async fn auth_sign(
        &mut self,
        _key: &russh::keys::agent::AgentIdentity,
        _hash: Option<HashAlg>,
        _data: Vec<u8>,
    ) -> Result<Vec<u8>, Self::Error> {
        Err(WillNotSign)
    }
}

fn new_key() -> Arc<PrivateKey> {
    Arc::new(PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).unwrap())
}

fn line(key: &PrivateKey, user: &str) -> String {
    let public = key.public_key().to_openssh().unwrap();
    format!("hireterm-user=\"{user}\" {public}\n")
}

/// A running server in `dir` admitting `keys`; its port, its log, the
/// switch that stops it, and its task.
struct Running {
    port: u16,
    lines: Lines,
    stop: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

async fn serve(dir: &Path, keys: &str) -> Running {
    std::fs::write(dir.join("authorized_keys"), keys).unwrap();
    let config = ServeConfig {
        authorized_keys: dir.join("authorized_keys"),
        host_key: dir.join("host_key"),
        max_sessions: 2,
        idle_timeout: None,
        connections_per_minute: 100,
        login_grace: std::time::Duration::from_secs(20),
        startups: StartupLimits::new(64, 10),
    };
    let setup = AppSetup {
        keymap: Keymap::defaults(),
        policy: Default::default(),
        notice: None,
        clock: Arc::new(SystemClock),
        theme: Theme::MONO,
        views: Default::default(),
        save_view: None,
    };
    let lines = Lines::default();
    let store = Arc::new(Store::open(dir.join("db")).unwrap());
    let records = Records::load(store, Catalog::builtin()).unwrap();
    let server = Server::new(&config, records, setup, Log::to(lines.clone())).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(server.run(listener, async {
        let _ = stopped.await;
    }));
    Running {
        port,
        lines,
        stop,
        task,
    }
}

async fn connect(port: u16) -> client::Handle<TrustAll> {
    let config = Arc::new(client::Config::default());
    client::connect(config, ("127.0.0.1", port), TrustAll)
        .await
        .unwrap()
}

/// Offers `key` without signing; the server must have accepted the offer
/// (the signer is asked only after the server's PK_OK).
async fn offer_only(client: &mut client::Handle<TrustAll>, key: &PublicKey) {
    let offered = client
        .authenticate_publickey_with("ana", key.clone(), None, &mut OfferOnly)
        .await;
    assert!(offered.is_err(), "the offer was accepted, then not signed");
}

async fn sign_with(client: &mut client::Handle<TrustAll>, key: &Arc<PrivateKey>) -> AuthResult {
    let key = PrivateKeyWithHashAlg::new(Arc::clone(key), None);
    client.authenticate_publickey("ana", key).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forced_methods_are_refused_and_logged() {
    let dir = tempfile::tempdir().unwrap();
    let ana = new_key();
    let server = serve(dir.path(), &line(&ana, "ana")).await;
    let mut client = connect(server.port).await;
    let password = client
        .authenticate_password("ana", "hunter2")
        .await
        .unwrap();
    assert!(!password.success());
    let interactive = client
        .authenticate_keyboard_interactive_start("ana", None)
        .await
        .unwrap();
    assert!(matches!(
        interactive,
        KeyboardInteractiveAuthResponse::Failure { .. }
    ));
    let none = client.authenticate_none("ana").await.unwrap();
    assert!(!none.success());
    drop(client);
    server.stop.send(()).unwrap();
    server.task.await.unwrap().unwrap();
    let log = server.lines.text();
    assert!(log.contains("refused password authentication"), "{log}");
    assert!(
        log.contains("refused keyboard-interactive authentication"),
        "{log}"
    );
    assert!(!log.contains("authenticated 127"), "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_offered_key_never_lends_its_identity_to_the_key_that_signs() {
    let dir = tempfile::tempdir().unwrap();
    let (ana, bob, eve) = (new_key(), new_key(), new_key());
    let server = serve(dir.path(), &(line(&ana, "ana") + &line(&bob, "bob"))).await;

    // Ana's key offered, eve's (unknown) signs: nobody.
    let mut eve_client = connect(server.port).await;
    offer_only(&mut eve_client, ana.public_key()).await;
    assert!(!sign_with(&mut eve_client, &eve).await.success());

    // Ana's key offered, bob's signs: bob, never ana.
    let mut bob_client = connect(server.port).await;
    offer_only(&mut bob_client, ana.public_key()).await;
    assert!(sign_with(&mut bob_client, &bob).await.success());

    let log = server.lines.text();
    assert!(log.contains("as \"bob\""), "{log}");
    assert!(!log.contains("as \"ana\""), "{log}");
    drop((eve_client, bob_client));
    server.stop.send(()).unwrap();
    server.task.await.unwrap().unwrap();
}

/// Waits for the server's answer to the last request on `channel`: true
/// for success, false for failure; panics if none comes (a request left
/// unanswered, which a client waits on for good).
async fn answer(channel: &mut russh::Channel<client::Msg>, what: &str) -> bool {
    let wait = async {
        loop {
            match channel.wait().await {
                Some(russh::ChannelMsg::Success) => return true,
                Some(russh::ChannelMsg::Failure) => return false,
                Some(_) => {}
                None => panic!("the channel closed instead of answering {what}"),
            }
        }
    };
    tokio::time::timeout(ANSWER, wait)
        .await
        .unwrap_or_else(|_| panic!("no answer to {what} in {ANSWER:?}"))
}

/// Asserts that `request` is answered, and with a refusal.
async fn refused<T>(what: &str, request: impl Future<Output = Result<T, russh::Error>>) {
    let answer = tokio::time::timeout(ANSWER, request)
        .await
        .unwrap_or_else(|_| panic!("no answer to {what} in {ANSWER:?}"));
    assert!(answer.is_err(), "{what} was granted");
}

/// Far longer than an answer takes on loopback.
const ANSWER: std::time::Duration = std::time::Duration::from_secs(5);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn x11_forwarding_and_every_other_extra_is_refused_out_loud() {
    let dir = tempfile::tempdir().unwrap();
    let ana = new_key();
    let server = serve(dir.path(), &line(&ana, "ana")).await;
    let mut client = connect(server.port).await;
    assert!(sign_with(&mut client, &ana).await.success());
    let mut session = client.channel_open_session().await.unwrap();

    session
        .request_x11(true, false, "MIT-MAGIC-COOKIE-1", "00ff00ff", 0)
        .await
        .unwrap();
    assert!(!answer(&mut session, "x11-req").await);
    session.agent_forward(true).await.unwrap();
    assert!(!answer(&mut session, "auth-agent-req").await);
    session
        .set_env(true, "LD_PRELOAD", "/tmp/evil.so")
        .await
        .unwrap();
    assert!(!answer(&mut session, "env LD_PRELOAD").await);
    session.request_subsystem(true, "sftp").await.unwrap();
    assert!(!answer(&mut session, "subsystem sftp").await);
    // The channel is still usable: a terminal is granted.
    session
        .request_pty(true, "xterm", 80, 24, 0, 0, &[])
        .await
        .unwrap();
    assert!(answer(&mut session, "pty-req").await);

    refused("tcpip-forward", client.tcpip_forward("127.0.0.1", 0)).await;
    let path = "/tmp/hireterm.sock";
    refused("streamlocal-forward", client.streamlocal_forward(path)).await;
    let direct = client.channel_open_direct_tcpip("127.0.0.1", 22, "127.0.0.1", 4000);
    refused("a direct-tcpip channel", direct).await;
    let unix = client.channel_open_direct_streamlocal("/run/docker.sock");
    refused("a direct-streamlocal channel", unix).await;
    refused("an x11 channel", client.channel_open_x11("127.0.0.1", 6010)).await;
    refused("a second session channel", client.channel_open_session()).await;

    drop((session, client));
    server.stop.send(()).unwrap();
    server.task.await.unwrap().unwrap();
}
