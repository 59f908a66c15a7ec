//! Reading a figure with its unit, as a person writes it: "10 GHz", "2,5 mm", "1 200 W",
//! "5 x 10^3 Gy(Si)", "60W".
//!
//! The same reader checks thresholds in the list sources at build time and the user's input in
//! the widget, so both follow one set of rules:
//! - a decimal comma and a decimal point are both accepted ("2,5" = "2.5");
//! - spaces, thin spaces and apostrophes group thousands ("1 200", "1'200");
//! - when both ',' and '.' occur, the last one is the decimal mark ("1.200,5", "1,200.5");
//! - a lone comma followed by exactly three digits ("1,200") is ambiguous and refused with a
//!   message, rather than guessed;
//! - powers of ten: "5e3", "5E3", "5 x 10^3", "5×10^3".

use super::units::{dimension_name, find_unit, Dimension};

/// Why a figure could not be read. The message is for the person who typed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuantityError(pub String);

impl std::fmt::Display for QuantityError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reads "number unit" and returns the value in the base unit of `dimension`.
pub fn parse_quantity(text: &str, dimension: Dimension) -> Result<f64, QuantityError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(QuantityError(
            "Enter a figure, e.g. ".to_string() + example(dimension),
        ));
    }
    let (number, unit) = split_number(text);
    if number.is_empty() {
        return Err(QuantityError(format!(
            "'{text}' does not start with a number; write e.g. {}",
            example(dimension)
        )));
    }
    let value = parse_number(number)?;
    let unit = unit.trim();
    if unit.is_empty() && dimension != Dimension::Count {
        return Err(QuantityError(format!(
            "Add the unit after {number}, e.g. {}",
            example(dimension)
        )));
    }
    match find_unit(unit, dimension) {
        Some(u) => Ok(value * u.factor + u.offset),
        None => Err(QuantityError(format!(
            "'{unit}' is not a unit of {}; use one of: {}",
            dimension_name(dimension),
            dimension.unit_symbols().join(", ")
        ))),
    }
}

/// An example figure for a dimension, for messages and placeholders.
pub fn example(dimension: Dimension) -> &'static str {
    use Dimension as D;
    match dimension {
        D::Frequency => "10 GHz",
        D::Power => "60 W",
        D::ApparentPower => "1,5 kVA",
        D::Length => "2,5 mm",
        D::Time => "10 ns",
        D::Temperature => "125 °C",
        D::Dose => "5000 Gy(Si)",
        D::DoseRate => "5 Gy(Si)/s",
        D::Ratio => "10 %",
        D::Count => "64",
        D::Voltage => "400 V",
        D::Current => "20 A",
        D::Energy => "2 J",
        D::Mass => "25 kg",
        D::Velocity => "20 m/s",
        D::Acceleration => "100 g",
        D::Angle => "0,5 deg",
        D::AngularRate => "0,01 deg/h",
        D::Area => "1 cm²",
        D::Pressure => "10 MPa",
        D::DataRate => "10 Gbit/s",
        D::PowerDensity => "1 W/cm²",
        D::Force => "100 N",
        D::Volume => "20 l",
        D::VolumeFlow => "5 m³/h",
        D::Density => "1,8 g/cm³",
        D::MassFlow => "2 kg/h",
        D::Resistance => "10 Ω",
        D::Capacitance => "100 nF",
        D::Inductance => "10 nH",
        D::MagneticFluxDensity => "2 T",
        D::Activity => "37 GBq",
        D::Decibel => "70 dBc",
        D::SpecificEnergy => "250 Wh/kg",
        D::SpecificPower => "5 kW/kg",
        D::CurrentDensity => "100 A/mm²",
    }
}

/// Splits "2,5 mm" into ("2,5", " mm") and "5 x 10^3 Gy" into ("5 x 10^3", " Gy").
fn split_number(text: &str) -> (&str, &str) {
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    let mut end = 0;
    let mut i = 0;
    if let Some((_, c)) = bytes.first() {
        if *c == '-' || *c == '+' || *c == '−' {
            i = 1;
        }
    }
    while i < bytes.len() {
        let (pos, c) = bytes[i];
        let next_is_digit = bytes.get(i + 1).is_some_and(|(_, n)| n.is_ascii_digit());
        let continues = c.is_ascii_digit()
            || ((c == '.'
                || c == ','
                || c == '\''
                || c == ' '
                || c == '\u{2009}'
                || c == '\u{202f}')
                && next_is_digit
                && end > 0)
            || ((c == 'e' || c == 'E') && end > 0 && exponent_follows(&text[pos + 1..]));
        if continues {
            if c == 'e' || c == 'E' {
                // Take the sign and digits of the exponent too.
                i += 1;
                while i < bytes.len()
                    && (bytes[i].1.is_ascii_digit() || bytes[i].1 == '-' || bytes[i].1 == '+')
                {
                    i += 1;
                }
                end = bytes.get(i).map_or(text.len(), |(p, _)| *p);
                continue;
            }
            end = pos + c.len_utf8();
            i += 1;
        } else {
            break;
        }
    }
    // "x 10^3" / "×10^3" after the mantissa.
    let rest = &text[end..];
    let trimmed = rest.trim_start();
    for times in ["x", "×", "*"] {
        if let Some(after) = trimmed.strip_prefix(times) {
            let after = after.trim_start();
            if let Some(exp) = after.strip_prefix("10^") {
                let digits: usize = exp
                    .char_indices()
                    .take_while(|(k, ch)| {
                        ch.is_ascii_digit() || (*k == 0 && (*ch == '-' || *ch == '+'))
                    })
                    .map(|(_, ch)| ch.len_utf8())
                    .sum();
                if digits > 0 {
                    let consumed = text.len() - exp.len() + digits;
                    return (&text[..consumed], &text[consumed..]);
                }
            }
        }
    }
    (&text[..end], rest)
}

fn exponent_follows(s: &str) -> bool {
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    s.starts_with(|c: char| c.is_ascii_digit())
}

/// Parses the number part with the rules in the module doc.
pub fn parse_number(number: &str) -> Result<f64, QuantityError> {
    let number = number.trim().replace('−', "-");
    let (mantissa, exponent) = match number.split_once(['x', '×', '*']) {
        Some((m, e)) => {
            let e = e.trim().strip_prefix("10^").ok_or_else(|| {
                QuantityError(format!("'{number}': write powers of ten as 5 x 10^3"))
            })?;
            let e: i32 = e
                .parse()
                .map_err(|_| QuantityError(format!("'{e}' is not a whole-number exponent")))?;
            (m.trim().to_string(), e)
        }
        None => (number.clone(), 0),
    };
    let (mantissa, e_exponent) = match mantissa.split_once(['e', 'E']) {
        Some((m, e)) => {
            let e: i32 = e
                .parse()
                .map_err(|_| QuantityError(format!("'{e}' is not a whole-number exponent")))?;
            (m.to_string(), e)
        }
        None => (mantissa, 0),
    };
    let plain = normalise_separators(&mantissa)?;
    let value: f64 = plain
        .parse()
        .map_err(|_| QuantityError(format!("'{number}' is not a number")))?;
    Ok(value * 10f64.powi(exponent + e_exponent))
}

fn normalise_separators(s: &str) -> Result<String, QuantityError> {
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{2009}' | '\u{202f}' | '\''))
        .collect();
    let last_comma = s.rfind(',');
    let last_dot = s.rfind('.');
    let decimal = match (last_comma, last_dot) {
        (Some(c), Some(d)) => Some(if c > d { ',' } else { '.' }),
        (Some(c), None) => {
            let commas = s.matches(',').count();
            let after = s.len() - c - 1;
            if commas > 1 {
                None
            } else if after == 3 {
                return Err(QuantityError(format!(
                    "'{s}' is ambiguous: write {} for the thousands or {} for the decimal",
                    s.replace(',', ""),
                    s.replace(',', ".")
                )));
            } else {
                Some(',')
            }
        }
        (None, Some(_)) => {
            if s.matches('.').count() > 1 {
                None
            } else {
                Some('.')
            }
        }
        (None, None) => None,
    };
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            ',' | '.' if Some(c) == decimal => out.push('.'),
            ',' | '.' => {}
            _ => out.push(c),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Dimension as D;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn reads_figures_as_people_write_them() {
        assert!(close(parse_quantity("10 GHz", D::Frequency).unwrap(), 10e9));
        assert!(close(parse_quantity("60W", D::Power).unwrap(), 60.0));
        assert!(close(parse_quantity("2,5 mm", D::Length).unwrap(), 2.5e-3));
        assert!(close(parse_quantity("1 200 W", D::Power).unwrap(), 1200.0));
        assert!(close(
            parse_quantity("1.200,5 W", D::Power).unwrap(),
            1200.5
        ));
        assert!(close(
            parse_quantity("1,200.5 W", D::Power).unwrap(),
            1200.5
        ));
        assert!(close(
            parse_quantity("5 x 10^3 Gy(Si)", D::Dose).unwrap(),
            5e3
        ));
        assert!(close(parse_quantity("5e3 Gy", D::Dose).unwrap(), 5e3));
        assert!(close(
            parse_quantity("1070 nm", D::Length).unwrap(),
            1070e-9
        ));
        assert!(close(parse_quantity("3 microns", D::Length).unwrap(), 3e-6));
        assert!(close(
            parse_quantity("125 °C", D::Temperature).unwrap(),
            398.15
        ));
        assert!(close(parse_quantity("15 %", D::Ratio).unwrap(), 0.15));
        assert!(close(parse_quantity("64", D::Count).unwrap(), 64.0));
        assert!(close(
            parse_quantity("100 g", D::Acceleration).unwrap(),
            980.665
        ));
    }

    #[test]
    fn refuses_what_it_cannot_read_with_a_reason() {
        let err = parse_quantity("1,200 W", D::Power).unwrap_err();
        assert!(err.0.contains("ambiguous"), "{err}");
        let err = parse_quantity("10 kg", D::Frequency).unwrap_err();
        assert!(err.0.contains("not a unit of frequency"), "{err}");
        let err = parse_quantity("fast", D::Frequency).unwrap_err();
        assert!(err.0.contains("does not start with a number"), "{err}");
        let err = parse_quantity("10", D::Frequency).unwrap_err();
        assert!(err.0.contains("Add the unit"), "{err}");
        assert!(parse_quantity("", D::Power).is_err());
    }

    #[test]
    fn reads_the_newer_units() {
        assert!(close(parse_quantity("100 litres", D::Volume).unwrap(), 0.1));
        assert!(close(parse_quantity("20 L", D::Volume).unwrap(), 0.02));
        assert!(close(parse_quantity("500 cm³", D::Volume).unwrap(), 5e-4));
        assert!(close(
            parse_quantity("2 m³/h", D::VolumeFlow).unwrap(),
            2.0 / 3600.0
        ));
        assert!(close(
            parse_quantity("1,8 g/cm3", D::Density).unwrap(),
            1800.0
        ));
        assert!(close(parse_quantity("1 kg/l", D::Density).unwrap(), 1000.0));
        assert!(close(parse_quantity("36 kg/h", D::MassFlow).unwrap(), 0.01));
        assert!(close(
            parse_quantity("2 kΩ", D::Resistance).unwrap(),
            2000.0
        ));
        assert!(close(parse_quantity("1 Mohm", D::Resistance).unwrap(), 1e6));
        assert!(close(parse_quantity("1 mΩ", D::Resistance).unwrap(), 1e-3));
        assert!(close(
            parse_quantity("100 nF", D::Capacitance).unwrap(),
            1e-7
        ));
        assert!(close(parse_quantity("10 nH", D::Inductance).unwrap(), 1e-8));
        assert!(close(
            parse_quantity("5000 gauss", D::MagneticFluxDensity).unwrap(),
            0.5
        ));
        assert!(close(parse_quantity("1 Ci", D::Activity).unwrap(), 3.7e10));
        assert!(close(
            parse_quantity("37 GBq", D::Activity).unwrap(),
            3.7e10
        ));
        assert!(close(parse_quantity("70 dBc", D::Decibel).unwrap(), 70.0));
        assert!(close(
            parse_quantity("60000 rpm", D::Frequency).unwrap(),
            1000.0
        ));
        assert!(close(parse_quantity("1 GSPS", D::Frequency).unwrap(), 1e9));
        assert!(close(
            parse_quantity("500 MS/s", D::Frequency).unwrap(),
            5e8
        ));
        let kev = parse_quantity("500 keV", D::Energy).unwrap();
        assert!((kev - 8.01088317e-14).abs() < 1e-20, "{kev}");
        assert!(close(
            parse_quantity("250 Wh/kg", D::SpecificEnergy).unwrap(),
            9e5
        ));
        assert!(close(
            parse_quantity("5 kW/kg", D::SpecificPower).unwrap(),
            5e3
        ));
        assert!(close(
            parse_quantity("2 A/mm²", D::CurrentDensity).unwrap(),
            2e6
        ));
        assert!(close(
            parse_quantity("2 A/cm2", D::CurrentDensity).unwrap(),
            2e4
        ));
        // Milli- and mega- stay apart where both exist.
        assert!(close(parse_quantity("1 MBq", D::Activity).unwrap(), 1e6));
        assert!(close(parse_quantity("1 mBq", D::Activity).unwrap(), 1e-3));
        assert!(parse_quantity("1 mev", D::Energy).is_err());
    }

    #[test]
    fn every_dimension_has_its_base_unit_and_a_readable_example() {
        for d in [
            D::Volume,
            D::VolumeFlow,
            D::Density,
            D::MassFlow,
            D::Resistance,
            D::Capacitance,
            D::Inductance,
            D::MagneticFluxDensity,
            D::Activity,
            D::Decibel,
            D::SpecificEnergy,
            D::SpecificPower,
            D::CurrentDensity,
        ] {
            assert!(!d.base_unit().is_empty(), "{d:?}");
            assert!(parse_quantity(example(d), d).is_ok(), "{d:?}");
        }
    }

    #[test]
    fn milli_and_mega_differ() {
        assert!(close(parse_quantity("1 mW", D::Power).unwrap(), 1e-3));
        assert!(close(parse_quantity("1 MW", D::Power).unwrap(), 1e6));
    }
}
