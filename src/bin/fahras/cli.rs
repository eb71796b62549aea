//! The command line itself (native only).

/// `println!` to standard output, except that a reader that has gone away (`fahras search
/// … | head -3`) ends the program quietly instead of a panic, and another write error ends
/// it with a message.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            eprintln!("fahras: could not write the output: {e}");
            std::process::exit(1);
        }
    }};
}

use clap::{Args, Parser, Subcommand};
use fahras::config::Config;
use fahras::ingest::output::{self, Assets, MANIFEST};
use fahras::ingest::pipeline::{build_index, Built};
use fahras::ingest::{discover_all, Location};
use fahras::search::{Filter, Sort};
use fahras::{Index, SearchOptions, Searcher};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The exit statuses, in `fahras --help` and `fahras build --help`.
macro_rules! exit_status {
    () => {
        "\
Exit status:
  0  success (records with problems are skipped and listed, unless --strict)
  1  failure: nothing to index, --strict and a record has a problem, the widget's files
     missing, the output cannot be written, an unreadable index; a previous output is
     left as it was
  2  usage error: an unknown command or option, a missing input, an invalid fahras.toml"
    };
}
const EXIT_STATUS: &str = exit_status!();

/// Arabic-first search for news sites: index your articles for the <fahras-search>
/// widget, and search them from a terminal with the same engine as the browser.
#[derive(Debug, Parser)]
#[command(name = "fahras", version, after_help = EXIT_STATUS, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Index articles (JSON, JSON Lines, Markdown, HTML, RSS/Atom) into a folder ready to upload
    #[command(after_help = BUILD_HELP)]
    Build(BuildArgs),
    /// Search an index from the terminal (an index file, or an output folder)
    Search(SearchArgs),
    /// Print what an index holds (an index file, or an output folder)
    Inspect {
        /// The index file, or a folder written by `fahras build`.
        index: PathBuf,
    },
    /// Show how text is tokenized, normalized and stemmed
    Analyze {
        /// The text (several arguments are joined with spaces).
        #[arg(required = true)]
        text: Vec<String>,
    },
}

const BUILD_HELP: &str = concat!(
    "\
Inputs are files or folders (searched recursively; hidden files, README.md and _index.md
are passed over), read by extension: .jsonl/.ndjson, .json, .md (YAML/TOML front matter),
.html/.htm, .xml/.rss/.atom (RSS 2.0, RSS 1.0, Atom). A fahras.toml in the current folder
(or --config) maps input keys to fields, sets field weights and default inputs/output.

The output folder holds fahras.js, pkg/ (the wasm engine), index.<hash>.fahras and
fahras-manifest.json; the embed snippet is printed on stdout. It is written next to --out
and swapped in at the end: a failed build leaves the previous output as it was.

Records with problems (no title, an unparseable date, malformed JSON, invalid UTF-8, a
duplicate id…) are skipped and listed by file and line; --strict fails the build instead.

",
    exit_status!()
);

#[derive(Debug, Args)]
struct BuildArgs {
    /// Files or folders of articles (default: [build] inputs of fahras.toml).
    inputs: Vec<PathBuf>,
    /// The output folder; a name ending in .fahras writes only the index file
    /// (default: [build] out of fahras.toml).
    #[arg(short, long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The configuration file (default: ./fahras.toml when present).
    #[arg(short, long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The folder holding the widget's files, fahras.js and pkg/ (default: ./www, else the
    /// www/ of the fahras checkout this program was built from).
    #[arg(long, value_name = "DIR", env = "FAHRAS_ASSETS")]
    assets: Option<PathBuf>,
    /// Where the output folder will be served, for the embed snippet (default: /<out
    /// folder name>/).
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Fail (exit 1, nothing written) if any record has a problem.
    #[arg(long)]
    strict: bool,
    /// Print only problems and errors: no progress bar, summary or snippet.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Debug, Args)]
struct SearchArgs {
    /// The index file, or a folder written by `fahras build`.
    index: PathBuf,
    /// The query, as typed in the widget ("" with --filter lists the filtered documents,
    /// newest first).
    query: String,
    /// How many hits to print.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Result order: relevance, newest or oldest.
    #[arg(long, default_value = "relevance")]
    sort: String,
    /// Keep hits with this facet value (`section=سياسة`, `year=2018`); repeatable.
    #[arg(long, value_name = "FACET=VALUE")]
    filter: Vec<String>,
    /// Print the counts of this facet's values (`section`, `tag`, `year`…); repeatable.
    #[arg(long, value_name = "FACET")]
    facet: Vec<String>,
}

/// A failure and its exit status.
struct Failure {
    code: u8,
    message: String,
}

fn usage(message: impl Into<String>) -> Failure {
    Failure {
        code: 2,
        message: message.into(),
    }
}

fn failed(message: impl Into<String>) -> Failure {
    Failure {
        code: 1,
        message: message.into(),
    }
}

/// Runs the command line.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(args) => build(args),
        Command::Search(args) => search(args),
        Command::Inspect { index } => inspect(&index),
        Command::Analyze { text } => analyze(&text.join(" ")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure { code, message }) => {
            let message = message.strip_prefix("fahras: ").unwrap_or(&message);
            eprintln!("fahras: {message}");
            ExitCode::from(code)
        }
    }
}

fn build(args: BuildArgs) -> Result<(), Failure> {
    let started = Instant::now();
    let config = Config::discover(args.config.as_deref()).map_err(usage)?;
    let inputs = if args.inputs.is_empty() {
        config.build.inputs.clone()
    } else {
        args.inputs.clone()
    };
    if inputs.is_empty() {
        return Err(usage(
            "build needs inputs: name files or folders of articles (or list them in \
             fahras.toml, [build] inputs); see fahras build --help",
        ));
    }
    let out = args
        .out
        .clone()
        .or_else(|| config.build.out.clone())
        .ok_or_else(|| {
            usage(
                "build needs --out <dir> (or [build] out in fahras.toml); see fahras build --help",
            )
        })?;
    let index_only = out.extension().is_some_and(|e| e == "fahras");

    // Fail fast, before reading anything: the widget's files and the output's place.
    let assets = if index_only {
        None
    } else {
        let explicit = args.assets.as_deref().or(config.build.assets.as_deref());
        Some(Assets::find(explicit).map_err(failed)?)
    };
    if !index_only {
        output::check_replaceable(&out).map_err(failed)?;
    }
    let found = discover_all(&inputs).map_err(usage)?;
    if !found.other_files.is_empty() && !args.quiet {
        let shown: Vec<String> = found
            .other_files
            .iter()
            .take(3)
            .map(|p| p.display().to_string())
            .collect();
        let more = found.other_files.len().saturating_sub(shown.len());
        eprintln!(
            "fahras: {} file{} passed over, not of a format fahras reads ({}{}): articles are \
             .json, .jsonl, .ndjson, .md, .html, .htm, .xml, .rss or .atom files",
            found.other_files.len(),
            plural(found.other_files.len()),
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        );
    }
    let files = found.files;
    let bar = progress_bar(files.len() as u64, args.quiet);
    let builder = config.index_builder().map_err(usage)?;
    let built = build_index(&files, &config.ingest_options(), builder, |p| {
        bar.set_position(p.files_done as u64);
        bar.set_message(format!("{} documents · {}", p.documents, p.file.name));
    });
    bar.finish_and_clear();

    report_problems(&built);
    if args.strict && !built.problems.is_empty() {
        return Err(failed(format!(
            "--strict: {} problem{} found; nothing was written",
            built.problems.len(),
            plural(built.problems.len())
        )));
    }
    if built.documents == 0 {
        return Err(failed(format!(
            "no documents to index: {} file{} read from {}, none held an article; nothing \
             was written",
            built.files,
            plural(built.files),
            inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let index = Index::from_bytes(built.index.clone()).map_err(|e| failed(e.to_string()))?;

    let written = match &assets {
        None => {
            output::write_index_file(&out, &built.index).map_err(failed)?;
            None
        }
        Some(assets) => {
            let mut manifest = serde_json::Map::new();
            manifest.insert("documents".into(), built.documents.into());
            manifest.insert("terms".into(), index.term_count().into());
            Some(output::write_folder(&out, &built.index, assets, manifest).map_err(failed)?)
        }
    };

    if args.quiet {
        return Ok(());
    }
    summary(&built, &index, &out, written.as_ref(), started);
    if let Some(written) = written {
        let base = args
            .base_url
            .clone()
            .or_else(|| config.build.base_url.clone())
            .unwrap_or_else(|| {
                let name = out
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                format!("/{name}/")
            });
        eprintln!("fahras: paste this where the search box goes (served from {base}; change with --base-url):");
        out!("{}", output::embed_snippet(&base, &written.index_name));
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A bar on stderr, drawn only on a terminal and without --quiet.
fn progress_bar(files: u64, quiet: bool) -> indicatif::ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(files),
        indicatif::ProgressDrawTarget::stderr(),
    );
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} indexing [{bar:30}] {pos}/{len} files  {wide_msg}",
        )
        .expect("a valid template")
        .progress_chars("=> "),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// Lists every problem, grouped by file, on stderr.
fn report_problems(built: &Built) {
    if built.problems.is_empty() {
        return;
    }
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "fahras: {} record{} not indexed because of problems:",
        built.problems.len(),
        plural(built.problems.len())
    );
    let mut current: Option<&Path> = None;
    for problem in &built.problems {
        if problem.location == Location::File {
            let _ = writeln!(err, "  {}: {}", problem.file.display(), problem.message);
            current = None;
            continue;
        }
        if current != Some(problem.file.as_path()) {
            let _ = writeln!(err, "  {}", problem.file.display());
            current = Some(problem.file.as_path());
        }
        let _ = writeln!(err, "    {}: {}", problem.location, problem.message);
    }
}

fn summary(
    built: &Built,
    index: &Index,
    out: &Path,
    written: Option<&output::Written>,
    started: Instant,
) {
    let skipped = if built.skipped.is_empty() {
        String::new()
    } else {
        let mut reasons: Vec<(String, usize)> = Vec::new();
        for s in &built.skipped {
            match reasons.iter_mut().find(|(r, _)| *r == s.reason) {
                Some((_, n)) => *n += 1,
                None => reasons.push((s.reason.clone(), 1)),
            }
        }
        let reasons: Vec<String> = reasons.iter().map(|(r, n)| format!("{n} {r}")).collect();
        format!(", left out: {}", reasons.join(", "))
    };
    eprintln!(
        "fahras: {} document{} indexed from {} file{}; {} skipped for problems{skipped}",
        built.documents,
        plural(built.documents),
        built.files,
        plural(built.files),
        built.problems.len(),
    );
    let gzipped = gzip_len(&built.index);
    eprintln!(
        "fahras: {} distinct terms; index {} ({} gzip); {:.2} s",
        index.term_count(),
        human_bytes(built.index.len() as u64),
        human_bytes(gzipped),
        started.elapsed().as_secs_f64()
    );
    match written {
        None => eprintln!("fahras: wrote {}", out.display()),
        Some(written) => {
            let wasm = written
                .files
                .iter()
                .find(|(f, _)| f.ends_with(".wasm"))
                .map_or(0, |(_, n)| *n);
            eprintln!(
                "fahras: wrote {}/ ({}, {MANIFEST}, fahras.js, pkg/ with a {} engine)",
                out.display(),
                written.index_name,
                human_bytes(wasm)
            );
        }
    }
}

fn gzip_len(bytes: &[u8]) -> u64 {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = encoder.write_all(bytes);
    encoder.finish().map_or(0, |v| v.len() as u64)
}

fn human_bytes(n: u64) -> String {
    match n {
        0..=9_999 => format!("{n} B"),
        10_000..=9_999_999 => format!("{:.1} kB", n as f64 / 1e3),
        _ => format!("{:.1} MB", n as f64 / 1e6),
    }
}

fn load(path: &Path) -> Result<Searcher, Failure> {
    let file = output::find_index(path).map_err(failed)?;
    let bytes =
        std::fs::read(&file).map_err(|e| failed(format!("cannot read {}: {e}", file.display())))?;
    let index = Index::from_bytes(bytes).map_err(|e| {
        let e = e.to_string();
        failed(format!(
            "{}: {}",
            file.display(),
            e.strip_prefix("fahras: ").unwrap_or(&e)
        ))
    })?;
    Ok(Searcher::new(index))
}

fn search(args: SearchArgs) -> Result<(), Failure> {
    let mut filters: Vec<Filter> = Vec::new();
    for f in &args.filter {
        let Some((facet, value)) = f.split_once('=') else {
            return Err(usage(format!("--filter takes FACET=VALUE, got {f:?}")));
        };
        match filters.iter_mut().find(|x| x.facet == facet) {
            Some(existing) => existing.any_of.push(value.to_owned()),
            None => filters.push(Filter {
                facet: facet.to_owned(),
                any_of: vec![value.to_owned()],
                none_of: Vec::new(),
            }),
        }
    }
    let sort = Sort::parse(&args.sort).map_err(|e| usage(e.to_string()))?;
    let options = SearchOptions {
        limit: args.limit,
        filters,
        sort,
        facets: args.facet.clone(),
        ..Default::default()
    };
    options.validate().map_err(|e| usage(e.to_string()))?;
    let searcher = load(&args.index)?;
    let results = searcher
        .search(&args.query, &options)
        .map_err(|e| failed(e.to_string()))?;
    if args.query.trim().is_empty() && options.filters.is_empty() {
        // As in the widget, nothing asked is nothing listed (the facets count the archive).
        eprintln!(
            "fahras: an empty query lists documents only with --filter (--filter year=2017, \
             say); {} documents in the index",
            searcher.index().document_count()
        );
    }
    out!(
        "{} result(s){}",
        results.total,
        if results.partial {
            " (partial matches)"
        } else {
            ""
        }
    );
    if results.excluded > 0 {
        out!(
            "{} matching document(s) left out by the query's exclusions",
            results.excluded
        );
    }
    if let Some(suggestion) = &results.suggestion {
        out!("did you mean: {suggestion}");
    }
    for hit in &results.hits {
        out!("{:>7.3}  {}  {}", hit.score, hit.id, hit.title);
        out!(
            "         {}",
            mark(&hit.snippet.text, &hit.snippet.highlights)
        );
    }
    for (facet, counts) in &results.facets {
        out!("facet {facet}:");
        for c in counts {
            out!(
                "  {:>5}  {}",
                c.count,
                c.label_ar.as_deref().unwrap_or(&c.value)
            );
        }
    }
    Ok(())
}

/// Puts [brackets] around UTF-16 highlight ranges.
fn mark(text: &str, ranges: &[[u32; 2]]) -> String {
    let mut out = String::new();
    let mut unit = 0u32;
    for c in text.chars() {
        if ranges.iter().any(|r| r[0] == unit) {
            out.push('[');
        }
        out.push(c);
        unit += c.len_utf16() as u32;
        if ranges.iter().any(|r| r[1] == unit) {
            out.push(']');
        }
    }
    out
}

fn inspect(path: &Path) -> Result<(), Failure> {
    let searcher = load(path)?;
    let index = searcher.index();
    out!("format version: {}", fahras::index::format::FORMAT_VERSION);
    out!("documents:      {}", index.document_count());
    out!("terms:          {}", index.term_count());
    out!("bytes:          {}", index.byte_len());
    for f in index.fields() {
        out!(
            "field {:<9} weight {:.1}  b {:.2}  average length {:.1}",
            f.spec.name,
            f.spec.weight,
            f.spec.b,
            f.average_length
        );
    }
    for facet in index.facets() {
        out!("facet {:<12} {} value(s)", facet.name, facet.values.len());
    }
    Ok(())
}

fn analyze(text: &str) -> Result<(), Failure> {
    if text.trim().is_empty() {
        return Err(usage("analyze takes some text"));
    }
    let analyzer = fahras::text::Analyzer::default();
    out!(
        "{:<6} {:<6} {:<18} {:<18} {:<14} {:<12} stop",
        "start",
        "end",
        "as written",
        "term",
        "stem",
        "variant key"
    );
    for token in analyzer.analyze(text) {
        out!(
            "{:<6} {:<6} {:<18} {:<18} {:<14} {:<12} {}",
            token.start,
            token.end,
            &text[token.start..token.end],
            token.term,
            analyzer.stem(&token.term),
            analyzer
                .variant_key(&token.term)
                .unwrap_or_else(|| "-".into()),
            if analyzer.is_stop_word(&token.term) {
                "yes"
            } else {
                ""
            }
        );
    }
    Ok(())
}
