//! The one-page profile a submittal sends to a client: who the candidate
//! is, how they meet the engagement's required skills, and the rate
//! proposed. Plain text that reads as Markdown.
//!
//! What the client must not get is left out by construction: the
//! candidate's email, phone and rate expectation (what they would earn)
//! never appear, nor a link that would reveal the first two; the client
//! reaches the candidate through the agency. Every text is cleaned of
//! control characters, so a stored name cannot carry an escape sequence
//! into the client's mail or terminal.

use crate::catalog::Catalog;
use crate::domain::text::{clean_line, normalize_email};
use crate::domain::{Candidate, Client, Engagement, HourlyRate, Priority, Requirement, SkillLevel};
use std::fmt::Write;

/// Skills beyond the required ones that the profile lists, strongest first.
const OTHER_SKILLS: usize = 5;
/// Links the profile lists at most.
const MAX_LINKS: usize = 5;

/// The profile of `candidate` for `engagement` at `client`, proposing
/// `bill` an hour (`None`: the rate is to be agreed). The app and the
/// command line send the same text.
pub fn render(
    candidate: &Candidate,
    engagement: &Engagement,
    client: &Client,
    catalog: &Catalog,
    bill: Option<&HourlyRate>,
) -> String {
    let mut out = String::new();
    let name = clean_line(&candidate.name);
    let _ = writeln!(out, "# {name}\n");
    who(&mut out, candidate, catalog);
    let _ = writeln!(
        out,
        "\n## For {}: {} ({})\n",
        clean_line(&client.name),
        clean_line(&engagement.title),
        engagement.id
    );
    required(&mut out, candidate, &engagement.requirements, catalog);
    others(&mut out, candidate, &engagement.requirements, catalog);
    let rate = bill.map_or_else(
        || "to be agreed".to_string(),
        |b| clean_line(&b.to_string()),
    );
    let _ = writeln!(out, "\nRate proposed: {rate}");
    links(&mut out, candidate);
    let _ = writeln!(
        out,
        "\nTo meet {name}, reply to the person who sent you this profile."
    );
    out
}

/// Roles, location and time zone, availability.
fn who(out: &mut String, candidate: &Candidate, catalog: &Catalog) {
    let roles: Vec<String> = candidate
        .roles
        .iter()
        .map(|r| clean_line(catalog.role_name(r)))
        .collect();
    match roles.split_first() {
        Some((first, [])) => line(out, first),
        Some((first, rest)) => line(out, &format!("{first} (also {})", rest.join(", "))),
        None => line(out, "Back-end developer"),
    }
    let place = clean_line(&candidate.location.to_string());
    let zone = clean_line(&candidate.location.timezone);
    let location = match (place.is_empty(), zone.is_empty()) {
        (false, false) => format!("{place} · time zone {zone}"),
        (false, true) => place,
        (true, false) => format!("Time zone {zone}"),
        (true, true) => "Location not stated".into(),
    };
    line(out, &location);
    match candidate.available_from {
        Some(day) => line(out, &format!("Available from {day}")),
        None => line(out, "Availability to be confirmed"),
    }
}

/// Each required skill with the candidate's level against it.
fn required(out: &mut String, candidate: &Candidate, required: &[Requirement], catalog: &Catalog) {
    if required.is_empty() {
        return;
    }
    line(out, "Required skills:");
    for requirement in required {
        let held = candidate.level(&requirement.skill).get();
        let wanted = requirement.min_level.get();
        let priority = match requirement.priority {
            Priority::Must => "must",
            Priority::Nice => "nice to have",
        };
        let verdict = match wanted.checked_sub(held).filter(|gap| *gap > 0) {
            None => "met".to_string(),
            Some(gap) => format!("short by {gap}"),
        };
        let skill = clean_line(catalog.skill_name(&requirement.skill));
        line(
            out,
            &format!("- {skill} ({priority}, level {wanted}): {held} · {verdict}"),
        );
    }
}

/// The candidate's strongest skills the engagement does not ask for.
fn others(out: &mut String, candidate: &Candidate, required: &[Requirement], catalog: &Catalog) {
    let asked = |held: &&SkillLevel| required.iter().any(|r| r.skill == held.skill);
    let mut skills: Vec<&SkillLevel> = candidate
        .skills
        .iter()
        .filter(|held| !asked(held) && held.level.get() > 0)
        .collect();
    skills.sort_by_key(|held| std::cmp::Reverse(held.level));
    let named: Vec<String> = skills
        .iter()
        .take(OTHER_SKILLS)
        .map(|held| {
            let skill = clean_line(catalog.skill_name(&held.skill));
            format!("{skill} {}", held.level.get())
        })
        .collect();
    if !named.is_empty() {
        line(out, &format!("\nOther strengths: {}", named.join(", ")));
    }
}

/// The candidate's links, but any that would give away their email or
/// phone.
fn links(out: &mut String, candidate: &Candidate) {
    let shown: Vec<String> = candidate
        .links
        .iter()
        .map(|l| clean_line(l))
        .filter(|l| !l.is_empty() && !reveals_contact(l, candidate))
        .take(MAX_LINKS)
        .collect();
    if shown.is_empty() {
        return;
    }
    line(out, "\nLinks:");
    for link in shown {
        line(out, &format!("- {link}"));
    }
}

fn reveals_contact(link: &str, candidate: &Candidate) -> bool {
    let lower = link.to_lowercase();
    let email = normalize_email(&candidate.email);
    let digits = |text: &str| -> String { text.chars().filter(char::is_ascii_digit).collect() };
    let phone = candidate.phone.as_deref().map(digits).unwrap_or_default();
    lower.starts_with("mailto:")
        || lower.starts_with("tel:")
        || (!email.is_empty() && lower.contains(&email))
        || (phone.len() >= 7 && digits(link).contains(&phone))
}

fn line(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        CandidateId, ClientId, Contact, EngagementId, EngagementStatus, HiringModel, Level,
        Location, RateRange, RoleId, SkillId, Source,
    };
    use chrono::{NaiveDate, TimeZone, Utc};

    fn ana() -> Candidate {
        let at = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).single();
        Candidate {
            id: CandidateId(12),
            name: "Ana Silva".into(),
            email: "ana@example.com".into(),
            phone: Some("+351 912 345 678".into()),
            location: Location {
                city: "Lisbon".into(),
                country: "Portugal".into(),
                timezone: "Europe/Lisbon".into(),
            },
            roles: vec![RoleId::new("devops"), RoleId::new("microservices")],
            skills: [
                ("kubernetes", 5),
                ("go", 2),
                ("terraform", 4),
                ("python", 3),
            ]
            .iter()
            .map(|(s, l)| SkillLevel::new(*s, Level::new(*l).unwrap_or(Level::NONE)))
            .collect(),
            rate: Some(RateRange::usd(61, 87)),
            available_from: NaiveDate::from_ymd_opt(2026, 7, 1),
            source: Source::Referral,
            tags: vec!["asks for too much".into()],
            links: vec![
                "https://github.com/anasilva".into(),
                "mailto:ana@example.com".into(),
                "https://wa.me/351912345678".into(),
            ],
            created_at: at.unwrap_or_default(),
            company: String::new(),
            title: String::new(),
            external_ids: Vec::new(),
            custom: Vec::new(),
            consent: None,
        }
    }

    fn job() -> Engagement {
        let need = |skill: &str, level: u8, priority| Requirement {
            skill: SkillId::new(skill),
            min_level: Level::new(level).unwrap_or(Level::NONE),
            priority,
        };
        Engagement {
            id: EngagementId(3),
            client: ClientId(2),
            owner: "sam".into(),
            title: "Platform engineers".into(),
            role: RoleId::new("devops"),
            requirements: vec![
                need("kubernetes", 4, Priority::Must),
                need("go", 3, Priority::Nice),
            ],
            headcount: 2,
            budget: Some(RateRange::usd(60, 90)),
            bill_rate: None,
            model: HiringModel::StaffAugmentation,
            status: EngagementStatus::Open,
            opened_at: Utc::now(),
            target_start: None,
        }
    }

    fn acme() -> Client {
        Client {
            id: ClientId(2),
            name: "Acme".into(),
            contacts: Contact::parse("Jane Roe <jane@acme.com> +1 555 0100")
                .into_iter()
                .collect(),
            notes: "pays late".into(),
            created_at: Utc::now(),
        }
    }

    fn profile(candidate: &Candidate, bill: Option<&HourlyRate>) -> String {
        render(candidate, &job(), &acme(), Catalog::builtin(), bill)
    }

    #[test]
    fn the_profile_says_who_where_when_and_how_they_meet_each_requirement() {
        let text = profile(&ana(), Some(&HourlyRate::usd(95)));
        for expected in [
            "# Ana Silva",
            "DevOps Developer (also Microservices Developer)",
            "Lisbon, Portugal · time zone Europe/Lisbon",
            "Available from 2026-07-01",
            "## For Acme: Platform engineers (E3)",
            "- Kubernetes (must, level 4): 5 · met",
            "- Go (nice to have, level 3): 2 · short by 1",
            "Other strengths: Terraform 4, Python 3",
            "Rate proposed: $95/h",
            "- https://github.com/anasilva",
        ] {
            assert!(text.contains(expected), "{expected} in\n{text}");
        }
        assert!(text.lines().count() < 40, "one page:\n{text}");
    }

    #[test]
    fn no_email_phone_pay_expectation_or_internal_notes_reach_the_client() {
        let text = profile(&ana(), Some(&HourlyRate::usd(95)));
        for hidden in [
            "ana@example.com",
            "912",
            "mailto",
            "61",
            "87",
            "asks for too much",
            "pays late",
        ] {
            assert!(!text.contains(hidden), "{hidden} in\n{text}");
        }
    }

    #[test]
    fn control_characters_are_cleaned_and_a_missing_rate_is_to_be_agreed() {
        let mut hostile = ana();
        hostile.name = "Eve\u{1b}]52;c;aGk=\u{7}\u{202E} Doe".into();
        hostile.links = vec!["https://x.example/\u{1b}[2J".into()];
        hostile.location = Location::default();
        hostile.available_from = None;
        let text = profile(&hostile, None);
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        assert!(!text.contains('\u{202E}'));
        assert!(text.contains("# Eve]52;c;aGk= Doe"), "{text}");
        assert!(text.contains("Rate proposed: to be agreed"), "{text}");
        assert!(text.contains("Location not stated"), "{text}");
        assert!(text.contains("Availability to be confirmed"), "{text}");
    }
}
