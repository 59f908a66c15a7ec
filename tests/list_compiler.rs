//! A malformed control-list file fails with the file, the line and the reason.

use exportcheck::list::compile::compile_texts;

const LIST: &str = r#"
id = "test"
instrument = "Regulation (EU) 2021/821, Annex I"
consolidation = "2025-11-15"
amended_by = "test"
"#;

const DEFS: &str = r#"
[[definition]]
id = "specially-designed"
term = "specially designed"
text = "t"
source = "s"
"#;

const GOOD: &str = r#"code = "3A225"

[[param]]
id = "power"
label = "Power"
dimension = "power"

[[item]]
code = "3A225"
text = "An item."
when = [{ param = "power", at_least = "40 W" }]
"#;

fn errors_for(entry: &str) -> Vec<String> {
    match compile_texts(&[
        ("list.toml", LIST),
        ("general/definitions.toml", DEFS),
        ("3-electronics/3A225.toml", entry),
    ]) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn a_good_file_compiles() {
    assert_eq!(errors_for(GOOD), Vec::<String>::new());
}

#[test]
fn a_unit_that_does_not_fit_the_dimension_is_refused_with_its_line() {
    let bad = GOOD.replace("\"40 W\"", "\"40 kg\"");
    let errors = errors_for(&bad);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("3-electronics/3A225.toml:11:"),
        "{errors:?}"
    );
    assert!(
        errors[0].contains("'kg' is not a unit of the parameter's dimension"),
        "{errors:?}"
    );
}

#[test]
fn an_unknown_key_is_refused() {
    let errors =
        errors_for(&GOOD.replace("label = \"Power\"", "label = \"Power\"\nlable = \"typo\""));
    assert!(
        errors
            .iter()
            .any(|e| e.contains("3A225.toml:6:") && e.contains("unknown field `lable`")),
        "{errors:?}"
    );
}

#[test]
fn a_duplicate_key_is_refused() {
    let errors = errors_for(&GOOD.replace(
        "text = \"An item.\"",
        "text = \"An item.\"\ntext = \"Again.\"",
    ));
    assert!(
        errors
            .iter()
            .any(|e| e.contains("3A225.toml:11:") && e.to_lowercase().contains("duplicate")),
        "{errors:?}"
    );
}

#[test]
fn a_note_on_a_missing_item_is_refused() {
    let bad = format!(
        "{GOOD}\n[[note]]\non = \"3A225.z\"\nkind = \"note\"\nlabel = \"Note\"\ntext = \"t\"\n"
    );
    let errors = errors_for(&bad);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("3A225.toml:13:") && e.contains("3A225.z, which is not an item")),
        "{errors:?}"
    );
}

#[test]
fn a_bad_cas_check_digit_is_refused() {
    let bad = format!("{GOOD}\n[[item]]\ncode = \"3A225.a\"\ntext = \"t\"\ncas = \"111-48-9\"\n");
    let errors = errors_for(&bad);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("CAS number 111-48-9 fails its check digit")),
        "{errors:?}"
    );
}

#[test]
fn an_undeclared_parameter_and_a_decontrol_without_conditions_are_refused() {
    let bad = GOOD.replace("param = \"power\"", "param = \"pwr\"")
        + "\n[[note]]\non = \"3A225\"\nkind = \"decontrol\"\nlabel = \"Note\"\ntext = \"t\"\n";
    let errors = errors_for(&bad);
    assert!(
        errors.iter().any(|e| e.contains("no [[param]] 'pwr'")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("needs release_when")),
        "{errors:?}"
    );
}

#[test]
fn a_file_named_after_another_code_is_refused() {
    let errors = errors_for(&GOOD.replace("code = \"3A225\"\n\n", "code = \"3A226\"\n\n"));
    assert!(
        errors
            .iter()
            .any(|e| e.contains("does not match the file name")),
        "{errors:?}"
    );
}
