//! The shapes of control-list codes and CAS registry numbers.

/// `0A001` to `9E999`: category digit, group letter, three digits.
pub fn is_entry_code(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 5
        && b[0].is_ascii_digit()
        && matches!(b[1], b'A'..=b'E')
        && b[2..].iter().all(u8::is_ascii_digit)
}

/// A sub-item code: an entry code followed by `.x` segments of letters or digits.
pub fn is_item_code(s: &str) -> bool {
    let mut parts = s.split('.');
    let Some(head) = parts.next() else {
        return false;
    };
    is_entry_code(head)
        && parts.all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Checks a CAS registry number's form and check digit.
pub fn cas_is_valid(cas: &str) -> bool {
    let parts: Vec<&str> = cas.split('-').collect();
    let [a, b, c] = parts.as_slice() else {
        return false;
    };
    if !(2..=7).contains(&a.len()) || b.len() != 2 || c.len() != 1 {
        return false;
    }
    let digits: String = format!("{a}{b}");
    if !digits
        .chars()
        .chain(c.chars())
        .all(|ch| ch.is_ascii_digit())
    {
        return false;
    }
    let sum: u32 = digits
        .chars()
        .rev()
        .enumerate()
        .map(|(i, ch)| (i as u32 + 1) * ch.to_digit(10).unwrap_or(0))
        .sum();
    c.chars().next().and_then(|ch| ch.to_digit(10)) == Some(sum % 10)
}
