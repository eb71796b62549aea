//! Dates mentioned in Arabic news text, for the timeline facet and date filters.
//!
//! [`find_dates`] reads a text and returns each date expression it finds as a
//! [`DateMention`]: byte offsets into the text, the date it names as a [`PartialDate`]
//! (a year, a month or a day), and how the date was obtained ([`DateKind`]).
//! [`parse_published`] reads a document's ISO `published` field, which is the usual
//! reference date for the expressions that name no year.
//!
//! # What is recognised
//!
//! | written | date | kind |
//! |---|---|---|
//! | `20/12/2018`, `2018-12-20`, `20.12.2018`, `الخميس 20/ديسمبر/2018` | 2018-12-20 | [`DateKind::Full`] |
//! | `23 نوفمبر2017`, `10 إبريل 2015`, `6 أيار/مايو 2018`, `١٠ أبريل ٢٠١٥` | the day | [`DateKind::Full`] |
//! | `أكتوبر 2017`, `كانون الثاني/يناير 2019`, `أغسطس من عام 2016` | the month | [`DateKind::MonthYear`] |
//! | `عام 2017`, `في العام 2016`, `منذ 2015`, `نهاية 2014`, `بداية عام 2015`, `عامي 2016 و2017` | the year | [`DateKind::Year`] |
//! | `في 2016،` (a weak preposition: only before punctuation or the end) | the year | [`DateKind::Year`] |
//! | `خريف 2017`, `ربيع 2018`, `صيف 2016` | the season's first month; winter: the year | [`DateKind::Season`] |
//! | `29 تشرين الثاني`, `14 ديسمبر`, `في أكتوبر`, `أبريل الماضي`, `مارس المقبل` | resolved against the reference | [`DateKind::Resolved`] |
//! | `أغسطس من نفس العام` | the year of the previous dated mention | [`DateKind::SameYear`] |
//! | `العام الماضي`, `هذا العام`, `الشهر المقبل` | resolved against the reference | [`DateKind::Relative`] |
//!
//! Both month-name systems are known (يناير … ديسمبر with their spellings أبريل/إبريل,
//! يونيو/يونيه, يوليو/يوليه, and كانون الثاني … كانون الأول), as are the Maghreb names
//! (جانفي، فيفري، أفريل، جوان، جويلية، أوت، شتنبر، نونبر، دجنبر…). A pair such as
//! `تشرين الثاني/نوفمبر` or `أيار (مايو)` is one mention. Words are compared after
//! [`normalize`](fn@crate::text::normalize), so every hamza, alef, ى/ي, ة/ه spelling, tatweel,
//! harakat and Arabic-Indic digits are accepted.
//!
//! # Decisions
//!
//! - **A year needs a date context.** A four-digit number alone (`2000 قناة`, `8500`) is
//!   not a year. It is one after a month name, after a year word (عام، العام، سنة، عامي),
//!   after منذ or a boundary word (بداية، نهاية، مطلع، أواخر، أوائل، منتصف، أواسط), or after a
//!   weak preposition (في، حتى، قبل، بعد، خلال) **when punctuation or the end of the
//!   text follows** (`في 2016،` yes, `شارك في 2000 عملية` no; من and إلى are never enough:
//!   `أكثر من 2000.` is a count). Years are 1000–2999 after a
//!   month or a year word and 1900–2100 after the other words. A number followed by a unit
//!   of time (`منذ 1500 عام`, `2000 ساعة`) or by ألف/مليون is a quantity, not a year.
//!   Numbers with inner separators (`274.460`, `1.2`, `1,000`, `٣٫٥`) or a percent sign are
//!   never years or days. Hijri years (`1440 هـ`, `هجري`) are skipped, not converted.
//! - **Seasons** give the season's first month in the Northern Hemisphere's meteorological
//!   calendar (spring → March, summer → June, autumn → September) with
//!   [`DateKind::Season`], whose [`Season::months`] gives the full range. Winter spans two
//!   calendar years, so `شتاء 2018` has year precision only. `ربيع الأول` / `ربيع الآخر`
//!   are Hijri months, not spring, and are skipped.
//! - **A month without a year** (`29 تشرين الثاني`, `في أكتوبر`, `أبريل الماضي`) is
//!   resolved against `reference`: plain, it is the most recent such day or month **on
//!   or before** the reference; with الماضي/المنصرم/الفائت, the most recent one **strictly
//!   before** it; with المقبل/القادم, the first one strictly after it; with الجاري/الحالي,
//!   the one of the reference's year. Without a reference, or with a reference that has
//!   no month, these mentions are dropped: a year is never invented. A bare month needs a
//!   day, a qualifier, or a preposition or time word before it (في، منذ، حتى، خلال،
//!   شهر، بداية…); a month name followed by `من نفس العام` / `من العام نفسه` takes the
//!   year of the previous mention in the same text that has one.
//! - **Ambiguous month names** (آب also "father" and the آب of `واتس آب`; مارس also the
//!   verb "practised"; نيسان also the car maker; شباط also a surname; ماي also the name
//!   May; and the Maghreb أوت، غشت، جوان) count only with a day before them, a year after
//!   them, the other month name of a pair (`آب/أغسطس`), شهر before them, or a qualifier
//!   after them (`نيسان الماضي`; for آب only when written with madda, أب being "father").
//!   `آب` right after `واتس` is never a month.
//!   Only unambiguous names take attached proclitics (`وأكتوبر`, `بيناير`).
//! - **Event names** (`هجمات 11 سبتمبر`, `ثورة 25 يناير`, after هجمات، أحداث، ثورة، حركة،
//!   ذكرى…) are not resolved against the reference: their year is not the article's.
//! - **Relative days** (`الأربعاء`, `الخميس الماضي`, `أمس`, `الأسبوع الماضي`) are ignored:
//!   the widget's timeline has month precision, and a weekday alone is too vague.
//!   Relative years and months (`العام الماضي`, `هذا العام`, `الشهر المقبل`) are resolved
//!   against the reference ([`DateKind::Relative`]) and dropped without one.
//! - Two-digit years (`20/12/18`), month/year numerics (`12/2018`) and ranges are not
//!   read; a range's ends are found separately when each is a date (`منذ 2015 وحتى نهاية
//!   2017` gives 2015 and 2017).
//!
//! [`find_dates`] never panics; every offset it returns is a char boundary of the text.

use crate::document::Document;
use crate::error::Error;
use crate::text::normalize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

/// A date known to the year, the month or the day.
///
/// Ordered chronologically, with a coarser date before the finer dates it contains:
/// `2017` < `2017-01` < `2017-01-01` < `2017-02`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// The year (1–9999, proleptic Gregorian).
    pub year: i32,
    /// The month, 1–12, if known.
    pub month: Option<u8>,
    /// The day of the month, if known (only with a month).
    pub day: Option<u8>,
}

impl PartialDate {
    /// A date, checked: the year is 1–9999, the month 1–12, a day needs a month and must
    /// exist in it (`2019-02-29` does not).
    pub fn new(year: i32, month: Option<u8>, day: Option<u8>) -> Option<PartialDate> {
        if !(1..=9999).contains(&year) {
            return None;
        }
        match (month, day) {
            (None, Some(_)) => return None,
            (Some(m), _) if !(1..=12).contains(&m) => return None,
            (Some(m), Some(d)) if d == 0 || d > days_in_month(year, m) => return None,
            _ => {}
        }
        Some(PartialDate { year, month, day })
    }

    /// A whole year (`2017`).
    pub fn of_year(year: i32) -> Option<PartialDate> {
        PartialDate::new(year, None, None)
    }

    /// A month (`2017-11`).
    pub fn of_month(year: i32, month: u8) -> Option<PartialDate> {
        PartialDate::new(year, Some(month), None)
    }

    /// A day (`2017-11-23`).
    pub fn of_day(year: i32, month: u8, day: u8) -> Option<PartialDate> {
        PartialDate::new(year, Some(month), Some(day))
    }

    /// Does this date contain `other`? A year contains its months and days, a month its
    /// days, and every date contains itself.
    pub fn contains(&self, other: &PartialDate) -> bool {
        self.year == other.year
            && (self.month.is_none() || self.month == other.month)
            && (self.day.is_none() || self.day == other.day)
    }
}

impl fmt::Display for PartialDate {
    /// `2017`, `2017-11` or `2017-11-23`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = Error;

    /// Reads `2017`, `2017-11` or `2017-11-23` (the [`Display`](fmt::Display) forms).
    fn from_str(s: &str) -> Result<PartialDate, Error> {
        let bad = || {
            Error::InvalidOptions(format!(
                "\"{s}\" is not a date; write a year, a month or a day as 2017, 2017-11 or 2017-11-23"
            ))
        };
        let mut parts = s.split('-');
        let year = parts.next().filter(|p| p.len() == 4).ok_or_else(bad)?;
        let field = |p: Option<&str>, len: usize| -> Result<Option<u32>, Error> {
            match p {
                None => Ok(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok(p.parse().ok())
                }
                Some(_) => Err(bad()),
            }
        };
        let y = field(Some(year), 4)?.ok_or_else(bad)?;
        let m = field(parts.next(), 2)?;
        let d = field(parts.next(), 2)?;
        if parts.next().is_some() {
            return Err(bad());
        }
        PartialDate::new(y as i32, m.map(|m| m as u8), d.map(|d| d as u8)).ok_or_else(bad)
    }
}

/// The number of days of a month of the proleptic Gregorian calendar (0 for a month
/// outside 1–12).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A season of the year (Northern Hemisphere, meteorological: three whole months each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    /// ربيع: March to May.
    Spring,
    /// صيف: June to August.
    Summer,
    /// خريف: September to November.
    Autumn,
    /// شتاء: December to February (across two calendar years).
    Winter,
}

impl Season {
    /// The first and last month of the season: (3, 5), (6, 8), (9, 11) or (12, 2).
    pub fn months(self) -> (u8, u8) {
        match self {
            Season::Spring => (3, 5),
            Season::Summer => (6, 8),
            Season::Autumn => (9, 11),
            Season::Winter => (12, 2),
        }
    }
}

/// How the date of a [`DateMention`] was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateKind {
    /// A day, a month and a year, all written (`23 نوفمبر2017`, `20/12/2018`).
    Full,
    /// A month and a year, both written (`أكتوبر 2017`).
    MonthYear,
    /// A year in a date context (`عام 2017`, `منذ 2015`, `نهاية 2014`).
    Year,
    /// A season and a year (`خريف 2017`): the date is the season's first month (winter:
    /// the year only).
    Season(Season),
    /// A month, or a day and month, written without a year; the year comes from the
    /// reference date (`أبريل الماضي`, `14 ديسمبر`).
    Resolved,
    /// A month written without a year whose year is that of the previous dated mention of
    /// the same text (`منذ فبراير 2016 وحتى أغسطس من نفس العام`).
    SameYear,
    /// A year or month named relative to the reference date (`العام الماضي`,
    /// `الشهر المقبل`).
    Relative,
}

/// A date expression found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateMention {
    /// Byte offset of the expression's first character in the text.
    pub start: usize,
    /// Byte offset one past the expression's last character.
    pub end: usize,
    /// The date named.
    pub date: PartialDate,
    /// How the date was obtained.
    pub kind: DateKind,
}

/// Reads a date a reader typed as a query word: a year (`2018`, `٢٠١٨`; 1000–2999), a month
/// (`2018-12`, `12/2018`) or a day (`2018-12-20`, `20/12/2018`, `20.12.2018`; the day
/// before the month when the year comes last, as Arabic writes dates), with `-`, `/` or `.`
/// between the numbers, Arabic-Indic digits accepted. `None` for anything else (a count
/// such as `274,460`, a date that does not exist, words).
pub fn typed_date(text: &str) -> Option<PartialDate> {
    let ascii: String = text
        .trim()
        .chars()
        .map(|c| match digit_value(c) {
            Some(d) => char::from(b'0' + d as u8),
            None => c,
        })
        .collect();
    let parts: Vec<&str> = ascii.split(['-', '/', '.']).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    // (Only one kind of separator: `20/12-2018` is not a date.)
    let mut separators = ascii.bytes().filter(|b| b"-/.".contains(b));
    let first = separators.next();
    if separators.any(|b| Some(b) != first) {
        return None;
    }
    let year = |p: &str| {
        let y: i32 = p.parse().ok()?;
        (p.len() == 4 && (1000..=2999).contains(&y)).then_some(y)
    };
    let small = |p: &str| (p.len() <= 2).then(|| p.parse::<u8>().ok()).flatten();
    match parts[..] {
        [y] => PartialDate::of_year(year(y)?),
        [y, m] if y.len() == 4 => PartialDate::of_month(year(y)?, small(m)?),
        [m, y] => PartialDate::of_month(year(y)?, small(m)?),
        [y, m, d] if y.len() == 4 => PartialDate::of_day(year(y)?, small(m)?, small(d)?),
        [d, m, y] => PartialDate::of_day(year(y)?, small(m)?, small(d)?),
        _ => None,
    }
}

/// Reads a document's `published` field: `YYYY-MM-DD` optionally followed by a time
/// (`2018-12-20T11:34`, with any seconds or zone), or a bare `YYYY-MM` or `YYYY`.
/// Returns `None` for anything else or for a date that does not exist.
pub fn parse_published(iso: &str) -> Option<PartialDate> {
    let iso = iso.trim();
    let b = iso.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = b.get(r)?;
        s.iter()
            .all(u8::is_ascii_digit)
            .then(|| s.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let year = digits(0..4)? as i32;
    match b.len() {
        4 => return PartialDate::of_year(year),
        7 if b[4] == b'-' => return PartialDate::of_month(year, digits(5..7)? as u8),
        _ => {}
    }
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || (b.len() > 10 && b[10] != b'T') {
        return None;
    }
    PartialDate::of_day(year, digits(5..7)? as u8, digits(8..10)? as u8)
}

/// Finds the date expressions of `text`, in text order, without overlaps.
///
/// `reference` is the date the text was written (usually [`parse_published`] of the
/// document): expressions that name no year are resolved against it, and dropped when it
/// is `None`. See the [module documentation](self) for what is recognised.
pub fn find_dates(text: &str, reference: Option<PartialDate>) -> Vec<DateMention> {
    let toks = scan(text);
    let grouped = grouped_numbers(&toks);
    let mut parser = Parser {
        toks: &toks,
        grouped: &grouped,
        text,
        reference,
        tables: tables(),
        out: Vec::new(),
    };
    parser.run();
    parser.out
}

/// The dates a document mentions in its title, subtitle and body, each with the number of
/// mentions, in date order. Expressions without a year are resolved against the
/// document's `published` date.
pub fn document_dates(doc: &Document) -> Vec<(PartialDate, u32)> {
    let reference = doc.published.as_deref().and_then(parse_published);
    let mut counts: BTreeMap<PartialDate, u32> = BTreeMap::new();
    let fields = std::iter::once(doc.title.as_str())
        .chain(doc.subtitle.as_deref())
        .chain(doc.body.iter().map(String::as_str));
    for field in fields {
        for mention in find_dates(field, reference) {
            *counts.entry(mention.date).or_default() += 1;
        }
    }
    counts.into_iter().collect()
}

// ---------------------------------------------------------------------------------------
// Scanning: words, numbers and punctuation with byte offsets.

#[derive(Debug)]
enum TokKind {
    /// A run of letters (and the marks inside words), normalized.
    Word(String),
    /// A run of decimal digits of one script: its value (None if too long) and length.
    Num { value: Option<u32>, digits: usize },
    /// Any other non-space character.
    Punct(char),
}

#[derive(Debug)]
struct Tok {
    start: usize,
    end: usize,
    kind: TokKind,
}

fn digit_value(c: char) -> Option<u32> {
    c.to_digit(10)
        .or_else(|| normalize::decimal_digit_value(c).map(u32::from))
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || normalize::is_ignorable(c) || is_mark(c)
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED)
}

fn scan(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if digit_value(c).is_some() {
            let mut end = start + c.len_utf8();
            let mut value = digit_value(c);
            let mut digits = 1;
            while let Some(&(i, d)) = chars.peek() {
                let Some(v) = digit_value(d) else { break };
                value = value.and_then(|n| n.checked_mul(10)?.checked_add(v));
                digits += 1;
                end = i + d.len_utf8();
                chars.next();
            }
            toks.push(Tok {
                start,
                end,
                kind: TokKind::Num { value, digits },
            });
        } else if is_word_char(c) {
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = chars.peek() {
                if !is_word_char(d) || digit_value(d).is_some() {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
            toks.push(Tok {
                start,
                end,
                kind: TokKind::Word(normalize::normalize(&text[start..end])),
            });
        } else {
            toks.push(Tok {
                start,
                end: start + c.len_utf8(),
                kind: TokKind::Punct(c),
            });
        }
    }
    toks
}

/// Numbers that are part of a larger number (`274.460`, `1.2`, `1,000`, `٣٫٥`) or a
/// percentage: never a year or a day on their own.
fn grouped_numbers(toks: &[Tok]) -> Vec<bool> {
    let mut grouped = vec![false; toks.len()];
    let is_num = |i: usize| matches!(toks.get(i).map(|t| &t.kind), Some(TokKind::Num { .. }));
    for i in 0..toks.len() {
        if !is_num(i) {
            continue;
        }
        if let Some(next) = toks.get(i + 1) {
            let touching = next.start == toks[i].end;
            match next.kind {
                TokKind::Punct('.' | ',' | '\u{066B}' | '\u{066C}')
                    if touching && is_num(i + 2) && toks[i + 2].start == next.end =>
                {
                    grouped[i] = true;
                    grouped[i + 2] = true;
                }
                TokKind::Punct('%' | '\u{066A}') => grouped[i] = true,
                _ => {}
            }
        }
    }
    grouped
}

// ---------------------------------------------------------------------------------------
// Word tables, normalized once with the crate's normalizer.

/// How a month name can be used.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Strength {
    /// Unambiguous: may stand alone after a preposition and take proclitics.
    Strong,
    /// Also a common word or name: needs a day, a year, a pair or شهر.
    Weak,
}

/// Resolution of a month or year named without a year.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Anchor {
    /// The most recent on or before the reference.
    OnOrBefore,
    /// الماضي: the most recent strictly before the reference.
    Past,
    /// المقبل: the first strictly after the reference.
    Next,
    /// الجاري: in the reference's year (or month).
    Current,
}

struct Tables {
    /// One-word month names.
    months: HashMap<String, (u8, Strength)>,
    /// كانون / تشرين and the word after them.
    two_word_first: HashMap<String, [u8; 2]>,
    first_second: HashSet<String>,
    second_second: HashSet<String>,
    /// Year words: عام، العام، سنة…
    year_words: HashSet<String>,
    /// Dual year words: عامي، العامين.
    dual_year_words: HashSet<String>,
    /// Strong words before a year: منذ، نهاية…
    strong_before_year: HashSet<String>,
    /// Weak prepositions before a year: في، حتى…
    weak_before_year: HashSet<String>,
    /// Words before a bare month that make it a date: في، منذ، شهر…
    before_bare_month: HashSet<String>,
    shahr: String,
    seasons: HashMap<String, Season>,
    hijri_after_rabi: HashSet<String>,
    qualifiers: HashMap<String, Anchor>,
    same_year: Vec<Vec<String>>,
    units_after_number: HashSet<String>,
    hijri_markers: HashSet<String>,
    whatsapp: HashSet<String>,
    /// Words before a day and month that make them the name of an event
    /// (`هجمات 11 سبتمبر`, `ثورة 25 يناير`), not a date of the reference's year.
    event_nouns: HashSet<String>,
    /// The definite year and month words of relative dates (العام الماضي).
    relative_units: HashSet<String>,
    /// The month word among them.
    month_units: HashSet<String>,
    min: String,
    wa: String,
    this: HashSet<String>,
}

/// The one-word month names of every system, as written (the Levantine and Iraqi names,
/// the Egyptian and Gulf ones with their spellings, the Maghreb's).
const MONTH_NAMES: &[(&str, u8, Strength)] = &[
    ("يناير", 1, Strength::Strong),
    ("جانفي", 1, Strength::Strong),
    ("فبراير", 2, Strength::Strong),
    ("فيفري", 2, Strength::Strong),
    ("شباط", 2, Strength::Weak),
    ("مارس", 3, Strength::Weak),
    ("آذار", 3, Strength::Strong),
    ("أبريل", 4, Strength::Strong),
    ("إبريل", 4, Strength::Strong),
    ("أفريل", 4, Strength::Strong),
    ("نيسان", 4, Strength::Weak),
    ("مايو", 5, Strength::Strong),
    ("أيار", 5, Strength::Strong),
    ("ماي", 5, Strength::Weak),
    ("يونيو", 6, Strength::Strong),
    ("يونيه", 6, Strength::Strong),
    ("حزيران", 6, Strength::Strong),
    ("جوان", 6, Strength::Weak),
    ("يوليو", 7, Strength::Strong),
    ("يوليه", 7, Strength::Strong),
    ("يوليوز", 7, Strength::Strong),
    ("تموز", 7, Strength::Strong),
    ("جويلية", 7, Strength::Strong),
    ("أغسطس", 8, Strength::Strong),
    ("آب", 8, Strength::Weak),
    ("أوت", 8, Strength::Weak),
    ("غشت", 8, Strength::Weak),
    ("سبتمبر", 9, Strength::Strong),
    ("شتنبر", 9, Strength::Strong),
    ("أيلول", 9, Strength::Strong),
    ("أكتوبر", 10, Strength::Strong),
    ("نوفمبر", 11, Strength::Strong),
    ("نونبر", 11, Strength::Strong),
    ("ديسمبر", 12, Strength::Strong),
    ("دجنبر", 12, Strength::Strong),
];

/// The first words of the two-word Levantine names, and their months: [with الأول, with
/// الثاني] (تشرين الأول is October, كانون الثاني January).
const TWO_WORD_MONTHS: &[(&str, [u8; 2])] = &[("تشرين", [10, 11]), ("كانون", [12, 1])];
/// The second words of the two-word names: the first, the second.
const FIRST_ORDINALS: &str = "الأول أول الاول";
const SECOND_ORDINALS: &str = "الثاني ثاني الثانى";

/// The month names, normalized: the one-word names and their months, the two-word names'
/// first words, and the ordinals. For queries, which need only these of the date tables.
struct MonthNames {
    one_word: Vec<(String, u8)>,
    two_word: Vec<(String, [u8; 2])>,
    first: Vec<String>,
    second: Vec<String>,
}

fn month_table() -> &'static MonthNames {
    static NAMES: OnceLock<MonthNames> = OnceLock::new();
    NAMES.get_or_init(|| MonthNames {
        one_word: MONTH_NAMES
            .iter()
            .map(|&(name, m, _)| (normalize::normalize(name), m))
            .collect(),
        two_word: TWO_WORD_MONTHS
            .iter()
            .map(|&(first, months)| (normalize::normalize(first), months))
            .collect(),
        first: FIRST_ORDINALS
            .split(' ')
            .map(normalize::normalize)
            .collect(),
        second: SECOND_ORDINALS
            .split(' ')
            .map(normalize::normalize)
            .collect(),
    })
}

/// The month (1–12) a normalized query word or pair of words names, in either month-name
/// system or the Maghreb's, or in English, whole or abbreviated (`نيسان`, `أبريل`, `april`,
/// `apr`; `كانون الثاني`).
pub fn month_named(first: &str, second: Option<&str>) -> Option<u8> {
    let t = month_table();
    match second {
        None => t
            .one_word
            .iter()
            .find(|(name, _)| name == first)
            .map(|&(_, m)| m)
            .or_else(|| {
                ENGLISH_MONTHS
                    .iter()
                    .position(|&e| e == first)
                    .or_else(|| {
                        // Oct, Sept: an abbreviation of three letters, or Sept.
                        let abbreviated = if first == "sept" { "sep" } else { first };
                        (abbreviated.len() == 3)
                            .then(|| {
                                ENGLISH_MONTHS
                                    .iter()
                                    .position(|e| e.starts_with(abbreviated))
                            })
                            .flatten()
                    })
                    .map(|i| i as u8 + 1)
            }),
        Some(second) => {
            let &(_, [with_first, with_second]) = t.two_word.iter().find(|(f, _)| f == first)?;
            if t.first.iter().any(|w| w == second) {
                Some(with_first)
            } else if t.second.iter().any(|w| w == second) {
                Some(with_second)
            } else {
                None
            }
        }
    }
}

/// Month names, normalized, that are as often something else: آب in واتس آب, ماي the
/// surname of Theresa May, the Maghreb's أوت, غشت and جوان in other words.
const AMBIGUOUS_MONTH_NAMES: [&str; 5] = ["اب", "ماي", "اوت", "غشت", "جوان"];

/// Is this normalized word a month's name that is as often something else (آب, ماي)?
pub fn is_ambiguous_month_name(word: &str) -> bool {
    AMBIGUOUS_MONTH_NAMES.contains(&word)
}

/// The names of a month (1–12), normalized: its one-word names in every system, its
/// two-word Levantine name (`كانون الثاني`), and its English name; for a reader who types
/// one of them to find the others (an Egyptian paper writes أبريل where a Lebanese one
/// writes نيسان). Names that are left out there: they are as often something else (آب in
/// واتس آب, ماي the surname of Theresa May, the Maghreb's أوت, غشت and جوان in other words).
pub fn month_names(month: u8) -> Vec<String> {
    let t = month_table();
    let ambiguous = AMBIGUOUS_MONTH_NAMES;
    let mut names: Vec<String> = Vec::new();
    for (name, m) in &t.one_word {
        if *m == month && !ambiguous.contains(&name.as_str()) && !names.contains(name) {
            names.push(name.clone());
        }
    }
    for (first, pair) in &t.two_word {
        for (i, &m) in pair.iter().enumerate() {
            if m == month {
                let second = if i == 0 { &t.first[0] } else { &t.second[0] };
                names.push(format!("{first} {second}"));
            }
        }
    }
    if let Some(english) = ENGLISH_MONTHS.get(usize::from(month).wrapping_sub(1)) {
        names.push((*english).to_owned());
    }
    names
}

const ENGLISH_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The normalized forms of the space-separated words of `list`.
fn words(list: &str) -> HashSet<String> {
    list.split_whitespace().map(normalize::normalize).collect()
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut months = HashMap::new();
        for &(name, m, strength) in MONTH_NAMES {
            months.insert(normalize::normalize(name), (m, strength));
        }
        let mut two_word_first = HashMap::new();
        for &(first, months) in TWO_WORD_MONTHS {
            two_word_first.insert(normalize::normalize(first), months);
        }
        let mut seasons = HashMap::new();
        for (w, s) in [
            ("ربيع", Season::Spring),
            ("الربيع", Season::Spring),
            ("صيف", Season::Summer),
            ("الصيف", Season::Summer),
            ("خريف", Season::Autumn),
            ("الخريف", Season::Autumn),
            ("شتاء", Season::Winter),
            ("الشتاء", Season::Winter),
        ] {
            seasons.insert(normalize::normalize(w), s);
        }
        let mut qualifiers = HashMap::new();
        for (w, a) in [
            ("الماضي", Anchor::Past),
            ("الماضى", Anchor::Past),
            ("الماضية", Anchor::Past),
            ("المنصرم", Anchor::Past),
            ("المنصرمة", Anchor::Past),
            ("الفائت", Anchor::Past),
            ("الفائتة", Anchor::Past),
            ("المقبل", Anchor::Next),
            ("المقبلة", Anchor::Next),
            ("القادم", Anchor::Next),
            ("القادمة", Anchor::Next),
            ("الجاري", Anchor::Current),
            ("الجارية", Anchor::Current),
            ("الحالي", Anchor::Current),
            ("الحالية", Anchor::Current),
        ] {
            qualifiers.insert(normalize::normalize(w), a);
        }
        let phrase = |p: &str| p.split(' ').map(normalize::normalize).collect::<Vec<_>>();
        Tables {
            months,
            two_word_first,
            first_second: words(FIRST_ORDINALS),
            second_second: words(SECOND_ORDINALS),
            year_words: words("عام العام سنة السنة عامَ"),
            dual_year_words: words("عامي العامين عامى سنتي السنتين"),
            strong_before_year: words("منذ نهاية بداية مطلع أواخر أوائل منتصف أواسط ختام مستهل"),
            weak_before_year: words("في فى حتى قبل بعد خلال"),
            before_bare_month: words(
                "في فى منذ حتى خلال شهر مطلع بداية نهاية أواخر أوائل منتصف \
                 أواسط قبل بعد مستهل",
            ),
            shahr: normalize::normalize("شهر"),
            seasons,
            hijri_after_rabi: words("الأول الاول أول الآخر الاخر آخر الثاني ثاني"),
            qualifiers,
            same_year: vec![
                phrase("من نفس العام"),
                phrase("من العام نفسه"),
                phrase("من العام ذاته"),
                phrase("من ذات العام"),
                phrase("من السنة نفسها"),
                phrase("من نفس السنة"),
            ],
            units_after_number: words(
                "عام عاما عامًا أعوام سنة سنوات سنين يوم يوما أيام شهر شهرا \
                 أشهر شهور ساعة ساعات دقيقة دقائق ثانية ثوان أسبوع أسابيع قرن \
                 قرون ألف آلاف ألفا مليون ملايين مليار مليارات",
            ),
            hijri_markers: words("هـ ه هجري هجرية الهجري الهجرية للهجرة"),
            whatsapp: words("واتس واتز وتس الواتس وواتس"),
            event_nouns: words(
                "هجمات هجوم أحداث ثورة حركة تيار قوى تحالف اعتداءات انتفاضة \
                 حراك ذكرى مجزرة تفجيرات",
            ),
            relative_units: words("العام السنة الشهر"),
            month_units: words("الشهر"),
            min: normalize::normalize("من"),
            wa: normalize::normalize("و"),
            this: words("هذا هذه"),
        }
    })
}

/// Proclitic prefixes tried on keywords and strong month names (لل = ل + ال).
const PROCLITICS: &[&str] = &[
    "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "لل", "ولل", "فلل",
];

/// Is `word`, possibly with attached proclitics, in `set`? After لل the article's alef
/// is restored (للعام → العام).
fn in_set_with_clitics(word: &str, set: &HashSet<String>) -> bool {
    PROCLITICS.iter().any(|p| {
        let Some(rest) = word.strip_prefix(p) else {
            return false;
        };
        if rest.chars().count() < 2 {
            return false;
        }
        set.contains(rest) || (p.ends_with("لل") && set.contains(&format!("ال{rest}")))
    })
}

// ---------------------------------------------------------------------------------------
// Parsing.

struct Parser<'a> {
    toks: &'a [Tok],
    grouped: &'a [bool],
    text: &'a str,
    reference: Option<PartialDate>,
    tables: &'static Tables,
    out: Vec<DateMention>,
}

/// A month name found at some tokens: its number, how it may be used, and the index of
/// the token after it.
struct MonthName {
    month: u8,
    strength: Strength,
    next: usize,
}

/// What one pattern found: the mentions (possibly none: the expression is a date that
/// cannot be resolved) and the index of the first token after it.
type Found = Option<(Vec<DateMention>, usize)>;

impl Parser<'_> {
    fn run(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            let found = self
                .numeric(i)
                .or_else(|| self.day_month(i))
                .or_else(|| self.month_first(i))
                .or_else(|| self.season(i))
                .or_else(|| self.keyword_year(i))
                .or_else(|| self.relative(i));
            match found {
                Some((mentions, next)) => {
                    self.out.extend(mentions);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
    }

    fn word(&self, i: usize) -> Option<&str> {
        match &self.toks.get(i)?.kind {
            TokKind::Word(w) => Some(w),
            _ => None,
        }
    }

    fn word_in(&self, i: usize, set: &HashSet<String>) -> bool {
        self.word(i).is_some_and(|w| set.contains(w))
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            TokKind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// A plain number (not part of a larger number): its value and digit count.
    fn num(&self, i: usize) -> Option<(u32, usize)> {
        match self.toks.get(i)?.kind {
            TokKind::Num { value, digits } if !self.grouped[i] => Some((value?, digits)),
            _ => None,
        }
    }

    fn day(&self, i: usize) -> Option<u8> {
        self.num(i)
            .filter(|&(v, d)| d <= 2 && (1..=31).contains(&v))
            .map(|(v, _)| v as u8)
    }

    fn is_end_or_punct(&self, i: usize) -> bool {
        match self.toks.get(i).map(|t| &t.kind) {
            None => true,
            Some(TokKind::Punct(c)) => !matches!(c, '%' | '\u{066A}'),
            Some(_) => false,
        }
    }

    /// A year at `i` in the range: four digits, not followed by a unit (`عام`, `ألف`) or a
    /// Hijri marker.
    fn year(&self, i: usize, range: std::ops::RangeInclusive<u32>) -> Option<i32> {
        let (v, d) = self.num(i)?;
        if d != 4 || !range.contains(&v) {
            return None;
        }
        if self.word_in(i + 1, &self.tables.units_after_number)
            || self.word_in(i + 1, &self.tables.hijri_markers)
        {
            return None;
        }
        Some(v as i32)
    }

    fn mention(&self, from: usize, to: usize, date: PartialDate, kind: DateKind) -> DateMention {
        DateMention {
            start: self.toks[from].start,
            end: self.toks[to].end,
            date,
            kind,
        }
    }

    /// A month name at `i` (one or two words), followed by an optional pair
    /// (`تشرين الثاني/نوفمبر`, `أيار (مايو)`). `clitics`: accept attached proclitics
    /// on unambiguous names.
    fn month_name(&self, i: usize, clitics: bool) -> Option<MonthName> {
        let first = self.month_name_alone(i, clitics)?;
        // A pair: "/", "-" or "(" then the same month in the other system.
        if let Some(sep @ ('/' | '-' | '(' | '\\')) = self.punct(first.next) {
            if let Some(second) = self.month_name_alone(first.next + 1, false) {
                if second.month == first.month {
                    let mut next = second.next;
                    if sep == '(' && self.punct(next) == Some(')') {
                        next += 1;
                    }
                    return Some(MonthName {
                        month: first.month,
                        strength: Strength::Strong,
                        next,
                    });
                }
            }
        }
        Some(first)
    }

    fn month_name_alone(&self, i: usize, clitics: bool) -> Option<MonthName> {
        let t = self.tables;
        let word = self.word(i)?;
        if let Some(&pair) = t.two_word_first.get(word) {
            let month = if self.word_in(i + 1, &t.first_second) {
                pair[0]
            } else if self.word_in(i + 1, &t.second_second) {
                pair[1]
            } else {
                return None;
            };
            return Some(MonthName {
                month,
                strength: Strength::Strong,
                next: i + 2,
            });
        }
        if let Some(&(month, strength)) = t.months.get(word) {
            if strength == Strength::Weak && i > 0 && self.word_in(i - 1, &t.whatsapp) {
                return None; // واتس آب is WhatsApp
            }
            return Some(MonthName {
                month,
                strength,
                next: i + 1,
            });
        }
        if !clitics {
            return None;
        }
        for p in &PROCLITICS[1..] {
            let Some(rest) = word.strip_prefix(p) else {
                continue;
            };
            if let Some(&(month, Strength::Strong)) = t.months.get(rest) {
                return Some(MonthName {
                    month,
                    strength: Strength::Strong,
                    next: i + 1,
                });
            }
            if let Some(&pair) = t.two_word_first.get(rest) {
                let month = if self.word_in(i + 1, &t.first_second) {
                    pair[0]
                } else if self.word_in(i + 1, &t.second_second) {
                    pair[1]
                } else {
                    continue;
                };
                return Some(MonthName {
                    month,
                    strength: Strength::Strong,
                    next: i + 2,
                });
            }
        }
        None
    }

    /// After a month name at `i`: an optional `من` and year word, then a year. Returns the
    /// year and the index of its token.
    fn year_after_month(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tables;
        let mut j = i;
        if self.word(j) == Some(t.min.as_str()) && self.word_in(j + 1, &t.year_words) {
            j += 1;
        }
        if self.word_in(j, &t.year_words) {
            j += 1;
        }
        self.year(j, 1000..=2999).map(|y| (y, j))
    }

    /// Resolves a month (and day) named without a year.
    fn resolve(&self, month: u8, day: Option<u8>, anchor: Anchor) -> Option<PartialDate> {
        let r = self.reference?;
        let y = r.year;
        let year = if anchor == Anchor::Current {
            y
        } else {
            let rm = r.month?;
            // Same month: the days decide when both are known.
            let cmp = month.cmp(&rm).then(match (day, r.day) {
                (Some(d), Some(rd)) => d.cmp(&rd),
                _ => std::cmp::Ordering::Equal,
            });
            use std::cmp::Ordering::*;
            match (anchor, cmp) {
                (Anchor::OnOrBefore, Less | Equal) => y,
                (Anchor::OnOrBefore, Greater) => y - 1,
                (Anchor::Past, Less) => y,
                (Anchor::Past, Equal | Greater) => y - 1,
                (Anchor::Next, Greater) => y,
                (Anchor::Next, Less | Equal) => y + 1,
                (Anchor::Current, _) => y,
            }
        };
        PartialDate::new(year, Some(month), day)
    }

    /// `20/12/2018`, `2018-12-20`, `20.12.2018`, `20/ديسمبر/2018`.
    fn numeric(&self, i: usize) -> Found {
        let sep = self.punct(i + 1)?;
        if !matches!(sep, '/' | '-' | '.' | '\\' | '–') || self.punct(i + 3) != Some(sep) {
            return None;
        }
        let raw = |k: usize| match self.toks.get(k)?.kind {
            TokKind::Num { value, digits } => Some((value?, digits)),
            _ => None,
        };
        let (a, a_digits) = raw(i)?;
        let (date, last) = if a_digits == 4 {
            // Y-M-D
            let (m, md) = raw(i + 2)?;
            let (d, dd) = raw(i + 4)?;
            if md > 2 || dd > 2 || !(1000..=2999).contains(&a) {
                return None;
            }
            (PartialDate::of_day(a as i32, m as u8, d as u8)?, i + 4)
        } else {
            if a_digits > 2 {
                return None;
            }
            let month = match raw(i + 2) {
                Some((m, md)) if md <= 2 => m as u8,
                Some(_) => return None,
                None => self.month_name_alone(i + 2, false)?.month,
            };
            if self
                .month_name_alone(i + 2, false)
                .is_some_and(|m| m.next != i + 3)
            {
                return None; // two-word month names do not sit between slashes
            }
            let (y, yd) = raw(i + 4)?;
            if yd != 4 || !(1000..=2999).contains(&y) {
                return None;
            }
            (PartialDate::of_day(y as i32, month, a as u8)?, i + 4)
        };
        Some((vec![self.mention(i, last, date, DateKind::Full)], last + 1))
    }

    /// `23 نوفمبر2017`, `29 تشرين الثاني/نوفمبر`, `14 من ديسمبر`, `14 ديسمبر الماضي`.
    fn day_month(&self, i: usize) -> Found {
        let day = self.day(i)?;
        let t = self.tables;
        let event = i > 0
            && self
                .word(i - 1)
                .is_some_and(|w| in_set_with_clitics(w, &t.event_nouns));
        let mut j = i + 1;
        if self.word(j) == Some(t.min.as_str()) {
            j += 1;
        }
        if self.word(j) == Some(t.shahr.as_str()) {
            j += 1;
        }
        let name = self.month_name(j, false)?;
        if day > days_in_month(2000, name.month) {
            return None; // not a day of this month: the number is something else
        }
        if let Some((year, at)) = self.year_after_month(name.next) {
            let Some(date) = PartialDate::of_day(year, name.month, day) else {
                return Some((Vec::new(), at + 1)); // 29 February of a common year
            };
            return Some((vec![self.mention(i, at, date, DateKind::Full)], at + 1));
        }
        let (anchor, last) = match self.word(name.next).and_then(|w| t.qualifiers.get(w)) {
            Some(&a) => (a, name.next),
            None => (Anchor::OnOrBefore, name.next - 1),
        };
        let found = (!event || anchor != Anchor::OnOrBefore)
            .then(|| self.resolve(name.month, Some(day), anchor))
            .flatten()
            .map(|date| self.mention(i, last, date, DateKind::Resolved));
        Some((found.into_iter().collect(), last + 1))
    }

    /// `أكتوبر 2017`, `أبريل الماضي`, `في أكتوبر`, `أغسطس من نفس العام`.
    fn month_first(&self, i: usize) -> Found {
        let t = self.tables;
        let name = self.month_name(i, true)?;
        let after_shahr = i > 0 && self.word(i - 1) == Some(t.shahr.as_str());
        if let Some((year, at)) = self.year_after_month(name.next) {
            let date = PartialDate::of_month(year, name.month)?;
            return Some((vec![self.mention(i, at, date, DateKind::MonthYear)], at + 1));
        }
        for phrase in &t.same_year {
            let matches = phrase
                .iter()
                .enumerate()
                .all(|(k, w)| self.word(name.next + k) == Some(w.as_str()));
            if matches {
                if name.strength == Strength::Weak && !after_shahr {
                    return None;
                }
                let last = name.next + phrase.len() - 1;
                let year = self.out.iter().rev().find(|m| m.end <= self.toks[i].start);
                let found = year
                    .and_then(|m| PartialDate::of_month(m.date.year, name.month))
                    .map(|date| self.mention(i, last, date, DateKind::SameYear));
                return Some((found.into_iter().collect(), last + 1));
            }
        }
        if let Some(&anchor) = self.word(name.next).and_then(|w| t.qualifiers.get(w)) {
            let weak_ok = match name.strength {
                Strength::Strong => true,
                // آب (not أب, "father") needs its madda to be read as August.
                Strength::Weak => {
                    after_shahr
                        || name.month != 8
                        || self.text[self.toks[i].start..].starts_with('آ')
                }
            };
            if !weak_ok {
                return None;
            }
            let found = self
                .resolve(name.month, None, anchor)
                .map(|date| self.mention(i, name.next, date, DateKind::Resolved));
            return Some((found.into_iter().collect(), name.next + 1));
        }
        let introduced = i > 0
            && self
                .word(i - 1)
                .is_some_and(|w| in_set_with_clitics(w, &t.before_bare_month));
        let usable = match name.strength {
            Strength::Strong => introduced,
            Strength::Weak => after_shahr,
        };
        if !usable {
            return None;
        }
        let found = self
            .resolve(name.month, None, Anchor::OnOrBefore)
            .map(|date| self.mention(i, name.next - 1, date, DateKind::Resolved));
        Some((found.into_iter().collect(), name.next))
    }

    /// `خريف 2017`, `ربيع عام 2018`.
    fn season(&self, i: usize) -> Found {
        let t = self.tables;
        let word = self.word(i)?;
        let season = PROCLITICS.iter().find_map(|p| {
            let rest = word.strip_prefix(p)?;
            t.seasons.get(rest).copied()
        })?;
        if self.word_in(i + 1, &t.hijri_after_rabi) {
            return None; // ربيع الأول: a Hijri month
        }
        let mut j = i + 1;
        if self.word_in(j, &t.year_words) {
            j += 1;
        }
        let year = self.year(j, 1000..=2999)?;
        let date = match season {
            Season::Winter => PartialDate::of_year(year)?,
            s => PartialDate::of_month(year, s.months().0)?,
        };
        Some((
            vec![self.mention(i, j, date, DateKind::Season(season))],
            j + 1,
        ))
    }

    /// `عام 2017`, `منذ 2015`, `نهاية 2014`, `بداية عام 2015`, `عامي 2016 و2017`,
    /// `في 2016،`.
    fn keyword_year(&self, i: usize) -> Found {
        let t = self.tables;
        let word = self.word(i)?;
        let year_word = in_set_with_clitics(word, &t.year_words);
        let dual = in_set_with_clitics(word, &t.dual_year_words);
        let strong = year_word || dual || in_set_with_clitics(word, &t.strong_before_year);
        let weak = !strong && in_set_with_clitics(word, &t.weak_before_year);
        if !strong && !weak {
            return None;
        }
        let mut j = i + 1;
        let mut dual = dual;
        if !year_word && !dual {
            if self.word_in(j, &t.year_words) {
                j += 1;
            } else if self.word_in(j, &t.dual_year_words) {
                dual = true;
                j += 1;
            }
        }
        let strong = strong || j > i + 1;
        let range = if year_word || j > i + 1 || dual {
            1000..=2999
        } else {
            1900..=2100
        };
        let year = self.year(j, range.clone())?;
        if self.numeric(j).is_some() {
            return None; // في 2018/12/20: the year starts a numeric date
        }
        if !strong && !self.is_end_or_punct(j + 1) {
            return None;
        }
        // The span starts at the keyword, after a weak preposition (في 2016, في العام 2016).
        let from = if weak { i + 1 } else { i };
        let mut mentions = vec![self.mention(from, j, PartialDate::of_year(year)?, DateKind::Year)];
        let mut next = j + 1;
        if dual && self.word(next) == Some(t.wa.as_str()) {
            if let Some(second) = self.year(next + 1, range) {
                mentions.push(self.mention(
                    next + 1,
                    next + 1,
                    PartialDate::of_year(second)?,
                    DateKind::Year,
                ));
                next += 2;
            }
        }
        Some((mentions, next))
    }

    /// `العام الماضي`, `السنة المقبلة`, `هذا العام`, `الشهر الماضي`.
    fn relative(&self, i: usize) -> Found {
        let t = self.tables;
        let word = self.word(i)?;
        let (unit_at, anchor) = if t.this.contains(word) {
            (i + 1, Anchor::Current)
        } else {
            let anchor = *self.word(i + 1).and_then(|w| t.qualifiers.get(w))?;
            (i, anchor)
        };
        let unit = self.word(unit_at)?;
        if !in_set_with_clitics(unit, &t.relative_units) {
            return None;
        }
        let is_month = in_set_with_clitics(unit, &t.month_units);
        let last = i + 1;
        let found = self.reference.and_then(|r| {
            let date = if is_month {
                let m = r.year * 12 + i32::from(r.month?) - 1;
                let m = match anchor {
                    Anchor::Past => m - 1,
                    Anchor::Next => m + 1,
                    _ => m,
                };
                PartialDate::of_month(m.div_euclid(12), (m.rem_euclid(12) + 1) as u8)?
            } else {
                let y = match anchor {
                    Anchor::Past => r.year - 1,
                    Anchor::Next => r.year + 1,
                    _ => r.year,
                };
                PartialDate::of_year(y)?
            };
            Some(self.mention(i, last, date, DateKind::Relative))
        });
        Some((found.into_iter().collect(), last + 1))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_typed_date_is_a_year_a_month_or_a_day() {
        let day = PartialDate::of_day(2018, 12, 20);
        for typed in [
            "2018-12-20",
            "20/12/2018",
            "20.12.2018",
            "2018/12/20",
            "٢٠/١٢/٢٠١٨",
        ] {
            assert_eq!(typed_date(typed), day, "{typed}");
        }
        assert_eq!(typed_date("2018"), PartialDate::of_year(2018));
        assert_eq!(typed_date(" ٢٠١٨ "), PartialDate::of_year(2018));
        assert_eq!(typed_date("12/2018"), PartialDate::of_month(2018, 12));
        assert_eq!(typed_date("2018-12"), PartialDate::of_month(2018, 12));
        for not_a_date in [
            "",
            "20",
            "201",
            "20180",
            "274,460",
            "1.2",
            "0999",
            "3000",
            "2019-02-29",
            "13/2018",
            "20/12-2018",
            "2018-",
            "-2018",
            "داعش",
            "2018م",
            "1/2/3",
        ] {
            assert_eq!(typed_date(not_a_date), None, "{not_a_date}");
        }
    }

    #[test]
    fn month_names_and_their_other_names() {
        let n = |w: &str| normalize::normalize(w);
        assert_eq!(month_named(&n("نيسان"), None), Some(4));
        assert_eq!(month_named("april", None), Some(4));
        assert_eq!(month_named("oct", None), Some(10));
        assert_eq!(month_named("sept", None), Some(9));
        assert_eq!(month_named("ju", None), None);
        assert_eq!(month_named("jun", None), Some(6));
        assert_eq!(month_named(&n("كانون"), Some(&n("الثاني"))), Some(1));
        assert_eq!(month_named(&n("تشرين"), Some(&n("الأول"))), Some(10));
        assert_eq!(month_named(&n("كانون"), Some(&n("الماضي"))), None);
        assert_eq!(month_named(&n("داعش"), None), None);
        let april = month_names(4);
        for name in ["ابريل", "نيسان", "افريل", "april"] {
            assert!(april.contains(&name.to_owned()), "{name}: {april:?}");
        }
        assert!(month_names(1).contains(&n("كانون الثاني")));
        assert!(!month_names(8).contains(&n("آب")), "آب is also in واتس آب");
    }
    use super::*;

    fn dates(text: &str, reference: Option<&str>) -> Vec<String> {
        find_dates(text, reference.map(|r| r.parse().unwrap()))
            .iter()
            .map(|m| format!("{}={}", &text[m.start..m.end], m.date))
            .collect()
    }

    #[test]
    fn partial_dates_order_print_and_parse() {
        let y = PartialDate::of_year(2017).unwrap();
        let m = PartialDate::of_month(2017, 1).unwrap();
        let d = PartialDate::of_day(2017, 1, 1).unwrap();
        let f = PartialDate::of_month(2017, 2).unwrap();
        assert!(y < m && m < d && d < f);
        assert_eq!(d.to_string(), "2017-01-01");
        assert_eq!("2017-01".parse::<PartialDate>().unwrap(), m);
        assert!(y.contains(&d) && m.contains(&d) && !f.contains(&d) && !d.contains(&m));
        assert!("2019-02-29".parse::<PartialDate>().is_err());
        assert!("2020-02-29".parse::<PartialDate>().is_ok());
        assert!("17-01".parse::<PartialDate>().is_err());
        assert!("2017-1".parse::<PartialDate>().is_err());
        assert!("2017-01-01-01".parse::<PartialDate>().is_err());
        assert!(PartialDate::new(2017, None, Some(3)).is_none());
    }

    #[test]
    fn tables_are_normalized_forms() {
        // The tables are built by normalizing natural spellings; a normalizer change must
        // keep the forms of the words that the text scanner produces.
        let t = tables();
        assert!(t.months.contains_key(&normalize::normalize("إبريل")));
        assert!(t.months.contains_key(&normalize::normalize("ابريل")));
        assert!(t.qualifiers.contains_key(&normalize::normalize("الماضى")));
    }

    #[test]
    fn resolves_against_the_reference() {
        let r = Some("2018-12-20");
        assert_eq!(dates("أبريل الماضي", r), ["أبريل الماضي=2018-04"]);
        assert_eq!(dates("ديسمبر الماضي", r), ["ديسمبر الماضي=2017-12"]);
        assert_eq!(dates("ديسمبر المقبل", r), ["ديسمبر المقبل=2019-12"]);
        assert_eq!(dates("يناير المقبل", r), ["يناير المقبل=2019-01"]);
        assert_eq!(dates("من يوم 14 ديسمبر", r), ["14 ديسمبر=2018-12-14"]);
        assert_eq!(dates("يوم 24 ديسمبر", r), ["24 ديسمبر=2017-12-24"]);
        assert_eq!(dates("العام الماضي", r), ["العام الماضي=2017"]);
        assert_eq!(dates("الشهر المقبل", r), ["الشهر المقبل=2019-01"]);
        assert_eq!(dates("هذا العام", r), ["هذا العام=2018"]);
        assert!(dates("أبريل الماضي", None).is_empty());
        assert!(dates("أبريل الماضي", Some("2018")).is_empty());
    }
}

/// Finds the dates a document's text mentions, at index time (resolving bare months against
/// its publication date), for the date-range filter and the timeline. A season is each of
/// its three months (`خريف 2017`: September, October and November 2017), winter its year.
#[derive(Debug, Clone, Copy, Default)]
pub struct DateExtractor;

impl crate::index::facets::Extractor for DateExtractor {
    fn extract(
        &self,
        _analyzer: &crate::text::Analyzer,
        doc: &Document,
    ) -> crate::index::facets::Extracted {
        let reference = doc.published.as_deref().and_then(parse_published);
        let fields = std::iter::once(doc.title.as_str())
            .chain(doc.subtitle.as_deref())
            .chain(doc.body.iter().map(String::as_str));
        let mut dates: Vec<u32> = Vec::new();
        for mention in fields.flat_map(|field| find_dates(field, reference)) {
            let d = mention.date;
            match mention.kind {
                // A season is each of its months (خريف 2017 is October as much as
                // September). Winter has the year only: it spans two.
                DateKind::Season(season) if d.month.is_some() => {
                    let (first, last) = season.months();
                    dates
                        .extend((first..=last).filter_map(|m| {
                            crate::index::facets::pack_date(d.year, Some(m), None)
                        }));
                }
                _ => dates.extend(crate::index::facets::pack_date(d.year, d.month, d.day)),
            }
        }
        dates.sort_unstable();
        dates.dedup();
        crate::index::facets::Extracted {
            values: Vec::new(),
            dates,
        }
    }
}
