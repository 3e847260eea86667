//! The candidates table's columns: their titles, the order `s` sorts
//! through, and the names a saved view gives them.

use crate::filter::ColumnKey;

/// The table's columns, in screen order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Name,
    Role,
    Skills,
    Location,
    Rate,
    Available,
    Stage,
}

impl Column {
    pub const ALL: [Column; 7] = [
        Column::Name,
        Column::Role,
        Column::Skills,
        Column::Location,
        Column::Rate,
        Column::Available,
        Column::Stage,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Column::Name => "Name",
            Column::Role => "Role",
            Column::Skills => "Top skills",
            Column::Location => "Location",
            Column::Rate => "Rate",
            Column::Available => "Available",
            Column::Stage => "Stage",
        }
    }

    /// The column `s` sorts by after this one.
    pub fn next(self) -> Column {
        let i = Column::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Column::ALL[(i + 1) % Column::ALL.len()]
    }

    /// As a saved view names it.
    pub fn key(self) -> ColumnKey {
        ColumnKey::ALL[Column::ALL.iter().position(|c| *c == self).unwrap_or(0)]
    }

    /// The column a saved view names.
    pub fn from_key(key: ColumnKey) -> Column {
        Column::ALL[ColumnKey::ALL.iter().position(|k| *k == key).unwrap_or(0)]
    }
}
