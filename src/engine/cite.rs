//! Citations, as messages: the instrument, the article or entry, and the consolidation date,
//! worded in the user's language.
//!
//! Why messages: "Article 4(1)" is "article 4, paragraphe 1" in French and "Artikel 4
//! Absatz 1" in German; the article references themselves ("4(1)(b)") are kept in the
//! Regulation's compact notation in every language, so that they can be found in any
//! language version of the text.

use crate::i18n::Msg;
use crate::list::model::ControlList;

/// An entry of the bundled list: "Regulation (EU) 2021/821, Annex I, 3A001, consolidated
/// version of 15 November 2025".
pub fn entry(list: &ControlList, code: &str) -> Msg {
    Msg::new("cite.entry")
        .text("code", code)
        .date("date", &list.consolidation)
}

/// One or more articles of Regulation (EU) 2021/821: "3(1)", or "3, 4" for several.
pub fn article(reference: &str) -> Msg {
    let key = if reference.contains(',') {
        "cite.articles"
    } else {
        "cite.article"
    };
    Msg::new(key).text("article", reference)
}

/// A source as the bundled data states it (a general authorisation, a sanctions
/// instrument): shown as it is, since it names an instrument by its official title.
pub fn data(source: &str) -> Msg {
    Msg::new("data").text("text", source)
}
