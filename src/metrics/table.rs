//! The one form every report takes for showing: a title, columns, rows of
//! typed cells, each row with the filter that finds the candidates behind
//! it. The CLI prints it as text, JSON or CSV and the Reports pane draws
//! it, so both show the same numbers.

use super::input::Period;
use crate::domain::Pace;
use serde_json::{Map, Value, json};

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The report's name (`funnel`): `ReportName::key`.
    pub report: &'static str,
    pub title: String,
    pub period: Period,
    /// What the scope is, in words (`Scope::label`).
    pub scope: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// What the figures mean, a line each.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The JSON and CSV name (`pass_through`).
    pub key: &'static str,
    /// The heading shown (`Pass`).
    pub heading: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// One per column.
    pub cells: Vec<Cell>,
    /// The filter (in the filter language) that finds the candidates
    /// behind the row, as near as it can say; `None` where it cannot.
    pub filter: Option<String>,
}

/// A value with its kind, so that each form shows it its own way: text
/// as `25 %` and `–`, JSON as `0.25` and `null`.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Count(u64),
    /// A share from 0 to 1.
    Ratio(Option<f64>),
    Days(Option<f64>),
    /// Money an hour (its currency is in another column).
    Amount(Option<f64>),
    /// A figure with one decimal (a goal, submittals per interview).
    Number(Option<f64>),
    Pace(Pace),
}

/// What text shows for a value there is not: no NaN, no 0 standing in.
pub const NONE_SHOWN: &str = "–";

impl Cell {
    /// As shown on screen: `25 %`, `3.5`, `–`, `‼`.
    /// Rounded as JSON rounds (half away from zero), so that the two
    /// never differ in the last place shown.
    pub fn text(&self) -> String {
        let shown = |x: Option<f64>, places: i32, suffix: &str| match finite(x) {
            Some(x) => format!("{:.*}{suffix}", places as usize, round(x, places)),
            None => NONE_SHOWN.into(),
        };
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Ratio(x) => shown(x.map(|x| x * 100.0), 0, " %"),
            Cell::Days(x) | Cell::Number(x) => shown(*x, 1, ""),
            Cell::Amount(x) => shown(*x, 2, ""),
            Cell::Pace(pace) => pace.glyph().into(),
        }
    }

    /// A number for numbers (rounded: ratios to 4 places, days and
    /// figures to 1, money to 2), `null` for none, a word for a pace.
    pub fn json(&self) -> Value {
        match self {
            Cell::Text(text) => json!(text),
            Cell::Count(n) => json!(n),
            Cell::Ratio(x) => rounded(*x, 4),
            Cell::Days(x) | Cell::Number(x) => rounded(*x, 1),
            Cell::Amount(x) => rounded(*x, 2),
            Cell::Pace(pace) => json!(pace.word()),
        }
    }

    /// As JSON has it, without quotes; empty for none.
    pub fn csv(&self) -> String {
        match self.json() {
            Value::Null => String::new(),
            Value::String(text) => text,
            other => other.to_string(),
        }
    }

    /// Whether it reads as a number (shown right-aligned).
    pub fn is_numeric(&self) -> bool {
        !matches!(self, Cell::Text(_) | Cell::Pace(_))
    }
}

fn finite(x: Option<f64>) -> Option<f64> {
    x.filter(|x| x.is_finite())
}

fn round(x: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (x * scale).round() / scale
}

fn rounded(x: Option<f64>, places: i32) -> Value {
    finite(x).map_or(Value::Null, |x| json!(round(x, places)))
}

impl Table {
    /// One JSON document: the report, title, period, scope, columns,
    /// rows (an object each, by column key, with its `filter`) and notes.
    pub fn to_json(&self) -> Value {
        let rows: Vec<Value> = self.rows.iter().map(|row| self.row_json(row)).collect();
        let keys: Vec<&str> = self.columns.iter().map(|c| c.key).collect();
        json!({
            "report": self.report,
            "title": self.title,
            "since": self.period.since().to_string(),
            "until": self.period.until().to_string(),
            "scope": self.scope,
            "columns": keys,
            "rows": rows,
            "notes": self.notes,
        })
    }

    fn row_json(&self, row: &Row) -> Value {
        let mut object = Map::new();
        for (column, cell) in self.columns.iter().zip(&row.cells) {
            object.insert(column.key.into(), cell.json());
        }
        object.insert("filter".into(), json!(row.filter));
        Value::Object(object)
    }

    /// A header row of the column keys, then a row per row.
    pub fn to_csv(&self) -> Result<String, csv::Error> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(self.columns.iter().map(|c| c.key))?;
        for row in &self.rows {
            writer.write_record(row.cells.iter().map(Cell::csv))?;
        }
        let bytes = writer.into_inner().map_err(|e| e.into_error())?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::jan;
    use super::*;

    fn table() -> Table {
        let columns = vec![
            Column {
                key: "stage",
                heading: "Stage",
            },
            Column {
                key: "pass_through",
                heading: "Pass",
            },
            Column {
                key: "days",
                heading: "Days",
            },
        ];
        let row = |name: &str, pass, days| Row {
            cells: vec![Cell::Text(name.into()), Cell::Ratio(pass), Cell::Days(days)],
            filter: Some(format!("stage:{}", name.to_lowercase())),
        };
        Table {
            report: "funnel",
            title: "Funnel".into(),
            period: jan(1, 31),
            scope: "all engagements".into(),
            columns,
            rows: vec![
                row("Sourced", Some(1.0 / 3.0), Some(2.25)),
                row("Offer", None, None),
            ],
            notes: vec!["finished stays only".into()],
        }
    }

    #[test]
    fn text_shows_percentages_and_a_dash_for_none() {
        let cells: Vec<String> = table().rows[0].cells.iter().map(Cell::text).collect();
        assert_eq!(cells, ["Sourced", "33 %", "2.3"], "as JSON rounds");
        assert_eq!(Cell::Ratio(None).text(), "–");
        assert_eq!(Cell::Pace(Pace::Behind).text(), "‼");
        assert_eq!(Cell::Amount(Some(12.5)).text(), "12.50");
    }

    #[test]
    fn json_has_numbers_as_numbers_and_null_for_none() {
        let json = table().to_json();
        assert_eq!(json["since"], "2026-01-01");
        assert_eq!(json["rows"][0]["pass_through"], 0.3333);
        assert_eq!(json["rows"][0]["days"], 2.3);
        assert_eq!(json["rows"][1]["pass_through"], Value::Null);
        assert_eq!(json["rows"][1]["filter"], "stage:offer");
        assert_eq!(json["columns"][1], "pass_through");
        assert_eq!(Cell::Ratio(Some(f64::NAN)).json(), Value::Null, "never NaN");
    }

    #[test]
    fn csv_has_a_header_and_empty_cells_for_none() {
        let csv = table().to_csv().unwrap_or_default();
        assert_eq!(
            csv,
            "stage,pass_through,days\nSourced,0.3333,2.3\nOffer,,\n"
        );
    }
}
