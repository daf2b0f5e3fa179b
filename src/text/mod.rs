//! Text for people: numbers and plurals in the bank's language, and the quoting of untrusted
//! text inside messages. Pure and small; the UI, the checker and the core all print through it.

mod distance;
mod fold;
mod numbers;
mod plural;
mod quote;

pub use distance::{closest, edit_distance};
pub use fold::fold_for_matching;
pub use numbers::{Language, decimal, integer, percent_of, plain};
pub use plural::{count, plural};
pub use quote::{escape_controls, is_hidden, quoted};
