//! JSON and JSON Lines records.
//!
//! A `.json` file holds one record (an object, such as a `corpus/*.json` file), a list of
//! records, or a [JSON Feed](https://www.jsonfeed.org/) whose `items` are the records. A
//! `.jsonl` / `.ndjson` file holds one record per line; a bad line spoils only itself.

use super::record::{to_document, Fallbacks};
use super::{Location, Options, Parsed};
use serde_json::{Map, Value};

/// Reads a `.json` file's records. `name` (the file's path under its input folder) is the
/// base of derived ids: `name` for a one-record file, `name#3` for the third record of a list.
pub fn parse_json(text: &str, name: &str, options: &Options) -> Vec<Parsed> {
    // `(line, column)`: where the parsed text starts in the file (1, 1 for the whole file).
    let malformed = |e: &serde_json::Error, (line, column): (usize, usize)| {
        let column = if e.line() == 1 {
            column + e.column() - 1
        } else {
            e.column()
        };
        format!(
            "malformed JSON at line {}, column {}: {}",
            line + e.line() - 1,
            column,
            message(e)
        )
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        // A list whose brackets close: each record on its own, so that one malformed
        // record is one problem among good records, not the loss of the file.
        Err(e) => match list_elements(text) {
            Some(elements) => {
                let items: Vec<Result<Value, String>> = elements
                    .iter()
                    .map(|&(at, element)| {
                        serde_json::from_str(element).map_err(|e| malformed(&e, at))
                    })
                    .collect();
                let items = items.iter().map(|r| r.as_ref().map_err(Clone::clone));
                return records_of(items, name, options.source.clone(), options);
            }
            None => return vec![Parsed::error(Location::File, malformed(&e, (1, 1)))],
        },
    };
    let record =
        |object: &Map<String, Value>, location: Location, id: String, source: Option<String>| {
            let fallbacks = Fallbacks {
                id,
                source,
                ..Default::default()
            };
            Parsed {
                location,
                outcome: to_document(object, &options.fields, &fallbacks),
            }
        };
    let list = |items: &[Value], source: Option<String>| {
        records_of(items.iter().map(Ok), name, source, options)
    };
    match &value {
        Value::Array(items) => list(items, options.source.clone()),
        Value::Object(object) if is_json_feed(object) => {
            let feed_title = object
                .get("title")
                .and_then(Value::as_str)
                .map(str::to_owned);
            let items = object
                .get("items")
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice);
            list(items, options.source.clone().or(feed_title))
        }
        Value::Object(object) => vec![record(
            object,
            Location::File,
            name.to_owned(),
            options.source.clone(),
        )],
        other => vec![Parsed::error(
            Location::File,
            format!(
                "expected an object or a list of objects, found {}",
                describe(other)
            ),
        )],
    }
}

/// The records of a list (`Err`: why an item did not parse), with ids `name#<n>` and
/// `source` for those that name none.
fn records_of<'v>(
    items: impl Iterator<Item = Result<&'v Value, String>>,
    name: &str,
    source: Option<String>,
    options: &Options,
) -> Vec<Parsed> {
    items
        .enumerate()
        .map(|(i, item)| {
            let location = Location::Record(i + 1);
            match item {
                Ok(Value::Object(o)) => {
                    let fallbacks = Fallbacks {
                        id: format!("{name}#{}", i + 1),
                        source: source.clone(),
                        ..Default::default()
                    };
                    Parsed {
                        location,
                        outcome: to_document(o, &options.fields, &fallbacks),
                    }
                }
                Ok(other) => Parsed::error(
                    location,
                    format!("expected an object, found {}", describe(other)),
                ),
                Err(problem) => Parsed::error(location, problem),
            }
        })
        .collect()
}

/// The elements of a top-level JSON list, each with the line and column (from 1) it starts
/// at, split at the commas outside strings, objects and lists; `None` when the text is not
/// one list whose brackets close. (An element may still be malformed: each is parsed on its
/// own.)
fn list_elements(text: &str) -> Option<Vec<((usize, usize), &str)>> {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    let open = text.len() - body.len();
    if !body.starts_with('[') {
        return None;
    }
    let mut elements = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut start = open + 1;
    for (i, c) in text[open + 1..]
        .char_indices()
        .map(|(i, c)| (open + 1 + i, c))
    {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' | '[' => depth += 1,
            '}' | ']' if depth > 0 => depth -= 1,
            ',' | ']' if depth == 0 => {
                let raw = &text[start..i];
                let element = raw.trim();
                let before = &text[..start + (raw.len() - raw.trim_start().len())];
                let line = 1 + before.matches('\n').count();
                let column = 1 + before.rsplit('\n').next().map_or(0, |l| l.chars().count());
                if !(c == ']' && element.is_empty() && elements.is_empty()) {
                    elements.push(((line, column), element));
                }
                if c == ']' {
                    return text[i + 1..].trim().is_empty().then_some(elements);
                }
                start = i + 1;
            }
            '}' => return None,
            _ => {}
        }
    }
    None
}

/// A JSON Feed (`"version": "https://jsonfeed.org/version/1.1"`).
fn is_json_feed(object: &Map<String, Value>) -> bool {
    object
        .get("version")
        .and_then(Value::as_str)
        .is_some_and(|v| v.contains("jsonfeed.org"))
}

/// Reads a JSON Lines file: one object per line; blank lines are skipped. Each line is
/// decoded and parsed on its own, so a bad line (invalid UTF-8, malformed JSON) is one
/// problem among good records. Derived ids are `name#<line>`.
pub fn parse_json_lines(bytes: &[u8], name: &str, options: &Options) -> Vec<Parsed> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut out = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let number = i + 1;
        let location = Location::Line(number);
        let line = match std::str::from_utf8(line) {
            Ok(l) => l.trim(),
            Err(e) => {
                let column = String::from_utf8_lossy(&line[..e.valid_up_to()])
                    .chars()
                    .count()
                    + 1;
                out.push(Parsed::error(
                    location,
                    format!("invalid UTF-8 at column {column}: save the file as UTF-8"),
                ));
                continue;
            }
        };
        if line.is_empty() {
            continue;
        }
        let parsed = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(object)) => Parsed {
                location,
                outcome: to_document(
                    &object,
                    &options.fields,
                    &Fallbacks {
                        id: format!("{name}#{number}"),
                        source: options.source.clone(),
                        ..Default::default()
                    },
                ),
            },
            Ok(other) => Parsed::error(
                location,
                format!("expected an object, found {}", describe(&other)),
            ),
            Err(e) => Parsed::error(
                location,
                format!("malformed JSON at column {}: {}", e.column(), message(&e)),
            ),
        };
        out.push(parsed);
    }
    out
}

/// serde_json's message without its " at line L column C" tail (said by the caller).
fn message(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message,
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
