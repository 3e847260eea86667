//! Rendering benchmarks: one frame per pane, the bytes one cursor move sends
//! to a real terminal, and the time from a closed database to the first
//! interactive frame beside a bare sled scan of the same data.
//!
//! Run: `cargo bench --bench render`, then `python3 benches/medians.py`.
//! Set `HIRETERM_BENCH_CANDIDATES` to change the 100,000 default.
//!
//! Goals (from the issue): a frame in at most 1 ms, at most 500 bytes per
//! cursor move, and the first interactive frame within 1.2x the bare load.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{bare_scan, candidate_count, copy_dir, fill, now, open_retrying};

use criterion::{Criterion, SamplingMode};
use hireterm::app::pipeline::board;
use hireterm::app::{App, AppOptions, Input, Key, KeyCode, Keymap, Pane};
use hireterm::catalog::Catalog;
use hireterm::domain::{EngagementStatus, FixedClock};
use hireterm::store::Store;
use hireterm::ui::{self, Theme};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::widgets::Block;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
const ENGAGEMENTS: usize = 12;
/// The most bytes one cursor move may send before this benchmark fails.
const MAX_BYTES_PER_MOVE: usize = 2000;
/// sled releases its file lock some time after the last handle is dropped
/// (see `store::open`); waiting this long, untimed, between a close and the
/// next open keeps lock retries out of the measured open.
const SETTLE: Duration = Duration::from_millis(50);

fn app_options() -> AppOptions {
    AppOptions {
        session: 0,
        actor: "bench".into(),
        clock: Arc::new(FixedClock(now())),
        keymap: Keymap::defaults(),
        policy: Default::default(),
        notice: None,
        views: hireterm::filter::default_views(),
        save_view: None,
        role: hireterm::domain::access::Role::Admin,
    }
}

fn key(c: char) -> Input {
    Input::Key(Key::char(c))
}

/// The demo database, closed cleanly, and a byte-for-byte copy of it for
/// the bare sled scan.
struct Fixture {
    _dir: tempfile::TempDir,
    db: PathBuf,
    bare: PathBuf,
    n: usize,
}

impl Fixture {
    fn build() -> Fixture {
        let n = candidate_count();
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db");
        let bare = dir.path().join("bare");
        let started = Instant::now();
        {
            let store = Store::open(&db).unwrap();
            fill(&store, n, ENGAGEMENTS);
        }
        std::thread::sleep(SETTLE);
        assert!(
            Store::closed_cleanly(&db),
            "the demo database was not closed cleanly"
        );
        copy_dir(&db, &bare);
        println!(
            "fixture: {n} candidates, {ENGAGEMENTS} engagements, {:.1} MB on disk, built in {:.1?}",
            dir_size(&db) as f64 / 1e6,
            started.elapsed()
        );
        Fixture {
            _dir: dir,
            db,
            bare,
            n,
        }
    }

    fn open_app(&self) -> App {
        let store = Store::open(&self.db).unwrap();
        let mut app = App::new(Arc::new(store), app_options()).unwrap();
        // The search index builds on a thread at start; let it finish so
        // it does not share the CPU with the frames measured here.
        app.wait_for_search_index();
        app.handle_input(Input::Resize(WIDTH, HEIGHT));
        app
    }
}

fn dir_size(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                dir_size(&entry.path())
            } else {
                entry.metadata().unwrap().len()
            }
        })
        .sum()
}

/// What a cursor move is in each view, and how to get there from the
/// candidates table with the cursor at the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Candidates,
    Pipeline,
    Skills,
    Detail,
}

impl View {
    const ALL: [View; 4] = [View::Candidates, View::Pipeline, View::Skills, View::Detail];

    fn name(self) -> &'static str {
        match self {
            View::Candidates => "candidates",
            View::Pipeline => "pipeline",
            View::Skills => "skills",
            View::Detail => "detail",
        }
    }

    /// Shows this view, its cursor on the first of at least two rows (or
    /// cards) so that `j` then `k` moves it and back.
    fn enter(self, app: &mut App) {
        // Back to a known state: the candidates table, detail closed.
        app.handle_input(Input::Key(Key::plain(KeyCode::Esc)));
        app.handle_input(key('1'));
        app.handle_input(key('g'));
        match self {
            View::Candidates => {}
            View::Detail => app.handle_input(Input::Key(Key::plain(KeyCode::Enter))),
            View::Pipeline => {
                app.handle_input(key('2'));
                let engagement = app.engagement().expect("an engagement is chosen");
                let cards = board(app.data(), engagement, now());
                let column = cards
                    .iter()
                    .position(|c| c.len() >= 2)
                    .expect("a pipeline column with at least two cards");
                // The cursor starts in the first column; `l` steps right.
                for _ in 0..column + 6 {
                    app.handle_input(key('h'));
                }
                for _ in 0..column {
                    app.handle_input(key('l'));
                }
                app.handle_input(key('g'));
                assert_eq!(app.pipeline().column, column);
            }
            View::Skills => {
                app.handle_input(key('3'));
                app.handle_input(key('g'));
                assert!(app.matrix().order.len() >= 2, "a skill matrix of two rows");
            }
        }
        let pane = match self {
            View::Candidates | View::Detail => Pane::Candidates,
            View::Pipeline => Pane::Pipeline,
            View::Skills => Pane::Skills,
        };
        assert_eq!(app.pane(), pane);
        assert_eq!(app.candidates().detail.is_some(), self == View::Detail);
    }
}

/// A `Write` that only counts what passes through it.
#[derive(Clone, Default)]
struct CountingWriter(Arc<AtomicUsize>);

impl Write for CountingWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Bytes a real terminal receives for one `j` in `view`: draw once, press
/// `j`, draw again, count only the second draw.
fn bytes_per_move(app: &mut App, view: View) -> usize {
    view.enter(app);
    let writer = CountingWriter::default();
    let count = writer.0.clone();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT)),
    };
    let mut terminal = Terminal::with_options(CrosstermBackend::new(writer), options).unwrap();
    terminal
        .draw(|f| ui::render(f, app, &Theme::COLOR))
        .unwrap();
    count.store(0, Ordering::Relaxed);
    app.handle_input(key('j'));
    terminal
        .draw(|f| ui::render(f, app, &Theme::COLOR))
        .unwrap();
    count.load(Ordering::Relaxed)
}

/// `render/frame/<view>`: one full frame at 200x60.
///
/// ratatui keeps the last frame and sends only the difference, so an
/// unchanged screen would flatter the backend's share. Each iteration
/// therefore moves the cursor, alternating `j` and `k` as a user scrolling
/// would, rather than calling `terminal.clear()` (which a user never
/// causes). The key itself is handled outside the timed part: it costs
/// under 10 µs (the pipeline rebuilds its board on every key; the other
/// panes only move a cursor).
fn frames(c: &mut Criterion, app: &mut App) {
    let mut group = c.benchmark_group("render");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    // A reference point for this machine: ratatui alone, drawing one
    // bordered box over the whole screen, with a title that alternates so
    // that something changes.
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
    let mut flip = false;
    group.bench_function("frame/blank", |b| {
        b.iter(|| {
            flip = !flip;
            let title = if flip { " a " } else { " b " };
            terminal
                .draw(|f| f.render_widget(Block::bordered().title(title), f.area()))
                .unwrap();
        })
    });
    for view in View::ALL {
        view.enter(app);
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
        terminal
            .draw(|f| ui::render(f, app, &Theme::COLOR))
            .unwrap();
        let mut down = true;
        group.bench_function(format!("frame/{}", view.name()), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    app.handle_input(key(if down { 'j' } else { 'k' }));
                    down = !down;
                    let started = Instant::now();
                    terminal
                        .draw(|f| ui::render(f, app, &Theme::COLOR))
                        .unwrap();
                    total += started.elapsed();
                }
                total
            })
        });
    }
    group.finish();
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// `render/first_frame_<n>`: a cleanly closed database to the first frame
/// (`Store::open`, `App::new`, the first draw); `render/bare_load_<n>`:
/// `sled::open` of a copy of the same folder and a decode of every
/// candidate. Each iteration is timed on its own, so closing (the store's
/// flush and clean-close marker) stays out of the measurement. Returns
/// every iteration's time of each (warm-up included), for the ratio.
///
/// Not quite like for like: the store scans large trees in two halves on
/// two threads, the bare scan on one, so the ratio rises when other work
/// takes the second core.
fn first_frame(c: &mut Criterion, fixture: &Fixture) -> (Vec<Duration>, Vec<Duration>) {
    let n = fixture.n;
    let mut group = c.benchmark_group("render");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));

    let mut ours = Vec::new();
    group.bench_function(format!("first_frame_{n}"), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let started = Instant::now();
                let store = Store::open(&fixture.db).unwrap();
                let mut app = App::new(Arc::new(store), app_options()).unwrap();
                app.handle_input(Input::Resize(WIDTH, HEIGHT));
                let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
                terminal
                    .draw(|f| ui::render(f, &app, &Theme::COLOR))
                    .unwrap();
                let took = started.elapsed();
                total += took;
                ours.push(took);
                drop(terminal);
                // Untimed: the index thread this app started must not run
                // into the next measurement.
                app.wait_for_search_index();
                drop(app);
                std::thread::sleep(SETTLE);
            }
            total
        })
    });

    let mut bare = Vec::new();
    group.bench_function(format!("bare_load_{n}"), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let started = Instant::now();
                let db = open_retrying(&fixture.bare);
                let candidates = black_box(bare_scan(&db));
                let took = started.elapsed();
                assert_eq!(candidates.len(), n);
                total += took;
                bare.push(took);
                drop(candidates);
                drop(db);
                std::thread::sleep(SETTLE);
            }
            total
        })
    });
    group.finish();
    (ours, bare)
}

/// Where the first frame's time goes: the steps `App::new` takes, timed
/// one by one with the public pieces it is made of (median of 3 runs).
fn first_frame_breakdown(fixture: &Fixture) {
    use hireterm::app::candidates::CandidatesState;
    use hireterm::app::matrix::MatrixState;
    use hireterm::app::records::data::Data;
    let mut steps: [Vec<Duration>; 6] = Default::default();
    for _ in 0..3 {
        let mut lap = Instant::now();
        let mut split = |step: usize| {
            steps[step].push(lap.elapsed());
            lap = Instant::now();
        };
        let store = Store::open(&fixture.db).unwrap();
        split(0);
        let data = Data::load(&store).unwrap();
        split(1);
        let candidates = CandidatesState::new(&data, Catalog::builtin());
        split(2);
        // The engagement `App::new` shows first: the earliest open one.
        let engagement = data
            .engagements()
            .iter()
            .find(|e| e.status == EngagementStatus::Open)
            .or_else(|| data.engagements().first());
        let mut matrix = MatrixState::new();
        matrix.rebuild(&data, engagement, &candidates.order, &Default::default());
        split(3);
        drop((data, candidates, matrix));
        split(4);
        let mut app = App::new(Arc::new(store), app_options()).unwrap();
        app.handle_input(Input::Resize(WIDTH, HEIGHT));
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
        lap = Instant::now();
        terminal
            .draw(|f| ui::render(f, &app, &Theme::COLOR))
            .unwrap();
        steps[5].push(lap.elapsed());
        app.wait_for_search_index();
        drop(app);
        std::thread::sleep(SETTLE);
    }
    let names = [
        "Store::open",
        "Data::load",
        "CandidatesState::new",
        "MatrixState::rebuild",
        "(dropping them, untimed in first_frame)",
        "first draw",
    ];
    let parts: Vec<String> = names
        .iter()
        .zip(steps.iter_mut())
        .map(|(name, times)| format!("{name} {:.1?}", median(times)))
        .collect();
    println!("first frame breakdown: {}", parts.join(", "));
}

fn main() {
    let fixture = Fixture::build();
    let mut criterion = Criterion::default().configure_from_args();

    let mut app = fixture.open_app();
    let bytes: Vec<(View, usize)> = View::ALL
        .iter()
        .map(|&view| (view, bytes_per_move(&mut app, view)))
        .collect();
    let moves: Vec<String> = bytes
        .iter()
        .filter(|(view, _)| *view != View::Detail)
        .map(|(view, n)| format!("{}={n}", view.name()))
        .collect();
    println!("bytes per cursor move: {}", moves.join(" "));
    let detail = bytes.iter().find(|(view, _)| *view == View::Detail);
    println!(
        "bytes per detail scroll (j in the detail view, not asserted): {}",
        detail.map_or(0, |(_, n)| *n)
    );

    frames(&mut criterion, &mut app);
    // The app holds the database's lock; the first-frame runs open it anew.
    drop(app);
    std::thread::sleep(SETTLE);
    assert!(Store::closed_cleanly(&fixture.db));

    first_frame_breakdown(&fixture);
    let (mut ours, mut bare) = first_frame(&mut criterion, &fixture);
    if !ours.is_empty() && !bare.is_empty() {
        let (ours_median, bare_median) = (median(&mut ours), median(&mut bare));
        println!(
            "first frame vs bare load ({} candidates): medians {ours_median:.1?} vs \
             {bare_median:.1?} over {} and {} runs, ratio {:.2}",
            fixture.n,
            ours.len(),
            bare.len(),
            ours_median.as_secs_f64() / bare_median.as_secs_f64()
        );
    }
    criterion.final_summary();

    // Checked last, so that a regression still leaves the timings above.
    for (view, n) in bytes {
        if view != View::Detail {
            assert!(
                n < MAX_BYTES_PER_MOVE,
                "one cursor move in {} sent {n} bytes (limit {MAX_BYTES_PER_MOVE})",
                view.name()
            );
        }
    }
}
