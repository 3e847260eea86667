//! The catalog: role types and the skills taxonomy, shipped as TOML in
//! `assets/` and embedded in the binary at build time.

use crate::domain::{Category, Role, RoleId, Skill, SkillId};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

const ROLES_TOML: &str = include_str!("../assets/roles.toml");
const SKILLS_TOML: &str = include_str!("../assets/skills.toml");

/// Role types and skills, with lookups by id and by any name people type.
#[derive(Debug, Clone)]
pub struct Catalog {
    roles: Vec<Role>,
    skills: Vec<Skill>,
    role_by_id: HashMap<RoleId, usize>,
    skill_by_id: HashMap<SkillId, usize>,
    /// Lower-cased ids, names and aliases.
    role_by_term: HashMap<String, usize>,
    skill_by_term: HashMap<String, usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    #[error("{file}: {message}")]
    Syntax { file: String, message: String },
    #[error("{file}: {message}")]
    Invalid { file: String, message: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RolesFile {
    role: Vec<Role>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SkillsFile {
    skill: Vec<Skill>,
}

impl Catalog {
    /// The catalog compiled into the binary, parsed once.
    /// Its ids become the ones every decoded record shares
    /// ([`crate::domain::catalog_ids`]).
    pub fn builtin() -> &'static Catalog {
        static BUILTIN: OnceLock<Catalog> = OnceLock::new();
        let catalog: &'static Catalog = BUILTIN.get_or_init(|| {
            // The embedded assets are checked by the test suite; failing here
            // means the binary itself was built from broken assets.
            #[allow(clippy::expect_used)]
            Catalog::from_toml(ROLES_TOML, SKILLS_TOML).expect("embedded catalog is valid")
        });
        crate::domain::catalog_ids::know(|| {
            let roles = catalog.roles().iter().map(|r| r.id.as_str());
            roles
                .chain(catalog.skills().iter().map(|s| s.id.as_str()))
                .collect()
        });
        catalog
    }

    /// Parses and validates a catalog; errors name the file and, for syntax
    /// errors, the line.
    pub fn from_toml(roles_toml: &str, skills_toml: &str) -> Result<Catalog, CatalogError> {
        let skills: SkillsFile = parse("skills.toml", skills_toml)?;
        let roles: RolesFile = parse("roles.toml", roles_toml)?;
        Catalog::new(roles.role, skills.skill)
    }

    fn new(roles: Vec<Role>, mut skills: Vec<Skill>) -> Result<Catalog, CatalogError> {
        check_shorts(&mut skills)?;
        let skill_by_id = unique_ids("skills.toml", skills.iter().map(|s| &s.id))?;
        let role_by_id = unique_ids("roles.toml", roles.iter().map(|r| &r.id))?;
        for role in &roles {
            if let Some(missing) = role
                .skills
                .iter()
                .find(|s| !skill_by_id.contains_key(&s.skill))
            {
                return Err(CatalogError::Invalid {
                    file: "roles.toml".into(),
                    message: format!("role `{}` names unknown skill `{}`", role.id, missing.skill),
                });
            }
        }
        let skill_by_term = terms(skills.iter().map(|s| (s.id.as_str(), &s.name, &s.aliases)));
        let role_by_term = terms(roles.iter().map(|r| (r.id.as_str(), &r.name, &r.aliases)));
        Ok(Catalog {
            roles,
            skills,
            role_by_id,
            skill_by_id,
            role_by_term,
            skill_by_term,
        })
    }

    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    pub fn role(&self, id: &RoleId) -> Option<&Role> {
        self.role_by_id.get(id).map(|&i| &self.roles[i])
    }

    pub fn skill(&self, id: &SkillId) -> Option<&Skill> {
        self.skill_by_id.get(id).map(|&i| &self.skills[i])
    }

    /// The skills of one category, in catalog order.
    pub fn skills_in(&self, category: Category) -> impl Iterator<Item = &Skill> {
        self.skills.iter().filter(move |s| s.category == category)
    }

    /// The skill whose id, name or alias is `term`, ignoring case.
    pub fn find_skill(&self, term: &str) -> Option<&Skill> {
        let key = term.trim().to_lowercase();
        self.skill_by_term.get(&key).map(|&i| &self.skills[i])
    }

    /// The role whose id, name or alias is `term`, ignoring case.
    pub fn find_role(&self, term: &str) -> Option<&Role> {
        let key = term.trim().to_lowercase();
        self.role_by_term.get(&key).map(|&i| &self.roles[i])
    }

    /// A role's display name, or its id when the catalog does not know it.
    pub fn role_name<'a>(&'a self, id: &'a RoleId) -> &'a str {
        self.role(id).map_or(id.as_str(), |r| r.name.as_str())
    }

    /// A skill's display name, or its id when the catalog does not know it.
    pub fn skill_name<'a>(&'a self, id: &'a SkillId) -> &'a str {
        self.skill(id).map_or(id.as_str(), |s| s.name.as_str())
    }
}

fn parse<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<T, CatalogError> {
    toml::from_str(text).map_err(|e| CatalogError::Syntax {
        file: file.into(),
        message: describe_toml_error(text, &e),
    })
}

/// toml's message with the line number in front, as editors count lines.
fn describe_toml_error(text: &str, error: &toml::de::Error) -> String {
    let message = error.message();
    match error.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("line {line}: {message}")
        }
        None => message.to_string(),
    }
}

/// Every skill's short name: its own, else its name cut to fit; at most
/// [`Skill::MAX_SHORT`] columns, and no two alike (ignoring case), since
/// the matrix's columns are told apart by them.
fn check_shorts(skills: &mut [Skill]) -> Result<(), CatalogError> {
    use unicode_width::UnicodeWidthStr;
    let mut seen = std::collections::HashSet::new();
    for skill in skills.iter_mut() {
        if skill.short.trim().is_empty() {
            skill.short = skill.name.chars().take(Skill::MAX_SHORT).collect();
        }
        let invalid = |message: String| CatalogError::Invalid {
            file: "skills.toml".into(),
            message,
        };
        if skill.short.width() > Skill::MAX_SHORT {
            let most = Skill::MAX_SHORT;
            return Err(invalid(format!(
                "skill `{}`: short name `{}` is wider than {most} columns",
                skill.id, skill.short
            )));
        }
        if !seen.insert(skill.short.to_lowercase()) {
            return Err(invalid(format!(
                "skill `{}`: short name `{}` is another skill's too",
                skill.id, skill.short
            )));
        }
    }
    Ok(())
}

fn unique_ids<'a, K>(
    file: &str,
    ids: impl Iterator<Item = &'a K>,
) -> Result<HashMap<K, usize>, CatalogError>
where
    K: 'a + Clone + Eq + std::hash::Hash + std::fmt::Display,
{
    let mut by_id = HashMap::new();
    for (index, id) in ids.enumerate() {
        if by_id.insert(id.clone(), index).is_some() {
            return Err(CatalogError::Invalid {
                file: file.into(),
                message: format!("id `{id}` appears twice"),
            });
        }
    }
    Ok(by_id)
}

/// Maps every lower-cased id, name and alias to its entry. Where two entries
/// share a term, the first keeps it.
fn terms<'a>(
    entries: impl Iterator<Item = (&'a str, &'a String, &'a Vec<String>)>,
) -> HashMap<String, usize> {
    let mut by_term = HashMap::new();
    for (index, (id, name, aliases)) in entries.enumerate() {
        let all = std::iter::once(id)
            .chain([name.as_str()])
            .chain(aliases.iter().map(String::as_str));
        for term in all {
            by_term.entry(term.to_lowercase()).or_insert(index);
        }
    }
    by_term
}
