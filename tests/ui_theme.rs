//! Terminal manners: 16 base colours by default, none under NO_COLOR
//! (selection in reverse video).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::ui::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

fn drawn(theme: Theme, keys: &str) -> ratatui::buffer::Buffer {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 40, 3), 120, 40);
    press(&mut app, keys);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|frame| hireterm::ui::render(frame, &app, &theme))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn is_base16(color: Color) -> bool {
    !matches!(color, Color::Rgb(..) | Color::Indexed(_))
}

#[test]
fn no_color_draws_no_colour_and_selects_in_reverse_video() {
    for keys in ["j", "2", "3 j"] {
        let buffer = drawn(Theme::MONO, keys);
        for cell in buffer.content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "{keys}: {cell:?}"
            );
        }
        assert!(
            buffer
                .content()
                .iter()
                .any(|c| c.modifier.contains(Modifier::REVERSED)),
            "{keys}"
        );
    }
}

#[test]
fn colour_uses_only_the_sixteen_base_colours() {
    for keys in ["j", "2", "3 j", "enter"] {
        let buffer = drawn(Theme::COLOR, keys);
        assert!(
            buffer
                .content()
                .iter()
                .any(|c| c.fg != Color::Reset || c.bg != Color::Reset),
            "{keys}"
        );
        for cell in buffer.content() {
            assert!(is_base16(cell.fg) && is_base16(cell.bg), "{keys}: {cell:?}");
        }
    }
}
