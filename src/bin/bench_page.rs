//! The parse and results benchmarks in the browser (bench.html): the generated bank `bench`
//! parses natively, and the class of 1,000 results it imports, run by the app's own code in
//! wasm and timed with `performance.now()`.
//! Built only by `scripts/bench-parse`, into `target/site-bench`; never part of the site.

#[cfg(target_arch = "wasm32")]
#[path = "bench/generated.rs"]
mod generated;

#[cfg(target_arch = "wasm32")]
#[path = "bench/class.rs"]
mod class;

#[cfg(target_arch = "wasm32")]
mod page {
    use wasm_bindgen::prelude::*;

    use super::{class, generated};

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = performance)]
        fn now() -> f64;
    }

    /// As many runs as the native benchmark's.
    const RUNS: usize = 11;

    /// Each run's milliseconds, in the order they ran.
    fn times(mut f: impl FnMut()) -> Vec<f64> {
        (0..RUNS)
            .map(|_| {
                let start = now();
                f();
                now() - start
            })
            .collect()
    }

    fn median(times: &[f64]) -> f64 {
        let mut sorted = times.to_vec();
        sorted.sort_by(f64::total_cmp);
        sorted[sorted.len() / 2]
    }

    /// Hand the result to the page: as text for a reader, and as JSON in
    /// `window.accordBenchParse` for the script that runs the page.
    fn report(json: String, text: &str) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(body) = window.document().and_then(|d| d.body()) {
            body.set_text_content(Some(text));
        }
        let _ = js_sys::Reflect::set(
            &window,
            &JsValue::from_str("accordBenchParse"),
            &JsValue::from_str(&json),
        );
    }

    pub fn run() {
        // A panic (an invalid generated bank) must still end the wait.
        std::panic::set_hook(Box::new(|info| {
            let message = serde_json::json!({ "error": info.to_string() }).to_string();
            report(message, &info.to_string());
        }));
        let (manifest, questions) = generated::generated_bank(10_000);
        let mut count = 0;
        let parse = times(|| count = generated::parse_and_validate(&manifest, &questions));
        let syntax = times(|| {
            std::hint::black_box(toml::de::DeTable::parse(&questions).expect("valid TOML"));
        });
        let class = class::Class::generated(1_000, class::QUESTIONS);
        let results = times(|| {
            std::hint::black_box(class.import_and_analyse());
        });
        let bytes = manifest.len() + questions.len();
        let json = serde_json::json!({
            "questions": count,
            "bytes": bytes,
            "parse_ms": parse,
            "syntax_ms": syntax,
            "results_files": class.files.len(),
            "results_ms": results,
        });
        let text = format!(
            "parse + validate {count} questions ({} KB): median {:.1} ms of {RUNS} runs (first {:.1} ms); TOML syntax alone {:.1} ms; {} results in {:.1} ms",
            bytes / 1024,
            median(&parse),
            parse[0],
            median(&syntax),
            class.files.len(),
            median(&results)
        );
        report(json.to_string(), &text);
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    page::run();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The parse benchmark page runs in the browser: ./scripts/bench-parse");
}
