//! Units of measure: what a threshold or a user's figure may be written in.
//!
//! Every quantity is stored in the base unit of its dimension (hertz, watt, metre, second,
//! kelvin, gray, ...), so that "10 GHz" typed by a user and "3.2 GHz" written in the list
//! compare as plain numbers. The list compiler rejects a unit that does not belong to the
//! parameter's dimension ("impossible units fail the build"), and the UI rejects the same
//! mistake inline.

use serde::{Deserialize, Serialize};

/// The physical dimension of a parameter. Each has one base unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dimension {
    Frequency,
    Power,
    ApparentPower,
    Length,
    Time,
    Temperature,
    Dose,
    DoseRate,
    Ratio,
    /// A plain number without a unit (Mach number, M², a dielectric constant, a ratio of two
    /// like quantities): typed bare ("1.3"), or with %, ppm or "ratio".
    Number,
    Count,
    Voltage,
    Current,
    Energy,
    Mass,
    Velocity,
    Acceleration,
    Angle,
    AngularRate,
    Area,
    Pressure,
    DataRate,
    PowerDensity,
    Force,
    Volume,
    VolumeFlow,
    Density,
    MassFlow,
    Resistance,
    Capacitance,
    Inductance,
    MagneticFluxDensity,
    Activity,
    Decibel,
    SpecificEnergy,
    SpecificPower,
    CurrentDensity,
}

impl Dimension {
    /// The base unit every value of this dimension is stored in.
    pub fn base_unit(self) -> &'static str {
        UNITS
            .iter()
            .find(|u| u.dimension == self && u.factor == 1.0 && u.offset == 0.0)
            .map(|u| u.symbols[0])
            .unwrap_or("")
    }

    /// The units a user may type for this dimension, for help texts.
    pub fn unit_symbols(self) -> Vec<&'static str> {
        UNITS
            .iter()
            .filter(|u| u.dimension == self)
            .map(|u| u.symbols[0])
            .collect()
    }
}

/// One unit: the symbols that name it, its dimension, and how to convert to the base unit
/// (`base = value * factor + offset`).
pub struct Unit {
    pub symbols: &'static [&'static str],
    pub dimension: Dimension,
    pub factor: f64,
    pub offset: f64,
}

const fn unit(symbols: &'static [&'static str], dimension: Dimension, factor: f64) -> Unit {
    Unit {
        symbols,
        dimension,
        factor,
        offset: 0.0,
    }
}

use Dimension as D;

/// All units the list and the user may use. Symbols are matched case-sensitively first (so
/// "mW" and "MW" differ), then case-insensitively when that is unambiguous within the
/// dimension asked for.
pub static UNITS: &[Unit] = &[
    unit(&["Hz", "hertz"], D::Frequency, 1.0),
    unit(&["kHz", "kilohertz"], D::Frequency, 1e3),
    unit(&["MHz", "megahertz"], D::Frequency, 1e6),
    unit(&["GHz", "gigahertz"], D::Frequency, 1e9),
    unit(&["THz", "terahertz"], D::Frequency, 1e12),
    unit(&["W", "watt", "watts"], D::Power, 1.0),
    unit(&["µW", "uW", "microwatt", "microwatts"], D::Power, 1e-6),
    unit(&["mW", "milliwatt", "milliwatts"], D::Power, 1e-3),
    unit(&["kW", "kilowatt", "kilowatts"], D::Power, 1e3),
    unit(&["MW", "megawatt", "megawatts"], D::Power, 1e6),
    unit(&["GW", "gigawatt", "gigawatts"], D::Power, 1e9),
    unit(
        &["VA", "volt-ampere", "volt-amperes"],
        D::ApparentPower,
        1.0,
    ),
    unit(
        &["kVA", "kilovolt-ampere", "kilovolt-amperes"],
        D::ApparentPower,
        1e3,
    ),
    unit(
        &["MVA", "megavolt-ampere", "megavolt-amperes"],
        D::ApparentPower,
        1e6,
    ),
    unit(&["m", "metre", "metres", "meter", "meters"], D::Length, 1.0),
    unit(
        &["km", "kilometre", "kilometres", "kilometer", "kilometers"],
        D::Length,
        1e3,
    ),
    unit(
        &[
            "cm",
            "centimetre",
            "centimetres",
            "centimeter",
            "centimeters",
        ],
        D::Length,
        1e-2,
    ),
    unit(
        &[
            "mm",
            "millimetre",
            "millimetres",
            "millimeter",
            "millimeters",
        ],
        D::Length,
        1e-3,
    ),
    unit(
        &[
            "µm",
            "um",
            "micron",
            "microns",
            "micrometre",
            "micrometres",
            "micrometer",
            "micrometers",
        ],
        D::Length,
        1e-6,
    ),
    unit(
        &["nm", "nanometre", "nanometres", "nanometer", "nanometers"],
        D::Length,
        1e-9,
    ),
    unit(&["pm", "picometre", "picometres"], D::Length, 1e-12),
    unit(&["in", "inch", "inches"], D::Length, 0.0254),
    unit(&["ft", "foot", "feet"], D::Length, 0.3048),
    unit(&["s", "second", "seconds", "sec"], D::Time, 1.0),
    unit(&["ms", "millisecond", "milliseconds"], D::Time, 1e-3),
    unit(&["µs", "us", "microsecond", "microseconds"], D::Time, 1e-6),
    unit(&["ns", "nanosecond", "nanoseconds"], D::Time, 1e-9),
    unit(&["ps", "picosecond", "picoseconds"], D::Time, 1e-12),
    unit(&["fs", "femtosecond", "femtoseconds"], D::Time, 1e-15),
    unit(&["min", "minute", "minutes"], D::Time, 60.0),
    unit(&["h", "hour", "hours", "hr"], D::Time, 3600.0),
    unit(&["K", "kelvin"], D::Temperature, 1.0),
    Unit {
        symbols: &["°C", "degC", "C", "celsius"],
        dimension: D::Temperature,
        factor: 1.0,
        offset: 273.15,
    },
    unit(&["Gy(Si)", "Gy", "gray"], D::Dose, 1.0),
    unit(&["rad(Si)", "rad"], D::Dose, 0.01),
    unit(&["Gy(Si)/s", "Gy/s"], D::DoseRate, 1.0),
    unit(&["rad(Si)/s", "rad/s"], D::DoseRate, 0.01),
    unit(&["ratio"], D::Ratio, 1.0),
    unit(&["%", "percent", "per cent"], D::Ratio, 0.01),
    unit(&["ppm"], D::Ratio, 1e-6),
    unit(&["", "ratio"], D::Number, 1.0),
    unit(&["%", "percent", "per cent"], D::Number, 0.01),
    unit(&["ppm"], D::Number, 1e-6),
    unit(&["ppb"], D::Ratio, 1e-9),
    unit(&["", "count", "pcs"], D::Count, 1.0),
    unit(&["V", "volt", "volts"], D::Voltage, 1.0),
    unit(&["mV", "millivolt", "millivolts"], D::Voltage, 1e-3),
    unit(&["kV", "kilovolt", "kilovolts"], D::Voltage, 1e3),
    unit(&["A", "ampere", "amperes", "amp", "amps"], D::Current, 1.0),
    unit(&["mA", "milliampere", "milliamperes"], D::Current, 1e-3),
    unit(&["kA", "kiloampere", "kiloamperes"], D::Current, 1e3),
    unit(&["J", "joule", "joules"], D::Energy, 1.0),
    unit(&["mJ", "millijoule", "millijoules"], D::Energy, 1e-3),
    unit(&["µJ", "uJ", "microjoule", "microjoules"], D::Energy, 1e-6),
    unit(&["kJ", "kilojoule", "kilojoules"], D::Energy, 1e3),
    unit(&["kg", "kilogram", "kilograms"], D::Mass, 1.0),
    unit(&["g", "gram", "grams"], D::Mass, 1e-3),
    unit(&["t", "tonne", "tonnes"], D::Mass, 1e3),
    unit(&["m/s", "metres per second"], D::Velocity, 1.0),
    unit(&["km/h", "kph"], D::Velocity, 1.0 / 3.6),
    unit(&["mm/µs", "mm/us"], D::Velocity, 1e3),
    unit(
        &[
            "kn", "knot", "knots", "nmi/h", "nm/h", "NM/h", "nmi/hr", "nm/hr",
        ],
        D::Velocity,
        1852.0 / 3600.0,
    ),
    unit(&["m/s²", "m/s2", "m/s^2"], D::Acceleration, 1.0),
    unit(&["g0", "g", "gn"], D::Acceleration, 9.80665),
    unit(&["mg0", "mg"], D::Acceleration, 9.80665e-3),
    unit(&["µg0", "µg", "ug", "micro-g"], D::Acceleration, 9.80665e-6),
    // Gravimetry: 1 Gal = 1 cm/s².
    unit(&["Gal"], D::Acceleration, 1e-2),
    unit(&["mGal", "milligal"], D::Acceleration, 1e-5),
    unit(&["µGal", "uGal", "microgal"], D::Acceleration, 1e-8),
    unit(&["rad", "radian", "radians"], D::Angle, 1.0),
    unit(
        &["°", "deg", "degree", "degrees"],
        D::Angle,
        std::f64::consts::PI / 180.0,
    ),
    unit(&["mrad", "milliradian", "milliradians"], D::Angle, 1e-3),
    unit(
        &["µrad", "urad", "microradian", "microradians"],
        D::Angle,
        1e-6,
    ),
    unit(
        &["arcsec", "arc second", "arc seconds", "″"],
        D::Angle,
        std::f64::consts::PI / 648_000.0,
    ),
    unit(&["rad/s", "radians per second"], D::AngularRate, 1.0),
    unit(
        &["°/s", "deg/s"],
        D::AngularRate,
        std::f64::consts::PI / 180.0,
    ),
    unit(
        &["°/h", "deg/h", "deg/hr", "°/hr"],
        D::AngularRate,
        std::f64::consts::PI / 180.0 / 3600.0,
    ),
    unit(&["m²", "m2", "m^2"], D::Area, 1.0),
    unit(&["cm²", "cm2", "cm^2"], D::Area, 1e-4),
    unit(&["mm²", "mm2", "mm^2"], D::Area, 1e-6),
    unit(&["Pa", "pascal"], D::Pressure, 1.0),
    unit(&["kPa"], D::Pressure, 1e3),
    unit(&["MPa"], D::Pressure, 1e6),
    unit(&["GPa"], D::Pressure, 1e9),
    unit(&["bar"], D::Pressure, 1e5),
    unit(&["mbar"], D::Pressure, 1e2),
    unit(&["bit/s", "bps"], D::DataRate, 1.0),
    unit(&["kbit/s", "kbps"], D::DataRate, 1e3),
    unit(&["Mbit/s", "Mbps"], D::DataRate, 1e6),
    unit(&["Gbit/s", "Gbps"], D::DataRate, 1e9),
    unit(&["W/m²", "W/m2"], D::PowerDensity, 1.0),
    unit(&["W/cm²", "W/cm2"], D::PowerDensity, 1e4),
    unit(&["kW/cm²", "kW/cm2"], D::PowerDensity, 1e7),
    unit(&["MW/cm²", "MW/cm2"], D::PowerDensity, 1e10),
    unit(&["N", "newton", "newtons"], D::Force, 1.0),
    unit(&["kN", "kilonewton", "kilonewtons"], D::Force, 1e3),
    unit(
        &["nmi", "nautical mile", "nautical miles"],
        D::Length,
        1852.0,
    ),
    // Rotational speed and sample rate are frequencies: 1 rpm = 1/60 Hz, 1 sample/s = 1 Hz.
    unit(
        &["rpm", "rev/min", "r/min", "revolutions per minute"],
        D::Frequency,
        1.0 / 60.0,
    ),
    unit(
        &["rev/s", "rps", "revolutions per second"],
        D::Frequency,
        1.0,
    ),
    unit(
        &["S/s", "sps", "SPS", "samples/s", "samples per second"],
        D::Frequency,
        1.0,
    ),
    unit(&["kS/s", "ksps", "kSPS"], D::Frequency, 1e3),
    unit(&["MS/s", "MSPS", "Msps"], D::Frequency, 1e6),
    unit(&["GS/s", "GSPS", "Gsps"], D::Frequency, 1e9),
    // Particle energies: 1 eV = 1.602176634e-19 J (exact since the 2019 SI).
    unit(
        &["eV", "electronvolt", "electronvolts"],
        D::Energy,
        1.602176634e-19,
    ),
    unit(&["meV"], D::Energy, 1.602176634e-22),
    unit(&["keV"], D::Energy, 1.602176634e-16),
    unit(&["MeV"], D::Energy, 1.602176634e-13),
    unit(
        &["m³", "m3", "m^3", "cubic metre", "cubic metres"],
        D::Volume,
        1.0,
    ),
    unit(&["dm³", "dm3", "dm^3"], D::Volume, 1e-3),
    unit(
        &["l", "L", "litre", "litres", "liter", "liters"],
        D::Volume,
        1e-3,
    ),
    unit(&["ml", "mL", "millilitre", "millilitres"], D::Volume, 1e-6),
    unit(&["cm³", "cm3", "cm^3", "cc"], D::Volume, 1e-6),
    unit(&["mm³", "mm3", "mm^3"], D::Volume, 1e-9),
    unit(&["m³/s", "m3/s"], D::VolumeFlow, 1.0),
    unit(&["m³/min", "m3/min"], D::VolumeFlow, 1.0 / 60.0),
    unit(&["m³/h", "m3/h"], D::VolumeFlow, 1.0 / 3600.0),
    unit(&["l/s", "L/s"], D::VolumeFlow, 1e-3),
    unit(&["l/min", "L/min"], D::VolumeFlow, 1e-3 / 60.0),
    unit(&["l/h", "L/h"], D::VolumeFlow, 1e-3 / 3600.0),
    unit(
        &["cm³/min", "cm3/min", "ml/min", "mL/min"],
        D::VolumeFlow,
        1e-6 / 60.0,
    ),
    unit(&["kg/m³", "kg/m3"], D::Density, 1.0),
    unit(&["g/cm³", "g/cm3", "g/ml", "g/mL", "g/cc"], D::Density, 1e3),
    unit(&["kg/l", "kg/L", "kg/dm³", "kg/dm3"], D::Density, 1e3),
    unit(&["g/l", "g/L"], D::Density, 1.0),
    unit(&["kg/s"], D::MassFlow, 1.0),
    unit(&["kg/min"], D::MassFlow, 1.0 / 60.0),
    unit(&["kg/h"], D::MassFlow, 1.0 / 3600.0),
    unit(&["g/s"], D::MassFlow, 1e-3),
    unit(&["g/min"], D::MassFlow, 1e-3 / 60.0),
    unit(&["g/h"], D::MassFlow, 1e-3 / 3600.0),
    unit(&["Ω", "ohm", "ohms"], D::Resistance, 1.0),
    unit(
        &["mΩ", "mohm", "milliohm", "milliohms"],
        D::Resistance,
        1e-3,
    ),
    unit(&["kΩ", "kohm", "kilohm", "kilohms"], D::Resistance, 1e3),
    unit(&["MΩ", "Mohm", "megohm", "megohms"], D::Resistance, 1e6),
    unit(&["F", "farad", "farads"], D::Capacitance, 1.0),
    unit(&["mF", "millifarad", "millifarads"], D::Capacitance, 1e-3),
    unit(
        &["µF", "uF", "microfarad", "microfarads"],
        D::Capacitance,
        1e-6,
    ),
    unit(&["nF", "nanofarad", "nanofarads"], D::Capacitance, 1e-9),
    unit(&["pF", "picofarad", "picofarads"], D::Capacitance, 1e-12),
    unit(&["H", "henry", "henries", "henrys"], D::Inductance, 1.0),
    unit(&["mH", "millihenry", "millihenries"], D::Inductance, 1e-3),
    unit(
        &["µH", "uH", "microhenry", "microhenries"],
        D::Inductance,
        1e-6,
    ),
    unit(&["nH", "nanohenry", "nanohenries"], D::Inductance, 1e-9),
    unit(&["T", "tesla"], D::MagneticFluxDensity, 1.0),
    unit(&["mT", "millitesla"], D::MagneticFluxDensity, 1e-3),
    unit(&["µT", "uT", "microtesla"], D::MagneticFluxDensity, 1e-6),
    unit(&["nT", "nanotesla"], D::MagneticFluxDensity, 1e-9),
    unit(&["pT", "picotesla"], D::MagneticFluxDensity, 1e-12),
    unit(&["fT", "femtotesla"], D::MagneticFluxDensity, 1e-15),
    // Only the word: a bare "G" would turn "5G" in a description into a figure.
    unit(&["gauss"], D::MagneticFluxDensity, 1e-4),
    unit(&["Bq", "becquerel", "becquerels"], D::Activity, 1.0),
    // mBq and meV exist so that the case-insensitive fallback never reads them as MBq, MeV.
    unit(&["mBq"], D::Activity, 1e-3),
    unit(&["kBq"], D::Activity, 1e3),
    unit(&["MBq"], D::Activity, 1e6),
    unit(&["GBq"], D::Activity, 1e9),
    unit(&["TBq"], D::Activity, 1e12),
    unit(&["Ci", "curie", "curies"], D::Activity, 3.7e10),
    unit(&["mCi", "millicurie", "millicuries"], D::Activity, 3.7e7),
    // A level in decibels is kept as the plain number; "dBc" (relative to the carrier) reads
    // the same. Absolute levels such as dBm are not converted to watts.
    unit(&["dB", "dBc", "decibel", "decibels"], D::Decibel, 1.0),
    unit(&["J/kg"], D::SpecificEnergy, 1.0),
    unit(&["kJ/kg"], D::SpecificEnergy, 1e3),
    unit(&["MJ/kg"], D::SpecificEnergy, 1e6),
    unit(&["Wh/kg"], D::SpecificEnergy, 3600.0),
    unit(&["W/kg"], D::SpecificPower, 1.0),
    unit(&["kW/kg"], D::SpecificPower, 1e3),
    unit(&["A/m²", "A/m2", "A/m^2"], D::CurrentDensity, 1.0),
    unit(&["A/cm²", "A/cm2", "A/cm^2"], D::CurrentDensity, 1e4),
    unit(&["A/mm²", "A/mm2", "A/mm^2"], D::CurrentDensity, 1e6),
];

/// Finds the unit a symbol names within one dimension. Exact spelling wins; otherwise a
/// case-insensitive match is accepted when exactly one unit of that dimension fits.
pub fn find_unit(symbol: &str, dimension: Dimension) -> Option<&'static Unit> {
    let symbol = symbol.trim();
    let in_dim = || UNITS.iter().filter(|u| u.dimension == dimension);
    if let Some(u) = in_dim().find(|u| u.symbols.contains(&symbol)) {
        return Some(u);
    }
    let lower = symbol.to_lowercase();
    let mut fits = in_dim().filter(|u| u.symbols.iter().any(|s| s.to_lowercase() == lower));
    let first = fits.next()?;
    fits.next().is_none().then_some(first)
}
