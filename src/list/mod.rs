//! The control list: its model, units, figures, and the compiler from the reviewed sources.
//!
//! This module stands alone (it uses nothing else of the crate) because `src/build.rs` includes
//! it to compile `control-lists/` at build time.

pub mod codes;
#[cfg(not(target_arch = "wasm32"))]
pub mod compile;
pub mod index;
pub mod measures;
pub mod model;
pub mod quantity;
pub mod text;
pub mod units;
