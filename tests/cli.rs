//! The `fahras` command line, run as a user would: exit statuses, messages, the output
//! folder and its atomic replacement, `--strict`, `--quiet`, `fahras.toml`, and `search` /
//! `inspect` / `analyze`.
//!
//! The widget's files are stand-ins written by each test (`--assets`), so these tests do not
//! need the wasm build.
#![cfg(not(target_arch = "wasm32"))]

use fahras::ingest::output::index_file_name;
use fahras::{corpus, Index};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest")
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs `fahras` with `args` in `cwd`.
fn fahras(cwd: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_fahras"))
        .args(args)
        .current_dir(cwd)
        .env_remove("FAHRAS_ASSETS")
        .output()
        .expect("the fahras binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A scratch folder with stand-in widget files in `assets/`.
struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        let dir = tempfile::tempdir().unwrap();
        let assets = dir.path().join("assets");
        std::fs::create_dir_all(assets.join("pkg")).unwrap();
        std::fs::write(assets.join("fahras.js"), "// the element\n").unwrap();
        std::fs::write(assets.join("fahras-worker.js"), "// the worker\n").unwrap();
        std::fs::write(assets.join("pkg/fahras.js"), "// the glue\n").unwrap();
        std::fs::write(assets.join("pkg/fahras_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
        Scratch { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn run(&self, args: &[&str]) -> Run {
        fahras(self.path(), args)
    }

    /// `fahras build corpus/ --out seed.fahras`: the seed corpus's index in the folder.
    fn build_seed(&self) -> Run {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        self.run(&["build", &dir.display().to_string(), "--out", "seed.fahras"])
    }

    /// `fahras build <inputs> --out <out> --assets assets <extra>`.
    fn build(&self, inputs: &[PathBuf], out: &str, extra: &[&str]) -> Run {
        let mut args: Vec<String> = vec!["build".into()];
        args.extend(inputs.iter().map(|p| p.display().to_string()));
        args.extend([
            "--out".into(),
            out.into(),
            "--assets".into(),
            "assets".into(),
        ]);
        args.extend(extra.iter().map(|s| s.to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        self.run(&args)
    }

    /// Every file under `relative` with its bytes.
    fn snapshot(&self, relative: &str) -> BTreeMap<String, Vec<u8>> {
        let root = self.path().join(relative);
        walk(&root)
            .into_iter()
            .map(|p| {
                let bytes = std::fs::read(&p).unwrap();
                (p.strip_prefix(&root).unwrap().display().to_string(), bytes)
            })
            .collect()
    }

    /// Names in the scratch folder that look like leftovers of a build.
    fn leftovers(&self) -> Vec<String> {
        std::fs::read_dir(self.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp-") || n.ends_with(".previous"))
            .collect()
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn good() -> PathBuf {
    fixtures().join("good")
}

fn bad() -> PathBuf {
    fixtures().join("bad")
}

// ---------------------------------------------------------------------------------------
// Building an output folder

#[test]
fn build_writes_a_folder_ready_to_upload_and_prints_the_embed_snippet() {
    let scratch = Scratch::new();
    let run = scratch.build(&[good()], "site/fahras", &[]);
    assert_eq!(run.code, 0, "{run:?}");
    let files = scratch.snapshot("site/fahras");
    let index_name = files
        .keys()
        .find(|k| k.ends_with(".fahras"))
        .unwrap_or_else(|| panic!("no index in {:?}", files.keys()))
        .clone();
    assert_eq!(
        index_name,
        index_file_name(&files[&index_name]),
        "named after its content"
    );
    assert_eq!(files["fahras-worker.js"], b"// the worker\n");
    assert_eq!(files["fahras.js"], b"// the element\n");
    assert_eq!(files["pkg/fahras.js"], b"// the glue\n");
    assert_eq!(files["pkg/fahras_bg.wasm"], b"\0asm\x01\0\0\0");
    let manifest: serde_json::Value =
        serde_json::from_slice(&files["fahras-manifest.json"]).unwrap();
    assert_eq!(manifest["index"], index_name.as_str());
    assert_eq!(manifest["documents"], 18);
    assert_eq!(files.len(), 6, "{:?}", files.keys());
    assert_eq!(
        run.stdout.trim(),
        format!(
            "<script type=\"module\" src=\"/fahras/fahras.js\"></script>\n\
             <fahras-search src=\"/fahras/{index_name}\"></fahras-search>"
        )
    );
    assert_eq!(
        Index::from_bytes(files[&index_name].clone())
            .unwrap()
            .document_count(),
        18
    );
    assert!(scratch.leftovers().is_empty(), "{:?}", scratch.leftovers());
}

#[test]
fn prints_a_summary_and_no_progress_bar_when_stderr_is_not_a_terminal() {
    let scratch = Scratch::new();
    let run = scratch.build(
        &[good()],
        "out",
        &["--base-url", "https://cdn.example.com/search"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    for expected in [
        "18 documents indexed from 16 files; 0 skipped for problems",
        "left out: 1 not a feed (root element <urlset>), 1 marked data-fahras-ignore, 1 a draft",
        "distinct terms; index ",
        " gzip); ",
        " s\n",
    ] {
        assert!(run.stderr.contains(expected), "{expected:?} in {run:?}");
    }
    assert!(!run.stderr.contains("indexing ["), "{run:?}");
    assert!(
        run.stdout
            .contains("src=\"https://cdn.example.com/search/fahras.js\""),
        "{run:?}"
    );
}

#[test]
fn quiet_prints_nothing_when_all_goes_well() {
    let scratch = Scratch::new();
    let run = scratch.build(&[good().join("single.json")], "out", &["--quiet"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
    assert!(scratch.path().join("out/fahras-manifest.json").is_file());
}

#[cfg(unix)]
#[test]
fn the_output_is_readable_by_a_web_server() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = Scratch::new();
    assert_eq!(
        scratch
            .build(&[good().join("single.json")], "out", &[])
            .code,
        0
    );
    assert_eq!(
        scratch
            .build(&[good().join("single.json")], "only.fahras", &[])
            .code,
        0
    );
    let mode = |p: &str| {
        std::fs::metadata(scratch.path().join(p))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode("out"), 0o755);
    assert_eq!(mode("out/pkg"), 0o755);
    assert_eq!(mode("out/pkg/fahras_bg.wasm"), 0o644);
    assert_eq!(mode("only.fahras"), 0o644);
}

#[test]
fn an_out_name_ending_in_fahras_writes_only_the_index() {
    let scratch = Scratch::new();
    let run = scratch.run(&[
        "build",
        &good().join("archive.json").display().to_string(),
        "--out",
        "index/archive.fahras",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    let bytes = std::fs::read(scratch.path().join("index/archive.fahras")).unwrap();
    assert_eq!(Index::from_bytes(bytes).unwrap().document_count(), 2);
    assert_eq!(run.stdout, "", "no snippet without the widget");
    assert_eq!(
        std::fs::read_dir(scratch.path().join("index"))
            .unwrap()
            .count(),
        1
    );
}

#[test]
fn builds_the_seed_corpus_as_scripts_build_wasm_sh_does() {
    let scratch = Scratch::new();
    let run = scratch.build_seed();
    assert_eq!(run.code, 0, "{run:?}");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    assert!(
        std::fs::read(scratch.path().join("seed.fahras")).unwrap()
            == corpus::build_dir(&dir).unwrap(),
        "the same index as fahras::corpus::build_dir"
    );
}

// ---------------------------------------------------------------------------------------
// Bad input, --strict, and atomic output

#[test]
fn skips_and_lists_every_bad_record_grouped_by_file() {
    let scratch = Scratch::new();
    let run = scratch.build(&[bad()], "out", &[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr
            .contains("17 records not indexed because of problems:"),
        "{run:?}"
    );
    let jsonl = format!("  {}\n", bad().join("records.jsonl").display());
    let at = run.stderr.find(&jsonl).unwrap_or_else(|| panic!("{run:?}"));
    let group: Vec<&str> = run.stderr[at + jsonl.len()..].lines().take(6).collect();
    assert!(
        group[0].starts_with("    line 2: malformed JSON at column 51"),
        "{group:?}"
    );
    assert!(
        group[1].starts_with("    line 3: missing title"),
        "{group:?}"
    );
    assert!(
        group[2].starts_with("    line 4: invalid UTF-8 at column 31"),
        "{group:?}"
    );
    assert!(
        group[3].starts_with("    line 5: unparseable date \"20/12/2018\""),
        "{group:?}"
    );
    assert!(
        group[4].starts_with("    line 6: duplicate id \"ok-1\": already used by"),
        "{group:?}"
    );
    assert!(
        group[5].starts_with("    line 7: expected an object"),
        "{group:?}"
    );
    for (file, message) in [
        ("latin1.json", "invalid UTF-8 at line 1"),
        ("unknown-front-matter.md", "unknown front-matter format"),
        ("no-front-matter.md", "no front matter"),
        ("bad-yaml.md", "the YAML front matter is malformed at line"),
        (
            "unclosed.md",
            "the front matter opened with --- on line 1 is never closed",
        ),
        ("no-title.html", "missing title"),
        ("bad-date.html", "unparseable date"),
        ("malformed.rss", "malformed XML at line 7"),
    ] {
        let line = format!("  {}: {message}", bad().join(file).display());
        assert!(run.stderr.contains(&line), "{line:?} in {run:?}");
    }
    assert!(
        run.stderr
            .contains("    item 2 (line 10): unparseable date \"الاثنين الماضي\""),
        "{run:?}"
    );
    // A malformed record of a list whose brackets close: the list's good record is kept.
    let broken = format!("  {}\n", bad().join("broken.json").display());
    assert!(
        run.stderr.contains(&format!(
            "{broken}    record 2: malformed JSON at line 3, column 29"
        )),
        "{run:?}"
    );
    assert!(
        run.stderr.contains("    item 3 (line 15): missing title"),
        "{run:?}"
    );
    assert!(
        run.stderr
            .contains("3 documents indexed from 11 files; 17 skipped for problems"),
        "{run:?}"
    );
}

#[test]
fn strict_mode_fails_on_the_first_build_and_writes_nothing() {
    let scratch = Scratch::new();
    let run = scratch.build(&[bad().join("items.rss")], "out", &["--strict"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("item 2 (line 10): unparseable date"),
        "the problems are listed: {run:?}"
    );
    assert!(
        run.stderr
            .contains("--strict: 2 problems found; nothing was written"),
        "{run:?}"
    );
    assert!(!scratch.path().join("out").exists());
    assert!(scratch.leftovers().is_empty(), "{:?}", scratch.leftovers());
}

#[test]
fn strict_mode_passes_clean_input() {
    let scratch = Scratch::new();
    let run = scratch.build(&[good()], "out", &["--strict"]);
    assert_eq!(
        run.code, 0,
        "drafts and ignored pages are not problems: {run:?}"
    );
}

#[test]
fn a_failed_build_leaves_the_previous_output_intact() {
    let scratch = Scratch::new();
    assert_eq!(scratch.build(&[good()], "site/fahras", &[]).code, 0);
    let before = scratch.snapshot("site/fahras");

    let strict = scratch.build(&[bad()], "site/fahras", &["--strict"]);
    assert_eq!(strict.code, 1, "{strict:?}");
    let nothing = scratch.build(&[good().join("pages/ignored.html")], "site/fahras", &[]);
    assert_eq!(nothing.code, 1, "{nothing:?}");
    assert!(
        nothing.stderr.contains("no documents to index"),
        "{nothing:?}"
    );
    let no_widget = scratch.run(&[
        "build",
        &good().display().to_string(),
        "--out",
        "site/fahras",
        "--assets",
        "nowhere",
    ]);
    assert_eq!(no_widget.code, 1, "{no_widget:?}");

    assert!(
        scratch.snapshot("site/fahras") == before,
        "the previous output is unchanged"
    );
    let site: Vec<_> = std::fs::read_dir(scratch.path().join("site"))
        .unwrap()
        .collect();
    assert_eq!(site.len(), 1, "no temporary folders left beside the output");
}

#[test]
fn a_rebuild_replaces_the_previous_output_whole() {
    let scratch = Scratch::new();
    assert_eq!(scratch.build(&[good()], "out", &[]).code, 0);
    let first = scratch.snapshot("out");
    assert_eq!(
        scratch
            .build(&[fixtures().join("e2e/akhbar.rss")], "out", &[])
            .code,
        0
    );
    let second = scratch.snapshot("out");
    let index = |files: &BTreeMap<String, Vec<u8>>| {
        files
            .keys()
            .find(|k| k.ends_with(".fahras"))
            .cloned()
            .unwrap()
    };
    assert_ne!(index(&first), index(&second));
    assert!(
        !second.contains_key(&index(&first)),
        "the old index is gone"
    );
    assert_eq!(second.len(), 6, "{:?}", second.keys());
    assert!(scratch.leftovers().is_empty(), "{:?}", scratch.leftovers());
}

#[test]
fn an_output_folder_inside_the_indexed_site_is_not_indexed_on_the_next_build() {
    let scratch = Scratch::new();
    std::fs::create_dir_all(scratch.path().join("site")).unwrap();
    std::fs::copy(
        good().join("single.json"),
        scratch.path().join("site/a.json"),
    )
    .unwrap();
    for _ in 0..2 {
        let run = scratch.build(&[PathBuf::from("site")], "site/fahras", &["--strict"]);
        assert_eq!(run.code, 0, "{run:?}");
        assert!(
            run.stderr.contains("1 document indexed from 1 file;"),
            "{run:?}"
        );
    }
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_write() {
    let scratch = Scratch::new();
    std::fs::create_dir_all(scratch.path().join("public")).unwrap();
    std::fs::write(scratch.path().join("public/index.html"), "my site").unwrap();
    let run = scratch.build(&[good()], "public", &[]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("refusing to replace public"), "{run:?}");
    assert_eq!(
        std::fs::read_to_string(scratch.path().join("public/index.html")).unwrap(),
        "my site"
    );
}

#[test]
fn missing_widget_files_fail_with_instructions() {
    let scratch = Scratch::new();
    std::fs::create_dir_all(scratch.path().join("half/pkg")).unwrap();
    std::fs::write(scratch.path().join("half/fahras.js"), "").unwrap();
    let run = scratch.run(&[
        "build",
        &good().display().to_string(),
        "--out",
        "out",
        "--assets",
        "half",
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("pkg/fahras.js, pkg/fahras_bg.wasm missing")
            && run.stderr.contains("scripts/build-wasm.sh"),
        "{run:?}"
    );
}

#[test]
fn finds_the_widget_in_www_of_the_current_folder() {
    let scratch = Scratch::new();
    std::fs::rename(scratch.path().join("assets"), scratch.path().join("www")).unwrap();
    assert_eq!(widget_found(&scratch), b"// the element\n");
}

/// `fahras build single.json --out out` with no `--assets`: the `fahras.js` it copied.
fn widget_found(scratch: &Scratch) -> Vec<u8> {
    let run = scratch.run(&[
        "build",
        &good().join("single.json").display().to_string(),
        "--out",
        "out",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    std::fs::read(scratch.path().join("out/fahras.js")).unwrap()
}

#[test]
fn says_which_files_of_a_folder_it_passed_over() {
    let scratch = Scratch::new();
    let dir = scratch.path().join("content");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(good().join("single.json"), dir.join("single.json")).unwrap();
    std::fs::write(dir.join("notes.txt"), "not an article").unwrap();
    std::fs::write(dir.join("README.md"), "# about this folder").unwrap();
    let run = scratch.build(&[dir], "out", &[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr
            .contains("fahras: 1 file passed over, not of a format fahras reads (")
            && run.stderr.contains("notes.txt)"),
        "{run:?}"
    );
    assert!(!run.stderr.contains("README"), "{run:?}");
}

#[test]
fn prefers_the_minified_copy_in_www_dist() {
    // www/dist/ is the production copy (minified, no demo index in its wasm): chosen over
    // www/ when both are there.
    let scratch = Scratch::new();
    let www = scratch.path().join("www");
    std::fs::rename(scratch.path().join("assets"), &www).unwrap();
    std::fs::create_dir_all(www.join("dist/pkg")).unwrap();
    for f in fahras::ingest::output::ASSET_FILES {
        std::fs::copy(www.join(f), www.join("dist").join(f)).unwrap();
    }
    std::fs::write(www.join("dist/fahras.js"), "// minified\n").unwrap();
    assert_eq!(widget_found(&scratch), b"// minified\n");
}

// ---------------------------------------------------------------------------------------
// Usage errors and fahras.toml

#[test]
fn usage_errors_exit_with_status_2() {
    let scratch = Scratch::new();
    let no_inputs = scratch.run(&["build", "--out", "out"]);
    assert_eq!(no_inputs.code, 2, "{no_inputs:?}");
    assert!(
        no_inputs.stderr.contains("build needs inputs"),
        "{no_inputs:?}"
    );
    let no_out = scratch.run(&["build", "x.json"]);
    assert_eq!(no_out.code, 2, "{no_out:?}");
    assert!(no_out.stderr.contains("build needs --out"), "{no_out:?}");
    let missing = scratch.build(&[PathBuf::from("no/such/folder")], "out", &[]);
    assert_eq!(missing.code, 2, "{missing:?}");
    assert!(
        missing
            .stderr
            .contains("no/such/folder: cannot read this input"),
        "{missing:?}"
    );
    assert_eq!(scratch.run(&["build", "--frobnicate"]).code, 2);
    assert_eq!(scratch.run(&["transmogrify"]).code, 2);
    assert_eq!(
        scratch
            .run(&["search", "x.fahras", "q", "--sort", "sideways"])
            .code,
        2
    );
    assert!(!scratch.path().join("out").exists());
}

#[test]
fn help_documents_the_commands_and_exit_statuses() {
    let run = fahras(Path::new("."), &["--help"]);
    assert_eq!(run.code, 0, "{run:?}");
    for expected in [
        "build",
        "search",
        "inspect",
        "analyze",
        "Exit status:",
        "0  success",
        "1  failure",
        "2  usage error",
    ] {
        assert!(run.stdout.contains(expected), "{expected:?} in {run:?}");
    }
    let build = fahras(Path::new("."), &["build", "--help"]);
    for expected in [
        "--out",
        "--strict",
        "--quiet",
        "--config",
        "--assets",
        "--base-url",
        ".jsonl",
        "fahras.toml",
    ] {
        assert!(build.stdout.contains(expected), "{expected:?} in {build:?}");
    }
}

#[test]
fn reads_fahras_toml_from_the_current_folder() {
    let scratch = Scratch::new();
    std::fs::create_dir_all(scratch.path().join("content")).unwrap();
    std::fs::write(
        scratch.path().join("content/export.jsonl"),
        "{\"slug\": \"s-1\", \"headline\": \"قافلة طبية تصل إلى القرى\", \"story\": \"وصلت القافلة صباحاً، ونشرت صورها على تيليجرام.\", \"when\": \"2024-02-03\", \"section\": \"صحة\", \"author\": \"سارة علي\"}\n",
    )
    .unwrap();
    std::fs::write(
        scratch.path().join("fahras.toml"),
        "[build]\ninputs = [\"content\"]\nout = \"public/search\"\nassets = \"assets\"\nbase_url = \"/search/\"\n\
         [fields]\nid = \"slug\"\ntitle = \"headline\"\nbody = \"story\"\ndate = \"when\"\n\
         [weights]\ntitle = 4.0\n[search]\nfacets = [\"section\", \"year\"]\n",
    )
    .unwrap();
    let run = scratch.run(&["build"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("src=\"/search/index."), "{run:?}");
    let search = scratch.run(&["search", "public/search", "القافلة"]);
    assert!(
        search.stdout.contains("s-1  قافلة طبية تصل إلى القرى"),
        "{search:?}"
    );
    let inspect = scratch.run(&["inspect", "public/search"]);
    assert!(
        inspect.stdout.contains("field title     weight 4.0"),
        "{inspect:?}"
    );
    // Only the facets `[search] facets` names: not the author, the month or the platform
    // (تيليجرام) the article has.
    let facets: Vec<&str> = inspect
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("facet "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(facets, ["section", "year"], "{inspect:?}");
    let without = scratch.run(&["search", "public/search", "القافلة", "--facet", "platform"]);
    assert_ne!(without.code, 0, "{without:?}");
}

#[test]
fn an_invalid_fahras_toml_is_a_usage_error_naming_the_line() {
    let scratch = Scratch::new();
    std::fs::write(
        scratch.path().join("custom.toml"),
        "[fields]\ntitle = \"headline\"\nheadline = \"x\"\n",
    )
    .unwrap();
    let run = scratch.build(&[good()], "out", &["--config", "custom.toml"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("custom.toml") && run.stderr.contains("no field \"headline\""),
        "{run:?}"
    );
    std::fs::write(scratch.path().join("custom.toml"), "[build]\nout = \n").unwrap();
    let run = scratch.build(&[good()], "out", &["--config", "custom.toml"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("line 2"), "{run:?}");
}

// ---------------------------------------------------------------------------------------
// search, inspect, analyze

#[test]
fn search_and_inspect_read_an_output_folder_or_an_index_file() {
    let scratch = Scratch::new();
    assert_eq!(scratch.build(&[good()], "out", &[]).code, 0);
    let folder = scratch.run(&["search", "out", "تلغرام"]);
    assert_eq!(folder.code, 0, "{folder:?}");
    assert!(
        folder
            .stdout
            .contains("arr-1  تطبيق «تيليجرام» يحذف آلاف القنوات"),
        "{folder:?}"
    );
    assert!(
        folder.stdout.contains('['),
        "highlights are marked: {folder:?}"
    );

    let index = std::fs::read_dir(scratch.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "fahras"))
        .unwrap();
    let file = scratch.run(&[
        "search",
        &index.display().to_string(),
        "الزيتون",
        "--limit",
        "1",
    ]);
    assert!(file.stdout.starts_with("2 result(s)"), "{file:?}");
    assert_eq!(
        file.stdout.lines().count(),
        3,
        "one hit: its line and its snippet: {file:?}"
    );

    let inspect = scratch.run(&["inspect", "out"]);
    assert_eq!(inspect.code, 0, "{inspect:?}");
    assert!(inspect.stdout.contains("documents:      18"), "{inspect:?}");
    assert!(inspect.stdout.contains("facet section"), "{inspect:?}");
}

#[test]
fn search_filters_by_facet_and_prints_counts() {
    let scratch = Scratch::new();
    assert_eq!(scratch.build(&[good()], "out", &[]).code, 0);
    let run = scratch.run(&[
        "search",
        "out",
        "الزيتون",
        "--filter",
        "tag=فلسطين",
        "--facet",
        "tag",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("1 result(s)"), "{run:?}");
    assert!(run.stdout.contains("posts/olive-harvest "), "{run:?}");
    assert!(run.stdout.contains("facet tag:"), "{run:?}");
}

#[test]
fn a_damaged_or_missing_index_fails_with_status_1() {
    let scratch = Scratch::new();
    std::fs::write(scratch.path().join("page.fahras"), "<html>404</html>").unwrap();
    let run = scratch.run(&["search", "page.fahras", "x"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("page.fahras") && run.stderr.contains("not a fahras index"),
        "{run:?}"
    );
    let run = scratch.run(&["inspect", "assets"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("holds no index"), "{run:?}");
}

#[test]
fn analyze_still_shows_how_text_becomes_terms() {
    let run = fahras(Path::new("."), &["analyze", "والتيليجرام،", "٢٠١٧"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("التيليجرام") || run.stdout.contains("تيليجرام"),
        "{run:?}"
    );
    assert!(run.stdout.contains("2017"), "{run:?}");
}

#[test]
fn search_output_to_a_closed_pipe_ends_quietly() {
    let scratch = Scratch::new();
    let run = scratch.build_seed();
    assert_eq!(run.code, 0, "{run:?}");
    // As `fahras search … | head -0`: the reader is gone before anything is written.
    let mut child = Command::new(env!("CARGO_BIN_EXE_fahras"))
        .args(["search", "seed.fahras", "داعش", "--facet", "platform"])
        .current_dir(scratch.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}
