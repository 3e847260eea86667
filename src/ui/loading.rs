//! What a local terminal shows while the records load: without it a
//! large database showed nothing at all for seconds (four at 1,000,000
//! candidates), as if hireterm had hung.

use super::Theme;
use crate::domain::text::clean_line;
use crate::domain::text::grouped;
use ratatui::Frame;
use ratatui::text::Line;

/// How far the loading has come: records read of those there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loading {
    pub read: usize,
    pub of: usize,
}

impl Loading {
    /// "loading 43 % (43,000 of 100,000 candidates)"; once every
    /// candidate is read, the rest (pipelines, notes, the screen).
    pub fn text(self) -> String {
        if self.read >= self.of {
            return "preparing the screen".into();
        }
        let percent = self.read * 100 / self.of.max(1);
        format!(
            "loading {percent} % ({} of {} candidates)",
            grouped(self.read as i64),
            grouped(self.of as i64)
        )
    }
}

/// The loading frame: the database and how far the loading has come,
/// in the middle of the screen.
pub fn render(frame: &mut Frame, database: &str, loading: Loading, theme: &Theme) {
    render_lines(frame, &["hireterm", database, &loading.text()], theme);
}

/// A pane while the candidates are still read behind the first screen:
/// the pane itself if it does not need them all, else how far the read
/// has come.
pub fn render_waiting(
    frame: &mut Frame,
    area: ratatui::layout::Rect,
    app: &crate::app::App,
    state: &crate::app::records::LoadState,
    theme: &Theme,
) {
    if !app.pane_waits_for_candidates() {
        return super::render_pane(frame, area, app, theme);
    }
    use crate::app::Action;
    let waiting = crate::app::loading::waiting_text(state);
    let key = |action| {
        let keys = app.keymap().keys_for(app.context(), action);
        keys.first()
            .map_or(String::new(), |key| format!(" ({key})"))
    };
    let works = format!(
        "My work{}, the pipeline{} and a person's detail work now",
        key(Action::ShowHome),
        key(Action::ShowPipeline)
    );
    let lines = [
        Line::styled("This pane needs every candidate", theme.title()),
        Line::raw(clean_line(&waiting)),
        Line::raw(clean_line(&works)),
    ];
    super::too_small::centered(frame, area, lines.into());
}

/// Lines in the middle of the screen, the first as a title, each
/// cleaned of control characters (a path, an open's progress line).
pub fn render_lines(frame: &mut Frame, lines: &[&str], theme: &Theme) {
    let lines: Vec<Line> = (lines.iter().enumerate())
        .map(|(index, text)| match index {
            0 => Line::styled(clean_line(text), theme.title()),
            _ => Line::raw(clean_line(text)),
        })
        .collect();
    super::too_small::centered(frame, frame.area(), lines);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_says_how_far_in_words_and_grouped_numbers() {
        let text = |read, of| Loading { read, of }.text();
        assert_eq!(
            text(430_000, 1_000_000),
            "loading 43 % (430,000 of 1,000,000 candidates)"
        );
        assert_eq!(text(0, 7), "loading 0 % (0 of 7 candidates)");
        assert_eq!(text(7, 7), "preparing the screen");
        assert_eq!(text(0, 0), "preparing the screen");
    }
}
