//! Sealed exams on the teacher's page: sealing an assignment with a passphrase (typed twice,
//! with a strength hint), the sealed file to put beside the site, opening a sealed class with
//! the passphrase to grade it, and releasing the key after the exam. The key is derived in
//! slices with a progress bar, so the page never freezes; it is never saved.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::files::index_url;
use super::state::{Desk, Screen};
use crate::results::desk::{questions_to_seal, release_link, sealed_file_name};
use crate::seal::{
    Derivation, Iterations, Key, NONCE_LEN, Progress, SALT_LEN, SealedBank, passphrase_problem,
    release_code, seal, strength,
};
use crate::ui::browser::{copy_text, download, focus_id, now_ms, window};
use crate::ui::site::{SiteUrl, fetch_text};

/// `n` bytes from the browser's cryptographic random source (`crypto.getRandomValues`),
/// never from anything predictable; `None` if the browser has none.
fn random_bytes(n: usize) -> Option<Vec<u8>> {
    let crypto = window().crypto().ok()?;
    let mut bytes = vec![0u8; n];
    // getRandomValues fills at most 65,536 bytes a call.
    for chunk in bytes.chunks_mut(65_536) {
        crypto.get_random_values_with_u8_array(chunk).ok()?;
    }
    Some(bytes)
}

/// Let the browser draw and handle input before the next slice of work.
async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = JsFuture::from(promise).await;
}

/// Run a key derivation to the end in slices of about 40 ms, telling `progress` how far it
/// is (0 to 1) after each. Returns the key and the time it took in ms.
async fn derive(mut derivation: Derivation, progress: RwSignal<Option<f64>>) -> (Key, u64) {
    let started = now_ms();
    let mut slice = 2_000u32;
    loop {
        let before = now_ms();
        match derivation.advance(slice) {
            Progress::Done(key) => {
                progress.set(None);
                return (key, now_ms().saturating_sub(started));
            }
            Progress::Working(next) => {
                let took = now_ms().saturating_sub(before);
                if took < 25 {
                    slice = slice.saturating_mul(2).min(1_000_000);
                } else if took > 80 {
                    slice = (slice / 2).max(100);
                }
                progress.set(Some(f64::from(next.done()) / f64::from(next.total())));
                derivation = next;
                next_tick().await;
            }
        }
    }
}

/// The progress bar and its words while a key is derived.
fn progress_view(progress: RwSignal<Option<f64>>, id: &'static str) -> impl IntoView {
    move || {
        progress.get().map(|share| {
            let permille = (share * 1000.0).round() as u32;
            view! {
                <div class="seal-progress">
                    <label for=id>"Deriving the key from the passphrase (slow on purpose, so guessing it is slow too)"</label>
                    <progress id=id max="1000" value=permille.to_string()>{format!("{} %", permille / 10)}</progress>
                    <p class="hint" aria-hidden="true">{format!("{} %", permille / 10)}</p>
                </div>
            }
        })
    }
}

/// The seconds a derivation took, in words.
fn seconds(ms: u64) -> String {
    crate::text::decimal(ms as f64 / 1000.0, 1, crate::text::Language::English)
}

/// A password field with its label and hint.
fn passphrase_field(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    described_by: &'static str,
    autocomplete: &'static str,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input type="password" id=id autocomplete=autocomplete spellcheck="false"
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}

/// Sealing an assignment that is not sealed yet (on its share screen).
#[component]
pub fn SealPanel(desk: Desk, id: String) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let progress = RwSignal::new(None::<f64>);
    let busy = move || progress.with(Option::is_some);
    let id = StoredValue::new(id);
    let hint = move || {
        let p = passphrase.get();
        if p.is_empty() {
            "Use at least 12 characters; four or five random words are strong and easy to type."
                .to_string()
        } else {
            strength(&p).hint().to_string()
        }
    };
    let start = move || {
        let (pass, repeat) = (passphrase.get_untracked(), again.get_untracked());
        if let Some(why) = passphrase_problem(&pass, &repeat) {
            error.set(why.to_string());
            focus_id("seal-passphrase");
            return;
        }
        let Some(issued) = id.with_value(|id| desk.data.with_untracked(|d| d.get(id).cloned()))
        else {
            return;
        };
        let ids = desk
            .bank
            .with_value(|bank| questions_to_seal(&issued.assignment, bank));
        // The salt and every nonce, drawn before any work: the key check, the header, and one
        // per question.
        let Some(random) = random_bytes(SALT_LEN + NONCE_LEN * (ids.len() + 2)) else {
            error.set("This browser has no secure random source, so it cannot seal.".into());
            return;
        };
        error.set(String::new());
        progress.set(Some(0.0));
        desk.say("Sealing: deriving the key from the passphrase.");
        leptos::task::spawn_local(async move {
            let mut salt = [0u8; SALT_LEN];
            salt.copy_from_slice(&random[..SALT_LEN]);
            let mut nonces = random[SALT_LEN..]
                .chunks_exact(NONCE_LEN)
                .map(|c| <[u8; NONCE_LEN]>::try_from(c).unwrap_or([0; NONCE_LEN]))
                .collect::<Vec<_>>()
                .into_iter();
            let derivation = Derivation::new(&pass, &salt, Iterations::MIN);
            let (key, took) = derive(derivation, progress).await;
            let sealed = desk.bank.with_value(|bank| {
                seal(bank, &ids, &key, salt, Iterations::MIN, || {
                    nonces.next().unwrap_or([0; NONCE_LEN])
                })
            });
            let result = sealed.map_err(|e| e.to_string()).and_then(|file| {
                let text = file.to_json();
                id.with_value(|id| desk.seal(id, file, key))?;
                Ok(text)
            });
            match result {
                Ok(text) => {
                    let name = sealed_file_name(&issued.assignment);
                    let saved = download(&name, "application/json", &text);
                    passphrase.set(String::new());
                    again.set(String::new());
                    desk.say(format!(
                        "The exam was sealed (the key took {} s to derive). {}",
                        seconds(took),
                        match saved {
                            Ok(()) => format!(
                                "{name} was downloaded: put it in your site's questions folder."
                            ),
                            Err(why) => format!(
                                "The file could not be downloaded ({why}): use the button below."
                            ),
                        }
                    ));
                    id.with_value(|id| desk.go(Screen::Share(id.clone())));
                    focus_id("sealed-heading");
                }
                Err(why) => {
                    error.set(format!("The exam was not sealed: {why}."));
                    desk.say(format!("The exam was not sealed: {why}."));
                }
            }
        });
    };
    view! {
        <section class="panel print-hide" aria-labelledby="seal-heading" id="seal-panel">
            <h2 id="seal-heading">"Seal this exam"</h2>
            <p class="hint">"Sealing encrypts the answers, explanations and sources (AES-256-GCM, under a key derived from your passphrase) into one file that you put beside your site. Students' pages get the questions and choices only, with ordering items and matching columns in alphabetical order; they take the exam without feedback and hand in their answers, and you grade them here with the passphrase. After the exam you can release the key, and students then see their review."</p>
            <p class="notice-inline" id="seal-warning"><strong>"A lost passphrase cannot be recovered."</strong>" Without it the answers cannot be graded or released, by you or anyone. Keep it somewhere safe, away from students."</p>
            {passphrase_field("seal-passphrase", "Passphrase", passphrase, "seal-strength seal-error", "new-password")}
            <p class="hint" id="seal-strength" aria-live="polite">{hint}</p>
            {passphrase_field("seal-passphrase-again", "The passphrase again", again, "seal-error", "new-password")}
            <p class="field-error" id="seal-error">{move || error.get()}</p>
            <button type="button" class="primary" id="seal-button" prop:disabled=busy on:click=move |_| start()>"Seal the exam"</button>
            {progress_view(progress, "seal-progress")}
        </section>
    }
}

/// What the share screen says of a sealed assignment: where its file goes, and the file
/// again while the exam is open in this visit.
#[component]
pub fn SealedNote(desk: Desk, id: String) -> impl IntoView {
    let Some(issued) = desk.data.with_untracked(|d| d.get(&id).cloned()) else {
        return ().into_any();
    };
    let a = issued.assignment;
    let path = a.bank.path.clone();
    let name = path.rsplit('/').next().unwrap_or(&path).to_string();
    let id = StoredValue::new(id);
    let file =
        move || id.with_value(|id| desk.sealed.with(|m| m.get(id).map(|u| u.file.to_json())));
    let download_name = name.clone();
    view! {
        <section class="panel" aria-labelledby="sealed-heading" id="sealed-note">
            <h2 id="sealed-heading" tabindex="-1">"A sealed exam"</h2>
            <p>"Put the sealed file on your site as "<code id="sealed-path">{path.clone()}</code>
               " (beside the pages, in the questions folder); students' pages fetch it from there. The link below opens the exam's own page."</p>
            <p class="hint">"Students see no score and no answer until you release the key from the class results. Grading needs the passphrase."</p>
            <p class="hint" id="plain-bank-warning">"Keep the unsealed bank you sealed from off the site students use: its files hold the answers in the clear."</p>
            {move || file().map(|text| {
                let name = download_name.clone();
                view! {
                    <button type="button" id="download-sealed" on:click=move |_| {
                        match download(&name, "application/json", &text) {
                            Ok(()) => desk.say(format!("{name} was downloaded.")),
                            Err(why) => desk.say(format!("The download failed: {why}.")),
                        }
                    }>{format!("Download {name} again")}</button>
                }
            })}
        </section>
    }
    .into_any()
}

/// A sealed class before grading: the sealed file (from the site, or chosen) and the
/// passphrase that opens it.
#[component]
pub fn OpenSealed(desk: Desk, id: String) -> impl IntoView {
    let Some(issued) = desk.data.with_untracked(|d| d.get(&id).cloned()) else {
        return ().into_any();
    };
    let path = issued.assignment.bank.path.clone();
    let waiting = desk.data.with_untracked(|d| d.class_size(&id));
    let file: RwSignal<Option<Result<SealedBank, String>>> = RwSignal::new(None);
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let progress = RwSignal::new(None::<f64>);
    let busy = move || progress.with(Option::is_some);
    let fetch_path = path.clone();
    leptos::task::spawn_local(async move {
        let read = match SiteUrl::resolve("", &fetch_path) {
            Ok(url) => fetch_text(&url).await,
            Err(why) => Err(why),
        };
        file.set(Some(read.and_then(|text| {
            SealedBank::from_json(&text).map_err(|e| e.to_string())
        })));
    });
    let choose = move |ev: web_sys::Event| {
        leptos::task::spawn_local(async move {
            if let Some(text) = crate::ui::browser::read_chosen_file(&ev).await {
                file.set(Some(
                    SealedBank::from_json(&text).map_err(|e| e.to_string()),
                ));
                focus_id("open-passphrase");
            }
        });
    };
    let id = StoredValue::new(id);
    let open = move || {
        let Some(Ok(sealed)) = file.get_untracked() else {
            error.set("First the sealed file: it could not be read (see above).".into());
            return;
        };
        let pass = passphrase.get_untracked();
        if pass.is_empty() {
            error.set("Type the passphrase first.".into());
            focus_id("open-passphrase");
            return;
        }
        error.set(String::new());
        progress.set(Some(0.0));
        desk.say("Opening the sealed exam: deriving the key from the passphrase.");
        leptos::task::spawn_local(async move {
            let (key, took) = derive(sealed.derivation(&pass), progress).await;
            match id.with_value(|id| desk.open_sealed(id, sealed, key)) {
                Ok(()) => {
                    passphrase.set(String::new());
                    desk.say(format!(
                        "The sealed exam was opened (the key took {} s to derive) and the class graded.",
                        seconds(took)
                    ));
                    id.with_value(|id| desk.go(Screen::Class(id.clone())));
                }
                Err(e) => {
                    let message = sentence(&e.to_string());
                    error.set(message.clone());
                    desk.say(message);
                    focus_id("open-passphrase");
                }
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="open-sealed-heading" id="open-sealed">
            <h2 id="open-sealed-heading">"This exam is sealed"</h2>
            <p>{format!("Type the passphrase you sealed it with to grade its results ({} so far) exactly as an unsealed exam is graded. The passphrase and the key stay in this tab: nothing is saved.",
                crate::text::count(waiting as u64, "result", "results", crate::text::Language::English))}</p>
            {move || match file.get() {
                None => view! { <p class="hint" role="status">{format!("Reading {}…", path.clone())}</p> }.into_any(),
                Some(Ok(sealed)) => view! {
                    <p class="hint" id="sealed-file-status">{format!("The sealed file: {} ({} questions).", sealed.meta().title, sealed.questions().len())}</p>
                }.into_any(),
                Some(Err(why)) => view! {
                    <p class="field-error" id="sealed-file-status">{format!("The sealed file {} could not be read: {why}. Choose it instead:", path.clone())}</p>
                }.into_any(),
            }}
            <input type="file" id="choose-sealed" class="file-input" accept=".json,application/json" on:change=choose />
            <label class="file-button" for="choose-sealed">"Choose the sealed file"</label>
            <form class="open-sealed" novalidate on:submit=move |ev| { ev.prevent_default(); open(); }>
                {passphrase_field("open-passphrase", "Passphrase", passphrase, "open-error", "current-password")}
                <p class="field-error" id="open-error" role="alert">{move || error.get()}</p>
                <button type="submit" class="primary" id="open-sealed-button" prop:disabled=busy>"Open and grade"</button>
            </form>
            {progress_view(progress, "open-progress")}
        </section>
    }
    .into_any()
}

/// A message as a sentence: its first letter capitalised, a full stop at the end.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    out.push_str(chars.as_str());
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

/// Releasing the key after the exam (on the opened class's screen).
#[component]
pub fn ReleasePanel(desk: Desk, id: String) -> impl IntoView {
    let shown = RwSignal::new(false);
    let id = StoredValue::new(id);
    let release = move || {
        id.with_value(|id| {
            let assignment = desk
                .data
                .with(|d| d.get(id).map(|i| i.assignment.clone()))?;
            let code = desk
                .sealed
                .with(|m| m.get(id).map(|u| release_code(&u.key)))?;
            let link = release_link(&index_url(), &assignment, &code);
            Some((code, link))
        })
    };
    view! {
        <section class="panel print-hide" aria-labelledby="release-heading" id="release-panel">
            <h2 id="release-heading" tabindex="-1">"Release the answers"</h2>
            <p class="hint">"After the exam, give students the release link (or the code, which they paste on the exam's page): each then sees the review of what they handed in, with the right answers, and their answers count in their spaced review. The code is the key itself: whoever has it can read every answer of this sealed exam, so release it only when no one is still to take it."</p>
            {move || if shown.get() {
                release().map(|(code, link)| {
                    let (copy_code, copy_link) = (code.clone(), link.clone());
                    view! {
                        <label for="release-link">"Release link"</label>
                        <div class="share-row">
                            <input id="release-link" type="text" readonly prop:value=link />
                            <button type="button" id="copy-release-link" on:click=move |_| { copy_text(&copy_link); desk.say("The release link was copied."); }>"Copy"</button>
                        </div>
                        <label for="release-code">"Release code"</label>
                        <div class="share-row">
                            <input id="release-code" type="text" readonly prop:value=code />
                            <button type="button" id="copy-release-code" on:click=move |_| { copy_text(&copy_code); desk.say("The release code was copied."); }>"Copy"</button>
                        </div>
                    }
                    .into_any()
                }).unwrap_or_else(|| ().into_any())
            } else {
                view! {
                    <button type="button" id="show-release" on:click=move |_| {
                        shown.set(true);
                        focus_id("release-link");
                    }>"Show the release link and code"</button>
                }.into_any()
            }}
        </section>
    }
}
