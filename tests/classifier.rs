//! Classifier quality on the labelled set `tests/data/classifier-queries.tsv`: recall@1 and
//! recall@5 for listed items, and the false-match rate for near misses. The figures are
//! printed (`cargo test --test classifier -- --nocapture`) and quoted in the README; the floors
//! below only catch regressions.

use exportcheck::bundled;
use exportcheck::engine::classify::{classify, Status};

struct Query {
    near_miss: bool,
    expect: String,
    text: String,
}

fn queries() -> Vec<Query> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/classifier-queries.tsv"
    ))
    .expect("the labelled set exists");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 3, "three tab-separated columns: {l}");
            assert!(matches!(cols[0], "listed" | "near-miss"), "kind: {l}");
            Query {
                near_miss: cols[0] == "near-miss",
                expect: cols[1].to_string(),
                text: cols[2].to_string(),
            }
        })
        .collect()
}

#[test]
fn recall_and_false_matches_on_the_labelled_set() {
    let (list, index) = (bundled::list(), bundled::index());
    let all = queries();
    let (mut listed, mut at1, mut at5, mut encoded, mut enc_at1, mut enc_at5) = (0, 0, 0, 0, 0, 0);
    let (mut near, mut false_match) = (0, 0);
    let mut misses = Vec::new();
    for q in &all {
        let results = classify(list, index, &q.text, None, None, 5);
        let entry = &q.expect[..5];
        let hit = |k: usize| results.iter().take(k).any(|r| r.entry == entry);
        if q.near_miss {
            near += 1;
            if results
                .iter()
                .any(|r| r.entry == entry && r.status == Status::Match)
            {
                false_match += 1;
                misses.push(format!("FALSE MATCH {}: {}", q.expect, q.text));
            }
            continue;
        }
        listed += 1;
        let is_encoded = list.entry(entry).is_some();
        encoded += usize::from(is_encoded);
        if hit(1) {
            at1 += 1;
            enc_at1 += usize::from(is_encoded);
        }
        if hit(5) {
            at5 += 1;
            enc_at5 += usize::from(is_encoded);
        } else if is_encoded {
            let got: Vec<&str> = results.iter().map(|r| r.id.as_str()).collect();
            misses.push(format!("MISS {}: {} -> {:?}", q.expect, q.text, got));
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!(
        "labelled set: {} listed queries ({} for entries encoded so far), {} near misses",
        listed, encoded, near
    );
    println!(
        "recall@1 all {:.1} % | recall@5 all {:.1} %",
        pct(at1, listed),
        pct(at5, listed)
    );
    println!(
        "recall@1 encoded {:.1} % | recall@5 encoded {:.1} %",
        pct(enc_at1, encoded),
        pct(enc_at5, encoded)
    );
    println!(
        "false-match rate on near misses {:.1} % ({false_match} of {near})",
        pct(false_match, near)
    );
    for m in &misses {
        println!("  {m}");
    }
    assert!(
        pct(enc_at5, encoded) >= 85.0,
        "recall@5 on encoded entries fell below 85 %"
    );
    assert!(
        pct(enc_at1, encoded) >= 70.0,
        "recall@1 on encoded entries fell below 70 %"
    );
    assert!(
        pct(false_match, near) <= 20.0,
        "false-match rate on near misses rose above 20 %"
    );
}
