//! A cursor over a list too long for the screen: what is selected and
//! which row is at the top.

use super::action::Action;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    /// The first visible row.
    pub offset: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    Up,
    Down,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
}

impl Motion {
    pub fn from_action(action: Action) -> Option<Motion> {
        Some(match action {
            Action::Up => Motion::Up,
            Action::Down => Motion::Down,
            Action::Top => Motion::Top,
            Action::Bottom => Motion::Bottom,
            Action::HalfPageDown => Motion::HalfPageDown,
            Action::HalfPageUp => Motion::HalfPageUp,
            Action::PageDown => Motion::PageDown,
            Action::PageUp => Motion::PageUp,
            _ => return None,
        })
    }
}

impl ListCursor {
    /// Moves over a list of `len` rows of which `page` fit on screen.
    pub fn apply(&mut self, motion: Motion, len: usize, page: usize) {
        let last = len.saturating_sub(1);
        let page = page.max(1);
        self.selected = match motion {
            Motion::Up => self.selected.saturating_sub(1),
            Motion::Down => self.selected + 1,
            Motion::Top => 0,
            Motion::Bottom => last,
            Motion::HalfPageDown => self.selected + page.div_ceil(2),
            Motion::HalfPageUp => self.selected.saturating_sub(page.div_ceil(2)),
            Motion::PageDown => self.selected + page,
            Motion::PageUp => self.selected.saturating_sub(page),
        }
        .min(last);
        self.keep_visible(page);
    }

    /// Clamps to a list that may have shrunk.
    pub fn clamp(&mut self, len: usize, page: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        self.keep_visible(page.max(1));
    }

    fn keep_visible(&mut self, page: usize) {
        self.offset = visible_offset(self.offset, self.selected, page);
    }
}

/// `▼` for a descending order, `▲` for an ascending one.
pub fn arrow(descending: bool) -> &'static str {
    if descending { "▼" } else { "▲" }
}

/// "sorted by rate ▼": how every table says its sort, in its title (and
/// the header of the column sorted carries the same arrow).
pub fn sorted_by(name: &str, descending: bool) -> String {
    format!("sorted by {name} {}", arrow(descending))
}

/// The top row that keeps `selected` on a screen of `page` rows, moving
/// as little as possible from `offset`.
pub fn visible_offset(offset: usize, selected: usize, page: usize) -> usize {
    if selected < offset {
        selected
    } else if selected >= offset + page.max(1) {
        selected + 1 - page.max(1)
    } else {
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_clamp_and_scroll_minimally() {
        let mut c = ListCursor::default();
        c.apply(Motion::Down, 100, 10);
        assert_eq!(
            c,
            ListCursor {
                selected: 1,
                offset: 0
            }
        );
        c.apply(Motion::HalfPageDown, 100, 10);
        c.apply(Motion::HalfPageDown, 100, 10);
        assert_eq!(
            c,
            ListCursor {
                selected: 11,
                offset: 2
            }
        );
        c.apply(Motion::Bottom, 100, 10);
        assert_eq!(
            c,
            ListCursor {
                selected: 99,
                offset: 90
            }
        );
        c.apply(Motion::PageDown, 100, 10);
        assert_eq!(c.selected, 99);
        c.apply(Motion::Top, 100, 10);
        assert_eq!(
            c,
            ListCursor {
                selected: 0,
                offset: 0
            }
        );
        c.apply(Motion::Up, 0, 10);
        assert_eq!(c.selected, 0);
    }
}
