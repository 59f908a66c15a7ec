//! The translation files: complete, consistent with English, and used.
//!
//! Every language must have exactly the keys of `en.json` with the same placeholders, so that
//! no sentence falls back to English or loses an argument; every key the code names must
//! exist; and every key must be used by the code, so that the files hold no dead text.

use exportcheck::bundled;
use exportcheck::engine::draft::FIELDS;
use exportcheck::engine::figures::dimension_msg;
use exportcheck::i18n::{parse_catalog, Lang, Msg, SOURCES};
use exportcheck::list::units::{Dimension, UNITS};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn catalog(lang: Lang) -> BTreeMap<String, String> {
    let (_, source) = SOURCES.iter().find(|(l, _)| *l == lang).unwrap();
    parse_catalog(source)
        .unwrap_or_else(|e| panic!("{}.json is not valid: {e}", lang.code()))
        .into_iter()
        .collect()
}

fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.insert(rest[start..start + len + 1].to_string());
        rest = &rest[start + len + 1..];
    }
    out
}

#[test]
fn every_language_has_the_keys_and_placeholders_of_english() {
    let en = catalog(Lang::En);
    assert!(en.len() > 250, "en.json has only {} keys", en.len());
    for lang in Lang::ALL {
        let other = catalog(lang);
        let missing: Vec<&String> = en.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<&String> = other.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{}.json: missing {missing:?}, extra {extra:?}",
            lang.code()
        );
        for (key, text) in &en {
            assert_eq!(
                placeholders(text),
                placeholders(&other[key]),
                "{}.json, {key}: placeholders differ from English",
                lang.code()
            );
            assert!(
                !other[key].trim().is_empty(),
                "{}.json, {key} is empty",
                lang.code()
            );
        }
    }
}

#[test]
fn translations_are_translated() {
    // Texts that may rightly read the same as in English: data pass-through, separators,
    // formulas and codes.
    let same_allowed = |key: &str| {
        key == "data"
            || key == "list.separator"
            || key.starts_with("finding.cas_")
            || key.starts_with("ui.condition.threshold")
            || key == "why.word_how"
            || key == "ui.enduse.country"
            || key == "enduse.restriction"
            || key == "enduse.condition"
            || key == "date.format"
            || key == "ui.cas.placeholder"
            || key == "ui.entry.eccn"
    };
    let en = catalog(Lang::En);
    for lang in [Lang::Fr, Lang::De, Lang::Ar] {
        let other = catalog(lang);
        let same: Vec<&String> = en
            .iter()
            .filter(|(k, v)| other[*k] == **v && !same_allowed(k))
            .map(|(k, _)| k)
            .collect();
        // Some short words are the same in German or French (e.g. "Option", "Infos").
        assert!(
            same.len() <= 12,
            "{}.json leaves {} texts in English: {same:?}",
            lang.code(),
            same.len()
        );
    }
    let ar = catalog(Lang::Ar);
    let latin_only: Vec<&String> = ar
        .iter()
        .filter(|(k, v)| {
            !same_allowed(k)
                && v.chars().any(char::is_alphabetic)
                && !v.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
        })
        .map(|(k, _)| k)
        .collect();
    assert!(
        latin_only.len() <= 3,
        "ar.json: no Arabic in {latin_only:?}"
    );
}

/// Every string literal in the product's Rust sources.
fn literals_in_sources() -> BTreeSet<String> {
    fn walk(dir: &Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (i, part) in text.split('"').enumerate() {
                    if i % 2 == 1 {
                        out.insert(part.to_string());
                    }
                }
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

/// Key families the code builds from a prefix and a value (`format!("dimension.{d:?}")`).
const FAMILIES: &[&str] = &[
    "date.month.",
    "draft.field.",
    "category.",
    "group.",
    "regime.",
    "dimension.",
    "why.word.",
    "why.how.",
];

#[test]
fn every_key_named_in_the_code_exists_and_every_key_is_used() {
    let en = catalog(Lang::En);
    let literals = literals_in_sources();
    let looks_like_key = |s: &str| {
        let parts: Vec<&str> = s.split('.').collect();
        parts.len() >= 2
            && [
                "ui", "cite", "outcome", "caveat", "finding", "verdict", "enduse", "draft", "load",
                "why", "figure", "option", "lang", "date",
            ]
            .contains(&parts[0])
            && parts.iter().all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            })
    };
    let named: Vec<&String> = literals
        .iter()
        .filter(|s| looks_like_key(s) && !en.contains_key(*s))
        .collect();
    assert!(
        named.is_empty(),
        "keys named in src/ but missing from en.json: {named:?}"
    );
    let unused: Vec<&String> = en
        .keys()
        .filter(|k| !literals.contains(*k) && !FAMILIES.iter().any(|f| k.starts_with(f)))
        .collect();
    assert!(
        unused.is_empty(),
        "keys in en.json that no code uses: {unused:?}"
    );
}

#[test]
fn every_family_member_the_code_can_ask_for_exists() {
    let en = catalog(Lang::En);
    for d in UNITS.iter().map(|u| u.dimension).chain([Dimension::Count]) {
        let m = dimension_msg(d);
        assert!(en.contains_key(&m.key), "no name for {d:?}");
    }
    for f in FIELDS {
        assert!(
            en.contains_key(&f.label().key),
            "no label for draft field {}",
            f.key
        );
    }
    for e in &bundled::list().entries {
        for key in [
            format!("category.{}", e.category),
            format!("group.{}", e.group),
            format!("regime.{:?}", e.regime),
        ] {
            assert!(en.contains_key(&key), "{}: no text for {key}", e.code);
        }
    }
    for m in 1..=12 {
        assert!(en.contains_key(&format!("date.month.{m}")));
    }
}

#[test]
fn messages_render_in_every_language_without_leftover_placeholders() {
    let list = bundled::list();
    let m = Msg::new("outcome.listed").texts("codes", &["3A225"]);
    for lang in Lang::ALL {
        let text = m.render(lang);
        assert!(text.contains("3A225") && !text.contains('{'), "{text}");
        let cite = exportcheck::engine::cite::entry(list, "3A225").render(lang);
        assert!(cite.contains("2025") && !cite.contains('{'), "{cite}");
    }
}
