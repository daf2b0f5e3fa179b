//! The score histogram as the class screen draws it: ten bars in a fixed coordinate system,
//! their labels, and the sentence that says the same for screen readers. Geometry only; the
//! page turns it into SVG.

use crate::results::analysis::Histogram;

/// Width and height of the chart's coordinate system; the SVG scales to its box.
pub const WIDTH: f64 = 320.0;
pub const HEIGHT: f64 = 180.0;
/// The plot area inside it (room for the count axis on the left, bin labels below).
const LEFT: f64 = 30.0;
const RIGHT: f64 = WIDTH - 6.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 150.0;

/// One bin's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct HistogramBar {
    /// "0–10 %"; the last bin is "90–100 %" and holds 100 %.
    pub label: String,
    pub count: usize,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// The middle of the bar, for its labels.
    pub centre: f64,
    /// The axis label at the bar's left edge, on every other bin: "0 %", "20 %" … "80 %".
    pub axis_label: Option<String>,
}

/// The chart: its bars, the count axis's ticks (value, y) and its summary.
#[derive(Debug, Clone, PartialEq)]
pub struct HistogramChart {
    pub width: f64,
    pub height: f64,
    pub bottom: f64,
    pub left: f64,
    pub right: f64,
    pub bars: Vec<HistogramBar>,
    pub ticks: Vec<(usize, f64)>,
    pub summary: String,
}

/// Lay out a histogram of percentage scores.
pub fn histogram_chart(histogram: &Histogram) -> HistogramChart {
    let most = histogram.counts.iter().copied().max().unwrap_or(0).max(1);
    let slot = (RIGHT - LEFT) / 10.0;
    let bars: Vec<HistogramBar> = histogram
        .bins()
        .map(|(low, high, count)| {
            let height = (BOTTOM - TOP) * count as f64 / most as f64;
            let x = LEFT + slot * f64::from(low / 10);
            HistogramBar {
                label: format!("{low}–{high} %"),
                count,
                x: x + 2.0,
                y: BOTTOM - height,
                width: slot - 4.0,
                height,
                centre: x + slot / 2.0,
                axis_label: (low % 20 == 0).then(|| format!("{low} %")),
            }
        })
        .collect();
    let ticks = if most == 1 {
        vec![(0, BOTTOM), (1, TOP)]
    } else {
        let half = most / 2;
        vec![
            (0, BOTTOM),
            (half, BOTTOM - (BOTTOM - TOP) * half as f64 / most as f64),
            (most, TOP),
        ]
    };
    let total = histogram.total();
    let filled: Vec<String> = bars
        .iter()
        .filter(|b| b.count > 0)
        .map(|b| format!("{} in {}", b.count, b.label))
        .collect();
    let summary = if total == 0 {
        "Scores: no results yet.".to_string()
    } else {
        format!(
            "Scores of {}: {}.",
            crate::text::count(
                total as u64,
                "result",
                "results",
                crate::text::Language::English
            ),
            filled.join(", ")
        )
    };
    HistogramChart {
        width: WIDTH,
        height: HEIGHT,
        bottom: BOTTOM,
        left: LEFT,
        right: RIGHT,
        bars,
        ticks,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fullest_bin_reaches_the_top_and_the_summary_names_each_filled_bin() {
        let mut h = Histogram::default();
        h.counts[3] = 1;
        h.counts[9] = 2;
        let chart = histogram_chart(&h);
        assert_eq!(chart.bars.len(), 10);
        // The fullest bin (2) is the plot's full height, 150 − 12 = 138; one is half of it.
        assert_eq!(chart.bars[9].height, 138.0);
        assert_eq!(chart.bars[3].height, 69.0);
        assert_eq!(chart.bars[0].height, 0.0);
        assert_eq!(chart.bars[9].label, "90–100 %");
        assert_eq!(
            chart.summary,
            "Scores of 3 results: 1 in 30–40 %, 2 in 90–100 %."
        );
        assert_eq!(
            histogram_chart(&Histogram::default()).summary,
            "Scores: no results yet."
        );
    }
}
