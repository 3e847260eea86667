//! Role types: the kinds of back-end developer a client asks for.

use super::catalog_ids::IdText;
use super::skill::{Level, SkillId};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A role type's stable catalog id, such as `devops`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RoleId(#[serde(deserialize_with = "super::catalog_ids::deserialize")] pub IdText);

impl RoleId {
    pub fn new(id: impl Into<String>) -> Self {
        RoleId(super::catalog_ids::text_of(id.into()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RoleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A skill that defines a role, with the level a good fit is expected to hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleSkill {
    pub skill: SkillId,
    pub level: Level,
}

/// One role type of the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: RoleId,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub summary: String,
    pub skills: Vec<RoleSkill>,
}
