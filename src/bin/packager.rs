//! The SCORM packager module (packager-<hash>.js and its wasm): a package's manifest and zip,
//! made by `lms`. The teacher's page loads it only when a teacher asks for a package, so the
//! page's own wasm carries neither the XML writer nor the zip and deflate code.

#[cfg(target_arch = "wasm32")]
mod module {
    use accord::lms::{PackageInfo, PassMark, ScormVersion};
    use wasm_bindgen::prelude::*;

    /// The zip of a package of `version` ("1.2" or "2004") named `name`, titled `title`,
    /// launching `launch`, with the pass mark in thousandths (`None` for none), holding
    /// `files` (an array of `[path, Uint8Array]`). Rejects with the reason in words.
    #[wasm_bindgen]
    pub fn make_package(
        version: &str,
        name: &str,
        title: &str,
        launch: &str,
        pass_mark: Option<u16>,
        files: js_sys::Array,
    ) -> Result<Vec<u8>, JsValue> {
        let refuse = |why: &str| JsValue::from_str(why);
        let version =
            ScormVersion::parse(version).ok_or_else(|| refuse("no such SCORM version"))?;
        let mut entries = Vec::new();
        for entry in files.iter() {
            let pair = js_sys::Array::from(&entry);
            let path = pair
                .get(0)
                .as_string()
                .ok_or_else(|| refuse("a file without a path"))?;
            let bytes = js_sys::Uint8Array::new(&pair.get(1)).to_vec();
            entries.push((path, bytes));
        }
        let info = PackageInfo {
            name,
            title,
            launch,
            pass_mark: pass_mark.and_then(PassMark::from_thousandths),
        };
        accord::lms::scorm_package(version, &info, &entries).map_err(|e| refuse(&e.to_string()))
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "The SCORM packager runs in the browser, loaded by the teacher's page when it needs it."
    );
}
