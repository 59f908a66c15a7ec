//! End to end, one item per encoded category: for each category, a listed scenario written
//! beside the rules is replayed through the real widget in headless Chromium (search by code,
//! open the entry, answer the questions the widget shows and type the figures it asks for),
//! and the widget must say "Listed" with the scenario's sub-item.

mod support;

use exportcheck::list::compile::{compile_dir, Expect, Scenario};
use exportcheck::list::model::ControlList;
use std::path::Path;
use support::{Browser, StaticServer};

/// For each category, the listed scenario of a goods entry that needs the fewest inputs.
fn one_scenario_per_category(list: &ControlList, scenarios: &[Scenario]) -> Vec<Scenario> {
    let mut out: Vec<Scenario> = Vec::new();
    for cat in 0..10u8 {
        let best = scenarios
            .iter()
            .filter(|s| s.expect == Expect::Listed && !s.expect_codes.is_empty())
            .filter(|s| {
                list.entry(&s.entry)
                    .is_some_and(|e| e.category == cat && e.group == 'A')
            })
            .filter(|s| s.cas.is_none() || s.values.is_empty())
            .min_by_key(|s| s.values.len() + s.answers.len());
        if let Some(s) = best {
            out.push(s.clone());
        }
    }
    out
}

#[test]
fn one_listed_item_per_category_through_the_real_widget() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dist = root.join("dist");
    assert!(
        dist.join("widget_bg.wasm").exists(),
        "dist/ is not built: run `bash .ci/build.sh` first"
    );
    let dir = std::env::var("EXPORTCHECK_LIST_DIR")
        .unwrap_or_else(|_| "control-lists/eu-2021-821-annex-i".into());
    let compiled = compile_dir(&root.join(dir)).expect("the list compiles");
    let chosen = one_scenario_per_category(&compiled.list, &compiled.scenarios);
    assert!(
        chosen.len() >= 4,
        "categories 0 to 3 at least have a listed scenario"
    );

    let server = StaticServer::start(&dist);
    let downloads =
        std::env::temp_dir().join(format!("exportcheck-e2e-cat-{}", std::process::id()));
    std::fs::create_dir_all(&downloads).expect("temp dir");
    let browser = Browser::start(&downloads);
    let shots = root.join("tests/artifacts");
    std::fs::create_dir_all(&shots).expect("artifacts folder");
    let mut report = Vec::new();
    for s in &chosen {
        let entry = compiled.list.entry(&s.entry).expect("entry");
        browser.goto(&server.url("/"));
        browser.click(".xc-footer button");
        browser.type_into("#xc-query", &entry.code.to_lowercase());
        browser.click(&format!(".xc-candidate button[data-code='{}']", entry.code));
        browser.wait_text("#xc-entry", &entry.code);
        if let Some(cas) = &s.cas {
            browser.type_into("#xc-cas", cas);
        }
        // Answer what the widget asks, round by round, as a person would.
        for _ in 0..40 {
            let mut acted = false;
            for (id, yes) in &s.answers {
                let css = format!(
                    "li[data-question='{id}'] button[data-answer='{}'][aria-pressed='false']",
                    if *yes { "Yes" } else { "No" }
                );
                if browser.count(&css) > 0 {
                    browser.click(&css);
                    acted = true;
                }
            }
            for (id, value) in &s.values {
                let css = format!("#xc-p-{id}");
                if browser.count(&css) > 0 && browser.value(&css).is_empty() {
                    let unit = entry
                        .param(id)
                        .map(|p| p.dimension.base_unit())
                        .unwrap_or("");
                    browser.type_into(&css, format!("{value} {unit}").trim());
                    acted = true;
                }
            }
            if !acted {
                break;
            }
        }
        let result = browser.wait_text("#xc-determination", "Listed:");
        for code in &s.expect_codes {
            assert!(
                result.contains(code.as_str()),
                "{}: scenario '{}' should list {code}: {result}",
                s.entry,
                s.name
            );
        }
        browser.screenshot(&shots.join(format!("category-{}-{}.png", entry.category, entry.code)));
        report.push(format!(
            "category {}: {} '{}' -> listed {:?}",
            entry.category, s.entry, s.name, s.expect_codes
        ));
    }
    drop(browser);
    for r in &report {
        println!("{r}");
    }
}
