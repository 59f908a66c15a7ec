//! End to end, in each shipped language: a full session (search, questions, determination,
//! end use, draft) in headless Chromium on the built widget, with a full-page screenshot per
//! language in `tests/artifacts/` (look at them: the Arabic one reads right to left).
//!
//! Each session searches in the language's own words ("onduleur", "Frequenzumrichter", "عاكس"),
//! and also checks what a reviewer would: the interface text comes from that
//! language's translation file and no English sentence of the interface is left on the page
//! (the list's own texts are English data and are marked `lang="en"`); figures are read with
//! the language's decimal mark (French and German "1,200 kVA" is 1.2 kVA; Arabic-Indic digits
//! are read); dates are written in the language; Arabic is laid out right to left; and
//! nothing is requested but the widget's own files, with no console error (CSP violations
//! are reported there).

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use support::{Browser, StaticServer};

struct Session {
    lang: &'static str,
    /// The item described in the language's own words (found through the synonym groups).
    search: &'static str,
    /// Figures as a person writing this language types them.
    apparent_power: &'static str,
    frequency: &'static str,
    control: &'static str,
}

const SESSIONS: [Session; 4] = [
    Session {
        lang: "en",
        search: "variable frequency drive",
        apparent_power: "1.5 kVA",
        frequency: "2 kHz",
        control: "0.1 %",
    },
    Session {
        lang: "fr",
        search: "onduleur",
        apparent_power: "1,200 kVA",
        frequency: "2 kHz",
        control: "0,1 %",
    },
    Session {
        lang: "de",
        search: "Frequenzumrichter",
        apparent_power: "1,200 kVA",
        frequency: "2 kHz",
        control: "0,1 %",
    },
    Session {
        lang: "ar",
        search: "عاكس",
        apparent_power: "\u{0661}\u{066B}\u{0665} kVA",
        frequency: "\u{0662} kHz",
        control: "\u{0660}\u{066B}\u{0661} %",
    },
];

fn catalog(lang: &str) -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("src/i18n/{lang}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("translation file"))
        .expect("valid JSON")
}

/// The parts of a template between its placeholders, longest first.
fn fragments(template: &str) -> Vec<String> {
    let mut out: Vec<String> = template
        .split(['{', '}'])
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, s)| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    out.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    out
}

/// The longest fixed part of a translation, to wait for on the page. WebDriver reports
/// no-break spaces (French typography) as plain spaces, and so does this.
fn fixed(cat: &BTreeMap<String, String>, key: &str) -> String {
    fragments(&cat[key])
        .into_iter()
        .next()
        .unwrap_or_default()
        .replace(['\u{a0}', '\u{202f}'], " ")
}

/// All interface text on the page: text nodes and the placeholder, aria-label and title
/// attributes, outside the elements marked as English data.
const PAGE_TEXT: &str = r#"
const root = document.querySelector('.xc');
const english = el => el.closest('[lang]').getAttribute('lang') === 'en';
const out = [];
const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
while (w.nextNode()) {
  if (!english(w.currentNode.parentElement)) out.push(w.currentNode.textContent);
}
root.querySelectorAll('[placeholder],[aria-label],[title]').forEach(e => {
  if (english(e)) return;
  for (const a of ['placeholder', 'aria-label', 'title']) if (e.hasAttribute(a)) out.push(e.getAttribute(a));
});
return out.join('\n').replace(/[\u2066\u2068\u2069]/g, '');
"#;

/// Where the page's main blocks sit: the direction, the title's left and right gaps to the
/// widget's edges, and the widths of the result box's left and right borders.
const LAYOUT: &str = r#"
const xc = document.querySelector('.xc');
const box = xc.getBoundingClientRect();
const h1 = document.querySelector('.xc h1');
const range = document.createRange();
range.selectNodeContents(h1);
const text = range.getBoundingClientRect();
const result = getComputedStyle(document.querySelector('#xc-determination'));
return {
  page_lang: document.documentElement.lang,
  page_dir: document.documentElement.dir,
  direction: getComputedStyle(xc).direction,
  title_left_gap: text.left - box.left,
  title_right_gap: box.right - text.right,
  result_border_left: parseFloat(result.borderLeftWidth),
  result_border_right: parseFloat(result.borderRightWidth),
};
"#;

#[test]
fn a_full_session_in_each_language() {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("widget_bg.wasm").exists(),
        "dist/ is not built: run `bash .ci/build.sh` first"
    );
    let server = StaticServer::start(&dist);
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts");
    std::fs::create_dir_all(&shots).expect("artifacts folder");
    let en = catalog("en");
    for s in &SESSIONS {
        let cat = catalog(s.lang);
        let browser = Browser::start(&tempdir(s.lang));
        browser.goto(&server.url(&format!("/?lang={}", s.lang)));
        browser.wait(&format!(".xc[lang='{}']", s.lang));
        browser.wait_text("h1", &fixed(&cat, "ui.title"));
        // Everything the session needs is loaded: the rest runs offline.
        browser.go_offline();
        if s.lang != "en" {
            browser.wait_text("#xc-lang-note", &fixed(&cat, "ui.list_in_english"));
        }

        // Search, entry and questions.
        browser.type_into("#xc-query", s.search);
        browser.click(".xc-candidate button[data-code^='3A225']");
        browser.wait_text("#xc-entry", &fixed(&cat, "ui.entry.heading"));
        browser.click("li[data-question='is:3A225'] button[data-answer='Yes']");
        browser.click("li[data-question='multiphase'] button[data-answer='Yes']");
        browser.type_into("#xc-p-output_apparent_power", "lots");
        browser.wait_text(
            "#xc-p-output_apparent_power-error",
            &fixed(&cat, "figure.no_number"),
        );
        browser.type_into("#xc-p-output_apparent_power", s.apparent_power);
        browser.type_into("#xc-p-frequency_max", s.frequency);
        browser.type_into("#xc-p-frequency_control", s.control);
        browser.click("li[data-question='constrained'] button[data-answer='No']");
        let result = browser.wait_text("#xc-determination", &fixed(&cat, "outcome.listed"));
        assert_eq!(
            browser.count(".xc-error"),
            0,
            "{}: every figure was read ({} is a decimal here)",
            s.lang,
            s.apparent_power
        );
        assert!(
            result.contains(&cat["date.month.11"]) && result.contains("2025"),
            "{}: the consolidation date is written in the language: {result}",
            s.lang
        );
        let findings = browser
            .eval("return document.querySelector('#xc-determination .xc-findings').textContent;");
        // French and German read "1,200 kVA" as 1.2 kVA and show it with a decimal comma.
        let power = if matches!(s.lang, "fr" | "de") {
            "1,2 kVA"
        } else {
            "1.5 kVA"
        };
        assert!(
            findings.as_str().unwrap_or("").contains(power),
            "{}: the figure is shown back as {power}: {findings}",
            s.lang
        );

        // End use and destination, and the draft.
        browser.click("#xc-destination option[value='CN']");
        for q in ["4(1)(a)", "4(1)(b)", "4(1)(c)", "4(2)"] {
            browser.click(&format!(
                "li[data-question='Article {q}'] button[data-answer='No']"
            ));
        }
        browser.wait_text("#xc-enduse-outcome", &cat["verdict.authorisation_required"]);
        assert_eq!(browser.value("#xc-d-control_number"), "3A225");
        browser.type_into("#xc-d-exporter", "Acme Drives BV, Eindhoven");
        browser.type_into("#xc-d-cn_code", "8504");
        browser.wait_text(".xc-form", &fixed(&cat, "draft.problem.cn_code"));
        browser.execute("document.querySelector('.xc-findings').open = true;");
        browser.screenshot_full_page(&shots.join(format!("lang-{}.png", s.lang)));

        // No English interface sentence is left (only the list's data is English).
        if s.lang != "en" {
            let page = browser.eval(PAGE_TEXT).as_str().unwrap_or("").to_string();
            assert!(
                page.contains(&cat["ui.title"]) && page.contains(&cat["ui.draft.title"]),
                "{}: the page text was collected",
                s.lang
            );
            let left: Vec<String> = en
                .iter()
                .filter(|(k, v)| cat[*k] != **v)
                .flat_map(|(k, v)| fragments(v).into_iter().map(move |f| (k.clone(), f)))
                .filter(|(_, f)| f.chars().count() >= 12 && page.contains(f.as_str()))
                .map(|(k, f)| format!("{k}: {f}"))
                .collect();
            assert!(
                left.is_empty(),
                "{}: English interface text on the page: {left:?}",
                s.lang
            );
        }
        // Right to left for Arabic, as a whole: the title starts at the right edge and the
        // result box's bar is on the right; left to right for the others.
        let layout = browser.eval(LAYOUT);
        let num = |k: &str| layout[k].as_f64().unwrap_or(f64::NAN);
        assert_eq!(
            layout["page_lang"], s.lang,
            "the widget's own page takes its language"
        );
        if s.lang == "ar" {
            assert_eq!(layout["direction"], "rtl", "{layout}");
            assert_eq!(layout["page_dir"], "rtl", "{layout}");
            assert!(num("title_right_gap") < num("title_left_gap"), "{layout}");
            assert!(
                num("result_border_right") > 0.0 && num("result_border_left") == 0.0,
                "{layout}"
            );
        } else {
            assert_eq!(layout["direction"], "ltr", "{layout}");
            assert!(num("title_left_gap") < num("title_right_gap"), "{layout}");
            assert!(
                num("result_border_left") > 0.0 && num("result_border_right") == 0.0,
                "{layout}"
            );
        }

        let violations = browser.axe_violations();
        assert!(
            violations.is_empty(),
            "{}: axe-core WCAG 2.1 A/AA violations: {violations:?}",
            s.lang
        );
        let requests = browser.network_requests();
        let console = browser.console_errors();
        drop(browser);
        assert!(
            server.foreign(&requests).is_empty(),
            "{}: requests to other addresses: {requests:?}",
            s.lang
        );
        assert!(
            console.is_empty(),
            "{}: console errors: {console:?}",
            s.lang
        );
        println!(
            "{}: search, questions, determination, end use and draft done offline; {} requests, none to other addresses; axe-core: 0 violations; screenshot lang-{}.png",
            s.lang,
            requests.len(),
            s.lang
        );
    }
    let mut served = server.requested.lock().expect("log").clone();
    served.sort();
    served.dedup();
    assert_eq!(
        served,
        [
            "/",
            "/exportcheck.js",
            "/style.css",
            "/widget.js",
            "/widget_bg.wasm"
        ]
        .map(String::from)
        .to_vec(),
        "the server saw requests only for the widget's own files"
    );
}

/// The language switch: the user's choice replaces the host's default at once, keeps the
/// work, and is remembered on the next visit.
#[test]
fn the_language_switch_keeps_the_work_and_is_remembered() {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    let server = StaticServer::start(&dist);
    let browser = Browser::start(&tempdir("switch"));
    browser.goto(&server.url("/?lang=de"));
    browser.wait(".xc[lang='de']");
    browser.type_into("#xc-query", "3a225");
    browser.click(".xc-candidate button[data-code^='3A225']");
    browser.type_into("#xc-p-output_apparent_power", "2,5 kVA");
    browser.click("#xc-lang option[value='ar']");
    browser.wait(".xc[lang='ar'][dir='rtl']");
    browser.wait_text("h1", &fixed(&catalog("ar"), "ui.title"));
    assert_eq!(browser.value("#xc-query"), "3a225", "the search is kept");
    assert_eq!(
        browser.value("#xc-p-output_apparent_power"),
        "2,5 kVA",
        "the typed figure is kept"
    );
    browser.refresh();
    browser.wait(".xc[lang='ar']");
    browser.click("#xc-lang option[value='fr']");
    browser.wait(".xc[lang='fr'][dir='ltr']");
    println!("switch: de → ar → (reload, remembered) → fr, work kept");
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("exportcheck-lang-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}
