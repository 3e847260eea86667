//! Small builders for unit tests of the domain rules.
#![allow(clippy::expect_used)]

use super::*;
use chrono::{TimeZone, Utc};

pub fn at(day: u32) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 1, day, 9, 0, 0)
        .single()
        .expect("valid test date")
}

pub fn candidate_with(skills: &[(&str, u8)]) -> Candidate {
    Candidate {
        id: CandidateId(1),
        name: "Ana Silva".into(),
        email: "ana@example.com".into(),
        phone: None,
        location: Location::default(),
        roles: vec![RoleId::new("devops")],
        skills: skills
            .iter()
            .map(|(id, level)| SkillLevel::new(*id, Level::new(*level).expect("level")))
            .collect(),
        rate: None,
        available_from: None,
        source: Source::Referral,
        tags: Vec::new(),
        links: Vec::new(),
        created_at: at(1),
        company: String::new(),
        title: String::new(),
        external_ids: Vec::new(),
        custom: Vec::new(),
        consent: None,
    }
}

/// Requirements as (skill, minimum level, must-have).
pub fn engagement_with(requirements: &[(&str, u8, bool)]) -> Engagement {
    Engagement {
        id: EngagementId(1),
        client: ClientId(1),
        owner: "ana".into(),
        title: "Platform engineers".into(),
        role: RoleId::new("devops"),
        requirements: requirements
            .iter()
            .map(|(skill, level, must)| Requirement {
                skill: SkillId::new(*skill),
                min_level: Level::new(*level).expect("level"),
                priority: if *must {
                    Priority::Must
                } else {
                    Priority::Nice
                },
            })
            .collect(),
        headcount: 2,
        budget: None,
        bill_rate: None,
        model: HiringModel::StaffAugmentation,
        status: EngagementStatus::Open,
        opened_at: at(1),
        target_start: None,
    }
}
