//! Link flags for the `minigo` binary only (the library, its tests and the
//! crates that use it link as cargo's defaults make them).
//!
//! A `minigo run` of a corpus program is mostly process start-up, and the
//! dynamic loader's share of it is relocating the binary and looking up
//! symbols in each shared library it needs (ARCHITECTURE.md, "Performance",
//! start-up pass). On Linux with glibc and gcc's runtime this links:
//!
//! * `libgcc_eh.a` (gcc's unwinder) into the binary, as `gcc -static-libgcc`
//!   does, instead of needing `libgcc_s.so.1`: one shared library fewer to
//!   map, relocate and search (a whole archive placed after the default
//!   libraries, so that its definitions win over the shared ones and
//!   `--as-needed` drops `libgcc_s`);
//! * `-no-pie`: a position-dependent executable has no relative relocations
//!   for the loader to apply (about 2000 here).
//!
//! Together about 65 k instructions fewer per run. Anything else (another
//! target, a C compiler without `libgcc_eh.a`) keeps the defaults
//! (without `libgcc_eh.a`: only `-no-pie`).

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") != "linux"
        || var("CARGO_CFG_TARGET_ENV") != "gnu"
        || var("TARGET") != var("HOST")
    {
        return;
    }
    // `cc -print-file-name=F` prints F's full path when the compiler's
    // libraries have it, else F alone.
    let eh = Command::new("cc")
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|p| p.starts_with('/'));
    if eh.is_some() {
        println!(
            "cargo:rustc-link-arg-bin=minigo=-Wl,--whole-archive,-l:libgcc_eh.a,--no-whole-archive"
        );
    }
    println!("cargo:rustc-link-arg-bin=minigo=-no-pie");
}
