//! The candidate columns of an import file, and the header names people
//! give them.

use std::fmt;

/// One field of a candidate, as a file's column (CSV) or key (JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    Id,
    Name,
    Email,
    Phone,
    City,
    Country,
    Timezone,
    Roles,
    Skills,
    Rate,
    Currency,
    AvailableFrom,
    Source,
    Tags,
    Links,
    CreatedAt,
    Company,
    Title,
    ExternalIds,
    ConsentGiven,
    ConsentUntil,
    ConsentSource,
}

impl Column {
    /// Every column, in the order an export writes them.
    pub const ALL: [Column; 22] = [
        Column::Id,
        Column::Name,
        Column::Email,
        Column::Phone,
        Column::City,
        Column::Country,
        Column::Timezone,
        Column::Roles,
        Column::Skills,
        Column::Rate,
        Column::Currency,
        Column::AvailableFrom,
        Column::Source,
        Column::Tags,
        Column::Links,
        Column::CreatedAt,
        Column::Company,
        Column::Title,
        Column::ExternalIds,
        Column::ConsentGiven,
        Column::ConsentUntil,
        Column::ConsentSource,
    ];

    /// Without these a row cannot become a candidate.
    pub const REQUIRED: [Column; 2] = [Column::Name, Column::Email];

    /// The name an export writes, and the one the README documents.
    pub fn name(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Name => "name",
            Column::Email => "email",
            Column::Phone => "phone",
            Column::City => "city",
            Column::Country => "country",
            Column::Timezone => "timezone",
            Column::Roles => "roles",
            Column::Skills => "skills",
            Column::Rate => "rate",
            Column::Currency => "currency",
            Column::AvailableFrom => "available_from",
            Column::Source => "source",
            Column::Tags => "tags",
            Column::Links => "links",
            Column::CreatedAt => "created_at",
            Column::Company => "company",
            Column::Title => "title",
            Column::ExternalIds => "external_ids",
            Column::ConsentGiven => "consent_given",
            Column::ConsentUntil => "consent_until",
            Column::ConsentSource => "consent_source",
        }
    }

    /// Other names for the column, already folded (see [`fold_header`]).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::Id => &["candidateid"],
            Column::Name => &["fullname", "candidate", "candidatename"],
            Column::Email => &["mail", "emailaddress"],
            Column::Phone => &["mobile", "telephone", "tel", "phonenumber", "cell"],
            Column::City => &["town"],
            Column::Country => &[],
            Column::Timezone => &["tz", "zone"],
            Column::Roles => &["role", "roletypes", "roletype"],
            Column::Skills => &["skill", "skillset"],
            Column::Rate => &["hourlyrate", "rates", "ratehourly"],
            Column::Currency => &["ratecurrency"],
            Column::AvailableFrom => &["startdate", "available", "availability", "start"],
            Column::Source => &["origin", "sourcedfrom"],
            Column::Tags => &["tag", "labels", "label"],
            Column::Links => &["link", "urls", "url", "profiles"],
            Column::CreatedAt => &["created", "addedat"],
            Column::Company => &["currentcompany", "employer", "currentemployer"],
            Column::Title => &["jobtitle", "currenttitle", "currentjobtitle"],
            Column::ExternalIds => &["externalid"],
            Column::ConsentGiven => &["consent", "consentdate", "consentgivenon"],
            Column::ConsentUntil => &["consentexpires", "consentexpiry", "consentends"],
            Column::ConsentSource => &["consentmethod", "consentvia"],
        }
    }

    /// The column a header names, matched ignoring case, spaces,
    /// underscores and dashes.
    pub fn from_header(header: &str) -> Option<Column> {
        let folded = fold_header(header);
        Column::ALL
            .into_iter()
            .find(|c| fold_header(c.name()) == folded || c.aliases().contains(&folded.as_str()))
    }
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A header as compared: lower-cased, without spaces, underscores, dashes
/// or a byte-order mark.
pub fn fold_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '\u{feff}') && !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Where each column sits in a file's header row.
#[derive(Debug, Clone, Default)]
pub struct Header {
    /// Per position: the column, or `None` for a custom field's.
    pub columns: Vec<Option<Column>>,
    /// Per position: the header as written (cleaned), for messages.
    pub names: Vec<std::sync::Arc<str>>,
}

/// Why a header row cannot be used; nothing is read past it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderError(pub Vec<String>);

impl Header {
    /// Maps a header row. Unknown and repeated columns, and missing
    /// required ones, are errors: a column silently dropped is data lost.
    pub fn parse<'a>(headers: impl IntoIterator<Item = &'a str>) -> Result<Header, HeaderError> {
        let mut header = Header::default();
        let mut problems = Vec::new();
        let mut customs = Vec::new();
        for (position, raw) in headers.into_iter().enumerate() {
            let name = crate::domain::text::clean_line(raw);
            let column = Column::from_header(raw);
            let custom = named_by(raw);
            match column {
                // `custom:NAME`: a custom field (see `custom`).
                None if custom.as_ref().is_some_and(|c| customs.contains(c)) => problems.push(
                    format!("column {} (`{name}`) repeats a custom field", position + 1),
                ),
                None if custom.is_some() => customs.extend(custom),
                None => problems.push(format!(
                    "column {} (`{name}`) is not a candidate field; known fields: {} (and custom:NAME)",
                    position + 1,
                    known_names()
                )),
                Some(c) if header.columns.contains(&Some(c)) => problems.push(format!(
                    "column {} (`{name}`) repeats the {c} column",
                    position + 1
                )),
                Some(_) => {}
            }
            header.columns.push(column);
            header.names.push(name.into());
        }
        for required in Column::REQUIRED {
            if !header.columns.contains(&Some(required)) {
                problems.push(format!("the required column `{required}` is missing"));
            }
        }
        if problems.is_empty() {
            Ok(header)
        } else {
            Err(HeaderError(problems))
        }
    }
}

/// What a CSV header starts with to name a custom field.
pub const PREFIX: &str = "custom:";

/// The custom field a CSV header names (`custom:Visa status`), if any.
pub fn named_by(header: &str) -> Option<String> {
    let header = header.trim_start_matches('\u{feff}').trim();
    let prefix = header.get(..PREFIX.len())?;
    if !prefix.eq_ignore_ascii_case(PREFIX) {
        return None;
    }
    let name = crate::domain::text::clean_line(&header[PREFIX.len()..]);
    (!name.is_empty()).then_some(name)
}

fn known_names() -> String {
    Column::ALL.map(Column::name).join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_ignoring_case_spaces_and_aliases() {
        for (header, column) in [
            ("Full Name", Column::Name),
            ("E-mail", Column::Email),
            ("MAIL", Column::Email),
            ("mobile", Column::Phone),
            ("Skill Set", Column::Skills),
            ("skill_set", Column::Skills),
            ("Hourly Rate", Column::Rate),
            ("Start date", Column::AvailableFrom),
            ("available-from", Column::AvailableFrom),
            ("Labels", Column::Tags),
            ("\u{feff}name", Column::Name),
            ("Time Zone", Column::Timezone),
        ] {
            assert_eq!(Column::from_header(header), Some(column), "{header}");
        }
        assert_eq!(Column::from_header("salary"), None);
    }

    #[test]
    fn unknown_repeated_and_missing_columns_are_all_named() {
        let Err(HeaderError(problems)) = Header::parse(["Name", "salary", "full name"]) else {
            panic!("accepted");
        };
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("`salary`"));
        assert!(problems[1].contains("repeats the name column"));
        assert!(problems[2].contains("`email` is missing"));
    }
}
