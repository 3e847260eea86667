//! The mouse, where a frontend turned it on: a click selects the tab, row
//! or card under it (as the last frame drew them: `screen_map.rs`), the
//! wheel moves as the arrow keys do, three rows a notch.

use super::input::{Mouse, MouseKind};
use super::screen_map::{List, Spot};
use super::{Action, App, Pane};

/// Rows a notch of the wheel moves.
const WHEEL_ROWS: usize = 3;

impl App {
    pub(super) fn mouse(&mut self, mouse: Mouse) {
        match mouse.kind {
            MouseKind::ScrollUp => self.wheel(Action::Up),
            MouseKind::ScrollDown => self.wheel(Action::Down),
            MouseKind::Click => self.click(mouse.column, mouse.row),
        }
    }

    fn wheel(&mut self, action: Action) {
        for _ in 0..WHEEL_ROWS {
            self.update(action);
        }
    }

    /// A click on a prompt does nothing: its keys say what it wants.
    fn click(&mut self, column: u16, row: u16) {
        if self.overlay.is_some() {
            return;
        }
        let Some(spot) = self.screen.at(column, row) else {
            return;
        };
        self.copy_step = None;
        let page = self.page_rows();
        match spot {
            Spot::Tab(pane) => self.show(pane),
            Spot::Row { list, index } => self.select_row(list, index, page),
            Spot::Card { column, row } => {
                let data = std::sync::Arc::clone(&self.data);
                let board = self.views.board(&data);
                self.pipeline.column = column;
                if let Some(cursor) = self.pipeline.cards.get_mut(column) {
                    cursor.selected = row;
                }
                self.pipeline.clamp(&board, page);
            }
        }
    }

    fn select_row(&mut self, list: List, index: usize, page: usize) {
        let (cursor, len) = match list {
            List::Candidates if self.pane == Pane::Candidates => {
                (&mut self.candidates.cursor, self.candidates.order.len())
            }
            List::Matrix => (&mut self.matrix.rows, self.matrix.order.len()),
            List::Attention => (&mut self.attention.cursor, self.views.attention().len()),
            List::Home => (&mut self.home.cursor, self.views.home().len()),
            List::Bench => (&mut self.bench.cursor, self.views.bench().len()),
            List::Activity => (&mut self.activity_cursor, self.activity.len()),
            List::Candidates => return,
        };
        cursor.selected = index;
        cursor.clamp(len, page);
    }
}
