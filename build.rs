//! Links `sito` as a position-dependent executable on Linux. A position-independent one is
//! relocated by the loader at every start: 73,000 pointers spread over 10 MB of tables of
//! the crates it uses, three thousand page faults, about 7 ms — a fifth of a rebuild with
//! nothing changed (issue 17). The code itself stays position-independent; only the final
//! link is fixed at an address (Go's and Hugo's default on Linux too).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
