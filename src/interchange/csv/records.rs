//! CSV rows with the byte offset of every cell, read with `csv-core` (the small state machine
//! under the `csv` crate: no serde, no `std::io`), so a message can point at the cell.

use csv_core::{ReadFieldResult, ReaderBuilder};

/// One cell: its text (quotes resolved) and where it starts in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub at: usize,
    pub text: String,
}

/// One row; never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<Cell>,
}

impl Row {
    pub fn at(&self) -> usize {
        self.cells[0].at
    }

    /// The cell in `column`, if the row has it and it is not blank.
    pub fn get(&self, column: usize) -> Option<&Cell> {
        self.cells.get(column).filter(|c| !c.text.trim().is_empty())
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.text.trim().is_empty())
    }
}

/// The separator a file uses: a tab if its first line has one, else `;` when it has more
/// semicolons than commas (spreadsheets in many languages write those), else `,`.
pub fn delimiter(text: &str) -> u8 {
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    if first.contains('\t') {
        b'\t'
    } else if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// Every row of `text` (which starts at byte `base` of the file), blank lines left out.
pub fn rows(text: &str, base: usize, delimiter: u8) -> Vec<Row> {
    let input = text.as_bytes();
    let mut reader = ReaderBuilder::new().delimiter(delimiter).build();
    let mut rows = Vec::new();
    let mut cells: Vec<Cell> = Vec::new();
    let mut field: Vec<u8> = Vec::new();
    let mut buffer = [0u8; 1024];
    let mut pos = 0;
    let mut field_start: Option<usize> = None;
    loop {
        if field_start.is_none() {
            let mut start = pos;
            if cells.is_empty() {
                while input.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
                    start += 1;
                }
            }
            field_start = Some(start);
        }
        // An empty slice (all input read) tells the reader the input has ended.
        let (result, read, written) = reader.read_field(&input[pos..], &mut buffer);
        pos += read;
        field.extend_from_slice(&buffer[..written]);
        match result {
            ReadFieldResult::InputEmpty | ReadFieldResult::OutputFull => {}
            ReadFieldResult::Field { record_end } => {
                push_cell(&mut cells, &mut field, &mut field_start, base);
                if record_end {
                    push_row(&mut rows, &mut cells);
                }
            }
            ReadFieldResult::End => break,
        }
    }
    push_row(&mut rows, &mut cells);
    rows
}

fn push_cell(cells: &mut Vec<Cell>, field: &mut Vec<u8>, start: &mut Option<usize>, base: usize) {
    cells.push(Cell {
        at: base + start.take().unwrap_or_default(),
        text: String::from_utf8_lossy(field).into_owned(),
    });
    field.clear();
}

fn push_row(rows: &mut Vec<Row>, cells: &mut Vec<Cell>) {
    let row = Row {
        cells: std::mem::take(cells),
    };
    if !row.cells.is_empty() && !row.is_blank() {
        rows.push(row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cell_knows_where_it_starts() {
        let text = "a,\"b, c\"\r\n\r\n\nd,\"e \"\"q\"\"\"\nlast";
        let rows = rows(text, 3, b',');
        let cells: Vec<Vec<(usize, &str)>> = rows
            .iter()
            .map(|r| r.cells.iter().map(|c| (c.at, c.text.as_str())).collect())
            .collect();
        // "a," is bytes 0–1 and the quoted cell starts at 2; after "\r\n\r\n\n" (8–12) the
        // second row starts at 13, its quoted cell (9 bytes) at 15, and "last" at 25;
        // everything is shifted by the base 3.
        assert_eq!(
            cells,
            vec![
                vec![(3, "a"), (5, "b, c")],
                vec![(16, "d"), (18, "e \"q\"")],
                vec![(28, "last")],
            ]
        );
    }

    #[test]
    fn the_separator_is_guessed_from_the_first_line() {
        assert_eq!(delimiter("term\tdefinition, with a comma\n"), b'\t');
        assert_eq!(delimiter("\nid;type;prompt\n"), b';');
        assert_eq!(delimiter("id,type,prompt;x\n"), b',');
    }

    #[test]
    fn long_cells_are_read_whole() {
        let long = "x".repeat(5000);
        let rows = rows(&format!("{long},y\n"), 0, b',');
        assert_eq!(rows[0].cells[0].text.len(), 5000);
        assert_eq!(rows[0].cells[1].at, 5001);
    }
}
