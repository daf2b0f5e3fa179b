//! The SCORM page's entry point (scorm.html, the launch page of a SCORM package): the learner's
//! app reporting to the LMS that launched it, as a wasm of its own so the learner's pages never
//! carry the SCORM adapter. Outside an LMS it is the learner's app as ever.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        accord::ui::install_panic_hook();
        let scorm = accord::ui::scorm::Scorm::connect(accord::ui::scorm::version_asked());
        accord::ui::mount_with(scorm.map(accord::ui::reporter::Lms::new));
    }
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The SCORM page runs in the browser, inside an LMS: see the README (bank scorm).");
}
