//! The engagement form: on the pipeline pane, `A` adds an engagement and
//! `E` edits the one shown. The client is picked from those on file as
//! you type; the requirements are skills picked from the catalog, each
//! with a minimum level and must or nice to have (at least one, and one
//! must-have). Saving is the app's (`app/commands/engagement.rs`).

use super::picks::{Asks, Pick, Picks, Source as PickSource, Sources};
use super::rules::{self, Rule};
use super::{Field, Form};
use crate::app::action::Action;
use crate::app::prompt::outcome::Outcome;
use crate::catalog::Catalog;
use crate::domain::engagement::requirements_problem;
use crate::domain::limits::MAX_LIST_LEN;
use crate::domain::problem::FieldProblem;
use crate::domain::{
    ClientId, Engagement, EngagementId, EngagementStatus, HiringModel, HourlyRate, Level, Priority,
    RateRange, Requirement, RoleId, SkillId, Timestamp,
};

/// The fields, in screen order; the status shows only when editing.
pub const CLIENT: usize = 0;
pub const OWNER: usize = 1;
pub const TITLE: usize = 2;
pub const ROLE: usize = 3;
pub const REQUIREMENTS: usize = 4;
pub const HEADCOUNT: usize = 5;
pub const MODEL: usize = 6;
pub const BUDGET: usize = 7;
pub const CURRENCY: usize = 8;
pub const BILL: usize = 9;
pub const START: usize = 10;
pub const STATUS: usize = 11;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngagementForm {
    pub form: Form,
    /// The engagement as it was when the edit began; `None` for a new one.
    pub editing: Option<Engagement>,
}

/// What a new engagement's form starts from: the owner (the person at
/// the keyboard) and, if known, the client (the one of the engagement
/// shown), as (id, name).
#[derive(Debug, Clone, Default)]
pub struct Starting {
    pub owner: String,
    pub client: Option<(ClientId, String)>,
}

impl EngagementForm {
    /// A blank form from `starting`, or the form over `editing` (whose
    /// client is `starting.client`).
    pub fn new(
        catalog: &Catalog,
        editing: Option<Engagement>,
        starting: Starting,
    ) -> EngagementForm {
        EngagementForm {
            form: Form::new(fields(catalog, editing.as_ref(), &starting)),
            editing,
        }
    }

    /// Submit: the engagement to save, built and checked.
    pub fn handle(
        &mut self,
        action: Action,
        sources: &Sources,
        now: Timestamp,
    ) -> Outcome<Engagement> {
        self.form
            .handle(action, sources)
            .and_then(|()| match self.build(now) {
                Some(engagement) => Outcome::Submit(engagement),
                None => Outcome::Refuse("not saved: mend the fields marked ✗".into()),
            })
    }

    /// The engagement the form describes, or `None` with the errors marked
    /// next to their fields: first each field's own check, then the
    /// domain's check of the whole record, the one the store applies.
    pub fn build(&mut self, now: Timestamp) -> Option<Engagement> {
        if !self.form.validate() {
            return None;
        }
        let budget = self.form.rate(BUDGET, CURRENCY, "budget")?;
        let bill = self.bill_rate()?;
        let engagement = self.record(budget, bill, now)?;
        let mut problems = engagement.field_problems();
        // Staffing needs skills: the form asks for them (the store does
        // not, so that older and imported records still load).
        let staffing = requirements_problem(&engagement.requirements);
        problems.extend(staffing.map(|message| FieldProblem::new("requirements", message)));
        self.form
            .show_problems(problems, field_of)
            .then_some(engagement)
    }

    /// The bill rate typed, in the currency of the currency field.
    fn bill_rate(&mut self) -> Option<Option<HourlyRate>> {
        let text = self.form.text(BILL);
        if text.is_empty() {
            return Some(None);
        }
        let currency = rules::parse_currency(&self.form.text(CURRENCY));
        match HourlyRate::parse(&text, &currency) {
            Ok(rate) => Some(Some(rate)),
            Err(problem) => {
                self.form.set_error(BILL, problem);
                None
            }
        }
    }

    /// The record the fields describe, once each has passed its check.
    fn record(
        &self,
        budget: Option<RateRange>,
        bill_rate: Option<HourlyRate>,
        now: Timestamp,
    ) -> Option<Engagement> {
        let form = &self.form;
        let base = self.editing.as_ref();
        let status = match base {
            Some(_) => EngagementStatus::ALL[form.choice(STATUS).min(3)],
            None => EngagementStatus::Open,
        };
        Some(Engagement {
            id: base.map_or(EngagementId(0), |e| e.id),
            client: form.picks(CLIENT).first()?.id.parse().ok()?,
            owner: form.text(OWNER),
            title: form.text(TITLE),
            role: RoleId::new(&form.picks(ROLE).first()?.id),
            requirements: requirements(form.picks(REQUIREMENTS)),
            headcount: rules::parse_headcount(&form.text(HEADCOUNT)).ok()?,
            budget,
            bill_rate,
            model: HiringModel::ALL[form.choice(MODEL).min(3)],
            status,
            opened_at: base.map_or(now, |e| e.opened_at),
            target_start: rules::parse_date(&form.text(START)).ok()?,
        })
    }
}

/// The form's field for a field the record check names.
fn field_of(name: &str) -> Option<usize> {
    Some(match name {
        "owner" => OWNER,
        "title" => TITLE,
        "requirements" => REQUIREMENTS,
        "headcount" => HEADCOUNT,
        "budget" => BUDGET,
        "currency" => CURRENCY,
        "bill rate" => BILL,
        _ => return None,
    })
}

/// The fields in screen order (see the constants above), filled from
/// `e` when editing; the status only then.
fn fields(catalog: &Catalog, e: Option<&Engagement>, starting: &Starting) -> Vec<Field> {
    let client = starting
        .client
        .iter()
        .map(|(id, name)| Pick::new(&id.0.to_string(), name, None));
    let owner = e.map_or(starting.owner.as_str(), |e| &e.owner);
    let mut fields = vec![
        Field::picks(
            "Client",
            Picks::new(PickSource::Clients, Asks::Nothing, 1, client.collect()),
            true,
        ),
        Field::text("Owner", Rule::Required, owner),
        Field::text("Title", Rule::Required, e.map_or("", |e| &e.title)),
    ];
    fields.extend(catalog_fields(catalog, e));
    fields.extend(terms_fields(e));
    if let Some(e) = e {
        let status = EngagementStatus::ALL.iter().position(|s| *s == e.status);
        let labels = EngagementStatus::ALL.iter().map(|s| s.label()).collect();
        fields.push(Field::choice("Status", labels, status.unwrap_or(0)));
    }
    fields
}

fn catalog_fields(catalog: &Catalog, e: Option<&Engagement>) -> [Field; 2] {
    let role = e.map(|e| Pick::new(e.role.as_str(), catalog.role_name(&e.role), None));
    let requirements = e.map_or(&[][..], |e| &e.requirements).iter().map(|r| Pick {
        priority: Some(r.priority),
        ..Pick::new(
            r.skill.as_str(),
            catalog.skill_name(&r.skill),
            Some(r.min_level),
        )
    });
    let asks = Asks::LevelAndPriority;
    let requirements = Picks::new(
        PickSource::Skills,
        asks,
        MAX_LIST_LEN,
        requirements.collect(),
    );
    [
        Field::picks(
            "Role type",
            Picks::new(
                PickSource::Roles,
                Asks::Nothing,
                1,
                role.into_iter().collect(),
            ),
            true,
        ),
        Field::picks("Requires", requirements, true),
    ]
}

fn terms_fields(e: Option<&Engagement>) -> [Field; 6] {
    let budget = e.and_then(|e| e.budget.as_ref());
    let headcount = e.map_or(1, |e| e.headcount).to_string();
    let model = e.and_then(|e| HiringModel::ALL.iter().position(|m| *m == e.model));
    let models = HiringModel::ALL.iter().map(|m| m.label()).collect();
    let start = e.and_then(|e| e.target_start).map(|d| d.to_string());
    let bill = e.and_then(|e| e.bill_rate.as_ref());
    let currency = budget
        .map(|b| b.currency.as_str())
        .or(bill.map(|b| b.currency.as_str()))
        .unwrap_or("USD");
    [
        Field::text("Headcount", Rule::Headcount, &headcount),
        Field::choice("Model", models, model.unwrap_or(0)),
        Field::text(
            "Budget /h",
            Rule::Range,
            &budget.map_or(String::new(), rules::format_range),
        ),
        Field::text("Currency", Rule::Currency, currency),
        Field::text(
            "Bill /h",
            Rule::Rate,
            &bill.map_or(String::new(), |b| b.amount.to_string()),
        ),
        Field::text("Start", Rule::Date, start.as_deref().unwrap_or("")),
    ]
}

fn requirements(picks: &[Pick]) -> Vec<Requirement> {
    picks
        .iter()
        .filter_map(|p| {
            Some(Requirement {
                skill: SkillId::new(&p.id),
                min_level: Level::new(p.level?).ok()?,
                priority: p.priority.unwrap_or(Priority::Must),
            })
        })
        .collect()
}
