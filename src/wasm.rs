//! The JavaScript API: the only module that touches wasm-bindgen, js-sys and
//! serde-wasm-bindgen. It converts; all the work is done by [`crate::search`].
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
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The seed corpus index, built by `scripts/build-wasm.sh` (empty when built otherwise).
static EMBEDDED_INDEX: &[u8] = include_bytes!(env!("FAHRAS_EMBEDDED_INDEX_PATH"));

fn js_error(e: Error) -> JsError {
    JsError::new(&e.to_string())
}

/// Options of `SearchEngine.search`, as a JavaScript object.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct JsSearchOptions {
    limit: Option<f64>,
    offset: Option<f64>,
    /// `{ facet: [values…] }`: any of the values, every facet.
    filters: Option<BTreeMap<String, Vec<String>>>,
    /// `{ facet: [values…] }`: documents with these values are left out.
    exclude: Option<BTreeMap<String, Vec<String>>>,
    date_from: Option<String>,
    date_to: Option<String>,
    sort: Option<String>,
    /// Facets to count (`["*"]` = all).
    facets: Option<Vec<String>>,
}

fn count(value: Option<f64>, name: &str, default: usize) -> Result<usize, Error> {
    match value {
        None => Ok(default),
        Some(v) if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v <= u32::MAX as f64 => {
            Ok(v as usize)
        }
        Some(_) => Err(Error::InvalidOptions(format!(
            "{name} must be a whole number from 0 to 4294967295"
        ))),
    }
}

/// Converts the JavaScript options to the core's.
fn search_options(js: JsSearchOptions) -> Result<SearchOptions, Error> {
    let defaults = SearchOptions::default();
    let mut filters: BTreeMap<String, Filter> = BTreeMap::new();
    for (facet, values) in js.filters.unwrap_or_default() {
        filters
            .entry(facet.clone())
            .or_insert_with(|| Filter {
                facet,
                ..Default::default()
            })
            .any_of = values;
    }
    for (facet, values) in js.exclude.unwrap_or_default() {
        filters
            .entry(facet.clone())
            .or_insert_with(|| Filter {
                facet,
                ..Default::default()
            })
            .none_of = values;
    }
    Ok(SearchOptions {
        limit: count(js.limit, "limit", defaults.limit)?,
        offset: count(js.offset, "offset", defaults.offset)?,
        filters: filters.into_values().collect(),
        date_from: js.date_from,
        date_to: js.date_to,
        sort: js
            .sort
            .as_deref()
            .map(Sort::parse)
            .transpose()?
            .unwrap_or_default(),
        facets: js.facets.unwrap_or_default(),
    })
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
    /// facets: [names] or ["*"] }`. An empty query with filters lists the filtered archive.
    /// Returns `{ query, total, partial, suggestion?, facets?: { name: [{ value, labelAr?,
    /// labelEn?, count }] }, hits: [{ id, title, score, published?, author?, source?, url?,
    /// titleHighlights, snippet: { text, highlights } }] }`, highlight ranges being
    /// `[start, end)` UTF-16 offsets.
    pub fn search(&self, query: &str, options: JsValue) -> Result<JsValue, JsError> {
        let js: JsSearchOptions = if options.is_undefined() || options.is_null() {
            JsSearchOptions::default()
        } else {
            check_option_names(&options).map_err(js_error)?;
            serde_wasm_bindgen::from_value(options).map_err(|e| {
                js_error(Error::InvalidOptions(format!(
                    "{e} (expected {{ limit?, offset? }})"
                )))
            })?
        };
        let options = search_options(js).map_err(js_error)?;
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
fn check_option_names(options: &JsValue) -> Result<(), Error> {
    let Some(object) = options.dyn_ref::<js_sys::Object>() else {
        return Err(Error::InvalidOptions(
            "options must be an object such as { limit: 10 }".into(),
        ));
    };
    for key in js_sys::Object::keys(object).iter() {
        let name = key.as_string().unwrap_or_default();
        if !JS_OPTION_NAMES.contains(&name.as_str()) {
            return Err(Error::InvalidOptions(format!(
                "unknown option {name:?}; the options are {}",
                JS_OPTION_NAMES.join(", ")
            )));
        }
    }
    Ok(())
}

/// The option names `search` accepts.
const JS_OPTION_NAMES: &[&str] = &[
    "limit", "offset", "filters", "exclude", "dateFrom", "dateTo", "sort", "facets",
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
