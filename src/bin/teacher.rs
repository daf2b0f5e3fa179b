//! The teacher page's entry point (teacher.html): assignments, their links and QR codes, and
//! the class results, as a wasm of its own so the learner's pages do not carry any of it.

fn main() {
    #[cfg(target_arch = "wasm32")]
    accord::teacher::mount();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The teacher page runs in the browser: see the README (./scripts/serve).");
}
