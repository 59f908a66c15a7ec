//! `exportcheck`: the same engine as the widget, on the command line.
//!
//! ```text
//! exportcheck check-list [DIR]                 compile a list folder and report coverage
//! exportcheck classify "<description>" [--cas N] [--cn N] [--json]
//! exportcheck classify --batch FILE            one description per line, or CSV
//!                                              (description,cas,cn with a header)
//! ```
//! `--json` prints the ranked candidates, each with `id` (the most specific sub-item),
//! `status` (`match`, `possible`, `excluded`), `score` and `why`; `--batch` prints one JSON
//! line per input.
//! Bad input gets a message on standard error and exit code 2; a list that does not compile
//! gets exit code 1.

use exportcheck::bundled;
use exportcheck::engine::classify::{self, Classified};
use exportcheck::engine::search;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check-list") => check_list(args.get(1).map(String::as_str)),
        Some("classify") => classify(&args[1..]),
        _ => {
            eprintln!("usage: exportcheck check-list [DIR] | exportcheck classify \"<description>\" [--cas N] [--cn N] [--json] | exportcheck classify --batch FILE");
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
                .map(|i| i.cas.len())
                .sum::<usize>();
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

/// One classification request: a description and optional CAS and customs codes.
struct Request {
    description: String,
    cas: Option<String>,
    cn: Option<String>,
}

fn classify(args: &[String]) -> ExitCode {
    let mut description = None;
    let mut cas = None;
    let mut cn = None;
    let mut batch = None;
    let mut json = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--cas" | "--cn" | "--batch" => {
                let Some(v) = it.next() else {
                    eprintln!("exportcheck: {a} needs a value");
                    return ExitCode::from(2);
                };
                match a.as_str() {
                    "--cas" => cas = Some(v.clone()),
                    "--cn" => cn = Some(v.clone()),
                    _ => batch = Some(v.clone()),
                }
            }
            s if s.starts_with("--") => {
                eprintln!("exportcheck: unknown option {s}");
                return ExitCode::from(2);
            }
            s if description.is_none() => description = Some(s.to_string()),
            s => {
                eprintln!("exportcheck: unexpected argument '{s}' (quote the description)");
                return ExitCode::from(2);
            }
        }
    }
    if let Some(cas) = &cas {
        if search::as_cas(cas).is_none() {
            eprintln!(
                "exportcheck: '{cas}' is not a valid CAS number (its check digit does not fit)"
            );
            return ExitCode::from(2);
        }
    }
    if let Some(path) = batch {
        return classify_batch(&path);
    }
    let description = description.filter(|d| !d.trim().is_empty());
    let Some(description) = description.or_else(|| cas.clone()).or_else(|| cn.clone()) else {
        eprintln!("exportcheck: classify needs a description, --cas, --cn or --batch FILE");
        return ExitCode::from(2);
    };
    let request = Request {
        description,
        cas,
        cn,
    };
    let results = run(&request);
    let mut text = String::new();
    if json {
        text = serde_json::to_string_pretty(&results).expect("results serialise");
    } else if results.is_empty() {
        text.push_str("No candidate entry in the bundled list.");
    } else {
        for c in &results {
            let status = format!("{:?}", c.status).to_lowercase();
            text.push_str(&format!(
                "{status:<9} {:>7.2}  {}  {}\n",
                c.score, c.id, c.text
            ));
            for w in &c.why {
                text.push_str(&format!("                   - {w}\n"));
            }
        }
    }
    emit(&text);
    ExitCode::SUCCESS
}

/// Writes to standard output; a closed pipe (e.g. `| head`) ends the output quietly.
fn emit(text: &str) -> bool {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", text.trim_end())
        .and_then(|_| out.flush())
        .is_ok()
}

fn run(r: &Request) -> Vec<Classified> {
    classify::classify(
        bundled::list(),
        bundled::index(),
        &r.description,
        r.cas.as_deref(),
        r.cn.as_deref(),
        10,
    )
}

/// Reads one description per line, or a CSV file (`.csv`: columns description, cas, cn,
/// with a header line), and writes one JSON line per input.
fn classify_batch(path: &str) -> ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("exportcheck: cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let csv = path.to_ascii_lowercase().ends_with(".csv");
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    if csv {
        lines.next();
    }
    for (n, line) in lines {
        let request = if csv {
            match parse_csv_line(line) {
                Ok(fields) => Request {
                    description: fields.first().cloned().unwrap_or_default(),
                    cas: fields.get(1).filter(|s| !s.is_empty()).cloned(),
                    cn: fields.get(2).filter(|s| !s.is_empty()).cloned(),
                },
                Err(e) => {
                    eprintln!("exportcheck: {path}:{}: {e}", n + 1);
                    return ExitCode::from(2);
                }
            }
        } else {
            Request {
                description: line.trim().to_string(),
                cas: None,
                cn: None,
            }
        };
        let results = run(&request);
        let row = serde_json::json!({ "line": n + 1, "input": request.description, "candidates": results });
        if !emit(&row.to_string()) {
            break;
        }
    }
    ExitCode::SUCCESS
}

/// Splits one CSV line (RFC 4180 quoting).
fn parse_csv_line(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    if quoted {
        return Err("a quoted field is not closed".into());
    }
    fields.push(field);
    Ok(fields.into_iter().map(|f| f.trim().to_string()).collect())
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
