//! Ingest: a site's own articles, in the formats a publishing pipeline already has, read
//! into [`Document`](crate::Document)s for `fahras build`. Native only (not in the wasm).
//!
//! | format | files | one record is |
//! |---|---|---|
//! | JSON Lines | `.jsonl`, `.ndjson` | a line holding an object |
//! | JSON | `.json` | the object, each object of a top-level list, or each item of a JSON Feed |
//! | Markdown | `.md`, `.markdown` | the file: YAML (`---`), TOML (`+++`) or JSON front matter, Markdown body |
//! | HTML | `.html`, `.htm` | the page (see [`html`] for what is read from where) |
//! | RSS 2.0 / RSS 1.0 / Atom | `.xml`, `.rss`, `.atom`, or sniffed | an `<item>` / `<entry>` |
//!
//! Keys of JSON and front-matter records are mapped to document fields by a [`FieldMap`]
//! (`[fields]` in `fahras.toml`). Dates become ISO 8601 ([`date::normalize_date`]). A record
//! without an id gets its URL, else one derived from its file (`posts/a` for `posts/a.md`,
//! `articles.jsonl#12`), stable from one build to the next.
//!
//! Nothing here fails on bad input: every record comes back as a [`Parsed`] holding either
//! an [`Outcome`] or a message saying what is wrong, and where ([`Location`]).

pub mod date;
pub mod feed;
pub mod html;
pub mod json;
pub mod markdown;
pub mod output;
pub mod pipeline;
pub mod record;

pub use record::{Fallbacks, Field, FieldMap, Outcome};

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line.
    JsonLines,
    /// A JSON object, a list of objects, or a JSON Feed.
    Json,
    /// Markdown with front matter.
    Markdown,
    /// An HTML page.
    Html,
    /// An RSS or Atom feed.
    Feed,
}

impl Format {
    /// The format a file name's extension stands for.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "jsonl" | "ndjson" => Format::JsonLines,
            "json" => Format::Json,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "xml" | "rss" | "atom" => Format::Feed,
            _ => return None,
        })
    }

    /// The format the first bytes of a file look like, for a file named on the command line
    /// with an unknown extension.
    pub fn sniff(bytes: &[u8]) -> Option<Format> {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
        let head = head.trim_start_matches('\u{feff}').trim_start();
        if head.starts_with("<?xml") || head.starts_with("<rss") || head.starts_with("<feed") {
            Some(Format::Feed)
        } else if head.starts_with("<!doctype html") || head.starts_with("<html") {
            Some(Format::Html)
        } else if head.starts_with('[') {
            Some(Format::Json)
        } else if head.starts_with('{') {
            // One object per line, or one (possibly pretty-printed) document.
            let first_line = head.lines().next().unwrap_or("");
            if first_line.trim_end().ends_with('}') && head.lines().nth(1).is_some() {
                Some(Format::JsonLines)
            } else {
                Some(Format::Json)
            }
        } else if head.starts_with("---\n")
            || head.starts_with("+++\n")
            || head.starts_with("---\r\n")
        {
            Some(Format::Markdown)
        } else {
            None
        }
    }

    /// A short name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::JsonLines => "JSON Lines",
            Format::Json => "JSON",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Feed => "RSS/Atom",
        }
    }
}

/// Where in a file a record (or a problem) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Location {
    /// The file as a whole (a one-record file, or a problem with the whole file).
    File,
    /// A line (JSON Lines).
    Line(usize),
    /// The n-th record of a JSON list (from 1).
    Record(usize),
    /// The n-th item of a feed (from 1), and the line it starts on.
    Item {
        /// Its number among the feed's items.
        number: usize,
        /// The line it starts on.
        line: usize,
    },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File => Ok(()),
            Location::Line(n) => write!(f, "line {n}"),
            Location::Record(n) => write!(f, "record {n}"),
            Location::Item { number, line } => write!(f, "item {number} (line {line})"),
        }
    }
}

/// One record read from a file, or a problem found there.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// Where it is in the file.
    pub location: Location,
    /// The document (or why it was skipped), or what is wrong.
    pub outcome: Result<Outcome, String>,
}

impl Parsed {
    fn error(location: Location, message: impl Into<String>) -> Parsed {
        Parsed {
            location,
            outcome: Err(message.into()),
        }
    }
}

/// How records are read (from `fahras.toml`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Which keys hold which fields in JSON and front-matter records.
    pub fields: FieldMap,
    /// The source of documents that name none (`[input] source`).
    pub source: Option<String>,
    /// The site's address, for HTML pages that state no URL: `site_url` + the page's path
    /// under its input folder (`[input] site_url`).
    pub site_url: Option<String>,
}

/// A file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// Where it is.
    pub path: PathBuf,
    /// Its path under the input folder it was found in (its file name when named directly),
    /// with `/` separators: the base of derived ids and URLs.
    pub name: String,
    /// How to read it.
    pub format: Format,
    /// Named on the command line (rather than found in a folder): an XML file that is not a
    /// feed is then a problem, not quietly passed over.
    pub explicit: bool,
}

/// Lists the files to read under `inputs` (files, or folders searched recursively in name
/// order). In folders, files with other extensions, hidden files and folders, output
/// folders of `fahras build`, and `README.md` / Hugo's `_index.md` (not articles) are
/// passed over. A file named directly
/// with an unknown extension is sniffed.
///
/// Fails on an input that does not exist or cannot be read, or a directly named file whose
/// format cannot be told.
pub fn discover(inputs: &[PathBuf]) -> Result<Vec<InputFile>, String> {
    discover_all(inputs).map(|found| found.files)
}

/// What [`discover_all`] found.
#[derive(Debug, Clone, Default)]
pub struct Discovered {
    /// The files to read.
    pub files: Vec<InputFile>,
    /// The files of the folders passed over for their extension (`notes.txt`), by path: not
    /// hidden files, output folders or README/_index.md, which are never articles.
    pub other_files: Vec<PathBuf>,
}

/// [`discover`], and the files of the folders passed over for their extension (so that a
/// build can say it left `notes.txt` out).
pub fn discover_all(inputs: &[PathBuf]) -> Result<Discovered, String> {
    let mut files = Vec::new();
    let mut other_files = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| {
            format!(
                "{}: cannot read this input: {}",
                input.display(),
                io_reason(&e)
            )
        })?;
        if meta.is_file() {
            let format = match Format::from_path(input) {
                Some(f) => f,
                None => {
                    let bytes = std::fs::read(input).map_err(|e| {
                        format!("{}: cannot be read: {}", input.display(), io_reason(&e))
                    })?;
                    Format::sniff(&bytes).ok_or_else(|| {
                        format!(
                            "{}: unknown file type: give it one of the extensions .jsonl, \
                             .ndjson, .json, .md, .html, .htm, .xml, .rss, .atom",
                            input.display()
                        )
                    })?
                }
            };
            let name = input.file_name().map_or_else(
                || input.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            files.push(InputFile {
                path: input.clone(),
                name,
                format,
                explicit: true,
            });
            continue;
        }
        let walker = walkdir::WalkDir::new(input)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                // Hidden files and folders, and a previous output of `fahras build` (an
                // output folder may well sit inside the site it indexes).
                e.depth() == 0
                    || !(e.file_name().to_string_lossy().starts_with('.')
                        || (e.file_type().is_dir() && e.path().join(output::MANIFEST).is_file()))
            });
        for entry in walker {
            let entry = entry.map_err(|e| {
                let at = e
                    .path()
                    .map_or_else(|| input.display().to_string(), |p| p.display().to_string());
                format!(
                    "{at}: cannot be read: {}",
                    e.io_error().map_or_else(|| e.to_string(), io_reason)
                )
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let file_name = entry.file_name().to_string_lossy().to_ascii_lowercase();
            if file_name.starts_with("readme") || file_name == "_index.md" {
                continue;
            }
            let Some(format) = Format::from_path(entry.path()) else {
                other_files.push(entry.into_path());
                continue;
            };
            let relative = entry.path().strip_prefix(input).unwrap_or(entry.path());
            let name = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            files.push(InputFile {
                path: entry.into_path(),
                name,
                format,
                explicit: false,
            });
        }
    }
    Ok(Discovered { files, other_files })
}

/// An I/O error as a short reason ("no such file or directory").
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Reads one file's records. Never fails: problems come back as [`Parsed`] errors (a
/// problem with the whole file at [`Location::File`]).
pub fn read_file(file: &InputFile, options: &Options) -> Vec<Parsed> {
    match std::fs::read(&file.path) {
        Ok(bytes) => parse_bytes(&bytes, file, options),
        Err(e) => vec![Parsed::error(
            Location::File,
            format!("cannot be read: {}", io_reason(&e)),
        )],
    }
}

/// Reads the records of a file's bytes (see [`read_file`]).
pub fn parse_bytes(bytes: &[u8], file: &InputFile, options: &Options) -> Vec<Parsed> {
    match file.format {
        // Decoded line by line: invalid UTF-8 spoils one line, not the file.
        Format::JsonLines => json::parse_json_lines(bytes, &file.name, options),
        format => match decode(bytes, format) {
            Ok(text) => parse_text(&text, file, options),
            Err(e) => vec![Parsed::error(Location::File, e)],
        },
    }
}

/// Reads the records of a file's decoded text.
fn parse_text(text: &str, file: &InputFile, options: &Options) -> Vec<Parsed> {
    let fallbacks = Fallbacks {
        id: file.name.clone(),
        source: options.source.clone(),
        ..Default::default()
    };
    match file.format {
        Format::JsonLines => json::parse_json_lines(text.as_bytes(), &file.name, options),
        Format::Json => json::parse_json(text, &file.name, options),
        // A Markdown article's id, when its front matter gives none, is its path without the
        // extension (posts/a.md → posts/a), as static-site generators name its page: an
        // element's `hit-url="/{id}/"` then links to it.
        Format::Markdown => vec![Parsed {
            location: Location::File,
            outcome: markdown::parse_markdown(
                text,
                &options.fields,
                &Fallbacks {
                    id: without_extension(&file.name).to_owned(),
                    ..fallbacks
                },
            ),
        }],
        Format::Html => {
            let url = options
                .site_url
                .as_deref()
                .map(|site| page_url(site, &file.name));
            vec![Parsed {
                location: Location::File,
                outcome: html::extract(text).and_then(|article| {
                    article.into_outcome(&file.name, url, options.source.clone())
                }),
            }]
        }
        Format::Feed => match feed::parse_feed(text, &file.name, options) {
            Ok(items) => items,
            Err(feed::FeedError::NotAFeed(root)) if !file.explicit => vec![Parsed {
                location: Location::File,
                outcome: Ok(Outcome::Skipped(format!(
                    "not a feed (root element <{root}>)"
                ))),
            }],
            Err(e) => vec![Parsed::error(Location::File, e.to_string())],
        },
    }
}

/// A file name without its extension (`posts/a.md` → `posts/a`; a name without one, or
/// only one, as it is).
fn without_extension(name: &str) -> &str {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !stem.ends_with('/') && !ext.contains('/') => stem,
        _ => name,
    }
}

/// The URL of a page at `name` under a site: `index.html` stands for its folder.
fn page_url(site: &str, name: &str) -> String {
    let folder = |index: &str| {
        (name == index).then_some("").or_else(|| {
            name.strip_suffix(&format!("/{index}"))
                .map(|_| &name[..name.len() - index.len()])
        })
    };
    let path = folder("index.html")
        .or_else(|| folder("index.htm"))
        .unwrap_or(name);
    format!("{}/{}", site.trim_end_matches('/'), path)
}

/// The text of a file: UTF-8 (a BOM dropped); HTML and XML may declare another encoding
/// (`windows-1256`, `iso-8859-6`…), which is decoded.
fn decode(bytes: &[u8], format: Format) -> Result<Cow<'_, str>, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(Cow::Borrowed(text)),
        Err(e) => e,
    };
    if matches!(format, Format::Html | Format::Feed) {
        if let Some(encoding) = declared_encoding(bytes) {
            if encoding != encoding_rs::UTF_8 {
                return encoding
                    .decode_without_bom_handling_and_without_replacement(bytes)
                    .map(|t| Cow::Owned(t.into_owned()))
                    .ok_or_else(|| {
                        format!(
                            "is not valid {} (the encoding it declares)",
                            encoding.name()
                        )
                    });
            }
        }
    }
    let at = utf8_error.valid_up_to();
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let column = String::from_utf8_lossy(
        &bytes[bytes[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)..at],
    )
    .chars()
    .count()
        + 1;
    Err(format!(
        "invalid UTF-8 at line {line}, column {column} (byte {at}): save the file as UTF-8"
    ))
}

/// The encoding an HTML `<meta charset>` / `http-equiv` or an XML declaration names in the
/// first 2 KB.
fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    for marker in ["charset=", "encoding="] {
        if let Some(i) = head.find(marker) {
            let rest = head[i + marker.len()..].trim_start_matches(['"', '\'', ' ']);
            let label: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                .collect();
            if let Some(encoding) = encoding_rs::Encoding::for_label(label.as_bytes()) {
                return Some(encoding);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_formats_from_extensions_and_content() {
        assert_eq!(
            Format::from_path(Path::new("a/b.NDJSON")),
            Some(Format::JsonLines)
        );
        assert_eq!(
            Format::from_path(Path::new("feed.atom")),
            Some(Format::Feed)
        );
        assert_eq!(Format::from_path(Path::new("x.txt")), None);
        assert_eq!(
            Format::sniff(b"<?xml version=\"1.0\"?><rss>"),
            Some(Format::Feed)
        );
        assert_eq!(
            Format::sniff(b"\n<!DOCTYPE html><html>"),
            Some(Format::Html)
        );
        assert_eq!(
            Format::sniff(b"{\"a\":1}\n{\"a\":2}\n"),
            Some(Format::JsonLines)
        );
        assert_eq!(Format::sniff(b"{\n  \"a\": 1\n}\n"), Some(Format::Json));
        assert_eq!(
            Format::sniff(b"---\ntitle: x\n---\n"),
            Some(Format::Markdown)
        );
        assert_eq!(Format::sniff(b"hello"), None);
    }

    #[test]
    fn decodes_declared_arabic_encodings() {
        // "خبر" in windows-1256.
        let bytes =
            b"<html><head><meta charset=\"windows-1256\"><title>\xCE\xC8\xD1</title></head></html>";
        assert!(decode(bytes, Format::Html).unwrap().contains("خبر"));
        let err = decode(b"{\"a\":\n\"\xff\"}", Format::Json).unwrap_err();
        assert!(err.contains("invalid UTF-8 at line 2, column 2"), "{err}");
    }

    #[test]
    fn derives_page_urls_from_paths() {
        assert_eq!(
            page_url("https://x.y/", "2024/a/index.html"),
            "https://x.y/2024/a/"
        );
        assert_eq!(
            page_url("https://x.y", "about.html"),
            "https://x.y/about.html"
        );
    }
}
