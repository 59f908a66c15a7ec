//! The engine: everything exportcheck decides, with no knowledge of the browser.
//!
//! - [`cite`]: citations as messages, worded in the user's language;
//! - [`classify`]: a description to ranked, explained candidates (`match`, `possible`, `excluded`);
//! - [`evaluate`]: an item's figures and answers against one entry's tree and notes;
//! - [`determination`]: the classification result with its citations;
//! - [`search`]: candidate entries for a user's words, codes and CAS numbers;
//! - [`figures`]: the quantities in a description ("8.5-10.5 GHz, 60 W"), matched to parameters;
//! - [`enduse`]: the end-use, end-user and destination check (Articles 3, 4, 11; Annex II);
//! - [`draft`]: the licence application draft (Annex III Section A) and the saved work format.

pub mod cite;
pub mod classify;
pub mod determination;
pub mod draft;
pub mod enduse;
pub mod evaluate;
pub mod figures;
pub mod search;
