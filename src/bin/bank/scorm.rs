//! `bank scorm`: an assignment as a SCORM 1.2 or 2004 package for an LMS, made from a built
//! site: the SCORM page's files, the bank's and the assignment's code, as the teacher's page
//! makes it. Reads the files; the manifest and the zip are `accord::lms`'s.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use accord::assignment::Assignment;
use accord::lms::{self, PackageInfo, PassMark, ScormVersion};
use accord::progress::DEFAULT_BANK_PATH;
use accord::results::desk::read_link;
use accord::text::escape_controls;

/// The default bank's compiled bundle, as the build writes it (see `ui::loader`).
const BUNDLE: &str = "questions/bundle.json";

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

/// The text `given`: itself, or the one line of the file it names.
fn given_text(given: &str) -> Result<String, String> {
    let path = Path::new(given);
    if !path.is_file() {
        return Ok(given.trim().to_string());
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", escape_controls(given)))?;
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    match lines.as_slice() {
        [line] => Ok(line.trim().to_string()),
        _ => Err(format!(
            "{} should hold the assignment's code or link on one line; it has {} lines of text",
            escape_controls(given),
            lines.len()
        )),
    }
}

/// The assignment a code or a student link carries (a per-student link's accommodation is
/// left out: a package is for the whole class), with its code.
fn assignment_of(given: &str) -> Result<(Assignment, String), String> {
    let text = given_text(given)?;
    let contents = read_link(&text).map_err(|e| {
        format!(
            "{} is not an assignment: {e} Give its code, its student link or a file holding either",
            accord::text::quoted(&text, 80)
        )
    })?;
    let code = accord::assignment::encode(&contents.assignment);
    Ok((contents.assignment, code))
}

/// Every file under `dir` (a folder of the site), as (path inside the package with `/`,
/// bytes). Folders that are symbolic links are not followed, so a loop cannot make this run
/// forever.
fn files_under(site: &Path, dir: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
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
            out.push((site_path(site, &path)?, read(&path)?));
        }
    }
    Ok(out)
}

/// `path`'s place in the site, with `/` between folders.
fn site_path(site: &Path, path: &Path) -> Result<String, String> {
    let relative = path
        .strip_prefix(site)
        .map_err(|_| format!("{} is outside the site", path.display()))?;
    Ok(relative
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| format!("{} has a name that is not UTF-8; rename it", path.display()))?
        .join("/"))
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The package's files: the SCORM page's (the list the build wrote), and the bank's: every
/// file in its folder (its sources and images; the whole folder, as the site holds it), or the
/// one file of a bank at the site's top; for the default bank, its bundle too.
fn package_files(site: &Path, bank_path: &str) -> Result<Vec<(String, Vec<u8>)>, String> {
    let list_path = site.join(lms::FILE_LIST);
    let list = std::fs::read_to_string(&list_path).map_err(|e| {
        format!(
            "cannot read {} ({e}): is {} a site built by ./scripts/build?",
            list_path.display(),
            site.display()
        )
    })?;
    let mut files = Vec::new();
    for path in lms::file_list(&list)? {
        let bytes = read(&site.join(&path))?;
        files.push((path, bytes));
    }
    accord::bank::path::check_relative(bank_path).map_err(|e| {
        format!(
            "the assignment's bank \"{}\": {e}",
            escape_controls(bank_path)
        )
    })?;
    let folder = accord::bank::path::folder_of(bank_path);
    if !site.join(bank_path).is_file() {
        return Err(format!(
            "the assignment draws from {}, which is not in {}",
            escape_controls(bank_path),
            site.display()
        ));
    }
    if folder.is_empty() {
        files.push((bank_path.to_string(), read(&site.join(bank_path))?));
    } else {
        files.extend(files_under(site, &site.join(folder))?);
    }
    if bank_path == DEFAULT_BANK_PATH && site.join(BUNDLE).is_file() {
        files.push((BUNDLE.to_string(), read(&site.join(BUNDLE))?));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files.dedup_by(|a, b| a.0 == b.0);
    Ok(files)
}

fn build(args: &Args) -> Result<String, String> {
    if !args.site.is_dir() {
        return Err(format!(
            "{} is not a folder: give the built site's folder (for example dist/)",
            args.site.display()
        ));
    }
    let (assignment, code) = assignment_of(&args.assignment)?;
    let files = package_files(&args.site, &assignment.bank.path)?;
    let launch = lms::launch(args.version, &code);
    let pass_mark = match args.pass_mark {
        Some(mark) => Some(mark),
        None if assignment.sealed => None,
        None => assignment.pass_mark.and_then(PassMark::from_percent),
    };
    let info = PackageInfo {
        name: &assignment.id,
        title: args.title.as_deref().unwrap_or(&assignment.title),
        launch: &launch,
        pass_mark,
    };
    let bytes = lms::scorm_package(args.version, &info, &files).map_err(|e| e.to_string())?;
    std::fs::write(&args.out, &bytes)
        .map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
    Ok(format!(
        "{}: {} package of \"{}\", {} files ({} bytes), launching {}.",
        args.out.display(),
        args.version,
        escape_controls(&assignment.title),
        files.len(),
        bytes.len(),
        lms::LAUNCH_PAGE
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
