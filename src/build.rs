//! Compiles the bundled control list from `control-lists/` into postcard bytes that the
//! crate embeds. A malformed list fails the build with file, line and reason.

#[allow(dead_code)]
#[path = "list/mod.rs"]
mod list;

use std::path::Path;

const LIST_DIR: &str = "control-lists/eu-2021-821-annex-i";
const MEASURES: &str = "control-lists/eu-measures/destinations.toml";
/// Builds with another list folder (same format) instead of the bundled EU list.
const LIST_DIR_VAR: &str = "EXPORTCHECK_LIST_DIR";

fn main() {
    println!("cargo:rerun-if-env-changed={LIST_DIR_VAR}");
    let list_dir = std::env::var(LIST_DIR_VAR).unwrap_or_else(|_| LIST_DIR.to_string());
    println!("cargo:rerun-if-changed={list_dir}");
    let compiled = match list::compile::compile_dir(Path::new(&list_dir)) {
        Ok(c) => c,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            panic!(
                "the control list in {list_dir} has {} error(s):\n{}",
                errors.len(),
                errors
                    .iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    };
    for file in &compiled.files {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    let bytes = postcard::to_allocvec(&compiled.list).expect("the list model serialises");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("list.bin"), bytes).expect("OUT_DIR is writable");
    let index = list::index::build(&compiled.list, &compiled.synonyms);
    let bytes = postcard::to_allocvec(&index).expect("the index serialises");
    std::fs::write(Path::new(&out_dir).join("index.bin"), bytes).expect("OUT_DIR is writable");

    println!("cargo:rerun-if-changed={MEASURES}");
    let measures = list::measures::Measures::load(Path::new(MEASURES)).unwrap_or_else(|errors| {
        panic!(
            "{MEASURES} has {} error(s):\n{}",
            errors.len(),
            errors.join("\n")
        )
    });
    let bytes = postcard::to_allocvec(&measures).expect("the measures serialise");
    std::fs::write(Path::new(&out_dir).join("measures.bin"), bytes).expect("OUT_DIR is writable");
}
