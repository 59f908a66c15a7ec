//! Languages: every sentence the tool shows comes from a translation file
//! (`src/i18n/<lang>.json`), never from code.
//!
//! Why messages and not strings: the engine decides *what* to say (a key and its arguments,
//! a [`Msg`]); the interface decides *in which language*, when it renders. So one
//! determination can be shown in French, printed in German and kept in a saved file without
//! running the engine again, and the engine stays free of any language.
//!
//! The rules every translation follows (checked by `tests/i18n.rs`):
//! - every file has exactly the keys of `en.json`, with the same `{placeholders}`;
//! - arguments that are data (control codes, the list's own English descriptions, what the
//!   user typed) are inserted as they are; figures get the language's decimal mark; dates
//!   are written out with the language's month names; in a right-to-left language every
//!   argument is wrapped in a Unicode isolate (U+2068 or, for figures, U+2066 … U+2069), so
//!   that "3A001.b.2" or "0.5 µm" keeps its left-to-right order inside Arabic text.
//!
//! Adding a language: copy `en.json` to `<code>.json`, translate the values, add the code to
//! [`Lang`] (with its direction and decimal mark), and run `cargo test --test i18n`.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The languages this build ships.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Fr,
    De,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::De, Lang::Ar];

    /// The BCP 47 code, as in `lang="…"` and the `lang` host option.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Ar => "ar",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The language's name in itself, for the language switch.
    pub fn endonym(self) -> &'static str {
        self.t("lang.endonym")
    }

    pub fn rtl(self) -> bool {
        self == Lang::Ar
    }

    /// `ltr` or `rtl`, for the `dir` attribute of the widget's root.
    pub fn dir(self) -> &'static str {
        if self.rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// Whether figures are written with a decimal comma ("2,5 mm"). Arabic technical texts
    /// and datasheets use Western digits with a decimal point, so Arabic keeps the point; its
    /// own digits and decimal separator are still accepted on input.
    pub fn decimal_comma(self) -> bool {
        matches!(self, Lang::Fr | Lang::De)
    }

    /// The translation of `key`; the English one when a translation lacks it, and the key
    /// itself when even English lacks it (`tests/i18n.rs` makes both impossible in a release).
    pub fn t(self, key: &str) -> &str {
        catalog(self)
            .get(key)
            .or_else(|| catalog(Lang::En).get(key))
            .map_or(key, String::as_str)
    }

    /// A figure as written in English ("0.5 µm", "1.5 GHz") with this language's decimal mark.
    /// Only the points between two digits change, so units and exponents are untouched.
    pub fn figure(self, english: &str) -> String {
        if !self.decimal_comma() {
            return english.to_string();
        }
        let chars: Vec<char> = english.chars().collect();
        chars
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let between_digits = i > 0
                    && i + 1 < chars.len()
                    && chars[i - 1].is_ascii_digit()
                    && chars[i + 1].is_ascii_digit();
                if c == '.' && between_digits {
                    ','
                } else {
                    c
                }
            })
            .collect()
    }

    /// A date given as `YYYY-MM-DD`, written out ("15 November 2025"); anything else is shown
    /// as it is.
    pub fn date(self, iso: &str) -> String {
        let parts: Vec<&str> = iso.trim().split('-').collect();
        let [year, month, day] = parts.as_slice() else {
            return iso.to_string();
        };
        let (Ok(m), Ok(d)) = (month.parse::<u8>(), day.parse::<u8>()) else {
            return iso.to_string();
        };
        if year.len() != 4 || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return iso.to_string();
        }
        self.t("date.format")
            .replace("{day}", &d.to_string())
            .replace("{month}", self.t(&format!("date.month.{m}")))
            .replace("{year}", year)
    }

    /// Wraps an argument so that it keeps its own direction inside the sentence: its first
    /// strong character decides (U+2068 first-strong isolate), so English data reads left to
    /// right and an Arabic name right to left.
    fn isolate(self, text: String) -> String {
        if self.rtl() {
            format!("\u{2068}{text}\u{2069}")
        } else {
            text
        }
    }

    /// Wraps a figure so that it always reads left to right ("0.1 %", "5 x 10^3 Gy"), even
    /// though it has no letter to decide its direction (U+2066 left-to-right isolate).
    fn isolate_ltr(self, text: String) -> String {
        if self.rtl() {
            format!("\u{2066}{text}\u{2069}")
        } else {
            text
        }
    }
}

/// Something the tool says: a translation key and its arguments.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Msg {
    pub key: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, Arg)>,
}

/// An argument of a message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Arg {
    /// Data shown as it is: control codes, the list's own (English) texts, what the user typed.
    Text(String),
    /// A figure with its unit as written in English ("0.5 µm"); shown with the language's
    /// decimal mark.
    Figure(String),
    /// A date `YYYY-MM-DD`, written out in the language.
    Date(String),
    /// A country: its ISO 3166-1 code and English name; shown in the language where the
    /// browser knows the name (see [`set_country_namer`]).
    Country(String, String),
    /// A message of its own, rendered in the same language.
    Msg(Box<Msg>),
    /// Several arguments, joined with the language's list separator.
    List(Vec<Arg>),
}

impl Msg {
    pub fn new(key: &str) -> Msg {
        Msg {
            key: key.to_string(),
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &str, value: Arg) -> Msg {
        self.args.push((name.to_string(), value));
        self
    }

    pub fn text(self, name: &str, value: impl Into<String>) -> Msg {
        self.arg(name, Arg::Text(value.into()))
    }

    pub fn figure(self, name: &str, value: impl Into<String>) -> Msg {
        self.arg(name, Arg::Figure(value.into()))
    }

    pub fn date(self, name: &str, value: impl Into<String>) -> Msg {
        self.arg(name, Arg::Date(value.into()))
    }

    pub fn msg(self, name: &str, value: Msg) -> Msg {
        self.arg(name, Arg::Msg(Box::new(value)))
    }

    /// A list of plain texts (codes, names).
    pub fn texts<S: AsRef<str>>(self, name: &str, values: &[S]) -> Msg {
        let list = values
            .iter()
            .map(|v| Arg::Text(v.as_ref().to_string()))
            .collect();
        self.arg(name, Arg::List(list))
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = lang.t(&self.key).to_string();
        for (name, value) in &self.args {
            let placeholder = format!("{{{name}}}");
            if out.contains(&placeholder) {
                out = out.replace(&placeholder, &value.render(lang));
            }
        }
        out
    }
}

impl Arg {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Arg::Text(t) => lang.isolate(t.clone()),
            Arg::Figure(f) => lang.isolate_ltr(lang.figure(f)),
            Arg::Date(d) => lang.isolate(lang.date(d)),
            Arg::Country(code, name) => {
                lang.isolate(country_name(lang, code).unwrap_or_else(|| name.clone()))
            }
            Arg::Msg(m) => m.render(lang),
            Arg::List(items) => items
                .iter()
                .map(|a| a.render(lang))
                .collect::<Vec<_>>()
                .join(lang.t("list.separator")),
        }
    }
}

/// A function that names a country (ISO code) in a language, when the platform can.
pub type CountryNamer = fn(lang: &str, code: &str) -> Option<String>;

static COUNTRY_NAMER: OnceLock<CountryNamer> = OnceLock::new();

/// Lets the platform name countries in the user's language (the browser's `Intl`); without
/// it, country names come from the bundled data, in English.
pub fn set_country_namer(namer: CountryNamer) {
    let _ = COUNTRY_NAMER.set(namer);
}

/// A country's name in `lang`, when a namer is set and knows it.
pub fn country_name(lang: Lang, code: &str) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    COUNTRY_NAMER.get().and_then(|f| f(lang.code(), code))
}

/// The translation files, embedded at build time.
pub const SOURCES: [(Lang, &str); 4] = [
    (Lang::En, include_str!("en.json")),
    (Lang::Fr, include_str!("fr.json")),
    (Lang::De, include_str!("de.json")),
    (Lang::Ar, include_str!("ar.json")),
];

/// Parses a translation file: one JSON object of key to text.
pub fn parse_catalog(source: &str) -> Result<HashMap<String, String>, String> {
    serde_json::from_str(source).map_err(|e| e.to_string())
}

/// The translation file of one language, parsed the first time that language is shown.
fn catalog(lang: Lang) -> &'static HashMap<String, String> {
    static CATALOGS: [OnceLock<HashMap<String, String>>; 4] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    CATALOGS[lang as usize].get_or_init(|| {
        // A broken file falls back to English key by key; `tests/i18n.rs` keeps them valid.
        let source = SOURCES
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or("{}", |(_, s)| *s);
        parse_catalog(source).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_take_the_decimal_mark_of_the_language() {
        assert_eq!(Lang::Fr.figure("0.5 µm"), "0,5 µm");
        assert_eq!(Lang::De.figure("1.5 GHz, 3.2e-6"), "1,5 GHz, 3,2e-6");
        assert_eq!(Lang::En.figure("0.5 µm"), "0.5 µm");
        assert_eq!(Lang::Ar.figure("0.5 µm"), "0.5 µm");
        assert_eq!(Lang::Fr.figure("3A001.b"), "3A001.b");
    }

    #[test]
    fn dates_are_written_out() {
        assert_eq!(Lang::En.date("2025-11-15"), "15 November 2025");
        assert_eq!(Lang::De.date("2025-11-05"), "5. November 2025");
        assert_eq!(Lang::Fr.date("2025-11-15"), "15 novembre 2025");
        assert_eq!(Lang::En.date("not a date"), "not a date");
    }

    #[test]
    fn arguments_keep_their_direction_in_arabic() {
        let m = Msg::new("cite.entry")
            .text("code", "3A001")
            .date("date", "2025-11-15");
        let ar = m.render(Lang::Ar);
        assert!(ar.contains("\u{2068}3A001\u{2069}"), "{ar}");
        assert!(!m.render(Lang::En).contains('\u{2068}'));
    }
}
