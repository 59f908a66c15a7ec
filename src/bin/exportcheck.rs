//! `exportcheck`: the same engine as the widget, on the command line.
//!
//! ```text
//! exportcheck check-list [DIR]                 compile a list folder and report coverage
//! exportcheck classify "<description>" [--cas N] [--cn N] [--json]
//! ```
//! Bad input gets a message on standard error and exit code 2; a list that does not compile
//! gets exit code 1.

use exportcheck::bundled;
use exportcheck::engine::search::search;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check-list") => check_list(args.get(1).map(String::as_str)),
        Some("classify") => classify(&args[1..]),
        _ => {
            eprintln!("usage: exportcheck check-list [DIR] | exportcheck classify \"<description>\" [--cas N] [--cn N] [--json]");
            ExitCode::from(2)
        }
    }
}

fn check_list(dir: Option<&str>) -> ExitCode {
    let dir = dir.unwrap_or("control-lists/eu-2021-821-annex-i");
    match exportcheck::list::compile::compile_dir(std::path::Path::new(dir)) {
        Ok(c) => {
            let l = &c.list;
            let items: usize = l.entries.iter().map(|e| e.items.len()).sum();
            let notes: usize = l.entries.iter().map(|e| e.notes.len()).sum();
            let thresholds: usize = l.entries.iter().map(|e| e.thresholds().len()).sum();
            let cas = l
                .entries
                .iter()
                .flat_map(|e| &e.items)
                .filter(|i| i.cas.is_some())
                .count();
            let unverified = l.entries.iter().map(unverified_marks).sum::<usize>();
            println!(
                "{dir}: {} entries, {items} items, {thresholds} thresholds, {notes} notes, {cas} CAS numbers, {unverified} unverified marks, {} scenarios, {} definitions, {} general-note releases",
                l.entries.len(),
                c.scenarios.len(),
                l.definitions.len(),
                l.general_releases.len()
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!("{} error(s)", errors.len());
            ExitCode::FAILURE
        }
    }
}

fn classify(args: &[String]) -> ExitCode {
    let mut description = None;
    let mut cas = None;
    let mut cn = None;
    let mut json = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--cas" | "--cn" => {
                let Some(v) = it.next() else {
                    eprintln!("{a} needs a value");
                    return ExitCode::from(2);
                };
                if a == "--cas" {
                    cas = Some(v.clone());
                } else {
                    cn = Some(v.clone());
                }
            }
            s if s.starts_with("--") => {
                eprintln!("unknown option {s}");
                return ExitCode::from(2);
            }
            s => description = Some(s.to_string()),
        }
    }
    let list = bundled::list();
    let mut candidates = Vec::new();
    for q in [description.as_deref(), cas.as_deref(), cn.as_deref()]
        .into_iter()
        .flatten()
    {
        for c in search(list, q, 10) {
            if !candidates
                .iter()
                .any(|x: &exportcheck::engine::search::Candidate| x.code == c.code)
            {
                candidates.push(c);
            }
        }
    }
    if candidates.is_empty() && description.is_none() && cas.is_none() && cn.is_none() {
        eprintln!("classify needs a description, --cas or --cn");
        return ExitCode::from(2);
    }
    if json {
        println!(
            "{}",
            serde_json::to_string(&candidates).expect("candidates serialise")
        );
    } else {
        for c in &candidates {
            println!(
                "{:>6.2}  {}  {}  ({})",
                c.score,
                c.code,
                c.text,
                c.why.join("; ")
            );
        }
    }
    ExitCode::SUCCESS
}

/// Items, thresholds and notes marked unverified in an entry.
fn unverified_marks(entry: &exportcheck::list::model::Entry) -> usize {
    entry
        .items
        .iter()
        .filter(|i| i.unverified.is_some())
        .count()
        + entry
            .notes
            .iter()
            .filter(|n| n.unverified.is_some())
            .count()
        + entry
            .thresholds()
            .iter()
            .filter(|t| t.unverified.is_some())
            .count()
}
