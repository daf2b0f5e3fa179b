//! The bank reader module (reader-<hash>.js and its wasm): the TOML reader, the validator and
//! the other formats' readers, loaded by a page only when a bank must be read from its source
//! files. It answers with the compiled bank (`bank::compiled`), which the page checks again.

#[cfg(target_arch = "wasm32")]
mod module {
    use wasm_bindgen::prelude::*;

    /// Read the bank at `path` (relative to the page): the compiled bank's JSON, or a rejection
    /// with one problem per line.
    #[wasm_bindgen]
    pub async fn read_bank(path: String) -> Result<String, JsValue> {
        match accord::ui::reader::read(&path).await {
            Ok((bank, files)) => Ok(accord::bank::compiled::encode(&bank, &files)),
            Err(problems) => Err(JsValue::from_str(&problems.join("\n"))),
        }
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The bank reader runs in the browser, loaded by the pages when they need it.");
}
