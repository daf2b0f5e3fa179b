//! What sealing does to an assignment on the teacher's desk: which questions are sealed, the
//! sealed file's name and place beside the site, the assignment pointed at it (an exam that
//! shows nothing until the key is released), and the release link. No keys here.

use crate::assignment::{Assignment, Mode, Review, encode};
use crate::bank::Bank;
use crate::results::slug;

/// The folder students' pages fetch sealed files from (beside the default bank).
pub const SEALED_FOLDER: &str = "questions/";

/// The file name a sealed exam is downloaded as: `sealed-<title>-<id>.json`.
pub fn sealed_file_name(assignment: &Assignment) -> String {
    format!("sealed-{}-{}.json", slug(&assignment.title), assignment.id)
}

/// Where the sealed file goes on the site, relative to the pages.
pub fn sealed_path(assignment: &Assignment) -> String {
    format!("{SEALED_FOLDER}{}", sealed_file_name(assignment))
}

/// The questions a sealed copy of `assignment` holds: every question of its topics (a draw
/// per student may give anyone any of them), in the bank's order.
pub fn questions_to_seal(assignment: &Assignment, bank: &Bank) -> Vec<String> {
    bank.questions
        .iter()
        .filter(|q| assignment.topics.is_empty() || assignment.topics.contains(&q.topic))
        .map(|q| q.id.clone())
        .collect()
}

/// The assignment once sealed: its bank is the sealed file, it runs as an exam (there is no
/// key to give feedback with), and students see nothing after handing in until the teacher
/// releases the key. Its id, seed and other conditions stay.
pub fn sealed_assignment(assignment: &Assignment) -> Assignment {
    let mut sealed = assignment.clone();
    sealed.bank.path = sealed_path(assignment);
    sealed.sealed = true;
    sealed.mode = Mode::Exam;
    sealed.review = Review::Nothing;
    sealed
}

/// The page students open for an assignment: the quiz page, or a sealed exam's own page
/// beside it (`exam.html`, which reads sealed files; the quiz page never does).
pub fn student_page(index_url: &str, assignment: &Assignment) -> String {
    if !assignment.sealed {
        return index_url.to_string();
    }
    match index_url.rsplit_once('/') {
        Some((folder, _)) => format!("{folder}/exam.html"),
        None => "exam.html".to_string(),
    }
}

/// The link that releases a sealed exam's key: the exam's page with the release code, which
/// shows each student the review of what they handed in.
pub fn release_link(index_url: &str, assignment: &Assignment, release_code: &str) -> String {
    format!(
        "{}?a={}&release={release_code}",
        student_page(index_url, assignment),
        encode(assignment)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assignment::BankRef;
    use crate::quiz::Seed;

    fn assignment() -> Assignment {
        Assignment::new(
            "k3f9x2qa".into(),
            "Cold War: test 1".into(),
            BankRef {
                path: "questions/index.toml".into(),
                id: "nato-russia".into(),
                version: "1.0.0".into(),
            },
            Seed::parse("k3f9x2qa").unwrap(),
        )
    }

    #[test]
    fn a_sealed_assignment_names_its_file_and_runs_as_an_exam_showing_nothing() {
        let sealed = sealed_assignment(&assignment());
        assert_eq!(
            sealed.bank.path,
            "questions/sealed-cold-war-test-1-k3f9x2qa.json"
        );
        assert!(sealed.sealed);
        assert_eq!((sealed.mode, sealed.review), (Mode::Exam, Review::Nothing));
        assert_eq!(crate::assignment::check(&sealed), Ok(()));
        assert_eq!(
            (sealed.id, sealed.seed),
            (assignment().id, assignment().seed)
        );
    }

    #[test]
    fn a_sealed_exam_is_opened_on_its_own_page() {
        let index = "https://school.example/quiz/index.html";
        assert_eq!(student_page(index, &assignment()), index);
        let sealed = sealed_assignment(&assignment());
        assert_eq!(
            student_page(index, &sealed),
            "https://school.example/quiz/exam.html"
        );
        let link = release_link(index, &sealed, "abc");
        assert!(link.starts_with("https://school.example/quiz/exam.html?a=1."));
        assert!(link.ends_with("&release=abc"));
    }
}
