//! The arguments of `hireterm report`, read before the database is
//! opened: the report's name (with the nearest one offered for a typo),
//! the period (`--since`, `--until`: whole UTC days, by default the last
//! 30 days), the scope as typed (resolved against the records in
//! `report.rs`) and the output form.

use crate::domain::text::clean_line;
use crate::metrics::{DEFAULT_DAYS, Period, ReportName};
use chrono::{Days, NaiveDate};
use clap::Args;

#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// The report: funnel, ratios, sources, margin, margin-engagements,
    /// recruiters, trends (`--list` says what each shows).
    #[arg(required_unless_present = "list", value_name = "NAME")]
    pub name: Option<String>,
    /// Name every report with what it shows.
    #[arg(long, conflicts_with = "name")]
    pub list: bool,
    /// Only this client's engagements: its name or id (CL2).
    #[arg(long, value_name = "CLIENT", conflicts_with_all = ["engagement", "recruiter"])]
    pub client: Option<String>,
    /// Only this engagement: its id (E3) or title.
    #[arg(long, value_name = "ENGAGEMENT", conflicts_with = "recruiter")]
    pub engagement: Option<String>,
    /// Only the engagements this recruiter owns.
    #[arg(long, value_name = "NAME")]
    pub recruiter: Option<String>,
    /// The first day counted, 2026-05-01 [default: 29 days before --until].
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// The last day counted, 2026-05-31 [default: today, UTC].
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// One JSON document: numbers as numbers, none as null.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// CSV with a header row of the column names.
    #[arg(long)]
    pub csv: bool,
}

/// The scope as typed, before it is looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeAsked {
    All,
    Client(String),
    Engagement(String),
    Recruiter(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Text,
    Json,
    Csv,
}

/// What to report, once the arguments are read.
#[derive(Debug, Clone)]
pub struct Asked {
    pub name: ReportName,
    pub period: Period,
    pub scope: ScopeAsked,
    pub form: Form,
}

/// Reads the arguments, `today` being the default last day; a mistake is
/// said in words.
pub fn asked(args: &ReportArgs, today: NaiveDate) -> Result<Asked, String> {
    let scope = match (&args.client, &args.engagement, &args.recruiter) {
        (Some(client), _, _) => ScopeAsked::Client(client.clone()),
        (_, Some(engagement), _) => ScopeAsked::Engagement(engagement.clone()),
        (_, _, Some(recruiter)) => ScopeAsked::Recruiter(recruiter.clone()),
        _ => ScopeAsked::All,
    };
    let form = match (args.json, args.csv) {
        (true, _) => Form::Json,
        (_, true) => Form::Csv,
        _ => Form::Text,
    };
    Ok(Asked {
        name: report_named(args.name.as_deref().unwrap_or_default())?,
        period: period(args, today)?,
        scope,
        form,
    })
}

/// `--since` to `--until`; by default the last 30 days to today.
fn period(args: &ReportArgs, today: NaiveDate) -> Result<Period, String> {
    let date_of = |given: &Option<String>, option| given.as_deref().map(|d| date(d, option));
    let until = date_of(&args.until, "--until")
        .transpose()?
        .unwrap_or(today);
    let back = Days::new(u64::from(DEFAULT_DAYS - 1));
    let since = match date_of(&args.since, "--since").transpose()? {
        Some(since) => since,
        None => until.checked_sub_days(back).unwrap_or(NaiveDate::MIN),
    };
    Period::new(since, until).map_err(|_| match args.until {
        Some(_) => format!("--since {since} is after --until {until}"),
        None => format!("--since {since} is after today ({until}), the default --until"),
    })
}

/// The report called `typed`, or what there is and the nearest name.
pub fn report_named(typed: &str) -> Result<ReportName, String> {
    if let Some(name) = ReportName::named(typed) {
        return Ok(name);
    }
    let names: Vec<&str> = ReportName::ALL.iter().map(|n| n.key()).collect();
    let hint = match nearest(typed, &names) {
        Some(name) => format!("; did you mean `{name}`?"),
        None => ".".into(),
    };
    Err(format!(
        "no report is called `{}`{hint} The reports are {} (`hireterm report --list` says what \
         each shows)",
        clean_line(typed.trim()),
        names.join(", ")
    ))
}

/// The known name most like `typed`: a close spelling, or one it begins.
fn nearest<'a>(typed: &str, names: &[&'a str]) -> Option<&'a str> {
    let typed = typed.trim().to_lowercase();
    let score = |name: &str| {
        let edit = strsim::normalized_damerau_levenshtein(&typed, name);
        let prefix = typed.len() >= 2 && name.starts_with(&typed);
        if prefix { edit.max(0.5) } else { edit }
    };
    let best = names
        .iter()
        .map(|&name| (score(name), name))
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    (best.0 >= 0.5).then_some(best.1)
}

/// `2026-05-01`, or an error naming the option.
fn date(text: &str, option: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        format!(
            "{option} `{}` is not a date like 2026-05-01",
            clean_line(text.trim())
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(name: &str) -> ReportArgs {
        ReportArgs {
            name: Some(name.into()),
            list: false,
            client: None,
            engagement: None,
            recruiter: None,
            since: None,
            until: None,
            json: false,
            csv: false,
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default()
    }

    #[test]
    fn the_default_period_is_the_last_30_days() {
        let asked = asked(&args("funnel"), today()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(asked.period.to_string(), "2026-05-03 to 2026-06-01");
        assert_eq!((asked.scope, asked.form), (ScopeAsked::All, Form::Text));
        let mut only_until = args("funnel");
        only_until.until = Some("2026-04-30".into());
        let asked = super::asked(&only_until, today()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(asked.period.to_string(), "2026-04-01 to 2026-04-30");
    }

    #[test]
    fn mistakes_are_said_in_words() {
        let error = |args: &ReportArgs| asked(args, today()).err().unwrap_or_default();
        assert_eq!(
            error(&args("funel")),
            "no report is called `funel`; did you mean `funnel`? The reports are funnel, ratios, \
             sources, margin, margin-engagements, recruiters, trends (`hireterm report --list` \
             says what each shows)"
        );
        assert!(error(&args("zzz")).starts_with("no report is called `zzz`. The reports are"));
        let mut backwards = args("funnel");
        backwards.since = Some("2026-05-31".into());
        backwards.until = Some("2026-05-01".into());
        assert_eq!(
            error(&backwards),
            "--since 2026-05-31 is after --until 2026-05-01"
        );
        let mut bad = args("funnel");
        bad.since = Some("2026-13-01".into());
        assert_eq!(
            error(&bad),
            "--since `2026-13-01` is not a date like 2026-05-01"
        );
    }
}
