//! Reading the figures in a description: "GaN amplifier, 8.5-10.5 GHz, 60 W peak" or
//! "2,5 kW CW fibre laser at 1070 nm" yields quantities with units (single values and
//! ranges), which are then matched to the parameters of candidate entries.
//!
//! Why: exporters describe items the way datasheets do. Taking the figures from the
//! description means the widget asks only for what is still missing.

use crate::i18n::Msg;
use crate::list::model::Entry;
use crate::list::quantity::{example, parse_number, QuantityError};
use crate::list::units::{Dimension, UNITS};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// What to tell a person whose figure could not be read, for a parameter of `dimension`.
pub fn error_message(error: &QuantityError, dimension: Dimension) -> Msg {
    let example = example(dimension);
    match error {
        QuantityError::Empty => Msg::new("figure.empty").figure("example", example),
        QuantityError::NoNumber { text } => Msg::new("figure.no_number")
            .text("text", text)
            .figure("example", example),
        QuantityError::NoUnit { number } => Msg::new("figure.no_unit")
            .text("number", number)
            .figure("example", example),
        QuantityError::UnknownUnit { unit } => Msg::new("figure.unknown_unit")
            .text("unit", unit)
            .msg("dimension", dimension_msg(dimension))
            .texts("units", &dimension.unit_symbols()),
        QuantityError::PowerOfTen { number } => {
            Msg::new("figure.power_of_ten").text("text", number)
        }
        QuantityError::Exponent { exponent } => {
            Msg::new("figure.exponent").text("exponent", exponent)
        }
        QuantityError::NotANumber { number } => {
            Msg::new("figure.not_a_number").text("text", number)
        }
        QuantityError::Ambiguous {
            text,
            thousands,
            decimal,
        } => Msg::new("figure.ambiguous")
            .text("text", text)
            .text("thousands", thousands)
            .text("decimal", decimal),
    }
}

/// The name of a dimension ("frequency", "power"), as a message.
pub fn dimension_msg(dimension: Dimension) -> Msg {
    Msg::new(&format!("dimension.{dimension:?}"))
}

/// One figure found in a text, with every reading its unit allows (a unit symbol such as
/// "rad" or "g" can belong to more than one dimension).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The text it was read from, e.g. "8.5-10.5 GHz".
    pub text: String,
    /// (dimension, low, high) in base units; low == high for a single value.
    pub readings: Vec<(Dimension, f64, f64)>,
}

impl Figure {
    pub fn reading(&self, dimension: Dimension) -> Option<(f64, f64)> {
        self.readings
            .iter()
            .find(|r| r.0 == dimension)
            .map(|r| (r.1, r.2))
    }
}

/// Finds the figures in `text`. Returns them and the text with the figures removed (for the
/// word search).
pub fn extract(text: &str) -> (Vec<Figure>, String) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut figures = Vec::new();
    let mut rest = String::new();
    let mut i = 0;
    let mut copied_to = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let starts_number = c.is_ascii_digit() && (i == 0 || !chars[i - 1].1.is_alphanumeric())
            || (matches!(c, '±' | '+' | '-')
                && chars.get(i + 1).is_some_and(|n| n.1.is_ascii_digit())
                && (i == 0 || chars[i - 1].1.is_whitespace()));
        if starts_number {
            if let Some((figure, end)) = read_figure(text, pos) {
                rest.push_str(&text[copied_to..pos]);
                rest.push(' ');
                copied_to = end;
                figures.push(figure);
                i = chars
                    .iter()
                    .position(|(p, _)| *p >= end)
                    .unwrap_or(chars.len());
                continue;
            }
        }
        i += 1;
    }
    rest.push_str(&text[copied_to..]);
    (figures, rest)
}

/// Reads "number [range] unit" at byte `start`; returns the figure and where it ends.
fn read_figure(text: &str, start: usize) -> Option<(Figure, usize)> {
    let s = &text[start..];
    let s_trim = s.trim_start_matches(['±', '+']);
    let skipped = s.len() - s_trim.len();
    let (low_text, after_low) = number_prefix(s_trim)?;
    let mut end = start + skipped + after_low;
    let mut high_text = None;
    // A range: "8.5-10.5", "8.5 - 10.5", "8.5 to 10.5", "8.5–10.5".
    let tail = &text[end..];
    let tail_trim = tail.trim_start();
    for sep in ["-", "–", "to ", "…", "..."] {
        if let Some(after) = tail_trim.strip_prefix(sep) {
            let after_trim = after.trim_start();
            if let Some((h, len)) = number_prefix(after_trim) {
                high_text = Some(h);
                end += tail.len() - after_trim.len() + len;
                break;
            }
        }
    }
    let unit_tail = &text[end..];
    let unit_trim = unit_tail.trim_start();
    let (symbol, unit_len) = unit_prefix(unit_trim)?;
    end += unit_tail.len() - unit_trim.len() + unit_len;
    let low = parse_number(low_text).ok()?;
    let high = match high_text {
        Some(h) => parse_number(h).ok()?,
        None => low,
    };
    let readings: Vec<(Dimension, f64, f64)> = UNITS
        .iter()
        .filter(|u| u.symbols.contains(&symbol))
        .map(|u| {
            let a = low * u.factor + u.offset;
            let b = high * u.factor + u.offset;
            (u.dimension, a.min(b), a.max(b))
        })
        .collect();
    if readings.is_empty() {
        return None;
    }
    Some((
        Figure {
            text: text[start..end].trim().to_string(),
            readings,
        },
        end,
    ))
}

/// The number at the start of `s` ("2,5", "1 200", "5e3"), and its length in bytes.
fn number_prefix(s: &str) -> Option<(&str, usize)> {
    let bytes = s.as_bytes();
    let mut end = usize::from(bytes.first() == Some(&b'-'));
    let digits_from = end;
    while end < bytes.len() {
        let c = bytes[end];
        let next_digit = bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        // "1 200": a space followed by exactly three digits groups thousands.
        let thousands = c == b' '
            && end > digits_from
            && bytes.len() >= end + 4
            && bytes[end + 1..end + 4].iter().all(u8::is_ascii_digit)
            && bytes.get(end + 4).is_none_or(|b| !b.is_ascii_digit());
        let separator = (c == b'.' || c == b',') && next_digit && end > digits_from;
        let exponent = (c == b'e' || c == b'E') && end > digits_from && next_digit;
        if !(c.is_ascii_digit() || thousands || separator || exponent) {
            break;
        }
        end += 1;
    }
    (end > digits_from).then(|| (&s[..end], end))
}

/// The longest unit symbol at the start of `s`, ending at a word boundary: as written first,
/// then case-insensitively for words of two letters or more ("ghz", "Microns").
fn unit_prefix(s: &str) -> Option<(&'static str, usize)> {
    longest_symbol(s, Cow::Borrowed, 1).or_else(|| {
        let lower = s.to_lowercase();
        longest_symbol(&lower, |sym| Cow::Owned(sym.to_lowercase()), 2)
    })
}

/// The longest unit symbol, as `form` writes it and at least `min_len` bytes long, that `s`
/// starts with and that ends at a word boundary; with its length in `s`.
fn longest_symbol(
    s: &str,
    form: impl Fn(&'static str) -> Cow<'static, str>,
    min_len: usize,
) -> Option<(&'static str, usize)> {
    let mut best: Option<(&'static str, usize)> = None;
    for sym in UNITS.iter().flat_map(|u| u.symbols.iter().copied()) {
        let written = form(sym);
        if written.len() < min_len || !s.starts_with(written.as_ref()) {
            continue;
        }
        let boundary = s[written.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if boundary && best.is_none_or(|b| written.len() > b.1) {
            best = Some((sym, written.len()));
        }
    }
    best
}

/// A parameter that takes the low or the high end of a range: its label or id has a whole
/// word such as "lowest" or "max" (whole words, so that "predetermined" is not "min").
fn end_of_range(label: &str, id: &str) -> Option<bool> {
    let text = format!("{label} {id}").to_lowercase();
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    if has(&["lowest", "minimum", "min", "lower", "bottom"]) {
        Some(false)
    } else if has(&["highest", "maximum", "max", "upper", "top"]) {
        Some(true)
    } else {
        None
    }
}

/// Matches figures to the entry's parameters: a range fills the lowest/highest pair; a single
/// value fills a parameter when it is the only parameter of its dimension and the only figure
/// of that dimension (or both ends of a pair). Anything ambiguous is left for the user.
/// Returns (parameter id, value in base units, the figure's text).
pub fn assign(entry: &Entry, figures: &[Figure]) -> Vec<(String, f64, String)> {
    let mut out: Vec<(String, f64, String)> = Vec::new();
    for p in &entry.params {
        // Every figure the description gives in this parameter's dimension.
        let readings: Vec<(f64, f64, &str)> = figures
            .iter()
            .filter_map(|f| {
                f.reading(p.dimension)
                    .map(|(lo, hi)| (lo, hi, f.text.as_str()))
            })
            .collect();
        let same_dimension = entry.params.iter().filter(|q| q.dimension == p.dimension);
        let plain_in_dimension = same_dimension
            .filter(|q| end_of_range(&q.label, &q.id).is_none())
            .count();
        let chosen = match (end_of_range(&p.label, &p.id), readings.as_slice()) {
            // The low or high end of the first range or value.
            (Some(high_end), [first, ..]) => {
                Some((if high_end { first.1 } else { first.0 }, first.2))
            }
            // A single figure for the only parameter of its dimension; with two figures in one
            // dimension ("99,7 % Al, 4 % below 63 µm") the tool cannot tell which is meant.
            (None, [only]) if plain_in_dimension == 1 => Some((only.1, only.2)),
            _ => None,
        };
        if let Some((value, text)) = chosen {
            out.push((p.id.clone(), value, text.to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_end_of_a_range_is_named_by_whole_words() {
        assert_eq!(end_of_range("Lowest frequency", "f_low"), Some(false));
        assert_eq!(end_of_range("Frequency", "frequency_max"), Some(true));
        assert_eq!(end_of_range("Upper limit of the band", "band"), Some(true));
        let approach = "Distance within which the vehicle reaches a predetermined point";
        assert_eq!(end_of_range(approach, "approach_accuracy"), None);
        assert_eq!(end_of_range("Desktop size", "laptop"), None);
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn reads_datasheet_figures() {
        let (f, rest) = extract("GaN amplifier, 8.5-10.5 GHz, 60 W peak");
        assert_eq!(f.len(), 2, "{f:?}");
        let (lo, hi) = f[0].reading(Dimension::Frequency).unwrap();
        assert!(close(lo, 8.5e9) && close(hi, 10.5e9));
        assert!(close(f[1].reading(Dimension::Power).unwrap().0, 60.0));
        assert!(rest.contains("GaN amplifier") && rest.contains("peak") && !rest.contains("GHz"));

        let (f, _) = extract("2,5 kW CW fibre laser at 1070 nm");
        assert!(close(f[0].reading(Dimension::Power).unwrap().0, 2500.0));
        assert!(close(f[1].reading(Dimension::Length).unwrap().0, 1070e-9));

        let (f, _) = extract("pixel pitch 12 microns, ±0,5 % accuracy, 1 200 W");
        assert!(close(f[0].reading(Dimension::Length).unwrap().0, 12e-6));
        assert!(close(f[1].reading(Dimension::Ratio).unwrap().0, 0.005));
        assert!(close(f[2].reading(Dimension::Power).unwrap().0, 1200.0));

        let (f, _) = extract("operating -55 to 125 °C");
        let (lo, hi) = f[0].reading(Dimension::Temperature).unwrap();
        assert!(close(lo, 218.15) && close(hi, 398.15), "{lo} {hi}");

        let (f, _) = extract("range 2 to 18 GHz");
        let (lo, hi) = f[0].reading(Dimension::Frequency).unwrap();
        assert!(close(lo, 2e9) && close(hi, 18e9));
    }

    #[test]
    fn words_with_digits_are_not_figures() {
        let (f, rest) = extract("AES-256 VPN router, model X5000");
        assert!(f.is_empty(), "{f:?}");
        assert!(rest.contains("AES-256"));
    }
}
