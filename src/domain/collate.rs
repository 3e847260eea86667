//! The order people's names are sorted in: the Unicode Collation
//! Algorithm with CLDR's root order (ICU4X's `icu_collator`), so that
//! Çağrı sorts among the Cs, Ömer among the Os, Łukasz among the Ls and
//! Cyrillic names after the Latin ones rather than wherever their bytes
//! fall. Case and accents only break ties (secondary strength ignores
//! case; accents come after the letters), as a person expects.
//!
//! Sorting many names compares sort keys, built once per name, byte by
//! byte: [`rank`] builds them into one buffer and sorts on their first 8
//! bytes as an integer, comparing whole keys only where those are equal.

use icu_collator::options::{CollatorOptions, Strength};
use icu_collator::{CollatorBorrowed, CollatorPreferences};
use std::cmp::Ordering;
use std::sync::LazyLock;

/// The root collator, built once from the crate's compiled-in data.
static COLLATOR: LazyLock<Option<CollatorBorrowed<'static>>> = LazyLock::new(|| {
    let mut options = CollatorOptions::default();
    options.strength = Some(Strength::Secondary);
    CollatorBorrowed::try_new(CollatorPreferences::default(), options).ok()
});

/// Appends the sort key of `name` to `out`. Without a collator (its data
/// is compiled in, so this does not happen) the lower-cased bytes stand in.
pub fn write_key(name: &str, out: &mut Vec<u8>) {
    match COLLATOR.as_ref() {
        Some(collator) => {
            let Ok(()) = collator.write_sort_key_to(name, out);
        }
        None => out.extend(name.to_lowercase().bytes()),
    }
}

/// The sort key of `name`: two keys compare as the names collate.
pub fn key(name: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(name.len() * 3);
    write_key(name, &mut out);
    out
}

/// How two names collate.
pub fn compare(a: &str, b: &str) -> Ordering {
    match COLLATOR.as_ref() {
        Some(collator) => collator.compare(a, b),
        None => a.to_lowercase().cmp(&b.to_lowercase()),
    }
}

/// Names below which building the keys on one thread is quicker than
/// starting others.
const KEYS_ON_ONE_THREAD: usize = 20_000;

/// Sort keys one after another in one buffer, and where each lies in it.
type Keys = (Vec<u8>, Vec<(u32, u32)>);

/// Each name's place in collation order (ties by position): `rank[i]` is
/// where `names[i]` sorts. The keys (most of the work: about 110 ms for
/// 100,000 names on one core) are built on every core.
pub fn rank<'a>(names: impl ExactSizeIterator<Item = &'a str>) -> Vec<u32> {
    let names: Vec<&str> = names.collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (buffer, spans) = if names.len() < KEYS_ON_ONE_THREAD || threads == 1 {
        keys(&names)
    } else {
        let chunk = names.len().div_ceil(threads);
        let parts: Vec<Keys> = std::thread::scope(|scope| {
            let workers: Vec<_> = (names.chunks(chunk))
                .map(|part| scope.spawn(move || keys(part)))
                .collect();
            (workers.into_iter())
                .map(|w| {
                    w.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        joined(parts)
    };
    let key_of = |i: u32| {
        let (start, end) = spans[i as usize];
        &buffer[start as usize..end as usize]
    };
    let mut order: Vec<(u64, u32)> = (0..spans.len() as u32)
        .map(|i| (prefix(key_of(i)), i))
        .collect();
    order.sort_unstable();
    // Only keys that share their first 8 bytes need comparing in full.
    for group in order.chunk_by_mut(|a, b| a.0 == b.0) {
        if group.len() > 1 {
            group.sort_unstable_by(|a, b| key_of(a.1).cmp(key_of(b.1)).then(a.1.cmp(&b.1)));
        }
    }
    let mut rank = vec![0u32; spans.len()];
    for (place, &(_, index)) in order.iter().enumerate() {
        rank[index as usize] = place as u32;
    }
    rank
}

/// The first 8 bytes of a key, big-endian, zero-padded: comparing two
/// prefixes compares the keys' starts.
fn prefix(key: &[u8]) -> u64 {
    let mut bytes = [0u8; 8];
    let n = key.len().min(8);
    bytes[..n].copy_from_slice(&key[..n]);
    u64::from_be_bytes(bytes)
}

/// The sort keys of `names`, one after another in one buffer, and where
/// each one lies in it.
fn keys(names: &[&str]) -> Keys {
    let mut buffer: Vec<u8> = Vec::with_capacity(names.len() * 48);
    let mut spans: Vec<(u32, u32)> = Vec::with_capacity(names.len());
    for name in names {
        let start = buffer.len();
        write_key(name, &mut buffer);
        spans.push((start as u32, buffer.len() as u32));
    }
    (buffer, spans)
}

/// Parts built apart, as one: each part's spans moved by the bytes
/// before it.
fn joined(parts: Vec<Keys>) -> Keys {
    let mut buffer = Vec::with_capacity(parts.iter().map(|p| p.0.len()).sum());
    let mut spans = Vec::with_capacity(parts.iter().map(|p| p.1.len()).sum());
    for (bytes, part) in parts {
        let base = buffer.len() as u32;
        spans.extend(part.iter().map(|&(start, end)| (base + start, base + end)));
        buffer.extend_from_slice(&bytes);
    }
    (buffer, spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let rank = rank(names.iter().copied());
        let mut out = vec![String::new(); names.len()];
        for (i, &place) in rank.iter().enumerate() {
            out[place as usize] = names[i].to_string();
        }
        out
    }

    #[test]
    fn accented_and_other_letters_sort_where_a_person_expects() {
        let names = [
            "Zofia Mazur",
            "Олена Шевченко",
            "Ömer Yılmaz",
            "Łukasz Wójcik",
            "Çağrı Demir",
            "Carla Reyes",
            "Ola Nordmann",
            "Lucía Peña",
            "Dmytro Melnyk",
        ];
        assert_eq!(
            sorted(&names),
            [
                "Çağrı Demir",
                "Carla Reyes",
                "Dmytro Melnyk",
                "Lucía Peña",
                "Łukasz Wójcik",
                "Ola Nordmann",
                "Ömer Yılmaz",
                "Zofia Mazur",
                "Олена Шевченко",
            ]
        );
    }

    #[test]
    fn case_does_not_order_and_ties_keep_their_places() {
        assert_eq!(rank(["ana", "Ana", "ANA"].into_iter()), [0, 1, 2]);
        assert_eq!(compare("ana lima", "Ana Lima"), Ordering::Equal);
        assert_eq!(compare("Ana", "Bruno"), Ordering::Less);
        assert!(key("Émile") > key("Emile"), "accents break ties");
        assert!(key("Émile") < key("Eric"), "after the letters");
    }

    #[test]
    fn long_shared_prefixes_compare_in_full() {
        let names = ["Alexandria Zeta", "Alexandria Beta", "Alexandria Beta"];
        assert_eq!(rank(names.into_iter()), [2, 0, 1]);
    }

    /// Past [`KEYS_ON_ONE_THREAD`] the keys are built on every core: the
    /// ranks must be exactly those of one thread's keys, ties included.
    #[test]
    fn many_names_rank_as_one_thread_would() {
        let stems = [
            "Ömer",
            "Carla",
            "Łukasz",
            "ana",
            "Ana",
            "Олена",
            "Çağrı",
            "Zoë",
        ];
        let names: Vec<String> = (0..KEYS_ON_ONE_THREAD + 1234)
            .map(|i| format!("{} {}", stems[i % stems.len()], (i * 7919) % 5000))
            .collect();
        let (buffer, spans) = keys(&names.iter().map(String::as_str).collect::<Vec<_>>());
        let mut expected: Vec<u32> = (0..names.len() as u32).collect();
        let key_of = |i: u32| &buffer[spans[i as usize].0 as usize..spans[i as usize].1 as usize];
        expected.sort_by(|&a, &b| key_of(a).cmp(key_of(b)).then(a.cmp(&b)));
        let ranked = rank(names.iter().map(String::as_str));
        for (place, &index) in expected.iter().enumerate() {
            assert_eq!(
                ranked[index as usize], place as u32,
                "{}",
                names[index as usize]
            );
        }
    }
}
