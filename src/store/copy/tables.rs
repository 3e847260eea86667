//! What a copy moves: the trees that hold records (and `meta`, and the
//! tombstones of erased people), named alike in sled and PostgreSQL.
//! sled's two index trees (`emails`, `events_by_candidate`) are not
//! among them: they are rebuilt from the records.

/// A table of records: a sled tree and the PostgreSQL table of the same
/// name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    Meta,
    Clients,
    Candidates,
    Engagements,
    Applications,
    Notes,
    Submittals,
    Placements,
    Assignments,
    Events,
    Tombstones,
}

impl Table {
    /// Every table, in the order a copy moves them.
    pub const ALL: [Table; 11] = [
        Table::Meta,
        Table::Clients,
        Table::Candidates,
        Table::Engagements,
        Table::Applications,
        Table::Notes,
        Table::Submittals,
        Table::Placements,
        Table::Assignments,
        Table::Events,
        Table::Tombstones,
    ];

    /// The sled tree's name, which is also the PostgreSQL table's.
    pub fn name(self) -> &'static str {
        match self {
            Table::Meta => "meta",
            Table::Clients => "clients",
            Table::Candidates => "candidates",
            Table::Engagements => "engagements",
            Table::Applications => "applications",
            Table::Notes => "notes",
            Table::Submittals => "submittals",
            Table::Placements => "placements",
            Table::Assignments => "assignments",
            Table::Events => "events",
            Table::Tombstones => super::super::tombstones::TREE,
        }
    }
}

/// sled trees that are not tables but are rebuilt from them, and sled's
/// own default tree (which hireterm never writes).
pub const DERIVED_TREES: [&str; 3] = ["emails", "events_by_candidate", "__sled__default"];

impl Table {
    /// The sled tree of this table in `store`.
    pub fn tree_in(
        self,
        store: &crate::store::Store,
    ) -> crate::store::Result<crate::store::kv::Tree> {
        Ok(match self {
            Table::Meta => store.meta.clone(),
            Table::Clients => store.clients.clone(),
            Table::Candidates => store.candidates.clone(),
            Table::Engagements => store.engagements.clone(),
            Table::Applications => store.applications.clone(),
            Table::Notes => store.notes.clone(),
            Table::Submittals => store.submittals.clone(),
            Table::Placements => store.placements.clone(),
            Table::Assignments => store.assignments.clone(),
            Table::Events => store.events.clone(),
            Table::Tombstones => store.tombstone_tree()?,
        })
    }
}
