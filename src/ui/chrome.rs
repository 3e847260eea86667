//! The frame around every pane: the tabs line at the top and the status
//! line at the bottom.

use super::{Theme, fit, safe};
use crate::app::{Action, App, Context, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// ` hireterm  0 My work  1 Candidates  2 Pipeline   E3 2 DevOps developers…`;
/// on a narrow screen the tabs' short names, without the brand, and on the
/// narrowest only their numbers (and the current one's name): every pane's
/// tab always shows. A tab's number is its key: `0` for My work, then `1`
/// to `6`.
pub fn tabs(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let key = super::memo::TabsKey::of(app, area, theme);
    super::memo::with(app, |memo| {
        let marks = &mut memo.tab_marks;
        memo.tabs.draw(frame.buffer_mut(), area, key, |buffer| {
            let line = tab_line(app, area, theme, marks);
            ratatui::widgets::Widget::render(line, area, buffer);
        });
        for (at, pane) in marks.iter() {
            super::mark(app, *at, crate::app::screen_map::Spot::Tab(*pane));
        }
    });
}

/// The tabs line: the tabs (where each is into `marks`), the filter,
/// the engagement.
fn tab_line(app: &App, area: Rect, theme: &Theme, marks: &mut Vec<(Rect, Pane)>) -> Line<'static> {
    // A filter matters more than the engagement and the tabs' long names:
    // it shows first, whole if the short names make room for it, and the
    // engagement gets what room is left.
    let filter = (app.candidates().filter.as_ref())
        .map(|filter| format!("   filter: {} · esc clears", safe(&filter.text)));
    let wanted = filter.as_deref().map_or(0, UnicodeWidthStr::width);
    let mut spans = tab_row(app, theme, usize::from(area.width), wanted);
    *marks = tab_marks(area, &spans);
    let mut room = usize::from(area.width).saturating_sub(spans_width(&spans));
    if let Some(text) = filter {
        let shown = fit(&text, room).into_owned();
        room = room.saturating_sub(shown.width());
        spans.push(Span::styled(shown, theme.warn()));
    }
    if let Some(engagement) = app.engagement()
        && room > 8
    {
        let text = format!(
            "   {} {} · {}",
            engagement.id,
            safe(&engagement.title),
            safe(&app.data().agency().client_name(engagement.client))
        );
        spans.push(Span::styled(fit(&text, room).into_owned(), theme.dim()));
    }
    Line::from(spans)
}

/// Where each tab is, for the mouse: a tab's label starts with its
/// number, its place in `Pane::ALL`.
fn tab_marks(area: Rect, spans: &[Span]) -> Vec<(Rect, Pane)> {
    let mut marks = Vec::new();
    let mut x = area.x;
    for span in spans {
        let width = u16::try_from(span.width()).unwrap_or(u16::MAX);
        let number = span.content.split_whitespace().next();
        let pane = number.and_then(|n| n.parse::<usize>().ok());
        if let Some(pane) = pane.and_then(|n| Pane::ALL.get(n)) {
            marks.push((Rect::new(x, area.y, width, 1).intersection(area), *pane));
        }
        x = x.saturating_add(width);
    }
    marks
}

/// How much of each tab's name shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Names {
    Full,
    Short,
    /// Only the current pane's (short) name; the others' numbers.
    CurrentOnly,
}

/// The brand and the tabs' long names where they leave `wanted` columns
/// in `width`; else the short names; else the numbers.
fn tab_row(app: &App, theme: &Theme, width: usize, wanted: usize) -> Vec<Span<'static>> {
    let brand = Span::styled(" hireterm ", theme.title());
    let full: Vec<Span> = std::iter::once(brand)
        .chain(tab_spans(app, theme, Names::Full))
        .collect();
    if spans_width(&full) + wanted <= width {
        return full;
    }
    let short = tab_spans(app, theme, Names::Short);
    if spans_width(&short) <= width {
        return short;
    }
    tab_spans(app, theme, Names::CurrentOnly)
}

fn tab_spans(app: &App, theme: &Theme, names: Names) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (index, pane) in Pane::ALL.iter().enumerate() {
        let current = *pane == app.pane();
        let label = match names {
            // Where room is short the labels' own padding parts them.
            Names::Full => {
                spans.push(Span::raw(" "));
                format!(" {index} {} ", pane.title())
            }
            Names::Short => format!(" {index} {} ", pane.short_title()),
            Names::CurrentOnly if current => format!(" {index} {} ", pane.short_title()),
            Names::CurrentOnly => format!(" {index} "),
        };
        spans.push(Span::styled(label, theme.tab(current)));
    }
    spans
}

fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(Span::width).sum()
}

/// The last action's message, else the keys that matter here.
pub fn status(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let status = app.status();
    let width = usize::from(area.width);
    let loading = app
        .load_state()
        .map(|state| crate::app::loading::waiting_text(&state));
    let line = if let (true, Some(text)) = (status.text.is_empty(), loading) {
        Line::styled(fit(&safe(&text), width).into_owned(), theme.dim())
    } else if status.text.is_empty() {
        let text = super::memo::hints(app, width, || fit(&hints(app, width), width).into_owned());
        Line::styled(text, theme.dim())
    } else {
        let style = if status.is_error {
            theme.error()
        } else {
            theme.base()
        };
        Line::styled(fit(&safe(&status.text), width).into_owned(), style)
    };
    frame.render_widget(line, area);
}

/// The few keys worth a reminder here, most useful first, read from the
/// keymap so that a rebound key shows as rebound. In a pane they end with
/// `/ search` and `? help`, which lead to everything else and are never
/// left out; the others are, from the least useful, until the line fits.
fn hints(app: &App, width: usize) -> String {
    let context = app.context();
    let mut wanted: Vec<String> = context_actions(context)
        .iter()
        .filter_map(|action| hint(app, *action))
        .collect();
    if context == Context::Pipeline && app.pipeline_as_list() {
        // Right after `>` and `<`: the list hides the columns.
        let at = wanted.len().min(2);
        wanted.splice(at..at, list_moves(app));
    }
    if !context.is_pane() {
        return join(&wanted);
    }
    let extra = [Action::NextPane, Action::Quit];
    wanted.extend(extra.iter().filter_map(|a| hint(app, *a)));
    let kept: Vec<String> = [Action::Search, Action::Help]
        .iter()
        .filter_map(|action| hint(app, *action))
        .collect();
    // Leave out from the end until the line fits with the kept ones.
    let fits = |wanted: &[String]| join(&[wanted, &kept].concat()).width() <= width;
    while !wanted.is_empty() && !fits(&wanted) {
        wanted.pop();
    }
    join(&[wanted, kept].concat())
}

/// `j/k in a stage`, `h/l change stage`: how the pipeline's list moves
/// (`j` walks on into the next stage, `h`/`l` jump a stage).
fn list_moves(app: &App) -> Vec<String> {
    let pair = |a, b, what: &str| Some(format!("{}/{} {what}", key(app, a)?, key(app, b)?));
    [
        pair(Action::Down, Action::Up, "in a stage"),
        pair(Action::Left, Action::Right, "change stage"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The keys of each context worth a hint, most useful first.
fn context_actions(context: Context) -> &'static [Action] {
    match context {
        Context::Candidates => &[
            Action::Open,
            Action::Filter,
            Action::SortNext,
            Action::SortReverse,
        ],
        Context::Detail => &[Action::Back, Action::Down],
        Context::Pipeline => &[
            Action::MoveForward,
            Action::MoveBack,
            Action::Reject,
            Action::ChooseEngagement,
        ],
        Context::Skills => &[
            Action::SortByScore,
            Action::ToggleMatrixRows,
            Action::ChooseEngagement,
        ],
        Context::Attention | Context::Home => &[Action::Open],
        Context::Bench => &[Action::AddToPipeline, Action::NextWindow],
        Context::Reports => &[
            Action::Right,
            Action::NextPeriod,
            Action::NextScope,
            Action::Open,
        ],
        Context::Help => &[Action::Back],
        Context::Picker | Context::Palette => &[Action::Open, Action::Cancel],
        Context::Exit | Context::Note | Context::Tag | Context::Scorecard | Context::SaveView => {
            &[Action::Confirm, Action::Cancel]
        }
        Context::Filter => &[Action::Complete, Action::Confirm, Action::Cancel],
        // The forms, their prompt and the rest show their own keys.
        _ => &[],
    }
}

/// `> next stage`: the action's first key here (a motion's letter), and
/// a word or two.
fn hint(app: &App, action: Action) -> Option<String> {
    let key = match action {
        Action::Up | Action::Down | Action::Left | Action::Right => key(app, action)?,
        _ => app
            .keymap()
            .keys_for(app.context(), action)
            .first()?
            .to_string(),
    };
    // Back in a prompt (the help) closes it.
    let what = match action {
        Action::Back if !app.context().is_pane() => "close",
        _ => short(action),
    };
    Some(format!("{key} {what}"))
}

/// The letter that does a motion here (`j` rather than `down`), else its
/// first key.
fn key(app: &App, action: Action) -> Option<String> {
    let keys = app.keymap().keys_for(app.context(), action);
    let names: Vec<String> = keys.iter().map(ToString::to_string).collect();
    let letter = names.iter().find(|name| name.chars().count() == 1);
    letter.or(names.first()).cloned()
}

/// What an action does, as short as a hint needs (the help says it whole).
fn short(action: Action) -> &'static str {
    match action {
        Action::MoveForward => "next stage",
        Action::MoveBack => "back",
        Action::ChooseEngagement => "engagement",
        Action::SortNext => "sort",
        Action::SortReverse => "reverse",
        Action::SortByScore => "by score",
        Action::ToggleMatrixRows => "pipeline/all",
        Action::AddToPipeline => "to a pipeline",
        Action::NextWindow => "window",
        Action::Right => "report",
        Action::NextPeriod => "period",
        Action::NextScope => "scope",
        Action::Down => "scroll",
        Action::NextPane => "next pane",
        Action::Open => "open",
        Action::Back => "back",
        Action::Search => "search",
        Action::Help => "help",
        Action::Quit => "quit",
        Action::Reject => "reject",
        Action::Filter => "filter",
        Action::Complete => "complete",
        Action::Confirm => "confirm",
        Action::Cancel => "cancel",
        other => other.description(),
    }
}

fn join(hints: &[String]) -> String {
    format!(" {}", hints.join(" · "))
}
