//! `bank scorm`: package a built site as a SCORM 1.2 or 2004 package for an LMS. Reads the
//! site's files and the assignment, then leaves the manifest and the zip to `accord::lms`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use accord::lms::{self, PackageInfo, PassMark, ScormVersion};
use accord::text::escape_controls;

struct Args {
    site: PathBuf,
    assignment: String,
    version: ScormVersion,
    out: PathBuf,
    title: Option<String>,
    pass_mark: Option<PassMark>,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut site = None;
    let mut assignment = None;
    let mut version = None;
    let mut out = None;
    let mut title = None;
    let mut pass_mark = None;
    let mut iter = args.iter();
    while let Some(option) = iter.next() {
        let mut value = |what: &str| {
            iter.next()
                .cloned()
                .ok_or_else(|| format!("{option} needs {what}"))
        };
        match option.as_str() {
            "--site" => site = Some(PathBuf::from(value("the built site's folder")?)),
            "--assignment" => assignment = Some(value("the assignment's code or a file")?),
            "--version" => {
                let text = value("1.2 or 2004")?;
                version = Some(ScormVersion::parse(&text).ok_or_else(|| {
                    format!(
                        "--version is 1.2 or 2004, not \"{}\"",
                        escape_controls(&text)
                    )
                })?);
            }
            "--out" => out = Some(PathBuf::from(value("the zip file to write")?)),
            "--title" => title = Some(value("a title")?),
            "--pass" => {
                let text = value("a percentage")?;
                let percent: f64 = text.trim().trim_end_matches('%').parse().map_err(|_| {
                    format!("--pass is a percentage, not \"{}\"", escape_controls(&text))
                })?;
                pass_mark = Some(
                    PassMark::from_fraction(percent / 100.0)
                        .ok_or_else(|| "--pass is between 0 and 100".to_string())?,
                );
            }
            other => {
                return Err(format!(
                    "unknown option \"{}\" for scorm",
                    escape_controls(other)
                ));
            }
        }
    }
    Ok(Args {
        site: site.ok_or("scorm needs --site <the built site's folder>")?,
        assignment: assignment.ok_or("scorm needs --assignment <code or file>")?,
        version: version.ok_or("scorm needs --version 1.2 or --version 2004")?,
        out: out.ok_or("scorm needs --out <file.zip>")?,
        title,
        pass_mark,
    })
}

/// The assignment's code: the text given, or the one line of the file it names.
fn assignment_code(given: &str) -> Result<String, String> {
    let path = Path::new(given);
    let code = if path.is_file() {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", escape_controls(given)))?;
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        match lines.as_slice() {
            [line] => line.trim().to_string(),
            _ => {
                return Err(format!(
                    "{} should hold the assignment's code on one line; it has {} lines of text",
                    escape_controls(given),
                    lines.len()
                ));
            }
        }
    } else {
        given.trim().to_string()
    };
    if code.is_empty() || code.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "\"{}\" is not an assignment code (a code has no spaces) nor a file",
            escape_controls(given)
        ));
    }
    Ok(code)
}

/// Every file under `dir`, as (path inside the package with `/`, bytes), in path order.
/// Folders that are symbolic links are not followed, so a loop cannot make this run forever.
fn site_files(dir: &Path, skip: Option<&Path>) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|e| format!("cannot read the folder {}: {e}", folder.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("cannot read {}: {e}", folder.display()))?;
            let path = entry.path();
            let kind = entry
                .file_type()
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            if kind.is_dir() {
                pending.push(path);
                continue;
            }
            if kind.is_symlink() && path.is_dir() {
                continue;
            }
            if skip.is_some_and(|s| path.canonicalize().is_ok_and(|p| p == s)) {
                continue;
            }
            let relative = path
                .strip_prefix(dir)
                .map_err(|_| format!("{} is outside the site", path.display()))?;
            let name = relative
                .components()
                .map(|c| c.as_os_str().to_str())
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| {
                    format!("{} has a name that is not UTF-8; rename it", path.display())
                })?
                .join("/");
            let bytes =
                std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            out.push((name, bytes));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

fn build(args: &Args) -> Result<String, String> {
    if !args.site.is_dir() {
        return Err(format!(
            "{} is not a folder: give the built site's folder (for example dist/)",
            args.site.display()
        ));
    }
    let code = assignment_code(&args.assignment)?;
    let skip = args.out.canonicalize().ok();
    let files = site_files(&args.site, skip.as_deref())?;
    if files.iter().any(|(name, _)| name == lms::MANIFEST_FILE) {
        return Err(format!(
            "{} already has an {}: is it a package already? Give the built site",
            args.site.display(),
            lms::MANIFEST_FILE
        ));
    }
    let launch = format!("index.html?a={}", lms::percent_encode(&code, false));
    let info = PackageInfo {
        name: &code,
        title: args.title.as_deref().unwrap_or("Accord quiz"),
        launch: &launch,
        pass_mark: args.pass_mark,
    };
    let bytes = lms::scorm_package(args.version, &info, &files).map_err(|e| e.to_string())?;
    std::fs::write(&args.out, &bytes)
        .map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
    Ok(format!(
        "{}: {} package of {} files ({} bytes), launching {launch}.",
        args.out.display(),
        args.version,
        files.len(),
        bytes.len()
    ))
}

/// Run `bank scorm` with the arguments after `scorm`.
pub fn run(args: &[String]) -> ExitCode {
    let args = match parse(args) {
        Ok(args) => args,
        Err(message) => return super::usage_error(&message),
    };
    match build(&args) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("bank: {message}");
            ExitCode::FAILURE
        }
    }
}
