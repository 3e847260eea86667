//! The damage the suite does to one file: byte flips, zeroed 4 KiB pages
//! and truncations, each leaving the file's modification time as it was
//! (as `cp -a`, `rsync -a` or bit rot would).

use std::fs::{self, File};
use std::path::Path;

const PAGE: u64 = 4096;

/// One kind of damage at one place in a file.
#[derive(Debug, Clone, Copy)]
pub enum Damage {
    Flip(u64),
    ZeroPage(u64),
    TruncateTo(u64),
}

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Damage::Flip(at) => write!(f, "byte flipped at {at}"),
            Damage::ZeroPage(at) => write!(f, "4 KiB zeroed from {at}"),
            Damage::TruncateTo(len) => write!(f, "truncated to {len} bytes"),
        }
    }
}

/// Every damage tried on a file of `len` bytes: flips at `spread` offsets
/// from first to last byte, a zeroed page at its start, middle and end,
/// and truncations to nothing, a quarter, half, three quarters and all
/// but the last byte.
pub fn damages_for(len: u64, spread: u64) -> Vec<Damage> {
    if len == 0 {
        return Vec::new();
    }
    let mut all: Vec<Damage> = (0..spread)
        .map(|i| Damage::Flip(i * (len - 1) / (spread - 1).max(1)))
        .collect();
    let last_page = (len - 1) / PAGE * PAGE;
    for at in [0, last_page / 2 / PAGE * PAGE, last_page] {
        all.push(Damage::ZeroPage(at));
    }
    for to in [0, len / 4, len / 2, len * 3 / 4, len - 1] {
        all.push(Damage::TruncateTo(to));
    }
    all.dedup_by_key(|d| d.to_string());
    all
}

/// Does `damage` to `file` and puts its modification time back.
pub fn apply(file: &Path, damage: Damage) {
    let modified = fs::metadata(file).unwrap().modified().unwrap();
    let mut bytes = fs::read(file).unwrap();
    match damage {
        Damage::Flip(at) => bytes[at as usize] ^= 0x5a,
        Damage::ZeroPage(at) => {
            let end = (at + PAGE).min(bytes.len() as u64) as usize;
            bytes[at as usize..end].fill(0);
        }
        Damage::TruncateTo(len) => bytes.truncate(len as usize),
    }
    fs::write(file, bytes).unwrap();
    File::options()
        .write(true)
        .open(file)
        .unwrap()
        .set_modified(modified)
        .unwrap();
}
