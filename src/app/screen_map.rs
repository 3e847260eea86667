//! What the last frame put where, as drawing found it: the places a mouse
//! click can land on (a tab, a row, a card) and how far the candidate
//! detail can scroll. Drawing takes `&App`, so it writes here through
//! cells; the app reads it when a click or a motion needs the layout, and
//! never has to repeat the drawing's arithmetic.

use super::Pane;
use std::cell::{Cell, RefCell};

/// A rectangle of the screen, in cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Area {
    pub fn contains(&self, column: u16, row: u16) -> bool {
        (self.x..self.x.saturating_add(self.width)).contains(&column)
            && (self.y..self.y.saturating_add(self.height)).contains(&row)
    }
}

/// The lists a click selects a row of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Candidates,
    Matrix,
    Attention,
    Home,
    Bench,
    Activity,
}

/// What is drawn at a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    Tab(Pane),
    /// Row `index` of a list (its index in the whole list, not on screen).
    Row {
        list: List,
        index: usize,
    },
    /// The card at `row` of the board's `column`.
    Card {
        column: usize,
        row: usize,
    },
}

#[derive(Debug)]
pub struct ScreenMap {
    spots: RefCell<Vec<(Area, Spot)>>,
    /// The detail's last scroll position that still fills the screen.
    detail_last_top: Cell<u16>,
}

impl Default for ScreenMap {
    fn default() -> Self {
        ScreenMap {
            spots: RefCell::new(Vec::new()),
            // Not drawn yet: no bound known.
            detail_last_top: Cell::new(u16::MAX),
        }
    }
}

impl ScreenMap {
    /// Forgets the last frame's places, as a new frame starts.
    pub fn clear(&self) {
        self.spots.borrow_mut().clear();
    }

    pub fn mark(&self, area: Area, spot: Spot) {
        self.spots.borrow_mut().push((area, spot));
    }

    /// What is at a cell; the last drawn wins (an overlay over a pane).
    pub fn at(&self, column: u16, row: u16) -> Option<Spot> {
        let spots = self.spots.borrow();
        let hit = spots
            .iter()
            .rev()
            .find(|(area, _)| area.contains(column, row));
        hit.map(|(_, spot)| *spot)
    }

    pub fn set_detail_last_top(&self, top: u16) {
        self.detail_last_top.set(top);
    }

    pub fn detail_last_top(&self) -> u16 {
        self.detail_last_top.get()
    }
}
