//! Quiz sessions: drawing questions from a seed, the learner's responses, scoring them, and
//! what a quiz adds up to.
//!
//! Pure state and functions over `bank` types; time comes in as arguments, never read here.
//! Nothing in this module touches storage or the browser.

mod credit;
pub mod describe;
mod draft;
mod draw;
mod response;
mod result;
mod scoring;
mod seed;
mod session;
pub mod text_match;

pub use credit::{Credit, Outcome, Points};
pub use draft::{Draft, toggle};
pub use draw::{QuizItem, QuizMode, QuizSettings, draw, draw_shown, lay_out};
pub use response::{Response, parse_number};
pub use result::{QuizResult, Tally, TopicScore};
pub use scoring::score;
pub use seed::Seed;
pub use session::{Answered, ItemStatus, Phase, QuizSession, SessionError, is_permutation};
