//! The progress page (progress.html, its own wasm, loaded only when opened): the dashboard,
//! settings, the learner's data and the learners on this device. It opens the same saved
//! progress as the quiz page; the quiz page hears its changes through storage events.

mod dashboard;
mod panels;

use leptos::prelude::*;

use super::browser::{local_time, now_ms, set_document, set_title};
use super::loader;
use super::site::{UrlParams, url_params};
use super::state::BrowserLearner;
use crate::bank::Bank;
use crate::progress::{BankKey, Learner, LearnerSettings, ProfileId, Profiles};
use crate::storage::{LocalStore, SessionStore};

/// The page's state: the bank, the learner's progress, and a change counter.
#[derive(Clone, Copy)]
pub struct PageState {
    bank: StoredValue<Bank>,
    learner: StoredValue<BrowserLearner>,
    profiles: RwSignal<Profiles>,
    tick: RwSignal<u32>,
}

impl PageState {
    fn new(bank: Bank, url: &UrlParams) -> Self {
        let profiles = Profiles::load(&LocalStore);
        let key = BankKey::new(&bank.meta.id, &url.bank);
        let learner = Learner::open(
            LocalStore,
            SessionStore,
            profiles.active.clone(),
            &bank,
            key,
            now_ms(),
        );
        let page = PageState {
            bank: StoredValue::new(bank),
            learner: StoredValue::new(learner),
            profiles: RwSignal::new(profiles),
            tick: RwSignal::new(0),
        };
        page.apply_theme();
        page
    }

    fn with<T>(&self, read: impl FnOnce(&BrowserLearner) -> T) -> T {
        self.tick.track();
        self.learner.with_value(read)
    }

    fn change<T: Default>(&self, act: impl FnOnce(&mut BrowserLearner) -> T) -> T {
        let result = self.learner.try_update_value(act).unwrap_or_default();
        self.tick.update(|t| *t = t.wrapping_add(1));
        result
    }

    fn apply_theme(&self) {
        let theme = self.learner.with_value(|l| l.settings().theme);
        let language = self.bank.with_value(|b| b.meta.language.clone());
        set_document(&language, theme);
    }

    pub fn settings(&self) -> LearnerSettings {
        self.with(|l| l.settings().clone())
    }

    pub fn update_settings(&self, change: impl FnOnce(&mut LearnerSettings) + 'static) {
        self.change(|l| l.update_settings(change, now_ms()));
        self.apply_theme();
    }

    pub fn export(&self) -> String {
        self.learner.with_value(|l| l.export(now_ms()))
    }

    pub fn import(&self, text: &str) -> String {
        match self.change(|l| Some(l.import(text, now_ms()))) {
            Some(Ok(summary)) => format!(
                "Imported: {} new answers and {} finished quizzes were added; everything already here was kept.",
                summary.reviews_added, summary.quizzes_added
            ),
            Some(Err(e)) => e.to_string(),
            None => "The import could not be done.".to_string(),
        }
    }

    pub fn reset(&self, backups: bool) -> String {
        match self.change(|l| Some(l.reset(backups))) {
            Some(Ok(())) if backups => "All progress and its backups were deleted.".to_string(),
            Some(Ok(())) => "All progress was deleted. Backups of unreadable data are kept until you delete them below.".to_string(),
            Some(Err(e)) => format!("Nothing was deleted: {e}"),
            None => "Nothing was deleted.".to_string(),
        }
    }

    pub fn backups(&self) -> Vec<(String, usize)> {
        self.with(|l| l.store().backups())
    }

    pub fn backup(&self, key: &str) -> Option<String> {
        self.learner.with_value(|l| l.store().backup(key))
    }

    pub fn delete_backup(&self, key: &str) -> String {
        let key = key.to_string();
        self.change(|l| {
            let _ = crate::storage::KeyValueStore::remove(l.store().storage(), &key);
        });
        "The backup was deleted.".to_string()
    }

    pub fn blocked(&self) -> Option<(String, String)> {
        self.with(|l| l.store().blocked())
    }

    pub fn discard_blocked(&self) -> String {
        match self.change(|l| Some(l.discard_blocked())) {
            Some(Ok(())) => {
                "The unreadable data was deleted; your progress is saved again from now on."
                    .to_string()
            }
            Some(Err(e)) => e.to_string(),
            None => String::new(),
        }
    }

    pub fn profiles(&self) -> Profiles {
        self.profiles.get()
    }

    pub fn remove_profile(&self, id: &ProfileId) -> String {
        let mut profiles = self.profiles.get_untracked();
        match profiles
            .remove(id, &LocalStore)
            .and_then(|()| profiles.save(&LocalStore))
        {
            Ok(()) => {
                let reload = profiles.active != self.profiles.get_untracked().active;
                self.profiles.set(profiles);
                if reload {
                    let _ = super::browser::window().location().reload();
                }
                "The learner and their saved progress were removed from this device.".to_string()
            }
            Err(e) => format!("The learner could not be removed: {e}."),
        }
    }
}

pub fn mount() {
    super::install_panic_hook();
    if let Some(boot) = super::browser::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(ProgressApp);
}

#[component]
fn ProgressApp() -> impl IntoView {
    let url = url_params();
    let back = if url.bank == crate::progress::DEFAULT_BANK_PATH {
        "index.html".to_string()
    } else {
        format!("index.html?bank={}", url.bank)
    };
    let loaded: RwSignal<Option<Result<Bank, Vec<String>>>> = RwSignal::new(None);
    let path = url.bank.clone();
    leptos::task::spawn_local(async move {
        loaded.set(Some(loader::load(&path).await.map(|l| l.bank)));
    });
    let url = StoredValue::new(url);
    set_title("Your progress · Accord");
    view! {
        <header class="site-header">
            <a class="skip-link" href="#main">"Skip to the content"</a>
            <p class="brand">"Accord"</p>
            <p><a href=back id="back-to-quiz">"← Back to the quiz"</a></p>
        </header>
        <main id="main">
            {move || match loaded.get() {
                None => view! { <p class="loading" role="status">"Loading…"</p> }.into_any(),
                Some(Err(problems)) => view! { <super::error_page::ErrorPage problems /> }.into_any(),
                Some(Ok(bank)) => {
                    let page = PageState::new(bank, &url.get_value());
                    view! { <ProgressContent page /> }.into_any()
                }
            }}
        </main>
    }
}

#[component]
fn ProgressContent(page: PageState) -> impl IntoView {
    let title = page.bank.with_value(|b| b.meta.title.clone());
    let learner = page
        .profiles
        .with_untracked(|p| Profiles::display_name(p.active()).to_string());
    let dashboard = move || {
        let time = local_time();
        let (stats, total) = page.with(|l| {
            page.bank
                .with_value(|bank| (l.dashboard(bank, time), bank.questions.len()))
        });
        view! { <dashboard::Dashboard stats total offset=time.utc_offset_minutes /> }
    };
    view! {
        <section class="dashboard" aria-labelledby="dashboard-heading">
            <h1 id="dashboard-heading" tabindex="-1">"Your progress"</h1>
            <p class="hint">{format!("{title} · {learner}")}</p>
            {dashboard}
        </section>
        <panels::SettingsPanel page />
        <panels::DataPanel page />
        <panels::LearnersPanel page />
    }
}
