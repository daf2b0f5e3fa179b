//! The neutral order: a question's lists sorted by text, so that neither the file's order nor
//! the place of the right answer gives anything away; and the way back to the bank's order.
//! Knows shapes and responses only; nothing here sees a key.

use crate::bank::{BlankShape, QuestionKind, Shape};
use crate::quiz::Response;

/// What a sealed bank shows of a question: its shape with every list sorted by text. Sorting
/// depends only on the entries (which the learner sees anyway), never on which is right or on
/// the order the author wrote them in; ordering items and matching columns lose their key.
///
/// Two things keep their order because it is not a key: a spot-the-error claim's parts (they
/// are a sentence, read in order; which part is wrong does not depend on where it stands) and
/// a cloze text's pieces and blanks (the text itself).
pub fn neutral_shape(kind: &QuestionKind) -> Shape {
    match kind.shape() {
        Shape::Single { choices } => Shape::Single {
            choices: sorted(choices),
        },
        Shape::Multiple { choices } => Shape::Multiple {
            choices: sorted(choices),
        },
        Shape::Ordering { items } => Shape::Ordering {
            items: sorted(items),
        },
        Shape::Matching { lefts, rights } => Shape::Matching {
            lefts: sorted(lefts),
            rights: sorted(rights),
        },
        Shape::Cloze { pieces, blanks } => Shape::Cloze {
            pieces,
            blanks: blanks
                .into_iter()
                .map(|blank| match blank {
                    BlankShape::Options(options) => BlankShape::Options(sorted(options)),
                    BlankShape::Typed => BlankShape::Typed,
                })
                .collect(),
        },
        shape @ (Shape::TrueFalse
        | Shape::Numeric { .. }
        | Shape::ShortText
        | Shape::SpotError { .. }) => shape,
    }
}

fn sorted(mut list: Vec<String>) -> Vec<String> {
    list.sort();
    list
}

/// Whether a list is in the neutral order: strictly increasing, so also distinct.
pub(crate) fn in_neutral_order(list: &[String]) -> bool {
    list.windows(2).all(|w| w[0] < w[1])
}

/// For each entry of a neutral list, its index in the bank's list; `None` unless the two
/// lists hold the same distinct entries.
fn positions(neutral: &[String], original: &[String]) -> Option<Vec<usize>> {
    if neutral.len() != original.len() {
        return None;
    }
    let map: Vec<usize> = neutral
        .iter()
        .map(|entry| original.iter().position(|o| o == entry))
        .collect::<Option<_>>()?;
    let mut seen = map.clone();
    seen.sort_unstable();
    seen.dedup();
    (seen.len() == map.len()).then_some(map)
}

/// The way from indices on a neutral shape back to indices on the bank's own lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Remap {
    /// Choices, items, lefts or parts: neutral index → bank index.
    first: Vec<usize>,
    /// Matching's rights: neutral index → bank index.
    second: Vec<usize>,
}

impl Remap {
    /// The remap from `neutral` to `original`, if they are the same question's shape with the
    /// same entries in their lists (the cloze pieces and options by text, as responses are).
    pub(crate) fn between(original: &Shape, neutral: &Shape) -> Option<Remap> {
        let same = |a: &[String], b: &[String]| positions(a, b);
        let (first, second) = match (original, neutral) {
            (Shape::Single { choices: o }, Shape::Single { choices: n })
            | (Shape::Multiple { choices: o }, Shape::Multiple { choices: n })
            | (Shape::Ordering { items: o }, Shape::Ordering { items: n })
            | (Shape::SpotError { parts: o }, Shape::SpotError { parts: n }) => {
                (same(n, o)?, Vec::new())
            }
            (
                Shape::Matching {
                    lefts: ol,
                    rights: or,
                },
                Shape::Matching {
                    lefts: nl,
                    rights: nr,
                },
            ) => (same(nl, ol)?, same(nr, or)?),
            (
                Shape::Cloze {
                    pieces: op,
                    blanks: ob,
                },
                Shape::Cloze {
                    pieces: np,
                    blanks: nb,
                },
            ) => {
                let blanks_agree = ob.len() == nb.len()
                    && ob.iter().zip(nb).all(|pair| match pair {
                        (BlankShape::Typed, BlankShape::Typed) => true,
                        (BlankShape::Options(o), BlankShape::Options(n)) => same(n, o).is_some(),
                        _ => false,
                    });
                if op != np || !blanks_agree {
                    return None;
                }
                (Vec::new(), Vec::new())
            }
            (Shape::TrueFalse, Shape::TrueFalse) | (Shape::ShortText, Shape::ShortText) => {
                (Vec::new(), Vec::new())
            }
            (Shape::Numeric { unit: o }, Shape::Numeric { unit: n }) if o == n => {
                (Vec::new(), Vec::new())
            }
            _ => return None,
        };
        Some(Remap { first, second })
    }

    /// Where the bank's entry `original` of the first list (choices, items, lefts, parts)
    /// stands in the neutral order.
    pub(crate) fn neutral_index(&self, original: usize) -> Option<usize> {
        self.first.iter().position(|&o| o == original)
    }

    /// A response given on the neutral shape, as the same answer on the bank's lists; `None`
    /// when it does not fit the neutral shape.
    pub(crate) fn to_original(&self, neutral: &Shape, response: &Response) -> Option<Response> {
        if !response.fits_shape(neutral) {
            return None;
        }
        let first = |i: &usize| self.first.get(*i).copied();
        let picks = |picks: &[usize]| -> Option<Vec<usize>> {
            let mut mapped: Vec<usize> = picks.iter().map(first).collect::<Option<_>>()?;
            mapped.sort_unstable();
            Some(mapped)
        };
        Some(match response {
            Response::Choice(i) => Response::Choice(first(i)?),
            Response::Choices(p) => Response::Choices(picks(p)?),
            Response::Parts(p) => Response::Parts(picks(p)?),
            Response::Order(order) => {
                Response::Order(order.iter().map(first).collect::<Option<_>>()?)
            }
            Response::Pairs(pairs) => {
                let mut mapped = vec![None; pairs.len()];
                for (left, right) in pairs.iter().enumerate() {
                    let right = match right {
                        Some(r) => Some(*self.second.get(*r)?),
                        None => None,
                    };
                    *mapped.get_mut(first(&left)?)? = right;
                }
                Response::Pairs(mapped)
            }
            Response::Bool(_) | Response::Number(_) | Response::Text(_) | Response::Blanks(_) => {
                response.clone()
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn ordering_items_and_matching_columns_are_sorted_whatever_the_key() {
        let ordering = QuestionKind::Ordering {
            items: texts(&["NACC", "PfP", "Founding Act", "NRC"]),
        };
        assert_eq!(
            neutral_shape(&ordering),
            Shape::Ordering {
                items: texts(&["Founding Act", "NACC", "NRC", "PfP"])
            }
        );
        let matching = QuestionKind::Matching {
            lefts: texts(&["PJC", "NACC", "NRC"]),
            rights: texts(&["1997", "1991", "2002"]),
        };
        assert_eq!(
            neutral_shape(&matching),
            Shape::Matching {
                lefts: texts(&["NACC", "NRC", "PJC"]),
                rights: texts(&["1991", "1997", "2002"]),
            }
        );
    }

    #[test]
    fn a_claims_parts_keep_the_order_of_its_sentence() {
        let parts = texts(&["Russia,", "then the Soviet Union,", "viewed it."]);
        let kind = QuestionKind::SpotError {
            parts: parts.clone(),
            wrong: vec![1],
        };
        assert_eq!(neutral_shape(&kind), Shape::SpotError { parts });
    }

    #[test]
    fn a_response_on_the_neutral_shape_maps_back_by_text() {
        let kind = QuestionKind::Matching {
            lefts: texts(&["PJC", "NACC", "NRC"]),
            rights: texts(&["1997", "1991", "2002"]),
        };
        let neutral = neutral_shape(&kind);
        let remap = Remap::between(&kind.shape(), &neutral).unwrap();
        // Neutral lefts NACC, NRC, PJC; rights 1991, 1997, 2002. The right pairing there is
        // NACC→1991 (0→0), NRC→2002 (1→2), PJC→1997 (2→1); in the bank's order it is 0→0,
        // 1→1, 2→2.
        let response = Response::Pairs(vec![Some(0), Some(2), Some(1)]);
        assert_eq!(
            remap.to_original(&neutral, &response),
            Some(Response::Pairs(vec![Some(0), Some(1), Some(2)]))
        );
        assert_eq!(
            remap.to_original(&neutral, &Response::Pairs(vec![Some(3), None, None])),
            None,
            "an index past the list does not fit"
        );
    }

    #[test]
    fn shapes_with_other_entries_have_no_remap() {
        let a = Shape::Single {
            choices: texts(&["a", "b"]),
        };
        let b = Shape::Single {
            choices: texts(&["a", "c"]),
        };
        assert_eq!(Remap::between(&a, &b), None);
        assert_eq!(Remap::between(&a, &Shape::TrueFalse), None);
    }
}
