//! The hosting agency's options, read from `data-*` attributes (script-tag embedding) or from
//! the page's query string (iframe embedding), and checked.
//!
//! Why here and not in `embed`: checking options is plain logic, tested natively; `embed`
//! only reads the attributes from the page and hands them over. Every problem becomes a
//! specific message the widget shows at its top, and the default is used instead; a bad
//! option never stops the widget.
//!
//! | option (`data-` attribute / query parameter) | meaning | default |
//! |---|---|---|
//! | `authority` | name of the hosting authority (header, record) | none |
//! | `contact-email` | e-mail address for questions | none |
//! | `contact-phone` | telephone number for questions | none |
//! | `ask-url` | "ask the authority" link (`https:` or `mailto:`) | none |
//! | `logo` | logo image: a path on the host's own site or a `data:image/` URL | none |
//! | `colour-accent` | accent colour `#rgb` or `#rrggbb`, contrast ≥ 4.5:1 with white | `#0b4f8a` |
//! | `disclaimer` | the agency's own disclaimer, shown under the tool's | none |
//! | `lang` | default language of the interface: `en`, `fr`, `de` or `ar` (a choice the user made in the widget's language switch is remembered and wins) | `en` |
//! | `languages` | the languages the switch offers, comma-separated (the default language is always offered) | `en,fr,de,ar` |
//! | `list` | control list | `eu-2021-821-annex-i` (the only one bundled) |
//! | `templates` | draft templates offered | `eu-annex-iii-a` (the only one) |
//! | `storage-key` | `localStorage` key for work in progress | `exportcheck.work` (`.2`, `.3`… for further widgets on a page) |

use crate::i18n::{Lang, Msg};

/// The checked options.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// The host's default language.
    pub lang: Lang,
    /// The languages the language switch offers, the default among them.
    pub languages: Vec<Lang>,
    pub authority: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub ask_url: Option<String>,
    pub logo: Option<String>,
    pub accent: Option<String>,
    pub disclaimer: Option<String>,
    pub storage_key: String,
    /// One message per option that could not be used.
    pub problems: Vec<Msg>,
}

/// The lists and templates this build offers (the languages are [`Lang::ALL`]).
pub const LISTS: &[&str] = &["eu-2021-821-annex-i"];
pub const TEMPLATES: &[&str] = &["eu-annex-iii-a"];

impl Options {
    /// Reads the options through `get` (an attribute or query-parameter reader, by option
    /// name without `data-`). `position` is the widget's place on the page (0 for the first).
    pub fn parse(get: impl Fn(&str) -> Option<String>, position: usize) -> Options {
        let get = |name: &str| {
            get(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let mut problems = Vec::new();
        let mut check = |name: &str, ok: &dyn Fn(&str) -> Result<(), Msg>| -> Option<String> {
            let value = get(name)?;
            match ok(&value) {
                Ok(()) => Some(value),
                Err(why) => {
                    problems.push(
                        Msg::new("option.not_used")
                            .text("name", name)
                            .text("value", &value)
                            .msg("why", why),
                    );
                    None
                }
            }
        };
        let contact_email = check("contact-email", &|v| {
            let ok = v.contains('@')
                && !v.contains(char::is_whitespace)
                && !v.starts_with('@')
                && !v.ends_with('@');
            ok.then_some(()).ok_or_else(|| Msg::new("option.email"))
        });
        let contact_phone = check("contact-phone", &|v| {
            let ok = v
                .chars()
                .all(|c| c.is_ascii_digit() || " +-()./".contains(c))
                && v.chars().any(|c| c.is_ascii_digit());
            ok.then_some(()).ok_or_else(|| Msg::new("option.phone"))
        });
        let ask_url = check("ask-url", &|v| {
            (v.starts_with("https://") || v.starts_with("mailto:"))
                .then_some(())
                .ok_or_else(|| Msg::new("option.ask_url"))
        });
        let logo = check("logo", &|v| {
            let own_site = !v.contains("://") && !v.starts_with("//") && !v.contains(':');
            (own_site || v.starts_with("data:image/"))
                .then_some(())
                .ok_or_else(|| Msg::new("option.logo"))
        });
        let accent = check("colour-accent", &|v| {
            let rgb = parse_colour(v).ok_or_else(|| Msg::new("option.colour"))?;
            let ratio = contrast_with_white(rgb);
            if ratio >= 4.5 {
                Ok(())
            } else {
                Err(Msg::new("option.contrast").figure("ratio", format!("{ratio:.1}")))
            }
        });
        let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        let offers = |allowed: &[&str]| Msg::new("option.offers_only").texts("allowed", allowed);
        let lang = check("lang", &|v| {
            Lang::from_code(v).map(|_| ()).ok_or_else(|| offers(&codes))
        })
        .and_then(|v| Lang::from_code(&v))
        .unwrap_or_default();
        let mut languages: Vec<Lang> = check("languages", &|v| {
            v.split(',')
                .all(|x| Lang::from_code(x).is_some())
                .then_some(())
                .ok_or_else(|| offers(&codes))
        })
        .map_or(Lang::ALL.to_vec(), |v| {
            v.split(',').filter_map(Lang::from_code).collect()
        });
        languages.insert(0, lang);
        let mut seen = Vec::new();
        languages.retain(|l| {
            let first = !seen.contains(l);
            seen.push(*l);
            first
        });
        for (name, allowed) in [("list", LISTS), ("templates", TEMPLATES)] {
            check(name, &|v: &str| {
                v.split(',')
                    .map(str::trim)
                    .all(|x| allowed.contains(&x))
                    .then_some(())
                    .ok_or_else(|| offers(allowed))
            });
        }
        let storage_key = get("storage-key").unwrap_or_else(|| match position {
            0 => "exportcheck.work".to_string(),
            n => format!("exportcheck.work.{}", n + 1),
        });
        Options {
            lang,
            languages,
            authority: get("authority"),
            contact_email,
            contact_phone,
            ask_url,
            logo,
            accent,
            disclaimer: get("disclaimer"),
            storage_key,
            problems,
        }
    }
}

/// "#rgb" or "#rrggbb" to (r, g, b).
fn parse_colour(v: &str) -> Option<(u8, u8, u8)> {
    let hex = v.strip_prefix('#')?;
    let digits: Vec<u8> = hex
        .chars()
        .map(|c| c.to_digit(16).map(|d| d as u8))
        .collect::<Option<_>>()?;
    match digits.as_slice() {
        [r, g, b] => Some((r * 17, g * 17, b * 17)),
        [r1, r2, g1, g2, b1, b2] => Some((r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2)),
        _ => None,
    }
}

/// The WCAG 2.1 contrast ratio of a colour with white.
fn contrast_with_white((r, g, b): (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    1.05 / (luminance + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Options {
        Options::parse(
            |k| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            },
            0,
        )
    }

    #[test]
    fn good_options_are_taken() {
        let o = parse(&[
            ("authority", "Export Control Office"),
            ("contact-email", "exports@example.org"),
            ("contact-phone", "+31 (0)70 123 45 67"),
            ("ask-url", "https://example.org/ask"),
            ("logo", "/img/logo.svg"),
            ("colour-accent", "#0b4f8a"),
            ("lang", "en"),
        ]);
        assert!(o.problems.is_empty(), "{:?}", o.problems);
        assert_eq!(o.accent.as_deref(), Some("#0b4f8a"));
        assert_eq!(o.storage_key, "exportcheck.work");
    }

    #[test]
    fn each_bad_option_gets_a_specific_message_and_the_default() {
        let o = parse(&[
            ("contact-email", "exports at example"),
            ("ask-url", "http://example.org"),
            ("logo", "https://cdn.example.com/logo.png"),
            ("colour-accent", "#ffff00"),
            ("lang", "nl"),
            ("list", "us-ccl"),
        ]);
        let all = o
            .problems
            .iter()
            .map(|p| p.render(Lang::En))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            all.contains("contact-email") && all.contains("not an e-mail address"),
            "{all}"
        );
        assert!(all.contains("ask-url") && all.contains("https://"), "{all}");
        assert!(
            all.contains("logo") && all.contains("loads nothing from other sites"),
            "{all}"
        );
        assert!(
            all.contains("colour-accent") && all.contains("contrast"),
            "{all}"
        );
        assert!(
            all.contains("lang") && all.contains("offers only en, fr, de, ar"),
            "{all}"
        );
        assert!(
            all.contains("list") && all.contains("eu-2021-821-annex-i"),
            "{all}"
        );
        assert_eq!(o.problems.len(), 6);
        assert!(o.contact_email.is_none() && o.accent.is_none() && o.logo.is_none());
    }

    #[test]
    fn the_default_language_is_always_offered() {
        let o = parse(&[("lang", "ar"), ("languages", "en, fr,en")]);
        assert!(o.problems.is_empty());
        assert_eq!(o.lang, Lang::Ar);
        assert_eq!(o.languages, vec![Lang::Ar, Lang::En, Lang::Fr]);
        assert_eq!(parse(&[]).languages, Lang::ALL.to_vec());
    }

    #[test]
    fn further_widgets_on_a_page_keep_their_own_work() {
        let second = Options::parse(|_| None, 1);
        assert_eq!(second.storage_key, "exportcheck.work.2");
    }

    #[test]
    fn contrast_follows_wcag() {
        assert!((contrast_with_white((0, 0, 0)) - 21.0).abs() < 0.01);
        assert!((contrast_with_white((255, 255, 255)) - 1.0).abs() < 0.01);
        assert!(contrast_with_white(parse_colour("#0b4f8a").unwrap()) > 4.5);
    }
}
