//! Candidates: names, contacts, places and coherent skill profiles.

use super::*;

/// Contact details, drawn together so that email and links match the name.
pub(super) struct Person {
    pub(super) name: String,
    pub(super) email: String,
    pub(super) phone: Option<String>,
    pub(super) location: Location,
    pub(super) links: Vec<String>,
}

impl World<'_> {
    /// The candidates, and their indices bucketed by primary role: pipelines
    /// prefer the engagement's role, and buckets keep that cheap at a million.
    pub(super) fn candidates(&self, count: usize) -> (Vec<Candidate>, Vec<Vec<usize>>) {
        let mut by_role = self.no_roles();
        let candidates = self.candidate_run(0..count, &mut by_role);
        (candidates, by_role)
    }

    /// An empty bucket per role, for [`World::candidate_run`] to fill.
    pub(super) fn no_roles(&self) -> Vec<Vec<usize>> {
        vec![Vec::new(); self.profiles.len()]
    }

    /// The candidates at `indices`, each one's index added to the bucket
    /// of its primary role: a run at a time, so that a million are made
    /// and written without ever being held together.
    pub(super) fn candidate_run(
        &self,
        indices: std::ops::Range<usize>,
        by_role: &mut [Vec<usize>],
    ) -> Vec<Candidate> {
        indices
            .map(|index| {
                let (candidate, primary) = self.candidate(index);
                if let Some(bucket) = primary.and_then(|role| by_role.get_mut(role)) {
                    bucket.push(index);
                }
                candidate
            })
            .collect()
    }

    pub(super) fn candidate(&self, index: usize) -> (Candidate, Option<usize>) {
        let mut rng = Rng::new(self.seed, KIND_CANDIDATE, index as u64);
        let id = index as u64 + 1;
        let person = person(id, &mut rng);
        let (primary, secondary) = self.roles_for(&mut rng);
        // Shifts every level, and so the rate, so that a profile reads as
        // junior or senior throughout.
        let seniority = *rng.pick(&[-1, 0, 0, 1]);
        let (skills, strength) = self.skills_for(primary, secondary, seniority, &mut rng);
        let roles = primary
            .into_iter()
            .chain(secondary)
            .map(|r| self.catalog.roles()[r].id.clone())
            .collect();
        let mut candidate = Candidate {
            id: CandidateId(id),
            name: person.name,
            email: person.email,
            phone: person.phone,
            location: person.location,
            roles,
            skills,
            rate: rate_for(strength, &mut rng),
            available_from: (!rng.chance(20))
                .then(|| self.now.date_naive() + TimeDelta::days(rng.range(-10, 90))),
            source: *rng.pick(&Source::ALL),
            tags: tags_for(seniority, &mut rng),
            links: person.links,
            created_at: self.ago(rng.range(DAY, 365 * DAY)),
            company: String::new(),
            title: String::new(),
            external_ids: Vec::new(),
            custom: Vec::new(),
            consent: None,
        };
        self.on_file(index, &mut candidate);
        (candidate, primary)
    }

    /// A primary role spread evenly over the catalog, and sometimes a second.
    pub(super) fn roles_for(&self, rng: &mut Rng) -> (Option<usize>, Option<usize>) {
        let count = self.catalog.roles().len();
        if count == 0 {
            return (None, None);
        }
        let primary = rng.below(count);
        let secondary =
            (count > 1 && rng.chance(35)).then(|| (primary + 1 + rng.below(count - 1)) % count);
        (Some(primary), secondary)
    }

    /// 5-14 skills centred on the primary role, and the mean level of its
    /// defining skills (3 without a role), which the rate follows.
    pub(super) fn skills_for(
        &self,
        primary: Option<usize>,
        secondary: Option<usize>,
        seniority: i64,
        rng: &mut Rng,
    ) -> (Vec<SkillLevel>, i64) {
        let target = rng.range(5, 14) as usize;
        let soft = (rng.range(1, 3) as usize).min(self.soft.len());
        let technical = target - soft;
        let mut held: Vec<(usize, i64)> = Vec::with_capacity(16);
        let profile = primary.map(|p| &self.profiles[p]);
        for &(skill, level) in profile.map_or(&[][..], |p| p.defining.as_slice()) {
            if held.len() < technical && rng.chance(85) {
                add(&mut held, skill, near(level, seniority, rng));
            }
        }
        let strength = match held.len() as i64 {
            0 => 3,
            n => held.iter().map(|h| h.1).sum::<i64>() / n,
        };
        if let Some(other) = secondary.map(|s| &self.profiles[s].defining) {
            for _ in 0..2.min(other.len()) {
                let &(skill, level) = rng.pick(other);
                add(
                    &mut held,
                    skill,
                    near(level.saturating_sub(1), seniority, rng),
                );
            }
        }
        let related = profile.map_or(&self.technical, |p| &p.related);
        let extra = |rng: &mut Rng| rng.range(1, 4) + seniority;
        fill(&mut held, related, technical, rng, extra);
        fill(&mut held, &self.technical, technical, rng, extra);
        let goal = held.len() + soft;
        fill(&mut held, &self.soft, goal, rng, |rng| rng.range(2, 5));
        top_up(&mut held, &self.technical, &self.soft);
        let skills = held.iter().map(|&(s, l)| self.level_of(s, l)).collect();
        (skills, strength)
    }
}

/// A level near a role's expected one: within two, clamped later.
pub(super) fn near(level: u8, seniority: i64, rng: &mut Rng) -> i64 {
    i64::from(level) + seniority + *rng.pick(&[-1, 0, 0, 1])
}

/// Adds a skill not yet held, up to the 14 a profile shows.
pub(super) fn add(held: &mut Vec<(usize, i64)>, skill: usize, level: i64) {
    if held.len() < 14 && !held.iter().any(|h| h.0 == skill) {
        held.push((skill, level));
    }
}

/// Random picks from `pool` until `held` reaches `goal`; gives up after a
/// few collisions, since small pools may be exhausted.
pub(super) fn fill(
    held: &mut Vec<(usize, i64)>,
    pool: &[usize],
    goal: usize,
    rng: &mut Rng,
    level: impl Fn(&mut Rng) -> i64,
) {
    let mut attempts = goal.saturating_sub(held.len()) * 3;
    while held.len() < goal && attempts > 0 && !pool.is_empty() {
        attempts -= 1;
        let skill = *rng.pick(pool);
        let value = level(rng);
        add(held, skill, value);
    }
}

/// Small catalogs can defeat random picks; sweep them in order to reach five.
pub(super) fn top_up(held: &mut Vec<(usize, i64)>, technical: &[usize], soft: &[usize]) {
    for &skill in technical.iter().chain(soft) {
        if held.len() >= 5 {
            break;
        }
        add(held, skill, 2);
    }
}

pub(super) fn rate_for(strength: i64, rng: &mut Rng) -> Option<RateRange> {
    if rng.chance(5) {
        return None;
    }
    let raw = 25 + (strength - 1) * 15 + rng.range(-10, 30);
    let min = (raw / 5 * 5).clamp(25, 150);
    let max = (min + 5 * rng.range(0, 8)).min(150);
    Some(RateRange::usd(min as u32, max as u32))
}

pub(super) fn tags_for(seniority: i64, rng: &mut Rng) -> Vec<String> {
    let count = rng.weighted(&[35, 35, 20, 10]);
    let mut tags: Vec<String> = Vec::with_capacity(count);
    if seniority > 0 && count > 0 {
        tags.push(if rng.chance(25) { "lead" } else { "senior" }.to_string());
    }
    for _ in 0..count * 2 {
        let tag = *rng.pick(TAGS);
        if tags.len() < count && !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_string());
        }
    }
    tags
}

pub(super) fn person(id: u64, rng: &mut Rng) -> Person {
    let culture = rng.pick(CULTURES);
    let home = if rng.chance(75) {
        culture
    } else {
        rng.pick(CULTURES)
    };
    let &(city, country, timezone, dial) = rng.pick(home.cities);
    let (name, roman) = super::names::full_name(culture, rng);
    // The email starts with the handle the links reuse.
    let mut email = String::with_capacity(48);
    fold_ascii(&roman.0, &mut email);
    email.push('.');
    fold_ascii(&roman.1, &mut email);
    let links = links_for(&email, id, rng);
    let domain = rng.pick(EMAIL_DOMAINS);
    // Writing to a String cannot fail.
    let _ = write!(email, ".{id}@{domain}");
    let phone = (!rng.chance(10)).then(|| {
        let (a, b, c) = (rng.range(200, 999), rng.range(0, 999), rng.range(0, 9999));
        format!("+{dial} {a} {b:03} {c:04}")
    });
    Person {
        name,
        email,
        phone,
        location: Location {
            city: city.to_string(),
            country: country.to_string(),
            timezone: timezone.to_string(),
        },
        links,
    }
}

pub(super) fn links_for(handle: &str, id: u64, rng: &mut Rng) -> Vec<String> {
    let mut links = Vec::new();
    if rng.chance(35) {
        let mut url = String::with_capacity(48);
        url.push_str("https://github.com/");
        url.extend(handle.chars().filter(|c| *c != '.'));
        links.push(url);
    }
    if rng.chance(55) {
        let slug = handle.replace('.', "-");
        links.push(format!("https://www.linkedin.com/in/{slug}-{id}"));
    }
    links
}

/// Lower-cases and strips accents by [`FOLD`]; drops whatever else is not
/// ASCII alphanumeric (spaces, apostrophes, combining marks).
pub(super) fn fold_ascii(text: &str, out: &mut String) {
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        // Lower-casing may yield several chars: `İ` gives `i` and a dot.
        for lower in c.to_lowercase() {
            if lower.is_ascii_alphanumeric() {
                out.push(lower);
            } else if let Some((_, plain)) = FOLD.iter().find(|(group, _)| group.contains(lower)) {
                out.push_str(plain);
            }
        }
    }
}
