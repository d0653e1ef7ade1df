//! `minigo run [--no-open-coded] [--stats] [--procs N] [--seed N] FILE.go`:
//! runs a Go-subset program as Go would, with Go's output and exit status,
//! on the register machine (ARCHITECTURE.md), its goroutines on `N` worker
//! threads (default: `GOMAXPROCS`, else the machine's cores; `--seed` fixes
//! `select`'s random choices). `--engine=vm` is accepted and does nothing
//! (there is one engine); `--engine=tree` is refused (the tree walker is
//! gone).
//!
//! `minigo tiers [--no-open-coded] FILE.go`: prints, for every defer
//! statement, whether its calls are open-coded (and in which slot) or go on
//! the core's chain, and why.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

const USAGE: &str =
    "usage: minigo run|tiers [--no-open-coded] [--stats] [--procs N] [--seed N] FILE.go";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut opts = minigo::Options {
        exit_process: true,
        leak_program: true,
        files: true,
        ..minigo::Options::default()
    };
    let mut file = None;
    let tiers = match args.first().map(String::as_str) {
        Some("run") => false,
        Some("tiers") => true,
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut rest = args[1..].iter();
    while let Some(a) = rest.next() {
        match a.as_str() {
            "--procs" | "--seed" => {
                let n = rest.next().and_then(|v| v.parse::<u64>().ok());
                match (a.as_str(), n) {
                    ("--procs", Some(n)) if n > 0 => opts.procs = Some(n as usize),
                    ("--seed", Some(n)) => opts.seed = n,
                    _ => {
                        eprintln!("minigo: {a} needs a number (--procs: at least 1)\n{USAGE}");
                        return ExitCode::from(2);
                    }
                }
            }
            "--no-open-coded" => opts.open_coded = false,
            "--engine=vm" => {}
            "--engine=tree" => {
                eprintln!("minigo: --engine=tree: the tree walker is gone; the register machine is the only engine");
                return ExitCode::from(2);
            }
            "--stats" => opts.stats = true,
            s if s.starts_with('-') => {
                eprintln!("minigo: unknown flag {s}\n{USAGE}");
                return ExitCode::from(2);
            }
            s if file.is_none() => file = Some(s.to_string()),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(path) = file else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let src = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("minigo: {path}: {e}");
            return ExitCode::from(1);
        }
    };
    if tiers {
        return match minigo::tiers(&path, &src, opts.open_coded) {
            Ok(t) => {
                print!("{t}");
                ExitCode::SUCCESS
            }
            Err(msg) => {
                eprintln!("{msg}");
                ExitCode::from(1)
            }
        };
    }
    let out = BufWriter::new(std::io::stdout());
    let status = minigo::run(
        &path,
        &src,
        &opts,
        Box::new(out),
        Box::new(std::io::stderr()),
    );
    let _ = std::io::stdout().flush();
    ExitCode::from((status.code() & 0xff) as u8)
}
