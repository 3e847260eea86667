//! A client: the company an engagement is for, with its contacts (the
//! client's hiring managers, to whom profiles are submitted).

use super::candidate::phone_problem;
use super::ids::ClientId;
use super::limits::{MAX_FIELD_CHARS, MAX_LIST_LEN};
use super::problem::{FieldProblem, one_line_problems};
use super::text::{self, is_plausible_email, normalize_email};
use super::time::{self, Timestamp};
use serde::{Deserialize, Serialize};

/// The longest client notes.
pub const MAX_NOTES_CHARS: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Client {
    pub id: ClientId,
    pub name: String,
    pub contacts: Vec<Contact>,
    /// Free text: how they like to be approached, terms, history.
    pub notes: String,
    #[serde(with = "time::millis")]
    pub created_at: Timestamp,
}

/// One of the client's people.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
}

impl Contact {
    /// `Jane Roe <jane@acme.com> +1 555 0100` → a contact: a name, then
    /// the email in angle brackets, then an optional phone.
    pub fn parse(text: &str) -> Result<Contact, String> {
        let (name, rest) = text
            .split_once('<')
            .ok_or_else(|| format!("`{text}` is not like: Jane Roe <jane@acme.com> +1 555 0100"))?;
        let (email, phone) = rest
            .split_once('>')
            .ok_or_else(|| format!("`{text}`: the email needs its closing >"))?;
        let phone = text::clean_line(phone);
        let contact = Contact {
            name: text::clean_line(name),
            email: text::clean_line(email),
            phone: (!phone.is_empty()).then_some(phone),
        };
        match contact.problems().into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(contact),
        }
    }

    /// What makes the contact unfit to store.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.name.trim().is_empty() {
            problems.push("a contact needs a name".to_string());
        }
        if !is_plausible_email(&self.email) {
            problems.push(format!(
                "contact email `{}` is not an email address",
                self.email
            ));
        }
        problems.extend(self.phone.as_deref().and_then(phone_problem));
        for (field, value) in [("contact name", &self.name), ("contact email", &self.email)] {
            problems.extend(
                one_line_problems(field, value)
                    .into_iter()
                    .map(|p| p.message),
            );
        }
        problems
    }
}

impl std::fmt::Display for Contact {
    /// The form [`Contact::parse`] reads.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} <{}>", self.name, self.email)?;
        match &self.phone {
            Some(phone) => write!(f, " {phone}"),
            None => Ok(()),
        }
    }
}

impl Client {
    /// Every problem that makes the record unfit to store, each with its
    /// field: the one set of rules the form, the importer and the store
    /// apply.
    pub fn field_problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if self.name.trim().is_empty() {
            problems.push(FieldProblem::new("name", "the client needs a name"));
        }
        problems.extend(one_line_problems("name", &self.name));
        if self.contacts.len() > MAX_LIST_LEN {
            let message = format!("more than {MAX_LIST_LEN} contacts");
            problems.push(FieldProblem::new("contacts", message));
        }
        for contact in &self.contacts {
            let found = contact.problems();
            problems.extend(found.into_iter().map(|m| FieldProblem::new("contacts", m)));
        }
        let mut emails: Vec<String> = self
            .contacts
            .iter()
            .map(|c| normalize_email(&c.email))
            .collect();
        emails.sort();
        if emails.windows(2).any(|w| w[0] == w[1]) {
            problems.push(FieldProblem::new("contacts", "two contacts share an email"));
        }
        if self.notes.chars().count() > MAX_NOTES_CHARS {
            let message = format!("notes are longer than {MAX_NOTES_CHARS} characters");
            problems.push(FieldProblem::new("notes", message));
        }
        if !text::is_clean(&self.notes, true) {
            problems.push(FieldProblem::new("notes", "notes hold control characters"));
        }
        problems
    }

    pub fn problems(&self) -> Vec<String> {
        self.field_problems()
            .into_iter()
            .map(|p| p.message)
            .collect()
    }

    /// The contact with this email (compared as stored identities are).
    pub fn contact(&self, email: &str) -> Option<&Contact> {
        let wanted = normalize_email(email);
        self.contacts
            .iter()
            .find(|c| normalize_email(&c.email) == wanted)
    }
}

/// Whether two client names are the same client: compared folded and
/// trimmed (`ACME ` is `Acme`).
pub fn same_name(a: &str, b: &str) -> bool {
    text::fold(&text::clean_line(a)) == text::fold(&text::clean_line(b))
}

/// A name fit to be one: cleaned, at most [`MAX_FIELD_CHARS`].
pub fn clean_name(name: &str) -> String {
    text::clean_line(name)
        .chars()
        .take(MAX_FIELD_CHARS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::at;

    fn acme(contacts: Vec<Contact>) -> Client {
        Client {
            id: ClientId(1),
            name: "Acme".into(),
            contacts,
            notes: String::new(),
            created_at: at(1),
        }
    }

    #[test]
    fn contacts_parse_from_one_line_and_print_back() {
        let jane = Contact::parse("Jane Roe <jane@acme.com> +1 555 0100").unwrap();
        assert_eq!(jane.name, "Jane Roe");
        assert_eq!(jane.phone.as_deref(), Some("+1 555 0100"));
        assert_eq!(Contact::parse(&jane.to_string()), Ok(jane.clone()));
        let bare = Contact::parse("Li Wei <li@acme.cn>").unwrap();
        assert_eq!(bare.phone, None);
        assert!(Contact::parse("Li Wei li@acme.cn").is_err());
        assert!(Contact::parse("<li@acme.cn>").is_err());
        assert!(Contact::parse("Li <li@acme> ").is_err());
        assert!(
            Contact::parse("Li <li@acme.cn> 12").is_err(),
            "a phone too short"
        );
    }

    #[test]
    fn a_client_needs_a_name_and_distinct_clean_contacts() {
        let jane = Contact::parse("Jane Roe <jane@acme.com>").unwrap();
        assert!(acme(vec![jane.clone()]).problems().is_empty());
        let mut twice = acme(vec![jane.clone(), jane.clone()]);
        twice.contacts[1].email = "JANE@acme.com".into();
        assert_eq!(twice.problems(), ["two contacts share an email"]);
        let mut nameless = acme(Vec::new());
        nameless.name = " ".into();
        assert_eq!(nameless.field_problems()[0].field, "name");
        let mut noisy = acme(Vec::new());
        noisy.notes = "ok\u{1b}[2J".into();
        assert_eq!(noisy.field_problems()[0].field, "notes");
        assert_eq!(
            acme(vec![jane])
                .contact("JANE@ACME.COM")
                .map(|c| c.name.as_str()),
            Some("Jane Roe")
        );
    }

    #[test]
    fn names_compare_folded() {
        assert!(same_name(" ACME  corp", "acme corp"));
        assert!(same_name("Zürich Bank", "zurich bank"));
        assert!(!same_name("Acme", "Acme 2"));
    }
}
