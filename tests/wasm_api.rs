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

/// `{ name: value }` as a JavaScript object.
fn option(name: &str, value: &JsValue) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &name.into(), value).unwrap();
    o.into()
}

/// A JavaScript array of strings.
fn strings(values: &[&str]) -> JsValue {
    values
        .iter()
        .map(|v| JsValue::from_str(v))
        .collect::<Array>()
        .into()
}

#[wasm_bindgen_test]
fn options_of_the_wrong_type_say_what_was_expected() {
    let engine = SearchEngine::embedded().unwrap();
    let error = |name: &str, value: JsValue| {
        let msg = message(
            engine
                .search("داعش", option(name, &value))
                .err()
                .unwrap_or_else(|| panic!("{name} refused")),
        );
        assert!(msg.starts_with("fahras: "), "{msg}");
        msg
    };
    let msg = error("limit", "10".into());
    assert!(
        msg.contains("limit must be a whole number") && msg.contains("not a string"),
        "{msg}"
    );
    let msg = error("offset", true.into());
    assert!(
        msg.contains("offset must be a whole number") && msg.contains("not a boolean"),
        "{msg}"
    );
    let msg = error("offset", (-1.0).into());
    assert!(msg.contains("offset must be a whole number"), "{msg}");
    let msg = error("filters", 3.into());
    assert!(
        msg.contains("filters must be an object such as { platform: [\"tamtam\"] }")
            && msg.contains("not a number"),
        "{msg}"
    );
    // An array of pairs holding something else than a pair: an error, and the engine
    // still works after it.
    for item in [JsValue::NULL, 7.into(), "platform".into()] {
        let msg = error("filters", Array::of1(&item).into());
        assert!(
            msg.contains("filters must be an object such as") && msg.contains("it holds"),
            "{msg}"
        );
    }
    assert!(engine.search("داعش", JsValue::UNDEFINED).is_ok());
    let msg = error("exclude", "platform".into());
    assert!(
        msg.contains("exclude must be an object") && msg.contains("not a string"),
        "{msg}"
    );
    let msg = error("filters", option("platform", &"tamtam".into()));
    assert!(
        msg.contains("filters.platform must be an array of strings, not a string"),
        "{msg}"
    );
    let msg = error("filters", option("platform", &Array::of1(&3.into()).into()));
    assert!(
        msg.contains("filters.platform must be an array of strings; it holds a number"),
        "{msg}"
    );
    let msg = error("facets", "x".into());
    assert!(
        msg.contains("facets must be an array of strings, not a string"),
        "{msg}"
    );
    let msg = error("facets", Object::new().into());
    assert!(msg.contains("not an object"), "{msg}");
    let msg = error("facets", Array::of1(&JsValue::NULL).into());
    assert!(
        msg.contains("facets must be an array of strings; it holds null"),
        "{msg}"
    );
    let msg = error("sort", 1.into());
    assert!(msg.contains("sort must be a string, not a number"), "{msg}");
    let msg = error("dateFrom", 2017.into());
    assert!(
        msg.contains("dateFrom must be a string, not a number"),
        "{msg}"
    );
    let msg = error("dateTo", Array::new().into());
    assert!(
        msg.contains("dateTo must be a string, not an array"),
        "{msg}"
    );
    // The unknown name is quoted, and the known ones listed.
    let msg = error("limt", 10.into());
    assert!(
        msg.contains("unknown option \"limt\"") && msg.contains("limit, offset, filters"),
        "{msg}"
    );
}

#[wasm_bindgen_test]
fn options_that_are_null_or_undefined_are_left_out() {
    let engine = SearchEngine::embedded().unwrap();
    let plain = js_sys::JSON::stringify(&engine.search("داعش", JsValue::NULL).unwrap()).unwrap();
    for name in [
        "limit",
        "offset",
        "filters",
        "exclude",
        "dateFrom",
        "dateTo",
        "sort",
        "facets",
        "facetLimit",
    ] {
        for value in [JsValue::NULL, JsValue::UNDEFINED] {
            let got =
                js_sys::JSON::stringify(&engine.search("داعش", option(name, &value)).unwrap())
                    .unwrap();
            assert_eq!(String::from(&got), String::from(&plain), "{name}");
        }
    }
}

#[wasm_bindgen_test]
fn filters_and_facets_are_read_from_objects_maps_and_arrays() {
    let engine = SearchEngine::embedded().unwrap();
    let total = |options: JsValue| get(&engine.search("", options).unwrap(), "total").as_f64();
    let all = get(&engine.info().unwrap(), "documents").as_f64().unwrap();
    let platforms = get(
        &get(
            &engine
                .search("", option("facets", &strings(&["platform"])))
                .unwrap(),
            "facets",
        ),
        "platform",
    )
    .dyn_into::<Array>()
    .unwrap();
    // A platform some documents have and some do not.
    let platform = platforms
        .iter()
        .find(|p| get(p, "count").as_f64() < Some(all))
        .unwrap();
    let value = get(&platform, "value").as_string().unwrap();
    let count = get(&platform, "count").as_f64();
    let values = strings(&[&value]);
    let object = option("platform", &values);
    assert_eq!(total(option("filters", &object)), count);
    // The same filter as a Map and as an array of pairs.
    let map = js_sys::Map::new();
    map.set(&"platform".into(), &values);
    assert_eq!(total(option("filters", &map.into())), count);
    let pairs = Array::of1(&Array::of2(&"platform".into(), &values));
    assert_eq!(total(option("filters", &pairs.into())), count);
    // Excluding it leaves the rest; facets from a Set.
    assert_eq!(
        total(option("exclude", &object)),
        Some(all - count.unwrap())
    );
    let set = js_sys::Set::new(&strings(&["platform"]));
    let counted = engine.search("", option("facets", &set.into())).unwrap();
    assert!(Array::is_array(&get(&get(&counted, "facets"), "platform")));
}

#[wasm_bindgen_test]
fn a_facet_limit_cuts_each_facet_and_the_totals_say_how_many_it_has() {
    let engine = SearchEngine::embedded().unwrap();
    let search = |limit: Option<f64>| {
        let o = option("facets", &strings(&["*"]));
        if let Some(limit) = limit {
            Reflect::set(&o, &"facetLimit".into(), &limit.into()).unwrap();
        }
        engine.search("", o).unwrap()
    };
    let all = search(None);
    let cut = search(Some(2.0));
    let facet = |r: &JsValue, name: &str| get(&get(r, "facets"), name).dyn_into::<Array>().unwrap();
    let platforms = facet(&all, "platform").length();
    assert!(platforms > 2, "{platforms} platforms in the seeds");
    assert_eq!(facet(&cut, "platform").length(), 2);
    for r in [&all, &cut] {
        assert_eq!(
            get(&get(r, "facetTotals"), "platform").as_f64(),
            Some(f64::from(platforms))
        );
    }
    // The two kept are the two with the most results.
    let first = |r: &JsValue| js_sys::JSON::stringify(&facet(r, "platform").slice(0, 2)).unwrap();
    assert_eq!(String::from(first(&cut)), String::from(first(&all)));
    let bad = option("facetLimit", &(-1).into());
    let msg = message(engine.search("", bad).err().unwrap());
    assert!(msg.contains("facetLimit must be a whole number"), "{msg}");
}

#[wasm_bindgen_test]
fn an_unknown_facet_is_named_in_the_message() {
    let engine = SearchEngine::embedded().unwrap();
    let err = engine
        .search("", option("facets", &strings(&["platfrom"])))
        .err()
        .unwrap();
    let msg = message(err);
    assert!(msg.contains("unknown facet \"platfrom\""), "{msg}");
    let filters = option("platfrom", &strings(&["x"]));
    let msg = message(
        engine
            .search("", option("filters", &filters))
            .err()
            .unwrap(),
    );
    assert!(
        msg.contains("unknown facet \"platfrom\"; this index has: "),
        "{msg}"
    );
}
