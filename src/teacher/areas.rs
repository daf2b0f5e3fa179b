//! The teacher page's areas and the navigation between them: the assignments (their screens
//! are `state::Screen`), the Questions area (check, preview, download) and Paper (print).

use leptos::prelude::*;

use crate::ui::browser::focus_id;

/// Which area of the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Assignments,
    Questions,
    Paper,
}

impl Area {
    const ALL: [(Area, &'static str, &'static str); 3] = [
        (Area::Assignments, "area-assignments", "Assignments"),
        (Area::Questions, "area-questions", "Questions"),
        (Area::Paper, "area-paper", "Paper"),
    ];

    /// The heading that takes focus when the area opens.
    fn heading(self) -> &'static str {
        match self {
            Area::Assignments => "desk-heading",
            Area::Questions => "questions-heading",
            Area::Paper => "paper-heading",
        }
    }
}

/// The areas as a row of buttons, the current one marked for screen readers too. Going to the
/// assignments also calls `on_assignments` (which shows their list).
#[component]
pub fn AreaNav(area: RwSignal<Area>, on_assignments: Callback<()>) -> impl IntoView {
    view! {
        <nav class="area-nav print-hide" aria-label="Teacher's page">
            <ul>
                {Area::ALL.into_iter().map(|(a, id, label)| view! {
                    <li>
                        <button type="button" id=id class="area-button"
                            aria-current=move || (area.get() == a).then_some("page")
                            on:click=move |_| {
                                if a == Area::Assignments {
                                    on_assignments.run(());
                                }
                                area.set(a);
                                focus_id(a.heading());
                            }>{label}</button>
                    </li>
                }).collect_view()}
            </ul>
        </nav>
    }
}
