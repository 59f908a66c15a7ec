//! The encoded list against the reference data in `../shared/reference/` (test oracles only;
//! the product never reads them): every top-level entry of Annex I is present and no code is
//! invented, and every CAS number the text names is encoded.

use exportcheck::bundled;
use exportcheck::list::codes::cas_is_valid;
use std::collections::BTreeSet;

/// Categories whose every entry must be encoded: all of them since 2026-11-27.
const COMPLETE_CATEGORIES: &[u8] = &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

fn reference(file: &str) -> String {
    let path = format!(
        "{}/../shared/reference/eu-annex-i/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reference file {path}: {e}"))
}

fn rows(file: &str) -> Vec<Vec<String>> {
    reference(file)
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

#[test]
fn encoded_entries_match_the_reference_index() {
    let index: BTreeSet<String> = rows("entries-2025-11-15.tsv")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(index.len(), 382, "the reference index has 382 entries");
    let encoded: BTreeSet<String> = bundled::list()
        .entries
        .iter()
        .map(|e| e.code.clone())
        .collect();
    let invented: Vec<&String> = encoded.difference(&index).collect();
    assert!(
        invented.is_empty(),
        "encoded entries that are not in Annex I: {invented:?}"
    );
    let missing: Vec<&String> = index
        .iter()
        .filter(|c| COMPLETE_CATEGORIES.contains(&(c.as_bytes()[0] - b'0')))
        .filter(|c| !encoded.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "entries of categories {COMPLETE_CATEGORIES:?} not encoded: {missing:?}"
    );
    let per_category: Vec<String> = (0..10u8)
        .map(|cat| {
            let total = index
                .iter()
                .filter(|c| c.as_bytes()[0] - b'0' == cat)
                .count();
            let done = encoded
                .iter()
                .filter(|c| c.as_bytes()[0] - b'0' == cat)
                .count();
            format!("{cat}: {done}/{total}")
        })
        .collect();
    println!("encoded entries per category: {}", per_category.join(", "));
}

/// Where a CAS number appears in an entry: as an item's CAS, or in its texts and notes.
fn named_in(code: &str, cas: &str) -> bool {
    let Some(entry) = bundled::list().entry(code) else {
        return false;
    };
    entry
        .items
        .iter()
        .any(|i| i.cas.iter().any(|c| c == cas) || i.text.contains(cas))
        || entry.notes.iter().any(|n| n.text.contains(cas))
        || entry
            .questions
            .iter()
            .any(|q| q.text.contains(cas) || q.help.contains(cas))
}

#[test]
fn every_cas_number_of_the_official_text_is_encoded_with_a_valid_check_digit() {
    let mut missing = Vec::new();
    let mut checked = 0;
    for r in rows("1C350-cas.tsv") {
        checked += 1;
        let cas = r[2].trim();
        assert!(
            cas_is_valid(cas),
            "reference CAS {cas} has a valid check digit"
        );
        let item = format!("1C350.{}", r[0]);
        let found = bundled::list()
            .entry("1C350")
            .and_then(|e| e.item(&item))
            .is_some_and(|(_, i)| i.cas.iter().any(|c| c == cas));
        if !found {
            missing.push(format!("{item} {cas}"));
        }
    }
    for r in rows("cas-other.tsv") {
        let entry = r[0].as_str();
        if !COMPLETE_CATEGORIES.contains(&(entry.as_bytes()[0] - b'0')) {
            continue;
        }
        checked += 1;
        let cas: String = r[3].chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            cas_is_valid(&cas),
            "reference CAS {cas} has a valid check digit"
        );
        if !named_in(entry, &cas) {
            missing.push(format!("{entry} {cas}"));
        }
    }
    for e in &bundled::list().entries {
        for i in &e.items {
            for cas in &i.cas {
                assert!(
                    cas_is_valid(cas),
                    "{} carries CAS {cas} with a bad check digit",
                    i.code
                );
            }
        }
    }
    println!("{checked} reference CAS numbers checked");
    assert!(
        missing.is_empty(),
        "CAS numbers named in the official text but not encoded: {missing:?}"
    );
}
