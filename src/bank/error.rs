//! Errors found in a bank: each names the file, the line and column, and what is wrong.

use std::fmt;

/// A position in a bank file, 1-based like an editor shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl Location {
    /// The location of byte `offset` in `text` (scans the text: for one-off messages).
    pub fn at(file: &str, text: &str, offset: usize) -> Self {
        let offset = offset.min(text.len());
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Location {
            file: file.to_string(),
            line,
            column,
        }
    }

    /// The location of byte `offset`, using a precomputed index of line starts.
    pub fn indexed(file: &str, text: &str, lines: &LineIndex, offset: usize) -> Self {
        let offset = offset.min(text.len());
        let line = lines.starts.partition_point(|&start| start <= offset);
        let line_start = lines.starts[line - 1];
        Location {
            file: file.to_string(),
            line,
            column: text[line_start..offset].chars().count() + 1,
        }
    }

    /// The start of a file, for problems that belong to no particular line.
    pub fn file_start(file: &str) -> Self {
        Location {
            file: file.to_string(),
            line: 1,
            column: 1,
        }
    }
}

/// Where each line of a text starts, so locating many offsets stays linear.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }
}

/// One problem in a bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankError {
    pub location: Location,
    pub message: String,
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Location { file, line, column } = &self.location;
        write!(f, "{file}:{line}:{column}: {}", self.message)
    }
}

impl std::error::Error for BankError {}

/// Every problem found in a bank, in file order. Never empty when returned as an error.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BankErrors(pub Vec<BankError>);

impl BankErrors {
    pub fn push(&mut self, location: Location, message: impl Into<String>) {
        self.0.push(BankError {
            location,
            message: message.into(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &BankError> {
        self.0.iter()
    }
}

impl fmt::Display for BankErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for error in &self.0 {
            writeln!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for BankErrors {}
