//! Copying to the clipboard of the terminal the user sits at, with OSC 52:
//! the app asks the terminal itself (`ESC ] 52 ; c ; BASE64 BEL`), so it
//! works the same locally and over SSH. The app only queues the bytes
//! (`App::take_terminal_output`); each frontend writes them through the
//! writer its frames go through.

/// The OSC 52 sequence that sets the clipboard to `text`. Base64 leaves
/// nothing in it a terminal could take for a control character.
pub fn osc52(text: &str) -> Vec<u8> {
    let mut out = b"\x1b]52;c;".to_vec();
    out.extend(base64(text.as_bytes()));
    out.push(0x07);
    out
}

/// Standard base64 with padding (RFC 4648 §4).
fn base64(bytes: &[u8]) -> Vec<u8> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, &b| (n << 8) | u32::from(b));
        let n = n << (8 * (3 - chunk.len()));
        for i in 0..4 {
            out.push(match i <= chunk.len() {
                true => ALPHABET[((n >> (18 - 6 * i)) & 63) as usize],
                false => b'=',
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_the_rfc_gives_it() {
        for (text, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(text.as_bytes()), encoded.as_bytes(), "{text}");
        }
        assert_eq!(
            osc52("ana@example.com"),
            b"\x1b]52;c;YW5hQGV4YW1wbGUuY29t\x07"
        );
    }
}
