//! The allocator, told to give memory back (issue 13: the server grew
//! from 12 to 80 MB under abuse and kept it).
//!
//! hireterm allocates through jemalloc (see `lib.rs`). A block jemalloc
//! frees stays with the process as "dirty" pages for ten seconds by
//! default, so that the next allocation can take it without asking the
//! system. For a command that runs and ends, that is speed for nothing;
//! for a server that one client's 500x200 screen (4.6 MiB) or one paste
//! (1 MiB) has just grown, it is memory the other sessions cannot use.
//! Measured (`tests/ssh_abuse.rs`, one round of abuse, release build):
//! 58 MiB before, 102 MiB kept after with jemalloc's defaults; 59 and 65
//! MiB with the settings below. (Under glibc's malloc, which hireterm
//! used before, the same cure was a fixed `mmap_threshold`.)
//!
//! jemalloc reads its settings from the environment as a program starts,
//! and changing them later would need `unsafe`, which this crate forbids.
//! So `hireterm serve` starts itself once more, in the same process, with
//! `_RJEM_MALLOC_CONF` saying so, before it opens anything. Settings the
//! operator gave are left alone.

use std::ffi::{OsStr, OsString};

/// The variable jemalloc reads (its name carries the prefix the
/// `tikv-jemalloc-sys` build gives jemalloc's symbols).
const CONF_VAR: &str = "_RJEM_MALLOC_CONF";

/// Freed pages go back to the system within a second, by a background
/// thread (one per core at most), not by the thread that freed them.
const CONF: &str = "background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0";

/// The settings to start with, or `None` when some are set already (by
/// us, or by the operator).
pub fn conf(current: Option<&OsStr>) -> Option<OsString> {
    match current.filter(|value| !value.is_empty()) {
        Some(_) => None,
        None => Some(CONF.into()),
    }
}

/// Replaces this process with `hireterm` started again with the tuned
/// allocator (same arguments, same process id), unless it is tuned
/// already. Returns only when it is, or when it cannot restart (the
/// reason, for the log): then it serves untuned, as before.
#[cfg(all(unix, not(target_env = "msvc")))]
pub fn restart_tuned() -> Option<std::io::Error> {
    use std::os::unix::process::CommandExt;
    let value = conf(std::env::var_os(CONF_VAR).as_deref())?;
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(error) => return Some(error),
    };
    let mut args = std::env::args_os();
    let mut command = std::process::Command::new(exe);
    if let Some(name) = args.next() {
        command.arg0(name);
    }
    Some(command.args(args).env(CONF_VAR, value).exec())
}

/// Elsewhere the system's allocator serves: nothing to do.
#[cfg(not(all(unix, not(target_env = "msvc"))))]
pub fn restart_tuned() -> Option<std::io::Error> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_settings_are_given_once_and_never_override_the_operators() {
        assert_eq!(conf(None), Some(CONF.into()));
        assert_eq!(conf(Some(OsStr::new(""))), Some(CONF.into()));
        assert_eq!(conf(Some(OsStr::new(CONF))), None, "already there");
        assert_eq!(conf(Some(OsStr::new("dirty_decay_ms:500"))), None);
    }
}
