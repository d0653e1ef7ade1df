//! The step budget (`Options::step_budget`): a step is a call or a backward
//! jump (a loop's next iteration, a `goto` back), so every program that runs without
//! end — a `for` loop, a backward `goto`, however little each iteration
//! does — spends it and stops, and a bounded program spends about one step
//! per iteration and call (not one per statement).

use minigo::{run_captured, Options, RunStatus};

fn run(src: &'static str, budget: u64) -> RunStatus {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let opts = Options {
            step_budget: Some(budget),
            ..Options::default()
        };
        let _ = tx.send(run_captured("budget.go", src, &opts).status);
    });
    // A hang guard, not a speed check: without a step on the loop's path
    // the run would never end.
    rx.recv_timeout(std::time::Duration::from_secs(120))
        .expect("the program still runs after 120 s: a loop without a step")
}

#[test]
fn unbounded_loops_exhaust_the_budget() {
    let empty_for = "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n";
    let goto_self = "package main\n\nfunc main() {\nL:\n\tgoto L\n}\n";
    let goto_back =
        "package main\n\nfunc main() {\n\tn := 0\nL:\n\tn++\n\tif n > 0 {\n\t\tgoto L\n\t}\n}\n";
    let range_int = "package main\n\nfunc main() {\n\tfor {\n\t\tfor range 3 {\n\t\t}\n\t}\n}\n";
    for src in [empty_for, goto_self, goto_back, range_int] {
        assert_eq!(run(src, 10_000), RunStatus::BudgetExhausted, "{src}");
    }
}

#[test]
fn a_step_per_iteration_and_call() {
    // 100 iterations of a five-statement body, each with a call: about
    // 200 steps, where a step per statement would take over 600.
    let src = "package main\n\nfunc f(x int) int { return x + 1 }\n\nfunc main() {\n\ts := 0\n\tfor i := 0; i < 100; i++ {\n\t\ta := i * 2\n\t\tb := a + 1\n\t\tc := f(b)\n\t\ts += c\n\t\ts -= a\n\t}\n\tprintln(s)\n}\n";
    assert_eq!(run(src, 400), RunStatus::Exit(0));
    assert_eq!(run(src, 150), RunStatus::BudgetExhausted);
}
