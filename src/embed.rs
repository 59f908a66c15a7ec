//! The only module that touches the host page: mounting, options, storage, downloads, the
//! panic screen.
//!
//! # Mount API
//! The widget mounts into every element of the page that has the attribute
//! `data-exportcheck` (for example `<div data-exportcheck></div>`), reading its options from
//! the element's `data-*` attributes (`data-authority`, `data-colour-accent`, ...). An element
//! that also has `data-options-from-url` reads them from the page's query string instead
//! (`index.html?authority=...`), which is how the iframe mode is configured. Every option, its
//! default and its checks are listed in [`crate::host`]; a problem is shown at the top of the
//! widget, and the default is used.
//!
//! Work in progress is saved to `localStorage` after every change and restored on load; a
//! storage error (quota, private mode) is shown, never fatal. Mounting twice into the same
//! element is ignored, so a loader included twice does no harm.
//!
//! The language the user picks in the widget is remembered under `<storage-key>.lang` and
//! wins over the host's default on the next visit. Country names in that language come from
//! the browser's own `Intl.DisplayNames` (no data is loaded for it); where the browser lacks
//! it, the bundled English names are shown.

use crate::bundled;
use crate::engine::draft::SavedWork;
use crate::host::Options;
use crate::i18n::{self, Lang, Msg};
use crate::ui::{App, AppProps};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// The browser's `Intl.DisplayNames`, which names regions in a language.
    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    type DisplayNames;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DisplayNames", catch)]
    fn new(locales: &js_sys::Array, options: &js_sys::Object) -> Result<DisplayNames, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// Country names already asked of the browser, by (language, code).
    static COUNTRY_NAMES: RefCell<HashMap<(String, String), Option<String>>> =
        RefCell::new(HashMap::new());
}

/// Names a country (ISO 3166-1 alpha-2) in a language with `Intl.DisplayNames`.
fn browser_country_name(lang: &str, code: &str) -> Option<String> {
    let key = (lang.to_string(), code.to_string());
    if let Some(known) = COUNTRY_NAMES.with(|c| c.borrow().get(&key).cloned()) {
        return known;
    }
    let name = (|| {
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"type".into(), &"region".into()).ok()?;
        js_sys::Reflect::set(&options, &"fallback".into(), &"none".into()).ok()?;
        let names = DisplayNames::new(&js_sys::Array::of1(&lang.into()), &options).ok()?;
        names.of(code).ok()?.as_string()
    })();
    COUNTRY_NAMES.with(|c| c.borrow_mut().insert(key, name.clone()));
    name
}

/// Reads the options of one host element: its `data-*` attributes, or the page's query
/// string when it asks for that.
fn options_of(el: &web_sys::Element, position: usize) -> Options {
    if el.has_attribute("data-options-from-url") {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
        Options::parse(|name| params.as_ref().and_then(|p| p.get(name)), position)
    } else {
        Options::parse(|name| el.get_attribute(&format!("data-{name}")), position)
    }
}

/// Gives the host element the agency's accent colour (through the CSS object model, which a
/// strict Content-Security-Policy allows, unlike inline style attributes).
fn apply_colours(el: &web_sys::Element, options: &Options) {
    if let (Some(accent), Some(html)) = (&options.accent, el.dyn_ref::<web_sys::HtmlElement>()) {
        let _ = html.style().set_property("--exportcheck-accent", accent);
    }
}

/// Mounts the widget into every `[data-exportcheck]` element of the page.
pub fn mount_all() {
    i18n::set_country_namer(browser_country_name);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(nodes) = document.query_selector_all("[data-exportcheck]") else {
        return;
    };
    for i in 0..nodes.length() {
        let Some(el) = nodes
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        if el.get_attribute("data-exportcheck-mounted").is_some() {
            continue;
        }
        let _ = el.set_attribute("data-exportcheck-mounted", "");
        let options = options_of(&el, i as usize);
        apply_colours(&el, &options);
        install_panic_screen(el.clone(), options.storage_key.clone(), options.lang);
        let work = load_work(&options.storage_key);
        let chosen_lang = chosen_lang(&options.storage_key);
        let owns_page = el.has_attribute("data-options-from-url");
        yew::Renderer::<App>::with_root_and_props(
            el,
            AppProps {
                options,
                initial: work,
                chosen_lang,
                owns_page,
            },
        )
        .render();
    }
}

/// Sorts named things (countries) in the alphabetical order of `lang`, with the browser's
/// `Intl.Collator` ("Émirats" before "Espagne" in French).
pub fn sort_by_name<T>(lang: Lang, items: &mut [(String, T)]) {
    let collator = js_sys::Intl::Collator::new(
        &js_sys::Array::of1(&lang.code().into()),
        &js_sys::Object::new(),
    );
    let compare = collator.compare();
    items.sort_by(|a, b| {
        let order = compare
            .call2(&JsValue::NULL, &a.0.as_str().into(), &b.0.as_str().into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        order.partial_cmp(&0.0).unwrap_or(std::cmp::Ordering::Equal)
    });
}

/// Reads saved work; anything unreadable starts fresh but is kept under a backup key.
fn load_work(key: &str) -> SavedWork {
    let fresh = || SavedWork::new(&bundled::list().consolidation);
    let Some(storage) = local_storage() else {
        return fresh();
    };
    match storage.get_item(key) {
        Ok(Some(text)) => match SavedWork::from_json(&text) {
            Ok(work) => work,
            Err(_) => {
                let _ = storage.set_item(&format!("{key}.unreadable"), &text);
                fresh()
            }
        },
        _ => fresh(),
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Saves work in progress. Returns a message when the browser refused (quota, private mode).
pub fn save_work(key: &str, work: &SavedWork) -> Result<(), Msg> {
    let storage = local_storage().ok_or_else(|| Msg::new("ui.save.not_allowed"))?;
    storage
        .set_item(key, &work.to_json())
        .map_err(|_| Msg::new("ui.save.refused"))
}

/// Remembers the language the user chose, for the next visit.
pub fn remember_lang(key: &str, lang: Lang) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(&format!("{key}.lang"), lang.code());
    }
}

/// On the widget's own page (`index.html`, the iframe mode), gives the whole document the
/// widget's language, direction and title, for screen readers and the browser's tab. A host
/// page that embeds the widget by script tag keeps its own.
pub fn set_page_language(lang: Lang) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang.code());
        let _ = html.set_attribute("dir", lang.dir());
    }
    document.set_title(&format!("exportcheck — {}", lang.t("ui.title")));
}

/// The language the user chose on an earlier visit, if any.
fn chosen_lang(key: &str) -> Option<Lang> {
    let code = local_storage()?.get_item(&format!("{key}.lang")).ok()??;
    Lang::from_code(&code)
}

/// Offers `text` as a file download, without any network request (a `blob:` URL).
pub fn download(filename: &str, text: &str, mime: &str) -> Result<(), Msg> {
    let fail = |_| Msg::new("ui.download.failed");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &props).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| Msg::new("ui.download.failed"))?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| Msg::new("ui.download.failed"))?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Opens the browser's print dialogue (the print style sheet lays out the record on A4).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// On a panic, replaces the widget with an error screen from which the saved work can still
/// be downloaded, so a bug never loses the user's work. It speaks the language the user last
/// chose, or the host's default.
fn install_panic_screen(root: web_sys::Element, storage_key: String, default_lang: Lang) {
    std::panic::set_hook(Box::new(move |info| {
        web_sys::console::error_1(&format!("exportcheck: {info}").into());
        let saved = local_storage()
            .and_then(|s| s.get_item(&storage_key).ok().flatten())
            .unwrap_or_default();
        let l = chosen_lang(&storage_key).unwrap_or(default_lang);
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        root.set_inner_html("");
        let Ok(panel) = document.create_element("div") else {
            return;
        };
        panel.set_class_name("xc-crash");
        let _ = panel.set_attribute("role", "alert");
        let _ = panel.set_attribute("lang", l.code());
        let _ = panel.set_attribute("dir", l.dir());
        let Ok(heading) = document.create_element("h2") else {
            return;
        };
        heading.set_text_content(Some(l.t("ui.crash.heading")));
        let Ok(text) = document.create_element("p") else {
            return;
        };
        text.set_text_content(Some(l.t("ui.crash.text")));
        let _ = panel.append_child(&heading);
        let _ = panel.append_child(&text);
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&saved));
        let props = web_sys::BlobPropertyBag::new();
        props.set_type("application/json");
        if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &props) {
            if let (Ok(url), Ok(link)) = (
                web_sys::Url::create_object_url_with_blob(&blob),
                document.create_element("a"),
            ) {
                let _ = link.set_attribute("href", &url);
                let _ = link.set_attribute("download", "exportcheck-work.json");
                link.set_text_content(Some(l.t("ui.download")));
                let _ = panel.append_child(&link);
            }
        }
        let _ = root.append_child(&panel);
    }));
}
