//! Goroutines under load (issue 10): thousands of interpreted goroutines
//! that defer in loops, panic and recover, call `runtime.Goexit`, send over
//! channels and take a lock, on 1, 2 and 4 worker threads. The results are
//! exact (Go 1.27.3 prints the same line), nothing deadlocks, goroutines
//! migrate between workers, and the record pool's accounting is exact at
//! the end: every record carved is in the central pool or a worker's cache,
//! and no deferred call was dropped.
//!
//! `stress_small_for_miri` is the same program with 24 goroutines on 2
//! workers, small enough for Miri:
//! `MIRIFLAGS=-Zmiri-strict-provenance CARGO_TARGET_DIR=target/miri cargo +nightly-2026-05-20 miri test -p minigo --test goroutines stress_small_for_miri`

use minigo::{run_captured, Options, RunStatus};

/// The stress program for `n` goroutines. Each one defers a locked
/// increment; some call `runtime.Goexit` (their deferred send still runs),
/// some yield; the others send the result of `work`, whose loop defers and
/// (for some ids) panic, recovered by its first deferred call. A last
/// goroutine closes the channel once the WaitGroup is done; main ranges
/// over it.
fn program(n: usize) -> String {
    format!(
        r#"package main

import (
	"fmt"
	"runtime"
	"sync"
)

var mu sync.Mutex
var locked int

func work(id int) (sum int) {{
	defer func() {{
		if r := recover(); r != nil {{
			sum = -sum - r.(int)
		}}
	}}()
	for i := 0; i < id%5; i++ {{
		defer func() {{ sum += i }}()
	}}
	if id%7 == 3 {{
		panic(id)
	}}
	return id
}}

func main() {{
	const n = {n}
	results := make(chan int, 16)
	var wg sync.WaitGroup
	for id := 0; id < n; id++ {{
		wg.Add(1)
		go func() {{
			defer wg.Done()
			defer func() {{
				mu.Lock()
				defer mu.Unlock()
				locked++
			}}()
			if id%11 == 5 {{
				defer func() {{ results <- 1000000 }}()
				runtime.Goexit()
			}}
			if id%13 == 0 {{
				runtime.Gosched()
			}}
			results <- work(id)
		}}()
	}}
	go func() {{
		wg.Wait()
		close(results)
	}}()
	sum, count := 0, 0
	for r := range results {{
		sum += r
		count++
	}}
	fmt.Println(count, sum, locked)
}}
"#
    )
}

/// The number after `key ` in the `--stats` line.
fn stat(stderr: &str, key: &str) -> u64 {
    let line = stderr
        .lines()
        .find(|l| l.starts_with("minigo: stats:"))
        .unwrap_or_else(|| panic!("no stats line in {stderr:?}"));
    let at = line
        .find(&format!("{key} "))
        .unwrap_or_else(|| panic!("no {key} in {line:?}"));
    line[at + key.len() + 1..]
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no number after {key} in {line:?}"))
}

/// Runs the program for `n` goroutines on `procs` workers; checks the
/// output against `want` and the accounting; returns the migrations.
fn run(n: usize, procs: usize, open_coded: bool, want: &str) -> u64 {
    let opts = Options {
        open_coded,
        procs: Some(procs),
        stats: true,
        ..Options::default()
    };
    let r = run_captured("stress.go", &program(n), &opts);
    let err = String::from_utf8_lossy(&r.stderr);
    let what = format!("{n} goroutines, {procs} workers, open-coded {open_coded}");
    assert_eq!(String::from_utf8_lossy(&r.stdout), want, "{what}: {err}");
    assert_eq!(r.status, RunStatus::Exit(0), "{what}: {err}");
    assert_eq!(stat(&err, "goroutines"), n as u64 + 2, "{what}: {err}");
    assert_eq!(stat(&err, "workers"), procs as u64, "{what}: {err}");
    let carved = stat(&err, "carved");
    assert!(
        carved > 0,
        "{what}: the loop defers use chain records: {err}"
    );
    assert_eq!(
        carved,
        stat(&err, "pool") + stat(&err, "caches"),
        "{what}: records lost: {err}"
    );
    assert_eq!(stat(&err, "calls"), 0, "{what}: calls discarded: {err}");
    let migrations = stat(&err, "migrations");
    if procs == 1 {
        assert_eq!(migrations, 0, "{what}: one worker cannot migrate: {err}");
    }
    migrations
}

/// 2000 goroutines, both defer tiers, on 1, 2 and 4 workers. The line is
/// Go 1.27.3's for the same program.
#[test]
fn stress_thousands_of_goroutines_on_1_2_4_workers() {
    for procs in [1, 2, 4] {
        let mut migrations = 0;
        for open_coded in [true, false] {
            migrations += run(2000, procs, open_coded, "2000 183299249 2000\n");
        }
        // Migration is up to the OS's scheduling of the workers (on a loaded
        // machine one of them can run everything): a few more runs before
        // calling it a scheduler that never migrates.
        let mut rounds = 1;
        while procs > 1 && migrations == 0 && rounds < 6 {
            migrations += run(2000, procs, true, "2000 183299249 2000\n");
            rounds += 1;
        }
        if procs > 1 {
            assert!(
                migrations > 0,
                "{procs} workers: no goroutine migrated in {rounds} rounds"
            );
        }
    }
}

/// The same program with 24 goroutines on 2 workers (the Miri run of
/// `.ci/run`). The line is Go 1.27.3's.
#[test]
fn stress_small_for_miri() {
    run(24, 2, true, "24 2000231 24\n");
}

/// A program that cannot start a goroutine (no `go`, no `time.After`)
/// runs on one worker thread whatever `--procs` says, and
/// `runtime.GOMAXPROCS` still answers the setting; one with a `go`
/// statement (or a timer) gets every worker asked for.
#[test]
fn one_worker_unless_the_program_can_start_goroutines() {
    let stats = |src: &str, procs: usize| {
        let opts = Options {
            procs: Some(procs),
            stats: true,
            ..Options::default()
        };
        let r = run_captured("w.go", src, &opts);
        let err = String::from_utf8_lossy(&r.stderr).into_owned();
        assert_eq!(r.status, RunStatus::Exit(0), "{err}");
        (
            String::from_utf8_lossy(&r.stdout).into_owned(),
            stat(&err, "workers"),
        )
    };
    let plain = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc main() {\n\tfmt.Println(runtime.GOMAXPROCS(0), runtime.GOMAXPROCS(5), runtime.GOMAXPROCS(0))\n}\n";
    assert_eq!(stats(plain, 3), ("3 3 5\n".to_string(), 1));
    let with_go = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tc := make(chan int)\n\tgo func() { c <- 1 }()\n\tfmt.Println(<-c)\n}\n";
    assert_eq!(stats(with_go, 3), ("1\n".to_string(), 3));
    let with_timer = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\t<-time.After(1)\n\tfmt.Println(\"tick\")\n}\n";
    assert_eq!(stats(with_timer, 2), ("tick\n".to_string(), 2));
    let with_new_timer = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tt := time.NewTimer(1)\n\t<-t.C\n\tfmt.Println(\"fired\")\n}\n";
    assert_eq!(stats(with_new_timer, 2), ("fired\n".to_string(), 2));
}

/// A program that waits forever in a loop (the mutation test drew
/// `for range time.Tick(d) { n++ }` from case 615 by deleting its `break`)
/// spends few statements per wait; each wait counts toward the step budget
/// (`WAIT_STEPS` in `vm/go/run.rs`), so it stops like a spinning program.
/// Here one wait is over the budget: the run ends at the first tick's wait,
/// where without the rule it would wait an hour per tick (the guard below
/// fails the test then; a hang guard, not a speed check).
#[test]
fn waiting_forever_in_a_loop_exhausts_the_step_budget() {
    let src = "package main\n\nimport \"time\"\n\nfunc main() {\n\tn := 0\n\tfor range time.Tick(time.Hour) {\n\t\tn++\n\t}\n}\n";
    for procs in [1, 4] {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let r = run_captured(
                "tick.go",
                src,
                &Options {
                    step_budget: Some(500),
                    procs: Some(procs),
                    ..Options::default()
                },
            );
            let _ = tx.send(r);
        });
        let r = rx
            .recv_timeout(std::time::Duration::from_secs(120))
            .unwrap_or_else(|_| {
                panic!("{procs} worker(s): still waiting on the ticker after 120 s")
            });
        assert_eq!(r.status, RunStatus::BudgetExhausted, "{procs} worker(s)");
        assert!(
            String::from_utf8_lossy(&r.stderr).contains("step budget exhausted"),
            "{}",
            String::from_utf8_lossy(&r.stderr)
        );
    }
}
