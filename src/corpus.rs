//! The corpus: a folder of JSON document records (`corpus/*.json`, one document per file,
//! described in `corpus/README.md`), read in file-name order.

use crate::document::Document;
use crate::error::{Error, Result};
use crate::index::IndexBuilder;
use std::path::Path;

/// Reads every `*.json` file of `dir` as a [`Document`], in file-name order.
pub fn read_dir(dir: &Path) -> Result<Vec<Document>> {
    let unreadable = |at: &Path, e: std::io::Error| Error::InvalidDocument {
        at: at.display().to_string(),
        problem: format!("cannot be read: {e}"),
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| unreadable(dir, e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(Error::InvalidDocument {
            at: dir.display().to_string(),
            problem: "has no .json document records".into(),
        });
    }
    paths
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).map_err(|e| unreadable(path, e))?;
            let text = String::from_utf8(bytes).map_err(|e| Error::InvalidDocument {
                at: path.display().to_string(),
                problem: format!("is not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
            })?;
            Document::from_json(&text, &path.display().to_string())
        })
        .collect()
}

/// Builds the index of a corpus folder, with the default entity and date extractors.
pub fn build_dir(dir: &Path) -> Result<Vec<u8>> {
    let mut builder = IndexBuilder::new().with_default_extractors();
    for doc in read_dir(dir)? {
        builder.add(doc)?;
    }
    Ok(builder.finish())
}
