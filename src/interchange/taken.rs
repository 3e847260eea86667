//! What a file's columns have claimed so far, while its header is mapped:
//! the fields that hold one value (a second column for one is kept as a
//! custom field instead), whether a name and an email are given, and the
//! custom fields' names (each made unique).

use super::columns::Column;
use super::target::Target;

/// The single-valued targets already taken, by column, and the custom
/// names used.
#[derive(Debug, Default)]
pub struct Taken {
    by: Vec<(String, usize)>,
    customs: Vec<String>,
    pub name: bool,
    pub email: bool,
}

impl Taken {
    /// Takes `target` for column `position` (0-based); the column (1-based)
    /// that had it already, if one did.
    pub fn claim(&mut self, target: &Target, position: usize) -> Option<usize> {
        match target {
            Target::Column(Column::Name) | Target::Name(_) => self.name = true,
            Target::Column(Column::Email) => self.email = true,
            _ => {}
        }
        if target.takes_many() || matches!(target, Target::Custom(Some(_))) {
            return None;
        }
        let key = target.to_string();
        if let Some((_, earlier)) = self.by.iter().find(|(k, _)| *k == key) {
            return Some(earlier + 1);
        }
        self.by.push((key, position));
        None
    }

    /// `name`, or `name 2`, `name 3`... if the file used it already.
    pub fn custom_name(&mut self, name: &str) -> String {
        let mut unique = name.to_string();
        let mut n = 1;
        while self.customs.contains(&unique) {
            n += 1;
            unique = format!("{name} {n}");
        }
        self.customs.push(unique.clone());
        unique
    }
}
