//! # fahras (فهرس)
//!
//! Arabic-first search for news archives, running entirely in the reader's browser.
//!
//! - [`text`]: how Arabic text becomes terms (normalization, tokens, stems, variant keys);
//! - [`index`]: building an index from [`Document`]s and reading it back
//!   (the file format is specified in [`index::format`]);
//! - [`search`]: queries, BM25F ranking, snippets;
//! - `wasm` (only on `wasm32`): the JavaScript API, the one module that touches
//!   wasm-bindgen.
//!
//! ```
//! use fahras::{Document, IndexBuilder, Index, Searcher, SearchOptions};
//! let mut builder = IndexBuilder::new();
//! builder.add(Document {
//!     id: "a".into(),
//!     title: "داعش يهرب إلى تطبيقات جديدة".into(),
//!     body: vec!["تطبيق «التيليجرام» يحذف الحسابات".into()],
//!     ..Default::default()
//! }).unwrap();
//! let searcher = Searcher::new(Index::from_bytes(builder.finish()).unwrap());
//! let results = searcher.search("تيليجرام", &SearchOptions::default()).unwrap();
//! assert_eq!(results.hits[0].id, "a");
//! ```
#![deny(missing_docs)]

#[cfg(not(target_arch = "wasm32"))]
pub mod corpus;
pub mod dates;
pub mod document;
pub mod entities;
pub mod error;
pub mod index;
pub mod search;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

#[cfg(not(target_arch = "wasm32"))]
pub mod config;
#[cfg(not(target_arch = "wasm32"))]
pub mod ingest;

pub use document::Document;
pub use error::{Error, Result};
pub use index::{Index, IndexBuilder};
pub use search::{Hit, SearchOptions, SearchResults, Searcher};
