//! End to end: drives the real built widget (`dist/`, from `.ci/build.sh`) in headless
//! Chromium through search, entry, questions, determination, end use, draft, download, reload
//! and load, saves screenshots to `tests/artifacts/`, and fails if the page requests anything
//! but its own static files.

mod support;

use exportcheck::engine::draft::SavedWork;
use std::path::{Path, PathBuf};
use support::{Browser, StaticServer};

/// The only paths the widget may request: its own static files.
const OWN_FILES: &[&str] = &[
    "/",
    "/index.html",
    "/exportcheck.js",
    "/widget.js",
    "/widget_bg.wasm",
    "/style.css",
];

fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts");
    std::fs::create_dir_all(&dir).expect("artifacts folder");
    dir
}

fn wait_for_file(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    for _ in 0..100 {
        if path.exists()
            && std::fs::metadata(&path)
                .map(|m| m.len() > 0)
                .unwrap_or(false)
        {
            return path;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("{name} was not downloaded into {}", dir.display());
}

#[test]
fn search_questions_determination_end_use_draft_download_reload_and_load() {
    let dist = built_dist();
    let server = StaticServer::start(&dist);
    let shots = artifacts();
    let downloads = tempdir("downloads");
    let browser = Browser::start(&downloads);

    browser.goto(&server.url("/"));
    // 1. Search in the user's own words; candidates show their place in the list and why.
    browser.type_into("#xc-query", "variable frequency drive");
    let candidate = browser.wait_text(".xc-candidate", "3A225");
    assert!(
        candidate.contains("Electronics"),
        "candidate shows its category: {candidate}"
    );
    assert!(
        candidate.contains("Matched"),
        "candidate says why it matched: {candidate}"
    );
    browser.screenshot(&shots.join("01-search.png"));
    let mut accessibility = vec![("search", browser.axe_violations())];

    // 2. Open the entry: tree, notes, related software and technology.
    browser.click(".xc-candidate button[data-code^='3A225']");
    browser.wait_text("#xc-entry", "3A225");
    let tree = browser.wait_text(".xc-tree", "3A225.c");
    assert!(
        tree.contains("technical note") && tree.contains("releases items"),
        "notes are shown: {tree}"
    );
    browser.wait_text(".xc-related", "3D225");
    browser.screenshot(&shots.join("02-entry.png"));
    accessibility.push(("entry", browser.axe_violations()));

    // 3. Answer the questions; a malformed figure gets an inline message and keeps the text.
    browser.click("li[data-question='is:3A225'] button[data-answer='Yes']");
    browser.click("li[data-question='multiphase'] button[data-answer='Yes']");
    browser.type_into("#xc-p-output_apparent_power", "lots");
    let error = browser.wait_text(
        "#xc-p-output_apparent_power-error",
        "does not start with a number",
    );
    assert!(!error.is_empty());
    assert_eq!(
        browser.value("#xc-p-output_apparent_power"),
        "lots",
        "the typed text is kept"
    );
    browser.type_into("#xc-p-output_apparent_power", "1,5 kVA");
    browser.type_into("#xc-p-frequency_max", "2 kHz");
    browser.type_into("#xc-p-frequency_control", "0,1 %");
    browser.wait("li[data-question='constrained']");
    browser.click("li[data-question='constrained'] button[data-answer='No']");
    let result = browser.wait_text("#xc-determination", "Listed:");
    assert!(
        result.contains("3A225") && result.contains("consolidated version of 15 November 2025"),
        "{result}"
    );
    assert_eq!(
        browser.count("#xc-p-output_apparent_power-error"),
        0,
        "the message goes once the figure is valid"
    );
    browser.screenshot(&shots.join("03-determination.png"));
    accessibility.push(("determination", browser.axe_violations()));

    // 4. End use and destination: a listed item to China needs an individual authorisation.
    browser.click("#xc-destination option[value='CN']");
    for q in [
        "Article 4(1)(a)",
        "Article 4(1)(b)",
        "Article 4(1)(c)",
        "Article 4(2)",
    ] {
        browser.click(&format!("li[data-question='{q}'] button[data-answer='No']"));
    }
    let end_use = browser.wait_text("#xc-enduse-outcome", "An export authorisation is needed.");
    assert!(end_use.contains("Article 3(1)"), "{end_use}");
    browser.screenshot(&shots.join("04-end-use.png"));
    accessibility.push(("end use", browser.axe_violations()));

    // 5. The draft is pre-filled; the user edits it; it downloads as JSON.
    assert_eq!(browser.value("#xc-d-control_number"), "3A225");
    assert!(browser.value("#xc-d-destination").contains("CN"));
    browser.type_into("#xc-d-exporter", "Acme Drives BV, Eindhoven");
    browser.type_into("#xc-d-cn_code", "8504");
    browser.wait_text(".xc-form", "a CN code has 8 digits");
    browser.type_into("#xc-d-cn_code", "85044084");
    browser.screenshot(&shots.join("05-draft.png"));
    accessibility.push(("draft", browser.axe_violations()));
    browser.click("#xc-download");
    let file = wait_for_file(&downloads, "exportcheck-work.json");
    let saved = SavedWork::from_json(&std::fs::read_to_string(&file).expect("read download"))
        .expect("the download is a valid draft");
    assert_eq!(saved.entry.as_deref(), Some("3A225"));
    assert_eq!(saved.draft.exporter, "Acme Drives BV, Eindhoven");
    assert_eq!(saved.draft.control_number, "3A225");

    // 6. Work in progress survives a reload.
    browser.refresh();
    browser.wait_text("#xc-determination", "Listed:");
    assert_eq!(browser.value("#xc-d-exporter"), "Acme Drives BV, Eindhoven");
    assert_eq!(browser.value("#xc-query"), "variable frequency drive");

    // 7. A file that is not a draft is refused, and nothing is lost.
    let not_a_draft = downloads.join("not-a-draft.json");
    std::fs::write(&not_a_draft, "{\"hello\": \"world\"}").expect("write file");
    browser.send_keys("#xc-load", not_a_draft.to_str().expect("utf-8 path"));
    browser.wait_text("#xc-load-message", "not exportcheck work");
    assert_eq!(browser.value("#xc-d-exporter"), "Acme Drives BV, Eindhoven");
    browser.screenshot(&shots.join("06-refused-file.png"));

    // 8. Start again, then load the downloaded work: everything comes back.
    browser.click(".xc-footer button");
    browser.wait_text("#xc-enduse-outcome", "Still needed");
    assert_eq!(browser.value("#xc-d-exporter"), "");
    browser.send_keys("#xc-load", file.to_str().expect("utf-8 path"));
    browser.wait_text("#xc-load-message", "Loaded");
    browser.wait_text("#xc-determination", "Listed:");
    assert_eq!(browser.value("#xc-d-exporter"), "Acme Drives BV, Eindhoven");
    browser.screenshot(&shots.join("07-reloaded.png"));

    // 9. Offline after loading: the widget keeps working, since everything runs in the page.
    browser.go_offline();
    browser.click(".xc-footer button");
    browser.type_into(
        "#xc-query",
        "three-phase inverter 2,5 kVA up to 2 kHz, 0,1 %",
    );
    browser.click(".xc-candidate button[data-code^='3A225']");
    browser.click("li[data-question='is:3A225'] button[data-answer='Yes']");
    browser.click("li[data-question='multiphase'] button[data-answer='Yes']");
    assert_eq!(
        browser.value("#xc-p-output_apparent_power"),
        "2.5 kVA",
        "figures are read from the description"
    );
    browser.click("li[data-question='constrained'] button[data-answer='No']");
    browser.wait_text("#xc-determination", "Listed:");
    browser.screenshot(&shots.join("08-offline.png"));

    browser.execute(
        "const i = document.createElement('img'); i.src = 'data:,'; document.body.appendChild(i);",
    );
    accessibility.push(("control", browser.axe_violations()));

    // 10. No request other than the widget's own static files, no errors in the console, and
    // no WCAG 2.1 A/AA violations on any screen.
    let requests = browser.network_requests();
    let console = browser.console_errors();
    drop(browser);
    let foreign = server.foreign(&requests);
    assert!(
        foreign.is_empty(),
        "requests to other addresses: {foreign:?}"
    );
    let served = server.requested.lock().expect("log").clone();
    let unexpected: Vec<&String> = served
        .iter()
        .filter(|p| !OWN_FILES.contains(&p.as_str()))
        .collect();
    assert!(
        unexpected.is_empty(),
        "requests for files the widget does not ship: {unexpected:?}"
    );
    assert!(
        served.iter().any(|p| p == "/widget_bg.wasm"),
        "the log saw the page load: {served:?}"
    );
    assert!(console.is_empty(), "console errors: {console:?}");
    // The audit can fail: an image without a text alternative is reported.
    let control = accessibility
        .pop()
        .filter(|(screen, _)| *screen == "control")
        .map(|(_, v)| v)
        .unwrap_or_default();
    assert!(
        control.iter().any(|v| v.starts_with("image-alt")),
        "axe-core did not flag a planted violation: {control:?}"
    );
    let violations: Vec<String> = accessibility
        .iter()
        .flat_map(|(screen, v)| v.iter().map(move |x| format!("{screen}: {x}")))
        .collect();
    assert!(
        violations.is_empty(),
        "axe-core WCAG 2.1 A/AA violations:\n{}",
        violations.join("\n")
    );
    println!(
        "e2e: {} requests, all to the widget's own files; {} screens audited with axe-core (WCAG 2.1 A/AA), 0 violations; worked offline; screenshots in {}",
        requests.len(),
        accessibility.len(),
        shots.display()
    );
}

/// The whole classification with the keyboard alone: Tab to move, typing, Enter and Space
/// to press buttons.
#[test]
fn keyboard_only_from_search_to_determination() {
    let dist = built_dist();
    let server = StaticServer::start(&dist);
    let browser = Browser::start(&tempdir("keyboard"));
    browser.goto(&server.url("/"));
    browser.wait("#xc-query");
    browser.tab_to("xc-query|", 5);
    browser.keys("3a225");
    browser.wait_text(".xc-candidate", "3A225");
    browser.tab_to("|3A225|", 10);
    browser.keys("\u{E007}");
    browser.wait_text("#xc-entry", "3A225");
    for (question, answer) in [("is:3A225", "Yes"), ("multiphase", "Yes")] {
        browser.tab_to(&format!("|{answer}|{question}"), 200);
        browser.keys(" ");
    }
    for (input, figure) in [
        ("xc-p-output_apparent_power|", "1 kVA"),
        ("xc-p-frequency_max|", "2 kHz"),
        ("xc-p-frequency_control|", "0,1 %"),
    ] {
        browser.tab_to(input, 200);
        browser.keys(figure);
    }
    browser.tab_to("|No|constrained", 200);
    browser.keys(" ");
    browser.wait_text("#xc-determination", "Listed:");
    browser.screenshot(&artifacts().join("09-keyboard.png"));
    println!("keyboard: search, entry, questions and determination reached and answered with Tab, typing, Enter and Space");
}

/// Both ways an agency embeds the widget, on one example host page (`www/host-example.html`):
/// a script tag with `data-*` options, and an iframe configured by its query string.
#[test]
fn embedded_by_script_tag_and_by_iframe_on_one_host_page() {
    let dist = built_dist();
    let server = StaticServer::start(&dist);
    let browser = Browser::start(&tempdir("embed"));
    browser.goto(&server.url("/host-example.html"));
    let header = browser.wait_text(
        "[data-exportcheck] .xc-agency",
        "Export Control Office of Exampleland",
    );
    assert!(
        header.contains("exports@example.org") && header.contains("Ask the authority"),
        "{header}"
    );
    assert_eq!(
        browser.count("[data-exportcheck] .xc-config-problems"),
        0,
        "the example's options are all valid"
    );
    browser.type_into("#xc-query", "3a225");
    browser.wait_text(".xc-candidate", "3A225");
    browser.screenshot(&artifacts().join("10-host-script-tag.png"));
    assert_eq!(
        browser.eval("return document.documentElement.lang;"),
        "en",
        "a host page keeps its own language"
    );
    browser.enter_frame("#exportcheck-frame");
    browser.wait_text(".xc-agency", "Export Control Office of Exampleland");
    browser.wait(".xc[lang='fr']");
    assert_eq!(
        browser.eval("return document.documentElement.lang;"),
        "fr",
        "the iframe's page takes the language given in its URL"
    );
    browser.type_into("#xc-query", "111-48-8");
    browser.wait_text(".xc-candidate", "1C350.1");
    let requests = browser.network_requests();
    let console = browser.console_errors();
    drop(browser);
    let foreign = server.foreign(&requests);
    assert!(
        foreign.is_empty(),
        "requests to other addresses: {foreign:?}"
    );
    assert!(
        console.is_empty(),
        "console errors (CSP violations are logged there): {console:?}"
    );
    println!("embed: script-tag widget and iframe widget both work on one page; {} requests, all own files", requests.len());
}

/// The release build the tests drive; it must have been built by `.ci/build.sh`.
fn built_dist() -> PathBuf {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("widget_bg.wasm").exists() && dist.join("host-example.html").exists(),
        "dist/ is not built: run `bash .ci/build.sh` first"
    );
    dist
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("exportcheck-e2e-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}
