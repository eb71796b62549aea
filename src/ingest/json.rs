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
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return vec![Parsed::error(
                Location::File,
                format!(
                    "malformed JSON at line {}, column {}: {}",
                    e.line(),
                    e.column(),
                    message(&e)
                ),
            )]
        }
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
        items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::Object(o) => record(
                    o,
                    Location::Record(i + 1),
                    format!("{name}#{}", i + 1),
                    source.clone(),
                ),
                other => Parsed::error(
                    Location::Record(i + 1),
                    format!("expected an object, found {}", describe(other)),
                ),
            })
            .collect()
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
