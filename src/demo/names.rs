//! A person's whole name as their culture writes it (see `cultures`), with
//! its Latin form for the email handle and, for other scripts, the
//! romanisation a CV often carries beside it.

use super::cultures::{Culture, Extra, Order};
use super::rng::Rng;

/// The stream a name's parts are drawn from: seeded by two draws of the
/// person's own stream (all a name took when it had two parts), so that a
/// name of more parts shifts no other draw (city, phone, skills).
const KIND_NAME: u64 = 0x6e61_6d65;

/// Letters a middle initial is drawn from (the rarer ones left out).
const INITIALS: &[u8] = b"ABCDEFGHJKLMNPRSTVW";

/// A part of a name: as written, and in Latin letters.
#[derive(Clone)]
struct Part {
    written: String,
    roman: String,
}

impl Part {
    /// From a `written=Roman` table entry (or a Latin one alone).
    fn of(entry: &str) -> Part {
        let (written, roman) = split_name(entry);
        Part {
            written: written.to_string(),
            roman: roman.to_string(),
        }
    }

    /// From an entry that may hold a masculine and a feminine form
    /// (`Górecki/Górecka`, `Андрійович/Андріївна=Andriiovych/Andriivna`):
    /// the one that agrees with the given name at `index` (even: a
    /// woman's, see `Culture`).
    fn agreeing(entry: &str, index: usize) -> Part {
        let (written, roman) = split_name(entry);
        let form = |forms: &str| {
            let (masculine, feminine) = forms.split_once('/').unwrap_or((forms, forms));
            if index.is_multiple_of(2) {
                feminine
            } else {
                masculine
            }
            .to_string()
        };
        Part {
            written: form(written),
            roman: form(roman),
        }
    }
}

/// The name as written, and its given and family parts in Latin script,
/// in the culture's order (the email handle joins them).
pub(super) fn full_name(culture: &Culture, rng: &mut Rng) -> (String, (String, String)) {
    let (a, b) = (rng.next(), rng.next());
    let mut own = Rng::new(a, KIND_NAME, b);
    let (given, index) = given_name(culture, &mut own);
    let middle = middle_name(culture, index, &mut own);
    let family = family_name(culture, index, &mut own);
    let (first, second) = match culture.order {
        Order::GivenFirst => (&given, &family),
        Order::FamilyFirst | Order::Joined => (&family, &given),
    };
    let handle = (first.roman.clone(), second.roman.clone());
    let joined = matches!(culture.order, Order::Joined);
    let compose = |part: fn(&Part) -> &str| {
        let mut words = vec![part(first)];
        words.extend(middle.as_ref().map(part));
        words.push(part(second));
        words.join(if joined { "" } else { " " })
    };
    let mut name = compose(|p| &p.written);
    if !culture.latin && rng.chance(50) {
        let roman = match culture.order {
            Order::Joined => format!("{} {}", first.roman, second.roman),
            _ => compose(|p| &p.roman),
        };
        name = format!("{name} ({roman})");
    }
    (name, handle)
}

/// One given name and its place in the list, or (as Chinese and Korean
/// names mostly are) two syllables of the list: 晓 + 明 is 晓明, Xiaoming.
fn given_name(culture: &Culture, rng: &mut Rng) -> (Part, usize) {
    let index = rng.below(culture.given.len());
    let first = Part::of(culture.given[index]);
    let Extra::Syllables(percent) = culture.extra else {
        return (first, index);
    };
    if !rng.chance(percent) {
        return (first, index);
    }
    let second = Part::of(rng.pick::<&str>(culture.given));
    let syllables = Part {
        written: first.written + &second.written,
        roman: first.roman + &second.roman.to_lowercase(),
    };
    (syllables, index)
}

/// An entry of `list` at `parity` (0: a woman's name, 1: a man's; see
/// `Culture`) other than the one at `not`, if there is one.
fn same_gender(
    list: &'static [&'static str],
    parity: usize,
    not: Option<usize>,
    rng: &mut Rng,
) -> Option<&'static str> {
    let count = list.len().saturating_sub(parity).div_ceil(2);
    let excluded = not.is_some_and(|n| n % 2 == parity && n < list.len());
    if count <= usize::from(excluded) {
        return None;
    }
    loop {
        let candidate = parity + 2 * rng.below(count);
        if Some(candidate) != not {
            return Some(list[candidate]);
        }
    }
}

/// A middle initial, second given name, middle name, father's name or
/// patronymic, as the culture has them; `index` is the given name's place
/// in its list, which a gendered middle name agrees with.
fn middle_name(culture: &Culture, index: usize, rng: &mut Rng) -> Option<Part> {
    let percent = match culture.extra {
        Extra::Initial(percent)
        | Extra::SecondGiven(percent)
        | Extra::Middle(percent, _)
        | Extra::Father(percent, _)
        | Extra::Patronymic(percent, _) => percent,
        Extra::Plain | Extra::SecondFamily(_) | Extra::Syllables(_) => return None,
    };
    if !rng.chance(percent) {
        return None;
    }
    match culture.extra {
        Extra::Initial(_) => {
            let letter = char::from(*rng.pick::<u8>(INITIALS));
            Some(Part::of(&format!("{letter}.")))
        }
        Extra::SecondGiven(_) => {
            same_gender(culture.given, index % 2, Some(index), rng).map(Part::of)
        }
        Extra::Middle(_, pool) => same_gender(pool, index % 2, None, rng).map(Part::of),
        Extra::Father(_, pool) => Some(Part::of(rng.pick::<&str>(pool))),
        Extra::Patronymic(_, pool) => Some(Part::agreeing(rng.pick::<&str>(pool), index)),
        Extra::Plain | Extra::SecondFamily(_) | Extra::Syllables(_) => None,
    }
}

/// One family name, or two (Spain, Portugal): the first names the email.
/// A name with a woman's and a man's form takes the one that agrees with
/// the given name at `index`.
fn family_name(culture: &Culture, index: usize, rng: &mut Rng) -> Part {
    let first = Part::agreeing(rng.pick::<&str>(culture.family), index);
    let Extra::SecondFamily(percent) = culture.extra else {
        return first;
    };
    if culture.family.len() < 2 || !rng.chance(percent) {
        return first;
    }
    let second = loop {
        let other = Part::agreeing(rng.pick::<&str>(culture.family), index);
        if other.written != first.written {
            break other;
        }
    };
    Part {
        written: format!("{} {}", first.written, second.written),
        roman: first.roman,
    }
}

/// A name as written and its Latin form, from a `written=Roman` table entry.
pub(super) fn split_name(entry: &str) -> (&str, &str) {
    entry.split_once('=').unwrap_or((entry, entry))
}
