//! What drawing keeps from one frame to the next (held by the app, see
//! `app/frame_memo.rs`): the candidates table's rows as they were last
//! cut to their columns. A cursor move draws the same rows as the frame
//! before, and building their text (skills named, dates worked out, each
//! cut to its column) was most of a frame's time; kept, a frame copies it.
//!
//! What is kept is exactly what would be built again: it is keyed by all
//! that the text depends on, the records' snapshot first (a snapshot never
//! changes; another is taken for every write, this session's or
//! another's), and forgotten when any of that changes.

use super::KeptText;
use crate::app::candidates::Column;
use crate::app::records::data::Data;
use crate::app::{App, Context};
use crate::domain::SkillId;
use chrono::NaiveDate;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::collections::HashMap;
use std::sync::{Arc, Weak};

/// Everything drawing keeps.
#[derive(Default)]
pub struct Memo {
    pub rows: TableRows,
    /// The tabs line, by all it depends on, and where each tab is.
    pub tabs: Stamp<TabsKey>,
    pub tab_marks: Vec<(Rect, crate::app::Pane)>,
    /// The status line's key hints, by context, list-or-board and room.
    pub hints: Option<((Context, bool, usize), String)>,
    /// The candidates table's frame.
    pub table_box: Stamp<(Rect, String, Style)>,
}

/// Runs `f` with what drawing kept for `app`.
pub fn with<R>(app: &App, f: impl FnOnce(&mut Memo) -> R) -> R {
    app.frame_memo().with(f)
}

/// The status line's key hints for `width` (made by `make`), as kept
/// from the last frame when the context and the room are the same (the
/// keymap never changes).
pub fn hints(app: &App, width: usize, make: impl FnOnce() -> String) -> String {
    let key = (app.context(), app.pipeline_as_list(), width);
    with(app, |memo| match &memo.hints {
        Some((kept, text)) if *kept == key => text.clone(),
        _ => {
            let text = make();
            memo.hints = Some((key, text.clone()));
            text
        }
    })
}

/// What a row's text depends on besides its candidate and mark.
#[derive(Debug, Clone)]
pub struct RowsKey {
    /// The snapshot; held weakly, so that it is not kept alive for this,
    /// and its address is not taken by another while this is kept.
    pub data: Weak<Data>,
    /// The skills "Top skills" puts first.
    pub focus: Vec<SkillId>,
    /// "Available" compares with today.
    pub today: NaiveDate,
    /// The columns shown and their widths.
    pub columns: Vec<(Column, u16)>,
}

impl RowsKey {
    pub fn new(data: &Arc<Data>, focus: Vec<SkillId>, today: NaiveDate) -> RowsKey {
        RowsKey {
            data: Arc::downgrade(data),
            focus,
            today,
            columns: Vec::new(),
        }
    }

    fn same(&self, other: &RowsKey) -> bool {
        Weak::ptr_eq(&self.data, &other.data)
            && self.focus == other.focus
            && self.today == other.today
            && self.columns == other.columns
    }
}

/// A row: by candidate (its index in the snapshot) and whether it is
/// marked.
type RowId = (u32, bool);

/// The table's rows of the last frame, each its cells' text as cut to
/// the columns. Only the last frame's rows are kept: memory stays a
/// screenful per session, however far the cursor travels.
#[derive(Default)]
pub struct TableRows {
    key: Option<RowsKey>,
    last: HashMap<RowId, Vec<KeptText>>,
    this: HashMap<RowId, Vec<KeptText>>,
}

impl TableRows {
    /// Starts a frame: what was kept under another key is forgotten.
    pub fn start(&mut self, key: RowsKey) {
        let same = self.key.as_ref().is_some_and(|kept| kept.same(&key));
        self.last = std::mem::take(&mut self.this);
        if !same {
            self.last.clear();
        }
        self.key = Some(key);
    }

    /// A row's cells, kept from the last frame or made by `make`.
    pub fn row(&mut self, id: RowId, make: impl FnOnce() -> Vec<KeptText>) -> &[KeptText] {
        let cells = match self.last.remove(&id) {
            Some(kept) => kept,
            None => make(),
        };
        self.this.entry(id).or_insert(cells)
    }
}

/// All the tabs line depends on: the pane, the filter, the engagement
/// (its title and client, by the snapshot they are read from), the room.
#[derive(Debug, Clone)]
pub struct TabsKey {
    area: Rect,
    theme: super::Theme,
    pane: crate::app::Pane,
    filter: Option<String>,
    engagement: Option<crate::domain::EngagementId>,
    data: std::sync::Weak<crate::app::records::data::Data>,
}

impl TabsKey {
    pub fn of(app: &App, area: Rect, theme: &super::Theme) -> TabsKey {
        TabsKey {
            area,
            theme: *theme,
            pane: app.pane(),
            filter: app.candidates().filter.as_ref().map(|f| f.text.clone()),
            engagement: app.engagement().map(|e| e.id),
            data: std::sync::Arc::downgrade(app.data_shared()),
        }
    }
}

impl PartialEq for TabsKey {
    fn eq(&self, other: &TabsKey) -> bool {
        self.area == other.area
            && self.theme == other.theme
            && self.pane == other.pane
            && self.filter == other.filter
            && self.engagement == other.engagement
            && std::sync::Weak::ptr_eq(&self.data, &other.data)
    }
}

/// The cells a widget drew over an empty area, kept by what it was drawn
/// from: drawn again, on an area as empty, it puts back just these.
pub struct Stamp<K> {
    kept: Option<(K, Vec<(usize, Cell)>)>,
}

impl<K> Default for Stamp<K> {
    fn default() -> Self {
        Stamp { kept: None }
    }
}

impl<K: PartialEq> Stamp<K> {
    /// Whether what is kept was drawn from `key`.
    pub fn holds(&self, key: &K) -> bool {
        matches!(&self.kept, Some((kept, _)) if kept == key)
    }

    /// Draws what `draw` draws over `area` (which must hold only empty
    /// cells, as a pane's area does before anything is drawn in it).
    pub fn draw(
        &mut self,
        buffer: &mut Buffer,
        area: Rect,
        key: K,
        draw: impl FnOnce(&mut Buffer),
    ) {
        if !self.holds(&key) {
            let mut scratch = Buffer::empty(area);
            draw(&mut scratch);
            let empty = Cell::EMPTY;
            let drawn = scratch.content.into_iter().enumerate();
            let cells = drawn.filter(|(_, cell)| *cell != empty).collect();
            self.kept = Some((key, cells));
        }
        let Some((_, cells)) = &self.kept else {
            return;
        };
        let width = usize::from(area.width);
        for (at, cell) in cells {
            let x = area.x.saturating_add((at % width) as u16);
            let y = area.y.saturating_add((at / width) as u16);
            if let Some(target) = buffer.cell_mut((x, y)) {
                *target = cell.clone();
            }
        }
    }
}
