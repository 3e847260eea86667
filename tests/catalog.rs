//! The shipped catalog (assets/roles.toml, assets/skills.toml) covers the
//! seed article's vocabulary, resolves what people type, and the loader
//! refuses broken files with messages that say where and what.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use hireterm::catalog::{Catalog, CatalogError};
use hireterm::domain::{Category, Role, RoleId, Skill, SkillId};
use std::collections::{HashMap, HashSet};

const ROLES_TOML: &str = include_str!("../assets/roles.toml");
const SKILLS_TOML: &str = include_str!("../assets/skills.toml");

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

fn skill(term: &str) -> &'static Skill {
    catalog()
        .find_skill(term)
        .unwrap_or_else(|| panic!("no skill found for {term:?}"))
}

fn role(term: &str) -> &'static Role {
    catalog()
        .find_role(term)
        .unwrap_or_else(|| panic!("no role found for {term:?}"))
}

/// The error of a catalog that must not load.
fn load_error(roles: &str, skills: &str) -> CatalogError {
    Catalog::from_toml(roles, skills)
        .err()
        .unwrap_or_else(|| panic!("catalog loaded but should not have:\n{roles}"))
}

/// Text whose line N (counting from 1) is `lines[N - 1]`.
fn numbered(lines: &[&str]) -> String {
    lines.join("\n") + "\n"
}

/// A small valid skills file for the loader tests.
fn two_skills() -> String {
    numbered(&[
        "[[skill]]",
        r#"id = "go""#,
        r#"name = "Go""#,
        r#"category = "languages""#,
        "",
        "[[skill]]",
        r#"id = "kubernetes""#,
        r#"name = "Kubernetes""#,
        r#"category = "containers""#,
        r#"aliases = ["k8s"]"#,
    ])
}

/// A valid one-role file for the loader tests.
fn one_role(id: &str, skill: &str) -> String {
    numbered(&[
        "[[role]]",
        &format!(r#"id = "{id}""#),
        r#"name = "Some Role""#,
        r#"summary = "Does things.""#,
        &format!(r#"skills = [{{ skill = "{skill}", level = 3 }}]"#),
    ])
}

// ---------------------------------------------------------------------------
// The shipped files
// ---------------------------------------------------------------------------

#[test]
fn shipped_assets_load_without_error() {
    let loaded = Catalog::from_toml(ROLES_TOML, SKILLS_TOML);
    assert!(loaded.is_ok(), "assets do not load: {:?}", loaded.err());
    assert_eq!(catalog().roles().len(), 8);
    assert!(
        (80..=120).contains(&catalog().skills().len()),
        "{} skills",
        catalog().skills().len()
    );
}

#[test]
fn the_eight_role_types_come_in_seed_order() {
    let expected = [
        ("database", "Database Specialist"),
        ("devops", "DevOps Developer"),
        ("api_integration", "API Integration Developer"),
        ("security", "Security Developer"),
        ("web_services", "Web Services Developer"),
        ("architect", "Software Architect"),
        ("microservices", "Microservices Developer"),
        ("fullstack", "Full-Stack Developer"),
    ];
    let actual: Vec<(&str, &str)> = catalog()
        .roles()
        .iter()
        .map(|r| (r.id.as_str(), r.name.as_str()))
        .collect();
    assert_eq!(actual, expected);
    for (id, name) in expected {
        let by_id = catalog().role(&RoleId::new(id));
        assert_eq!(by_id.map(|r| r.name.as_str()), Some(name));
        assert_eq!(role(id).id.as_str(), id);
        assert_eq!(role(name).id.as_str(), id, "by name {name:?}");
        assert_eq!(catalog().role_name(&RoleId::new(id)), name);
    }
}

#[test]
fn roles_resolve_by_the_aliases_people_type_ignoring_case() {
    let cases = [
        ("sre", "devops"),
        ("SRE", "devops"),
        ("platform", "devops"),
        ("Platform Engineer", "devops"),
        ("dba", "database"),
        ("DBA", "database"),
        ("appsec", "security"),
        ("AppSec", "security"),
        ("infosec", "security"),
        ("integration", "api_integration"),
        ("Integration", "api_integration"),
        ("api", "api_integration"),
        ("fullstack", "fullstack"),
        ("FullStack", "fullstack"),
        ("full stack", "fullstack"),
        ("Full Stack", "fullstack"),
        ("full-stack", "fullstack"),
        ("architect", "architect"),
        ("backend architect", "architect"),
        ("microservice", "microservices"),
        ("web services", "web_services"),
        ("ws", "web_services"),
        ("  devops  ", "devops"),
    ];
    for (term, id) in cases {
        assert_eq!(role(term).id.as_str(), id, "role term {term:?}");
    }
    assert!(catalog().find_role("astronaut").is_none());
}

#[test]
fn roles_have_a_short_summary_of_their_own() {
    for r in catalog().roles() {
        let summary = r.summary.trim();
        assert!(!summary.is_empty(), "{} has no summary", r.id);
        assert!(summary.len() <= 240, "{} summary is long: {summary}", r.id);
        assert!(summary.ends_with('.'), "{} summary: {summary}", r.id);
    }
}

#[test]
fn every_technology_of_the_seed_table_is_present() {
    // (the seed's spelling, the catalog id it must resolve to)
    let seed = [
        // Programming languages
        ("Java", "java"),
        ("Python", "python"),
        ("Ruby", "ruby"),
        ("PHP", "php"),
        ("Node.js", "nodejs"),
        ("JavaScript", "nodejs"),
        ("C#", "csharp"),
        // Database management
        ("SQL", "sql"),
        ("MySQL", "mysql"),
        ("PostgreSQL", "postgresql"),
        ("SQL Server", "sql_server"),
        ("NoSQL", "nosql"),
        ("MongoDB", "mongodb"),
        ("Cassandra", "cassandra"),
        ("Redis", "redis"),
        // Frameworks
        ("Spring Boot", "spring_boot"),
        ("Django", "django"),
        ("Flask", "flask"),
        ("Ruby on Rails", "rails"),
        ("Express.js", "express"),
        ("ASP.NET", "aspnet"),
        ("Laravel", "laravel"),
        // APIs and web services
        ("REST", "rest"),
        ("RESTful", "rest"),
        ("GraphQL", "graphql"),
        ("SOAP", "soap"),
        // Version control
        ("Git", "git"),
        ("GitHub", "github"),
        ("GitLab", "gitlab"),
        ("Bitbucket", "bitbucket"),
        // Server management
        ("Linux", "linux"),
        ("Unix", "linux"),
        ("Linux/Unix", "linux"),
        ("Windows Server", "windows_server"),
        ("Nginx", "nginx"),
        ("Apache", "apache"),
        // Containerization and orchestration
        ("Docker", "docker"),
        ("Kubernetes", "kubernetes"),
        // Cloud services
        ("AWS", "aws"),
        ("Azure", "azure"),
        ("Google Cloud Platform", "google_cloud"),
        ("GCP", "google_cloud"),
        // Microservices architecture
        ("Microservices", "microservices"),
        // Testing and debugging
        ("unit testing", "unit_testing"),
        ("JUnit", "junit"),
        ("pytest", "pytest"),
        ("Mocha", "mocha"),
        ("integration testing", "integration_testing"),
        ("debugging", "debugging"),
        // Security
        ("OWASP", "owasp"),
        ("authentication", "auth"),
        ("authorization", "auth"),
        ("OAuth", "oauth"),
        ("JWT", "jwt"),
        // Soft skills
        ("Problem-solving", "problem_solving"),
        ("Communication", "communication"),
        ("Teamwork", "teamwork"),
        ("Adaptability", "adaptability"),
        ("Attention to Detail", "attention_to_detail"),
        ("Creativity", "creativity"),
        ("Innovation", "creativity"),
        ("Patience", "patience"),
        ("Persistence", "patience"),
        ("Continuous Learning", "continuous_learning"),
        ("Project Management", "project_management"),
        ("JIRA", "jira"),
        ("Trello", "trello"),
    ];
    let missing: Vec<&str> = seed
        .iter()
        .filter(|(term, id)| catalog().find_skill(term).map(|s| s.id.as_str()) != Some(*id))
        .map(|(term, _)| *term)
        .collect();
    assert!(missing.is_empty(), "not found or wrong skill: {missing:?}");
}

#[test]
fn skills_resolve_by_the_aliases_people_type_ignoring_case() {
    let cases = [
        ("k8s", "Kubernetes"),
        ("K8S", "Kubernetes"),
        ("kube", "Kubernetes"),
        ("postgres", "PostgreSQL"),
        ("psql", "PostgreSQL"),
        ("pg", "PostgreSQL"),
        ("node", "Node.js"),
        ("nodejs", "Node.js"),
        ("js", "Node.js"),
        ("csharp", "C#"),
        ("c sharp", "C#"),
        (".NET", "C#"),
        ("gcp", "Google Cloud"),
        ("golang", "Go"),
        ("mssql", "SQL Server"),
        ("mongo", "MongoDB"),
        ("rails", "Ruby on Rails"),
        ("RoR", "Ruby on Rails"),
        ("express", "Express.js"),
        ("spring", "Spring Boot"),
        ("tf", "Terraform"),
        ("py", "Python"),
        ("ts", "TypeScript"),
        ("ci/cd", "CI/CD"),
        ("swagger", "OpenAPI"),
        ("pentest", "Penetration Testing"),
        ("oauth2", "OAuth"),
        ("eda", "Event-Driven Architecture"),
        ("  Docker ", "Docker"),
    ];
    for (term, name) in cases {
        assert_eq!(skill(term).name, name, "skill term {term:?}");
    }
    assert!(catalog().find_skill("cobol on cogs").is_none());
}

#[test]
fn the_extra_back_end_skills_are_present() {
    let extra = [
        "go",
        "typescript",
        "rust",
        "terraform",
        "ansible",
        "cicd",
        "prometheus",
        "monitoring",
        "kafka",
        "rabbitmq",
        "grpc",
        "openapi",
        "event_driven",
        "system_design",
        "distributed_systems",
        "encryption",
        "penetration_testing",
        "data_modeling",
        "query_optimization",
    ];
    for id in extra {
        assert!(
            catalog().skill(&SkillId::new(id)).is_some(),
            "no skill `{id}`"
        );
    }
}

#[test]
fn every_category_has_skills_and_categories_stay_grouped_in_seed_order() {
    for category in Category::ALL {
        let count = catalog().skills_in(category).count();
        assert!(count >= 1, "no skill in {}", category.label());
    }
    let order: Vec<Category> = catalog().skills().iter().map(|s| s.category).collect();
    let out_of_order: Vec<&str> = catalog()
        .skills()
        .windows(2)
        .filter(|w| w[0].category > w[1].category)
        .map(|w| w[1].id.as_str())
        .collect();
    assert!(out_of_order.is_empty(), "out of place: {out_of_order:?}");
    assert_eq!(order.first(), Some(&Category::Languages));
    assert_eq!(order.last(), Some(&Category::SoftSkills));
}

#[test]
fn ids_are_stable_lowercase_and_names_are_set() {
    let valid = |id: &str| {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    };
    for s in catalog().skills() {
        assert!(valid(s.id.as_str()), "skill id `{}`", s.id);
        assert!(!s.name.trim().is_empty(), "skill `{}` has no name", s.id);
        assert_eq!(catalog().skill_name(&s.id), s.name);
    }
    for r in catalog().roles() {
        assert!(valid(r.id.as_str()), "role id `{}`", r.id);
    }
}

#[test]
fn every_role_skill_exists_with_a_level_from_1_to_5() {
    for r in catalog().roles() {
        assert!(
            (6..=10).contains(&r.skills.len()),
            "{} has {} skills",
            r.id,
            r.skills.len()
        );
        let mut seen = HashSet::new();
        for rs in &r.skills {
            assert!(
                catalog().skill(&rs.skill).is_some(),
                "{} names unknown skill {}",
                r.id,
                rs.skill
            );
            assert!(
                (1..=5).contains(&rs.level.get()),
                "{} expects level {} in {}",
                r.id,
                rs.level,
                rs.skill
            );
            assert!(seen.insert(&rs.skill), "{} lists {} twice", r.id, rs.skill);
        }
    }
}

#[test]
fn roles_are_defined_by_the_skills_of_their_kind() {
    let defining = [
        ("database", "sql"),
        ("devops", "kubernetes"),
        ("api_integration", "rest"),
        ("security", "owasp"),
        ("web_services", "soap"),
        ("architect", "system_design"),
        ("microservices", "microservices"),
        ("fullstack", "nodejs"),
    ];
    for (role_id, skill_id) in defining {
        let r = role(role_id);
        let level = r
            .skills
            .iter()
            .find(|rs| rs.skill.as_str() == skill_id)
            .map(|rs| rs.level.get());
        assert!(
            level.is_some_and(|l| l >= 4),
            "{role_id} should expect {skill_id} at 4+, has {level:?}"
        );
    }
}

/// Lower-cased id, name and aliases of each entry, mapped to the ids using them.
fn term_owners<'a>(
    entries: impl Iterator<Item = (&'a str, &'a str, &'a [String])>,
) -> HashMap<String, Vec<&'a str>> {
    let mut owners: HashMap<String, Vec<&str>> = HashMap::new();
    for (id, name, aliases) in entries {
        let mut terms: Vec<String> = [id, name]
            .into_iter()
            .chain(aliases.iter().map(String::as_str))
            .map(|t| t.trim().to_lowercase())
            .collect();
        terms.sort();
        terms.dedup();
        for term in terms {
            owners.entry(term).or_default().push(id);
        }
    }
    owners
}

fn shared_terms(owners: &HashMap<String, Vec<&str>>) -> Vec<String> {
    let mut shared: Vec<String> = owners
        .iter()
        .filter(|(_, ids)| ids.len() > 1)
        .map(|(term, ids)| format!("{term:?} -> {ids:?}"))
        .collect();
    shared.sort();
    shared
}

#[test]
fn no_term_belongs_to_two_skills() {
    let skills = catalog().skills();
    let owners = term_owners(
        skills
            .iter()
            .map(|s| (s.id.as_str(), s.name.as_str(), s.aliases.as_slice())),
    );
    assert_eq!(shared_terms(&owners), Vec::<String>::new());
    // So every term finds the skill that declares it.
    for s in skills {
        for alias in &s.aliases {
            assert_eq!(skill(alias).id, s.id, "alias {alias:?}");
            assert!(
                !alias.trim().is_empty() && alias.trim() == alias,
                "{alias:?}"
            );
        }
    }
}

#[test]
fn no_term_belongs_to_two_roles() {
    let roles = catalog().roles();
    let owners = term_owners(
        roles
            .iter()
            .map(|r| (r.id.as_str(), r.name.as_str(), r.aliases.as_slice())),
    );
    assert_eq!(shared_terms(&owners), Vec::<String>::new());
    for r in roles {
        for alias in &r.aliases {
            assert_eq!(role(alias).id, r.id, "alias {alias:?}");
            assert!(
                !alias.trim().is_empty() && alias.trim() == alias,
                "{alias:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// The loader refuses broken files
// ---------------------------------------------------------------------------

#[test]
fn the_loader_fixtures_are_valid() {
    let loaded = Catalog::from_toml(&one_role("devops", "kubernetes"), &two_skills());
    let found = loaded.as_ref().ok().and_then(|c| c.find_skill("k8s"));
    assert_eq!(found.map(|s| s.name.as_str()), Some("Kubernetes"));
}

#[test]
fn a_syntax_error_in_roles_names_the_file_and_its_line() {
    let roles = numbered(&[
        "[[role]]",
        r#"id = "devops""#,
        r#"name = "DevOps Developer""#,
        r#"summary "missing equals sign""#,
        r#"skills = [{ skill = "kubernetes", level = 4 }]"#,
    ]);
    let err = load_error(&roles, &two_skills());
    assert!(matches!(err, CatalogError::Syntax { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.starts_with("roles.toml: line 4: "), "{message}");
}

#[test]
fn a_syntax_error_in_skills_names_the_file_and_its_line() {
    let skills = numbered(&[
        "# a comment",
        "",
        "[[skill]]",
        r#"id = "go""#,
        r#"name = "Go""#,
        r#"category = "languages""#,
        r#"aliases = ["golang""#,
    ]);
    let err = load_error(&one_role("devops", "go"), &skills);
    let message = err.to_string();
    assert!(message.starts_with("skills.toml: line 7: "), "{message}");
}

#[test]
fn a_bad_value_names_its_line() {
    let roles = numbered(&[
        "[[role]]",
        r#"id = "devops""#,
        r#"name = "DevOps Developer""#,
        r#"summary = "Runs things.""#,
        r#"skills = [{ skill = "kubernetes", level = 9 }]"#,
    ]);
    let message = load_error(&roles, &two_skills()).to_string();
    assert!(message.starts_with("roles.toml: line 5: "), "{message}");
    assert!(message.contains("out of range"), "{message}");

    let skills = two_skills().replace(r#""containers""#, r#""spaceships""#);
    let message = load_error(&one_role("devops", "go"), &skills).to_string();
    assert!(message.starts_with("skills.toml: line 9: "), "{message}");
    assert!(message.contains("spaceships"), "{message}");
}

/// Known catalog.rs bug: `describe_toml_error` counts `text[..start].lines()`,
/// which is one short when the error starts at the beginning of a line (a
/// `[[role]]` header for a missing field, or a line that starts badly).
#[test]
fn an_error_at_the_start_of_a_line_names_that_line() {
    let roles = numbered(&[
        "[[role]]",
        r#"id = "devops""#,
        r#"name = "DevOps Developer""#,
        r#"= "a value without a key""#,
    ]);
    let message = load_error(&roles, &two_skills()).to_string();
    assert!(message.starts_with("roles.toml: line 4: "), "{message}");

    let roles = numbered(&[
        "# no summary below",
        "",
        "[[role]]",
        r#"id = "devops""#,
        r#"name = "DevOps Developer""#,
        r#"skills = []"#,
    ]);
    let message = load_error(&roles, &two_skills()).to_string();
    assert!(message.starts_with("roles.toml: line 3: "), "{message}");
    assert!(message.contains("summary"), "{message}");
}

/// Known catalog.rs gap: `deny_unknown_fields` is on the file structs only,
/// so a misspelt key inside an entry (`alias =` for `aliases =`) is dropped.
#[test]
fn a_misspelt_key_inside_an_entry_is_refused() {
    let skills = two_skills().replace("aliases = ", "alias = ");
    let message = load_error(&one_role("devops", "go"), &skills).to_string();
    assert!(message.contains("alias"), "{message}");
}

#[test]
fn a_role_naming_an_unknown_skill_is_refused_naming_both() {
    let err = load_error(&one_role("devops", "cobol"), &two_skills());
    assert!(matches!(err, CatalogError::Invalid { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.starts_with("roles.toml: "), "{message}");
    assert!(message.contains("devops"), "{message}");
    assert!(message.contains("cobol"), "{message}");
}

#[test]
fn a_duplicate_role_id_is_refused() {
    let roles = one_role("devops", "go") + "\n" + &one_role("devops", "kubernetes");
    let err = load_error(&roles, &two_skills());
    assert!(matches!(err, CatalogError::Invalid { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.starts_with("roles.toml: "), "{message}");
    assert!(message.contains("`devops`"), "{message}");
}

#[test]
fn a_duplicate_skill_id_is_refused() {
    let skills = two_skills() + "\n" + &two_skills().replace("Kubernetes", "K8s again");
    let err = load_error(&one_role("devops", "go"), &skills);
    assert!(matches!(err, CatalogError::Invalid { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.starts_with("skills.toml: "), "{message}");
    assert!(message.contains("`go`"), "{message}");
}
