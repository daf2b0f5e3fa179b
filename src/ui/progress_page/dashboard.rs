//! The progress dashboard: accuracy over time, mastery per topic, streak, the review
//! forecast and per-question history, drawn as inline SVG with text alternatives and a
//! "Show the numbers" table for each chart.
//!
//! The numbers come from `progress::DashboardStats` (pure, tested natively); this file only
//! lays them out. Charts colour themselves through CSS classes (style/dashboard.css), and the
//! mastery segments also differ by pattern, so colour is never the only cue.

use leptos::prelude::*;

use crate::calendar::{Date, local_date_time};
use crate::progress::{AccuracySeries, DashboardStats, QuestionHistory, Streak, TopicMastery};
use crate::quiz::Outcome;
use crate::ui::words::outcome_class;

/// Width of every chart's coordinate system. The SVGs scale to their box; text sizes are
/// tuned in the CSS for phones and desktops.
const CHART_WIDTH: f64 = 320.0;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A coordinate with one decimal, without float formatting code.
fn coord(x: f64) -> String {
    crate::text::plain((x * 10.0).round() / 10.0)
}

/// Everything the dashboard shows.
#[component]
pub fn Dashboard(stats: DashboardStats, total: usize, offset: i32) -> impl IntoView {
    if stats.is_empty() {
        return view! {
            <p class="dash-empty" id="dashboard-empty">
                "Answer a few questions to see your progress here."
            </p>
        }
        .into_any();
    }
    let answered = stats.history.len();
    view! {
        <StreakPanel streak=stats.streak answers=stats.answers answered total />
        <AccuracyChart series=stats.accuracy />
        <MasteryChart topics=stats.mastery />
        <ForecastChart days=stats.forecast />
        <HistoryTable rows=stats.history offset />
    }
    .into_any()
}

#[component]
fn StreakPanel(streak: Streak, answers: usize, answered: usize, total: usize) -> impl IntoView {
    let days = streak.days as usize;
    let note = match (days, streak.includes_today) {
        (0, _) => "Answer a question today to start a streak.",
        (_, true) => "You have answered today.",
        (_, false) => "Answer a question today to keep it going.",
    };
    view! {
        <section class="dash-panel dash-numbers" aria-labelledby="streak-heading">
            <h2 id="streak-heading" class="sr-only">"In numbers"</h2>
            <dl class="tiles">
                <div class="tile">
                    <dt>"Current streak"</dt>
                    <dd id="streak">{plural(days, "day", "days")}</dd>
                </div>
                <div class="tile">
                    <dt>"Answers given"</dt>
                    <dd id="answer-count">{answers}</dd>
                </div>
                <div class="tile">
                    <dt>"Questions answered"</dt>
                    <dd id="answered-count">{format!("{answered} of {total}")}</dd>
                </div>
            </dl>
            <p class="dash-note">
                {note}
                " A streak counts consecutive days (in your time zone) with at least one answer."
            </p>
        </section>
    }
}

/// The label of an accuracy bucket: its day, or the week it starts.
fn bucket_label(first_day: i64, bucket_days: u32) -> String {
    let date = Date::from_day(first_day);
    if bucket_days == 1 {
        date.short()
    } else {
        format!("wk of {}", date.short())
    }
}

/// A line chart of the share of fully right answers per day (or week), 0 to 100 %.
#[component]
fn AccuracyChart(series: AccuracySeries) -> impl IntoView {
    if series.buckets.is_empty() {
        // Every answer is dated after today (a device whose clock ran ahead).
        return view! {
            <section class="dash-panel" aria-labelledby="accuracy-heading">
                <h2 id="accuracy-heading">"Accuracy over time"</h2>
                <p class="dash-note">"No answers up to today yet."</p>
            </section>
        }
        .into_any();
    }
    const HEIGHT: f64 = 170.0;
    const LEFT: f64 = 46.0;
    const RIGHT: f64 = CHART_WIDTH - 16.0;
    const TOP: f64 = 10.0;
    const BOTTOM: f64 = 140.0;
    let n = series.buckets.len();
    let x_of = move |i: usize| {
        if n <= 1 {
            (LEFT + RIGHT) / 2.0
        } else {
            LEFT + (RIGHT - LEFT) * i as f64 / (n - 1) as f64
        }
    };
    let y_of = |percent: u32| BOTTOM - (BOTTOM - TOP) * f64::from(percent) / 100.0;
    let unit = if series.bucket_days == 1 {
        "day"
    } else {
        "week"
    };
    let points: Vec<(usize, u32, String, u32)> = series
        .buckets
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let label = bucket_label(b.first_day, series.bucket_days);
            b.percent().map(|p| (i, p, label, b.answers))
        })
        .collect();
    let line: String = points
        .iter()
        .map(|(i, p, _, _)| format!("{},{}", coord(x_of(*i)), coord(y_of(*p))))
        .collect::<Vec<_>>()
        .join(" ");
    let summary = {
        let first = bucket_label(series.buckets[0].first_day, series.bucket_days);
        let last = bucket_label(series.buckets[n - 1].first_day, series.bucket_days);
        let (_, latest, latest_label, latest_answers) = points.last().cloned().unwrap_or_default();
        let high = points.iter().map(|p| p.1).max().unwrap_or(0);
        let low = points.iter().map(|p| p.1).min().unwrap_or(0);
        if points.len() == 1 {
            format!(
                "Accuracy per {unit}: {latest} % of answers fully right on {latest_label} ({}).",
                plural(latest_answers as usize, "answer", "answers")
            )
        } else {
            format!(
                "Accuracy per {unit} from {first} to {last}: {} with answers, lowest {low} %, highest {high} %, latest {latest} % ({latest_label}).",
                plural(points.len(), unit, &format!("{unit}s"))
            )
        }
    };
    // Every bucket is labelled when there are few (four fit even by week); otherwise the first, middle and last.
    let ticks: Vec<(f64, &'static str, String)> = series
        .buckets
        .iter()
        .enumerate()
        .filter(|&(i, _)| n <= 4 || i == 0 || i == n / 2 || i + 1 == n)
        .map(|(i, b)| {
            let anchor = if n == 1 {
                "middle"
            } else if i == 0 {
                "start"
            } else if i + 1 == n {
                "end"
            } else {
                "middle"
            };
            let x = match anchor {
                "start" => x_of(i) - 6.0,
                "end" => x_of(i) + 6.0,
                _ => x_of(i),
            };
            (x, anchor, bucket_label(b.first_day, series.bucket_days))
        })
        .collect();
    let rows = points.clone();
    let title = summary.clone();
    let caption = format!(
        "The share of your answers that got full credit, per {unit}{}. Partly right answers count as not right.",
        if series.bucket_days == 1 {
            ", from your first answer to today"
        } else {
            ", by weeks ending today"
        }
    );
    view! {
        <section class="dash-panel" aria-labelledby="accuracy-heading">
            <h2 id="accuracy-heading">"Accuracy over time"</h2>
            <figure class="chart-figure">
                <svg id="accuracy-chart" class="chart" viewBox=format!("0 0 {} {}", coord(CHART_WIDTH), coord(HEIGHT))
                    role="img" aria-label=summary>
                    <title>{title}</title>
                    <g class="grid">
                        {[0u32, 50, 100].into_iter().map(|p| {
                            let y = coord(y_of(p));
                            view! {
                                <g>
                                    <line x1=coord(LEFT) x2=coord(RIGHT) y1=y.clone() y2=y.clone() class="grid-line" />
                                    <text x=coord(LEFT - 5.0) y=y class="axis-label" text-anchor="end" dominant-baseline="middle">{format!("{p} %")}</text>
                                </g>
                            }
                        }).collect_view()}
                    </g>
                    <polyline class="series-line" points=line />
                    {points.into_iter().map(|(i, p, label, answers)| {
                        let tip = format!("{label}: {p} % of {}", plural(answers as usize, "answer", "answers"));
                        view! {
                            <g>
                                <circle class="series-dot" cx=coord(x_of(i)) cy=coord(y_of(p)) r="3.5">
                                    <title>{tip}</title>
                                </circle>
                            </g>
                        }
                    }).collect_view()}
                    {ticks.into_iter().map(|(x, anchor, label)| view! {
                        <g>
                            <text class="axis-label" x=coord(x) y="162" text-anchor=anchor>{label}</text>
                        </g>
                    }).collect_view()}
                </svg>
                <figcaption>{caption}</figcaption>
            </figure>
            <ChartData name="The numbers of the accuracy chart"
                headers=vec![if unit == "day" { "Day" } else { "Week" }, "Answers", "Fully right"]
                rows=rows.into_iter().map(|(_, p, label, answers)| vec![label, answers.to_string(), format!("{p} %")]).collect()
            />
        </section>
    }
    .into_any()
}

/// Stacked horizontal bars: per topic, the questions last answered right, partly right,
/// wrong, and not yet answered; the percentage is the share last answered right.
#[component]
fn MasteryChart(topics: Vec<TopicMastery>) -> impl IntoView {
    const LINE: f64 = 15.0;
    const BAR_WIDTH: f64 = CHART_WIDTH - 52.0;
    // Each row: its title's lines, then the bar; rows stack downwards.
    let mut y = 4.0;
    let layout: Vec<(Vec<String>, f64)> = topics
        .iter()
        .map(|t| {
            let lines = wrap(&t.title, 40);
            let top = y;
            y += LINE * lines.len() as f64 + 26.0;
            (lines, top)
        })
        .collect();
    let height = y;
    let summary = format!(
        "Mastery per topic, the share of each topic's questions last answered right: {}.",
        topics
            .iter()
            .map(|t| format!("{} {} %", t.title, t.percent()))
            .collect::<Vec<_>>()
            .join("; ")
    );
    let title = summary.clone();
    let rows = topics.clone();
    let bars = topics.into_iter().zip(layout).map(|(t, (lines, top))| {
        let bar_y = top + LINE * lines.len() as f64 + 4.0;
        let whole = f64::from(t.questions.max(1));
        let mut x = 0.0;
        let segments: Vec<(&'static str, f64, f64)> = [
            ("seg-right", t.right),
            ("seg-partial", t.partial),
            ("seg-wrong", t.wrong),
        ]
        .into_iter()
        .filter(|&(_, count)| count > 0)
        .map(|(class, count)| {
            let w = BAR_WIDTH * f64::from(count) / whole;
            let seg = (class, x, w);
            x += w;
            seg
        })
        .collect();
        let tip = format!(
            "{}: {} of {} right, {} partly right, {} wrong, {} not answered yet",
            t.title,
            t.right,
            t.questions,
            t.partial,
            t.wrong,
            t.unanswered()
        );
        view! {
            <g class="mastery-row">
                <title>{tip}</title>
                {lines.into_iter().enumerate().map(|(k, line)| view! {
                    <g>
                        <text class="bar-label" x="0" y=coord(top + LINE * (k as f64 + 0.8))>{line}</text>
                    </g>
                }).collect_view()}
                <rect class="seg-track" x="0" y=coord(bar_y) width=coord(BAR_WIDTH) height="12" rx="3" />
                {segments.into_iter().map(|(class, x, w)| view! {
                    <rect class=class x=coord(x) y=coord(bar_y) width=coord(w) height="12" />
                }).collect_view()}
                <text class="bar-value" x=coord(BAR_WIDTH + 6.0) y=coord(bar_y + 10.5)>{format!("{} %", t.percent())}</text>
            </g>
        }
    }).collect_view();
    view! {
        <section class="dash-panel" aria-labelledby="mastery-heading">
            <h2 id="mastery-heading">"Mastery per topic"</h2>
            <figure class="chart-figure">
                <svg id="mastery-chart" class="chart" viewBox=format!("0 0 {} {}", coord(CHART_WIDTH), coord(height))
                    role="img" aria-label=summary>
                    <title>{title}</title>
                    <defs>
                        <pattern id="hatch-partial" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                            <rect class="pat-bg" width="4" height="4" /><rect class="pat-partial" width="2" height="4" />
                        </pattern>
                        <pattern id="dots-wrong" width="4" height="4" patternUnits="userSpaceOnUse">
                            <rect class="pat-bg" width="4" height="4" /><circle class="pat-wrong" cx="2" cy="2" r="1.4" />
                        </pattern>
                    </defs>
                    {bars}
                </svg>
                <figcaption>
                    "Mastery is the share of a topic's questions whose latest answer was fully right. "
                    <span class="legend">
                        {[("seg-right", "right"), ("seg-partial", "partly right"), ("seg-wrong", "wrong"), ("seg-track", "not answered yet")]
                            .into_iter().map(|(class, label)| view! {
                                <span class="legend-item">
                                    <svg class="swatch" viewBox="0 0 14 14" aria-hidden="true"><rect class=class x="0" y="0" width="14" height="14" /></svg>
                                    {label}
                                </span>
                            }).collect_view()}
                    </span>
                </figcaption>
            </figure>
            <ChartData name="The numbers of the mastery chart"
                headers=vec!["Topic", "Questions", "Right", "Partly", "Wrong", "Mastery"]
                rows=rows.into_iter().map(|t| vec![
                    t.title.clone(), t.questions.to_string(), t.right.to_string(),
                    t.partial.to_string(), t.wrong.to_string(), format!("{} %", t.percent()),
                ]).collect()
            />
        </section>
    }
}

/// `text` broken at spaces into lines of at most `width` characters (longer words stay whole).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

fn forecast_day_label(day: usize) -> String {
    match day {
        0 => "Next 24 hours (and overdue)".to_string(),
        1 => "In 1 day".to_string(),
        n => format!("In {n} days"),
    }
}

/// One bar per day for the next 14 days: how many reviews fall due.
#[component]
fn ForecastChart(days: Vec<usize>) -> impl IntoView {
    const HEIGHT: f64 = 150.0;
    const LEFT: f64 = 4.0;
    const TOP: f64 = 18.0;
    const BOTTOM: f64 = 124.0;
    let slot = (CHART_WIDTH - 2.0 * LEFT) / days.len().max(1) as f64;
    let bar = slot * 0.64;
    let max = days.iter().copied().max().unwrap_or(0).max(1);
    let total: usize = days.iter().sum();
    let busiest = days
        .iter()
        .enumerate()
        .max_by_key(|&(i, &c)| (c, std::cmp::Reverse(i)))
        .map(|(i, &c)| (i, c))
        .unwrap_or((0, 0));
    let summary = if total == 0 {
        format!("Reviews due over the next {} days: none.", days.len())
    } else {
        format!(
            "Reviews due over the next {} days: {} in all; {} in the next 24 hours; the busiest day is {} with {}.",
            days.len(),
            total,
            days[0],
            forecast_day_label(busiest.0).to_lowercase(),
            busiest.1
        )
    };
    let title = summary.clone();
    let rows = days.clone();
    let count = days.len();
    let bars = days.into_iter().enumerate().map(|(i, c)| {
        let h = (BOTTOM - TOP) * c as f64 / max as f64;
        let h = if c == 0 { 1.5 } else { h };
        let x = LEFT + slot * i as f64 + (slot - bar) / 2.0;
        let class = if c == 0 { "forecast-bar is-zero" } else { "forecast-bar" };
        let tip = format!("{}: {}", forecast_day_label(i), plural(c, "review", "reviews"));
        view! {
            <g>
                <rect class=class x=coord(x) y=coord(BOTTOM - h) width=coord(bar) height=coord(h) rx="2">
                    <title>{tip}</title>
                </rect>
                {(c > 0).then(|| view! {
                    <text class="bar-value" x=coord(x + bar / 2.0) y=coord(BOTTOM - h - 4.0) text-anchor="middle">{c}</text>
                })}
            </g>
        }
    }).collect_view();
    let tick = move |i: usize, label: &'static str| {
        let x = LEFT + slot * i as f64 + slot / 2.0;
        let anchor = if i == 0 {
            "start"
        } else if i + 1 == count {
            "end"
        } else {
            "middle"
        };
        let x = match anchor {
            "start" => x - bar / 2.0,
            "end" => x + bar / 2.0,
            _ => x,
        };
        view! {
            <g>
                <text class="axis-label" x=coord(x) y="142" text-anchor=anchor>{label}</text>
            </g>
        }
    };
    view! {
        <section class="dash-panel" aria-labelledby="forecast-heading">
            <h2 id="forecast-heading">"Reviews due in the next 14 days"</h2>
            <figure class="chart-figure">
                <svg id="forecast-chart" class="chart" viewBox=format!("0 0 {} {}", coord(CHART_WIDTH), coord(HEIGHT))
                    role="img" aria-label=summary>
                    <title>{title}</title>
                    <line class="baseline" x1=coord(LEFT) x2=coord(CHART_WIDTH - LEFT)
                        y1=coord(BOTTOM) y2=coord(BOTTOM) />
                    {bars}
                    {tick(0, "now")}
                    {(count > 7).then(|| tick(7, "+7 days"))}
                    {(count > 1).then(|| tick(count - 1, "+13 days"))}
                </svg>
                <figcaption>
                    "Each bar is 24 hours, counted from now; the first also holds everything overdue. Each question comes back just before you would likely forget it."
                </figcaption>
            </figure>
            <ChartData name="The numbers of the forecast chart"
                headers=vec!["When", "Reviews due"]
                rows=rows.into_iter().enumerate().map(|(i, c)| vec![forecast_day_label(i), c.to_string()]).collect()
            />
        </section>
    }
}

/// Every answered question, most recently answered first, with each answer newest first.
#[component]
fn HistoryTable(rows: Vec<QuestionHistory>, offset: i32) -> impl IntoView {
    view! {
        <section class="dash-panel" aria-labelledby="history-heading">
            <h2 id="history-heading">"Question history"</h2>
            <p class="dash-note">"Questions you have answered, most recent first, with every answer (newest first)."</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="The question history table">
            <table id="history-table" class="history-table">
                <thead><tr>
                    <th scope="col">"Question"</th>
                    <th scope="col">"Answers"</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let prompt = row.prompt.clone().unwrap_or_else(|| {
                            format!("{} (no longer in this question bank)", row.question)
                        });
                        let right = row.reviews.iter().filter(|r| r.outcome() == Outcome::Right).count();
                        let tally = format!("{right} of {} right", row.reviews.len());
                        view! {
                            <tr>
                                <th scope="row">
                                    <span class="history-prompt">{prompt}</span>
                                    <span class="history-tally">{tally}</span>
                                </th>
                                <td>
                                    <ol class="answers">
                                        {row.reviews.into_iter().map(|r| {
                                            let (class, label) = (outcome_class(r.outcome()), format!("{} {}", r.outcome().mark(), r.outcome().label()));
                                            let when = if r.timed { local_date_time(r.at, offset) } else { "an earlier answer (date not kept)".to_string() };
                                            view! {
                                                <li class=format!("answer {class}")>
                                                    <span class="badge">{label}</span>
                                                    " "
                                                    <span class="when">{when}</span>
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ol>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            </div>
        </section>
    }
}

/// A chart's numbers as a table behind "Show the numbers": the first cell of each row is
/// its header. `name` names its scrolling box, a landmark, so it must differ per chart.
#[component]
fn ChartData(
    name: &'static str,
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
) -> impl IntoView {
    view! {
        <details class="chart-data">
            <summary>"Show the numbers"</summary>
            <div class="table-scroll" tabindex="0" role="region" aria-label=name>
            <table>
                <thead><tr>
                    {headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let mut cells = row.into_iter();
                        let first = cells.next().unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row">{first}</th>
                                {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            </div>
        </details>
    }
}
