//! Text hygiene: what may be stored and shown, and how emails compare.
//!
//! Names and notes arrive from files, forms and command lines. Control
//! characters in them could move the cursor, set the clipboard (OSC 52) or
//! reorder what a reader sees (bidi overrides), so they are removed before a
//! value is stored, and again before anything is printed.

/// Removes C0 and C1 control characters, DEL, bidirectional overrides and
/// isolates, and zero-width characters. Tabs become spaces. Newlines survive
/// only when `keep_newlines` is set (notes), and `\r\n` becomes `\n`.
///
/// ```
/// use hireterm::domain::text::clean;
/// // An OSC 52 clipboard write and a right-to-left override, defused:
/// assert_eq!(clean("Eve\u{1b}]52;c;aGk=\u{7}\u{202E}", false), "Eve]52;c;aGk=");
/// assert_eq!(clean("line one\r\nline two", true), "line one\nline two");
/// ```
pub fn clean(text: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\n' if keep_newlines => out.push('\n'),
            '\t' => out.push(' '),
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// [`clean`] for one-line fields: also trims and folds runs of spaces.
pub fn clean_line(text: &str) -> String {
    let cleaned = clean(text, false);
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when `text` holds nothing that [`clean`] would remove.
pub fn is_clean(text: &str, allow_newlines: bool) -> bool {
    text.chars().all(|c| match c {
        '\n' => allow_newlines,
        c => c != '\t' && !is_unsafe(c),
    })
}

fn is_unsafe(c: char) -> bool {
    c.is_control() // C0, DEL and C1
        || matches!(c,
            '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM, RLM
            | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{FEFF}' // BOM / zero-width no-break space
            | '\u{061C}' // Arabic letter mark
        )
}

/// A character lower-cased and stripped of its accent, one for one (so
/// that positions in the folded text are positions in the original):
/// `É` → `e`, `ß` → `s`, `Ł` → `l`. Characters without a Latin base,
/// such as CJK, are only lower-cased.
pub fn fold_char(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    if lower.is_ascii() {
        return lower;
    }
    const GROUPS: [(&str, char); 25] = [
        ("àáâãäåāăąæ", 'a'),
        ("çćčĉċ", 'c'),
        ("ďđð", 'd'),
        ("èéêëēėęěĕ", 'e'),
        ("ğĝġģ", 'g'),
        ("ĥħ", 'h'),
        ("ìíîïīįıĩ", 'i'),
        ("ĵ", 'j'),
        ("ķ", 'k'),
        ("łľĺļ", 'l'),
        ("ñńňņ", 'n'),
        ("òóôõöøōőœơ", 'o'),
        ("řŕ", 'r'),
        ("śšşșßŝ", 's'),
        ("ťțþ", 't'),
        ("ùúûüūůűũưų", 'u'),
        ("ŵ", 'w'),
        ("ýÿŷ", 'y'),
        ("źżž", 'z'),
        ("ạảấầẩẫậắằẳẵặ", 'a'),
        ("ẹẻẽếềểễệ", 'e'),
        ("ịỉ", 'i'),
        ("ọỏốồổỗộớờởỡợ", 'o'),
        ("ụủứừửữự", 'u'),
        ("ỳỵỷỹ", 'y'),
    ];
    GROUPS
        .iter()
        .find(|(group, _)| group.contains(lower))
        .map_or(lower, |(_, base)| *base)
}

/// [`fold_char`] over a whole text: "José García" → "jose garcia".
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// The form of an email address used for identity: trimmed and lower-cased.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A loose shape check: one `@`, something before it, a dot after it, and no
/// spaces. Deliverability is not our business; typos are.
pub fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
}

/// The separator of the items of a list written on one line:
/// `remote; senior`. The same notation serves the forms and the importer.
pub const LIST_SEPARATOR: char = ';';

/// Splits a one-line list on `;`. A `\;` is a semicolon inside an item and
/// `\\` a backslash; any other backslash stays as written, so `C:\path`
/// survives. Items are trimmed and empty ones dropped.
///
/// ```
/// use hireterm::domain::text::split_list;
/// assert_eq!(split_list(r"Zürich, CH; a\;b;; "), ["Zürich, CH", "a;b"]);
/// ```
pub fn split_list(line: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut item = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(next @ (LIST_SEPARATOR | '\\')) => item.push(next),
                Some(other) => {
                    item.push('\\');
                    item.push(other);
                }
                None => item.push('\\'),
            },
            LIST_SEPARATOR => end_item(&mut items, &mut item),
            c => item.push(c),
        }
    }
    end_item(&mut items, &mut item);
    items
}

/// Moves the item read so far, trimmed, into `items` unless it is empty.
fn end_item(items: &mut Vec<String>, item: &mut String) {
    let trimmed = item.trim();
    if !trimmed.is_empty() {
        items.push(trimmed.to_string());
    }
    item.clear();
}

/// The inverse of [`split_list`]: items escaped and joined with `; `.
/// Trimmed, non-empty items split back exactly as they were.
pub fn join_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let escaped: Vec<String> = items
        .into_iter()
        .map(|item| item.replace('\\', "\\\\").replace(LIST_SEPARATOR, "\\;"))
        .collect();
    escaped.join("; ")
}

/// `1,130`, `100,000`, `-2,500`: a number read at a glance, its
/// thousands grouped with commas (days, counts, progress).
pub fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_split_on_unescaped_semicolons_trimmed() {
        assert_eq!(split_list("remote; senior"), ["remote", "senior"]);
        assert_eq!(split_list("Zürich, CH"), ["Zürich, CH"]);
        assert_eq!(split_list(r"a\;b; c\\"), ["a;b", "c\\"]);
        assert_eq!(split_list(r"C:\path; \x"), [r"C:\path", r"\x"]);
        assert_eq!(split_list(r"trailing\"), [r"trailing\"]);
        assert_eq!(split_list(" ;; a ;  ; "), ["a"]);
        assert!(split_list("").is_empty());
        assert!(split_list("  ").is_empty());
    }

    #[test]
    fn joined_lists_split_back() {
        let items = [
            "a;b",
            "back\\slash",
            "Zürich, CH",
            "trailing\\",
            "\\;",
            "ends;",
            r"C:\path\;x",
            "王芳 🚀",
        ];
        let joined = join_list(items);
        assert_eq!(split_list(&joined), items, "{joined}");
        assert_eq!(join_list(["a;b", "c\\d", "e"]), r"a\;b; c\\d; e");
        assert_eq!(join_list([]), "");
    }

    use super::*;

    #[test]
    fn clean_strips_escapes_bidi_and_c1() {
        let hostile = "Eve\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\r\u{9b}31m\u{202E}gnp.exe\u{200B}";
        let cleaned = clean(hostile, false);
        assert_eq!(cleaned, "Eve]52;c;aGk=[2J31mgnp.exe");
        assert!(is_clean(&cleaned, false));
        assert!(!is_clean(hostile, false));
        assert!(
            is_clean("line one\nline two", true),
            "newlines, when allowed"
        );
        assert!(!is_clean("line one\nline two", false));
        assert!(!is_clean("line one\r\nline two", true));
    }

    #[test]
    fn clean_keeps_newlines_only_when_asked() {
        assert!(is_clean("a\nb", true) && !is_clean("a\nb", false));
        assert!(!is_clean("a\n\u{1b}b", true) && !is_clean("a\rb", true));
        assert_eq!(clean("a\r\nb", true), "a\nb");
        assert_eq!(clean("a\r\nb", false), "ab");
        assert_eq!(clean_line("  José \t García\n"), "José García");
    }

    #[test]
    fn clean_keeps_accents_cjk_and_emoji() {
        let name = "Zoë 王芳 🚀 Łukasz";
        assert_eq!(clean(name, false), name);
    }

    #[test]
    fn folding_keeps_one_char_per_char() {
        assert_eq!(fold("José García"), "jose garcia");
        assert_eq!(fold("Łukasz Wójcik"), "lukasz wojcik");
        assert_eq!(fold("Nguyễn Văn Đức"), "nguyen van duc");
        assert_eq!(fold("Straße"), "strase");
        assert_eq!(fold("王芳").chars().count(), 2);
    }

    #[test]
    fn emails_compare_trimmed_and_lowercased() {
        assert_eq!(
            normalize_email("  Ana.Silva@Example.COM "),
            "ana.silva@example.com"
        );
        assert!(is_plausible_email("ana@example.com"));
        assert!(!is_plausible_email("ana@example"));
        assert!(!is_plausible_email("ana example@x.com"));
        assert!(!is_plausible_email("@x.com"));
        assert!(!is_plausible_email("a@b@c.com"));
    }
}
