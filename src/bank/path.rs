//! Paths a bank may name (its question files, its images, a `?bank=` link): relative paths
//! that stay inside a folder, checked the same way by the app and the checker.
//!
//! Only plain names are allowed: no scheme, no `%` escapes, no `?` or `#`, no `..` or `.`
//! parts, no backslashes. So no spelling of a path can leave the folder once a URL parser
//! resolves it (`%2e%2e` is `..` to a browser). The browser side also resolves every path with
//! the URL parser and checks the result's origin and folder, as a second line of defence.

/// Why a path was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathProblem {
    Empty,
    TooLong,
    /// Starts with `/`, or names a scheme or host (`https:`, `//`, `data:`).
    NotRelative,
    /// A `..` or `.` part, or an empty part (`a//b`).
    LeavesFolder,
    /// A character that a URL would read specially or that a file name should not hold.
    Character(char),
}

impl std::fmt::Display for PathProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PathProblem::Empty => write!(f, "it is empty"),
            PathProblem::TooLong => write!(f, "it is longer than {MAX_LEN} characters"),
            PathProblem::NotRelative => write!(
                f,
                "it must be a path relative to this folder, not an address or an absolute path"
            ),
            PathProblem::LeavesFolder => write!(
                f,
                "it must stay inside this folder (no \"..\", \".\" or empty parts)"
            ),
            PathProblem::Character(c) => write!(
                f,
                "it contains {}, which a file path here may not hold (use letters, digits, '-', '_', '.' and '/')",
                shown_char(*c)
            ),
        }
    }
}

fn shown_char(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        format!("the character U+{:04X}", c as u32)
    } else {
        format!("'{c}'")
    }
}

const MAX_LEN: usize = 200;

/// Check a relative path: every part a plain name of letters, digits, `-`, `_` and `.`.
pub fn check_relative(path: &str) -> Result<(), PathProblem> {
    if path.is_empty() {
        return Err(PathProblem::Empty);
    }
    if path.chars().count() > MAX_LEN {
        return Err(PathProblem::TooLong);
    }
    if path.starts_with('/') || path.contains(':') {
        return Err(PathProblem::NotRelative);
    }
    if let Some(c) = path
        .chars()
        .find(|&c| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/')))
    {
        return Err(PathProblem::Character(c));
    }
    if path
        .split('/')
        .any(|part| part.is_empty() || part == "." || part == "..")
    {
        return Err(PathProblem::LeavesFolder);
    }
    Ok(())
}

/// The folder part of a path, with its trailing slash: `a/b/index.toml` → `a/b/`.
pub fn folder_of(path: &str) -> &str {
    match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "",
    }
}

/// `name` beside `base` (a file path): `folder_of(base) + name`.
pub fn beside(base: &str, name: &str) -> String {
    format!("{}{name}", folder_of(base))
}

/// The part of a file name after its last dot, lowercased: `Quiz.GIFT` → `gift`.
pub fn extension(path: &str) -> String {
    let name = &path[folder_of(path).len()..];
    name.rfind('.')
        .map(|i| name[i + 1..].to_ascii_lowercase())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_relative_paths_pass() {
        for ok in [
            "index.toml",
            "sub/q.toml",
            "fixtures/kbd/index.toml",
            "geschichte-ä_1.toml",
        ] {
            assert_eq!(check_relative(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn every_way_out_of_the_folder_is_refused() {
        for (bad, why) in [
            ("", PathProblem::Empty),
            ("/etc/passwd", PathProblem::NotRelative),
            ("https:evil.example/index.toml", PathProblem::NotRelative),
            ("https://evil.example/index.toml", PathProblem::NotRelative),
            ("data:text/plain,x", PathProblem::NotRelative),
            ("//evil.example/x.toml", PathProblem::NotRelative),
            ("../x.toml", PathProblem::LeavesFolder),
            ("a/./x.toml", PathProblem::LeavesFolder),
            ("a//x.toml", PathProblem::LeavesFolder),
            ("%2e%2e/x.toml", PathProblem::Character('%')),
            ("a\\..\\x.toml", PathProblem::Character('\\')),
            ("x.toml?y", PathProblem::Character('?')),
            ("x.toml#y", PathProblem::Character('#')),
            ("a b.toml", PathProblem::Character(' ')),
        ] {
            assert_eq!(check_relative(bad), Err(why), "{bad}");
        }
    }

    #[test]
    fn folders_and_extensions() {
        assert_eq!(folder_of("a/b/index.toml"), "a/b/");
        assert_eq!(folder_of("index.toml"), "");
        assert_eq!(beside("q/index.toml", "sub/one.toml"), "q/sub/one.toml");
        assert_eq!(extension("dir.v2/Quiz.GIFT"), "gift");
        assert_eq!(extension("dir.v2/README"), "");
    }
}
