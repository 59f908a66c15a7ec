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
//! - powers of ten: "5e3", "5E3", "5 x 10^3", "5×10^3";
//! - Arabic-Indic digits and the Arabic decimal and thousands separators are read as their
//!   Western equivalents ("٢٫٥" = "2.5").
//!
//! Where the user's language writes a decimal comma (French, German), the widget reads with
//! [`Decimal::Comma`]: a lone comma is then always the decimal mark ("1,200" = 1.2), and a
//! lone point followed by exactly three digits ("1.200") is the ambiguous case instead.

use super::units::{find_unit, Dimension};

/// Why a figure could not be read. The interface words it in the user's language (see
/// `engine::figures::error_message`); `Display` is the short English form that the list
/// compiler reports to list maintainers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuantityError {
    Empty,
    /// The text does not start with a number.
    NoNumber {
        text: String,
    },
    /// A number without the unit the dimension needs.
    NoUnit {
        number: String,
    },
    /// A unit that is not one of the dimension's.
    UnknownUnit {
        unit: String,
    },
    /// "5 x 3": a multiplication that is not a power of ten.
    PowerOfTen {
        number: String,
    },
    /// An exponent that is not a whole number.
    Exponent {
        exponent: String,
    },
    NotANumber {
        number: String,
    },
    /// "1,200": thousands or decimal? With the two readings.
    Ambiguous {
        text: String,
        thousands: String,
        decimal: String,
    },
}

impl std::fmt::Display for QuantityError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QuantityError::Empty => write!(f, "no figure"),
            QuantityError::NoNumber { text } => write!(f, "'{text}' does not start with a number"),
            QuantityError::NoUnit { number } => write!(f, "no unit after {number}"),
            QuantityError::UnknownUnit { unit } => {
                write!(f, "'{unit}' is not a unit of the parameter's dimension")
            }
            QuantityError::PowerOfTen { number } => write!(f, "'{number}': write 5 x 10^3"),
            QuantityError::Exponent { exponent } => write!(f, "'{exponent}' is not an exponent"),
            QuantityError::NotANumber { number } => write!(f, "'{number}' is not a number"),
            QuantityError::Ambiguous { text, .. } => write!(f, "'{text}' is ambiguous"),
        }
    }
}

/// Which decimal mark a lone separator is taken to be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Decimal {
    /// English usage, and the list sources: "2.5"; "2,5" is also read as 2.5, but "1,200" is
    /// ambiguous.
    #[default]
    Point,
    /// French and German usage: "2,5" and "1,200" are decimals; "1.200" is ambiguous.
    Comma,
}

/// Reads "number unit" and returns the value in the base unit of `dimension`.
pub fn parse_quantity(text: &str, dimension: Dimension) -> Result<f64, QuantityError> {
    parse_quantity_with(text, dimension, Decimal::Point)
}

/// [`parse_quantity`] with the decimal mark of the user's language.
pub fn parse_quantity_with(
    text: &str,
    dimension: Dimension,
    decimal: Decimal,
) -> Result<f64, QuantityError> {
    let text = western_digits(text.trim());
    let text = text.as_str();
    if text.is_empty() {
        return Err(QuantityError::Empty);
    }
    let (number, unit) = split_number(text);
    if number.is_empty() {
        return Err(QuantityError::NoNumber {
            text: text.to_string(),
        });
    }
    let value = parse_number_with(number, decimal)?;
    let unit = unit.trim();
    if unit.is_empty() && !matches!(dimension, Dimension::Count | Dimension::Number) {
        return Err(QuantityError::NoUnit {
            number: number.trim().to_string(),
        });
    }
    match find_unit(unit, dimension) {
        Some(u) => Ok(value * u.factor + u.offset),
        None => Err(QuantityError::UnknownUnit {
            unit: unit.to_string(),
        }),
    }
}

/// Arabic-Indic and Eastern Arabic-Indic digits to 0-9; the Arabic decimal separator to a
/// point and the Arabic thousands separator dropped.
fn western_digits(text: &str) -> String {
    text.chars()
        .filter(|c| *c != '\u{066C}')
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            '\u{066B}' => '.',
            _ => c,
        })
        .collect()
}

/// An example figure for a dimension, for messages and placeholders, written in English
/// (the interface gives it the decimal mark of the user's language).
pub fn example(dimension: Dimension) -> &'static str {
    use Dimension as D;
    match dimension {
        D::Frequency => "10 GHz",
        D::Power => "60 W",
        D::ApparentPower => "1.5 kVA",
        D::Length => "2.5 mm",
        D::Time => "10 ns",
        D::Temperature => "125 °C",
        D::Dose => "5000 Gy(Si)",
        D::DoseRate => "5 Gy(Si)/s",
        D::Ratio => "10 %",
        D::Count => "64",
        D::Number => "1.5",
        D::Voltage => "400 V",
        D::Current => "20 A",
        D::Energy => "2 J",
        D::Mass => "25 kg",
        D::Velocity => "20 m/s",
        D::Acceleration => "100 g",
        D::Angle => "0.5 deg",
        D::AngularRate => "0.01 deg/h",
        D::Area => "1 cm²",
        D::Pressure => "10 MPa",
        D::DataRate => "10 Gbit/s",
        D::PowerDensity => "1 W/cm²",
        D::Force => "100 N",
        D::Volume => "20 l",
        D::VolumeFlow => "5 m³/h",
        D::Density => "1.8 g/cm³",
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
    parse_number_with(number, Decimal::Point)
}

/// [`parse_number`] with the decimal mark of the user's language.
pub fn parse_number_with(number: &str, decimal: Decimal) -> Result<f64, QuantityError> {
    let number = number.trim().replace('−', "-");
    let (mantissa, exponent) = match number.split_once(['x', '×', '*']) {
        Some((m, e)) => {
            let e = e
                .trim()
                .strip_prefix("10^")
                .ok_or_else(|| QuantityError::PowerOfTen {
                    number: number.clone(),
                })?;
            let e: i32 = e.parse().map_err(|_| QuantityError::Exponent {
                exponent: e.to_string(),
            })?;
            (m.trim().to_string(), e)
        }
        None => (number.clone(), 0),
    };
    let (mantissa, e_exponent) = match mantissa.split_once(['e', 'E']) {
        Some((m, e)) => {
            let e: i32 = e.parse().map_err(|_| QuantityError::Exponent {
                exponent: e.to_string(),
            })?;
            (m.to_string(), e)
        }
        None => (mantissa, 0),
    };
    let plain = normalise_separators(&mantissa, decimal)?;
    let value: f64 = plain.parse().map_err(|_| QuantityError::NotANumber {
        number: number.clone(),
    })?;
    Ok(value * 10f64.powi(exponent + e_exponent))
}

fn normalise_separators(s: &str, mark: Decimal) -> Result<String, QuantityError> {
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{00a0}' | '\u{2009}' | '\u{202f}' | '\''))
        .collect();
    let last_comma = s.rfind(',');
    let last_dot = s.rfind('.');
    // The separator a lone occurrence of which is always the decimal mark, and the other one,
    // which is ambiguous when exactly three digits follow it.
    let (sure, unsure) = match mark {
        Decimal::Point => ('.', ','),
        Decimal::Comma => (',', '.'),
    };
    let decimal = match (last_comma, last_dot) {
        (Some(c), Some(d)) => Some(if c > d { ',' } else { '.' }),
        (Some(_), None) | (None, Some(_)) => {
            let sep = if last_comma.is_some() { ',' } else { '.' };
            let at = last_comma.or(last_dot).unwrap_or_default();
            let after = s.len() - at - 1;
            if s.matches(sep).count() > 1 {
                None
            } else if sep == unsure && after == 3 {
                return Err(QuantityError::Ambiguous {
                    thousands: s.replace(sep, ""),
                    decimal: s.replace(sep, &sure.to_string()),
                    text: s,
                });
            } else {
                Some(sep)
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
    fn a_decimal_comma_language_reads_the_comma_as_decimal() {
        let read = |t: &str| parse_quantity_with(t, D::Power, Decimal::Comma);
        assert!(close(read("1,200 W").unwrap(), 1.2));
        assert!(close(read("2,5 kW").unwrap(), 2500.0));
        assert!(close(read("1.5 W").unwrap(), 1.5));
        assert!(close(read("1.200,5 W").unwrap(), 1200.5));
        assert!(close(read("1\u{202f}200 W").unwrap(), 1200.0));
        assert!(matches!(
            read("1.200 W").unwrap_err(),
            QuantityError::Ambiguous { .. }
        ));
    }

    #[test]
    fn reads_the_units_of_gravimetry_magnetometry_and_parts_per_million() {
        assert!(close(parse_quantity("130 ppm", D::Ratio).unwrap(), 1.3e-4));
        assert!(close(
            parse_quantity("0,7 mGal", D::Acceleration).unwrap(),
            7e-6
        ));
        assert!(close(
            parse_quantity("10 µGal", D::Acceleration).unwrap(),
            1e-7
        ));
        assert!(close(
            parse_quantity("50 fT", D::MagneticFluxDensity).unwrap(),
            5e-14
        ));
        assert!(close(parse_quantity("20 ft", D::Length).unwrap(), 6.096));
        assert!(close(parse_quantity("5 GW", D::Power).unwrap(), 5e9));
        assert!(close(
            parse_quantity("0,5 mm/µs", D::Velocity).unwrap(),
            500.0
        ));
        assert!(close(parse_quantity("230 mm³", D::Volume).unwrap(), 2.3e-7));
    }

    #[test]
    fn reads_arabic_digits() {
        let v = parse_quantity("\u{0662}\u{066B}\u{0665} mm", D::Length).unwrap();
        assert!(close(v, 2.5e-3));
        let v = parse_quantity("\u{06F6}\u{06F0} W", D::Power).unwrap();
        assert!(close(v, 60.0));
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
        assert!(close(parse_quantity("1,3", D::Number).unwrap(), 1.3));
        assert!(close(
            parse_quantity("1e-4 ratio", D::Number).unwrap(),
            1e-4
        ));
        assert!(close(parse_quantity("0.01 %", D::Number).unwrap(), 1e-4));
        assert!(
            parse_quantity("0.1", D::Ratio).is_err(),
            "a percentage needs its unit"
        );
        assert!(close(
            parse_quantity("100 g", D::Acceleration).unwrap(),
            980.665
        ));
    }

    #[test]
    fn refuses_what_it_cannot_read_with_a_reason() {
        let err = parse_quantity("1,200 W", D::Power).unwrap_err();
        assert!(matches!(err, QuantityError::Ambiguous { .. }), "{err}");
        let err = parse_quantity("10 kg", D::Frequency).unwrap_err();
        assert!(matches!(err, QuantityError::UnknownUnit { .. }), "{err}");
        let err = parse_quantity("fast", D::Frequency).unwrap_err();
        assert!(matches!(err, QuantityError::NoNumber { .. }), "{err}");
        let err = parse_quantity("10", D::Frequency).unwrap_err();
        assert!(matches!(err, QuantityError::NoUnit { .. }), "{err}");
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
