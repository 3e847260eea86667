//! The nearest known word to a mistyped one: a field name, a skill, a
//! role, a stage, a source. Edit distance (Damerau-Levenshtein, relative
//! to length) catches typos; a prefix catches a word cut short
//! (`eng` → `engagement`).

/// Below this relative similarity a word is not offered: `x` is not a
/// typo of `tz`.
const CLOSE_ENOUGH: f64 = 0.5;

/// Longer than any name the catalog knows: past this a pasted paragraph
/// is no typo, and comparing it (length times length, per known word, per
/// keystroke in the filter line) would only cost time.
const LONGEST_TYPO: usize = 64;

/// The known word nearest to `typed` (compared in lower case), if any is
/// close enough; ties go to the earlier word.
pub(crate) fn nearest<'a>(typed: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() || typed.chars().count() > LONGEST_TYPO {
        return None;
    }
    let mut best: Option<(f64, &str)> = None;
    for word in known {
        let score = similarity(&typed, &word.to_lowercase());
        if score >= CLOSE_ENOUGH && best.is_none_or(|(top, _)| score > top) {
            best = Some((score, word));
        }
    }
    best.map(|(_, word)| word.to_string())
}

/// 1 for the same word, 0 for nothing in common; a word that begins with
/// `typed` (two letters or more) counts as close.
fn similarity(typed: &str, word: &str) -> f64 {
    let edit = strsim::normalized_damerau_levenshtein(typed, word);
    let prefix = typed.chars().count() >= 2 && word.starts_with(typed);
    if prefix { edit.max(CLOSE_ENOUGH) } else { edit }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: [&str; 4] = ["skill", "stage", "tz", "engagement"];

    #[test]
    fn typos_find_their_word() {
        assert_eq!(nearest("skil", FIELDS), Some("skill".into()));
        assert_eq!(nearest("STAGE", FIELDS).as_deref(), Some("stage"));
        assert_eq!(
            nearest("kubernets", ["kubernetes", "k8s"]).as_deref(),
            Some("kubernetes")
        );
    }

    #[test]
    fn a_word_cut_short_finds_its_end() {
        assert_eq!(nearest("eng", FIELDS), Some("engagement".into()));
    }

    #[test]
    fn nothing_close_is_nothing_offered() {
        assert_eq!(nearest("x", FIELDS), None);
        assert_eq!(nearest("banana", FIELDS), None);
        assert_eq!(nearest("", FIELDS), None);
        assert_eq!(nearest(&"skill".repeat(20), FIELDS), None);
    }
}
