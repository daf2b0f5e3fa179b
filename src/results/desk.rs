//! The teacher's desk: everything the teacher page keeps in the teacher's browser (their
//! assignments with the accommodations they issued, and each assignment's class results), how
//! it is saved, exported and merged, and the pure helpers the page's screens show.
//!
//! Pure: time comes in as a value and storage is a `KeyValueStore`. It never touches a
//! learner's progress and knows nothing of the screens that show it.

mod bank_check;
mod bank_export;
mod charts;
mod data;
mod document;
mod form;
mod intake;
mod links;
mod qr;
mod store;
mod table;

pub use bank_check::{BankCheck, BroughtFile, Entry, check_files};
pub use bank_export::{Download, Prepared, prepare, zip_folder};
pub use charts::{HistogramBar, HistogramChart, histogram_chart};
pub use data::{DeskData, Issue, Issued, Kept, MergeSummary};
pub use document::{DESK_APP, DESK_SCHEMA, DeskError, Salvaged, read_class, read_desk};
pub use form::{
    AssignmentForm, Attempts, Field, FieldError, conditions_text, format_local_datetime,
    parse_local_datetime, questions_in, topic_counts,
};
pub use intake::{Intake, IntakeLine, intake_summary, split_codes, take_codes, take_file};
pub use links::{LinkContents, read_link, student_link};
pub use qr::qr_svg;
pub use store::{
    CLASS_PREFIX, DESK_KEY, DeskNotice, DeskSaveError, DeskStore, TEACHER_BACKUP_PREFIX,
    TEACHER_PREFIX,
};
pub use table::{
    ClassColumn, ClassRow, Sort, bar_width, class_rows, duration_text, file_name, percent_text,
    right_categories,
};
