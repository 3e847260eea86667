//! glibc's allocator, told to give memory back (issue 13: the server grew
//! from 12 to 80 MB under abuse and kept it).
//!
//! Why it kept it: glibc serves a block of 128 KiB or more with a mapping
//! of its own, returned when freed; but each time such a block is freed it
//! raises that threshold to the block's size (up to 32 MiB). One client at
//! 500x200 frees a 4.6 MiB screen buffer, one paste a 1 MiB input buffer;
//! from then on every block below that size comes from the heaps of the
//! allocator's arenas, where freed memory between blocks still in use is
//! never returned. Measured (`tests/ssh_abuse.rs`, release build, four
//! rounds of abuse): 12 MiB before, 52, 57, 59, 67 MiB after each round,
//! climbing; with the threshold fixed at 1 MiB, 19, 20, 18, 19 MiB.
//!
//! The threshold can only be fixed at start: glibc reads its tunables
//! from the environment as a program starts, and `mallopt` would need
//! `unsafe`, which this crate forbids. So `hireterm serve` starts itself
//! once more, in the same process, with `GLIBC_TUNABLES` saying so, before
//! it opens anything. A threshold the operator set is left alone.

use std::ffi::{OsStr, OsString};

/// Blocks of 1 MiB and more get mappings of their own, always: the largest
/// screens and bursts of input go back to the system when freed, while
/// the common sizes (a 120x40 screen is 225 KiB) stay cheap to allocate.
const TUNABLE: &str = "glibc.malloc.mmap_threshold=1048576";

/// `GLIBC_TUNABLES` with the threshold added to what is there, or `None`
/// when a threshold is set already (by us, or by the operator).
pub fn tunables(current: Option<&OsStr>) -> Option<OsString> {
    let current = current.filter(|value| !value.is_empty());
    let Some(current) = current else {
        return Some(TUNABLE.into());
    };
    if current
        .to_string_lossy()
        .contains("glibc.malloc.mmap_threshold")
    {
        return None;
    }
    let mut value = current.to_os_string();
    value.push(":");
    value.push(TUNABLE);
    Some(value)
}

/// Replaces this process with `hireterm` started again with the tuned
/// allocator (same arguments, same process id), unless it is tuned
/// already. Returns only when it is, or when it cannot restart (the
/// reason, for the log): then it serves untuned, as before.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn restart_tuned() -> Option<std::io::Error> {
    use std::os::unix::process::CommandExt;
    let value = tunables(std::env::var_os("GLIBC_TUNABLES").as_deref())?;
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(error) => return Some(error),
    };
    let mut args = std::env::args_os();
    let mut command = std::process::Command::new(exe);
    if let Some(name) = args.next() {
        command.arg0(name);
    }
    Some(command.args(args).env("GLIBC_TUNABLES", value).exec())
}

/// Other C libraries read no such tunable: nothing to do.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn restart_tuned() -> Option<std::io::Error> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_threshold_is_added_once_and_never_overrides_the_operators() {
        assert_eq!(tunables(None), Some(TUNABLE.into()));
        assert_eq!(tunables(Some(OsStr::new(""))), Some(TUNABLE.into()));
        let other = OsStr::new("glibc.malloc.arena_max=2");
        let both = tunables(Some(other)).unwrap();
        assert_eq!(
            both,
            OsString::from(format!("{}:{TUNABLE}", other.display()))
        );
        assert_eq!(tunables(Some(&both)), None, "already there");
        let theirs = OsStr::new("glibc.malloc.mmap_threshold=65536");
        assert_eq!(tunables(Some(theirs)), None);
    }
}
