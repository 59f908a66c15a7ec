//! Native speed and size of the search engine over the whole bundled list (run by
//! `.ci/bench.sh`; the browser counterpart is `tests/bench_wasm.rs`):
//! - start-up: the first calls in the process, decoding the bundled list and prebuilt index, to
//!   the first usable search, timed once before anything else warms the caches;
//! - per-keystroke search time (median, p95) over every prefix of every labelled query;
//! - memory: heap held by the decoded list and index, and the shipped blobs raw and gzip;
//! - criterion's steady-state figures for decoding, keystrokes, full queries and `classify`.
//!
//! Every figure goes on a line starting with `BENCH ` so that the script can collect them.

use criterion::Criterion;
use exportcheck::bundled;
use exportcheck::engine::classify::classify;
use exportcheck::engine::search::search;
use exportcheck::list::index::SearchIndex;
use exportcheck::list::model::ControlList;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

/// The same blobs `bundled` embeds, so that a fresh decode can be timed and the files gzipped.
static LIST_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/list.bin"));
static MEASURES_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/measures.bin"));
static INDEX_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

const QUERIES: &str = include_str!("../data/classifier-queries.tsv");
/// Results asked for per keystroke, as the widget does.
const LIMIT: usize = 12;
/// Each keystroke is repeated until this much time has passed, so that the clock and the cost
/// of reading it are negligible against what is measured.
const MIN_TIMED: Duration = Duration::from_micros(50);
/// About this many keystrokes in the criterion sample (every n-th of all keystrokes).
const SAMPLE: usize = 200;

/// Counts the heap bytes live on the allocating thread, to weigh the decoded list and index.
/// A thread-local counter costs next to nothing, so the timings are not disturbed; everything
/// measured runs on the main thread.
struct CountingAlloc;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
}

fn count(bytes: isize) {
    // `try_with` because the allocator is still called while the thread is torn down.
    let _ = LIVE.try_with(|live| live.set(live.get() + bytes));
}

fn live() -> isize {
    LIVE.with(Cell::get)
}

unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        count(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, layout, new_size) };
        if !q.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        q
    }
}

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

/// The query column of every labelled row (listed and near-miss).
fn queries() -> Vec<&'static str> {
    QUERIES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').nth(2).expect("kind, expect, query"))
        .collect()
}

/// Every prefix a person types on the way to each query, one per keystroke.
fn keystrokes(queries: &[&'static str]) -> Vec<&'static str> {
    queries
        .iter()
        .flat_map(|q| q.char_indices().map(|(i, c)| &q[..i + c.len_utf8()]))
        .collect()
}

/// Time of one call of `f`: the median of three rounds, each repeated until `MIN_TIMED` has
/// passed, so that a preemption does not become a keystroke's time. The first, untimed call
/// sizes the rounds and warms the caches.
fn time_one(mut f: impl FnMut()) -> Duration {
    let t = Instant::now();
    f();
    let once = t.elapsed().as_nanos().max(1);
    let reps = (MIN_TIMED.as_nanos() / once).clamp(1, 10_000) as u32;
    let mut rounds = [Duration::ZERO; 3];
    for round in &mut rounds {
        let t = Instant::now();
        for _ in 0..reps {
            f();
        }
        *round = t.elapsed() / reps;
    }
    rounds.sort();
    rounds[1]
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// Size of `bytes` after `gzip -9`, or "n/a" if gzip is not installed. `-n` leaves the
/// temporary file's name out of the header, so the figure is the data's alone.
fn gzip_size(bytes: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("exportcheck-bench-{}.bin", std::process::id()));
    let size = std::fs::write(&path, bytes).ok().and_then(|()| {
        let out = Command::new("gzip").arg("-9nc").arg(&path).output().ok()?;
        out.status.success().then(|| out.stdout.len().to_string())
    });
    let _ = std::fs::remove_file(&path);
    size.unwrap_or_else(|| "n/a".into())
}

/// Where criterion writes its estimates, found the way it does short of asking `cargo metadata`.
fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        PathBuf::from(home)
    } else if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        PathBuf::from(target).join("criterion")
    } else {
        PathBuf::from("target/criterion")
    }
}

/// Criterion's estimate of one benchmark of this run (the slope, which is what it prints, or
/// the mean if it sampled flat) and the median, as a `BENCH` line. Estimates
/// written before `since` are from an earlier run (a filter, or `--test`), so they are skipped.
fn report_criterion(id: &str, since: SystemTime) {
    let path = criterion_dir().join(id).join("new/estimates.json");
    let fresh = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t >= since);
    let estimates = fresh
        .then(|| std::fs::read(&path).ok())
        .flatten()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok());
    let Some(e) = estimates else {
        return;
    };
    let estimate = if e["slope"].is_null() {
        &e["mean"]
    } else {
        &e["slope"]
    };
    let micros = |v: &serde_json::Value| v.as_f64().map_or(f64::NAN, |ns| ns / 1e3);
    println!(
        "BENCH criterion {id}: {:.1} µs [{:.1} {:.1}], median {:.1} µs",
        micros(&estimate["point_estimate"]),
        micros(&estimate["confidence_interval"]["lower_bound"]),
        micros(&estimate["confidence_interval"]["upper_bound"]),
        micros(&e["median"]["point_estimate"]),
    );
}

fn main() {
    let since = SystemTime::now();

    // Start-up, first thing in the process: what a page pays before the first result.
    let heap0 = live();
    let t = Instant::now();
    let list = bundled::list();
    let t_list = t.elapsed();
    let heap_list = live() - heap0;
    let index = bundled::index();
    let t_index = t.elapsed() - t_list;
    let heap_index = live() - heap0 - heap_list;
    let first = search(list, index, "frequency changer", LIMIT);
    let startup = t.elapsed();
    assert!(!first.is_empty(), "the first search finds something");
    println!(
        "BENCH start-up to first usable search: {:.2} ms (decode list {:.2} ms, decode index {:.2} ms, first search {:.3} ms)",
        ms(startup),
        ms(t_list),
        ms(t_index),
        ms(startup - t_list - t_index),
    );

    // Per keystroke, over every prefix of every labelled query.
    let queries = queries();
    let typed = keystrokes(&queries);
    let mut timed: Vec<(Duration, &str)> = typed
        .iter()
        .map(|&q| {
            let t = time_one(|| {
                black_box(search(list, index, black_box(q), LIMIT));
            });
            (t, q)
        })
        .collect();
    timed.sort();
    let times: Vec<Duration> = timed.iter().map(|&(t, _)| t).collect();
    let total: Duration = times.iter().sum();
    println!(
        "BENCH corpus: {} documents, {} terms, {} keystrokes from {} labelled queries",
        index.docs.len(),
        index.terms.len(),
        typed.len(),
        queries.len()
    );
    println!(
        "BENCH per keystroke: median {:.1} µs, p95 {:.1} µs, max {:.1} µs, mean {:.1} µs",
        us(percentile(&times, 0.5)),
        us(percentile(&times, 0.95)),
        us(*times.last().expect("some keystrokes")),
        us(total / times.len() as u32),
    );
    let slowest: Vec<String> = timed
        .iter()
        .rev()
        .take(3)
        .map(|(t, q)| format!("{q:?} {:.1} µs", us(*t)))
        .collect();
    println!("BENCH slowest keystrokes: {}", slowest.join(", "));

    // Memory and size.
    assert_eq!(LIST_BIN.len() + MEASURES_BIN.len(), bundled::size());
    assert_eq!(INDEX_BIN.len(), bundled::index_size());
    println!(
        "BENCH heap of the decoded data: list {:.0} KiB, index {:.0} KiB (bytes requested from the allocator)",
        heap_list as f64 / 1024.0,
        heap_index as f64 / 1024.0,
    );
    let lists = [LIST_BIN, MEASURES_BIN].concat();
    println!(
        "BENCH size of list and destination data (bundled::size): {} bytes raw, {} gzip -9",
        bundled::size(),
        gzip_size(&lists),
    );
    println!(
        "BENCH size of the prebuilt search index (bundled::index_size): {} bytes raw, {} gzip -9",
        bundled::index_size(),
        gzip_size(INDEX_BIN),
    );

    // Steady state, with criterion.
    let mut c = Criterion::default().configure_from_args();
    c.benchmark_group("start-up")
        .bench_function("decode list and index", |b| {
            b.iter(|| {
                let list: ControlList = postcard::from_bytes(black_box(LIST_BIN)).expect("list");
                let index: SearchIndex = postcard::from_bytes(black_box(INDEX_BIN)).expect("index");
                (list, index)
            })
        });
    let sample: Vec<&str> = typed
        .iter()
        .step_by((typed.len() / SAMPLE).max(1))
        .copied()
        .collect();
    let mut group = c.benchmark_group("search");
    group.bench_function("keystroke", |b| {
        // One keystroke per iteration, cycling through the sample: the time is their mean.
        let mut next = sample.iter().cycle();
        b.iter(|| search(list, index, next.next().expect("cycle"), LIMIT))
    });
    group.bench_function("full query", |b| {
        let mut next = queries.iter().cycle();
        b.iter(|| search(list, index, next.next().expect("cycle"), LIMIT))
    });
    group.finish();
    c.benchmark_group("classify")
        // Fewer samples: 100 of classify do not fit in the few seconds `.ci/bench.sh` allows.
        .sample_size(50)
        .bench_function("full query", |b| {
            let mut next = queries.iter().cycle();
            b.iter(|| classify(list, index, next.next().expect("cycle"), None, None, 10))
        });
    c.final_summary();
    for id in [
        "start-up/decode list and index",
        "search/keystroke",
        "search/full query",
        "classify/full query",
    ] {
        report_criterion(id, since);
    }
}
