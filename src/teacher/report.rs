//! What the class's results say, as Moodle's quiz statistics report has it: the whole test
//! (mean, median, spread, reliability with its reading, a score histogram with its numbers),
//! each question (facility, spread, discrimination, flags, and the count of each response),
//! and the class's mastery per topic. All numbers come from `results::analysis`.

use leptos::prelude::*;

use super::state::Desk;
use crate::results::Roster;
use crate::results::analysis::{Analysis, Consistency, ItemStats, analyse};
use crate::results::desk::{bar_width, histogram_chart, percent_text, right_categories};
use crate::text::{Language, count, decimal};

fn points(x: Option<f64>) -> String {
    x.map_or_else(|| "n/a".to_string(), |x| decimal(x, 2, Language::English))
}

fn coord(x: f64) -> String {
    crate::text::plain((x * 10.0).round() / 10.0)
}

#[component]
pub fn Report(desk: Desk, roster: Memo<Roster>) -> impl IntoView {
    let analysis =
        Memo::new(move |_| roster.with(|r| desk.bank.with_value(|bank| analyse(&r.matrix(bank)))));
    view! {
        {move || {
            let a = analysis.get();
            view! {
                <TestSummary analysis=a.clone() />
                <Items desk analysis=a.clone() />
                <Topics desk analysis=a />
            }
        }}
    }
}

#[component]
fn TestSummary(analysis: Analysis) -> impl IntoView {
    let t = analysis.test.clone();
    let out_of = decimal(t.max_possible, 2, Language::English);
    let mean_share = t.mean.and_then(|m| t.fraction_of_max(m));
    let verdict = match t.consistency_verdict() {
        Some(Consistency::Satisfactory) => "satisfactory (above 75 %)",
        Some(Consistency::Borderline) => "borderline (between 64 % and 75 %)",
        Some(Consistency::Unsatisfactory) => {
            "unsatisfactory (below 64 %): the questions may not measure the same thing, or the test is short"
        }
        None => "not enough results or questions to compute it",
    };
    let chart = histogram_chart(&t.histogram);
    let summary = chart.summary.clone();
    let rows: Vec<(String, usize)> = chart
        .bars
        .iter()
        .map(|b| (b.label.clone(), b.count))
        .collect();
    view! {
        <section class="panel" aria-labelledby="summary-heading">
            <h2 id="summary-heading">"The whole test"</h2>
            <dl class="tiles" id="test-summary">
                <div class="tile"><dt>"Results"</dt><dd id="stat-attempts">{t.attempts}</dd></div>
                <div class="tile"><dt>"Mean"</dt><dd id="stat-mean">{format!("{} of {out_of} ({})", points(t.mean), percent_text(mean_share))}</dd></div>
                <div class="tile"><dt>"Median"</dt><dd id="stat-median">{points(t.median)}</dd></div>
                <div class="tile"><dt>"Standard deviation"</dt><dd id="stat-sd">{points(t.standard_deviation)}</dd></div>
                <div class="tile"><dt>"Lowest – highest"</dt><dd id="stat-range">{format!("{} – {}", points(t.min), points(t.max))}</dd></div>
            </dl>
            <p id="reliability">
                <strong>"Reliability (Cronbach's α, which is KR-20 when every question scores 0 or full): "</strong>
                <span id="stat-alpha">{percent_text(t.internal_consistency)}</span>
                {format!(", {verdict}.")}
                {t.standard_error.map(|se| {
                    let points = decimal(se, 2, Language::English);
                    let noun = if points == "1" { "point" } else { "points" };
                    format!(" Standard error of a score: {points} {noun}.")
                })}
            </p>
            <figure class="chart-figure">
                <svg id="histogram" class="chart" viewBox=format!("0 0 {} {}", coord(chart.width), coord(chart.height))
                    role="img" aria-label=summary.clone()>
                    <title>{summary.clone()}</title>
                    {chart.ticks.iter().map(|(value, y)| view! {
                        <g>
                            <line class="grid-line" x1=coord(chart.left) x2=coord(chart.right) y1=coord(*y) y2=coord(*y) />
                            <text class="axis-label" x=coord(chart.left - 4.0) y=coord(*y) text-anchor="end" dominant-baseline="middle">{value.to_string()}</text>
                        </g>
                    }).collect_view()}
                    {chart.bars.iter().map(|b| view! {
                        <g>
                            <rect class="forecast-bar" x=coord(b.x) y=coord(b.y) width=coord(b.width) height=coord(b.height)>
                                <title>{format!("{}: {}", b.label, b.count)}</title>
                            </rect>
                            {(b.count > 0).then(|| view! {
                                <text class="bar-value" x=coord(b.centre) y=coord(b.y - 3.0) text-anchor="middle">{b.count.to_string()}</text>
                            })}
                            {b.axis_label.clone().map(|label| view! {
                                <text class="axis-label" x=coord(b.x) y=coord(chart.bottom + 14.0)>{label}</text>
                            })}
                        </g>
                    }).collect_view()}
                    <line class="baseline" x1=coord(chart.left) x2=coord(chart.right) y1=coord(chart.bottom) y2=coord(chart.bottom) />
                </svg>
                <figcaption>"How many results scored in each tenth of the test's points."</figcaption>
            </figure>
            <details class="chart-data" id="histogram-data">
                <summary>"Show the numbers"</summary>
                <div class="table-scroll">
                    <table class="data-table">
                        <caption class="sr-only">"Results per score band"</caption>
                        <thead><tr><th scope="col">"Score"</th><th scope="col">"Results"</th></tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(label, n)| view! { <tr><th scope="row">{label}</th><td>{n}</td></tr> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}

#[component]
fn Items(desk: Desk, analysis: Analysis) -> impl IntoView {
    let prompt = move |id: &str| {
        desk.bank
            .with_value(|b| b.question(id).map(|q| q.prompt.clone()))
            .unwrap_or_else(|| id.to_string())
    };
    let items = analysis.items.clone();
    view! {
        <section class="panel" aria-labelledby="items-heading">
            <h2 id="items-heading">"Each question"</h2>
            <p class="hint">"Facility: the share of the points the class earned. Discrimination: how well the question separates stronger from weaker students (its correlation with the rest of the test; below 0 often means a wrong key). As in Moodle's quiz statistics."</p>
            <div class="table-scroll" role="region" aria-labelledby="items-caption" tabindex="0">
                <table class="data-table" id="item-analysis">
                    <caption id="items-caption">"Item analysis"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Question"</th>
                            <th scope="col">"Answered"</th>
                            <th scope="col">"Facility"</th>
                            <th scope="col">"Standard deviation"</th>
                            <th scope="col">"Discrimination"</th>
                            <th scope="col">"Efficiency"</th>
                            <th scope="col">"Flags"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {items.iter().map(|item| {
                            let flags: Vec<&str> = item.flags.iter().map(|f| f.label()).collect();
                            view! {
                                <tr id=format!("item-{}", item.id)>
                                    <th scope="row" class="i-question"><span class="i-prompt">{prompt(&item.id)}</span>" "<code class="i-id">{item.id.clone()}</code></th>
                                    <td class="i-answered">{format!("{} of {}", item.answered, item.attempts)}</td>
                                    <td class="i-facility">{percent_text(item.facility)}</td>
                                    <td class="i-sd">{percent_text(item.standard_deviation_of_max())}</td>
                                    <td class="i-discrimination">{percent_text(item.discrimination)}</td>
                                    <td class="i-efficiency">{percent_text(item.discriminative_efficiency)}</td>
                                    <td class="i-flags">{if flags.is_empty() { "none".to_string() } else { format!("⚑ {}", flags.join("; ")) }}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>"How the class answered (distractor analysis)"</h3>
            {items.into_iter().map(|item| { let p = prompt(&item.id); view! { <Responses desk item prompt=p /> } }).collect_view()}
        </section>
    }
}

#[component]
fn Responses(desk: Desk, item: ItemStats, prompt: String) -> impl IntoView {
    let right = desk.bank.with_value(|b| {
        b.question(&item.id)
            .map(|q| right_categories(&q.kind))
            .unwrap_or_default()
    });
    let r = item.responses.clone();
    let caption_id = format!("responses-caption-{}", item.id);
    let show_other = r.other > 0 || r.categories.is_empty();
    view! {
        <div class="table-scroll" role="region" aria-labelledby=caption_id.clone() tabindex="0">
            <table class="data-table responses" id=format!("responses-{}", item.id)>
                <caption id=caption_id.clone()>{prompt}</caption>
                <thead><tr><th scope="col">"Response"</th><th scope="col">"Students"</th></tr></thead>
                <tbody>
                    {r.categories.into_iter().enumerate().map(|(k, c)| {
                        let is_right = right.contains(&k);
                        view! {
                            <tr class=if is_right { "is-answer" } else { "" }>
                                <th scope="row" class="r-label">{c.label}{is_right.then_some(" ✓ (right answer)")}</th>
                                <td class="r-count">{c.count}</td>
                            </tr>
                        }
                    }).collect_view()}
                    {show_other.then(|| view! {
                        <tr><th scope="row" class="r-label">"Other answers"</th><td class="r-count">{r.other}</td></tr>
                    })}
                    <tr><th scope="row" class="r-label">"Not answered"</th><td class="r-count">{r.unanswered}</td></tr>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn Topics(desk: Desk, analysis: Analysis) -> impl IntoView {
    let title = move |id: &str| {
        desk.bank.with_value(|b| {
            b.topics
                .iter()
                .find(|t| t.id == id)
                .map(|t| t.title.clone())
                .unwrap_or_else(|| id.to_string())
        })
    };
    view! {
        <section class="panel" aria-labelledby="topics-heading">
            <h2 id="topics-heading">"Mastery per topic"</h2>
            <div class="table-scroll" role="region" aria-labelledby="topics-caption" tabindex="0">
                <table class="data-table" id="topic-mastery">
                    <caption id="topics-caption">"The class's share of each topic's points"</caption>
                    <thead><tr><th scope="col">"Topic"</th><th scope="col">"Questions"</th><th scope="col">"Class mastery"</th></tr></thead>
                    <tbody>
                        {analysis.topics.into_iter().map(|t| {
                            let share = percent_text(t.mean_share);
                            let width = bar_width(t.mean_share);
                            view! {
                                <tr>
                                    <th scope="row">{title(&t.topic)}</th>
                                    <td>{count(t.items as u64, "question", "questions", Language::English)}</td>
                                    <td class="t-share"><span class="bar" style:--share=width aria-hidden="true"></span>{share}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
