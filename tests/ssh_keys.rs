#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The SSH session's byte decoder: what a terminal sends, as the app's input.

mod common;

use common::rng::TestRng;
use hireterm::app::input::{Input, Key, KeyCode, Mods};
use hireterm::serve::keys::{KeyDecoder, MAX_PASTE_BYTES};

fn plain(code: KeyCode) -> Input {
    Input::Key(Key::plain(code))
}

fn with(code: KeyCode, ctrl: bool, alt: bool, shift: bool) -> Input {
    Input::Key(Key {
        code,
        mods: Mods { ctrl, alt, shift },
    })
}

fn chars(text: &str) -> Vec<Input> {
    text.chars().map(|c| Input::Key(Key::char(c))).collect()
}

fn decode(bytes: &[u8]) -> Vec<Input> {
    KeyDecoder::new().feed(bytes)
}

#[test]
fn arrows_home_end_in_both_cursor_modes() {
    let expected = [
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Right,
        KeyCode::Left,
        KeyCode::Home,
        KeyCode::End,
    ]
    .map(plain);
    assert_eq!(decode(b"\x1b[A\x1b[B\x1b[C\x1b[D\x1b[H\x1b[F"), expected);
    assert_eq!(decode(b"\x1bOA\x1bOB\x1bOC\x1bOD\x1bOH\x1bOF"), expected);
}

#[test]
fn page_keys_delete_function_keys_and_modifiers() {
    assert_eq!(
        decode(b"\x1b[5~\x1b[6~\x1b[3~\x1b[1~\x1b[4~"),
        [
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Delete,
            KeyCode::Home,
            KeyCode::End
        ]
        .map(plain)
    );
    assert_eq!(
        decode(b"\x1bOP\x1b[15~\x1b[24~"),
        [KeyCode::F(1), KeyCode::F(5), KeyCode::F(12)].map(plain)
    );
    assert_eq!(
        decode(b"\x1b[1;5A\x1b[1;3B\x1b[1;2C\x1b[Z"),
        vec![
            with(KeyCode::Up, true, false, false),
            with(KeyCode::Down, false, true, false),
            with(KeyCode::Right, false, false, true),
            plain(KeyCode::BackTab),
        ]
    );
}

#[test]
fn control_bytes_are_enter_tab_backspace_and_ctrl_chords() {
    assert_eq!(
        decode(b"\r\t\x7f\x08\x02\x12\x03"),
        vec![
            plain(KeyCode::Enter),
            plain(KeyCode::Tab),
            plain(KeyCode::Backspace),
            plain(KeyCode::Backspace),
            Input::Key(Key::ctrl('b')),
            Input::Key(Key::ctrl('r')),
            Input::Key(Key::ctrl('c')),
        ]
    );
}

#[test]
fn a_lone_esc_waits_for_the_timer_then_is_the_esc_key() {
    let mut decoder = KeyDecoder::new();
    assert_eq!(decoder.feed(b"\x1b"), vec![]);
    assert!(decoder.is_waiting());
    assert_eq!(decoder.flush(), vec![plain(KeyCode::Esc)]);
    assert!(!decoder.is_waiting());
    // Esc pressed twice quickly, then the timer.
    assert_eq!(decoder.feed(b"\x1b\x1b"), vec![]);
    assert_eq!(decoder.flush(), vec![plain(KeyCode::Esc); 2]);
    // Esc then a key typed before the timer: that is Alt + key...
    assert_eq!(
        decoder.feed(b"\x1bj"),
        vec![with(KeyCode::Char('j'), false, true, false)]
    );
    // ...but Esc, a pause, then the key is two keys.
    decoder.feed(b"\x1b");
    assert_eq!(decoder.flush(), vec![plain(KeyCode::Esc)]);
    assert_eq!(decoder.feed(b"j"), chars("j"));
}

#[test]
fn esc_before_a_sequence_is_its_own_key() {
    assert_eq!(
        decode(b"\x1b\x1b[A"),
        vec![plain(KeyCode::Esc), plain(KeyCode::Up)]
    );
}

#[test]
fn alt_keys_and_utf8_text() {
    assert_eq!(
        decode("\x1bxé日\x1bé".as_bytes()),
        vec![
            with(KeyCode::Char('x'), false, true, false),
            Input::Key(Key::char('é')),
            Input::Key(Key::char('日')),
            with(KeyCode::Char('é'), false, true, false),
        ]
    );
    assert_eq!(decode("Zoë 🚀".as_bytes()), chars("Zoë 🚀"));
}

#[test]
fn sequences_and_characters_split_across_packets() {
    let stream = "\x1b[1;5A日\x1b[6~🚀\x1bOB".as_bytes();
    let whole = decode(stream);
    assert_eq!(whole.len(), 5);
    for split in 1..stream.len() {
        let mut decoder = KeyDecoder::new();
        let mut got = decoder.feed(&stream[..split]);
        got.extend(decoder.feed(&stream[split..]));
        assert_eq!(got, whole, "split at byte {split}");
    }
    let mut decoder = KeyDecoder::new();
    let one_by_one: Vec<Input> = stream.iter().flat_map(|b| decoder.feed(&[*b])).collect();
    assert_eq!(one_by_one, whole);
}

#[test]
fn bracketed_paste_is_one_input_even_when_split() {
    let stream = b"a\x1b[200~line one\r\n\x1b[Ainjected\x1b[201~b";
    for split in 1..stream.len() {
        let mut decoder = KeyDecoder::new();
        let mut got = decoder.feed(&stream[..split]);
        got.extend(decoder.feed(&stream[split..]));
        assert_eq!(
            got,
            vec![
                Input::Key(Key::char('a')),
                Input::Paste("line one\r\n\x1b[Ainjected".into()),
                Input::Key(Key::char('b')),
            ],
            "split at byte {split}"
        );
    }
}

#[test]
fn an_absurd_paste_is_capped_and_input_goes_on() {
    let mut decoder = KeyDecoder::new();
    decoder.feed(b"\x1b[200~");
    let chunk = vec![b'x'; 64 * 1024];
    for _ in 0..40 {
        assert_eq!(decoder.feed(&chunk), vec![]);
    }
    let got = decoder.feed(b"\x1b[201~q");
    let Input::Paste(text) = &got[0] else {
        panic!("{got:?}")
    };
    assert_eq!(text.len(), MAX_PASTE_BYTES);
    assert_eq!(got[1], Input::Key(Key::char('q')));
}

#[test]
fn unknown_sequences_and_invalid_bytes_are_dropped_not_typed() {
    // A mouse report the app does not use (motion; clicks and the wheel
    // are read: terminal_habits.rs), an unknown CSI, a stray continuation
    // byte, 0xff.
    assert_eq!(decode(b"\x1b[<32;10;5M\x1b[99x\x80\xffq"), chars("q"));
    // A runaway sequence never ends in a final byte: dropped, then input goes on.
    let mut decoder = KeyDecoder::new();
    let mut runaway = b"\x1b[".to_vec();
    runaway.extend(std::iter::repeat_n(b'1', 100));
    assert_eq!(decoder.feed(&runaway), vec![]);
    assert_eq!(decoder.feed(b"q"), chars("q"));
}

/// Random bytes, heavy on ESC and `[` so that they make many partial and
/// unknown sequences, never panic the decoder, and never leave it stuck:
/// once flushed (what the session's ESC timer does), the next key typed
/// reads as exactly that key.
#[test]
fn arbitrary_bytes_never_panic_and_the_decoder_recovers() {
    let mut rng = TestRng::new(0x2545_f491_4f6c_dd1d);
    for round in 0..5_000 {
        let mut decoder = KeyDecoder::new();
        for _ in 0..8 {
            let len = rng.below(24);
            let bytes: Vec<u8> = (0..len)
                .map(|_| match rng.below(4) {
                    0 => 0x1b,
                    1 => b'[',
                    _ => rng.byte(),
                })
                .collect();
            decoder.feed(&bytes);
            if rng.below(3) == 0 {
                decoder.flush();
            }
        }
        decoder.flush();
        assert!(
            !decoder.is_waiting(),
            "round {round}: still waiting after a flush"
        );
        assert_eq!(decoder.feed(b"q"), chars("q"), "round {round}");
    }
}
