//! The one error type of the crate. Every message says what went wrong and what to do; the
//! wasm boundary turns it into a JavaScript `Error` with the same message.

use std::fmt;

/// Everything that can go wrong in fahras.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The bytes do not start with the fahras magic: not an index file at all.
    NotAnIndex,
    /// The index was written in a format version this build cannot read.
    UnsupportedVersion {
        /// The version found in the file.
        found: u32,
        /// The version this build reads.
        supported: u32,
    },
    /// The index ends before a structure it announces.
    Truncated {
        /// What was being read.
        what: &'static str,
    },
    /// A checksum does not match: the file was damaged in transfer or on disk.
    ChecksumMismatch {
        /// The damaged part.
        section: &'static str,
    },
    /// The index is internally inconsistent.
    Corrupt {
        /// What is inconsistent.
        what: String,
    },
    /// This build has no index compiled in.
    NoEmbeddedIndex,
    /// A corpus record (a document to index) is invalid.
    InvalidDocument {
        /// Where the record comes from (file name, record number or id).
        at: String,
        /// What is wrong with it.
        problem: String,
    },
    /// Search options are invalid.
    InvalidOptions(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotAnIndex => write!(
                f,
                "fahras: this is not a fahras index (the file does not start with the FAHRASIX \
                 signature); check that the `src` URL points at an index built by `fahras build`, \
                 not at an HTML error page"
            ),
            Error::UnsupportedVersion { found, supported } => write!(
                f,
                "fahras: the index has format version {found}, but this fahras reads version \
                 {supported}; rebuild the index with the same fahras release as the widget"
            ),
            Error::Truncated { what } => write!(
                f,
                "fahras: the index is truncated ({what} is incomplete); the download was cut \
                 short or the file was damaged: fetch or rebuild it again"
            ),
            Error::ChecksumMismatch { section } => write!(
                f,
                "fahras: the index is damaged (checksum mismatch in the {section} section); \
                 rebuild it with `fahras build` and upload it again"
            ),
            Error::Corrupt { what } => write!(
                f,
                "fahras: the index is inconsistent ({what}); rebuild it with `fahras build`"
            ),
            Error::NoEmbeddedIndex => write!(
                f,
                "fahras: this build has no embedded index; build the wasm with \
                 scripts/build-wasm.sh, or give the element a `src` index URL"
            ),
            Error::InvalidDocument { at, problem } => write!(f, "fahras: {at}: {problem}"),
            Error::InvalidOptions(message) => {
                write!(f, "fahras: invalid search options: {message}")
            }
        }
    }
}

impl std::error::Error for Error {}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
