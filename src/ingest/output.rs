//! The output of `fahras build`: a folder ready to upload to any static host, written
//! atomically.
//!
//! ```text
//! <out>/
//!   fahras.js               the <fahras-search> element (www/dist/, minified by
//!   fahras-worker.js        its Web Worker               scripts/build-wasm.sh)
//!   pkg/fahras.js           the wasm-bindgen module
//!   pkg/fahras_bg.wasm      the search engine (no index compiled in)
//!   index.<hash8>.fahras    the index; the name changes with the content (cache-friendly)
//!   fahras-manifest.json    what was built: the index's name, counts, the fahras version
//! ```
//!
//! The folder is assembled in a temporary folder next to `<out>` and then swapped in with
//! one rename, so readers never see half of it and a failed build leaves the previous
//! output as it was.

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The name of the manifest, which also marks a folder as written by `fahras build` (so a
/// rebuild may replace it).
pub const MANIFEST: &str = "fahras-manifest.json";

/// The widget's files, relative to the assets folder (and to the output folder).
pub const ASSET_FILES: [&str; 4] = [
    "fahras.js",
    "fahras-worker.js",
    "pkg/fahras.js",
    "pkg/fahras_bg.wasm",
];

/// Where the widget's files (`fahras.js`, `fahras-worker.js`, `pkg/fahras.js`, `pkg/fahras_bg.wasm`) are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assets {
    /// The folder holding them.
    pub dir: PathBuf,
}

impl Assets {
    /// Finds the widget's files: in `explicit` (`--assets`) when given, else in `www/dist/`
    /// (the minified production copy, whose wasm has no index compiled in) or `www/` of the
    /// current folder, else in those of the fahras checkout this binary was built from.
    /// The error says how to build them.
    pub fn find(explicit: Option<&Path>) -> Result<Assets, String> {
        if let Some(dir) = explicit {
            return Assets::check(dir);
        }
        let checkout = Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
        let candidates = [
            PathBuf::from("www/dist"),
            PathBuf::from("www"),
            checkout.join("dist"),
            checkout,
        ];
        let mut first_error = None;
        for dir in &candidates {
            match Assets::check(dir) {
                Ok(assets) => return Ok(assets),
                Err(e) if dir.exists() => {
                    first_error.get_or_insert(e);
                }
                Err(_) => {}
            }
        }
        Err(first_error.unwrap_or_else(|| {
            format!(
                "the widget's files were not found (looked in ./www/dist, ./www, {} and {}): \
                 build them with `bash scripts/build-wasm.sh` in the fahras repository, or pass \
                 --assets <dir> naming a folder that holds fahras.js and pkg/ (fahras.js, \
                 fahras_bg.wasm); or write only the index with --out <file>.fahras",
                candidates[2].display(),
                candidates[3].display()
            )
        }))
    }

    /// The widget's files in `dir`, all present.
    pub fn check(dir: &Path) -> Result<Assets, String> {
        let missing: Vec<&str> = ASSET_FILES
            .iter()
            .copied()
            .filter(|f| !dir.join(f).is_file())
            .collect();
        if missing.is_empty() {
            Ok(Assets {
                dir: dir.to_path_buf(),
            })
        } else {
            Err(format!(
                "the widget's files are incomplete in {}: {} missing; build them with \
                 `bash scripts/build-wasm.sh` in the fahras repository (it writes www/pkg/), \
                 or pass --assets <dir> naming a folder that holds fahras.js and pkg/",
                dir.display(),
                missing.join(", ")
            ))
        }
    }
}

/// `index.<first 8 hex digits of the SHA-256 of the bytes>.fahras`.
pub fn index_file_name(index: &[u8]) -> String {
    let digest = Sha256::digest(index);
    let hex: String = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
    format!("index.{hex}.fahras")
}

/// The HTML to paste into a page: the element's script and the element pointing at the
/// index, both under `base_url` (where the output folder is served, e.g. `/fahras/`).
pub fn embed_snippet(base_url: &str, index_name: &str) -> String {
    let base = if base_url.is_empty() || base_url.ends_with('/') {
        base_url.to_owned()
    } else {
        format!("{base_url}/")
    };
    format!(
        "<script type=\"module\" src=\"{base}fahras.js\"></script>\n\
         <fahras-search src=\"{base}{index_name}\"></fahras-search>"
    )
}

/// What [`write_folder`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The index's file name (`index.<hash8>.fahras`).
    pub index_name: String,
    /// Every file written, relative to the folder, with its size in bytes.
    pub files: Vec<(String, u64)>,
}

/// Writes the output folder `out` (see the module docs) atomically, replacing a previous
/// output. Refuses to replace a folder that has files but no [`MANIFEST`] (not ours).
/// `manifest` is extra JSON fields for the manifest (counts…).
pub fn write_folder(
    out: &Path,
    index: &[u8],
    assets: &Assets,
    manifest: serde_json::Map<String, serde_json::Value>,
) -> Result<Written, String> {
    check_replaceable(out)?;
    let parent = parent_of(out);
    std::fs::create_dir_all(&parent)
        .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{}.tmp-", file_name(out)))
        .tempdir_in(&parent)
        .map_err(|e| {
            format!(
                "cannot create a temporary folder in {}: {e}",
                parent.display()
            )
        })?;
    let dir = staging.path();
    let write_error =
        |path: &Path, e: std::io::Error| format!("cannot write {}: {e}", path.display());

    let mut files = Vec::new();
    std::fs::create_dir_all(dir.join("pkg")).map_err(|e| write_error(&dir.join("pkg"), e))?;
    for asset in ASSET_FILES {
        let from = assets.dir.join(asset);
        let size = std::fs::copy(&from, dir.join(asset))
            .map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
        files.push((asset.to_owned(), size));
    }
    let index_name = index_file_name(index);
    std::fs::write(dir.join(&index_name), index)
        .map_err(|e| write_error(&dir.join(&index_name), e))?;
    files.push((index_name.clone(), index.len() as u64));

    let mut manifest_json = serde_json::Map::new();
    manifest_json.insert("fahras".into(), env!("CARGO_PKG_VERSION").into());
    manifest_json.insert(
        "format_version".into(),
        crate::index::format::FORMAT_VERSION.into(),
    );
    manifest_json.insert("index".into(), index_name.clone().into());
    manifest_json.insert("script".into(), "fahras.js".into());
    manifest_json.extend(manifest);
    let manifest_text =
        serde_json::to_string_pretty(&manifest_json).expect("a JSON map serializes") + "\n";
    std::fs::write(dir.join(MANIFEST), &manifest_text)
        .map_err(|e| write_error(&dir.join(MANIFEST), e))?;
    files.push((MANIFEST.to_owned(), manifest_text.len() as u64));

    // A temporary folder is private (0700); the output is for a web server to read.
    set_public_permissions(dir, true)?;
    swap_into_place(dir, out)?;
    // `staging` now names the previous output (or nothing): dropping it removes that.
    drop(staging);
    Ok(Written { index_name, files })
}

/// Writes only the index, to the file `out`, atomically (a temporary file renamed over it).
pub fn write_index_file(out: &Path, index: &[u8]) -> Result<(), String> {
    use std::io::Write;
    if out.is_dir() {
        return Err(format!(
            "{} is a folder: name a file ending in .fahras to write only the index",
            out.display()
        ));
    }
    let parent = parent_of(out);
    std::fs::create_dir_all(&parent)
        .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    let mut file = tempfile::Builder::new()
        .prefix(&format!(".{}.tmp-", file_name(out)))
        .tempfile_in(&parent)
        .map_err(|e| {
            format!(
                "cannot create a temporary file in {}: {e}",
                parent.display()
            )
        })?;
    file.write_all(index)
        .and_then(|()| file.flush())
        .map_err(|e| format!("cannot write {}: {e}", file.path().display()))?;
    set_public_permissions(file.path(), false)?;
    file.persist(out)
        .map_err(|e| format!("cannot write {}: {}", out.display(), e.error))?;
    Ok(())
}

/// The index file named by `path`: the file itself, or in an output folder the index its
/// manifest names (else its only `*.fahras` file).
pub fn find_index(path: &Path) -> Result<PathBuf, String> {
    if !path.is_dir() {
        return Ok(path.to_path_buf());
    }
    if let Ok(text) = std::fs::read_to_string(path.join(MANIFEST)) {
        if let Some(name) = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|m| m.get("index")?.as_str().map(str::to_owned))
        {
            return Ok(path.join(name));
        }
    }
    let mut indexes: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "fahras"))
        .collect();
    match indexes.len() {
        1 => Ok(indexes.remove(0)),
        0 => Err(format!(
            "{} holds no index (no {MANIFEST} and no .fahras file): build one with `fahras build`",
            path.display()
        )),
        _ => Err(format!(
            "{} holds several .fahras files and no {MANIFEST}: name the index file",
            path.display()
        )),
    }
}

fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| "fahras".into(), |n| n.to_string_lossy().into_owned())
}

/// Can `out` be (re)written as an output folder? It does not exist, is an empty folder, or
/// is a previous output (it has a [`MANIFEST`]).
pub fn check_replaceable(out: &Path) -> Result<(), String> {
    let meta = match std::fs::symlink_metadata(out) {
        Ok(meta) => meta,
        Err(_) => return Ok(()),
    };
    if !meta.is_dir() {
        return Err(format!(
            "{} exists and is not a folder: choose a folder for --out (or a name ending in \
             .fahras to write only the index)",
            out.display()
        ));
    }
    let empty = std::fs::read_dir(out)
        .map_err(|e| format!("cannot read {}: {e}", out.display()))?
        .next()
        .is_none();
    if empty || out.join(MANIFEST).is_file() {
        Ok(())
    } else {
        Err(format!(
            "refusing to replace {}: it holds files and was not written by `fahras build` (it \
             has no {MANIFEST}); choose a new or empty folder, such as {}",
            out.display(),
            out.join("fahras").display()
        ))
    }
}

/// Folders 0755 and files 0644 (less the umask's usual effect is not wanted: the output is
/// public by nature).
#[cfg(unix)]
fn set_public_permissions(path: &Path, recursive: bool) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    let set = |p: &Path, mode: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode))
            .map_err(|e| format!("cannot set the permissions of {}: {e}", p.display()))
    };
    if !path.is_dir() {
        return set(path, 0o644);
    }
    set(path, 0o755)?;
    if recursive {
        for entry in walkdir::WalkDir::new(path).min_depth(1) {
            let entry = entry.map_err(|e| e.to_string())?;
            set(
                entry.path(),
                if entry.file_type().is_dir() {
                    0o755
                } else {
                    0o644
                },
            )?;
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn set_public_permissions(_path: &Path, _recursive: bool) -> Result<(), String> {
    Ok(())
}

/// Puts the folder `staged` at `out`. When `out` exists, the two are exchanged (`staged` then
/// holds the previous output): in one atomic step on Linux, else with two renames (the
/// previous output restored if the second fails).
fn swap_into_place(staged: &Path, out: &Path) -> Result<(), String> {
    let failed =
        |e: std::io::Error| format!("cannot move the new output into {}: {e}", out.display());
    if std::fs::symlink_metadata(out).is_err() {
        return std::fs::rename(staged, out).map_err(failed);
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{renameat_with, RenameFlags, CWD};
        if renameat_with(CWD, staged, CWD, out, RenameFlags::EXCHANGE).is_ok() {
            return Ok(());
        }
    }
    // `staged` is the temporary folder: move the previous output aside into a sibling name,
    // the new one in, and the previous one to `staged` (removed by the caller).
    let aside = staged.with_extension("previous");
    std::fs::rename(out, &aside).map_err(failed)?;
    if let Err(e) = std::fs::rename(staged, out) {
        let _ = std::fs::rename(&aside, out);
        return Err(failed(e));
    }
    std::fs::rename(&aside, staged).map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_index_after_its_content() {
        let a = index_file_name(b"one");
        assert!(
            a.starts_with("index.") && a.ends_with(".fahras") && a.len() == 21,
            "{a}"
        );
        assert_ne!(a, index_file_name(b"two"));
        assert_eq!(a, index_file_name(b"one"));
    }

    #[test]
    fn writes_a_pasteable_snippet() {
        assert_eq!(
            embed_snippet("/fahras", "index.0badf00d.fahras"),
            "<script type=\"module\" src=\"/fahras/fahras.js\"></script>\n\
             <fahras-search src=\"/fahras/index.0badf00d.fahras\"></fahras-search>"
        );
    }
}
