//! Quiz sessions: drawing questions from a seed, the learner's responses, and scoring them.
//!
//! Pure state and functions over `bank` types; time comes in as arguments, never read here.
//! Nothing in this module touches storage or the browser.

pub mod describe;
mod draft;
mod draw;
mod response;
mod scoring;
mod seed;
mod session;
pub mod text_match;

pub use draft::{Draft, toggle};
pub use draw::{QuizItem, QuizMode, QuizSettings, draw, lay_out};
pub use response::{Response, parse_number};
pub use scoring::{Credit, score};
pub use seed::Seed;
pub use session::{Answered, Outcome, Phase, QuizResult, QuizSession, SessionError, TopicScore};
