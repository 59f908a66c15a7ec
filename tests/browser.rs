//! In-browser component tests: the widget mounted into a host element in headless Chromium
//! (wasm-bindgen-test-runner with chromedriver), driven through its DOM.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts a fresh widget with its own storage key and returns its host element.
async fn mount(key: &str, extra: &[(&str, &str)]) -> Element {
    let host = document().create_element("div").unwrap();
    host.set_attribute("data-exportcheck", "").unwrap();
    host.set_attribute("data-storage-key", key).unwrap();
    for (k, v) in extra {
        host.set_attribute(k, v).unwrap();
    }
    document().body().unwrap().append_child(&host).unwrap();
    exportcheck::embed::mount_all();
    settle().await;
    host
}

async fn settle() {
    TimeoutFuture::new(30).await;
}

fn find(host: &Element, css: &str) -> Element {
    host.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no element {css}"))
}

/// Waits up to 5 s for an element: the first search decodes the whole list, which takes
/// longer than one frame in these unoptimised test builds.
async fn find_soon(host: &Element, css: &str) -> Element {
    for _ in 0..250 {
        if let Some(el) = host.query_selector(css).unwrap() {
            return el;
        }
        TimeoutFuture::new(20).await;
    }
    find(host, css)
}

async fn type_into(host: &Element, css: &str, text: &str) {
    let input: HtmlInputElement = find_soon(host, css).await.dyn_into().unwrap();
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
}

async fn click(host: &Element, css: &str) {
    let el: web_sys::HtmlElement = find_soon(host, css).await.dyn_into().unwrap();
    el.click();
    settle().await;
}

#[wasm_bindgen_test]
async fn host_options_show_in_the_header() {
    let host = mount(
        "test.header",
        &[
            ("data-authority", "Export Control Office of Testland"),
            ("data-contact-email", "exports@example.org"),
        ],
    )
    .await;
    let header = find(&host, ".xc-header").text_content().unwrap();
    assert!(
        header.contains("Export Control Office of Testland"),
        "{header}"
    );
    assert!(header.contains("exports@example.org"), "{header}");
    assert!(header.contains("not legal advice"), "{header}");
}

#[wasm_bindgen_test]
async fn bad_host_options_are_shown_and_the_defaults_used() {
    let host = mount(
        "test.config",
        &[("data-colour-accent", "yellow"), ("data-lang", "xx")],
    )
    .await;
    let banner = find(&host, ".xc-config-problems").text_content().unwrap();
    assert!(
        banner.contains("colour-accent") && banner.contains("#rgb"),
        "{banner}"
    );
    assert!(
        banner.contains("lang") && banner.contains("offers only en"),
        "{banner}"
    );
    assert!(
        host.query_selector("#xc-query").unwrap().is_some(),
        "the widget still works"
    );
}

#[wasm_bindgen_test]
async fn a_cas_number_without_hyphens_finds_the_chemical() {
    let host = mount("test.cas", &[]).await;
    type_into(&host, "#xc-query", "111488").await;
    let first = find_soon(&host, ".xc-candidate")
        .await
        .text_content()
        .unwrap();
    assert!(first.contains("1C350.1"), "{first}");
    assert!(first.contains("CAS number 111-48-8"), "{first}");
    click(&host, ".xc-candidate button").await;
    let tree = find(&host, ".xc-tree").text_content().unwrap();
    assert!(tree.contains("1C350.90"), "the whole tree is shown");
}

#[wasm_bindgen_test]
async fn a_defined_term_is_found_and_explained() {
    let host = mount("test.term", &[]).await;
    type_into(&host, "#xc-query", "specially designed").await;
    let terms = find_soon(&host, ".xc-definitions")
        .await
        .text_content()
        .unwrap();
    assert!(
        terms.contains("Defined term: “specially designed”"),
        "{terms}"
    );
}

#[wasm_bindgen_test]
async fn a_bad_figure_gets_an_inline_message_and_keeps_the_text() {
    let host = mount("test.figure", &[]).await;
    type_into(&host, "#xc-query", "3a225").await;
    click(&host, ".xc-candidate button").await;
    click(
        &host,
        "li[data-question='is:3A225'] button[data-answer='Yes']",
    )
    .await;
    click(
        &host,
        "li[data-question='multiphase'] button[data-answer='Yes']",
    )
    .await;
    type_into(&host, "#xc-p-output_apparent_power", "40 kg").await;
    let message = find_soon(&host, "#xc-p-output_apparent_power-error")
        .await
        .text_content()
        .unwrap();
    assert!(
        message.contains("not a unit of apparent power"),
        "{message}"
    );
    let input: HtmlInputElement = find(&host, "#xc-p-output_apparent_power")
        .dyn_into()
        .unwrap();
    assert_eq!(input.value(), "40 kg");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    type_into(&host, "#xc-p-output_apparent_power", "39,9 VA").await;
    assert!(host
        .query_selector("#xc-p-output_apparent_power-error")
        .unwrap()
        .is_none());
    let result = find(&host, "#xc-determination").text_content().unwrap();
    assert!(
        result.contains("Not caught by 3A225"),
        "39,9 VA is below 40 VA: {result}"
    );
}

#[wasm_bindgen_test]
async fn corrupt_saved_work_starts_fresh_and_is_kept_aside() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item("test.corrupt", "{not json").unwrap();
    let host = mount("test.corrupt", &[]).await;
    let query: HtmlInputElement = find(&host, "#xc-query").dyn_into().unwrap();
    assert_eq!(query.value(), "");
    assert_eq!(
        storage
            .get_item("test.corrupt.unreadable")
            .unwrap()
            .as_deref(),
        Some("{not json")
    );
}
