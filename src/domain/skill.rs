//! Skills: the taxonomy entries of the catalog, and a level 0-5 held for one.

use super::catalog_ids::IdText;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A skill's stable catalog id, such as `kubernetes` or `postgresql`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SkillId(#[serde(deserialize_with = "super::catalog_ids::deserialize")] pub IdText);

impl SkillId {
    pub fn new(id: impl Into<String>) -> Self {
        SkillId(super::catalog_ids::text_of(id.into()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SkillId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A proficiency from 0 (none) to 5 (expert). Decoding refuses anything else,
/// so a level read from disk or from a file is always in range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Level(u8);

impl Level {
    pub const MAX: u8 = 5;
    pub const NONE: Level = Level(0);

    pub fn new(value: u8) -> Result<Level, LevelError> {
        if value <= Self::MAX {
            Ok(Level(value))
        } else {
            Err(LevelError(value))
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Level {
    type Error = LevelError;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Level::new(value)
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("skill level {0} is out of range (0-5)")]
pub struct LevelError(pub u8);

/// The categories of the seed article's skills table, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Languages,
    Databases,
    Frameworks,
    Apis,
    VersionControl,
    ServerManagement,
    Containers,
    Cloud,
    Architecture,
    Testing,
    Security,
    SoftSkills,
}

impl Category {
    pub const ALL: [Category; 12] = [
        Category::Languages,
        Category::Databases,
        Category::Frameworks,
        Category::Apis,
        Category::VersionControl,
        Category::ServerManagement,
        Category::Containers,
        Category::Cloud,
        Category::Architecture,
        Category::Testing,
        Category::Security,
        Category::SoftSkills,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Category::Languages => "Languages",
            Category::Databases => "Databases",
            Category::Frameworks => "Frameworks",
            Category::Apis => "APIs and web services",
            Category::VersionControl => "Version control",
            Category::ServerManagement => "Server management",
            Category::Containers => "Containers and orchestration",
            Category::Cloud => "Cloud",
            Category::Architecture => "Architecture",
            Category::Testing => "Testing",
            Category::Security => "Security",
            Category::SoftSkills => "Soft skills",
        }
    }
}

/// One entry of the skill taxonomy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    pub id: SkillId,
    pub name: String,
    /// The skill matrix's column header ("k8s", "PG"): at most
    /// [`Skill::MAX_SHORT`] columns; the name where the file has none.
    #[serde(default)]
    pub short: String,
    pub category: Category,
    /// What people type instead of the name: "k8s", "postgres".
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Skill {
    /// The widest short name, in columns.
    pub const MAX_SHORT: usize = 6;
}

/// A level held in one skill.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SkillLevel {
    pub skill: SkillId,
    pub level: Level,
}

impl SkillLevel {
    pub fn new(skill: impl Into<String>, level: Level) -> Self {
        SkillLevel {
            skill: SkillId::new(skill),
            level,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_accepts_zero_to_five_only() {
        assert_eq!(Level::new(0).map(Level::get), Ok(0));
        assert_eq!(Level::new(5).map(Level::get), Ok(5));
        assert_eq!(Level::new(6), Err(LevelError(6)));
    }
}
