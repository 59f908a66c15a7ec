//! Turning text into search terms, the same way at build time (indexing the list) and in the
//! browser (reading what the user types).
//!
//! Why a small hand-written stemmer: the list's English is technical and regular, and a
//! stemmer that maps "amplifiers", "amplifying" and "amplified" to one stem is enough; a
//! general-purpose stemming crate would add size to the wasm for little gain.

/// Words too common to help find an entry.
const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "the",
    "of",
    "for",
    "with",
    "in",
    "on",
    "to",
    "or",
    "by",
    "at",
    "as",
    "is",
    "are",
    "be",
    "that",
    "which",
    "from",
    "than",
    "our",
    "we",
    "my",
    "it",
    "its",
    "use",
    "used",
    "this",
    "these",
    "those",
    "any",
    "all",
    "have",
    "has",
    "having",
    "other",
    "not",
    "following",
    "item",
    "items",
    "your",
    "can",
    "into",
    "per",
    "such",
    "also",
    "more",
    "less",
    "up",
    "including",
    "specified",
    "designed",
    "specially",
    "equipment",
    "therefor",
    "used",
    "using",
    "type",
    "based",
    "new",
    "i",
    "you",
    "do",
    "does",
    "need",
    "want",
    "export",
    "exporting",
    "ship",
    "shipping",
];

/// Splits text into lower-case word stems, without stop words. Digits-only tokens are kept
/// (they carry codes and figures) but single characters are dropped.
pub fn terms(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .map(|w| w.to_lowercase())
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect()
}

/// Splits text into lower-case word stems, keeping every word (for names of defined terms,
/// which are made of words like "specially" and "designed" that the search otherwise skips).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| stem(&w.to_lowercase()))
        .collect()
}

/// A light English stemmer for technical text.
pub fn stem(word: &str) -> String {
    if word.chars().any(|c| c.is_ascii_digit()) || word.chars().count() <= 3 {
        return word.to_string();
    }
    const RULES: &[(&str, &str, usize)] = &[
        ("ational", "ate", 4),
        ("ization", "ize", 4),
        ("isation", "ize", 4),
        ("ations", "ate", 4),
        ("ation", "ate", 4),
        ("ities", "ity", 4),
        ("ments", "ment", 4),
        ("ively", "ive", 4),
        ("ness", "", 4),
        ("ings", "", 4),
        ("ing", "", 4),
        ("ies", "y", 3),
        ("ied", "y", 3),
        ("sses", "ss", 3),
        ("ers", "er", 4),
        ("ors", "or", 4),
        ("es", "e", 4),
        ("ed", "", 4),
        ("ly", "", 4),
        ("s", "", 3),
    ];
    for (suffix, replacement, min_base) in RULES {
        if let Some(base) = word.strip_suffix(suffix) {
            if base.chars().count() >= *min_base
                && !(suffix == &"s" && (base.ends_with('s') || base.ends_with('u')))
            {
                let mut out = format!("{base}{replacement}");
                // "amplifier"/"amplify", "encryption"/"encrypt": fold a few endings together.
                for (from, to) in [
                    ("ate", "at"),
                    ("ize", "iz"),
                    ("ier", "y"),
                    ("ion", ""),
                    ("e", ""),
                ] {
                    if out.len() > 5 {
                        if let Some(b) = out.strip_suffix(from) {
                            out = format!("{b}{to}");
                            break;
                        }
                    }
                }
                return out;
            }
        }
    }
    let mut out = word.to_string();
    for (from, to) in [("ier", "y"), ("ion", ""), ("e", "")] {
        if out.len() > 5 {
            if let Some(b) = out.strip_suffix(from) {
                out = format!("{b}{to}");
                break;
            }
        }
    }
    out
}

/// Edit distance between two short words, giving up (returning `max + 1`) past `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_forms_share_a_stem() {
        assert_eq!(stem("amplifiers"), stem("amplifier"));
        assert_eq!(stem("cameras"), stem("camera"));
        assert_eq!(stem("encryption"), stem("encrypt"));
        assert_eq!(stem("converters"), stem("converter"));
        assert_eq!(stem("lasers"), stem("laser"));
        assert_eq!(stem("gyroscopes"), stem("gyroscope"));
        assert_eq!(stem("3a001"), "3a001");
    }

    #[test]
    fn terms_drop_stop_words() {
        assert_eq!(
            terms("An amplifier for the radar"),
            vec![stem("amplifier"), stem("radar")]
        );
    }

    #[test]
    fn edit_distance_is_bounded() {
        assert_eq!(edit_distance("amplifer", "amplifier", 2), 1);
        assert_eq!(edit_distance("camera", "camera", 1), 0);
        assert!(edit_distance("laser", "radar", 1) > 1);
    }
}
