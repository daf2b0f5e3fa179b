//! The app's entry point: on wasm32 it mounts the UI; natively there is nothing to run
//! (the checker is `cargo run --bin bank`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    accord::ui::mount();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("Accord runs in the browser: see the README (./scripts/serve).");
}
