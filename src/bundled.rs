//! The control list compiled into the binary by `src/build.rs`.

use crate::engine::search::DefinitionWords;
use crate::list::index::SearchIndex;
use crate::list::measures::Measures;
use crate::list::model::ControlList;
use std::sync::OnceLock;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/list.bin"));

/// The bundled list (EU dual-use list, Annex I of Regulation (EU) 2021/821), decoded once.
pub fn list() -> &'static ControlList {
    static LIST: OnceLock<ControlList> = OnceLock::new();
    LIST.get_or_init(|| postcard::from_bytes(BYTES).expect("build.rs wrote a valid list"))
}

/// Size of the shipped list data and destination data in bytes, for the size report.
pub fn size() -> usize {
    BYTES.len() + MEASURES.len()
}

static MEASURES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/measures.bin"));

/// The bundled destination data (general authorisations, Annex IV, embargoes), decoded once.
pub fn measures() -> &'static Measures {
    static DATA: OnceLock<Measures> = OnceLock::new();
    DATA.get_or_init(|| postcard::from_bytes(MEASURES).expect("build.rs wrote valid measures"))
}

static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

/// The search index of the bundled list, built by `src/build.rs`, decoded once.
pub fn index() -> &'static SearchIndex {
    static DATA: OnceLock<SearchIndex> = OnceLock::new();
    DATA.get_or_init(|| postcard::from_bytes(INDEX).expect("build.rs wrote a valid index"))
}

/// Size of the shipped search index in bytes, for the size report.
pub fn index_size() -> usize {
    INDEX.len()
}

/// The words of the bundled list's definitions, for finding defined terms as the user types.
pub fn definition_words() -> &'static DefinitionWords {
    static DATA: OnceLock<DefinitionWords> = OnceLock::new();
    DATA.get_or_init(|| DefinitionWords::of(list()))
}
