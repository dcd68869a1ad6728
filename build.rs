//! Links `sito` as a position-dependent executable on Linux with glibc. A
//! position-independent one is relocated by the loader at every start: 73,000 pointers
//! spread over 10 MB of the crates' tables, three thousand page faults, about 7 ms — a fifth
//! of a rebuild with nothing changed (issue 17). The code itself stays position-independent;
//! only the final link is fixed at an address (Go's and Hugo's default on Linux too).
//!
//! Not for a static build (`crt-static`, and musl's default): the linker takes the last of
//! `-static-pie` and `-no-pie`, and a static binary linked `-no-pie` crashes at start.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let static_build = var("CARGO_CFG_TARGET_FEATURE").split(',').any(|f| f == "crt-static");
    if var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu" && !static_build {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
