//! Each report in the table form (`table.rs`): its columns, a row per
//! line, the filter each row drills down to, and notes saying what the
//! figures mean.

use super::drill::{client_term, engagement_term, join, source_term, stage_term};
use super::funnel::Funnel;
use super::margin::{MarginBy, MarginRow, Margins};
use super::ratios::{Conversion, Ratios};
use super::recruiters::{Recruiters, Tally};
use super::sources::Sources;
use super::table::{Cell, Column, Row};
use super::trends::Trends;

/// What a report's table holds, before its title, period and scope.
pub struct Body {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    pub notes: Vec<String>,
}

fn columns(pairs: &[(&'static str, &'static str)]) -> Vec<Column> {
    pairs
        .iter()
        .map(|&(key, heading)| Column { key, heading })
        .collect()
}

fn notes(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|line| line.to_string()).collect()
}

/// `scope` is the scope's own filter term, put before each row's.
pub fn funnel(funnel: &Funnel, scope: Option<&str>) -> Body {
    let rows = funnel.stages.iter().map(|s| Row {
        cells: vec![
            Cell::Text(s.stage.label().into()),
            Cell::Count(s.entered),
            Cell::Count(s.still_in()),
            Cell::Count(s.finished),
            Cell::Count(s.forward),
            Cell::Ratio(s.pass_through()),
            Cell::Days(s.median_days),
            Cell::Days(s.mean_days),
        ],
        filter: join([scope.map(str::to_string), Some(stage_term(s.stage))]),
    });
    Body {
        columns: columns(&[
            ("stage", "Stage"),
            ("entered", "Entered"),
            ("still_in", "Still in"),
            ("left", "Left"),
            ("forward", "Forward"),
            ("pass_through", "Pass"),
            ("median_days", "Median d"),
            ("mean_days", "Mean d"),
        ]),
        rows: rows.collect(),
        notes: notes(&[
            "Entered: applications that entered the stage in the period, each once; undone moves do not count.",
            "Pass = forward ÷ left: of the stays that have ended, the share that went on to a later stage. Applications still in the stage are left out.",
            "Days in stage: median and mean over the stays that have ended.",
        ]),
    }
}

fn ratio_row(metric: &str, measure: &str, value: Cell, count: Cell, of: Cell) -> Row {
    Row {
        cells: vec![
            Cell::Text(metric.into()),
            value,
            Cell::Text(measure.into()),
            count,
            of,
        ],
        filter: None,
    }
}

fn share(metric: &str, conversion: Conversion) -> Row {
    let (reached, of) = (Cell::Count(conversion.reached), Cell::Count(conversion.of));
    ratio_row(metric, "share", Cell::Ratio(conversion.rate()), reached, of)
}

pub fn ratios(ratios: &Ratios, promise_hours: i64) -> Body {
    Body {
        columns: columns(&[
            ("metric", "Metric"),
            ("value", "Value"),
            ("measure", "Measure"),
            ("count", "Count"),
            ("of", "Of"),
        ]),
        rows: ratio_rows(ratios, promise_hours),
        notes: notes(&[
            "A share is count ÷ of: of the things of the period (of), those that went on by now (count). See README, \"Reports and their formulas\".",
            "Time to first submittal: count = engagements opened in the period with a submittal, of = opened. Time to fill: count = engagements filled in the period.",
        ]),
    }
}

fn ratio_rows(ratios: &Ratios, promise_hours: i64) -> Vec<Row> {
    let first = ratios.first_submittal;
    let broken = Conversion {
        of: first.opened,
        reached: first.promise_broken,
    };
    let interview = ratios.submittal_to_interview;
    let (sent, asked) = (Cell::Count(interview.of), Cell::Count(interview.reached));
    let fill = ratios.time_to_fill;
    let (days, count) = (Cell::Days, Cell::Count);
    vec![
        ratio_row(
            "time to first submittal",
            "median days",
            days(first.median_days),
            count(first.submitted),
            count(first.opened),
        ),
        share(&format!("{promise_hours}-hour promise broken"), broken),
        share("submittal to interview", interview),
        ratio_row(
            "submittals per interview",
            "per interview",
            Cell::Number(interview.per_one()),
            sent,
            asked,
        ),
        share("interview to offer", ratios.interview_to_offer),
        share("offer acceptance", ratios.offer_acceptance),
        share("fill rate", ratios.fill_rate),
        ratio_row(
            "time to fill",
            "median days",
            days(fill.median_days),
            count(fill.filled),
            Cell::Number(None),
        ),
        share("job-order coverage", ratios.coverage),
    ]
}

pub fn sources(sources: &Sources, scope: Option<&str>) -> Body {
    let rows = sources.rows.iter().map(|r| Row {
        cells: vec![
            Cell::Text(r.source.label().into()),
            Cell::Count(r.added),
            Cell::Count(r.submitted),
            Cell::Count(r.interviewed),
            Cell::Count(r.placed),
            Cell::Ratio(r.yield_rate()),
        ],
        filter: join([scope.map(str::to_string), Some(source_term(r.source))]),
    });
    Body {
        columns: columns(&[
            ("source", "Source"),
            ("added", "Added"),
            ("submitted", "Submitted"),
            ("interviewed", "Interviewed"),
            ("placed", "Placed"),
            ("yield", "Yield"),
        ]),
        rows: rows.collect(),
        notes: notes(&[
            "Distinct candidates per source with each activity in the period; yield = placed ÷ submitted.",
        ]),
    }
}

pub fn margins(margins: &Margins) -> Body {
    let by_engagement = margins.by == MarginBy::Engagement;
    let rows = margins.rows.iter().map(|r| {
        let whose = match r.engagement {
            Some(id) => engagement_term(id),
            None => client_term(&r.client_name),
        };
        Row {
            cells: margin_cells(r, by_engagement),
            filter: join([Some(whose), Some("placed:yes".into())]),
        }
    });
    let mut keys = Vec::new();
    if by_engagement {
        keys.extend([("engagement", "Engagement"), ("title", "Title")]);
    }
    keys.extend([
        ("client", "Client"),
        ("currency", "Cur"),
        ("placements", "Placed"),
        ("average_spread", "Avg spread/h"),
        ("total_spread", "Total spread/h"),
        ("gross_margin", "Margin"),
        ("unknown_rate", "No rate"),
    ]);
    Body {
        columns: columns(&keys),
        rows: rows.collect(),
        notes: notes(&[
            "Placements running in the period, at their standing rates; spread = bill − pay an hour, per currency.",
            "Margin = (bill − pay − burden) ÷ bill over the row; burden from [money] burden_percent. No rate: pay in a currency without an exchange rate, left out.",
        ]),
    }
}

fn margin_cells(r: &MarginRow, by_engagement: bool) -> Vec<Cell> {
    let mut cells = Vec::with_capacity(9);
    if let Some(id) = r.engagement.filter(|_| by_engagement) {
        cells.push(Cell::Text(id.to_string()));
        cells.push(Cell::Text(r.title.clone()));
    }
    cells.extend([
        Cell::Text(r.client_name.clone()),
        Cell::Text(r.currency.clone()),
        Cell::Count(r.placements),
        Cell::Amount(r.average_spread),
        Cell::Amount(Some(r.total_spread)),
        Cell::Ratio(r.gross_margin),
        Cell::Count(r.unknown),
    ]);
    cells
}

fn tally(cells: &mut Vec<Cell>, tally: Tally) {
    cells.extend([
        Cell::Count(tally.count),
        Cell::Number(Some(tally.goal)),
        Cell::Pace(tally.pace),
    ]);
}

pub fn recruiters(recruiters: &Recruiters) -> Body {
    let rows = recruiters.rows.iter().map(|r| {
        let mut cells = vec![Cell::Text(r.name.clone())];
        for each in [r.submittals, r.interviews, r.placements] {
            tally(&mut cells, each);
        }
        Row {
            cells,
            filter: None,
        }
    });
    Body {
        columns: columns(&[
            ("recruiter", "Recruiter"),
            ("submittals", "Subm"),
            ("submittals_goal", "Goal"),
            ("submittals_pace", " "),
            ("interviews", "Intv"),
            ("interviews_goal", "Goal"),
            ("interviews_pace", " "),
            ("placements", "Plac"),
            ("placements_goal", "Goal"),
            ("placements_pace", " "),
        ]),
        rows: rows.collect(),
        notes: notes(&[
            "Credited to whoever did it. Goal = [goals] per month × the period's months; ‼ below half, ! half to goal, ✓ at or above.",
        ]),
    }
}

pub fn trends(trends: &Trends) -> Body {
    let rows = trends.weeks.iter().map(|w| Row {
        cells: vec![
            Cell::Text(w.since.to_string()),
            Cell::Text(w.until.to_string()),
            Cell::Count(w.submittals),
            Cell::Count(w.interviews),
            Cell::Count(w.placements),
        ],
        filter: None,
    });
    Body {
        columns: columns(&[
            ("week", "Week of"),
            ("until", "Until"),
            ("submittals", "Submittals"),
            ("interviews", "Interviews"),
            ("placements", "Placements"),
        ]),
        rows: rows.collect(),
        notes: notes(&["Weeks end on the period's last day; at least the last 8 are shown."]),
    }
}
