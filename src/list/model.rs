//! The compiled control list: what the widget ships and the engine reads.
//!
//! `src/build.rs` compiles the reviewed TOML sources in `control-lists/` into this model
//! (see [`super::compile`]) and embeds it as postcard bytes. Every threshold here is already
//! in the base unit of its dimension; every cross-reference has been checked to resolve.

use super::units::Dimension;
use serde::{Deserialize, Serialize};

/// A whole control list with its general part.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ControlList {
    /// Short identifier, e.g. `eu-2021-821-annex-i`.
    pub id: String,
    /// The instrument, as cited: "Regulation (EU) 2021/821, Annex I".
    pub instrument: String,
    /// The consolidation this encoding follows, ISO date.
    pub consolidation: String,
    /// The amending act that produced the consolidation.
    pub amended_by: String,
    pub definitions: Vec<Definition>,
    /// Releases from the General Technology, Nuclear Technology and General Software Notes,
    /// applied by the engine to every software or technology entry of the groups they name.
    pub general_releases: Vec<GeneralRelease>,
    pub entries: Vec<Entry>,
}

/// A defined term of the list ("specially designed", "development", ...).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Definition {
    pub id: String,
    pub term: String,
    /// The definition in the project's own words.
    pub text: String,
    /// Where the official definition stands.
    pub source: String,
}

/// A release from a general note that applies to a whole group (D or E) of entries.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GeneralRelease {
    pub id: String,
    /// Groups it applies to: 'D' (software), 'E' (technology).
    pub groups: Vec<char>,
    /// Categories it is limited to; empty means all.
    pub categories: Vec<u8>,
    /// Entry codes (or code prefixes such as "5D002") it does not apply to.
    pub except_entries: Vec<String>,
    /// The yes/no question; "yes" releases.
    pub question: String,
    pub note: String,
    pub source: String,
    pub term: Option<String>,
}

/// The regime a control comes from, read from the entry's number range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Regime {
    Wassenaar,
    Mtcr,
    Nsg,
    AustraliaGroup,
    Cwc,
    EuOnly,
}

impl Regime {
    /// The regime the number range of an entry code implies (0xx Wassenaar, 1xx MTCR, 2xx NSG,
    /// 3xx Australia Group, 4xx CWC, 5xx EU-only).
    pub fn from_code(code: &str) -> Option<Regime> {
        match code.as_bytes().get(2)? {
            b'0' => Some(Regime::Wassenaar),
            b'1' => Some(Regime::Mtcr),
            b'2' => Some(Regime::Nsg),
            b'3' => Some(Regime::AustraliaGroup),
            b'4' => Some(Regime::Cwc),
            b'5' => Some(Regime::EuOnly),
            _ => None,
        }
    }
}

/// One top-level entry (e.g. 3A001) with its whole tree of sub-items.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Entry {
    pub code: String,
    pub category: u8,
    pub group: char,
    pub regime: Regime,
    /// The same code on the US Commerce Control List, where it exists.
    pub us_eccn: Option<String>,
    /// Words users type for items of this entry (trade names, abbreviations, synonyms).
    pub aliases: Vec<String>,
    /// Customs codes under which such items are often declared: candidates only.
    pub cn_codes: Vec<String>,
    pub params: Vec<Param>,
    pub questions: Vec<Question>,
    /// `items[0]` is the entry itself; the rest follow in document order.
    pub items: Vec<Item>,
    pub notes: Vec<Note>,
    /// Software and technology entries that refer to this one, and goods entries this one
    /// refers to (filled in both ways by the compiler).
    pub related: Vec<String>,
    /// Parts of the official entry that are not encoded yet. The engine never reports "not
    /// listed" for such an entry without saying this.
    pub not_encoded: Option<String>,
    /// Source file, for messages and for reviewers.
    pub source_file: String,
}

/// A measurable property an entry's thresholds are about.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Param {
    pub id: String,
    pub label: String,
    pub dimension: Dimension,
    /// How to measure it (from the entry's Technical Notes), in the project's words.
    pub help: String,
}

/// A yes/no question for a criterion that cannot be measured.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub text: String,
    /// The defined term that decides the answer, if any.
    pub term: Option<String>,
    pub help: String,
}

/// One node of an entry's tree: the entry itself or a sub-item.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Item {
    pub code: String,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// What this item covers, in the project's own words.
    pub text: String,
    /// How the children combine: any one of them, or all of them.
    pub combine: Combine,
    /// Conditions on this item itself; all must hold.
    pub when: Vec<Condition>,
    /// CAS registry numbers of the chemical this item names (several for a chemical that
    /// the text names in more than one form, e.g. nitrogen dioxide / dinitrogen tetroxide).
    pub cas: Vec<String>,
    /// A yes/no question that identifies the chemical when its CAS number does not: e.g. the
    /// salts of Amiton, which have CAS numbers of their own that the list does not name.
    pub cas_or_ask: Option<String>,
    /// Goods entries or items this software or technology item is about.
    pub refers: Vec<String>,
    /// The item points elsewhere (e.g. "SEE MILITARY GOODS CONTROLS") instead of controlling.
    pub see: Option<String>,
    /// Why part of this item could not be verified against the official text.
    pub unverified: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Combine {
    Any,
    All,
}

/// A criterion. Thresholds are checked against the user's figures; questions are answered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    Threshold(Threshold),
    /// A yes/no question of the entry, by id; "yes" satisfies it.
    Ask(String),
    /// A yes/no question of the entry, by id; "no" satisfies it.
    AskNot(String),
    Any(Vec<Condition>),
    All(Vec<Condition>),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Threshold {
    pub param: String,
    pub bound: Bound,
    /// In the base unit of the parameter's dimension.
    pub value: f64,
    /// The threshold as the official text writes it, e.g. "3.2 GHz".
    pub shown: String,
    /// Set when the figure could not be verified against the official text.
    pub unverified: Option<String>,
}

/// How a figure compares with a threshold. "Exceeding" and "greater than" are strict;
/// "equal to or more than" / "or more" are inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Bound {
    Above,
    AtLeast,
    Below,
    AtMost,
}

impl Bound {
    pub fn holds(self, value: f64, threshold: f64) -> bool {
        match self {
            Bound::Above => value > threshold,
            Bound::AtLeast => value >= threshold,
            Bound::Below => value < threshold,
            Bound::AtMost => value <= threshold,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Bound::Above => ">",
            Bound::AtLeast => "≥",
            Bound::Below => "<",
            Bound::AtMost => "≤",
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Bound::Above => "exceeding",
            Bound::AtLeast => "equal to or more than",
            Bound::Below => "less than",
            Bound::AtMost => "equal to or less than",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoteKind {
    /// Scope or explanation.
    Note,
    /// Releases items that would otherwise be caught.
    Decontrol,
    /// How to measure, or the meaning of a 'single-quoted' term.
    Technical,
    /// A pointer to another entry or to the military list.
    SeeAlso,
}

/// A Note, decontrol note, Technical Note or N.B. of the official text.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Note {
    /// Items the note is attached to.
    pub on: Vec<String>,
    pub kind: NoteKind,
    /// The official label ("Note 2", "Technical Note", "N.B.").
    pub label: String,
    pub text: String,
    /// For a decontrol note: all of these hold means the item is released.
    pub release_when: Vec<Condition>,
    /// For an N.B.: entries it points to; `ML` stands for the Common Military List.
    pub refers: Vec<String>,
    /// A term this Technical Note defines for its entry.
    pub defines: Option<String>,
    pub unverified: Option<String>,
}

impl ControlList {
    pub fn entry(&self, code: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.code.eq_ignore_ascii_case(code))
    }

    pub fn definition(&self, id: &str) -> Option<&Definition> {
        self.definitions.iter().find(|d| d.id == id)
    }

    /// The text of a yes/no question of `entry`, or of a general-note release, by id.
    pub fn question_text(&self, entry: &Entry, id: &str) -> String {
        entry
            .question(id)
            .map(|q| q.text.clone())
            .or_else(|| {
                self.general_releases
                    .iter()
                    .find(|r| r.id == id)
                    .map(|r| r.question.clone())
            })
            .unwrap_or_else(|| id.to_string())
    }
}

impl Entry {
    pub fn param(&self, id: &str) -> Option<&Param> {
        self.params.iter().find(|p| p.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn item(&self, code: &str) -> Option<(usize, &Item)> {
        self.items
            .iter()
            .enumerate()
            .find(|(_, i)| i.code.eq_ignore_ascii_case(code))
    }

    /// Notes attached to an item.
    pub fn notes_on<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Note> + 'a {
        self.notes
            .iter()
            .filter(move |n| n.on.iter().any(|c| c == code))
    }

    /// The chain of items from the entry down to `index`.
    pub fn path(&self, index: usize) -> Vec<usize> {
        let mut path = vec![index];
        let mut at = index;
        while let Some(p) = self.items[at].parent {
            path.push(p);
            at = p;
        }
        path.reverse();
        path
    }

    /// Every threshold of the entry: on its items and in its decontrol notes.
    pub fn thresholds(&self) -> Vec<&Threshold> {
        fn walk<'a>(c: &'a Condition, out: &mut Vec<&'a Threshold>) {
            match c {
                Condition::Threshold(t) => out.push(t),
                Condition::Any(l) | Condition::All(l) => l.iter().for_each(|x| walk(x, out)),
                Condition::Ask(_) | Condition::AskNot(_) => {}
            }
        }
        let mut out = Vec::new();
        let conditions = self.items.iter().flat_map(|i| i.when.iter());
        for c in conditions.chain(self.notes.iter().flat_map(|n| n.release_when.iter())) {
            walk(c, &mut out);
        }
        out
    }

    pub fn is_software_or_technology(&self) -> bool {
        matches!(self.group, 'D' | 'E')
    }
}
