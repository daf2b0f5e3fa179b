//! Class results: what comes back from the students of one assignment, and what the teacher
//! learns from it. Pure data and arithmetic; it never touches a learner's own progress.

pub mod analysis;
