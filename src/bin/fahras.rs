//! `fahras`: build an index, search it, inspect it, and see how text is analyzed.
//!
//! ```text
//! fahras build <corpus dir> --out <index file>
//! fahras search <index file> "<query>" [--limit N]
//! fahras inspect <index file>
//! fahras analyze "<text>"
//! ```

use fahras::{corpus, Index, SearchOptions, Searcher};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage:
  fahras build <corpus dir> --out <index file>   index a folder of JSON document records
  fahras search <index file> \"<query>\" [--limit N] search an index from the terminal
  fahras inspect <index file>                   print what an index holds
  fahras analyze \"<text>\"                       show how text is tokenized and normalized";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => build(&args[1..]),
        Some("search") => search(&args[1..]),
        Some("inspect") => inspect(&args[1..]),
        Some("analyze") => analyze(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => Err(format!("expected a command\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

/// Takes the value of `--name` out of `args`.
fn take_flag(args: &mut Vec<String>, name: &str) -> Result<Option<String>, String> {
    match args.iter().position(|a| a == name) {
        None => Ok(None),
        Some(i) if i + 1 < args.len() => {
            let value = args.remove(i + 1);
            args.remove(i);
            Ok(Some(value))
        }
        Some(_) => Err(format!("{name} needs a value")),
    }
}

fn load(path: &Path) -> Result<Searcher, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let index = Index::from_bytes(bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Searcher::new(index))
}

fn build(args: &[String]) -> Result<(), String> {
    let mut args = args.to_vec();
    let out = take_flag(&mut args, "--out")?.ok_or("build needs --out <index file>")?;
    let [dir] = args.as_slice() else {
        return Err(format!("build takes one corpus folder\n{USAGE}"));
    };
    let bytes = corpus::build_dir(Path::new(dir)).map_err(|e| e.to_string())?;
    let out = PathBuf::from(out);
    // Write atomically: a failed run leaves the previous index intact.
    let tmp = out.with_extension("tmp");
    std::fs::write(&tmp, &bytes).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, &out).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    let index = Index::from_bytes(bytes).map_err(|e| e.to_string())?;
    eprintln!(
        "fahras: indexed {} documents, {} terms, {} bytes → {}",
        index.document_count(),
        index.term_count(),
        index.byte_len(),
        out.display()
    );
    Ok(())
}

fn search(args: &[String]) -> Result<(), String> {
    let mut args = args.to_vec();
    let limit = match take_flag(&mut args, "--limit")? {
        Some(n) => n
            .parse()
            .map_err(|_| format!("--limit takes a number, got {n:?}"))?,
        None => 10,
    };
    let [path, query] = args.as_slice() else {
        return Err(format!("search takes an index and a query\n{USAGE}"));
    };
    let searcher = load(Path::new(path))?;
    let results = searcher
        .search(
            query,
            &SearchOptions {
                limit,
                ..Default::default()
            },
        )
        .map_err(|e| e.to_string())?;
    println!(
        "{} result(s){}",
        results.total,
        if results.partial {
            " (partial matches)"
        } else {
            ""
        }
    );
    for hit in &results.hits {
        println!("{:>7.3}  {}  {}", hit.score, hit.id, hit.title);
        println!(
            "         {}",
            mark(&hit.snippet.text, &hit.snippet.highlights)
        );
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

fn inspect(args: &[String]) -> Result<(), String> {
    let [path] = args else {
        return Err(format!("inspect takes an index file\n{USAGE}"));
    };
    let searcher = load(Path::new(path))?;
    let index = searcher.index();
    println!("format version: {}", fahras::index::format::FORMAT_VERSION);
    println!("documents:      {}", index.document_count());
    println!("terms:          {}", index.term_count());
    println!("bytes:          {}", index.byte_len());
    for f in index.fields() {
        println!(
            "field {:<9} weight {:.1}  b {:.2}  average length {:.1}",
            f.spec.name, f.spec.weight, f.spec.b, f.average_length
        );
    }
    Ok(())
}

fn analyze(args: &[String]) -> Result<(), String> {
    let text = args.join(" ");
    if text.is_empty() {
        return Err(format!("analyze takes some text\n{USAGE}"));
    }
    let analyzer = fahras::text::Analyzer::default();
    println!(
        "{:<6} {:<6} {:<18} {:<18} {:<14} {:<12} stop",
        "start", "end", "as written", "term", "stem", "variant key"
    );
    for token in analyzer.analyze(&text) {
        println!(
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
