//! Engine behaviour on the bundled list: search, determination and the end-use check.

use exportcheck::bundled;
use exportcheck::engine::determination::{determine, Ask, Outcome};
use exportcheck::engine::enduse::{check, EndUseAnswers, Verdict};
use exportcheck::engine::evaluate::Facts;
use exportcheck::engine::search::{normalise_code, search};
use exportcheck::i18n::Lang;
use exportcheck::list::model::Condition;

fn top(query: &str) -> Vec<String> {
    search(bundled::list(), bundled::index(), query, 5)
        .into_iter()
        .map(|c| c.code)
        .collect()
}

#[test]
fn the_first_slice_is_bundled() {
    for code in [
        "1C350", "3A001", "3A225", "5A002", "5D002", "5E002", "6A003", "7A003", "9A012", "3D001",
        "3E001",
    ] {
        assert!(bundled::list().entry(code).is_some(), "{code} is bundled");
    }
    assert_eq!(bundled::list().consolidation, "2025-11-15");
    let cas: usize = bundled::list()
        .entry("1C350")
        .unwrap()
        .items
        .iter()
        .filter(|i| !i.cas.is_empty())
        .count();
    assert_eq!(cas, 90, "all 90 precursors carry their CAS number");
}

/// The list's texts are English; synonym groups (`general/synonyms-fr.toml`, `-de`, `-ar`)
/// let users of the other interface languages search in their own words.
#[test]
fn french_german_and_arabic_words_find_entries() {
    for (query, entry) in [
        ("pompe à vide", "2B231"),
        ("caméra thermique infrarouge", "6A003"),
        ("Vakuumpumpe", "2B231"),
        ("Wärmebildkamera", "6A003"),
        ("مضخة تفريغ", "2B231"),
        ("كاميرا حرارية", "6A003"),
        ("طائرة مسيرة", "9A012"),
    ] {
        let found = top(query);
        assert!(
            found.iter().any(|c| c.starts_with(entry)),
            "{query} → {found:?}"
        );
    }
}

#[test]
fn codes_are_found_with_or_without_dots() {
    assert_eq!(normalise_code("3a001b2").as_deref(), Some("3A001.b.2"));
    assert_eq!(normalise_code("3A001.B.2").as_deref(), Some("3A001.b.2"));
    assert_eq!(normalise_code("1c350.12").as_deref(), Some("1C350.12"));
    assert_eq!(normalise_code("hello"), None);
    assert_eq!(top("3a001b2")[0], "3A001.b.2");
    assert_eq!(top("3A225")[0], "3A225");
}

#[test]
fn defined_terms_are_found_by_their_words() {
    let list = bundled::list();
    let named = |q: &str| {
        exportcheck::engine::search::defined_terms(list, bundled::definition_words(), q, 5)
            .into_iter()
            .map(|d| d.term.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        named("specially designed").first().map(String::as_str),
        Some("specially designed")
    );
    assert_eq!(
        named("developm").first().map(String::as_str),
        Some("development")
    );
    assert!(named("public domain")
        .iter()
        .any(|t| t == "in the public domain"));
    assert!(named("zzzz").is_empty());
}

#[test]
fn us_eccns_and_customs_codes_suggest_candidates() {
    assert_eq!(top("ECCN 3A001")[0], "3A001");
    assert_eq!(top("eccn: 5a002")[0], "5A002");
    let cn = search(bundled::list(), bundled::index(), "85044084", 20);
    assert!(
        cn.iter().any(|c| c.entry == "3A225"),
        "a CN code of frequency converters suggests 3A225"
    );
    assert!(cn.iter().all(|c| c
        .why
        .iter()
        .any(|w| w.render(Lang::En).contains("not a classification"))));
}

#[test]
fn cas_numbers_are_found_with_or_without_hyphens() {
    assert_eq!(top("111-48-8")[0], "1C350.1");
    assert_eq!(top("111488")[0], "1C350.1");
    assert!(
        top("111-48-9").iter().all(|c| c != "1C350.1"),
        "a wrong check digit is not a CAS match"
    );
}

#[test]
fn own_words_find_the_entry() {
    assert!(top("variable frequency drive")
        .iter()
        .any(|c| c.starts_with("3A225")));
    assert!(top("inertial navigation")
        .iter()
        .any(|c| c.starts_with("7A003")));
    assert!(top("thermal camera").iter().any(|c| c.starts_with("6A003")));
    assert!(top("drone").iter().any(|c| c.starts_with("9A012")));
}

#[test]
fn a_determination_asks_the_most_deciding_question_first_and_cites_its_source() {
    let list = bundled::list();
    let entry = list.entry("3A225").unwrap();
    let d = determine(list, entry, &Facts::default());
    assert_eq!(d.outcome, Outcome::NeedsAnswers);
    assert!(
        matches!(&d.next[0], Ask::YesNo { id, .. } if id == "is:3A225"),
        "{:?}",
        d.next[0]
    );
    assert_eq!(
        d.citations[0].render(Lang::En),
        "Regulation (EU) 2021/821, Annex I, 3A225, consolidated version of 15 November 2025"
    );
}

#[test]
fn technology_is_released_by_the_general_technology_note() {
    let list = bundled::list();
    let entry = list.entry("3E001").unwrap();
    // Yes to the entry's own criteria, no to its notes' release questions.
    let mut facts = Facts::default();
    for q in &entry.questions {
        facts.answers.insert(q.id.clone(), false);
    }
    fn say_yes(c: &Condition, facts: &mut Facts) {
        match c {
            Condition::Ask(id) => {
                facts.answers.insert(id.clone(), true);
            }
            Condition::Any(l) | Condition::All(l) => l.iter().for_each(|x| say_yes(x, facts)),
            _ => {}
        }
    }
    for c in entry.items.iter().flat_map(|i| i.when.iter()) {
        say_yes(c, &mut facts);
    }
    let pending = determine(list, entry, &facts);
    assert_eq!(
        pending.outcome,
        Outcome::NeedsAnswers,
        "{:?}",
        pending.summary
    );
    assert!(pending
        .next
        .iter()
        .any(|a| matches!(a, Ask::YesNo { id, .. } if id == "gtn-public-domain")));
    facts.answers.insert("gtn-public-domain".into(), true);
    let released = determine(list, entry, &facts);
    assert_eq!(
        released.outcome,
        Outcome::Released,
        "{:?}",
        released.summary
    );
}

fn answers(destination: &str) -> EndUseAnswers {
    EndUseAnswers {
        destination: Some(destination.into()),
        informed_wmd: Some(false),
        informed_military: Some(false),
        informed_illegal_military: Some(false),
        aware: Some(false),
    }
}

#[test]
fn end_use_outcomes_follow_the_regulation() {
    let m = bundled::measures();
    let listed = vec!["3A225".to_string()];
    let us = check(m, &listed, &answers("US"));
    assert_eq!(us.verdict, Verdict::GeneralAuthorisation);
    assert_eq!(us.general_authorisation.as_deref(), Some("EU001"));
    assert_eq!(
        check(m, &listed, &answers("CN")).verdict,
        Verdict::AuthorisationRequired
    );
    assert_eq!(
        check(m, &listed, &answers("RU")).verdict,
        Verdict::Prohibited
    );
    assert_eq!(
        check(m, &[], &answers("CN")).verdict,
        Verdict::NoAuthorisation
    );
    let mut informed = answers("CN");
    informed.informed_wmd = Some(true);
    let catch_all = check(m, &[], &informed);
    assert_eq!(catch_all.verdict, Verdict::AuthorisationRequired);
    assert!(catch_all
        .steps
        .iter()
        .any(|s| s.citation.render(Lang::En).contains("Article 4(1)")));
    let mut aware = answers("CN");
    aware.aware = Some(true);
    assert_eq!(check(m, &[], &aware).verdict, Verdict::ContactAuthority);
    let mut us_aware = answers("US");
    us_aware.aware = Some(true);
    assert_eq!(
        check(m, &listed, &us_aware).verdict,
        Verdict::AuthorisationRequired,
        "no general authorisation when aware"
    );
    assert_eq!(
        check(m, &listed, &answers("DE")).verdict,
        Verdict::NoAuthorisation,
        "within the Union, 3A225 is not in Annex IV"
    );
    assert_eq!(
        check(m, &["0B001".to_string()], &answers("FR")).verdict,
        Verdict::AuthorisationRequired,
        "Annex IV item within the Union"
    );
    // Monaco is inside the customs territory of the Union: no export procedure.
    let monaco = check(m, &listed, &answers("MC"));
    assert_eq!(
        monaco.verdict,
        Verdict::ContactAuthority,
        "listed item to Monaco"
    );
    assert!(monaco.steps[0]
        .citation
        .render(Lang::En)
        .contains("952/2013"));
    assert_eq!(
        check(m, &[], &answers("MC")).verdict,
        Verdict::NoAuthorisation,
        "an unlisted item to Monaco, no Article 4 facts"
    );
    let incomplete = check(
        m,
        &listed,
        &EndUseAnswers {
            destination: Some("CN".into()),
            ..Default::default()
        },
    );
    assert_eq!(incomplete.verdict, Verdict::Incomplete);
    assert_eq!(incomplete.missing.len(), 4);
}
