//! What the learner has entered for the question on screen, before checking it: one variant
//! per way of answering, with the keyboard shortcuts that change it.

use super::draw::QuizItem;
use super::response::{Response, parse_number};
use crate::bank::{QuestionKind, Shape};

#[derive(Debug, Clone, PartialEq)]
pub enum Draft {
    Choice(Option<usize>),
    Choices(Vec<usize>),
    Bool(Option<bool>),
    /// Item indices, in the order currently on screen.
    Order(Vec<usize>),
    Pairs(Vec<Option<usize>>),
    /// Numeric and short-text answers, as typed.
    Text(String),
    Blanks(Vec<String>),
    Parts(Vec<usize>),
}

impl Draft {
    /// An empty draft for a question, laid out as `item` says.
    pub fn new(kind: &QuestionKind, item: &QuizItem) -> Draft {
        Draft::for_shape(&kind.shape(), item)
    }

    /// An empty draft for what a question shows (a sealed exam has only shapes).
    pub fn for_shape(shape: &Shape, item: &QuizItem) -> Draft {
        match shape {
            Shape::Single { .. } => Draft::Choice(None),
            Shape::Multiple { .. } => Draft::Choices(Vec::new()),
            Shape::TrueFalse => Draft::Bool(None),
            Shape::Ordering { .. } => Draft::Order(item.order.clone()),
            Shape::Matching { lefts, .. } => Draft::Pairs(vec![None; lefts.len()]),
            Shape::Numeric { .. } | Shape::ShortText => Draft::Text(String::new()),
            Shape::Cloze { blanks, .. } => Draft::Blanks(vec![String::new(); blanks.len()]),
            Shape::SpotError { .. } => Draft::Parts(Vec::new()),
        }
    }

    /// A draft showing an answer already given (for the feedback after a reload).
    pub fn from_response(response: &Response) -> Draft {
        match response {
            Response::Choice(i) => Draft::Choice(Some(*i)),
            Response::Choices(picks) => Draft::Choices(picks.clone()),
            Response::Bool(b) => Draft::Bool(Some(*b)),
            Response::Order(order) => Draft::Order(order.clone()),
            Response::Pairs(pairs) => Draft::Pairs(pairs.clone()),
            Response::Number(x) => Draft::Text(crate::text::plain(*x)),
            Response::Text(t) => Draft::Text(t.clone()),
            Response::Blanks(b) => Draft::Blanks(b.clone()),
            Response::Parts(p) => Draft::Parts(p.clone()),
        }
    }

    /// The draft as a response to check, or what the learner still has to do.
    pub fn to_response(&self, kind: &QuestionKind) -> Result<Response, String> {
        self.to_response_for(&kind.shape())
    }

    /// [`Draft::to_response`] for what a question shows.
    pub fn to_response_for(&self, shape: &Shape) -> Result<Response, String> {
        let response = match self {
            Draft::Choice(Some(i)) => Response::Choice(*i),
            Draft::Choice(None) | Draft::Bool(None) => return Err("Choose an answer first.".into()),
            Draft::Choices(picks) if picks.is_empty() => {
                return Err("Tick at least one answer first.".into());
            }
            Draft::Choices(picks) => Response::Choices(sorted(picks)),
            Draft::Bool(Some(b)) => Response::Bool(*b),
            Draft::Order(order) => Response::Order(order.clone()),
            Draft::Pairs(pairs) if pairs.iter().all(Option::is_none) => {
                return Err("Match at least one item first.".into());
            }
            Draft::Pairs(pairs) => Response::Pairs(pairs.clone()),
            Draft::Text(text) => match shape {
                Shape::Numeric { .. } => Response::Number(parse_number(text)?),
                _ if text.trim().is_empty() => return Err("Type an answer first.".into()),
                _ => Response::Text(text.trim().to_string()),
            },
            Draft::Blanks(blanks) if blanks.iter().all(|b| b.trim().is_empty()) => {
                return Err("Fill in at least one blank first.".into());
            }
            Draft::Blanks(blanks) => {
                Response::Blanks(blanks.iter().map(|b| b.trim().to_string()).collect())
            }
            Draft::Parts(picks) if picks.is_empty() => {
                return Err("Pick the part that is wrong first.".into());
            }
            Draft::Parts(picks) => Response::Parts(sorted(picks)),
        };
        if response.fits_shape(shape) {
            Ok(response)
        } else {
            Err("That answer does not fit this question.".into())
        }
    }

    /// The number key `n` (1-based) picks or toggles the n-th option on screen.
    /// Returns whether the key meant anything for this question.
    pub fn press_number(&mut self, n: usize, kind: &QuestionKind, item: &QuizItem) -> bool {
        self.press_number_for(n, &kind.shape(), item)
    }

    /// [`Draft::press_number`] for what a question shows.
    pub fn press_number_for(&mut self, n: usize, shape: &Shape, item: &QuizItem) -> bool {
        let Some(index) = n.checked_sub(1) else {
            return false;
        };
        match (self, shape) {
            (Draft::Choice(choice), Shape::Single { .. }) => match item.order.get(index) {
                Some(&original) => {
                    *choice = Some(original);
                    true
                }
                None => false,
            },
            (Draft::Choices(picks), Shape::Multiple { .. }) => match item.order.get(index) {
                Some(&original) => {
                    toggle(picks, original);
                    true
                }
                None => false,
            },
            (Draft::Bool(value), Shape::TrueFalse) if index < 2 => {
                *value = Some(index == 0);
                true
            }
            (Draft::Parts(picks), Shape::SpotError { parts }) if index < parts.len() => {
                toggle(picks, index);
                true
            }
            _ => false,
        }
    }

    /// Move the item at screen position `from` one place up (`up`) or down (not `up`).
    pub fn move_item(&mut self, from: usize, up: bool) -> Option<usize> {
        let Draft::Order(order) = self else {
            return None;
        };
        let to = if up { from.checked_sub(1)? } else { from + 1 };
        if to >= order.len() {
            return None;
        }
        order.swap(from, to);
        Some(to)
    }
}

pub fn toggle(picks: &mut Vec<usize>, index: usize) {
    if let Some(at) = picks.iter().position(|&p| p == index) {
        picks.remove(at);
    } else {
        picks.push(index);
    }
}

fn sorted(picks: &[usize]) -> Vec<usize> {
    let mut picks = picks.to_vec();
    picks.sort_unstable();
    picks.dedup();
    picks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(order: Vec<usize>) -> QuizItem {
        QuizItem {
            question: "q".into(),
            order,
            blank_orders: vec![],
        }
    }

    #[test]
    fn number_keys_pick_by_screen_position_not_bank_order() {
        let kind = QuestionKind::SingleChoice {
            choices: vec!["a".into(), "b".into(), "c".into()],
            answer: 0,
        };
        let shown = item(vec![2, 0, 1]);
        let mut draft = Draft::new(&kind, &shown);
        assert!(draft.press_number(1, &kind, &shown));
        assert_eq!(draft, Draft::Choice(Some(2)));
        assert!(!draft.press_number(4, &kind, &shown));
        assert!(!draft.press_number(0, &kind, &shown));
    }

    #[test]
    fn number_keys_toggle_multiple_choices_and_parts() {
        let kind = QuestionKind::MultipleSelect {
            choices: vec!["a".into(), "b".into()],
            answers: vec![0],
        };
        let shown = item(vec![1, 0]);
        let mut draft = Draft::new(&kind, &shown);
        draft.press_number(1, &kind, &shown);
        draft.press_number(2, &kind, &shown);
        draft.press_number(1, &kind, &shown);
        assert_eq!(draft.to_response(&kind), Ok(Response::Choices(vec![0])));
    }

    #[test]
    fn true_false_keys_are_one_for_true_and_two_for_false() {
        let kind = QuestionKind::TrueFalse { answer: true };
        let shown = item(vec![]);
        let mut draft = Draft::new(&kind, &shown);
        draft.press_number(2, &kind, &shown);
        assert_eq!(draft, Draft::Bool(Some(false)));
        assert!(!draft.press_number(3, &kind, &shown));
    }

    #[test]
    fn an_incomplete_draft_says_what_is_missing() {
        let kind = QuestionKind::Numeric {
            answer: 1997.0,
            tolerance: 0.0,
            unit: None,
        };
        let shown = item(vec![]);
        let draft = Draft::Text("nineteen".into());
        assert!(
            draft
                .to_response(&kind)
                .unwrap_err()
                .contains("is not a number")
        );
        assert_eq!(
            Draft::new(&kind, &shown).to_response(&kind),
            Err("Type a number first.".into())
        );
        assert_eq!(
            Draft::Text("1997".into()).to_response(&kind),
            Ok(Response::Number(1997.0))
        );
    }

    #[test]
    fn ordering_items_move_within_bounds() {
        let mut draft = Draft::Order(vec![2, 0, 1]);
        assert_eq!(draft.move_item(0, true), None);
        assert_eq!(draft.move_item(0, false), Some(1));
        assert_eq!(draft, Draft::Order(vec![0, 2, 1]));
        assert_eq!(draft.move_item(2, false), None);
    }
}
