//! Compiles the bundled control list from `control-lists/` into postcard bytes that the
//! crate embeds. A malformed list fails the build with file, line and reason.

#[allow(dead_code)]
#[path = "src/list/mod.rs"]
mod list;

use std::path::Path;

const LIST_DIR: &str = "control-lists/eu-2021-821-annex-i";
const MEASURES: &str = "control-lists/eu-measures/destinations.toml";

fn main() {
    println!("cargo:rerun-if-changed={LIST_DIR}");
    let compiled = match list::compile::compile_dir(Path::new(LIST_DIR)) {
        Ok(c) => c,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            panic!(
                "the control list in {LIST_DIR} has {} error(s):\n{}",
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
