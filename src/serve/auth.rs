//! Who may connect: an authorized-keys file in OpenSSH's format, each key
//! mapped to the user name it acts as in the event log.
//!
//! ```text
//! hireterm-user="ana" ssh-ed25519 AAAAC3Nza... laptop
//! ssh-ed25519 AAAAC3Nza... bruno@desk
//! ```
//!
//! The user is the `hireterm-user="NAME"` option when the line has one,
//! else the key's comment up to its first `@` (`bruno` above). The role is
//! the `hireterm-role="interviewer"` option (`admin`, `recruiter`,
//! `interviewer`, `client:NAME`, `viewer`), `recruiter` without one. A
//! line with an unknown role, a line with
//! neither, a key that does not parse, or an option that would restrict the
//! key in a way hireterm cannot honour (`from=`, `command=`, `expiry-time=`
//! ...) is logged with its line number and skipped: a key never grants more
//! than its line says. The file is read again whenever it changes.

use super::log::Log;
use crate::domain::access::Role;
use russh::keys::{Algorithm, HashAlg, PublicKey, ssh_key::public::KeyData};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Longest user name taken from a key line.
const MAX_USER_CHARS: usize = 64;

/// Options that only forbid what `hireterm serve` never offers anyway
/// (forwarding, agents, X11, rc files), so a line may carry them.
const HARMLESS_OPTIONS: [&str; 5] = [
    "restrict",
    "no-port-forwarding",
    "no-agent-forwarding",
    "no-x11-forwarding",
    "no-user-rc",
];

/// Who a connection acts as, once its key's signature has been verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub user: String,
    /// `SHA256:...`, as `ssh-keygen -l` prints it.
    pub fingerprint: String,
    /// The key itself: its sessions end if it leaves the file.
    pub key: KeyData,
    /// What the key's sessions may see and do.
    pub role: Role,
}

#[derive(Debug, Clone)]
struct Entry {
    key: KeyData,
    user: String,
    role: Role,
}

/// The keys of the file as last read, re-read when its size, time or inode
/// changes (checked on each authentication attempt: one `stat`).
pub struct AuthorizedKeys {
    path: PathBuf,
    entries: Vec<Entry>,
    seen: Option<FileStamp>,
    /// Counts the readings (and losses) of the file: the keys can only
    /// have changed when it moves.
    generation: u64,
    log: Log,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileStamp {
    modified: Option<SystemTime>,
    /// The inode's change time, to the nanosecond: any write moves it, and
    /// unlike the modification time nobody can set it back, so a file
    /// rewritten in place with a line of the same length is still seen.
    changed: (i64, i64),
    len: u64,
    inode: u64,
}

impl FileStamp {
    fn of(path: &Path) -> std::io::Result<FileStamp> {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(path)?;
        Ok(FileStamp {
            modified: meta.modified().ok(),
            changed: (meta.ctime(), meta.ctime_nsec()),
            len: meta.len(),
            inode: meta.ino(),
        })
    }
}

impl AuthorizedKeys {
    /// Reads the file; a missing or unreadable file is an error at start
    /// (a server that admits nobody is a mistake worth stopping for).
    pub fn load(path: &Path, log: Log) -> std::io::Result<AuthorizedKeys> {
        let stamp = FileStamp::of(path).map_err(|e| {
            std::io::Error::new(
                e.kind(),
                format!(
                    "cannot read the authorized keys file {} ({e}); create it with one \
                     public key per line, in OpenSSH's format",
                    path.display()
                ),
            )
        })?;
        let mut keys = AuthorizedKeys {
            path: path.to_path_buf(),
            entries: Vec::new(),
            seen: None,
            generation: 0,
            log,
        };
        keys.read(stamp);
        Ok(keys)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The user `key` acts as, if the file (as it is now) lists it.
    pub fn user_of(&mut self, key: &PublicKey) -> Option<String> {
        self.access_of(key).map(|(user, _)| user)
    }

    /// The user `key` acts as and its role, if the file (as it is now)
    /// lists it.
    pub fn access_of(&mut self, key: &PublicKey) -> Option<(String, Role)> {
        self.refresh();
        self.entries
            .iter()
            .find(|entry| entry.key == *key.key_data())
            .map(|entry| (entry.user.clone(), entry.role.clone()))
    }

    /// Whether the file, as last read, lists `key` (no re-reading).
    pub fn lists(&self, key: &KeyData) -> bool {
        self.entries.iter().any(|entry| entry.key == *key)
    }

    /// Whether the file, as last read, still lists `key` with `role` (a
    /// key whose role changed no longer grants what its session has).
    pub fn grants(&self, key: &KeyData, role: &Role) -> bool {
        (self.entries.iter()).any(|entry| entry.key == *key && entry.role == *role)
    }

    /// How many times the file has been read (or found gone).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Re-reads the file if it changed. A file that has gone admits nobody
    /// until it is back: removing it is how an operator locks everyone out.
    pub fn refresh(&mut self) {
        match FileStamp::of(&self.path) {
            Ok(stamp) if Some(stamp) == self.seen => {}
            Ok(stamp) => self.read(stamp),
            Err(error) if self.seen.is_some() || !self.entries.is_empty() => {
                self.log.line(format_args!(
                    "authorized keys {}: {error}; admitting nobody until it is back",
                    self.path.display()
                ));
                self.entries.clear();
                self.seen = None;
                self.generation += 1;
            }
            Err(_) => {}
        }
    }

    fn read(&mut self, stamp: FileStamp) {
        self.generation += 1;
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(error) => {
                self.log.line(format_args!(
                    "authorized keys {}: {error}; admitting nobody",
                    self.path.display()
                ));
                self.entries.clear();
                return;
            }
        };
        let (entries, problems) = parse(&text);
        for (line, problem) in problems {
            self.log.line(format_args!(
                "authorized keys {} line {line}: {problem}; line skipped",
                self.path.display()
            ));
        }
        self.log.line(format_args!(
            "authorized keys {}: {} key(s) loaded",
            self.path.display(),
            entries.len()
        ));
        self.entries = entries;
        self.seen = Some(stamp);
    }
}

/// The fingerprint OpenSSH shows for `key`.
pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

/// The usable lines of an authorized-keys file, and what is wrong with the
/// others (line numbers from 1).
fn parse(text: &str) -> (Vec<Entry>, Vec<(usize, String)>) {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for (index, line) in text.lines().enumerate() {
        match parse_line(line) {
            Ok(Some(entry)) => entries.push(entry),
            Ok(None) => {}
            Err(problem) => problems.push((index + 1, problem)),
        }
    }
    (entries, problems)
}

fn parse_line(line: &str) -> Result<Option<Entry>, String> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    let (options, key_text) = split_options(line);
    let key = PublicKey::from_openssh(key_text)
        .map_err(|e| format!("not a public key this server can use ({e})"))?;
    if matches!(key.algorithm(), Algorithm::Rsa { .. } | Algorithm::Dsa) {
        // Built without RSA (see Cargo.toml): such a key could never sign in.
        return Err("RSA and DSA keys are not supported; use ssh-keygen -t ed25519".into());
    }
    if matches!(
        key.algorithm(),
        Algorithm::SkEd25519 | Algorithm::SkEcdsaSha2NistP256
    ) {
        // The signature check never reads the "user present" flag, so a
        // security key would sign in untouched: more than its line grants.
        return Err(
            "security-key (sk-) keys are not supported: their touch cannot be enforced; \
             use ssh-keygen -t ed25519"
                .into(),
        );
    }
    let mut user = None;
    let mut role = Role::Recruiter;
    for (name, value) in parse_options(options)? {
        match (name.to_ascii_lowercase().as_str(), value) {
            ("hireterm-user", Some(value)) => user = Some(value),
            ("hireterm-user", None) => return Err("hireterm-user needs a value".into()),
            ("hireterm-role", Some(value)) => role = key_role(&value)?,
            ("hireterm-role", None) => return Err("hireterm-role needs a value".into()),
            (name, None) if HARMLESS_OPTIONS.contains(&name) => {}
            (name, _) => {
                return Err(format!(
                    "option `{name}` is not supported by hireterm serve"
                ));
            }
        }
    }
    let user = user.unwrap_or_else(|| user_from_comment(key.comment().as_str_lossy()));
    let user = crate::domain::text::clean_line(&user);
    if user.is_empty() {
        return Err("no user: add hireterm-user=\"NAME\" or a comment such as name@host".into());
    }
    Ok(Some(Entry {
        key: key.key_data().clone(),
        user: user.chars().take(MAX_USER_CHARS).collect(),
        role,
    }))
}

/// A `hireterm-role` value, cleaned; an unknown one is named.
fn key_role(value: &str) -> Result<Role, String> {
    let role = Role::parse(&crate::domain::text::clean_line(value))?;
    match role {
        Role::Client(name) => Ok(Role::Client(name.chars().take(MAX_USER_CHARS).collect())),
        role => Ok(role),
    }
}

/// `ana@laptop` -> `ana`; a comment without `@` is the name as it is.
fn user_from_comment(comment: &str) -> String {
    comment.split('@').next().unwrap_or_default().to_string()
}

/// A line's options field (empty when it starts with the key type) and the
/// rest. Options end at the first space outside double quotes.
fn split_options(line: &str) -> (&str, &str) {
    const KEY_TYPES: [&str; 4] = ["ssh-", "ecdsa-sha2-", "sk-ssh-", "sk-ecdsa-"];
    if KEY_TYPES.iter().any(|prefix| line.starts_with(prefix)) {
        return ("", line);
    }
    let mut quoted = false;
    let mut escaped = false;
    for (at, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => return (&line[..at], line[at..].trim_start()),
            _ => {}
        }
    }
    (line, "")
}

/// `a,b="x,y",c` -> `[(a, None), (b, Some("x,y")), (c, None)]`.
fn parse_options(field: &str) -> Result<Vec<(String, Option<String>)>, String> {
    let mut options = Vec::new();
    let mut chars = field.chars().peekable();
    while chars.peek().is_some() {
        let name: String =
            std::iter::from_fn(|| chars.next_if(|c| *c != '=' && *c != ',')).collect();
        let value = if chars.next_if_eq(&'=').is_some() {
            Some(quoted_value(&mut chars)?)
        } else {
            None
        };
        if name.is_empty() {
            return Err("an empty option".into());
        }
        options.push((name, value));
        if chars.next().is_some_and(|c| c != ',') {
            return Err("options must be separated by commas".into());
        }
    }
    Ok(options)
}

fn quoted_value(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Result<String, String> {
    if chars.next() != Some('"') {
        return Err("an option's value must be in double quotes".into());
    }
    let mut value = String::new();
    loop {
        match chars.next() {
            Some('"') => return Ok(value),
            Some('\\') if chars.next_if_eq(&'"').is_some() => value.push('"'),
            Some(c) => value.push(c),
            None => return Err("an option's value has no closing quote".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGqEV3T1Lz3VD9Kn1az44bA21fPTpfQwcDzerEUf4uPy";
    const RSA: &str = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC138yk2hIRWU8tM+YFgVetpLJRNgBq6wkV2pXDYPYzfj5Z/WrKsddPT/RgONfF1j98+yqfj0tuxxyTAJJNinGuYXr/zJuZ8B77o+1V6gqU35QOJwU1KIEoQOxcXmxuktoU2Zgq+t8LsTdnQxOJtRn60Guv3pXk9Xa5CXVr6S42nP+8ySqO1GfwoBAj8sZXkJu3WZE0DPrfym7Efkgetsuu5fzUt5Q9K7M/XsEhaLbBiTPeBisGID0xxur6Yq5iB6zwHYcjOPpQ2pNo9Kck47UuMz03WLx4gYKwS72QWH3QKIUHg3gn1UhGYytvKW6+EmPmxekJTKUhIPuSGbIslM2r rita@x";

    #[test]
    fn security_keys_are_refused_since_their_touch_is_not_checked() {
        let sk = "sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAIAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gAAAABHNzaDo= ana@x";
        let (entries, problems) = parse(&format!("{sk}\n"));
        assert!(entries.is_empty());
        assert!(problems[0].1.contains("security-key"), "{problems:?}");
    }

    #[test]
    fn users_come_from_the_option_or_the_comment() {
        let (entries, problems) = parse(&format!(
            "# team\n\nhireterm-user=\"Ana Silva\",restrict {KEY} laptop\n{KEY} bruno@desk\n"
        ));
        assert_eq!(problems, vec![]);
        let users: Vec<_> = entries.iter().map(|e| e.user.as_str()).collect();
        assert_eq!(users, ["Ana Silva", "bruno"]);
    }

    #[test]
    fn roles_come_from_the_option_and_default_to_recruiter() {
        let (entries, problems) = parse(&format!(
            "hireterm-role=\"interviewer\",hireterm-user=\"bob\" {KEY} x\n\
             hireterm-role=\"client:Helios Health\" {KEY} jane@helios\n\
             {KEY} ana@desk\n\
             hireterm-role=\"boss\" {KEY} eve@x\n\
             hireterm-role {KEY} dan@x\n"
        ));
        let roles: Vec<_> = entries
            .iter()
            .map(|e| (e.user.as_str(), e.role.clone()))
            .collect();
        assert_eq!(
            roles,
            [
                ("bob", Role::Interviewer),
                ("jane", Role::Client("Helios Health".into())),
                ("ana", Role::Recruiter),
            ]
        );
        let lines: Vec<usize> = problems.iter().map(|p| p.0).collect();
        assert_eq!(lines, [4, 5], "{problems:?}");
        let keys = AuthorizedKeys {
            path: PathBuf::new(),
            entries: entries.clone(),
            seen: None,
            generation: 0,
            log: Log::to(std::io::sink()),
        };
        let key = &entries[0].key;
        assert!(
            keys.grants(key, &Role::Recruiter),
            "a line of the key makes it a recruiter"
        );
        assert!(!keys.grants(key, &Role::Admin), "no line gives it admin");
        assert!(
            problems[0].1.contains("`boss` is not a role"),
            "{problems:?}"
        );
        assert!(problems[1].1.contains("needs a value"), "{problems:?}");
    }

    #[test]
    fn bad_lines_are_reported_by_number_and_skipped() {
        let text = format!(
            "{KEY}\nfrom=\"10.0.0.1\" {KEY} carla@x\nssh-ed25519 garbage dan\n{RSA}\n{KEY} eve@x\n"
        );
        let (entries, problems) = parse(&text);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].user, "eve");
        let lines: Vec<usize> = problems.iter().map(|p| p.0).collect();
        assert_eq!(lines, [1, 2, 3, 4], "{problems:?}");
        assert!(problems[0].1.contains("no user"));
        assert!(problems[1].1.contains("`from`"));
        assert!(problems[3].1.contains("ed25519"));
    }

    #[test]
    fn the_file_is_read_again_when_it_changes_and_a_removed_file_admits_nobody() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("authorized_keys");
        std::fs::write(&path, "# nobody yet\n").unwrap();
        let mut keys = AuthorizedKeys::load(&path, Log::to(std::io::sink())).unwrap();
        let key = PublicKey::from_openssh(KEY).unwrap();
        assert_eq!(keys.user_of(&key), None);

        std::fs::write(&path, format!("hireterm-user=\"ana\" {KEY}\n")).unwrap();
        assert_eq!(keys.user_of(&key).as_deref(), Some("ana"));

        std::fs::remove_file(&path).unwrap();
        assert_eq!(keys.user_of(&key), None);
        assert!(AuthorizedKeys::load(&path, Log::to(std::io::sink())).is_err());
    }

    #[test]
    fn options_keep_quoted_commas_and_spaces() {
        assert_eq!(
            parse_options(r#"hireterm-user="a, \"b\"",restrict"#).unwrap(),
            vec![
                ("hireterm-user".to_string(), Some(r#"a, "b""#.to_string())),
                ("restrict".to_string(), None)
            ]
        );
        assert!(parse_options("hireterm-user=ana").is_err());
        assert_eq!(
            split_options(r#"hireterm-user="a b" ssh-ed25519 AAAA c"#),
            (r#"hireterm-user="a b""#, "ssh-ed25519 AAAA c")
        );
    }
}
