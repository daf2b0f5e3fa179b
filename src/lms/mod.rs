//! What an LMS should receive from a quiz, for SCORM 1.2 and SCORM 2004 4th edition: the
//! data-model values to `SetValue` (score, status, times, one interaction per question), the
//! `suspend_data` that resumes a quiz, the learner as the LMS names them, the package's
//! launch address and files, its manifest, and its zip bytes.
//!
//! Pure: time comes in as values, files come in as bytes. It must not touch the SCORM API
//! itself (the browser adapter in the UI finds it and sends these values), nor the network.
//! The data model's values follow the ADL run-time books (SCORM 1.2 RTE §3.4, SCORM 2004 4th
//! edition RTE §4.2) and the patterns of `scorm-again` (the LMS-side run-time the browser tests
//! use), whose SCORM 1.2 and 2004 APIs accepted every value of the tests' golden sessions,
//! set twice over, when this was written.

mod datamodel;
mod format;
mod interaction;
mod key;
mod launch;
mod learner;
mod manifest;
mod package;
mod suspend;
mod time;
mod version;

pub use datamodel::{Clock, Commit, PassMark, commit};
pub use format::{cut_utf16, decimal_from_f64, utf16_len};
pub use interaction::{Interaction, InteractionType, Item, interaction};
pub use key::{Key, Shapes};
pub use launch::{FILE_LIST, LAUNCH_PAGE, VERSION_PARAM, bank_files, file_list, file_name, launch};
pub use learner::{learner_id, learner_name, learner_profile};
pub use manifest::{
    MANIFEST_FILE, ManifestError, PackageInfo, check_path, manifest, percent_encode,
};
pub use package::{PackageError, scorm_package, zip_entries};
pub use suspend::{SuspendError, SuspendFit, decode, encode, encode_within};
pub use time::{cmi_time, cmi_timespan, iso_duration, iso_timestamp};
pub use version::{Elements, ScormVersion};
