//! From input files to index bytes, with every problem found on the way: the part of
//! `fahras build` that does not touch the terminal or the output folder.

use super::{read_file, InputFile, Location, Options, Outcome};
use crate::error::Error;
use crate::index::IndexBuilder;
use std::collections::HashMap;
use std::path::PathBuf;

/// Something wrong with a record (or a whole file), which was therefore not indexed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, as found from the inputs.
    pub file: PathBuf,
    /// Where in the file.
    pub location: Location,
    /// What is wrong.
    pub message: String,
}

/// A record left out on purpose: a draft, a page marked `data-fahras-ignore`, an XML file
/// that is not a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file.
    pub file: PathBuf,
    /// Where in the file.
    pub location: Location,
    /// Why.
    pub reason: String,
}

/// Where [`build_index`] is, for a progress display.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    /// Files finished.
    pub files_done: usize,
    /// The file being read.
    pub file: &'a InputFile,
    /// Documents indexed so far.
    pub documents: usize,
}

/// What [`build_index`] produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// The index (also when some records had problems).
    pub index: Vec<u8>,
    /// Documents in the index.
    pub documents: usize,
    /// Files read.
    pub files: usize,
    /// Records not indexed because something is wrong with them, in input order.
    pub problems: Vec<Problem>,
    /// Records left out on purpose.
    pub skipped: Vec<Skipped>,
}

/// Reads `files` and indexes their documents with `builder` (its fields, weights and
/// extractors: see [`Config::index_builder`](crate::config::Config::index_builder)). Records with problems
/// (unreadable, malformed, invalid, a duplicate id) are left out and listed; the caller
/// decides whether that fails the build. `progress` is called before each file and after
/// each document.
pub fn build_index(
    files: &[InputFile],
    options: &Options,
    mut builder: IndexBuilder,
    mut progress: impl FnMut(Progress<'_>),
) -> Built {
    let mut problems = Vec::new();
    let mut skipped = Vec::new();
    // id → where it was first seen.
    let mut seen: HashMap<String, (PathBuf, Location)> = HashMap::new();
    for (i, file) in files.iter().enumerate() {
        let report = |documents| Progress {
            files_done: i,
            file,
            documents,
        };
        progress(report(builder.len()));
        for parsed in read_file(file, options) {
            let problem = |message: String| Problem {
                file: file.path.clone(),
                location: parsed.location,
                message,
            };
            let doc = match parsed.outcome {
                Err(message) => {
                    problems.push(problem(message));
                    continue;
                }
                Ok(Outcome::Skipped(reason)) => {
                    skipped.push(Skipped {
                        file: file.path.clone(),
                        location: parsed.location,
                        reason,
                    });
                    continue;
                }
                Ok(Outcome::Document(doc)) => *doc,
            };
            if let Some((first_file, first_location)) = seen.get(&doc.id) {
                let at = match first_location {
                    Location::File => first_file.display().to_string(),
                    l => format!("{} {l}", first_file.display()),
                };
                problems.push(problem(format!(
                    "duplicate id {:?}: already used by {at}; ids must be unique",
                    doc.id
                )));
                continue;
            }
            let id = doc.id.clone();
            match builder.add(doc) {
                Ok(()) => {
                    seen.insert(id, (file.path.clone(), parsed.location));
                    progress(report(builder.len()));
                }
                Err(Error::InvalidDocument {
                    problem: message, ..
                }) => problems.push(problem(message)),
                Err(other) => problems.push(problem(other.to_string())),
            }
        }
    }
    let documents = builder.len();
    Built {
        index: builder.finish(),
        documents,
        files: files.len(),
        problems,
        skipped,
    }
}
