//! The progress page's entry point (progress.html): the dashboard, settings and the learner's
//! data, as a wasm of its own so the quiz page does not carry them.

fn main() {
    #[cfg(target_arch = "wasm32")]
    accord::ui::progress_page::mount();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The progress page runs in the browser: see the README (./scripts/serve).");
}
