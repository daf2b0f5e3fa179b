//! Moodle XML, the teacher's way to and from Moodle's question bank: read with quick-xml into
//! a small element tree (`tree`), mapped to raw questions (`read`), and written (`write`).
//! Teacher-side only; the learner app never needs it.

mod read;
mod tree;
mod write;

pub use read::read;
pub use write::write;
