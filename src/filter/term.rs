//! What a filter is made of: the fields people filter candidates on, the
//! comparisons, and the parsed terms. Parsing (`parse.rs`) and printing
//! (`format.rs`) both go through these types, so the text a filter prints
//! is the text that parses back to it.

use crate::domain::{EngagementId, Level, RoleId, SkillId, Source, Stage};
use chrono::NaiveDate;

/// A whole filter: every group must hold (the words and terms written one
/// after another). `Filter::default()` (no groups) lets everyone through.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    pub groups: Vec<Group>,
}

/// Alternatives joined by `or`: at least one must hold. `or` binds tighter
/// than the space between terms, as in Gmail's search:
/// `role:devops skill:k8s or skill:helm` is DevOps people who know
/// Kubernetes or Helm.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Group {
    /// Never empty.
    pub any_of: Vec<Term>,
}

/// One test, perhaps negated with a leading `-`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    pub negated: bool,
    pub test: Test,
}

/// A comparison written between a field and its value: `:` and `=` are
/// both `Eq`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cmp {
    Lt,
    Le,
    Eq,
    Ge,
    Gt,
}

impl Cmp {
    /// Whether `left` compared with `right` this way holds.
    pub fn holds<T: PartialOrd>(self, left: T, right: T) -> bool {
        match self {
            Cmp::Lt => left < right,
            Cmp::Le => left <= right,
            Cmp::Eq => left == right,
            Cmp::Ge => left >= right,
            Cmp::Gt => left > right,
        }
    }

    /// As written in a filter; `Eq` prints as `=` after a value that is
    /// compared (`skill:k8s=4`) and as `:` after a field.
    pub fn symbol(self) -> &'static str {
        match self {
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Eq => "=",
            Cmp::Ge => ">=",
            Cmp::Gt => ">",
        }
    }
}

/// A day relative to today (`14d`, `2w`, `now`), or a calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Day {
    /// Days from today: `0` is today (`now`), `14` is `14d` (`2w`).
    FromToday(u32),
    On(NaiveDate),
}

impl Day {
    /// The calendar day this is, seen from `today`. A count of days past
    /// the calendar's end (`avail<=4000000000d` parses) is its last day,
    /// rather than a panic.
    pub fn resolve(self, today: NaiveDate) -> NaiveDate {
        match self {
            Day::FromToday(days) => today
                .checked_add_days(chrono::Days::new(u64::from(days)))
                .unwrap_or(NaiveDate::MAX),
            Day::On(date) => date,
        }
    }
}

/// The tests a term can make. Text values are kept folded (lower case,
/// trimmed) as the matching uses them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Test {
    /// `role:devops`: one of their roles (any alias of it in the catalog).
    Role(RoleId),
    /// `skill:k8s>=4`; `skill:k8s` alone is `>=1` (they have it at all).
    Skill {
        skill: SkillId,
        cmp: Cmp,
        level: Level,
    },
    /// `rate<=80`, `rate<=70eur`: their hourly rate, converted to the
    /// term's currency (the agency's base currency when none is written).
    /// A range such as 60-90 holds when any rate in it does: `rate<=80`
    /// holds for 60-90 (they may take 80), `rate>=95` does not.
    /// Candidates with no rate on file never match.
    Rate {
        cmp: Cmp,
        amount: u32,
        /// Upper case ISO 4217; `None`: the agency's base currency.
        currency: Option<String>,
    },
    /// `avail<=14d`, `avail<=2026-12-20`: the first day they are free (the
    /// bench's rule: their availability date or the day after their
    /// placements end). Unknown: never matches.
    Avail { cmp: Cmp, day: Day },
    /// `tz:Europe/*`: their IANA time zone, `*` and `?` as wildcards,
    /// case-insensitive.
    TimeZone(String),
    /// `country:PT`: their country, case-insensitive, whole.
    Country(String),
    /// `city:lisbon`: their city, case-insensitive, whole.
    City(String),
    /// `stage:screening`: an application at this stage in any engagement.
    Stage(Stage),
    /// `engagement:E3`: in that engagement's pipeline (any stage).
    Engagement(EngagementId),
    /// `client:acme`: in the pipeline of an engagement of a client whose
    /// name contains this.
    Client(String),
    /// `tag:hot`: one of their tags, case-insensitive, whole.
    Tag(String),
    /// `source:referral`.
    Source(Source),
    /// `placed:yes`: holding a seat today (a placement that has started
    /// and not ended); `placed:no`: not.
    Placed(bool),
    /// `submitted:acme`: ever submitted to a client whose name contains
    /// this; `submitted:any` is `Submitted(None)`.
    Submitted(Option<String>),
    /// `waiting:yes`: a submittal of theirs awaits the client's answer
    /// (none yet, or on hold: `Submittal::awaits_answer`); `waiting:no`:
    /// none does.
    Waiting(bool),
    /// `margin<20%`: the margin of their current (else latest) placement.
    Margin { cmp: Cmp, percent: u32 },
    /// A plain word (or a `"quoted phrase"`): the fuzzy search of names,
    /// places, tags, roles and skills, as the palette does.
    Word(String),
}

/// The fields a term can name, for completion, help and suggestions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    /// An example of its use.
    pub example: &'static str,
    /// One line of help.
    pub help: &'static str,
}

/// Every field, in the order help lists them.
pub const FIELDS: &[Field] = &[
    Field {
        name: "role",
        example: "role:devops",
        help: "one of their roles (any alias)",
    },
    Field {
        name: "skill",
        example: "skill:k8s>=4",
        help: "a skill, at a level 0-5 (<, <=, =, >=, >)",
    },
    Field {
        name: "rate",
        example: "rate<=80",
        help: "hourly rate; a range such as 60-90 matches when any rate in it does; 70eur for another currency",
    },
    Field {
        name: "avail",
        example: "avail<=14d",
        help: "first day free: 14d, 2w, now, or a date 2026-12-20",
    },
    Field {
        name: "tz",
        example: "tz:Europe/*",
        help: "time zone, * and ? as wildcards",
    },
    Field {
        name: "country",
        example: "country:PT",
        help: "country",
    },
    Field {
        name: "city",
        example: "city:lisbon",
        help: "city",
    },
    Field {
        name: "stage",
        example: "stage:screening",
        help: "an application at this stage",
    },
    Field {
        name: "engagement",
        example: "engagement:E3",
        help: "in this engagement's pipeline",
    },
    Field {
        name: "client",
        example: "client:acme",
        help: "in a pipeline of this client's engagements",
    },
    Field {
        name: "tag",
        example: "tag:hot",
        help: "a tag",
    },
    Field {
        name: "source",
        example: "source:referral",
        help: "where they came from",
    },
    Field {
        name: "placed",
        example: "placed:no",
        help: "holding a seat today (yes or no)",
    },
    Field {
        name: "submitted",
        example: "submitted:acme",
        help: "ever submitted to this client (or any)",
    },
    Field {
        name: "waiting",
        example: "waiting:yes",
        help: "a submittal awaits the client's answer (yes or no)",
    },
    Field {
        name: "margin",
        example: "margin<20%",
        help: "margin of their current or latest placement",
    },
];
