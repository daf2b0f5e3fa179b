use accord::bank::{Rules, SourceFile};
use accord::interchange::{Format, check_imported, read};

#[test]
fn dump() {
    let path = std::env::var("DUMP").unwrap_or("tests/interchange/moodle-examples.gift".into());
    let text = std::fs::read_to_string(&path).unwrap();
    let format = Format::detect(&path, &text).unwrap();
    let imported = read(format, SourceFile::new(path.clone(), text)).unwrap();
    println!("topics {:?}", imported.topics);
    for s in &imported.skipped {
        println!("SKIP {s}");
    }
    for s in &imported.changed {
        println!("CHANGE {s}");
    }
    let checked = check_imported(&imported, Rules::default());
    for e in checked.errors.iter() {
        println!("ERR {e}");
    }
    for r in &checked.reports {
        match &r.question {
            Some(q) => println!(
                "{}:{} {} {:?} | {:?} | {:?}",
                r.at.line, q.id, q.prompt, q.kind, q.explanation, q.topic
            ),
            None => println!("{}: {:?} BAD", r.at.line, r.id),
        }
    }
}

#[test]
fn dump_writers() {
    let bank = accord::bank::load_bank_with(
        "tests/e2e/fixtures/types/index.toml",
        |p| std::fs::read_to_string(p).map_err(|e| e.to_string()),
        Rules::default(),
    )
    .unwrap();
    let g = accord::interchange::write_gift(&bank);
    println!("{}", g.text);
    for l in &g.left_out {
        println!("LEFT {l}");
    }
    for l in &g.changed {
        println!("CHANGED {l}");
    }
    let x = accord::interchange::write_moodle_xml(&bank);
    println!("{}", &x.text[..2500]);
    for (p, t) in accord::interchange::write_toml(&bank, accord::interchange::TomlLayout::Folder) {
        println!("== {p}\n{}", &t[..t.len().min(900)]);
    }
}
