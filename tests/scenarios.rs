//! Runs every scenario written beside the rules in `control-lists/`, and checks that every
//! encoded threshold has a scenario just above it and one just below it.

use exportcheck::engine::determination::{determine, Outcome};
use exportcheck::engine::evaluate::{applicable_releases, Facts};
use exportcheck::list::compile::{compile_dir, Compiled, Expect};
use exportcheck::list::units::Dimension;
use std::path::Path;

/// The list the crate was built with (see `EXPORTCHECK_LIST_DIR` in build.rs).
fn compiled() -> Compiled {
    let dir = std::env::var("EXPORTCHECK_LIST_DIR")
        .unwrap_or_else(|_| "control-lists/eu-2021-821-annex-i".into());
    compile_dir(Path::new(&dir)).unwrap_or_else(|errors| {
        panic!(
            "the list does not compile:\n{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

#[test]
fn every_scenario_gives_its_expected_outcome() {
    let c = compiled();
    let mut failures = Vec::new();
    for s in &c.scenarios {
        let entry = c.list.entry(&s.entry).expect("scenario entry exists");
        // The general-note releases are answered "no" unless the scenario answers them: a
        // scenario tests the entry's own rules.
        let mut answers = s.answers.clone();
        for r in applicable_releases(&c.list, entry) {
            answers.entry(r.id.clone()).or_insert(false);
        }
        let facts = Facts {
            values: s.values.clone(),
            answers,
            cas: s.cas.clone(),
        };
        let d = determine(&c.list, entry, &facts);
        let expected = match s.expect {
            Expect::Listed => Outcome::Listed,
            Expect::NotListed => Outcome::NotListed,
            Expect::Released => Outcome::Released,
            Expect::NeedsAnswers => Outcome::NeedsAnswers,
        };
        let codes_ok = s.expect != Expect::Listed || s.expect_codes.is_empty() || {
            let mut want = s.expect_codes.clone();
            let mut got = d.codes.clone();
            want.sort();
            got.sort();
            want == got
        };
        if d.outcome != expected || !codes_ok {
            failures.push(format!(
                "{}:{}: scenario '{}': expected {:?} {:?}, got {:?} {:?} (missing: {:?})",
                s.file,
                s.line,
                s.name,
                expected,
                s.expect_codes,
                d.outcome,
                d.codes,
                d.evaluation.missing
            ));
        }
    }
    println!(
        "{} scenarios run, {} failed",
        c.scenarios.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} scenario(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_threshold_is_tested_just_above_and_just_below() {
    let c = compiled();
    let mut gaps = Vec::new();
    let mut count = 0;
    for entry in &c.list.entries {
        let scenarios: Vec<_> = c
            .scenarios
            .iter()
            .filter(|s| s.entry == entry.code)
            .collect();
        for t in entry.thresholds() {
            count += 1;
            // "Just" means within 5 % of the threshold, or the next whole number for counts.
            let is_count = entry
                .param(&t.param)
                .is_some_and(|p| p.dimension == Dimension::Count);
            let near = |v: f64| {
                let scale = if t.value == 0.0 { 1.0 } else { t.value.abs() };
                let tolerance = if is_count {
                    (0.05 * scale).max(1.0)
                } else {
                    0.05 * scale
                };
                (v - t.value).abs() <= tolerance
            };
            let values: Vec<f64> = scenarios
                .iter()
                .filter_map(|s| s.values.get(&t.param))
                .copied()
                .filter(|v| near(*v))
                .collect();
            let meets = values.iter().any(|v| t.bound.holds(*v, t.value));
            let misses = values.iter().any(|v| !t.bound.holds(*v, t.value));
            if !(meets && misses) {
                gaps.push(format!(
                    "{}: threshold {} {:?} {} has no scenario {}",
                    entry.code,
                    t.param,
                    t.bound,
                    t.shown,
                    match (meets, misses) {
                        (false, false) => "on either side",
                        (false, true) => "that meets it",
                        _ => "that misses it",
                    }
                ));
            }
        }
    }
    println!(
        "{count} thresholds checked, {} without a scenario on both sides",
        gaps.len()
    );
    assert!(
        gaps.is_empty(),
        "{} threshold(s) lack scenarios:\n{}",
        gaps.len(),
        gaps.join("\n")
    );
}

#[test]
fn every_decontrol_note_is_exercised() {
    let c = compiled();
    let mut missing = Vec::new();
    for entry in &c.list.entries {
        let released_any = c
            .scenarios
            .iter()
            .any(|s| s.entry == entry.code && s.expect == Expect::Released);
        let decontrols = entry
            .notes
            .iter()
            .filter(|n| n.kind == exportcheck::list::model::NoteKind::Decontrol)
            .count();
        if decontrols > 0 && !released_any {
            missing.push(format!(
                "{}: {decontrols} decontrol note(s), no scenario that releases",
                entry.code
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
