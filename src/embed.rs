//! The only module that touches the host page: mounting, options, storage, downloads, the
//! panic screen.
//!
//! # Mount API
//! The widget mounts into every element of the page that has the attribute
//! `data-exportcheck` (for example `<div data-exportcheck></div>`), reading these options from
//! the element's `data-*` attributes:
//!
//! | attribute | meaning | default |
//! |---|---|---|
//! | `data-authority` | name of the hosting authority, shown in the header and the record | none |
//! | `data-contact` | contact line for "ask the authority" (e-mail or phone) | none |
//! | `data-storage-key` | `localStorage` key under which work in progress is kept | `exportcheck.work` |
//!
//! Work in progress is saved to `localStorage` after every change and restored on load; a
//! storage error (quota, private mode) is shown, never fatal.

use crate::bundled;
use crate::engine::draft::SavedWork;
use crate::ui::{App, AppProps};
use wasm_bindgen::JsCast;

/// Options a host page gives the widget.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub authority: Option<String>,
    pub contact: Option<String>,
    pub storage_key: String,
}

impl Options {
    fn from_element(el: &web_sys::Element) -> Options {
        let attr = |name: &str| {
            el.get_attribute(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        Options {
            authority: attr("data-authority"),
            contact: attr("data-contact"),
            storage_key: attr("data-storage-key").unwrap_or_else(|| "exportcheck.work".to_string()),
        }
    }
}

/// Mounts the widget into every `[data-exportcheck]` element of the page.
pub fn mount_all() {
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
        let options = Options::from_element(&el);
        install_panic_screen(el.clone(), options.storage_key.clone());
        let work = load_work(&options.storage_key);
        yew::Renderer::<App>::with_root_and_props(
            el,
            AppProps {
                options,
                initial: work,
            },
        )
        .render();
    }
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
pub fn save_work(key: &str, work: &SavedWork) -> Result<(), String> {
    let storage = local_storage()
        .ok_or("This browser does not allow saving; download your work to keep it.")?;
    storage.set_item(key, &work.to_json()).map_err(|_| {
        "The browser refused to save (storage full?). Download your work to keep it.".to_string()
    })
}

/// Offers `text` as a file download, without any network request (a `blob:` URL).
pub fn download(filename: &str, text: &str, mime: &str) -> Result<(), String> {
    let fail = |_| "The browser could not create the file.".to_string();
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &props).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "no anchor".to_string())?;
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
/// be downloaded, so a bug never loses the user's work.
fn install_panic_screen(root: web_sys::Element, storage_key: String) {
    std::panic::set_hook(Box::new(move |info| {
        web_sys::console::error_1(&format!("exportcheck: {info}").into());
        let saved = local_storage()
            .and_then(|s| s.get_item(&storage_key).ok().flatten())
            .unwrap_or_default();
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        root.set_inner_html("");
        let Ok(panel) = document.create_element("div") else {
            return;
        };
        panel.set_class_name("xc-crash");
        let _ = panel.set_attribute("role", "alert");
        let Ok(heading) = document.create_element("h2") else {
            return;
        };
        heading.set_text_content(Some("Something went wrong in exportcheck."));
        let Ok(text) = document.create_element("p") else {
            return;
        };
        text.set_text_content(Some("Your work up to the last change is kept. Download it below, reload the page, and load it again."));
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
                link.set_text_content(Some("Download my work (JSON)"));
                let _ = panel.append_child(&link);
            }
        }
        let _ = root.append_child(&panel);
    }));
}
