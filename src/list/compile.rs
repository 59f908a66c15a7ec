//! Compiling the reviewed TOML sources in `control-lists/` into the shipped [`ControlList`].
//!
//! What it does: reads every file of a list folder, rejects anything doubtful with the file,
//! the line and the reason, and resolves every cross-reference. `src/build.rs` runs it, so a
//! malformed list fails the build; the native tests and the CLI run it too.
//!
//! Why so strict: a threshold typed in the wrong unit, a misspelt parameter or a note attached
//! to a sub-item that does not exist would silently change a legal answer. Unknown keys,
//! duplicate keys (TOML itself), duplicate codes, dangling references, units that do not fit a
//! parameter's dimension and bad CAS check digits are all errors.
//!
//! The format itself is documented for reviewers in `control-lists/README.md`.

use super::codes::{cas_is_valid, is_entry_code, is_item_code};
use super::model::*;
use super::quantity::parse_quantity;
use super::units::Dimension;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// One problem in a list source, located for the person who has to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// A compiled list and the scenario tests written beside its entries.
pub struct Compiled {
    pub list: ControlList,
    pub scenarios: Vec<Scenario>,
    /// Groups of words users use interchangeably, for the search index.
    pub synonyms: Vec<Vec<String>>,
    /// Every file read, so `src/build.rs` can ask to be re-run when one changes.
    pub files: Vec<PathBuf>,
}

/// A scenario test in data: an item's figures and answers and the outcome they must give.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub file: String,
    pub line: usize,
    pub entry: String,
    pub name: String,
    /// Parameter id to value in the base unit.
    pub values: BTreeMap<String, f64>,
    pub answers: BTreeMap<String, bool>,
    pub cas: Option<String>,
    pub expect: Expect,
    pub expect_codes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Expect {
    Listed,
    NotListed,
    Released,
    NeedsAnswers,
}

// ---- source shapes (what reviewers write) ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListSrc {
    id: String,
    instrument: String,
    consolidation: String,
    amended_by: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefinitionsSrc {
    #[serde(default)]
    definition: Vec<Spanned<DefinitionSrc>>,
    #[serde(default)]
    release: Vec<Spanned<ReleaseSrc>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymsSrc {
    synonym: Vec<SynonymSrc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymSrc {
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefinitionSrc {
    id: String,
    term: String,
    text: String,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReleaseSrc {
    id: String,
    groups: Vec<char>,
    #[serde(default)]
    categories: Vec<u8>,
    #[serde(default)]
    except_entries: Vec<String>,
    question: String,
    note: String,
    source: String,
    term: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntrySrc {
    code: Spanned<String>,
    us_eccn: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    cn_codes: Vec<Spanned<String>>,
    not_encoded: Option<String>,
    #[serde(default)]
    param: Vec<Spanned<ParamSrc>>,
    #[serde(default)]
    question: Vec<Spanned<QuestionSrc>>,
    #[serde(default)]
    item: Vec<Spanned<ItemSrc>>,
    #[serde(default)]
    note: Vec<Spanned<NoteSrc>>,
    #[serde(default)]
    scenario: Vec<Spanned<ScenarioSrc>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ParamSrc {
    id: String,
    label: String,
    dimension: Dimension,
    #[serde(default)]
    help: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionSrc {
    id: String,
    text: String,
    term: Option<String>,
    #[serde(default)]
    help: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemSrc {
    code: String,
    text: String,
    #[serde(default)]
    combine: Option<Combine>,
    /// Shortcut for a yes/no question "Is your item <is>?".
    is: Option<String>,
    #[serde(default)]
    when: Vec<Spanned<ConditionSrc>>,
    cas: Option<OneOrMany>,
    cas_or_ask: Option<String>,
    #[serde(default)]
    refers: Vec<String>,
    see: Option<String>,
    unverified: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConditionSrc {
    param: Option<String>,
    above: Option<String>,
    at_least: Option<String>,
    below: Option<String>,
    at_most: Option<String>,
    ask: Option<String>,
    ask_not: Option<String>,
    any: Option<Vec<Spanned<ConditionSrc>>>,
    all: Option<Vec<Spanned<ConditionSrc>>>,
    unverified: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoteSrc {
    on: OneOrMany,
    kind: NoteKindSrc,
    label: String,
    text: String,
    #[serde(default)]
    release_when: Vec<Spanned<ConditionSrc>>,
    #[serde(default)]
    refers: Vec<String>,
    defines: Option<String>,
    unverified: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn to_vec(&self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "kebab-case")]
enum NoteKindSrc {
    Note,
    Decontrol,
    Technical,
    SeeAlso,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioSrc {
    name: String,
    #[serde(default)]
    values: BTreeMap<String, String>,
    #[serde(default)]
    answers: BTreeMap<String, bool>,
    cas: Option<String>,
    expect: Expect,
    #[serde(default)]
    codes: Vec<String>,
}

// ---- compiling ----

struct Errors(Vec<CompileError>);

impl Errors {
    fn at(&mut self, file: &SourceFile, offset: usize, message: impl Into<String>) {
        self.0.push(CompileError {
            file: file.name.clone(),
            line: file.line_of(offset),
            message: message.into(),
        });
    }
}

struct SourceFile {
    name: String,
    text: String,
}

impl SourceFile {
    fn line_of(&self, offset: usize) -> usize {
        self.text[..offset.min(self.text.len())]
            .matches('\n')
            .count()
            + 1
    }

    fn parse<T: for<'de> Deserialize<'de>>(&self, errors: &mut Errors) -> Option<T> {
        match toml::from_str::<T>(&self.text) {
            Ok(v) => Some(v),
            Err(e) => {
                let offset = e.span().map_or(0, |s| s.start);
                errors.at(self, offset, e.message().trim().to_string());
                None
            }
        }
    }
}

/// Compiles the list in folder `dir` (e.g. `control-lists/eu-2021-821-annex-i`).
/// Returns every error found, not just the first.
pub fn compile_dir(dir: &Path) -> Result<Compiled, Vec<CompileError>> {
    let mut paths = Vec::new();
    collect_toml(dir, &mut paths).map_err(|e| {
        vec![CompileError {
            file: dir.display().to_string(),
            line: 0,
            message: format!("cannot read the list folder: {e}"),
        }]
    })?;
    paths.sort();
    let mut sources = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).map_err(|e| {
            vec![CompileError {
                file: path.display().to_string(),
                line: 0,
                message: format!("cannot read: {e}"),
            }]
        })?;
        let name = path
            .strip_prefix(dir.parent().unwrap_or(dir))
            .unwrap_or(path)
            .display()
            .to_string();
        sources.push((path.clone(), SourceFile { name, text }));
    }
    let mut compiled = compile_sources(sources.iter().map(|(_, s)| s))?;
    compiled.files = paths;
    Ok(compiled)
}

fn collect_toml(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Compiles in-memory sources: `(file name, text)` pairs. Used by tests of the compiler.
pub fn compile_texts(files: &[(&str, &str)]) -> Result<Compiled, Vec<CompileError>> {
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|(n, t)| SourceFile {
            name: n.to_string(),
            text: t.to_string(),
        })
        .collect();
    compile_sources(sources.iter())
}

fn file_stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.strip_suffix(".toml").unwrap_or(base)
}

fn compile_sources<'a>(
    sources: impl Iterator<Item = &'a SourceFile>,
) -> Result<Compiled, Vec<CompileError>> {
    let mut errors = Errors(Vec::new());
    let mut header: Option<ListSrc> = None;
    let mut definitions = Vec::new();
    let mut releases = Vec::new();
    let mut entries = Vec::new();
    let mut scenarios = Vec::new();
    let mut synonyms = Vec::new();
    let mut entry_files: Vec<(&SourceFile, EntrySrc)> = Vec::new();

    for file in sources {
        match file_stem(&file.name) {
            "list" => header = file.parse(&mut errors),
            stem if stem.starts_with("synonyms") => {
                if let Some(src) = file.parse::<SynonymsSrc>(&mut errors) {
                    synonyms.extend(src.synonym.into_iter().map(|s| s.words));
                }
            }
            stem if stem.starts_with("definitions") => {
                if let Some(src) = file.parse::<DefinitionsSrc>(&mut errors) {
                    definitions.extend(src.definition.into_iter().map(|d| (file, d)));
                    releases.extend(src.release.into_iter().map(|r| (file, r)));
                }
            }
            stem if is_entry_code(stem) => {
                if let Some(src) = file.parse::<EntrySrc>(&mut errors) {
                    if src.code.get_ref() != stem {
                        errors.at(
                            file,
                            src.code.span().start,
                            format!("code {} does not match the file name {stem}.toml", src.code.get_ref()),
                        );
                    }
                    entry_files.push((file, src));
                }
            }
            other => errors.at(
                file,
                0,
                format!("'{other}.toml' is neither list.toml, a definitions*.toml file nor an entry file named after its code (e.g. 3A001.toml)"),
            ),
        }
    }

    let mut definition_ids = BTreeSet::new();
    let mut defs = Vec::new();
    for (file, d) in &definitions {
        let span = d.span();
        let d = d.get_ref();
        if !definition_ids.insert(d.id.clone()) {
            errors.at(
                file,
                span.start,
                format!("definition '{}' is defined twice", d.id),
            );
        }
        defs.push(Definition {
            id: d.id.clone(),
            term: d.term.clone(),
            text: d.text.clone(),
            source: d.source.clone(),
        });
    }
    let mut general_releases = Vec::new();
    for (file, r) in &releases {
        let span = r.span();
        let r = r.get_ref();
        check_term(
            &mut errors,
            file,
            span.start,
            r.term.as_deref(),
            &definition_ids,
        );
        if r.groups.iter().any(|g| !matches!(g, 'A'..='E')) {
            errors.at(file, span.start, "release groups must be letters A to E");
        }
        general_releases.push(GeneralRelease {
            id: r.id.clone(),
            groups: r.groups.clone(),
            categories: r.categories.clone(),
            except_entries: r.except_entries.clone(),
            question: r.question.clone(),
            note: r.note.clone(),
            source: r.source.clone(),
            term: r.term.clone(),
        });
    }

    let release_ids: BTreeSet<String> = general_releases.iter().map(|r| r.id.clone()).collect();
    let mut codes = BTreeSet::new();
    for (file, src) in &entry_files {
        if !codes.insert(src.code.get_ref().clone()) {
            errors.at(
                file,
                src.code.span().start,
                format!("entry {} is encoded twice", src.code.get_ref()),
            );
        }
        if let Some((entry, mut entry_scenarios)) =
            compile_entry(file, src, &definition_ids, &release_ids, &mut errors)
        {
            entries.push(entry);
            scenarios.append(&mut entry_scenarios);
        }
    }
    entries.sort_by(|a, b| a.code.cmp(&b.code));
    resolve_references(&mut entries, &entry_files, &mut errors);

    let Some(header) = header else {
        if errors.0.is_empty() {
            errors.0.push(CompileError {
                file: "list.toml".into(),
                line: 0,
                message: "the list folder has no list.toml".into(),
            });
        }
        return Err(errors.0);
    };
    if !errors.0.is_empty() {
        return Err(errors.0);
    }
    Ok(Compiled {
        list: ControlList {
            id: header.id,
            instrument: header.instrument,
            consolidation: header.consolidation,
            amended_by: header.amended_by,
            definitions: defs,
            general_releases,
            entries,
        },
        scenarios,
        synonyms,
        files: Vec::new(),
    })
}

fn check_term(
    errors: &mut Errors,
    file: &SourceFile,
    at: usize,
    term: Option<&str>,
    ids: &BTreeSet<String>,
) {
    if let Some(t) = term {
        if !ids.contains(t) {
            errors.at(file, at, format!("term '{t}' is not in definitions.toml"));
        }
    }
}

fn compile_entry(
    file: &SourceFile,
    src: &EntrySrc,
    definition_ids: &BTreeSet<String>,
    release_ids: &BTreeSet<String>,
    errors: &mut Errors,
) -> Option<(Entry, Vec<Scenario>)> {
    let code = src.code.get_ref().clone();
    let regime = Regime::from_code(&code)?;
    let category = code.as_bytes()[0] - b'0';
    let group = code.as_bytes()[1] as char;

    let mut params: Vec<Param> = Vec::new();
    for p in &src.param {
        let (span, p) = (p.span(), p.get_ref());
        if params.iter().any(|q| q.id == p.id) {
            errors.at(
                file,
                span.start,
                format!("parameter '{}' is declared twice", p.id),
            );
        }
        params.push(Param {
            id: p.id.clone(),
            label: p.label.clone(),
            dimension: p.dimension,
            help: p.help.clone(),
        });
    }
    let mut questions: Vec<Question> = Vec::new();
    for q in &src.question {
        let (span, q) = (q.span(), q.get_ref());
        if questions.iter().any(|x| x.id == q.id) {
            errors.at(
                file,
                span.start,
                format!("question '{}' is declared twice", q.id),
            );
        }
        check_term(errors, file, span.start, q.term.as_deref(), definition_ids);
        questions.push(Question {
            id: q.id.clone(),
            text: q.text.clone(),
            term: q.term.clone(),
            help: q.help.clone(),
        });
    }

    let mut items: Vec<Item> = Vec::new();
    for it in &src.item {
        let (span, it) = (it.span(), it.get_ref());
        let at = span.start;
        if !is_item_code(&it.code) || !(it.code == code || it.code.starts_with(&format!("{code}.")))
        {
            errors.at(
                file,
                at,
                format!("item code '{}' is not a sub-item of {code}", it.code),
            );
            continue;
        }
        if items.iter().any(|x| x.code == it.code) {
            errors.at(file, at, format!("item {} is encoded twice", it.code));
            continue;
        }
        let parent = if it.code == code {
            None
        } else {
            let parent_code = &it.code[..it.code.rfind('.').unwrap_or(0)];
            match items.iter().position(|x| x.code == parent_code) {
                Some(p) => Some(p),
                None => {
                    errors.at(file, at, format!("item {} comes before its parent {parent_code} (or the parent is missing)", it.code));
                    continue;
                }
            }
        };
        if parent.is_none() && !items.is_empty() {
            errors.at(file, at, "the entry item must come first");
        }
        if items.is_empty() && it.code != code {
            errors.at(
                file,
                at,
                format!("the first [[item]] must be the entry {code} itself"),
            );
        }
        let mut when = Vec::new();
        if let Some(kind) = &it.is {
            let id = format!("is:{}", it.code);
            questions.push(Question {
                id: id.clone(),
                text: format!("Is your item {kind}?"),
                term: None,
                help: String::new(),
            });
            when.push(Condition::Ask(id));
        }
        for c in &it.when {
            if let Some(c) = compile_condition(file, c, &params, &questions, errors) {
                when.push(c);
            }
        }
        if let Some(q) = &it.cas_or_ask {
            if it.cas.is_none() {
                errors.at(
                    file,
                    at,
                    "cas_or_ask needs cas: it is the alternative to a CAS match",
                );
            }
            if !questions.iter().any(|x| &x.id == q) {
                errors.at(file, at, format!("no [[question]] '{q}' in this entry"));
            }
        }
        let cas = it.cas.as_ref().map(OneOrMany::to_vec).unwrap_or_default();
        for cas in &cas {
            if !cas_is_valid(cas) {
                errors.at(file, at, format!("CAS number {cas} fails its check digit"));
            }
        }
        for r in &it.refers {
            if !is_item_code(r) {
                errors.at(
                    file,
                    at,
                    format!("'{r}' in refers is not a control-list code"),
                );
            }
        }
        let index = items.len();
        if let Some(p) = parent {
            items[p].children.push(index);
        }
        items.push(Item {
            code: it.code.clone(),
            parent,
            children: Vec::new(),
            text: it.text.clone(),
            combine: it.combine.unwrap_or(Combine::Any),
            when,
            cas,
            cas_or_ask: it.cas_or_ask.clone(),
            refers: it.refers.clone(),
            see: it.see.clone(),
            unverified: it.unverified.clone(),
        });
    }
    if items.is_empty() {
        errors.at(
            file,
            0,
            format!("entry {code} has no [[item]]; the first item is the entry itself"),
        );
        return None;
    }

    let mut notes = Vec::new();
    for n in &src.note {
        let (span, n) = (n.span(), n.get_ref());
        let on = n.on.to_vec();
        for o in &on {
            if !items.iter().any(|i| &i.code == o) {
                errors.at(
                    file,
                    span.start,
                    format!(
                        "note '{}' is attached to {o}, which is not an item of this entry",
                        n.label
                    ),
                );
            }
        }
        let kind = match n.kind {
            NoteKindSrc::Note => NoteKind::Note,
            NoteKindSrc::Decontrol => NoteKind::Decontrol,
            NoteKindSrc::Technical => NoteKind::Technical,
            NoteKindSrc::SeeAlso => NoteKind::SeeAlso,
        };
        let release_when: Vec<Condition> = n
            .release_when
            .iter()
            .filter_map(|c| compile_condition(file, c, &params, &questions, errors))
            .collect();
        if kind == NoteKind::Decontrol && release_when.is_empty() {
            errors.at(file, span.start, format!("decontrol note '{}' needs release_when: the conditions under which it releases", n.label));
        }
        if kind != NoteKind::Decontrol && !release_when.is_empty() {
            errors.at(
                file,
                span.start,
                format!(
                    "only a decontrol note may have release_when ('{}')",
                    n.label
                ),
            );
        }
        if kind == NoteKind::SeeAlso && n.refers.is_empty() {
            errors.at(
                file,
                span.start,
                format!("see-also note '{}' needs refers", n.label),
            );
        }
        for r in &n.refers {
            if r != "ML" && !is_item_code(r) {
                errors.at(
                    file,
                    span.start,
                    format!("'{r}' in refers is neither a control-list code nor ML"),
                );
            }
        }
        notes.push(Note {
            on,
            kind,
            label: n.label.clone(),
            text: n.text.clone(),
            release_when,
            refers: n.refers.clone(),
            defines: n.defines.clone(),
            unverified: n.unverified.clone(),
        });
    }

    let mut cn_codes = Vec::new();
    for c in &src.cn_codes {
        let digits: String = c
            .get_ref()
            .chars()
            .filter(|ch| !ch.is_whitespace())
            .collect();
        if !(digits.len() >= 4
            && digits.len() <= 8
            && digits.len() % 2 == 0
            && digits.chars().all(|ch| ch.is_ascii_digit()))
        {
            errors.at(
                file,
                c.span().start,
                format!("customs code '{}' must have 4, 6 or 8 digits", c.get_ref()),
            );
        }
        cn_codes.push(digits);
    }

    let entry = Entry {
        code: code.clone(),
        category,
        group,
        regime,
        us_eccn: src.us_eccn.clone(),
        aliases: src.aliases.clone(),
        cn_codes,
        params,
        questions,
        items,
        notes,
        related: Vec::new(),
        not_encoded: src.not_encoded.clone(),
        source_file: file.name.clone(),
    };

    let mut scenarios = Vec::new();
    for s in &src.scenario {
        let (span, s) = (s.span(), s.get_ref());
        let mut values = BTreeMap::new();
        for (k, v) in &s.values {
            match entry.param(k) {
                Some(p) => match parse_quantity(v, p.dimension) {
                    Ok(x) => {
                        values.insert(k.clone(), x);
                    }
                    Err(e) => {
                        errors.at(file, span.start, format!("scenario '{}': {k}: {e}", s.name))
                    }
                },
                None => errors.at(
                    file,
                    span.start,
                    format!("scenario '{}': no parameter '{k}'", s.name),
                ),
            }
        }
        for k in s.answers.keys() {
            if entry.question(k).is_none() && !release_ids.contains(k) {
                errors.at(
                    file,
                    span.start,
                    format!("scenario '{}': no question '{k}'", s.name),
                );
            }
        }
        for c in &s.codes {
            if entry.item(c).is_none() {
                errors.at(
                    file,
                    span.start,
                    format!("scenario '{}': no item {c}", s.name),
                );
            }
        }
        scenarios.push(Scenario {
            file: file.name.clone(),
            line: file.line_of(span.start),
            entry: code.clone(),
            name: s.name.clone(),
            values,
            answers: s.answers.clone(),
            cas: s.cas.clone(),
            expect: s.expect,
            expect_codes: s.codes.clone(),
        });
    }
    Some((entry, scenarios))
}

fn compile_condition(
    file: &SourceFile,
    c: &Spanned<ConditionSrc>,
    params: &[Param],
    questions: &[Question],
    errors: &mut Errors,
) -> Option<Condition> {
    let at = c.span().start;
    let c = c.get_ref();
    let bounds = [
        (Bound::Above, &c.above),
        (Bound::AtLeast, &c.at_least),
        (Bound::Below, &c.below),
        (Bound::AtMost, &c.at_most),
    ];
    let given: Vec<_> = bounds.iter().filter(|(_, v)| v.is_some()).collect();
    let kinds = [
        c.param.is_some(),
        c.ask.is_some(),
        c.ask_not.is_some(),
        c.any.is_some(),
        c.all.is_some(),
    ]
    .iter()
    .filter(|k| **k)
    .count();
    if kinds != 1 {
        errors.at(
            file,
            at,
            "a condition needs exactly one of: param (with a bound), ask, ask_not, any, all",
        );
        return None;
    }
    if let Some(param) = &c.param {
        let Some(p) = params.iter().find(|p| &p.id == param) else {
            errors.at(file, at, format!("no [[param]] '{param}' in this entry"));
            return None;
        };
        let [(bound, Some(text))] = given.as_slice() else {
            errors.at(
                file,
                at,
                format!(
                    "condition on '{param}' needs exactly one of above, at_least, below, at_most"
                ),
            );
            return None;
        };
        return match parse_quantity(text, p.dimension) {
            Ok(value) => Some(Condition::Threshold(Threshold {
                param: param.clone(),
                bound: *bound,
                value,
                shown: text.to_string(),
                unverified: c.unverified.clone(),
            })),
            Err(e) => {
                errors.at(file, at, format!("threshold of '{param}': {e}"));
                None
            }
        };
    }
    if !given.is_empty() || c.unverified.is_some() {
        errors.at(
            file,
            at,
            "bounds and unverified belong to a param condition",
        );
        return None;
    }
    let check_q = |id: &String, errors: &mut Errors| {
        if !questions.iter().any(|q| &q.id == id) {
            errors.at(file, at, format!("no [[question]] '{id}' in this entry"));
        }
    };
    if let Some(q) = &c.ask {
        check_q(q, errors);
        return Some(Condition::Ask(q.clone()));
    }
    if let Some(q) = &c.ask_not {
        check_q(q, errors);
        return Some(Condition::AskNot(q.clone()));
    }
    let (list, any) = match (&c.any, &c.all) {
        (Some(l), _) => (l, true),
        (_, Some(l)) => (l, false),
        _ => unreachable!("kinds == 1"),
    };
    if list.is_empty() {
        errors.at(file, at, "an empty any/all group");
        return None;
    }
    let inner: Vec<Condition> = list
        .iter()
        .filter_map(|x| compile_condition(file, x, params, questions, errors))
        .collect();
    Some(if any {
        Condition::Any(inner)
    } else {
        Condition::All(inner)
    })
}

/// Checks that every reference to an encoded entry names an existing item, and links
/// software and technology entries with the goods entries they refer to, both ways.
fn resolve_references(
    entries: &mut [Entry],
    files: &[(&SourceFile, EntrySrc)],
    errors: &mut Errors,
) {
    let mut links: Vec<(String, String)> = Vec::new();
    for entry in entries.iter() {
        let file = files
            .iter()
            .find(|(_, s)| s.code.get_ref() == &entry.code)
            .map(|(f, _)| *f);
        let refs = entry.items.iter().flat_map(|i| i.refers.iter()).chain(
            entry
                .notes
                .iter()
                .flat_map(|n| n.refers.iter())
                .filter(|r| *r != "ML"),
        );
        for r in refs {
            let target_entry = &r[..5.min(r.len())];
            if let Some(target) = entries.iter().find(|e| e.code == target_entry) {
                if target.item(r).is_none() {
                    if let Some(f) = file {
                        errors.at(
                            f,
                            0,
                            format!(
                                "{} refers to {r}, which {target_entry} does not have",
                                entry.code
                            ),
                        );
                    }
                }
            }
            if target_entry != entry.code {
                links.push((entry.code.clone(), target_entry.to_string()));
            }
        }
    }
    for (from, to) in links {
        for (a, b) in [(&from, &to), (&to, &from)] {
            if let Some(e) = entries.iter_mut().find(|e| &e.code == a) {
                if !e.related.contains(b) {
                    e.related.push(b.clone());
                }
            }
        }
    }
    for e in entries.iter_mut() {
        e.related.sort();
    }
}
