//! `imsmanifest.xml` for SCORM 1.2 and SCORM 2004 4th edition: one organization, one item,
//! one SCO resource that launches the app on its assignment, and a `<file>` for every file of
//! the package. Written with quick-xml's writer, which escapes every attribute and text.
//!
//! Sources: the single-SCO content packaging examples of the ADL CAM books (SCORM 1.2 Content
//! Aggregation Model §2.3.4, the `imscp_rootv1p1p2` / `adlcp_rootv1p2` namespaces, schema
//! version `1.2`, attribute `adlcp:scormtype`; SCORM 2004 4th edition CAM §3.4, the
//! `imscp_v1p1` / `adlcp_v1p3` / `adlseq_v1p3` / `adlnav_v1p3` / `imsss` namespaces, schema
//! version `2004 4th Edition`, attribute `adlcp:scormType`).
//!
//! The pass mark is given to the LMS too, so that its own pass/fail agrees with the one the
//! app reports: 1.2's `<adlcp:masteryscore>` (0–100, compared with `cmi.core.score.raw`) and
//! 2004's primary objective `satisfiedByMeasure` with `<imsss:minNormalizedMeasure>` (0–1,
//! which the LMS hands to the SCO as `cmi.scaled_passing_score`). A sealed exam, whose score
//! the app cannot know, gives none.
//!
//! The ADL schema files (`.xsd`) are not bundled: LMSs do not need them to import a package;
//! only the ADL conformance test suite asks for them.

use std::io::Cursor;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::datamodel::PassMark;
use super::format::{fixed, identifier, one_line};
use super::version::ScormVersion;

/// The name of the manifest inside a package.
pub const MANIFEST_FILE: &str = "imsmanifest.xml";

/// What the manifest says about a package.
#[derive(Debug, Clone, Copy)]
pub struct PackageInfo<'a> {
    /// What names the package (the assignment's code): the manifest's identifier is made
    /// from it.
    pub name: &'a str,
    /// The title the LMS shows.
    pub title: &'a str,
    /// The page to launch, relative to the package, with its query already encoded:
    /// `index.html?a=<code>` (see [`percent_encode`]).
    pub launch: &'a str,
    /// The pass mark, for the LMS's own pass/fail; `None` for a sealed exam.
    pub pass_mark: Option<PassMark>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ManifestError {
    /// The launch page is not among the files.
    NoLaunchPage(String),
    /// A file path that cannot be in a package: absolute, with `..`, a backslash or an
    /// empty part, or the manifest's own name.
    BadPath(String),
}

impl std::fmt::Display for ManifestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ManifestError::NoLaunchPage(page) => write!(
                f,
                "the package has no \"{}\" to launch: is this a built site?",
                crate::text::escape_controls(page)
            ),
            ManifestError::BadPath(path) => write!(
                f,
                "\"{}\" cannot be a file in a package: use a relative path with / between \
                 folders, no .. and no empty parts",
                crate::text::escape_controls(path)
            ),
        }
    }
}

/// Check a file's path inside a package: relative, `/`-separated, no `..` or `.` or empty
/// parts, no backslash or control character, and not the manifest's own name.
pub fn check_path(path: &str) -> Result<(), ManifestError> {
    let bad = path.is_empty()
        || path == MANIFEST_FILE
        || path.contains('\\')
        || path.chars().any(char::is_control)
        || path
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..");
    if bad {
        Err(ManifestError::BadPath(path.to_string()))
    } else {
        Ok(())
    }
}

/// `text` for a URI: unreserved characters (`A–Z a–z 0–9 - . _ ~`) kept, and `/` too when
/// `keep_slash`; every other byte of its UTF-8 as `%XX`. Written here because it is ten
/// lines and the only URI work the package needs.
pub fn percent_encode(text: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        let keep = byte.is_ascii_alphanumeric()
            || matches!(byte, b'-' | b'.' | b'_' | b'~')
            || (keep_slash && byte == b'/');
        if keep {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Text XML 1.0 can hold: control characters and the two non-characters U+FFFE and U+FFFF,
/// which no XML document may contain even escaped, become spaces.
fn xml_text(text: &str) -> String {
    one_line(text)
        .chars()
        .map(|c| {
            if matches!(c, '\u{fffe}' | '\u{ffff}') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The manifest of a package holding `files` (by their paths inside it, `imsmanifest.xml`
/// excepted).
pub fn manifest(
    version: ScormVersion,
    info: &PackageInfo,
    files: &[String],
) -> Result<String, ManifestError> {
    for file in files {
        check_path(file)?;
    }
    let page = info.launch.split(['?', '#']).next().unwrap_or_default();
    if !files
        .iter()
        .any(|f| percent_encode(f, true) == page || f == page)
    {
        return Err(ManifestError::NoLaunchPage(page.to_string()));
    }
    let mut files: Vec<&String> = files.iter().collect();
    files.sort();
    files.dedup();
    let id = format!(
        "accord-{}",
        identifier(info.name, 100).unwrap_or_else(|| "package".to_string())
    );
    let title = xml_text(info.title);
    let title = if title.trim().is_empty() {
        "Accord quiz".to_string()
    } else {
        title
    };
    write(version, &id, &title, info, &files).map_err(|e| ManifestError::BadPath(e.to_string()))
}

fn write(
    version: ScormVersion,
    id: &str,
    title: &str,
    info: &PackageInfo,
    files: &[&String],
) -> std::io::Result<String> {
    let mut writer = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let (namespaces, schema_version, scorm_type): (&[(&str, &str)], &str, &str) = match version {
        ScormVersion::V12 => (
            &[
                ("xmlns", "http://www.imsproject.org/xsd/imscp_rootv1p1p2"),
                ("xmlns:adlcp", "http://www.adlnet.org/xsd/adlcp_rootv1p2"),
                ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                (
                    "xsi:schemaLocation",
                    "http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd \
                     http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd \
                     http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd",
                ),
            ],
            "1.2",
            "adlcp:scormtype",
        ),
        ScormVersion::V2004 => (
            &[
                ("xmlns", "http://www.imsglobal.org/xsd/imscp_v1p1"),
                ("xmlns:adlcp", "http://www.adlnet.org/xsd/adlcp_v1p3"),
                ("xmlns:adlseq", "http://www.adlnet.org/xsd/adlseq_v1p3"),
                ("xmlns:adlnav", "http://www.adlnet.org/xsd/adlnav_v1p3"),
                ("xmlns:imsss", "http://www.imsglobal.org/xsd/imsss"),
                ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                (
                    "xsi:schemaLocation",
                    "http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd \
                     http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd \
                     http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd \
                     http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd \
                     http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd",
                ),
            ],
            "2004 4th Edition",
            "adlcp:scormType",
        ),
    };
    writer
        .create_element("manifest")
        .with_attributes([("identifier", id), ("version", "1")])
        .with_attributes(namespaces.iter().copied())
        .write_inner_content(|w| {
            w.create_element("metadata").write_inner_content(|w| {
                w.create_element("schema")
                    .write_text_content(BytesText::new("ADL SCORM"))?;
                w.create_element("schemaversion")
                    .write_text_content(BytesText::new(schema_version))?;
                Ok(())
            })?;
            w.create_element("organizations")
                .with_attribute(("default", "accord_org"))
                .write_inner_content(|w| {
                    w.create_element("organization")
                        .with_attribute(("identifier", "accord_org"))
                        .write_inner_content(|w| {
                            w.create_element("title")
                                .write_text_content(BytesText::new(title))?;
                            w.create_element("item")
                                .with_attributes([
                                    ("identifier", "accord_item"),
                                    ("identifierref", "accord_sco"),
                                    ("isvisible", "true"),
                                ])
                                .write_inner_content(|w| {
                                    w.create_element("title")
                                        .write_text_content(BytesText::new(title))?;
                                    pass_mark(w, version, info.pass_mark)
                                })?;
                            Ok(())
                        })?;
                    Ok(())
                })?;
            w.create_element("resources").write_inner_content(|w| {
                w.create_element("resource")
                    .with_attributes([
                        ("identifier", "accord_sco"),
                        ("type", "webcontent"),
                        (scorm_type, "sco"),
                        ("href", info.launch),
                    ])
                    .write_inner_content(|w| {
                        for file in files {
                            w.create_element("file")
                                .with_attribute(("href", percent_encode(file, true).as_str()))
                                .write_empty()?;
                        }
                        Ok(())
                    })?;
                Ok(())
            })?;
            Ok(())
        })?;
    let mut bytes = writer.into_inner().into_inner();
    bytes.push(b'\n');
    String::from_utf8(bytes).map_err(std::io::Error::other)
}

fn pass_mark(
    w: &mut Writer<Cursor<Vec<u8>>>,
    version: ScormVersion,
    mark: Option<PassMark>,
) -> std::io::Result<()> {
    let Some(mark) = mark else {
        return Ok(());
    };
    let thousandths = u64::from(mark.thousandths());
    match version {
        ScormVersion::V12 => {
            // 0–100: 600 thousandths is "60", 625 is "62.5".
            w.create_element("adlcp:masteryscore")
                .write_text_content(BytesText::new(&fixed(thousandths, 1)))?;
        }
        ScormVersion::V2004 => {
            w.create_element("imsss:sequencing")
                .write_inner_content(|w| {
                    w.create_element("imsss:objectives")
                        .write_inner_content(|w| {
                            w.create_element("imsss:primaryObjective")
                                .with_attributes([
                                    ("objectiveID", "accord_pass"),
                                    ("satisfiedByMeasure", "true"),
                                ])
                                .write_inner_content(|w| {
                                    w.create_element("imsss:minNormalizedMeasure")
                                        .write_text_content(BytesText::new(&fixed(
                                            thousandths,
                                            3,
                                        )))?;
                                    Ok(())
                                })?;
                            Ok(())
                        })?;
                    Ok(())
                })?;
        }
    }
    Ok(())
}
