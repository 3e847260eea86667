//! The server's host key: generated (ed25519) on first start, then reused,
//! so that clients can pin it. It is written readable by its owner only,
//! and one that group or others can read is refused: anyone who can read
//! it can impersonate the server.

use russh::keys::ssh_key::LineEnding;
use russh::keys::{Algorithm, PrivateKey};
use std::fs::{DirBuilder, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// What happened to the key file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Loaded,
    Created,
}

/// The key at `path`, created there when missing.
pub fn load_or_create(path: &Path) -> io::Result<(PrivateKey, Origin)> {
    match std::fs::metadata(path) {
        Ok(meta) => {
            check_private(path, meta.permissions().mode())?;
            Ok((load(path)?, Origin::Loaded))
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            Ok((create(path)?, Origin::Created))
        }
        Err(error) => Err(with_path(path, error)),
    }
}

fn check_private(path: &Path, mode: u32) -> io::Result<()> {
    if mode & 0o077 == 0 {
        return Ok(());
    }
    Err(io::Error::new(
        io::ErrorKind::PermissionDenied,
        format!(
            "the host key {} can be read by others (mode {:o}); anyone who reads it can \
             pose as this server. Run `chmod 600 {}` (and make a new key if it has leaked)",
            path.display(),
            mode & 0o777,
            path.display()
        ),
    ))
}

fn load(path: &Path) -> io::Result<PrivateKey> {
    let key = PrivateKey::read_openssh_file(path).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "cannot read the host key {}: {e} (an OpenSSH private key is expected)",
                path.display()
            ),
        )
    })?;
    if key.is_encrypted() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "the host key {} has a passphrase; the server needs one without",
                path.display()
            ),
        ));
    }
    Ok(key)
}

/// A new ed25519 key, written with mode 0600 from the first byte (the file
/// is created with that mode, never chmod-ed afterwards), and its public
/// half beside it for the team's `known_hosts`.
fn create(path: &Path) -> io::Result<PrivateKey> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(parent)
            .map_err(|e| with_path(parent, e))?;
    }
    let key = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519)
        .map_err(|e| io::Error::other(format!("cannot generate a host key: {e}")))?;
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(|e| io::Error::other(format!("cannot encode the host key: {e}")))?;
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| with_path(path, e))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| with_path(path, e))?;
    if let Ok(public) = key.public_key().to_openssh() {
        let mut name = path.as_os_str().to_owned();
        name.push(".pub");
        // Only a convenience: the server runs without it.
        let _ = std::fs::write(name, format!("{public}\n"));
    }
    Ok(key)
}

fn with_path(path: &Path, error: io::Error) -> io::Error {
    io::Error::new(error.kind(), format!("{}: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn created_private_then_reused_and_refused_when_readable_by_others() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys/host_ed25519_key");
        let (first, origin) = load_or_create(&path).unwrap();
        assert_eq!(origin, Origin::Created);
        assert_eq!(first.algorithm(), Algorithm::Ed25519);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);

        let (again, origin) = load_or_create(&path).unwrap();
        assert_eq!(origin, Origin::Loaded);
        assert_eq!(again.public_key(), first.public_key());

        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let error = load_or_create(&path).unwrap_err();
        assert!(error.to_string().contains("chmod 600"), "{error}");
    }
}
