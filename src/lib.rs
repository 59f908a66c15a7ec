//! exportcheck: an export-control self-assessment against the EU dual-use list that runs
//! entirely in the user's browser.
//!
//! # Architecture
//!
//! ```text
//! control-lists/*.toml ──build.rs──▶ list (postcard bytes) ──▶ engine ──▶ ui (Yew) ──▶ embed
//!                                                                 └────▶ CLI (native)
//! ```
//!
//! - [`list`]: the control-list model, units and figures, and the compiler from the reviewed
//!   TOML sources. It uses nothing else of the crate, so `src/build.rs` can include it.
//! - [`engine`]: evaluation, determination, search, end-use check, licence draft.
//!   **The engine knows nothing about Yew, web-sys or wasm-bindgen**; it is tested natively
//!   with plain `cargo test`. It never reads the clock, storage or the network: the list, the
//!   facts and the "as of" date are arguments.
//! - `ui` (feature `web`): the Yew components. **Only the UI uses Yew.** State lives in one
//!   reducer; components are thin.
//! - [`i18n`]: languages. The engine says what to say as messages (a key and arguments);
//!   the interface renders them from the translation files in the user's language.
//! - [`host`]: the hosting agency's options (`data-*` attributes or query string), checked,
//!   with a message for each problem. Plain logic, tested natively.
//! - `embed` (feature `web`): **the only module that touches the host page**: it finds the
//!   elements to mount into, reads their `data-*` options, installs the panic screen and
//!   stores work in `localStorage`.
//!
//! Invariants: no network API anywhere in the product (the only requests are the page's own
//! static files; `tests/privacy.rs` lists the APIs it scans for); every statement the tool
//! makes carries its citation; a criterion it cannot decide is asked, never guessed.

pub mod bundled;
pub mod engine;
pub mod host;
pub mod i18n;
pub mod list;

#[cfg(feature = "web")]
pub mod embed;
#[cfg(feature = "web")]
pub mod ui;
