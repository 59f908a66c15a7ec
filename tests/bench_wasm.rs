//! Speed in the browser, measured in headless Chromium (run by `.ci/bench.sh`):
//! - start-up: decoding the bundled list and prebuilt index, to the first usable search;
//! - per-keystroke search time (median, p95) over every prefix of the labelled queries;
//! - time from an input event in the mounted widget to the next animation frame, and whether
//!   the results were in the DOM by then;
//! - memory (wasm linear memory, JS heap);
//! - the same keystrokes on the same corpus with MiniSearch (npm) in the same page, and both
//!   engines' recall@5 on the labelled set.
//!
//! It prints figures and asserts only that both engines ran: speed goes in benchmarks, not tests.
#![cfg(target_arch = "wasm32")]

use exportcheck::bundled;
use exportcheck::engine::search::search;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/target/tools/node_modules/minisearch/dist/es/index.js")]
extern "C" {
    #[wasm_bindgen(js_name = default)]
    type MiniSearch;
    #[wasm_bindgen(constructor, js_class = "default")]
    fn new(options: &JsValue) -> MiniSearch;
    #[wasm_bindgen(method, js_name = addAll, js_class = "default")]
    fn add_all(this: &MiniSearch, docs: &JsValue);
    #[wasm_bindgen(method, js_class = "default")]
    fn search(this: &MiniSearch, query: &str, options: &JsValue) -> js_sys::Array;
}

const QUERIES: &str = include_str!("data/classifier-queries.tsv");
/// Searches per measurement, so that the browser's coarse clock (0.1 ms) resolves them.
const REPEAT: usize = 10;

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// (expected entry, query) of the listed queries.
fn labelled() -> Vec<(String, String)> {
    QUERIES
        .lines()
        .filter(|l| l.starts_with("listed\t"))
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c[1][..5].to_string(), c[2].to_string())
        })
        .collect()
}

/// Every prefix a person types on the way to each query.
fn keystrokes(queries: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (_, q) in queries {
        let mut typed = String::new();
        for c in q.chars() {
            typed.push(c);
            out.push(typed.clone());
        }
    }
    out
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn stats(mut times: Vec<f64>) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    (percentile(&times, 0.5), percentile(&times, 0.95))
}

#[derive(Serialize)]
struct Doc {
    id: usize,
    entry: String,
    alias: String,
    text: String,
    note: String,
}

/// The same fields our index has, one document per item.
fn corpus() -> Vec<Doc> {
    let list = bundled::list();
    let mut docs = Vec::new();
    for e in &list.entries {
        for (i, item) in e.items.iter().enumerate() {
            docs.push(Doc {
                id: docs.len(),
                entry: e.code.clone(),
                alias: if i == 0 {
                    format!("{} {}", e.code, e.aliases.join(" "))
                } else {
                    String::new()
                },
                text: item.text.clone(),
                note: e
                    .notes_on(&item.code)
                    .map(|n| n.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            });
        }
    }
    docs
}

async fn next_frame() -> f64 {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let cb = Closure::once_into_js(move |t: f64| {
            resolve
                .call1(&JsValue::NULL, &JsValue::from_f64(t))
                .unwrap();
        });
        web_sys::window()
            .unwrap()
            .request_animation_frame(cb.unchecked_ref())
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .unwrap()
        .as_f64()
        .unwrap()
}

#[wasm_bindgen_test]
async fn search_speed_and_recall_against_minisearch() {
    // Start-up: decode the list and the prebuilt index, then one search.
    let t0 = now();
    let list = bundled::list();
    let index = bundled::index();
    let first = search(list, index, "frequency changer", 12);
    let startup = now() - t0;
    assert!(!first.is_empty());

    let queries = labelled();
    let typed = keystrokes(&queries);
    let mut ours = Vec::with_capacity(typed.len());
    for (n, q) in typed.iter().enumerate() {
        // Let the page breathe now and then, as between real keystrokes.
        if n % 50 == 0 {
            next_frame().await;
        }
        let t = now();
        for _ in 0..REPEAT {
            std::hint::black_box(search(list, index, q, 12));
        }
        ours.push((now() - t) / REPEAT as f64);
    }

    // MiniSearch on the same documents and fields, with prefix and fuzzy matching.
    let t = now();
    let options = js_sys::JSON::parse(
        r#"{"fields":["alias","text","note"],"storeFields":["entry"],
            "searchOptions":{"prefix":true,"fuzzy":0.2,"boost":{"alias":3,"text":2,"note":0.8}}}"#,
    )
    .unwrap();
    let ms = MiniSearch::new(&options);
    ms.add_all(&serde_wasm_bindgen::to_value(&corpus()).unwrap());
    let ms_build = now() - t;
    let mut theirs = Vec::with_capacity(typed.len());
    for (n, q) in typed.iter().enumerate() {
        if n % 50 == 0 {
            next_frame().await;
        }
        let t = now();
        for _ in 0..REPEAT {
            std::hint::black_box(ms.search(q, &JsValue::UNDEFINED));
        }
        theirs.push((now() - t) / REPEAT as f64);
    }

    // Recall@5 at entry level for both, on the full queries.
    let entry_of = |r: &JsValue| {
        js_sys::Reflect::get(r, &"entry".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    let (mut ours_hits, mut theirs_hits, mut encoded) = (0, 0, 0);
    for (expect, q) in &queries {
        if list.entry(expect).is_none() {
            continue;
        }
        encoded += 1;
        let mut seen: Vec<String> = Vec::new();
        for c in search(list, index, q, 30) {
            if !seen.contains(&c.entry) {
                seen.push(c.entry);
            }
        }
        ours_hits += usize::from(seen.iter().take(5).any(|e| e == expect));
        let mut seen: Vec<String> = Vec::new();
        for r in ms.search(q, &JsValue::UNDEFINED).iter() {
            let e = entry_of(&r);
            if !seen.contains(&e) {
                seen.push(e);
            }
        }
        theirs_hits += usize::from(seen.iter().take(5).any(|e| e == expect));
    }

    // From an input event in the mounted widget to the next frame.
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    host.set_attribute("data-exportcheck", "").unwrap();
    host.set_attribute("data-storage-key", "bench").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    exportcheck::embed::mount_all();
    next_frame().await;
    let input: web_sys::HtmlInputElement = host
        .query_selector("#xc-query")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let mut to_frame = Vec::new();
    let mut in_time = 0;
    let samples: Vec<&(String, String)> = queries.iter().step_by(7).collect();
    for (_, q) in &samples {
        input.set_value(q);
        let t = now();
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        let frame = next_frame().await;
        to_frame.push(frame.max(t) - t);
        let shown = host
            .query_selector_all(".xc-candidate, .xc-empty")
            .unwrap()
            .length()
            > 0;
        in_time += usize::from(shown);
    }

    let memory = wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .unwrap()
        .buffer();
    let wasm_bytes = memory
        .dyn_into::<js_sys::ArrayBuffer>()
        .unwrap()
        .byte_length();
    let heap = js_sys::Reflect::get(
        &web_sys::window().unwrap().performance().unwrap(),
        &"memory".into(),
    )
    .ok()
    .and_then(|m| js_sys::Reflect::get(&m, &"usedJSHeapSize".into()).ok())
    .and_then(|v| v.as_f64())
    .unwrap_or(0.0);

    let (om, op) = stats(ours);
    let (tm, tp) = stats(theirs);
    let (fm, fp) = stats(to_frame);
    console_log!(
        "BENCH corpus: {} documents, {} keystrokes from {} labelled queries",
        index.docs.len(),
        typed.len(),
        queries.len()
    );
    console_log!("BENCH start-up to first usable search: {startup:.1} ms (decode list and prebuilt index, one search)");
    console_log!("BENCH exportcheck per keystroke: median {om:.3} ms, p95 {op:.3} ms");
    console_log!("BENCH MiniSearch per keystroke: median {tm:.3} ms, p95 {tp:.3} ms (index built in the browser in {ms_build:.1} ms)");
    console_log!(
        "BENCH ratio MiniSearch/exportcheck: median {:.2}x, p95 {:.2}x",
        tm / om.max(1e-6),
        tp / op.max(1e-6)
    );
    console_log!(
        "BENCH recall@5 on {encoded} queries for encoded entries: exportcheck {:.1} %, MiniSearch {:.1} %",
        100.0 * ours_hits as f64 / encoded as f64,
        100.0 * theirs_hits as f64 / encoded as f64
    );
    console_log!(
        "BENCH input event to next frame: median {fm:.1} ms, p95 {fp:.1} ms; results in the DOM by that frame: {in_time} of {}",
        samples.len()
    );
    console_log!(
        "BENCH memory: wasm linear memory {:.1} MB, JS heap {:.1} MB",
        wasm_bytes as f64 / 1e6,
        heap / 1e6
    );
    assert!(
        encoded > 0 && ours_hits > 0 && theirs_hits > 0,
        "both engines ran"
    );
}
