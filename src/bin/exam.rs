//! The sealed exam page's entry point (exam.html): a sealed exam taken from its public part,
//! and its review once released, as a wasm of its own so the quiz page carries none of it.

fn main() {
    #[cfg(target_arch = "wasm32")]
    accord::ui::exam::mount();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The sealed exam page runs in the browser: see the README (./scripts/serve).");
}
