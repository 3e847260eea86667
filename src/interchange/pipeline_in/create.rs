//! Engagements an applications file names by a title that none on file
//! has, created by `--create-engagements` before the applications go in.
//!
//! Another system's export names jobs by title only, so what the import
//! cannot know it sets plainly and says so: the client is the one the
//! rows name (a `client` column), else one called [`DEFAULT_CLIENT`]; the
//! role type is the catalog's whose name or alias the title holds (the
//! longest), else Web Services Developer; the owner is who imports;
//! opened on the earliest date of its rows; no required skills yet (the
//! report says to add them: `hireterm engagement` shows what each lacks).

use super::fold::Folded;
use super::lookup::EngagementRef;
use crate::catalog::Catalog;
use crate::domain::text::fold;
use crate::domain::{
    Client, ClientId, Engagement, EngagementId, EngagementStatus, HiringModel, RoleId, Stamp,
    Timestamp,
};
use crate::store::{Store, StoreError};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// The client of created engagements whose rows name none.
pub const DEFAULT_CLIENT: &str = "Imported";

/// The role type of a created engagement whose title names none.
const DEFAULT_ROLE: &str = "web_services";

/// An engagement to create.
#[derive(Debug, Clone)]
pub(super) struct NewEngagement {
    pub title: Rc<str>,
    pub client: String,
    pub role: RoleId,
    pub opened_at: Timestamp,
}

/// The engagements to create for the applications that will be written,
/// by title; the first client a title's rows name is its client.
pub(super) fn planned<'f>(written: impl Iterator<Item = &'f Folded>) -> Vec<NewEngagement> {
    let mut by_title: BTreeMap<Rc<str>, NewEngagement> = BTreeMap::new();
    for folded in written {
        let (EngagementRef::New(title), Ok(history)) = (&folded.engagement, &folded.history) else {
            continue;
        };
        let first = history.first().map(|c| c.at).unwrap_or_default();
        let new = by_title
            .entry(Rc::clone(title))
            .or_insert_with(|| NewEngagement {
                title: Rc::clone(title),
                client: DEFAULT_CLIENT.into(),
                role: role_for(title),
                opened_at: first,
            });
        new.opened_at = new.opened_at.min(first);
        if let (DEFAULT_CLIENT, Some(named)) = (new.client.as_str(), &folded.client) {
            new.client = named.clone();
        }
    }
    by_title.into_values().collect()
}

/// The catalog role whose name or alias the title holds, the longest.
fn role_for(title: &str) -> RoleId {
    let title = format!(" {} ", fold(title).replace(['-', '/', ',', '(', ')'], " "));
    let catalog = Catalog::builtin();
    let terms = catalog.roles().iter().flat_map(|role| {
        let names = std::iter::once(&role.name).chain(&role.aliases);
        names.map(move |term| (fold(term), &role.id))
    });
    terms
        .filter(|(term, _)| title.contains(&format!(" {term} ")))
        .max_by_key(|(term, _)| term.len())
        .map_or_else(|| RoleId::new(DEFAULT_ROLE), |(_, id)| id.clone())
}

/// One line of the report per engagement to create.
pub(super) fn describe(new: &NewEngagement) -> String {
    format!(
        "creates engagement `{}` for client {} (role type {}, opened {}, no required skills yet)",
        new.title,
        new.client,
        Catalog::builtin().role_name(&new.role),
        new.opened_at.format("%Y-%m-%d")
    )
}

/// Creates the clients and engagements; the ids the titles now have,
/// and how many clients were added.
pub(super) fn create(
    store: &Store,
    planned: &[NewEngagement],
    stamp: &Stamp,
) -> Result<(HashMap<Rc<str>, EngagementId>, usize), StoreError> {
    let (clients, added) = clients_of(store, planned, stamp)?;
    let records: Vec<Engagement> = (planned.iter())
        .map(|new| engagement(new, clients[&new.client], stamp))
        .collect();
    let ids = store.add_engagements(&records, stamp)?;
    let titles = planned.iter().map(|new| Rc::clone(&new.title));
    Ok((titles.zip(ids).collect(), added))
}

/// The clients the engagements are for, by name: found, or added.
fn clients_of(
    store: &Store,
    planned: &[NewEngagement],
    stamp: &Stamp,
) -> Result<(HashMap<String, ClientId>, usize), StoreError> {
    let mut ids = HashMap::new();
    let mut missing: Vec<Client> = Vec::new();
    for name in planned.iter().map(|new| &new.client) {
        if ids.contains_key(name) || missing.iter().any(|c| &c.name == name) {
            continue;
        }
        match store.client_by_name(name)? {
            Some(client) => drop(ids.insert(name.clone(), client.id)),
            None => missing.push(Client {
                id: ClientId(0),
                name: name.clone(),
                contacts: Vec::new(),
                notes: "Added by an import of applications from another system.".into(),
                created_at: stamp.at,
            }),
        }
    }
    let added = store.add_clients(&missing, stamp)?;
    ids.extend(
        missing
            .into_iter()
            .map(|c| c.name)
            .zip(added.iter().copied()),
    );
    Ok((ids, added.len()))
}

fn engagement(new: &NewEngagement, client: ClientId, stamp: &Stamp) -> Engagement {
    Engagement {
        id: EngagementId(0),
        client,
        owner: stamp.actor.clone(),
        title: new.title.to_string(),
        role: new.role.clone(),
        requirements: Vec::new(),
        headcount: 1,
        budget: None,
        bill_rate: None,
        model: HiringModel::StaffAugmentation,
        status: EngagementStatus::Open,
        opened_at: new.opened_at,
        target_start: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_role_type_is_the_longest_name_the_title_holds() {
        for (title, role) in [
            ("Senior Backend Architect (Payments)", "architect"),
            ("Site Reliability Engineer", "devops"),
            ("Full-Stack Developer, Berlin", "fullstack"),
            ("Java Developer", DEFAULT_ROLE),
            ("API Developer / Integrations", "api_integration"),
        ] {
            assert_eq!(role_for(title), RoleId::new(role), "{title}");
        }
    }
}
