//! CSV for spreadsheets: the class gradebook, the test summary, the item analysis and the
//! response counts, as RFC 4180 text. It formats what it is given and computes nothing more.
//!
//! Written with the `csv` crate's writer (quoting fields with commas, quotes or line breaks,
//! doubling quotes, CRLF line ends). Names come from students, so every text field that
//! starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`: a
//! spreadsheet would otherwise run it as a formula (OWASP, "CSV Injection"). Numbers are
//! written by this module, with a `.` for the decimal point and no thousands separator.

use csv::{QuoteStyle, Terminator, WriterBuilder};

use super::{Analysis, ItemStats, TestStats};

/// One student's line in the gradebook, as the caller has it. Only the percentage is worked
/// out here.
#[derive(Debug, Clone, PartialEq)]
pub struct GradebookRow {
    pub student: String,
    /// Points earned.
    pub score: f64,
    /// The most the attempt could earn; the percentage is left empty unless above 0.
    pub max_score: f64,
    /// Time the student used, in whole seconds (`None`: unknown).
    pub time_used_seconds: Option<u64>,
    /// When it was handed in, as text the caller formatted (ISO 8601, say): this module has
    /// no clock and no time zone.
    pub handed_in_at: String,
    /// 1 for the first attempt.
    pub attempt: u32,
    /// Plain words for what the teacher should know ("time ran out", "conditions differ").
    pub flags: Vec<String>,
}

/// One row per student: Student, Score, Out of, Percentage, Time used (s), Handed in at,
/// Attempt, Flags (joined with "; "). Score and Out of have at most two decimals, the
/// percentage one.
pub fn gradebook_csv(rows: &[GradebookRow]) -> String {
    let header = [
        "Student",
        "Score",
        "Out of",
        "Percentage",
        "Time used (s)",
        "Handed in at",
        "Attempt",
        "Flags",
    ];
    let records = rows.iter().map(|row| {
        let percentage = if row.max_score > 0.0 {
            number(100.0 * row.score / row.max_score, 1)
        } else {
            String::new()
        };
        vec![
            text(&row.student),
            number(row.score, 2),
            number(row.max_score, 2),
            percentage,
            row.time_used_seconds
                .map_or_else(String::new, |s| s.to_string()),
            text(&row.handed_in_at),
            row.attempt.to_string(),
            text(&row.flags.join("; ")),
        ]
    });
    write_csv(&header, records)
}

/// The whole test as Statistic, Value rows: counts, points (two decimals), the coefficient
/// of internal consistency and the error ratio as percentages (two decimals, as Moodle
/// shows them), then one row per histogram bin. An undefined value is left empty.
pub fn test_summary_csv(test: &TestStats) -> String {
    let points = |x: Option<f64>| x.map_or_else(String::new, |x| number(x, 2));
    let percent = |x: Option<f64>| x.map_or_else(String::new, |x| number(100.0 * x, 2));
    let mean_percent = test.mean.and_then(|m| test.fraction_of_max(m));
    let mut records = vec![
        vec!["Attempts".to_string(), test.attempts.to_string()],
        vec!["Questions".to_string(), test.items.to_string()],
        vec!["Maximum possible".to_string(), number(test.max_possible, 2)],
        vec!["Mean".to_string(), points(test.mean)],
        vec!["Mean (%)".to_string(), percent(mean_percent)],
        vec!["Median".to_string(), points(test.median)],
        vec![
            "Standard deviation".to_string(),
            points(test.standard_deviation),
        ],
        vec!["Lowest".to_string(), points(test.min)],
        vec!["Highest".to_string(), points(test.max)],
        vec![
            "Coefficient of internal consistency (%)".to_string(),
            percent(test.internal_consistency),
        ],
        vec!["Error ratio (%)".to_string(), percent(test.error_ratio)],
        vec!["Standard error".to_string(), points(test.standard_error)],
    ];
    for (low, high, count) in test.histogram.bins() {
        records.push(vec![format!("Scores {low}–{high} %"), count.to_string()]);
    }
    write_csv(&["Statistic", "Value"], records)
}

/// One row per question: Question, Topic, Max points, Attempts, Answered, Mean points,
/// Facility index (%), Standard deviation (% of max), Discrimination index (%),
/// Discriminative efficiency (%), Flags, Responses. Percentages have two decimals, as
/// Moodle shows them; an undefined value is left empty. Responses is for people
/// ("Paris: 3; Lyon: 1; other: 0; not answered: 1"); [`response_counts_csv`] has the same
/// counts one per row.
pub fn item_analysis_csv(analysis: &Analysis) -> String {
    let header = [
        "Question",
        "Topic",
        "Max points",
        "Attempts",
        "Answered",
        "Mean points",
        "Facility index (%)",
        "Standard deviation (% of max)",
        "Discrimination index (%)",
        "Discriminative efficiency (%)",
        "Flags",
        "Responses",
    ];
    let percent = |x: Option<f64>| x.map_or_else(String::new, |x| number(100.0 * x, 2));
    let records = analysis.items.iter().map(|item| {
        let flags: Vec<&str> = item.flags.iter().map(|flag| flag.label()).collect();
        vec![
            text(&item.id),
            text(&item.topic),
            number(item.max_points, 2),
            item.attempts.to_string(),
            item.answered.to_string(),
            item.mean.map_or_else(String::new, |m| number(m, 2)),
            percent(item.facility),
            percent(item.standard_deviation_of_max()),
            percent(item.discrimination),
            percent(item.discriminative_efficiency),
            text(&flags.join("; ")),
            text(&responses_in_words(item)),
        ]
    });
    write_csv(&header, records)
}

/// The distractor analysis, one row per response of each question: Question, Response,
/// Count, Share (% of attempts, one decimal). Each question lists every category, then
/// "(other answer)" and "(not answered)".
pub fn response_counts_csv(analysis: &Analysis) -> String {
    let mut records = Vec::new();
    for item in &analysis.items {
        let share = |count: usize| {
            if item.attempts > 0 {
                number(100.0 * count as f64 / item.attempts as f64, 1)
            } else {
                String::new()
            }
        };
        let r = &item.responses;
        let rows = r
            .categories
            .iter()
            .map(|c| (c.label.as_str(), c.count))
            .chain([
                ("(other answer)", r.other),
                ("(not answered)", r.unanswered),
            ]);
        for (label, count) in rows {
            records.push(vec![
                text(&item.id),
                text(label),
                count.to_string(),
                share(count),
            ]);
        }
    }
    write_csv(&["Question", "Response", "Count", "Share (%)"], records)
}

fn responses_in_words(item: &ItemStats) -> String {
    let r = &item.responses;
    let mut parts: Vec<String> = r
        .categories
        .iter()
        .map(|c| format!("{}: {}", c.label, c.count))
        .collect();
    parts.push(format!("other: {}", r.other));
    parts.push(format!("not answered: {}", r.unanswered));
    parts.join("; ")
}

/// A text field, defused: a leading `'` before anything a spreadsheet would read as the
/// start of a formula.
fn text(field: &str) -> String {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}")
    } else {
        field.to_string()
    }
}

/// `x` with at most `decimals` decimals, trailing zeros dropped ("2.5", "3"); empty when not
/// a finite number.
fn number(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let fixed = format!("{x:.decimals$}");
    let trimmed = if fixed.contains('.') {
        fixed.trim_end_matches('0').trim_end_matches('.')
    } else {
        &fixed
    };
    if trimmed == "-0" {
        "0".to_string()
    } else {
        trimmed.to_string()
    }
}

/// The header and records as CSV text, CRLF after every record.
fn write_csv(header: &[&str], records: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut writer = WriterBuilder::new()
        .terminator(Terminator::CRLF)
        .quote_style(QuoteStyle::Necessary)
        .flexible(true)
        .from_writer(Vec::new());
    // Writing into a Vec cannot fail, so an error here would be a bug in the csv crate; what
    // was written so far is still returned rather than panicking.
    let _ = writer.write_record(header);
    for record in records {
        let _ = writer.write_record(&record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    // Every field was a Rust string, so the bytes are UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
