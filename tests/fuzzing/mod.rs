//! Shared fixtures for the decoder property tests: arbitrary JSON values (bounded depth, the
//! numbers that break arithmetic), structure-aware mutations of a valid document, and a
//! driver that answers a quiz to its end with responses that fit.
#![allow(dead_code)]

pub mod drive;

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Map, Number, Value, json};

/// Numbers that sit on the edges saved data can break: sizes past `u32`/`i32`, indices one
/// past a list, credits past 1000, times around the review log's epoch, huge and tiny floats.
pub fn interesting_numbers() -> Vec<Value> {
    vec![
        json!(0),
        json!(1),
        json!(2),
        json!(3),
        json!(4),
        json!(9),
        json!(36),
        json!(99),
        json!(-1),
        json!(1000),
        json!(1001),
        json!(1023),
        json!(10_000),
        json!(10_001),
        json!(65_535),
        json!(65_536),
        json!(100_000),
        json!(86_400),
        json!(2_147_483_647),
        json!(2_147_483_648u64),
        json!(4_294_967_295u64),
        json!(4_294_967_296u64),
        json!(1_577_836_800_000u64),
        json!(1_704_067_200_000u64),
        json!(u64::MAX / 1000),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(i64::MAX),
        json!(0.5),
        json!(1.5),
        json!(-0.0),
        json!(1e308),
        json!(-1e308),
        json!(1e-300),
        json!(0.85),
        json!(10.5),
    ]
}

/// Strings saved data names things with: ids of the demo bank, our app and profile names,
/// seeds, and the awkward ones (empty, control and bidi characters, long).
pub fn interesting_strings() -> Vec<String> {
    [
        "",
        " ",
        "a-single",
        "a-multiple",
        "b-tf",
        "b-order",
        "b-match",
        "b-num",
        "b-text",
        "b-cloze",
        "b-spot",
        "no-such-question",
        "alpha",
        "beta",
        "demo",
        "accord",
        "accord-result",
        "default",
        "p-abcdefgh",
        "Paris",
        "1997",
        "choice",
        "choices",
        "bool",
        "order",
        "pairs",
        "number",
        "text",
        "blanks",
        "parts",
        "practice",
        "exam",
        "review",
        "focus",
        "extra",
        "no_limit",
        "AAAAAAAA",
        "AAAAAAAA/wM=",
        "questions/index.toml",
        "../index.toml",
        "a@b",
        "\u{0}",
        "\u{7}",
        "\u{202e}",
        "é",
        "𝄞",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain(["x".repeat(300), "ab".repeat(40)])
    .collect()
}

pub fn number() -> BoxedStrategy<Value> {
    prop_oneof![
        4 => prop::sample::select(interesting_numbers()),
        1 => any::<i64>().prop_map(|n| json!(n)),
        1 => any::<u64>().prop_map(|n| json!(n)),
        1 => (0u64..50).prop_map(|n| json!(n)),
        1 => any::<f64>().prop_filter_map("finite", |x| Number::from_f64(x).map(Value::Number)),
    ]
    .boxed()
}

pub fn string() -> BoxedStrategy<String> {
    prop_oneof![
        3 => prop::sample::select(interesting_strings()),
        1 => "\\PC{0,12}",
        1 => ".{0,6}",
    ]
    .boxed()
}

/// A leaf: null, a bool, a number or a string.
pub fn leaf() -> BoxedStrategy<Value> {
    prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        3 => number(),
        3 => string().prop_map(Value::String),
    ]
    .boxed()
}

/// Object keys: the fields our formats use, and others.
fn key(known: &'static [&'static str]) -> BoxedStrategy<String> {
    prop_oneof![
        3 => prop::sample::select(known).prop_map(str::to_string),
        1 => string(),
    ]
    .boxed()
}

/// Any JSON value up to four levels deep, its objects keyed mostly by `known` field names.
pub fn json_value(known: &'static [&'static str]) -> BoxedStrategy<Value> {
    leaf()
        .prop_recursive(4, 48, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(key(known), inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
        .boxed()
}

/// Any JSON text, or not quite JSON: a value's text cut short or with a byte changed.
pub fn json_text(known: &'static [&'static str]) -> BoxedStrategy<String> {
    prop_oneof![
        3 => json_value(known).prop_map(|v| v.to_string()),
        1 => (json_value(known), any::<Index>()).prop_map(|(v, at)| {
            let text = v.to_string();
            let cut = at.index(text.len() + 1);
            text.char_indices().map(|(i, _)| i).chain([text.len()]).find(|&i| i >= cut)
                .map_or(text.clone(), |i| text[..i].to_string())
        }),
    ]
    .boxed()
}

/// Arbitrary bytes read as the browser would hand them over (invalid UTF-8 replaced).
pub fn bytes_text() -> BoxedStrategy<String> {
    prop::collection::vec(any::<u8>(), 0..300)
        .prop_map(|b| String::from_utf8_lossy(&b).into_owned())
        .boxed()
}

/// Arbitrary text: printable or not, short or long.
pub fn any_text() -> BoxedStrategy<String> {
    prop_oneof![".{0,200}", "\\PC{0,200}", bytes_text()].boxed()
}

/// One step into a document.
#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Key(String),
    At(usize),
}

/// What a mutation does to the node it lands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Put a random value there.
    Replace,
    /// Put an edge number there.
    EdgeNumber,
    /// Remove it from its object or array.
    Delete,
    /// Repeat it in its array, next to itself or elsewhere (or copy it under another key of
    /// its object).
    Duplicate,
    /// Change it a little: a number by one or to its negative, a string cut or doubled, an
    /// array cut, reversed or emptied, a bool flipped.
    Nudge,
    /// Add a value: a key (one of the document's own) to an object, an entry to an array.
    Insert,
    /// Cut an array: emptied, halved, or its last entry dropped (parallel lists that no
    /// longer match, positions past the end).
    Shorten,
}

/// One mutation: where (an index over every node of the document), what, and with what.
#[derive(Debug, Clone)]
pub struct Mutation {
    pub at: Index,
    pub op: Op,
    pub pick: u8,
    pub value: Value,
}

pub fn mutation(known: &'static [&'static str]) -> BoxedStrategy<Mutation> {
    let op = prop_oneof![
        1 => Just(Op::Replace),
        4 => Just(Op::EdgeNumber),
        2 => Just(Op::Delete),
        2 => Just(Op::Duplicate),
        3 => Just(Op::Nudge),
        1 => Just(Op::Insert),
        2 => Just(Op::Shorten),
    ];
    (
        any::<Index>(),
        op,
        any::<u8>(),
        prop_oneof![3 => leaf(), 1 => json_value(known)],
    )
        .prop_map(|(at, op, pick, value)| Mutation {
            at,
            op,
            pick,
            value,
        })
        .boxed()
}

/// One to `most` mutations.
pub fn mutations(known: &'static [&'static str], most: usize) -> BoxedStrategy<Vec<Mutation>> {
    // Mostly one mutation: a single wrong value is what damage and hand edits usually are,
    // and it keeps the rest of the document decodable.
    (1..=most)
        .prop_flat_map(move |n| {
            let n = if n > 1 && n % 2 == 0 { 1 } else { n };
            prop::collection::vec(mutation(known), n)
        })
        .boxed()
}

fn paths(value: &Value, here: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
    out.push(here.clone());
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                here.push(Seg::At(i));
                paths(item, here, out);
                here.pop();
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                here.push(Seg::Key(k.clone()));
                paths(item, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn node_ref<'v>(value: &'v Value, path: &[Seg]) -> &'v Value {
    path.iter().fold(value, |v, seg| match (seg, v) {
        (Seg::Key(k), Value::Object(map)) => &map[k],
        (Seg::At(i), Value::Array(items)) => &items[*i],
        _ => unreachable!("a path of this document"),
    })
}

fn node<'v>(value: &'v mut Value, path: &[Seg]) -> &'v mut Value {
    path.iter().fold(value, |v, seg| match (seg, v) {
        (Seg::Key(k), Value::Object(map)) => map.get_mut(k).expect("a path of this document"),
        (Seg::At(i), Value::Array(items)) => &mut items[*i],
        _ => unreachable!("a path of this document"),
    })
}

fn keys(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                keys(v, out);
            }
        }
        _ => {}
    }
}

/// Numbers a document suggests: each array's length and one past it, each number plus one.
fn own_numbers(doc: &Value) -> Vec<Value> {
    fn walk(v: &Value, out: &mut Vec<Value>) {
        match v {
            Value::Array(items) => {
                out.push(json!(items.len()));
                out.push(json!(items.len() + 1));
                items.iter().for_each(|x| walk(x, out));
            }
            Value::Object(map) => map.values().for_each(|x| walk(x, out)),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    out.push(json!(u.saturating_add(1)));
                }
            }
            _ => {}
        }
    }
    let mut out = vec![json!(0)];
    walk(doc, &mut out);
    out
}

fn nudge(value: &mut Value, pick: u8) {
    let pick = usize::from(pick);
    *value = match std::mem::take(value) {
        Value::Null => json!(0),
        Value::Bool(b) => Value::Bool(!b),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                [
                    json!(u.wrapping_add(1)),
                    json!(u.saturating_sub(1)),
                    json!(u.saturating_mul(2)),
                    json!(-(u as i128).clamp(i64::MIN as i128, 0) as i64),
                    json!(u.saturating_add(1 << 32)),
                    json!(u as f64 + 0.5),
                ][pick % 6]
                    .clone()
            } else if let Some(i) = n.as_i64() {
                [
                    json!(i.saturating_add(1)),
                    json!(i.saturating_neg()),
                    json!(0),
                ][pick % 3]
                    .clone()
            } else {
                let x = n.as_f64().unwrap_or(0.0);
                [json!(-x), json!(x * 1e10), json!(x.floor()), json!(0)][pick % 4].clone()
            }
        }
        Value::String(s) => {
            let chars: Vec<char> = s.chars().collect();
            Value::String(match pick % 5 {
                0 => String::new(),
                1 => chars[..chars.len() / 2].iter().collect(),
                2 => s.repeat(2),
                3 => format!("{s}\u{7}"),
                _ => s.to_uppercase(),
            })
        }
        Value::Array(mut items) => {
            match pick % 4 {
                0 => items.clear(),
                1 => items.truncate(items.len() / 2),
                2 => items.reverse(),
                _ => {
                    if let Some(last) = items.last().cloned() {
                        items.push(last);
                    }
                }
            }
            Value::Array(items)
        }
        Value::Object(map) => {
            let keep = if pick % 2 == 0 { 0 } else { map.len() / 2 };
            Value::Object(map.into_iter().take(keep).collect::<Map<_, _>>())
        }
    };
}

/// `doc` with `mutations` applied one after another.
pub fn mutate(doc: &Value, mutations: &[Mutation]) -> Value {
    let mut doc = doc.clone();
    let mut own_keys = Vec::new();
    keys(&doc, &mut own_keys);
    own_keys.sort();
    own_keys.dedup();
    for m in mutations {
        let mut all = Vec::new();
        paths(&doc, &mut Vec::new(), &mut all);
        // Each operation lands where it keeps the document's shape most often: edge numbers
        // on numbers, repeats on array entries, deletions on members, so that many mutated
        // documents still decode and reach the computations behind the decoder.
        let fits = |path: &Vec<Seg>| match m.op {
            Op::EdgeNumber => matches!(node_ref(&doc, path), Value::Number(_)),
            Op::Duplicate => matches!(path.last(), Some(Seg::At(_))),
            Op::Delete => !path.is_empty(),
            Op::Shorten => matches!(node_ref(&doc, path), Value::Array(a) if !a.is_empty()),
            _ => true,
        };
        let candidates: Vec<&Vec<Seg>> = all.iter().filter(|p| fits(p)).collect();
        let path = if candidates.is_empty() {
            &all[m.at.index(all.len())]
        } else {
            candidates[m.at.index(candidates.len())]
        }
        .clone();
        let path = &path;
        let pick = usize::from(m.pick);
        match m.op {
            Op::Replace => *node(&mut doc, path) = m.value.clone(),
            Op::EdgeNumber => {
                // Half the time a number this document itself suggests: a list's length or
                // one past it (an index just out of range), or a number of its own plus one.
                let numbers = if pick % 2 == 0 {
                    interesting_numbers()
                } else {
                    own_numbers(&doc)
                };
                *node(&mut doc, path) = numbers[(pick / 2) % numbers.len()].clone();
            }
            Op::Shorten => {
                if let Value::Array(items) = node(&mut doc, path) {
                    match pick % 3 {
                        0 => items.clear(),
                        1 => items.truncate(items.len() / 2),
                        _ => {
                            items.pop();
                        }
                    }
                }
            }
            Op::Nudge => nudge(node(&mut doc, path), m.pick),
            Op::Delete | Op::Duplicate => {
                let Some((last, parent)) = path.split_last() else {
                    doc = Value::Null;
                    continue;
                };
                let parent = node(&mut doc, parent);
                match (last, parent) {
                    (Seg::At(i), Value::Array(items)) => {
                        if m.op == Op::Delete {
                            items.remove(*i);
                        } else {
                            // Next to itself or anywhere else in the list.
                            let copy = items[*i].clone();
                            let to = if pick % 2 == 0 {
                                *i
                            } else {
                                pick % (items.len() + 1)
                            };
                            items.insert(to, copy);
                        }
                    }
                    (Seg::Key(k), Value::Object(map)) => {
                        if m.op == Op::Delete {
                            map.remove(k);
                        } else if !own_keys.is_empty() {
                            let copy = map[k].clone();
                            map.insert(own_keys[pick % own_keys.len()].clone(), copy);
                        }
                    }
                    _ => unreachable!("a path of this document"),
                }
            }
            Op::Insert => match node(&mut doc, path) {
                Value::Object(map) if !own_keys.is_empty() => {
                    map.insert(own_keys[pick % own_keys.len()].clone(), m.value.clone());
                }
                Value::Array(items) => {
                    let at = pick % (items.len() + 1);
                    items.insert(at, m.value.clone());
                }
                other => *other = m.value.clone(),
            },
        }
    }
    doc
}

/// An `Index` that lands on `at` of a list of `len` entries.
pub fn index_for(at: usize, len: usize) -> Index {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    loop {
        let index = any::<Index>().new_tree(&mut runner).unwrap().current();
        if index.index(len) == at {
            return index;
        }
    }
}

/// A message about untrusted input shows its control, bidi and zero-width characters
/// escaped, never raw (they would reorder or hide the text around them on the page).
pub fn assert_plain(message: &str) {
    assert!(
        !message.chars().any(accord::text::is_hidden),
        "a raw hidden character in the message: {message:?}"
    );
}
