//! Deterministic demo data: candidates, engagements and their pipelines,
//! realistic enough to exercise every screen, from 20 records to a million.
//!
//! Everything derives from [`DemoOptions`] and the catalog: nothing reads the
//! clock, the disk or the store, so the same options always give the same
//! data. Each record draws from its own random stream (seed, kind, index), so
//! candidate 17 is the same whether 500 or 1,000,000 are generated.

use crate::catalog::Catalog;
use crate::domain::{
    Application, Candidate, CandidateId, Category, Engagement, EngagementId, EngagementStatus,
    HiringModel, Level, Location, Priority, RateRange, Requirement, Role, SkillLevel, Source,
    Stage, Timestamp,
};
use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use std::fmt::Write as _;

/// How much demo data to make, and from which seed and instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoOptions {
    pub candidates: usize,
    pub engagements: usize,
    pub seed: u64,
    /// Every generated instant lies at or before this one.
    pub now: Timestamp,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            candidates: 500,
            engagements: 12,
            seed: 42,
            now: Utc
                .with_ymd_and_hms(2026, 6, 1, 9, 0, 0)
                .single()
                .unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoData {
    /// Ids 1..=n, in order.
    pub candidates: Vec<Candidate>,
    /// Ids 1..=m, in order.
    pub engagements: Vec<Engagement>,
    /// Grouped by engagement, in engagement order.
    pub applications: Vec<Application>,
}

/// Generates the demo data for `options` from the skills and roles of
/// `catalog`.
pub fn generate(options: &DemoOptions, catalog: &Catalog) -> DemoData {
    let world = World::new(options, catalog);
    let (candidates, by_role) = world.candidates(options.candidates);
    let (engagements, roles) = world.engagements(options.engagements);
    let mut applications = Vec::new();
    for (index, (engagement, role)) in engagements.iter().zip(roles).enumerate() {
        let pool = Pool {
            candidates: &candidates,
            same_role: &by_role[role],
        };
        world.pipeline(index, engagement, &pool, &mut applications);
    }
    DemoData {
        candidates,
        engagements,
        applications,
    }
}

const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

const KIND_CANDIDATE: u64 = 1;
const KIND_ENGAGEMENT: u64 = 2;
const KIND_PIPELINE: u64 = 3;
const KIND_ORDER: u64 = 4;

/// SplitMix64: tiny and fast, and its stream is ours, so it cannot change
/// under us the way the `rand` crate's may between versions.
struct Rng(u64);

impl Rng {
    /// An independent stream per (seed, kind of record, index).
    fn new(seed: u64, kind: u64, index: u64) -> Rng {
        Rng(mix(seed ^ mix(kind ^ mix(index))))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }

    /// Uniform in `0..n` for n > 0; multiply-shift avoids modulo bias.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1).max(1) as usize) as i64
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// Callers pass non-empty slices only (constant tables or checked pools).
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index drawn with the given relative weights.
    fn weighted(&mut self, weights: &[usize]) -> usize {
        let mut roll = self.below(weights.iter().sum::<usize>().max(1));
        for (index, weight) in weights.iter().enumerate() {
            if roll < *weight {
                return index;
            }
            roll -= weight;
        }
        weights.len().saturating_sub(1)
    }
}

fn shuffle<T>(items: &mut [T], rng: &mut Rng) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The options and the catalog, indexed once for every record drawn.
struct World<'a> {
    catalog: &'a Catalog,
    seed: u64,
    now: Timestamp,
    profiles: Vec<Profile>,
    /// Catalog indices of the skills outside soft skills.
    technical: Vec<usize>,
    soft: Vec<usize>,
}

/// What a holder of one role plausibly knows, as catalog skill indices.
struct Profile {
    /// The skills defining the role, with the level a good fit holds.
    defining: Vec<(usize, u8)>,
    /// Other skills of the defining skills' categories, plus version control
    /// and testing, which every back-end developer touches.
    related: Vec<usize>,
}

impl<'a> World<'a> {
    fn new(options: &DemoOptions, catalog: &'a Catalog) -> World<'a> {
        let skills = catalog.skills();
        let (soft, technical): (Vec<usize>, Vec<usize>) =
            (0..skills.len()).partition(|&i| skills[i].category == Category::SoftSkills);
        World {
            catalog,
            seed: options.seed,
            // Whole seconds, so that instants survive the store's millisecond
            // encoding unchanged.
            now: DateTime::from_timestamp(options.now.timestamp(), 0).unwrap_or(options.now),
            profiles: catalog
                .roles()
                .iter()
                .map(|r| profile(r, catalog))
                .collect(),
            technical,
            soft,
        }
    }

    fn ago(&self, seconds: i64) -> Timestamp {
        self.now - TimeDelta::seconds(seconds)
    }

    fn level_of(&self, skill: usize, level: i64) -> SkillLevel {
        SkillLevel {
            skill: self.catalog.skills()[skill].id.clone(),
            level: Level::new(level.clamp(1, 5) as u8).unwrap_or(Level::NONE),
        }
    }
}

impl Profile {
    /// The mean level the role expects, 3 when it defines no skills.
    fn expected_level(&self) -> i64 {
        let sum: i64 = self.defining.iter().map(|d| i64::from(d.1)).sum();
        sum.checked_div(self.defining.len() as i64).unwrap_or(3)
    }
}

fn profile(role: &Role, catalog: &Catalog) -> Profile {
    let skills = catalog.skills();
    let defining: Vec<(usize, u8)> = role
        .skills
        .iter()
        .filter_map(|rs| {
            let index = skills.iter().position(|s| s.id == rs.skill)?;
            Some((index, rs.level.get()))
        })
        .collect();
    let mut categories = vec![Category::VersionControl, Category::Testing];
    categories.extend(defining.iter().map(|&(i, _)| skills[i].category));
    let related = (0..skills.len())
        .filter(|&i| {
            skills[i].category != Category::SoftSkills
                && categories.contains(&skills[i].category)
                && !defining.iter().any(|&(d, _)| d == i)
        })
        .collect();
    Profile { defining, related }
}

// ---------------------------------------------------------------- candidates

/// Contact details, drawn together so that email and links match the name.
struct Person {
    name: String,
    email: String,
    phone: Option<String>,
    location: Location,
    links: Vec<String>,
}

impl World<'_> {
    /// The candidates, and their indices bucketed by primary role: pipelines
    /// prefer the engagement's role, and buckets keep that cheap at a million.
    fn candidates(&self, count: usize) -> (Vec<Candidate>, Vec<Vec<usize>>) {
        let mut by_role = vec![Vec::new(); self.profiles.len()];
        let candidates = (0..count)
            .map(|index| {
                let (candidate, primary) = self.candidate(index);
                if let Some(bucket) = primary.and_then(|role| by_role.get_mut(role)) {
                    bucket.push(index);
                }
                candidate
            })
            .collect();
        (candidates, by_role)
    }

    fn candidate(&self, index: usize) -> (Candidate, Option<usize>) {
        let mut rng = Rng::new(self.seed, KIND_CANDIDATE, index as u64);
        let id = index as u64 + 1;
        let person = person(id, &mut rng);
        let (primary, secondary) = self.roles_for(&mut rng);
        let seniority = *rng.pick(&[-1, 0, 0, 1]);
        let (skills, strength) = self.skills_for(primary, secondary, seniority, &mut rng);
        let roles = primary
            .into_iter()
            .chain(secondary)
            .map(|r| self.catalog.roles()[r].id.clone())
            .collect();
        let candidate = Candidate {
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
        };
        (candidate, primary)
    }

    /// A primary role spread evenly over the catalog, and sometimes a second.
    fn roles_for(&self, rng: &mut Rng) -> (Option<usize>, Option<usize>) {
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
    fn skills_for(
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
fn near(level: u8, seniority: i64, rng: &mut Rng) -> i64 {
    i64::from(level) + seniority + *rng.pick(&[-1, 0, 0, 1])
}

fn add(held: &mut Vec<(usize, i64)>, skill: usize, level: i64) {
    if held.len() < 14 && !held.iter().any(|h| h.0 == skill) {
        held.push((skill, level));
    }
}

/// Random picks from `pool` until `held` reaches `goal`; gives up after a
/// few collisions, since small pools may be exhausted.
fn fill(
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
fn top_up(held: &mut Vec<(usize, i64)>, technical: &[usize], soft: &[usize]) {
    for &skill in technical.iter().chain(soft) {
        if held.len() >= 5 {
            break;
        }
        add(held, skill, 2);
    }
}

fn rate_for(strength: i64, rng: &mut Rng) -> Option<RateRange> {
    if rng.chance(5) {
        return None;
    }
    let raw = 25 + (strength - 1) * 15 + rng.range(-10, 30);
    let min = (raw / 5 * 5).clamp(25, 150);
    let max = (min + 5 * rng.range(0, 8)).min(150);
    Some(RateRange::usd(min as u32, max as u32))
}

fn tags_for(seniority: i64, rng: &mut Rng) -> Vec<String> {
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

fn person(id: u64, rng: &mut Rng) -> Person {
    let culture = rng.pick(CULTURES);
    let home = if rng.chance(75) {
        culture
    } else {
        rng.pick(CULTURES)
    };
    let &(city, country, timezone, dial) = rng.pick(home.cities);
    let (name, roman) = full_name(culture, rng);
    // The email starts with the handle the links reuse.
    let mut email = String::with_capacity(48);
    fold_ascii(roman.0, &mut email);
    email.push('.');
    fold_ascii(roman.1, &mut email);
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

/// The name as written, in the culture's order, and its two parts in Latin
/// script. Names in other scripts sometimes carry their romanisation, as
/// people often write them on a CV.
fn full_name(culture: &Culture, rng: &mut Rng) -> (String, (&'static str, &'static str)) {
    let (given, family) = (*rng.pick(culture.given), *rng.pick(culture.family));
    let (given, family) = (split_name(given), split_name(family));
    let (first, second) = match culture.order {
        Order::GivenFirst => (given, family),
        Order::FamilyFirst | Order::Joined => (family, given),
    };
    let space = if matches!(culture.order, Order::Joined) {
        ""
    } else {
        " "
    };
    let mut name = format!("{}{space}{}", first.0, second.0);
    if !culture.latin && rng.chance(50) {
        name = format!("{name} ({} {})", first.1, second.1);
    }
    (name, (first.1, second.1))
}

/// A name as written and its Latin form, from a `written=Roman` table entry.
fn split_name(entry: &'static str) -> (&'static str, &'static str) {
    entry.split_once('=').unwrap_or((entry, entry))
}

fn links_for(handle: &str, id: u64, rng: &mut Rng) -> Vec<String> {
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
fn fold_ascii(text: &str, out: &mut String) {
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some((_, plain)) = FOLD.iter().find(|(group, _)| group.contains(c)) {
            out.push_str(plain);
        }
    }
}

// --------------------------------------------------------------- engagements

impl World<'_> {
    /// The engagements and their role indices, going round every role and
    /// hiring model in a seeded order.
    fn engagements(&self, count: usize) -> (Vec<Engagement>, Vec<usize>) {
        let mut rng = Rng::new(self.seed, KIND_ORDER, 0);
        let mut roles: Vec<usize> = (0..self.profiles.len()).collect();
        shuffle(&mut roles, &mut rng);
        let models = HiringModel::ALL;
        let shift = rng.below(models.len());
        (0..count)
            .filter_map(|index| {
                let role = *roles.get(index % roles.len().max(1))?;
                let model = models[(index + shift) % models.len()];
                Some((self.engagement(index, role, model), role))
            })
            .unzip()
    }

    fn engagement(&self, index: usize, role: usize, model: HiringModel) -> Engagement {
        let mut rng = Rng::new(self.seed, KIND_ENGAGEMENT, index as u64);
        let client = *rng.pick(CLIENTS);
        let headcount = rng.weighted(&[40, 30, 15, 10, 5]) as u16 + 1;
        let (profile, role) = (&self.profiles[role], &self.catalog.roles()[role]);
        // The first two are the oldest and open, so that the stuck
        // applications the demo promises have room to be stuck in.
        let days_open = if index < 2 { (40, 60) } else { (1, 60) };
        let opened_at = self.ago(rng.range(days_open.0 * DAY, days_open.1 * DAY));
        let status = if index < 2 {
            EngagementStatus::Open
        } else {
            STATUSES[rng.weighted(&[70, 12, 10, 8])]
        };
        Engagement {
            id: EngagementId(index as u64 + 1),
            client: client.to_string(),
            title: title(&role.name, client, headcount, model, &mut rng),
            role: role.id.clone(),
            requirements: self.requirements(profile, &mut rng),
            headcount,
            budget: budget_for(profile.expected_level(), &mut rng),
            model,
            status,
            opened_at,
            target_start: Some(opened_at.date_naive() + TimeDelta::days(rng.range(14, 60))),
        }
    }

    /// 3-5 musts from the role's defining skills, 1-4 nice-to-haves from the
    /// rest of them and from related skills.
    fn requirements(&self, profile: &Profile, rng: &mut Rng) -> Vec<Requirement> {
        let mut defining = profile.defining.clone();
        shuffle(&mut defining, rng);
        let musts = (rng.range(3, 5) as usize).min(defining.len());
        let mut out: Vec<Requirement> = Vec::new();
        for &(skill, level) in &defining[..musts] {
            let min = i64::from(level) - rng.range(0, 1);
            self.require(&mut out, skill, min, Priority::Must);
        }
        let mut pool: Vec<usize> = defining[musts..].iter().map(|d| d.0).collect();
        for _ in 0..4.min(profile.related.len()) {
            pool.push(*rng.pick(&profile.related));
        }
        let nices = out.len() + rng.range(1, 4) as usize;
        for skill in pool {
            if out.len() < nices {
                let min = rng.range(2, 3);
                self.require(&mut out, skill, min, Priority::Nice);
            }
        }
        out
    }

    fn require(&self, out: &mut Vec<Requirement>, skill: usize, min: i64, priority: Priority) {
        let held = self.level_of(skill, min);
        if !out.iter().any(|r| r.skill == held.skill) {
            out.push(Requirement {
                skill: held.skill,
                min_level: held.level,
                priority,
            });
        }
    }
}

fn title(role: &str, client: &str, headcount: u16, model: HiringModel, rng: &mut Rng) -> String {
    let short = client.split_whitespace().next().unwrap_or(client);
    match rng.below(4) {
        0 if headcount > 1 => {
            let plural = if role.ends_with('s') { "" } else { "s" };
            format!("{headcount} {role}{plural} for {short}")
        }
        0 | 1 => format!("Senior {role}"),
        2 => format!("Lead {role} ({})", model.label()),
        _ => format!("{role} for the {short} {}", rng.pick(PROJECTS)),
    }
}

/// A per-person hourly budget around what the role's expected level costs.
fn budget_for(expected: i64, rng: &mut Rng) -> Option<RateRange> {
    if rng.chance(10) {
        return None;
    }
    let raw = 30 + expected * 10 + rng.range(-10, 15);
    let min = (raw / 5 * 5).clamp(25, 140);
    let max = (min + 5 * rng.range(2, 8)).min(150);
    Some(RateRange::usd(min as u32, max as u32))
}

// ----------------------------------------------------------------- pipelines

/// The candidates a pipeline draws from.
struct Pool<'a> {
    candidates: &'a [Candidate],
    /// Indices of the candidates whose primary role is the engagement's.
    same_role: &'a [usize],
}

/// Where an application should end up.
#[derive(Debug, Clone, Copy)]
struct Plan {
    last: Stage,
    /// Far longer in its current stage than anyone should be.
    stuck: bool,
}

impl World<'_> {
    fn pipeline(
        &self,
        index: usize,
        engagement: &Engagement,
        pool: &Pool,
        out: &mut Vec<Application>,
    ) {
        let mut rng = Rng::new(self.seed, KIND_PIPELINE, index as u64);
        let size = pipeline_size(pool.candidates.len(), &mut rng);
        let mut placed_left = match engagement.status {
            EngagementStatus::Filled => usize::from(engagement.headcount),
            _ => 0,
        };
        for pick in pick_candidates(pool, size, engagement.opened_at, &mut rng) {
            let plan = forced_plan(out.len()).unwrap_or_else(|| {
                if placed_left > 0 {
                    placed_left -= 1;
                    Plan {
                        last: Stage::Placed,
                        stuck: false,
                    }
                } else {
                    random_plan(&mut rng)
                }
            });
            let candidate = &pool.candidates[pick];
            out.push(self.application(engagement, candidate, plan, &mut rng));
        }
    }

    /// Replays a planned route through `Application::move_to`, so every
    /// history is legal by construction, spaced back from `now`.
    fn application(
        &self,
        engagement: &Engagement,
        candidate: &Candidate,
        plan: Plan,
        rng: &mut Rng,
    ) -> Application {
        let steps = route(plan, rng);
        let earliest = engagement.opened_at.max(candidate.created_at);
        let gaps = gaps(
            &steps,
            plan,
            (self.now - earliest).num_seconds() - HOUR,
            rng,
        );
        let owner = *rng.pick(ACTORS);
        let mut at = self.ago(gaps.iter().sum());
        let mut app = Application::new(engagement.id, candidate.id, Stage::Sourced, at, owner);
        for ((stage, reason), gap) in steps.iter().skip(1).zip(&gaps) {
            at += TimeDelta::seconds(*gap);
            let actor = if rng.chance(20) {
                *rng.pick(ACTORS)
            } else {
                owner
            };
            let reason = reason.map(str::to_string);
            if app.move_to(*stage, at, actor, reason).is_err() {
                break;
            }
        }
        app
    }
}

/// Pipelines grow with the database: about 8-20 per engagement for hundreds
/// of candidates, up to 40 from tens of thousands.
fn pipeline_size(candidates: usize, rng: &mut Rng) -> usize {
    let high = (8 + 4 * (candidates / 50 + 1).ilog2() as usize).min(40);
    let low = (high / 2).max(8);
    (rng.range(low as i64, high as i64) as usize).min(candidates)
}

/// Distinct candidates, mostly of the engagement's role, mostly on file
/// before it opened (their sourcing cannot predate their record).
fn pick_candidates(pool: &Pool, size: usize, opened: Timestamp, rng: &mut Rng) -> Vec<usize> {
    let mut picks: Vec<usize> = Vec::with_capacity(size);
    let mut attempts = size * 20;
    while picks.len() < size && attempts > 0 {
        attempts -= 1;
        let pick = if !pool.same_role.is_empty() && rng.chance(70) {
            *rng.pick(pool.same_role)
        } else {
            rng.below(pool.candidates.len())
        };
        let late = pool.candidates[pick].created_at > opened;
        if picks.contains(&pick) || (late && attempts > size * 5 && rng.chance(90)) {
            continue;
        }
        picks.push(pick);
    }
    picks
}

/// The first applications cover every stage, then two stuck ones, so the
/// demo shows them all whatever the seed (given 3 engagements, 100 people).
fn forced_plan(serial: usize) -> Option<Plan> {
    match serial {
        0..=7 => Some(Plan {
            last: Stage::ALL[serial],
            stuck: false,
        }),
        8 => Some(Plan {
            last: Stage::Screening,
            stuck: true,
        }),
        9 => Some(Plan {
            last: Stage::TechnicalInterview,
            stuck: true,
        }),
        _ => None,
    }
}

fn random_plan(rng: &mut Rng) -> Plan {
    let last = Stage::ALL[rng.weighted(&[18, 20, 15, 9, 4, 2, 23, 9])];
    let stuck = matches!(last, Stage::Screening | Stage::TechnicalInterview) && rng.chance(20);
    Plan { last, stuck }
}

/// The stages passed through, entry first, each with the reason for the move.
fn route(plan: Plan, rng: &mut Rng) -> Vec<(Stage, Option<&'static str>)> {
    let (target, exit) = if plan.last.is_exit() {
        let weights: &[usize] = match plan.last {
            Stage::Rejected => &[30, 35, 20, 12, 3],
            _ => &[15, 30, 25, 18, 12],
        };
        (Stage::PIPELINE[rng.weighted(weights)], Some(plan.last))
    } else {
        (plan.last, None)
    };
    let mut steps = vec![(Stage::Sourced, None)];
    let mut stage = Stage::Sourced;
    while let Some(mut next) = stage.next().filter(|_| stage < target) {
        // A referral may skip screening; a strong profile an interview.
        if next != target && rng.chance(8) {
            next = next.next().unwrap_or(next);
        }
        steps.push((next, None));
        let back = next
            .previous()
            .filter(|p| *p >= Stage::Screening && next != Stage::Placed);
        if let Some(previous) = back.filter(|_| rng.chance(5)) {
            steps.push((previous, Some(*rng.pick(BACK_REASONS))));
            steps.push((next, None));
        }
        stage = next;
    }
    if let Some(exit) = exit {
        steps.push((exit, Some(exit_reason(exit, stage, rng))));
    }
    steps
}

fn exit_reason(exit: Stage, from: Stage, rng: &mut Rng) -> &'static str {
    let reasons: &[&str] = match (exit, from) {
        (Stage::Withdrawn, _) => WITHDRAW_REASONS,
        (_, Stage::Sourced | Stage::Screening) => EARLY_REJECTIONS,
        (_, Stage::TechnicalInterview) => &["failed technical interview", "skills mismatch"],
        _ => LATE_REJECTIONS,
    };
    reasons[rng.below(reasons.len())]
}

/// Seconds spent in each step, the last one up to now. Squeezed to fit in
/// `room` when the engagement or the candidate is too recent for them.
fn gaps(steps: &[(Stage, Option<&str>)], plan: Plan, room: i64, rng: &mut Rng) -> Vec<i64> {
    let passed = &steps[..steps.len().saturating_sub(1)];
    let mut gaps: Vec<i64> = passed
        .iter()
        .map(|(stage, reason)| {
            let (low, high) = match stage {
                _ if reason.is_some() => (1, 3),
                Stage::Sourced => (1, 4),
                Stage::Screening | Stage::Offer => (2, 7),
                _ => (3, 9),
            };
            rng.range(low * DAY, high * DAY)
        })
        .collect();
    let last = steps.last().map_or(Stage::Sourced, |s| s.0);
    gaps.push(match last {
        _ if plan.stuck => rng.range(21 * DAY, 40 * DAY),
        stage if stage.is_active() => rng.range(3 * HOUR, 12 * DAY),
        _ => rng.range(DAY, 30 * DAY),
    });
    let total: i64 = gaps.iter().sum();
    let room = room.max(DAY);
    if total > room {
        for gap in &mut gaps {
            *gap = (*gap * room / total).max(1);
        }
    }
    gaps
}

// ---------------------------------------------------------------------- data

const STATUSES: [EngagementStatus; 4] = [
    EngagementStatus::Open,
    EngagementStatus::OnHold,
    EngagementStatus::Filled,
    EngagementStatus::Cancelled,
];

#[rustfmt::skip]
const ACTORS: &[&str] = &["ana.recruiter", "sam.lead", "priya.sourcer", "tomas.hiring", "lee.coordinator"];

#[rustfmt::skip]
const EARLY_REJECTIONS: &[&str] = &["no response", "rate above budget", "not available in time", "skills mismatch"];
#[rustfmt::skip]
const LATE_REJECTIONS: &[&str] = &["client declined", "rate above budget", "time zone overlap too small"];
#[rustfmt::skip]
const WITHDRAW_REASONS: &[&str] = &[
    "accepted another offer", "counter-offer from current employer", "rate expectations changed",
    "personal reasons", "no longer looking",
];
#[rustfmt::skip]
const BACK_REASONS: &[&str] = &["moved by mistake", "client asked for another round", "needs a second technical round"];

#[rustfmt::skip]
const TAGS: &[&str] = &[
    "remote-only", "relocation", "visa-needed", "contractor", "night-owl", "fintech", "healthcare",
    "open-source", "speaks-spanish", "speaks-german", "speaks-portuguese", "part-time",
];

#[rustfmt::skip]
const CLIENTS: &[&str] = &[
    "Northwind Logistics", "Helios Health", "Contoso Retail", "Fabrikam Payments", "Tailspin Travel",
    "Bluefin Analytics", "Kestrel Insurance", "Granite Bank", "Verdant Agritech", "Pioneer Telecom",
    "Atlas Mobility", "Nimbus Cloudworks", "Harbor Biotech", "Meridian Education",
    "Müller & Söhne Maschinenbau", "São Jorge Seguros", "Nordlys Energi", "Banco Andino",
];

#[rustfmt::skip]
const PROJECTS: &[&str] = &[
    "platform migration", "payments API", "data platform", "mobile back end", "legacy rewrite",
    "partner integrations",
];

/// Reserved and made-up domains, so no demo address can reach anyone.
#[rustfmt::skip]
const EMAIL_DOMAINS: &[&str] = &["example.com", "example.org", "example.net", "mail.example", "inbox.example"];

/// Lower-case letters and what they fold to in an email address.
#[rustfmt::skip]
const FOLD: &[(&str, &str)] = &[
    ("àáâãäåāăą", "a"), ("æ", "ae"), ("çćč", "c"), ("ďđð", "d"), ("èéêëēėęě", "e"), ("ğ", "g"),
    ("ìíîïīįı", "i"), ("ł", "l"), ("ñńň", "n"), ("òóôõöøōő", "o"), ("œ", "oe"), ("ř", "r"),
    ("śšşș", "s"), ("ß", "ss"), ("ťț", "t"), ("þ", "th"), ("ùúûüūůű", "u"), ("ýÿ", "y"),
    ("źżž", "z"),
];

#[derive(Clone, Copy)]
enum Order {
    GivenFirst,
    FamilyFirst,
    /// Chinese and Korean: family name first, no space.
    Joined,
}

/// Names of one culture, and the cities its people mostly live in as (city,
/// country, IANA zone, calling code). A name is written `written=Roman` where
/// folding the written form would not give a usable email.
struct Culture {
    given: &'static [&'static str],
    family: &'static [&'static str],
    order: Order,
    /// Latin script, so the name needs no romanised form beside it.
    latin: bool,
    cities: &'static [(&'static str, &'static str, &'static str, u16)],
}

const fn culture(
    order: Order,
    latin: bool,
    given: &'static [&'static str],
    family: &'static [&'static str],
    cities: &'static [(&'static str, &'static str, &'static str, u16)],
) -> Culture {
    Culture {
        given,
        family,
        order,
        latin,
        cities,
    }
}

use Order::{FamilyFirst, GivenFirst, Joined};

#[rustfmt::skip]
const CULTURES: &[Culture] = &[
    culture(GivenFirst, true,
        &["João", "Inês", "Gonçalo", "Beatriz", "Thiago", "Luíza"],
        &["Silva", "Gonçalves", "Araújo", "Magalhães", "Simões", "Brandão"],
        &[("Lisbon", "Portugal", "Europe/Lisbon", 351), ("Porto", "Portugal", "Europe/Lisbon", 351),
          ("São Paulo", "Brazil", "America/Sao_Paulo", 55),
          ("Florianópolis", "Brazil", "America/Sao_Paulo", 55), ("Recife", "Brazil", "America/Recife", 55)]),
    culture(GivenFirst, true,
        &["José", "María", "Sofía", "Alejandro", "Lucía", "Andrés", "Joaquín"],
        &["García", "Fernández", "Núñez", "Martínez", "Peña", "Ibáñez"],
        &[("Madrid", "Spain", "Europe/Madrid", 34), ("Barcelona", "Spain", "Europe/Madrid", 34),
          ("Mexico City", "Mexico", "America/Mexico_City", 52),
          ("Buenos Aires", "Argentina", "America/Argentina/Buenos_Aires", 54),
          ("Bogotá", "Colombia", "America/Bogota", 57), ("Medellín", "Colombia", "America/Bogota", 57)]),
    culture(GivenFirst, true,
        &["Zoë", "Jürgen", "Lena", "Maximilian", "Anneliese", "Jörg"],
        &["Müller", "Schäfer", "Großmann", "Becker", "Köhler", "Weiß"],
        &[("Berlin", "Germany", "Europe/Berlin", 49), ("Munich", "Germany", "Europe/Berlin", 49),
          ("Vienna", "Austria", "Europe/Vienna", 43), ("Zürich", "Switzerland", "Europe/Zurich", 41)]),
    culture(GivenFirst, true,
        &["Łukasz", "Agnieszka", "Małgorzata", "Paweł", "Zofia", "Michał"],
        &["Wójcik", "Nowak", "Kowalczyk", "Woźniak", "Mazur", "Krawczyk"],
        &[("Kraków", "Poland", "Europe/Warsaw", 48), ("Warsaw", "Poland", "Europe/Warsaw", 48),
          ("Wrocław", "Poland", "Europe/Warsaw", 48), ("Prague", "Czechia", "Europe/Prague", 420)]),
    culture(FamilyFirst, true,
        &["Văn An=Van An", "Thị Lan=Thi Lan", "Minh Tuấn=Minh Tuan", "Thu Hà=Thu Ha"],
        &["Nguyễn=Nguyen", "Trần=Tran", "Lê=Le", "Phạm=Pham", "Đặng=Dang"],
        &[("Ho Chi Minh City", "Vietnam", "Asia/Ho_Chi_Minh", 84),
          ("Hanoi", "Vietnam", "Asia/Ho_Chi_Minh", 84), ("Da Nang", "Vietnam", "Asia/Ho_Chi_Minh", 84)]),
    culture(GivenFirst, true,
        &["Siobhán", "Aoife", "Seán", "Niamh", "Oisín", "Eilidh", "Callum"],
        &["O'Brien", "Ó Súilleabháin", "Murphy", "MacLeod", "Kavanagh"],
        &[("Dublin", "Ireland", "Europe/Dublin", 353), ("Cork", "Ireland", "Europe/Dublin", 353),
          ("London", "United Kingdom", "Europe/London", 44),
          ("Edinburgh", "United Kingdom", "Europe/London", 44)]),
    culture(GivenFirst, true,
        &["Ngozi", "Chinedu", "Oluwaseun", "Adaeze", "Kwame", "Ama"],
        &["Okafor", "Adeyemi", "Eze", "Mensah", "Okonkwo", "Balogun"],
        &[("Lagos", "Nigeria", "Africa/Lagos", 234), ("Abuja", "Nigeria", "Africa/Lagos", 234),
          ("Accra", "Ghana", "Africa/Accra", 233)]),
    culture(GivenFirst, true,
        &["Wanjiku", "Kamau", "Achieng", "Baraka", "Amani", "Selam"],
        &["Mwangi", "Otieno", "Kiprop", "Njoroge", "Tesfaye"],
        &[("Nairobi", "Kenya", "Africa/Nairobi", 254), ("Kampala", "Uganda", "Africa/Kampala", 256),
          ("Addis Ababa", "Ethiopia", "Africa/Addis_Ababa", 251), ("Kigali", "Rwanda", "Africa/Kigali", 250)]),
    culture(GivenFirst, true,
        &["Aiko", "Haruto", "Yūki", "Sōta", "Ren", "Hana"],
        &["Tanaka", "Satō", "Suzuki", "Takahashi", "Kobayashi", "Itō"],
        &[("Tokyo", "Japan", "Asia/Tokyo", 81), ("Osaka", "Japan", "Asia/Tokyo", 81),
          ("Fukuoka", "Japan", "Asia/Tokyo", 81)]),
    culture(Joined, false,
        &["芳=Fang", "伟=Wei", "敏=Min", "静=Jing", "洋=Yang", "晓明=Xiaoming"],
        &["王=Wang", "李=Li", "张=Zhang", "陈=Chen", "刘=Liu", "黄=Huang"],
        &[("Shanghai", "China", "Asia/Shanghai", 86), ("Shenzhen", "China", "Asia/Shanghai", 86),
          ("Taipei", "Taiwan", "Asia/Taipei", 886), ("Singapore", "Singapore", "Asia/Singapore", 65)]),
    culture(Joined, false,
        &["민준=Minjun", "서연=Seoyeon", "지호=Jiho", "하은=Haeun", "도윤=Doyun"],
        &["김=Kim", "이=Lee", "박=Park", "최=Choi", "정=Jung"],
        &[("Seoul", "South Korea", "Asia/Seoul", 82), ("Busan", "South Korea", "Asia/Seoul", 82)]),
    culture(GivenFirst, true,
        &["Priya", "Arjun", "Ananya", "Rohan", "Lakshmi", "Vikram", "Aditi"],
        &["Raman", "Iyer", "Sharma", "Patel", "Reddy", "Nair", "Banerjee"],
        &[("Bengaluru", "India", "Asia/Kolkata", 91), ("Pune", "India", "Asia/Kolkata", 91),
          ("Hyderabad", "India", "Asia/Kolkata", 91), ("Chennai", "India", "Asia/Kolkata", 91)]),
    culture(GivenFirst, true,
        &["Ömer", "Elif", "Mehmet", "Zeynep", "Çağrı", "Ayşe"],
        &["Yılmaz", "Şahin", "Demir", "Öztürk", "Çelik", "Aydın"],
        &[("Istanbul", "Türkiye", "Europe/Istanbul", 90), ("Ankara", "Türkiye", "Europe/Istanbul", 90),
          ("İzmir", "Türkiye", "Europe/Istanbul", 90)]),
    culture(GivenFirst, true,
        &["Anaïs", "Théo", "Chloé", "Léa", "Mathis", "François"],
        &["Dubois", "Lefèvre", "Moreau", "Girard", "Bélanger", "Rousseau"],
        &[("Paris", "France", "Europe/Paris", 33), ("Lyon", "France", "Europe/Paris", 33),
          ("Montréal", "Canada", "America/Toronto", 1), ("Brussels", "Belgium", "Europe/Brussels", 32)]),
    culture(GivenFirst, true,
        &["Søren", "Björk", "Åsa", "Henrik", "Freja", "Magnús", "Aino"],
        &["Ødegaard", "Johansson", "Lindqvist", "Halvorsen", "Nyström", "Virtanen"],
        &[("Copenhagen", "Denmark", "Europe/Copenhagen", 45), ("Oslo", "Norway", "Europe/Oslo", 47),
          ("Stockholm", "Sweden", "Europe/Stockholm", 46),
          ("Reykjavík", "Iceland", "Atlantic/Reykjavik", 354),
          ("Helsinki", "Finland", "Europe/Helsinki", 358)]),
    culture(GivenFirst, true,
        &["Fatima Zahra", "Youssef", "Amira", "Omar", "Layla", "Karim"],
        &["El Idrissi", "Haddad", "Benali", "Mansour", "Farouk", "Al-Rashid"],
        &[("Cairo", "Egypt", "Africa/Cairo", 20), ("Casablanca", "Morocco", "Africa/Casablanca", 212),
          ("Dubai", "United Arab Emirates", "Asia/Dubai", 971), ("Amman", "Jordan", "Asia/Amman", 962)]),
    culture(GivenFirst, true,
        &["Angelica", "Paolo", "Jericho", "Kristine", "Mark Anthony"],
        &["Santos", "Reyes", "Dela Cruz", "Bautista", "Villanueva"],
        &[("Manila", "Philippines", "Asia/Manila", 63), ("Cebu City", "Philippines", "Asia/Manila", 63)]),
    culture(GivenFirst, true,
        &["Emily", "Jacob", "Madison", "Tyler", "Olivia", "Ethan"],
        &["Johnson", "Williams", "Brown", "Walker", "Thompson", "Nguyen"],
        &[("Austin", "United States", "America/Chicago", 1),
          ("New York", "United States", "America/New_York", 1),
          ("Seattle", "United States", "America/Los_Angeles", 1),
          ("Denver", "United States", "America/Denver", 1), ("Toronto", "Canada", "America/Toronto", 1),
          ("Vancouver", "Canada", "America/Vancouver", 1), ("Sydney", "Australia", "Australia/Sydney", 61),
          ("Auckland", "New Zealand", "Pacific/Auckland", 64)]),
    culture(GivenFirst, false,
        &["Олена=Olena", "Андрій=Andriy", "Дмитро=Dmytro", "Оксана=Oksana", "Тарас=Taras"],
        &["Шевченко=Shevchenko", "Коваленко=Kovalenko", "Бондаренко=Bondarenko", "Мельник=Melnyk"],
        &[("Kyiv", "Ukraine", "Europe/Kyiv", 380), ("Lviv", "Ukraine", "Europe/Kyiv", 380),
          ("Tallinn", "Estonia", "Europe/Tallinn", 372)]),
];

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::text;
    use std::collections::HashSet;

    fn demo(candidates: usize, engagements: usize, seed: u64) -> DemoData {
        let options = DemoOptions {
            candidates,
            engagements,
            seed,
            ..DemoOptions::default()
        };
        generate(&options, Catalog::builtin())
    }

    fn now() -> Timestamp {
        DemoOptions::default().now
    }

    #[test]
    fn default_options_are_as_documented() {
        let options = DemoOptions::default();
        assert_eq!(
            (options.candidates, options.engagements, options.seed),
            (500, 12, 42)
        );
        assert_eq!(options.now.to_rfc3339(), "2026-06-01T09:00:00+00:00");
    }

    #[test]
    fn same_options_give_the_same_data_and_another_seed_does_not() {
        let first = demo(300, 6, 7);
        assert_eq!(first, demo(300, 6, 7));
        let other = demo(300, 6, 8);
        assert_ne!(first.candidates, other.candidates);
        assert_ne!(first.applications, other.applications);
    }

    #[test]
    fn a_candidate_does_not_depend_on_how_many_are_made() {
        let few = demo(50, 2, 42);
        let many = demo(500, 12, 42);
        assert_eq!(few.candidates[..], many.candidates[..50]);
        assert_eq!(few.engagements[..], many.engagements[..2]);
    }

    #[test]
    fn ids_count_up_from_one() {
        let data = demo(500, 12, 42);
        assert_eq!(data.candidates.len(), 500);
        assert_eq!(data.engagements.len(), 12);
        for (i, candidate) in data.candidates.iter().enumerate() {
            assert_eq!(candidate.id, CandidateId(i as u64 + 1));
        }
        for (i, engagement) in data.engagements.iter().enumerate() {
            assert_eq!(engagement.id, EngagementId(i as u64 + 1));
        }
        let known: HashSet<_> = data.candidates.iter().map(|c| c.id).collect();
        let mut pairs = HashSet::new();
        for app in &data.applications {
            assert!(known.contains(&app.candidate));
            assert!((1..=12).contains(&app.engagement.0));
            assert!(
                pairs.insert((app.engagement, app.candidate)),
                "twice in a pipeline"
            );
            assert!(app.scorecards.is_empty());
        }
        let per_engagement = data.applications.len() / 12;
        assert!(
            (8..=40).contains(&per_engagement),
            "{per_engagement} per engagement"
        );
    }

    #[test]
    fn normalised_emails_are_unique() {
        let data = demo(20_000, 0, 42);
        let emails: HashSet<String> = data
            .candidates
            .iter()
            .map(|c| text::normalize_email(&c.email))
            .collect();
        assert_eq!(emails.len(), data.candidates.len());
        assert!(emails.iter().all(|e| e.is_ascii()));
    }

    #[test]
    fn every_candidate_is_fit_to_store() {
        let catalog = Catalog::builtin();
        let minimum = 5.min(catalog.skills().len());
        for candidate in demo(2_000, 0, 42).candidates {
            assert_eq!(candidate.problems(), Vec::<String>::new(), "{candidate:?}");
            let skills: HashSet<_> = candidate.skills.iter().map(|s| &s.skill).collect();
            assert_eq!(skills.len(), candidate.skills.len(), "duplicate skill");
            assert!(
                (minimum..=14).contains(&skills.len()),
                "{} skills",
                skills.len()
            );
            assert!(skills.iter().all(|s| catalog.skill(s).is_some()));
            assert!(candidate.skills.iter().all(|s| s.level.get() >= 1));
            assert!((1..=2).contains(&candidate.roles.len()));
            assert!(candidate.roles.iter().all(|r| catalog.role(r).is_some()));
            assert!(candidate.tags.len() <= 3 && candidate.links.len() <= 2);
        }
    }

    #[test]
    fn rates_dates_and_sources_are_plausible() {
        let data = demo(2_000, 0, 42);
        let today = now().date_naive();
        let mut sources = HashSet::new();
        for candidate in &data.candidates {
            if let Some(rate) = &candidate.rate {
                assert!((25..=150).contains(&rate.min) && (rate.min..=150).contains(&rate.max));
                assert_eq!(rate.currency, "USD");
            }
            if let Some(date) = candidate.available_from {
                assert!((-10..=90).contains(&(date - today).num_days()));
            }
            let age = now() - candidate.created_at;
            assert!(age >= TimeDelta::zero() && age <= TimeDelta::days(365));
            sources.insert(candidate.source);
        }
        assert_eq!(sources.len(), Source::ALL.len());
    }

    #[test]
    fn roles_spread_over_the_catalog() {
        let catalog = Catalog::builtin();
        let data = demo(2_000, catalog.roles().len().max(4), 42);
        let primaries: HashSet<_> = data
            .candidates
            .iter()
            .filter_map(|c| c.primary_role())
            .collect();
        assert_eq!(primaries.len(), catalog.roles().len());
        let roles: HashSet<_> = data.engagements.iter().map(|e| &e.role).collect();
        assert_eq!(roles.len(), catalog.roles().len());
        let models: HashSet<_> = data.engagements.iter().map(|e| e.model).collect();
        assert_eq!(models.len(), HiringModel::ALL.len());
    }

    #[test]
    fn engagements_are_plausible() {
        let catalog = Catalog::builtin();
        for engagement in demo(100, 12, 42).engagements {
            assert!(text::is_clean(&engagement.client, false));
            assert!(text::is_clean(&engagement.title, false) && !engagement.title.is_empty());
            assert!((1..=5).contains(&engagement.headcount));
            let musts = engagement.musts().count();
            let role = catalog.role(&engagement.role).expect("known role");
            assert!(musts >= 3.min(role.skills.len()) && musts <= 5);
            assert!(engagement.nices().count() <= 4);
            for requirement in &engagement.requirements {
                assert!(catalog.skill(&requirement.skill).is_some());
                assert!(requirement.min_level.get() >= 1);
            }
            if let Some(budget) = &engagement.budget {
                assert!(25 <= budget.min && budget.min <= budget.max && budget.max <= 150);
            }
            let age = now() - engagement.opened_at;
            assert!(age >= TimeDelta::zero() && age <= TimeDelta::days(60));
            assert!(engagement.target_start > Some(engagement.opened_at.date_naive()));
        }
    }

    #[test]
    fn every_stage_is_somebody_s_current_stage() {
        let data = demo(500, 12, 42);
        let current: HashSet<Stage> = data.applications.iter().map(|a| a.stage).collect();
        assert_eq!(current.len(), Stage::ALL.len(), "{current:?}");
        // The guarantee holds at its stated minimum, for any seed.
        for seed in 0..20 {
            let data = demo(100, 3, seed);
            let current: HashSet<Stage> = data.applications.iter().map(|a| a.stage).collect();
            assert_eq!(current.len(), Stage::ALL.len(), "seed {seed}");
        }
    }

    #[test]
    fn histories_are_legal_ordered_and_past() {
        let data = demo(500, 12, 42);
        let mut reasons = HashSet::new();
        for app in &data.applications {
            let engagement = &data.engagements[app.engagement.0 as usize - 1];
            let candidate = &data.candidates[app.candidate.0 as usize - 1];
            let entry = &app.history[0];
            assert_eq!((entry.from, entry.to), (None, Stage::Sourced));
            assert!(entry.at >= engagement.opened_at && entry.at >= candidate.created_at);
            for pair in app.history.windows(2) {
                assert_eq!(pair[1].from, Some(pair[0].to));
                assert!(pair[0].to.can_move_to(pair[1].to), "{app:?}");
                assert!(pair[0].at < pair[1].at, "{app:?}");
            }
            let last = app.history.last().expect("entry");
            assert_eq!(last.to, app.stage);
            assert!(last.at <= now());
            for change in &app.history {
                assert!(ACTORS.contains(&change.actor.as_str()));
                if let Some(reason) = &change.reason {
                    assert!(text::is_clean(reason, false));
                    reasons.insert(reason.as_str());
                }
            }
            if app.stage.is_exit() {
                assert!(last.reason.is_some());
            }
        }
        assert!(reasons.len() >= 5, "{reasons:?}");
    }

    #[test]
    fn some_applications_are_stuck() {
        let data = demo(500, 12, 42);
        let stuck = data
            .applications
            .iter()
            .filter(|a| matches!(a.stage, Stage::Screening | Stage::TechnicalInterview))
            .filter(|a| now() - a.entered_stage_at().expect("entry") >= TimeDelta::days(20))
            .count();
        assert!(stuck >= 2, "{stuck} stuck");
    }

    #[test]
    fn pipelines_prefer_the_engagement_role() {
        let data = demo(5_000, 12, 42);
        let matching = data
            .applications
            .iter()
            .filter(|a| {
                let engagement = &data.engagements[a.engagement.0 as usize - 1];
                let candidate = &data.candidates[a.candidate.0 as usize - 1];
                candidate.primary_role() == Some(&engagement.role)
            })
            .count();
        assert!(matching * 2 > data.applications.len());
    }

    #[test]
    fn every_name_gives_an_ascii_email_handle() {
        for culture in CULTURES {
            assert!(!culture.cities.is_empty());
            for entry in culture.given.iter().chain(culture.family) {
                let mut handle = String::new();
                fold_ascii(split_name(entry).1, &mut handle);
                assert!(!handle.is_empty(), "{entry}");
                assert!(
                    handle.chars().all(|c| c.is_ascii_lowercase()),
                    "{entry} -> {handle}"
                );
            }
        }
    }

    #[test]
    fn works_for_a_tiny_catalog_and_tiny_options() {
        let roles = r#"[[role]]
id = "devops"
name = "DevOps Developer"
summary = "Runs production."
skills = [{ skill = "go", level = 3 }]
"#;
        let skills = "[[skill]]\nid = \"go\"\nname = \"Go\"\ncategory = \"languages\"\n";
        let catalog = Catalog::from_toml(roles, skills).expect("tiny catalog");
        let options = DemoOptions {
            candidates: 5,
            engagements: 3,
            ..DemoOptions::default()
        };
        let data = generate(&options, &catalog);
        assert_eq!(data.candidates.len(), 5);
        assert!(data.candidates.iter().all(|c| c.skills.len() == 1));
        assert!(data.applications.len() <= 15);
        let no_roles = Catalog::from_toml("role = []", skills).expect("no roles");
        let data = generate(&options, &no_roles);
        assert!(data.engagements.is_empty() && data.applications.is_empty());
        assert!(data.candidates.iter().all(|c| c.roles.is_empty()));
        assert_eq!(
            generate(
                &DemoOptions {
                    candidates: 0,
                    ..options
                },
                &catalog
            )
            .applications,
            []
        );
    }

    #[test]
    fn generates_a_large_database() {
        let data = demo(100_000, 12, 42);
        assert_eq!(data.candidates.len(), 100_000);
        assert!(data.applications.len() >= 12 * 20);
    }

    /// `cargo test --release --lib demo -- --ignored --nocapture`
    #[test]
    #[ignore = "timing, for release builds"]
    fn time_large_generations() {
        for n in [100_000, 1_000_000] {
            let start = std::time::Instant::now();
            let data = demo(n, 12, 42);
            let elapsed = start.elapsed();
            eprintln!(
                "{n} candidates, {} applications: {elapsed:?}",
                data.applications.len()
            );
        }
    }
}
