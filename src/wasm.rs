//! The JavaScript API: the only module that touches wasm-bindgen, js-sys and
//! serde-wasm-bindgen (for the results; the options are read with `js_sys::Reflect`). It
//! converts; all the work is done by [`crate::search`].
//!
//! ```js
//! import init, { SearchEngine } from './pkg/fahras.js';
//! await init();
//! const engine = SearchEngine.embedded();           // or new SearchEngine(bytes)
//! const results = engine.search('تيليجرام', { limit: 10 });
//! ```
//! Every failure reaches JavaScript as an `Error` whose message starts with `fahras:` and
//! says what to do; nothing here panics.

use crate::error::Error;
use crate::index::{format::FORMAT_VERSION, Index};
use crate::search::{Filter, SearchOptions, Searcher, Sort};
use serde::Serialize;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The seed corpus index, built by `scripts/build-wasm.sh` (empty when built otherwise).
static EMBEDDED_INDEX: &[u8] = include_bytes!(env!("FAHRAS_EMBEDDED_INDEX_PATH"));

fn js_error(e: Error) -> JsError {
    JsError::new(&e.to_string())
}

fn invalid(message: String) -> Error {
    Error::InvalidOptions(message)
}

/// Reads the options of `SearchEngine.search`: `undefined`, `null` or an object of the names
/// in [`JS_OPTION_NAMES`], a `null` or `undefined` option being left out. Read with `Reflect`
/// rather than deserialized by serde, so that a mistake is told in the terms of the JS API
/// (and the wasm carries neither a deserializer nor the float formatting of its messages).
fn search_options(options: &JsValue) -> Result<SearchOptions, Error> {
    let mut out = SearchOptions::default();
    if is_nullish(options) {
        return Ok(out);
    }
    let Some(object) = options.dyn_ref::<js_sys::Object>() else {
        return Err(invalid(
            "options must be an object such as { limit: 10 }".into(),
        ));
    };
    check_option_names(object)?;
    let get = |name: &str| -> Result<Option<JsValue>, Error> {
        let value = js_sys::Reflect::get(object, &JsValue::from_str(name))
            .map_err(|_| invalid(format!("the option {name} could not be read")))?;
        Ok((!is_nullish(&value)).then_some(value))
    };
    if let Some(value) = get("limit")? {
        out.limit = count(&value, "limit")?;
    }
    if let Some(value) = get("offset")? {
        out.offset = count(&value, "offset")?;
    }
    // `{ facet: [values…] }`: any of the values, every facet; `exclude`: documents with these
    // values are left out.
    let mut filters: BTreeMap<String, Filter> = BTreeMap::new();
    for (name, exclude) in [("filters", false), ("exclude", true)] {
        let Some(value) = get(name)? else { continue };
        for (facet, values) in facet_values(&value, name)? {
            let filter = filters.entry(facet.clone()).or_insert_with(|| Filter {
                facet,
                ..Default::default()
            });
            if exclude {
                filter.none_of = values;
            } else {
                filter.any_of = values;
            }
        }
    }
    out.filters = filters.into_values().collect();
    out.date_from = get("dateFrom")?
        .map(|v| string(&v, "dateFrom"))
        .transpose()?;
    out.date_to = get("dateTo")?.map(|v| string(&v, "dateTo")).transpose()?;
    if let Some(value) = get("sort")? {
        out.sort = Sort::parse(&string(&value, "sort")?)?;
    }
    // Facets to count (`["*"]` = all), and the most values of each to return.
    if let Some(value) = get("facets")? {
        out.facets = strings(&value, "facets")?;
    }
    if let Some(value) = get("facetLimit")? {
        out.facet_limit = Some(count(&value, "facetLimit")?);
    }
    Ok(out)
}

fn is_nullish(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// What a JavaScript value is, for messages ("a string", "an array"…).
fn kind(value: &JsValue) -> &'static str {
    if value.is_undefined() {
        "undefined"
    } else if value.is_null() {
        "null"
    } else if value.is_string() {
        "a string"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if js_sys::Array::is_array(value) {
        "an array"
    } else if value.is_function() {
        "a function"
    } else if value.is_object() {
        "an object"
    } else if value.is_bigint() {
        "a BigInt"
    } else {
        "a symbol"
    }
}

/// `limit` or `offset`: a whole number that fits a `u32`.
fn count(value: &JsValue, name: &str) -> Result<usize, Error> {
    match value.as_f64() {
        Some(v) if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v <= u32::MAX as f64 => {
            Ok(v as usize)
        }
        Some(_) => Err(invalid(format!(
            "{name} must be a whole number from 0 to 4294967295"
        ))),
        None => Err(invalid(format!(
            "{name} must be a whole number from 0 to 4294967295, not {}",
            kind(value)
        ))),
    }
}

fn string(value: &JsValue, name: &str) -> Result<String, Error> {
    value
        .as_string()
        .ok_or_else(|| invalid(format!("{name} must be a string, not {}", kind(value))))
}

/// The items of an array or of another iterable object (a `Set`, a `Map`), or `None`.
fn items(value: &JsValue) -> Option<Vec<JsValue>> {
    if !value.is_object() {
        return None;
    }
    js_sys::try_iter(value)
        .ok()??
        .collect::<Result<_, _>>()
        .ok()
}

/// An array (or another iterable) of strings.
fn strings(value: &JsValue, name: &str) -> Result<Vec<String>, Error> {
    let items = items(value).ok_or_else(|| {
        invalid(format!(
            "{name} must be an array of strings, not {}",
            kind(value)
        ))
    })?;
    items
        .iter()
        .map(|item| {
            item.as_string().ok_or_else(|| {
                invalid(format!(
                    "{name} must be an array of strings; it holds {}",
                    kind(item)
                ))
            })
        })
        .collect()
}

/// `filters` or `exclude`: an object `{ facet: [values…] }` (or a `Map`, or an array of
/// `[facet, [values…]]` pairs).
fn facet_values(value: &JsValue, name: &str) -> Result<Vec<(String, Vec<String>)>, Error> {
    let pairs = match items(value) {
        Some(pairs) => pairs,
        None if value.is_object() => js_sys::Object::entries(value.unchecked_ref()).to_vec(),
        None => {
            return Err(invalid(format!(
                "{name} must be an object such as {{ platform: [\"tamtam\"] }}, not {}",
                kind(value)
            )))
        }
    };
    pairs
        .into_iter()
        .map(|pair| {
            // A pair is `[facet, values]`; anything else (null, a number) is a mistake to
            // report, not an object to index (that would throw inside the engine).
            let not_a_pair = || {
                invalid(format!(
                    "{name} must be an object such as {{ platform: [\"tamtam\"] }}; it holds {}",
                    kind(&pair)
                ))
            };
            if !js_sys::Array::is_array(&pair) {
                return Err(not_a_pair());
            }
            let pair: js_sys::Array = pair.clone().unchecked_into();
            let facet = pair.get(0).as_string().ok_or_else(not_a_pair)?;
            let values = strings(&pair.get(1), &format!("{name}.{facet}"))?;
            Ok((facet, values))
        })
        .collect()
}

/// What `SearchEngine.info()` returns.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Info {
    format_version: u32,
    documents: u32,
    terms: usize,
    bytes: usize,
    facets: Vec<String>,
}

/// A loaded index that can be searched. Free it with `free()` when done.
#[wasm_bindgen]
pub struct SearchEngine {
    searcher: Searcher,
}

#[wasm_bindgen]
impl SearchEngine {
    /// Loads an index from the bytes of an index file (e.g. fetched from a URL).
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: Vec<u8>) -> Result<SearchEngine, JsError> {
        // wasm-bindgen copies the Uint8Array into wasm memory once; the index keeps that copy.
        let index = Index::from_bytes(bytes).map_err(js_error)?;
        Ok(SearchEngine {
            searcher: Searcher::new(index),
        })
    }

    /// The index compiled into this build (the seed corpus).
    pub fn embedded() -> Result<SearchEngine, JsError> {
        if EMBEDDED_INDEX.is_empty() {
            return Err(js_error(Error::NoEmbeddedIndex));
        }
        SearchEngine::new(EMBEDDED_INDEX.to_vec())
    }

    /// Searches. `options` (all optional): `{ limit (1–1000, default 10), offset,
    /// filters: { facet: [values] }, exclude: { facet: [values] }, dateFrom, dateTo
    /// ("2017", "2017-11", "2017-11-23"), sort: "relevance" | "newest" | "oldest",
    /// facets: [names] or ["*"], facetLimit (the most values per facet, those with the most
    /// results; year and month always give all) }`. An empty query with filters lists the
    /// filtered archive. Returns `{ query, total, partial, excluded?, suggestion?, facets?: { name: [{
    /// value, labelAr?, labelEn?, count }] }, facetTotals?: { name: values with results },
    /// hits: [{ id, title, score, published?, author?, source?, url?,
    /// titleHighlights, snippet: { text, highlights } }] }`, highlight ranges being
    /// `[start, end)` UTF-16 offsets.
    pub fn search(&self, query: &str, options: JsValue) -> Result<JsValue, JsError> {
        let options = search_options(&options).map_err(js_error)?;
        let results = self.searcher.search(query, &options).map_err(js_error)?;
        to_js(&results)
    }

    /// `{ formatVersion, documents, terms, bytes, facets }` of the loaded index.
    pub fn info(&self) -> Result<JsValue, JsError> {
        let index = self.searcher.index();
        to_js(&Info {
            format_version: FORMAT_VERSION,
            documents: index.document_count(),
            terms: index.term_count(),
            bytes: index.byte_len(),
            facets: index.facets().iter().map(|f| f.name.clone()).collect(),
        })
    }
}

/// Refuses option names `search` does not know (a typo such as `limt` would otherwise be
/// silently ignored).
fn check_option_names(object: &js_sys::Object) -> Result<(), Error> {
    for key in js_sys::Object::keys(object).iter() {
        let name = key.as_string().unwrap_or_default();
        if !JS_OPTION_NAMES.contains(&name.as_str()) {
            // Not `{name:?}`: the small build formats `Debug` as nothing.
            return Err(invalid(format!(
                "unknown option \"{name}\"; the options are {}",
                JS_OPTION_NAMES.join(", ")
            )));
        }
    }
    Ok(())
}

/// The option names `search` accepts.
const JS_OPTION_NAMES: &[&str] = &[
    "limit",
    "offset",
    "filters",
    "exclude",
    "dateFrom",
    "dateTo",
    "sort",
    "facets",
    "facetLimit",
];

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            JsError::new(&format!(
                "fahras: could not convert the result for JavaScript: {e}"
            ))
        })
}
