//! Provisions as each language's official text of the law writes them.
//!
//! `regimes.json` keeps one spelling of each provision, the English one (`Art. 15(1)(a)`,
//! `Art. 21(2) and (3)`, `Cal. Civ. Code 1798.105`). A German or French letter must cite the
//! law as readers of that language know it: the German text of the GDPR subdivides an article
//! into "Absatz" and "Buchstabe" (cited `Art. 15 Abs. 1 lit. a DSGVO`), the French one into
//! "paragraphe" and "point" (`article 15, paragraphe 1, point a), du RGPD`); the Swiss federal
//! texts use their own abbreviations (`Art. 25 Abs. 2 Bst. b DSG`, `art. 25, al. 2, let. b,
//! LPD`). Laws outside Europe keep their own section numbers: a US section gets its `§` (the
//! form the US codes themselves use) and only the joining words are translated.
//!
//! Keeping one spelling in the data and converting here means a corrected provision is
//! corrected in every language at once.

/// How one language subdivides an article, and how it joins two provisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CiteStyle {
    /// The word before the article number: `Art.`, `article`, `art.`.
    pub article: &'static str,
    /// The label of the first level (paragraph) and of the second (point, letter).
    pub paragraph: &'static str,
    pub paragraphs: &'static str,
    pub point: &'static str,
    pub points: &'static str,
    /// French points are written `a)`; German ones `a`.
    pub point_suffix: &'static str,
    /// Levels follow the article with a comma (`article 15, paragraphe 1`) or a space
    /// (`Art. 15 Abs. 1`).
    pub level_sep: &'static str,
    /// "and".
    pub and: &'static str,
    /// "section" of a common-law statute (`s. 27`), and "principle" / "schedule" of PIPEDA.
    pub section: &'static str,
    pub principle: &'static str,
    pub schedule: &'static str,
    pub third_paragraph: &'static str,
    /// Written before a second article in a list: the French GDPR repeats the article
    /// ("l'article 7, paragraphe 3, et l'article 9").
    pub next_article: &'static str,
}

/// The German GDPR's style (also for the UK GDPR, which keeps the GDPR's numbering).
pub const GERMAN_EU: CiteStyle = CiteStyle {
    article: "Art.",
    paragraph: "Abs.",
    paragraphs: "Abs.",
    point: "lit.",
    points: "lit.",
    point_suffix: "",
    level_sep: " ",
    and: "und",
    section: "§",
    principle: "Grundsatz",
    schedule: "Anhang",
    third_paragraph: "Abs. 3",
    next_article: "",
};

/// The Swiss federal style in German (`Art. 25 Abs. 2 Bst. b DSG`).
pub const GERMAN_CH: CiteStyle = CiteStyle {
    point: "Bst.",
    points: "Bst.",
    ..GERMAN_EU
};

/// The French GDPR's style (`article 15, paragraphe 1, point a)`).
pub const FRENCH_EU: CiteStyle = CiteStyle {
    article: "article",
    paragraph: "paragraphe",
    paragraphs: "paragraphes",
    point: "point",
    points: "points",
    point_suffix: ")",
    level_sep: ", ",
    and: "et",
    section: "article",
    principle: "principe",
    schedule: "annexe",
    third_paragraph: "troisième alinéa",
    next_article: "l'",
};

/// The Swiss federal style in French (`art. 25, al. 2, let. b`).
pub const FRENCH_CH: CiteStyle = CiteStyle {
    article: "art.",
    paragraph: "al.",
    paragraphs: "al.",
    point: "let.",
    points: "let.",
    point_suffix: "",
    next_article: "",
    ..FRENCH_EU
};

/// US state codes whose section numbers take a `§` in German and French letters.
const US_CODES: [&str; 5] = [
    "Cal. Civ. Code ",
    "Cal. Code Regs. tit. 11, ",
    "Va. Code ",
    "C.R.S. ",
    "Conn. Gen. Stat. ",
];

/// An article with its levels: `Art. 15(1)(a)` is `15` and `["1", "a"]`.
fn parse_article(s: &str) -> Option<(&str, Vec<&str>)> {
    let rest = s.strip_prefix("Art. ")?;
    let end = rest.find('(').unwrap_or(rest.len());
    let number = &rest[..end];
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some((number, parse_levels(&rest[end..])?))
}

/// `(1)(a)` as `["1", "a"]`; None unless the whole text is such groups.
fn parse_levels(mut s: &str) -> Option<Vec<&str>> {
    let mut levels = Vec::new();
    while !s.is_empty() {
        let inner = s.strip_prefix('(')?;
        let close = inner.find(')')?;
        let level = &inner[..close];
        if level.is_empty() || !level.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        levels.push(level);
        s = &inner[close + 1..];
    }
    Some(levels)
}

fn level(style: &CiteStyle, depth: usize, values: &[&str]) -> String {
    let (one, many) = if depth == 0 {
        (style.paragraph, style.paragraphs)
    } else {
        (style.point, style.points)
    };
    let suffix = if depth == 0 { "" } else { style.point_suffix };
    let label = if values.len() > 1 { many } else { one };
    let values: Vec<String> = values.iter().map(|v| format!("{v}{suffix}")).collect();
    format!("{label} {}", values.join(&format!(" {} ", style.and)))
}

/// An article whose last level may list several values (`Art. 21(2) and (3)`).
fn render_article(style: &CiteStyle, number: &str, levels: &[&str], last: &[&str]) -> String {
    let mut out = format!("{} {number}", style.article);
    for (depth, l) in levels.iter().enumerate() {
        out.push_str(style.level_sep);
        if depth + 1 == levels.len() && !last.is_empty() {
            let mut all = vec![*l];
            all.extend_from_slice(last);
            out.push_str(&level(style, depth, &all));
        } else {
            out.push_str(&level(style, depth, &[l]));
        }
    }
    out
}

/// A provision that is not a European article: translate its labels and joining words only.
fn render_other(style: &CiteStyle, part: &str) -> String {
    for code in US_CODES {
        if let Some(rest) = part.strip_prefix(code) {
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                return format!("{code}§ {rest}");
            }
        }
    }
    let mut s = part.to_string();
    if let Some(rest) = s.strip_prefix("s. ") {
        s = format!("{} {rest}", style.section);
    }
    if let Some(rest) = s.strip_prefix("Art. ") {
        s = format!("{} {rest}", style.article);
    }
    s.replace("Schedule ", &format!("{} ", style.schedule))
        .replace("Principle ", &format!("{} ", style.principle))
        .replace("third paragraph", style.third_paragraph)
        .replace(", para. ", ", § ")
}

/// `raw` (as `regimes.json` writes it, `~` markers already removed) in `style`.
pub fn localize(style: &CiteStyle, raw: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    // The article the previous part named, so "(3)" in "Art. 21(2) and (3)" continues it.
    let mut previous: Option<(&str, Vec<&str>, Vec<&str>)> = None;
    for part in raw.split(" and ") {
        let part = part.trim().trim_end_matches(',');
        if let Some((number, levels)) = parse_article(part) {
            if let Some((n, l, extra)) = previous.take() {
                out.push(render_article(style, n, &l, &extra));
            }
            previous = Some((number, levels, Vec::new()));
            continue;
        }
        if let (Some((_, levels, extra)), Some(more)) = (previous.as_mut(), parse_levels(part)) {
            if more.len() == 1 && !levels.is_empty() {
                extra.push(more[0]);
                continue;
            }
        }
        if let Some((n, l, extra)) = previous.take() {
            out.push(render_article(style, n, &l, &extra));
        }
        out.push(render_other(style, part));
    }
    if let Some((n, l, extra)) = previous.take() {
        out.push(render_article(style, n, &l, &extra));
    }
    let mut joined = String::new();
    // Whether the provision being written (since its article) holds a comma.
    let mut subdivided = false;
    for (i, part) in out.iter().enumerate() {
        let next_article = part.starts_with(style.article);
        if i > 0 {
            // "paragraphe 3, et l'article 9": a comma closes a subdivided provision before the
            // next article; a plain list ("1798.110 et 1798.115") takes none.
            let comma = style.level_sep == ", " && next_article && subdivided;
            joined.push_str(if comma { ", " } else { " " });
            joined.push_str(style.and);
            joined.push(' ');
            if next_article {
                joined.push_str(style.next_article);
            }
        }
        if next_article || i == 0 {
            subdivided = false;
        }
        subdivided |= part.contains(',');
        joined.push_str(part);
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_gdpr_articles() {
        assert_eq!(localize(&GERMAN_EU, "Art. 15"), "Art. 15");
        assert_eq!(localize(&GERMAN_EU, "Art. 12(3)"), "Art. 12 Abs. 3");
        assert_eq!(
            localize(&GERMAN_EU, "Art. 15(1)(h)"),
            "Art. 15 Abs. 1 lit. h"
        );
        assert_eq!(
            localize(&GERMAN_EU, "Art. 21(2) and (3)"),
            "Art. 21 Abs. 2 und 3"
        );
        assert_eq!(localize(&GERMAN_EU, "Art. 7(3)"), "Art. 7 Abs. 3");
    }

    #[test]
    fn swiss_articles() {
        assert_eq!(
            localize(&GERMAN_CH, "Art. 25(2)(b)"),
            "Art. 25 Abs. 2 Bst. b"
        );
        assert_eq!(
            localize(&GERMAN_CH, "Art. 30(2)(b) and Art. 32(2)(a)"),
            "Art. 30 Abs. 2 Bst. b und Art. 32 Abs. 2 Bst. a"
        );
        assert_eq!(
            localize(&FRENCH_CH, "Art. 25(2)(b)"),
            "art. 25, al. 2, let. b"
        );
        assert_eq!(
            localize(&FRENCH_CH, "Art. 30(2)(b) and Art. 32(2)(a)"),
            "art. 30, al. 2, let. b, et art. 32, al. 2, let. a"
        );
        assert_eq!(
            localize(&FRENCH_EU, "Art. 7(3) and Art. 9(2)(a)"),
            "article 7, paragraphe 3, et l'article 9, paragraphe 2, point a)"
        );
    }

    #[test]
    fn french_gdpr_articles() {
        assert_eq!(localize(&FRENCH_EU, "Art. 17"), "article 17");
        assert_eq!(
            localize(&FRENCH_EU, "Art. 12(3)"),
            "article 12, paragraphe 3"
        );
        assert_eq!(
            localize(&FRENCH_EU, "Art. 15(1)(a)"),
            "article 15, paragraphe 1, point a)"
        );
        assert_eq!(
            localize(&FRENCH_EU, "Art. 21(2) and (3)"),
            "article 21, paragraphes 2 et 3"
        );
    }

    #[test]
    fn other_laws_keep_their_sections() {
        assert_eq!(
            localize(&GERMAN_EU, "Cal. Civ. Code 1798.100, 1798.110 and 1798.115"),
            "Cal. Civ. Code § 1798.100, 1798.110 und 1798.115"
        );
        assert_eq!(
            localize(&FRENCH_EU, "Va. Code 59.1-577(A)(1)"),
            "Va. Code § 59.1-577(A)(1)"
        );
        assert_eq!(
            localize(&FRENCH_EU, "s. 27, third paragraph"),
            "article 27, troisième alinéa"
        );
        assert_eq!(
            localize(&GERMAN_EU, "Schedule 1, Principle 4.9"),
            "Anhang 1, Grundsatz 4.9"
        );
        assert_eq!(
            localize(&FRENCH_EU, "Art. 18, I and II, and Art. 19, II"),
            "article 18, I et II, et l'article 19, II"
        );
        assert_eq!(
            localize(&FRENCH_EU, "Cal. Civ. Code 1798.100, 1798.110 and 1798.115"),
            "Cal. Civ. Code § 1798.100, 1798.110 et 1798.115"
        );
        assert_eq!(localize(&GERMAN_EU, "APP 12"), "APP 12");
    }
}
