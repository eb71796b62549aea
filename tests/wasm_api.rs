//! The JavaScript API in headless Chromium (`wasm-bindgen-test`): what a page gets from
//! `SearchEngine`, including the errors it sees for bad input.
#![cfg(target_arch = "wasm32")]

use fahras::wasm::SearchEngine;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn options(limit: f64) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"limit".into(), &limit.into()).unwrap();
    o.into()
}

fn message(err: wasm_bindgen::JsError) -> String {
    let value: JsValue = err.into();
    value.dyn_into::<js_sys::Error>().unwrap().message().into()
}

#[wasm_bindgen_test]
fn the_embedded_seed_corpus_is_searchable_from_javascript() {
    let engine = SearchEngine::embedded().expect("built with FAHRAS_EMBEDDED_INDEX");
    let results = engine.search("تيليجرام", options(10.0)).unwrap();
    let hits: Array = get(&results, "hits").dyn_into().unwrap();
    assert!(hits.length() >= 2);
    assert!(get(&results, "total").as_f64().unwrap() >= 2.0);
    assert_eq!(get(&results, "partial").as_bool(), Some(false));
    let first = hits.get(0);
    assert!(get(&first, "title").as_string().is_some());
    let snippet = get(&first, "snippet");
    let text = get(&snippet, "text").as_string().unwrap();
    let highlights: Array = get(&snippet, "highlights").dyn_into().unwrap();
    assert!(highlights.length() > 0);
    // Ranges are UTF-16 offsets: slicing the JS string gives the marked word.
    let range: Array = highlights.get(0).dyn_into().unwrap();
    let (a, b) = (
        range.get(0).as_f64().unwrap() as u32,
        range.get(1).as_f64().unwrap() as u32,
    );
    let marked: String = js_sys::JsString::from(text).slice(a, b).into();
    assert!(marked.contains("جرام"), "{marked}");
}

#[wasm_bindgen_test]
fn info_describes_the_loaded_index() {
    let engine = SearchEngine::embedded().unwrap();
    let info = engine.info().unwrap();
    assert_eq!(
        get(&info, "formatVersion").as_f64(),
        Some(f64::from(fahras::index::format::FORMAT_VERSION))
    );
    assert_eq!(get(&info, "documents").as_f64(), Some(5.0));
    assert!(get(&info, "terms").as_f64().unwrap() > 100.0);
}

#[wasm_bindgen_test]
fn an_index_from_bytes_works_like_the_embedded_one() {
    let embedded = SearchEngine::embedded().unwrap();
    let bytes = fahras_seed_bytes();
    let loaded = SearchEngine::new(bytes.clone()).unwrap();
    let a = js_sys::JSON::stringify(&embedded.search("داعش", JsValue::UNDEFINED).unwrap()).unwrap();
    let b = js_sys::JSON::stringify(&loaded.search("داعش", JsValue::UNDEFINED).unwrap()).unwrap();
    assert_eq!(String::from(a), String::from(b));
}

/// The embedded index's own bytes, fetched back through the JS API's constructor input type.
fn fahras_seed_bytes() -> Vec<u8> {
    static BYTES: &[u8] = include_bytes!(env!("FAHRAS_EMBEDDED_INDEX_PATH"));
    Uint8Array::from(BYTES).to_vec()
}

#[wasm_bindgen_test]
fn bad_bytes_reach_javascript_as_an_error_that_says_what_to_do() {
    let err = SearchEngine::new(b"<!doctype html>".to_vec())
        .err()
        .expect("not an index");
    assert!(message(err).contains("not a fahras index"));
    let mut bytes = fahras_seed_bytes();
    bytes[8] = 99;
    let msg = message(SearchEngine::new(bytes.clone()).err().unwrap());
    assert!(
        msg.contains("version 99") && msg.contains("rebuild"),
        "{msg}"
    );
    let mut bytes = fahras_seed_bytes();
    let last = bytes.len() - 10;
    bytes[last] ^= 1;
    assert!(message(SearchEngine::new(bytes.clone()).err().unwrap()).contains("damaged"));
}

#[wasm_bindgen_test]
fn bad_options_are_errors_not_panics() {
    let engine = SearchEngine::embedded().unwrap();
    assert!(message(engine.search("داعش", options(0.0)).err().unwrap()).contains("limit"));
    assert!(message(engine.search("داعش", options(1.5)).err().unwrap()).contains("whole number"));
    let o = Object::new();
    Reflect::set(&o, &"colour".into(), &"red".into()).unwrap();
    let msg = message(
        engine
            .search("داعش", o.into())
            .err()
            .expect("unknown option refused"),
    );
    assert!(msg.contains("colour"), "{msg}");
    assert!(engine
        .search("داعش", JsValue::from_str("nonsense"))
        .is_err());
}
