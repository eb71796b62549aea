//! Dates: whatever an input writes (RFC 2822 in RSS, RFC 3339 in Atom and HTML `<meta>`,
//! `YYYY-MM-DD` in front matter…) becomes the ISO 8601 text a [`Document`](crate::Document)
//! holds.
//!
//! The wall-clock time and the offset are kept as written: `Thu, 20 Dec 2018 11:34:00 +0200`
//! becomes `2018-12-20T11:34+02:00`, not `09:34Z`, because the widget shows the time the
//! article states.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Timelike};

/// The year, month and day of a text that begins like an ISO 8601 date (`YYYY-MM-DD`, then
/// the end, `T` or a space), whether or not that day exists.
fn iso_date_parts(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() < 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b.get(10), None | Some(b'T' | b' '))
    {
        return None;
    }
    let number = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| s[r].parse().ok())?
    };
    Some((
        i32::try_from(number(0..4)?).ok()?,
        number(5..7)?,
        number(8..10)?,
    ))
}

/// Normalizes a date or date-time to ISO 8601: `2018-12-20`, `2018-12-20T11:34`,
/// `2018-12-20T11:34:05+02:00` or `2018-12-20T11:34Z`. Seconds are written only when not
/// zero; fractions of a second are dropped.
///
/// Accepts RFC 3339 and ISO 8601 (with `T` or a space, with or without seconds and zone),
/// RFC 2822 (`Thu, 20 Dec 2018 11:34:00 +0200`, `GMT`, a wrong weekday forgiven), `YYYY/MM/DD`,
/// and Arabic-Indic digits in any of them. Refuses day-first or month-first dates
/// (`20/12/2018`), which are ambiguous.
///
/// ```
/// use fahras::ingest::date::normalize_date;
/// assert_eq!(normalize_date("Thu, 20 Dec 2018 11:34:00 +0200").unwrap(), "2018-12-20T11:34+02:00");
/// assert_eq!(normalize_date("٢٠١٨-١٢-٢٠").unwrap(), "2018-12-20");
/// assert!(normalize_date("20/12/2018").is_err());
/// assert!(normalize_date("2024-02-30").unwrap_err().contains("month 2 of 2024 has no day 30"));
/// assert!(normalize_date("2018-13-01").unwrap_err().contains("there is no month 13"));
/// ```
pub fn normalize_date(text: &str) -> Result<String, String> {
    let ascii: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            _ => c,
        })
        .collect();
    let s = ascii.as_str();
    // Written as ISO 8601 but no day of the calendar (2024-02-30, 2018-13-01): say so.
    if let Some((y, m, d)) = iso_date_parts(s) {
        if NaiveDate::from_ymd_opt(y, m, d).is_none() {
            let why = match m {
                1..=12 => format!("month {m} of {y} has no day {d}"),
                _ => format!("there is no month {m}"),
            };
            return Err(format!(
                "{:?} is no date of the calendar ({why}): check the day and the month",
                text.trim()
            ));
        }
    }
    let problem = || {
        format!(
            "unparseable date {:?}: write it as ISO 8601 (2018-12-20 or 2018-12-20T11:34+02:00) \
             or RFC 2822 (Thu, 20 Dec 2018 11:34:00 +0200)",
            text.trim()
        )
    };
    if s.is_empty() {
        return Err("empty date: leave the field out when the date is unknown".into());
    }
    let (text, year) = if let Some(date) = parse_date_only(s) {
        (date.format("%Y-%m-%d").to_string(), date.year())
    } else if let Some(dt) = parse_zoned(s) {
        (write_zoned(&dt), dt.naive_local().year())
    } else if let Some(naive) = parse_naive(s) {
        (write_naive(&naive), naive.year())
    } else {
        return Err(problem());
    };
    // Four-digit years only: what ISO 8601 text without extensions can hold.
    if (1000..=9999).contains(&year) {
        Ok(text)
    } else {
        Err(problem())
    }
}

fn parse_date_only(s: &str) -> Option<NaiveDate> {
    ["%Y-%m-%d", "%Y/%m/%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
        .filter(|_| s.len() <= 10)
}

fn parse_zoned(s: &str) -> Option<DateTime<FixedOffset>> {
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt);
    }
    // ISO 8601 without seconds, or with a `+0200` offset.
    for f in [
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%d %H:%M%:z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f %z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(s, f) {
            return Some(dt);
        }
    }
    if let Some(utc) = s.strip_suffix('Z').or_else(|| s.strip_suffix('z')) {
        if let Some(naive) = parse_naive(utc) {
            return Some(naive.and_utc().fixed_offset());
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt);
    }
    // Feeds often carry a wrong or misspelled weekday: drop it and try again.
    let without_weekday = s.split_once(',').map(|(_, rest)| rest.trim())?;
    DateTime::parse_from_rfc2822(without_weekday).ok()
}

fn parse_naive(s: &str) -> Option<NaiveDateTime> {
    [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
}

fn write_naive(dt: &NaiveDateTime) -> String {
    if dt.second() == 0 {
        dt.format("%Y-%m-%dT%H:%M").to_string()
    } else {
        dt.format("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

fn write_zoned(dt: &DateTime<FixedOffset>) -> String {
    let local = write_naive(&dt.naive_local());
    let offset = dt.offset().local_minus_utc();
    if offset == 0 {
        return local + "Z";
    }
    let sign = if offset < 0 { '-' } else { '+' };
    let minutes = offset.unsigned_abs() / 60;
    format!("{local}{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_every_accepted_form() {
        for (input, expected) in [
            ("2018-12-20", "2018-12-20"),
            ("2018/12/20", "2018-12-20"),
            ("2018-12-20T11:34", "2018-12-20T11:34"),
            ("2018-12-20 11:34:05", "2018-12-20T11:34:05"),
            ("2018-12-20T11:34:00.123", "2018-12-20T11:34"),
            ("2018-12-20T11:34:00Z", "2018-12-20T11:34Z"),
            ("2018-12-20T11:34Z", "2018-12-20T11:34Z"),
            ("2018-12-20T11:34:00+03:00", "2018-12-20T11:34+03:00"),
            ("2018-12-20T11:34+03:00", "2018-12-20T11:34+03:00"),
            ("2018-12-20T11:34:00+0300", "2018-12-20T11:34+03:00"),
            ("2018-12-20T11:34:00-05:30", "2018-12-20T11:34-05:30"),
            ("Thu, 20 Dec 2018 11:34:00 +0200", "2018-12-20T11:34+02:00"),
            ("Thu, 20 Dec 2018 11:34:00 GMT", "2018-12-20T11:34Z"),
            ("20 Dec 2018 11:34:07 +0200", "2018-12-20T11:34:07+02:00"),
            ("Mon, 20 Dec 2018 11:34:00 +0200", "2018-12-20T11:34+02:00"),
            ("٢٠١٨-١٢-٢٠T١١:٣٤", "2018-12-20T11:34"),
            ("  2018-12-20  ", "2018-12-20"),
        ] {
            assert_eq!(normalize_date(input).as_deref(), Ok(expected), "{input}");
            assert!(
                crate::Document {
                    id: "x".into(),
                    title: "t".into(),
                    published: Some(expected.into()),
                    ..Default::default()
                }
                .validate("x")
                .is_ok(),
                "{expected} must be accepted by Document::validate"
            );
        }
    }

    #[test]
    fn refuses_ambiguous_or_impossible_dates() {
        for input in [
            "20/12/2018",
            "12/20/2018",
            "2018-13-01",
            "2018-02-30",
            "yesterday",
            "",
            "Thu, 32 Dec 2018 11:34:00 +0200",
            "0099-01-01",
            "2018-12-20T25:00",
        ] {
            let err = normalize_date(input).unwrap_err();
            assert!(err.contains("date"), "{input}: {err}");
        }
    }
}
