//! What one column of another system's file becomes: a field of ours, a
//! part of the name, a location to split, an id in that system, a custom
//! field kept by name, or nothing. Written in a layout (`assets/layouts/`
//! and `--map` files) as a short text: `email`, `first_name`, `location`,
//! `external_id`, `custom`, `drop`.

use super::columns::{Column, fold_header};
use std::fmt;

/// The parts a name is joined from, in the order they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NamePart {
    /// Used in place of the first name when it is given.
    Preferred,
    First,
    Middle,
    Last,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// One of hireterm's own columns.
    Column(Column),
    /// Joined with the other parts into the name.
    Name(NamePart),
    /// `Lisbon, Portugal`: split into city and country where it can be.
    Location,
    /// The person's id in a system: the layout's own when `None`.
    External(Option<String>),
    /// Kept as a custom field, under the header (`None`) or this name.
    Custom(Option<String>),
    /// Left out, and the report says so.
    Drop,
}

/// The texts a layout may give, for messages and `--explain`.
pub const TARGET_HELP: &str = "a field (name, email, phone, city, country, timezone, company, \
title, roles, skills, rate, currency, available_from, source, tags, links, created_at, \
consent_given, consent_until, consent_source), first_name, middle_name, last_name, \
preferred_name, location, external_id, external_id:SYSTEM, custom, custom:NAME or drop";

impl Target {
    /// Reads a layout's text for a column.
    pub fn parse(text: &str) -> Result<Target, String> {
        let trimmed = text.trim();
        if let Some((kind, rest)) = trimmed.split_once(':') {
            let rest = rest.trim();
            return match fold_header(kind).as_str() {
                "custom" if !rest.is_empty() => Ok(Target::Custom(Some(rest.to_string()))),
                "externalid" if !rest.is_empty() => Ok(Target::External(Some(rest.to_lowercase()))),
                _ => Err(unknown(trimmed)),
            };
        }
        let folded = fold_header(trimmed);
        let named = match folded.as_str() {
            "firstname" => Target::Name(NamePart::First),
            "middlename" => Target::Name(NamePart::Middle),
            "lastname" => Target::Name(NamePart::Last),
            "preferredname" => Target::Name(NamePart::Preferred),
            "location" => Target::Location,
            "externalid" => Target::External(None),
            "custom" => Target::Custom(None),
            "drop" => Target::Drop,
            // `id` is ours; another system's ids are external ones.
            _ => match Column::ALL.iter().find(|c| fold_header(c.name()) == folded) {
                Some(&column) => Target::Column(column),
                None => return Err(unknown(trimmed)),
            },
        };
        Ok(named)
    }

    /// Whether several columns may feed this target (a list, or parts).
    pub fn takes_many(&self) -> bool {
        match self {
            Target::Column(c) => matches!(
                c,
                Column::Email | Column::Tags | Column::Links | Column::ExternalIds
            ),
            Target::External(_) | Target::Custom(None) | Target::Drop => true,
            _ => false,
        }
    }
}

fn unknown(text: &str) -> String {
    format!(
        "`{}` is not something a column can become; use {TARGET_HELP}",
        crate::domain::text::clean_line(text)
    )
}

impl fmt::Display for Target {
    /// As a layout writes it, so that `--explain` output reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Column(column) => f.write_str(column.name()),
            Target::Name(NamePart::Preferred) => f.write_str("preferred_name"),
            Target::Name(NamePart::First) => f.write_str("first_name"),
            Target::Name(NamePart::Middle) => f.write_str("middle_name"),
            Target::Name(NamePart::Last) => f.write_str("last_name"),
            Target::Location => f.write_str("location"),
            Target::External(None) => f.write_str("external_id"),
            Target::External(Some(system)) => write!(f, "external_id:{system}"),
            Target::Custom(None) => f.write_str("custom"),
            Target::Custom(Some(name)) => write!(f, "custom:{name}"),
            Target::Drop => f.write_str("drop"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_target_reads_back_as_written() {
        for text in [
            "email",
            "first_name",
            "preferred_name",
            "location",
            "external_id",
            "external_id:greenhouse",
            "custom",
            "custom:Visa status",
            "drop",
            "available_from",
            "consent_source",
        ] {
            let target = Target::parse(text).unwrap();
            assert_eq!(target.to_string(), text);
        }
        assert_eq!(
            Target::parse(" First Name ").unwrap(),
            Target::Name(NamePart::First)
        );
        assert!(Target::parse("salary").unwrap_err().contains("`salary`"));
        assert!(Target::parse("custom:").is_err());
    }
}
