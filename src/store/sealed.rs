//! Small text files that must never be read torn or tampered with (the
//! clean-close marker, a backup's manifest): their last line is the CRC
//! of everything above it.

/// `body` with its sealing line added.
pub fn seal(mut body: String) -> String {
    body.push_str(&format!("end\t{:08x}\n", crc32fast::hash(body.as_bytes())));
    body
}

/// The body of a sealed `text`, if its last line is the body's CRC.
pub fn unseal(text: &str) -> Option<&str> {
    let body_end = text.trim_end_matches('\n').rfind('\n')? + 1;
    let (body, end) = text.split_at(body_end);
    let sum = end.trim_end().strip_prefix("end\t")?;
    (u32::from_str_radix(sum, 16).ok()? == crc32fast::hash(body.as_bytes())).then_some(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_text_opens_and_any_change_breaks_the_seal() {
        let text = seal("head\nline\n".to_string());
        assert_eq!(unseal(&text), Some("head\nline\n"));
        assert_eq!(unseal(&text.replace("line", "lime")), None);
        assert_eq!(unseal("head\nline\n"), None);
    }
}
