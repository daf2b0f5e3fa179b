//! A learner's progress: the review log and finished quizzes per bank, quizzes in progress in
//! slots of their own, learner profiles on a shared device, the storage schema and its
//! migrations, and the `Learner` that every learner-side action goes through.
//!
//! Pure data plus a store over the `storage` trait; no browser types, no clock (time is
//! passed in).

mod bank_key;
mod due;
mod exchange;
mod focus;
mod learner;
mod merge;
mod model;
mod paper;
mod plan;
mod profiles;
mod review_log;
mod schema;
mod stats;
mod store;
mod summary;

pub use bank_key::{BankKey, DEFAULT_BANK_PATH};
pub use due::{cards, due_questions, forecast, rating_for};
pub use exchange::{ImportError, export, import};
pub use focus::{FOCUS_TOPICS, FOCUS_TOPICS_IN_WORDS, weakest_topics};
pub use learner::{Answer, Learner, LearnerNotice, TAB_QUIZ_KEY, Unfinished};
pub use merge::{MergeSummary, TabMerge};
pub use model::{BankProgress, FinishedQuiz, LearnerSettings, ProgressData, Theme};
pub use paper::Paper;
pub use plan::{Count, QuizRequest, TIME_LIMITS, available, settings_for, start_quiz};
pub use profiles::{PROFILES_KEY, Profile, ProfileId, Profiles, name_problem};
pub use review_log::{QuestionRecord, Review, ReviewFlags, ReviewLog};
pub use schema::{CURRENT_SCHEMA, DecodeProblem, Decoded, decode, encode};
pub use stats::{
    AccuracyBucket, AccuracySeries, DAILY_SPAN_DAYS, DashboardStats, FORECAST_DAYS, HistoryEntry,
    QuestionHistory, Streak, TopicMastery, accuracy_series, due_forecast, mastery_by_topic,
    question_history, streak,
};
pub use store::{
    BACKUP_PREFIX, KEY_PREFIX, Notice, PROGRESS_KEY, ProgressStore, QUIZ_PREFIX, SaveError, Slot,
    decode_slot, progress_key, quiz_prefix,
};
pub use summary::{RECENT, RecentQuiz, StartSummary};
