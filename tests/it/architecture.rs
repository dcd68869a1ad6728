//! The pipeline's shape, checked: every module of `src/` sits in a stage, and no module
//! imports from a stage that runs after its own (load → resolve → render → publish →
//! output → build → check / serve). `diag`, `slug`, `hash`, `stamp`, `editor_files`,
//! `user_files` and `url_path` are leaves that import no stage at all.

use std::path::Path;

const STAGES: &[(&str, usize)] = &[
    ("diag", 0),
    ("slug", 0),
    ("hash", 0),
    ("stamp", 0),
    ("editor_files", 0),
    ("user_files", 0),
    ("url_path", 0),
    ("load", 1),
    ("resolve", 2),
    ("render", 3),
    ("publish", 4),
    ("output", 5),
    ("build", 6),
    ("check", 7),
    ("serve", 7),
];

fn rank(stage: &str) -> Option<usize> {
    STAGES.iter().find(|(s, _)| *s == stage).map(|(_, r)| *r)
}

#[test]
fn no_module_imports_from_a_later_stage() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for entry in walkdir::WalkDir::new(&src).into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        // The binary's own modules sit above the library.
        if ["lib.rs", "main.rs", "cli.rs", "locate.rs"].contains(&rel.as_str()) {
            continue;
        }
        let own = rel.split(['/', '.']).next().unwrap();
        let own_rank = rank(own).unwrap_or_else(|| panic!("src/{rel} is in no stage: add it to STAGES"));
        let text = std::fs::read_to_string(path).unwrap();
        for (n, line) in text.lines().enumerate() {
            for part in line.split("crate::").skip(1) {
                let used: String = part.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                let Some(used_rank) = rank(&used) else { continue };
                if used != own && (used_rank > own_rank || (own_rank == 0 && used_rank > 0)) {
                    wrong.push(format!("src/{rel}:{}: {own} imports {used}", n + 1));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "imports from a later stage:\n{}", wrong.join("\n"));
}
