//! `fahras.toml`: how `fahras build` reads a site's articles and builds its index.
//! Native only (not in the wasm). Every key is optional; unknown keys are refused, so a
//! typo is reported rather than silently ignored. Paths are relative to the file's folder.
//!
//! ```toml
//! [build]
//! inputs = ["content/", "feeds/news.xml"]   # files or folders (used when none are given)
//! out = "public/fahras"                     # the output folder (used without --out)
//! base_url = "/fahras/"                     # where the output folder is served
//!
//! [input]
//! source = "صحيفة المثال"                    # for documents that name no source
//! site_url = "https://example.com/"         # URL of HTML pages that state none: site_url + path
//!
//! [fields]                                  # which input key holds which field (JSON, front matter)
//! title = "headline"                        # a key, a dotted path ("title.rendered"),
//! body = ["content", "text"]                # or keys tried in order
//! date = "published_at"
//!
//! [weights]                                 # BM25F weight of each searched field (body = 1)
//! title = 5.0
//! tags = 1.5
//!
//! [search]
//! facets = ["section", "tag", "year"]       # the facets to build (default: all)
//! stop_words = "stop-words.txt"             # a file (one word per line) or a list
//! taxonomy = "taxonomy.toml"                # entities added to data/taxonomy.toml's (or
//!                                           # removed from them: `remove = true`)
//! aliases = "aliases.tsv"                   # the format of data/aliases.tsv, added to it
//! plurals = "plurals.txt"                   # the format of data/plurals.txt, added to it
//! ```

use crate::dates::DateExtractor;
use crate::entities::{Taxonomy, TaxonomyExtractor};
use crate::index::{default_fields, FieldSpec, IndexBuilder};
use crate::ingest::{Field, FieldMap, Options};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file looked for in the current folder when `--config` is not given.
pub const FILE_NAME: &str = "fahras.toml";

/// The facets a `[search] facets` list may name (those of [`crate::index::facets`]).
pub const FACETS: [&str; 10] = [
    "source",
    "author",
    "section",
    "tag",
    "year",
    "month",
    "platform",
    "organisation",
    "place",
    "person",
];

/// A parsed and checked `fahras.toml`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The file it was read from (`None` for the defaults).
    pub path: Option<PathBuf>,
    /// `[build]`.
    pub build: Build,
    /// `[input]`.
    pub input: Input,
    /// `[fields]`: for each mapped field, the keys to look up, in order.
    pub fields: BTreeMap<String, Vec<String>>,
    /// `[weights]`: field name → BM25F weight.
    pub weights: BTreeMap<String, f32>,
    /// `[search]`.
    pub search: Search,
}

/// `[build]`: defaults for the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Build {
    /// Inputs used when the command line names none, resolved against the file's folder.
    #[serde(default)]
    pub inputs: Vec<PathBuf>,
    /// The output used without `--out`, resolved against the file's folder.
    pub out: Option<PathBuf>,
    /// Where the output folder is served from, for the embed snippet (`/fahras/`).
    pub base_url: Option<String>,
    /// The folder holding the widget's files (like `--assets`).
    pub assets: Option<PathBuf>,
}

/// `[input]`: defaults for records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// The source of documents that name none.
    pub source: Option<String>,
    /// The site's address, for HTML pages that state no URL.
    pub site_url: Option<String>,
}

/// `[search]`: parsed and checked; applied once the search features they configure exist.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// Fields to count results by (from [`FACETS`]).
    pub facets: Vec<String>,
    /// Extra stop words (from a list, or a file with one word per line and `#` comments).
    pub stop_words: Vec<String>,
    /// The site's taxonomy (entities for the `platform`, `organisation`, `place` and
    /// `person` facets), added to the default one ([`Taxonomy::parse`]).
    pub taxonomy: Option<PathBuf>,
    /// The cross-script aliases file, checked with
    /// [`Aliases::parse`](crate::text::aliases::Aliases::parse).
    pub aliases: Option<PathBuf>,
    /// The broken plurals file, checked with
    /// [`Plurals::extend`](crate::text::Plurals::extend).
    pub plurals: Option<PathBuf>,
}

/// The file as written, before checks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    build: Build,
    #[serde(default)]
    input: Input,
    #[serde(default)]
    fields: BTreeMap<String, OneOrMany>,
    #[serde(default)]
    weights: BTreeMap<String, f32>,
    #[serde(default)]
    search: RawSearch,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSearch {
    #[serde(default)]
    facets: Vec<String>,
    stop_words: Option<OneOrMany>,
    taxonomy: Option<PathBuf>,
    aliases: Option<PathBuf>,
    plurals: Option<PathBuf>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

impl Config {
    /// The configuration for a build: the file `explicit` (`--config`), else `fahras.toml` in
    /// the current folder if there is one, else the defaults.
    pub fn discover(explicit: Option<&Path>) -> Result<Config, String> {
        match explicit {
            Some(path) => Config::load(path),
            None if Path::new(FILE_NAME).is_file() => Config::load(Path::new(FILE_NAME)),
            None => Ok(Config::default()),
        }
    }

    /// Reads and checks a `fahras.toml`.
    pub fn load(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot be read: {e}", path.display()))?;
        let base = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Config::parse(&text, &base)
            .map(|c| Config {
                path: Some(path.to_path_buf()),
                ..c
            })
            .map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Parses and checks the text of a `fahras.toml` whose relative paths are relative to
    /// `base`.
    pub fn parse(text: &str, base: &Path) -> Result<Config, String> {
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| {
                text.as_bytes()[..s.start.min(text.len())]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1
            });
            match line {
                Some(line) => format!("line {line}: {}", e.message()),
                None => e.message().to_owned(),
            }
        })?;
        let resolve = |p: PathBuf| if p.is_absolute() { p } else { base.join(p) };

        let mut fields = BTreeMap::new();
        for (name, keys) in raw.fields {
            if Field::from_name(&name).is_none() {
                return Err(format!(
                    "[fields] has no field {name:?}; the fields are {}",
                    Field::ALL.map(Field::name).join(", ")
                ));
            }
            let keys = keys.into_vec();
            if keys.is_empty() || keys.iter().any(|k| k.trim().is_empty()) {
                return Err(format!(
                    "[fields] {name}: give the key (or keys) that hold it"
                ));
            }
            fields.insert(name, keys);
        }

        let known: Vec<String> = default_fields().into_iter().map(|f| f.name).collect();
        for (name, weight) in &raw.weights {
            if !known.contains(name) {
                return Err(format!(
                    "[weights] has no field {name:?}; the searched fields are {}",
                    known.join(", ")
                ));
            }
            if !weight.is_finite() || !(0.0..=100.0).contains(weight) {
                return Err(format!(
                    "[weights] {name} = {weight}: a weight is a number from 0 to 100 (body is 1)"
                ));
            }
        }

        let weighed = |f: &FieldSpec| raw.weights.get(&f.name).copied().unwrap_or(f.weight);
        if default_fields().iter().all(|f| weighed(f) == 0.0) {
            return Err(format!(
                "[weights]: every searched field weighs 0, so no query would find anything; \
                 give one a weight above 0 (body = 1; the fields are {})",
                known.join(", ")
            ));
        }

        for facet in &raw.search.facets {
            if !FACETS.contains(&facet.as_str()) {
                return Err(format!(
                    "[search] facets: {facet:?} cannot be a facet; choose among {}",
                    FACETS.join(", ")
                ));
            }
        }
        let stop_words = match raw.search.stop_words {
            None => Vec::new(),
            Some(OneOrMany::Many(words)) => words,
            Some(OneOrMany::One(file)) => {
                let path = resolve(PathBuf::from(file));
                let text = read_text(&path, "[search] stop_words")?;
                text.lines()
                    .map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
                    .filter(|l| !l.is_empty())
                    .collect()
            }
        };
        if let Some(word) = stop_words
            .iter()
            .find(|w| w.split_whitespace().count() != 1)
        {
            return Err(format!(
                "[search] stop_words: {word:?} is not one word; list one word per entry"
            ));
        }
        // Each file is read and checked with the parser that will use it.
        let checked_file = |p: Option<PathBuf>,
                            key: &str,
                            check: &dyn Fn(&str) -> Result<(), String>|
         -> Result<Option<PathBuf>, String> {
            p.map(|p| {
                let path = resolve(p);
                let text = read_text(&path, key)?;
                check(&text).map_err(|e| {
                    let e = e.strip_prefix("fahras: ").unwrap_or(&e).to_owned();
                    format!("{key}: {}: {e}", path.display())
                })?;
                Ok(path)
            })
            .transpose()
        };
        let taxonomy = checked_file(raw.search.taxonomy, "[search] taxonomy", &|text| {
            site_taxonomy(text).map(drop)
        })?;
        let aliases = checked_file(raw.search.aliases, "[search] aliases", &|text| {
            crate::text::aliases::Aliases::parse(text)
                .map(drop)
                .map_err(|e| e.to_string())
        })?;
        let plurals = checked_file(raw.search.plurals, "[search] plurals", &|text| {
            crate::text::Plurals::default()
                .extend(text)
                .map_err(|e| e.to_string())
        })?;

        if raw
            .input
            .site_url
            .as_deref()
            .is_some_and(|u| u.trim().is_empty())
            || raw
                .input
                .source
                .as_deref()
                .is_some_and(|s| s.trim().is_empty())
        {
            return Err("[input]: leave a key out rather than give it an empty value".into());
        }

        Ok(Config {
            path: None,
            build: Build {
                inputs: raw.build.inputs.into_iter().map(resolve).collect(),
                out: raw.build.out.map(resolve),
                assets: raw.build.assets.map(resolve),
                base_url: raw.build.base_url,
            },
            input: raw.input,
            fields,
            weights: raw.weights,
            search: Search {
                facets: raw.search.facets,
                stop_words,
                taxonomy,
                aliases,
                plurals,
            },
        })
    }

    /// How records are read: the `[fields]` map and the `[input]` defaults.
    pub fn ingest_options(&self) -> Options {
        let mut fields = FieldMap::default();
        for (name, keys) in &self.fields {
            if let Some(field) = Field::from_name(name) {
                fields.set(field, keys.clone());
            }
        }
        Options {
            fields,
            source: self.input.source.clone(),
            site_url: self.input.site_url.clone(),
        }
    }

    /// The searched fields with the `[weights]` applied, for `IndexBuilder::with_fields`.
    pub fn field_specs(&self) -> Vec<FieldSpec> {
        let mut fields = default_fields();
        for field in &mut fields {
            if let Some(&weight) = self.weights.get(&field.name) {
                field.weight = weight;
            }
        }
        fields
    }

    /// An index builder with the `[weights]` applied and the standard extractors: entities
    /// from the default taxonomy extended by `[search] taxonomy`, and dates in the text.
    pub fn index_builder(&self) -> Result<IndexBuilder, String> {
        let builder = IndexBuilder::with_fields(self.field_specs())
            .with_analysis(self.analysis_settings()?)
            .map_err(|e| e.to_string())?
            .with_facets(&self.search.facets);
        let Some(path) = &self.search.taxonomy else {
            return Ok(builder.with_default_extractors());
        };
        let key = "[search] taxonomy";
        let taxonomy = site_taxonomy(&read_text(path, key)?)
            .map_err(|e| format!("{key}: {}: {e}", path.display()))?;
        let mut builder = builder;
        let entities = TaxonomyExtractor::new(taxonomy, builder.analyzer());
        builder.add_extractor(Box::new(entities));
        builder.add_extractor(Box::new(DateExtractor));
        Ok(builder)
    }

    /// The site's additions to the text analysis: `[search] aliases`, `stop_words` and
    /// `plurals`.
    pub fn analysis_settings(&self) -> Result<crate::text::AnalysisSettings, String> {
        let read = |path: &Option<PathBuf>, key| match path {
            Some(path) => read_text(path, key),
            None => Ok(String::new()),
        };
        Ok(crate::text::AnalysisSettings {
            aliases: read(&self.search.aliases, "[search] aliases")?,
            stop_words: self.search.stop_words.clone(),
            plurals: read(&self.search.plurals, "[search] plurals")?,
        })
    }
}

/// The default taxonomy extended by a site's.
fn site_taxonomy(text: &str) -> Result<Taxonomy, String> {
    let strip = |e: crate::Error| {
        let e = e.to_string();
        e.strip_prefix("fahras: ").unwrap_or(&e).to_owned()
    };
    let site = Taxonomy::parse(text).map_err(strip)?;
    let mut taxonomy = Taxonomy::default_set();
    taxonomy.extend(site).map_err(strip)?;
    Ok(taxonomy)
}

fn read_text(path: &Path, key: &str) -> Result<String, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("{key}: cannot read {}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{key}: {} is not UTF-8 text (byte {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_complete_file() {
        let config = Config::parse(
            r#"
            [build]
            inputs = ["content"]
            out = "public/fahras"
            base_url = "/fahras/"
            [input]
            source = "المثال"
            site_url = "https://example.com/"
            [fields]
            title = "headline"
            body = ["content.rendered", "text"]
            [weights]
            title = 4.0
            [search]
            facets = ["section", "year"]
            stop_words = ["إلخ", "ايضا"]
            "#,
            Path::new("/site"),
        )
        .unwrap();
        assert_eq!(config.build.inputs, vec![PathBuf::from("/site/content")]);
        assert_eq!(config.build.out, Some(PathBuf::from("/site/public/fahras")));
        let options = config.ingest_options();
        assert_eq!(options.fields.keys(Field::Title), ["headline"]);
        assert_eq!(
            options.fields.keys(Field::Body),
            ["content.rendered", "text"]
        );
        assert_eq!(options.source.as_deref(), Some("المثال"));
        let title = config
            .field_specs()
            .into_iter()
            .find(|f| f.name == "title")
            .unwrap();
        assert_eq!(title.weight, 4.0);
        assert_eq!(
            config.analysis_settings().unwrap().stop_words,
            config.search.stop_words
        );
    }

    #[test]
    fn refuses_unknown_or_invalid_settings() {
        for (text, expected) in [
            ("[fields]\nheadline = \"title\"\n", "no field \"headline\""),
            ("[weights]\nsummary = 2.0\n", "no field \"summary\""),
            ("[weights]\ntitle = -1.0\n", "from 0 to 100"),
            (
                "[weights]\ntitle = 0\nsubtitle = 0\nbody = 0\nauthor = 0\nsource = 0\ntags = 0\n",
                "every searched field weighs 0",
            ),
            ("[search]\nfacets = [\"colour\"]\n", "cannot be a facet"),
            ("[search]\ntaxonomy = \"missing.toml\"\n", "cannot read"),
            (
                "[search]\ntaxonomy = \"Cargo.toml\"\n",
                "[search] taxonomy: ",
            ),
            ("[search]\naliases = \"Cargo.toml\"\n", "[search] aliases: "),
            ("[search]\nplurals = \"Cargo.toml\"\n", "[search] plurals: "),
            ("[buidl]\nout = \"x\"\n", "line 1"),
            ("[fields]\ntitle = []\n", "give the key"),
            ("[search]\nstop_words = [\"two words\"]\n", "not one word"),
        ] {
            let err = Config::parse(text, Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap_err();
            assert!(err.contains(expected), "{text}: {err}");
        }
    }
}
