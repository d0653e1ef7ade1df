//! Divergences between the engine and Go found by the model-based test
//! (`model.rs`), each as the shrunk program that showed it, with the text
//! Go 1.27.3 printed for it.

mod gomodel;

use gomodel::{normalize, End, Func, Kind, Stmt, Val};

fn func(kind: Kind, body: Vec<Stmt>) -> Func {
    Func {
        kind,
        chain: false,
        id: 0,
        body,
    }
}

fn program(kind: Kind, body: Vec<Stmt>) -> Func {
    let mut main = func(kind, body);
    normalize(&mut main);
    main
}

/// Found by `engine_matches_go_model` (about once in 10,000 cases):
///
/// ```go
/// func main() {
///     defer func() {
///         defer func() { r := recover(); fmt.Println("r", 3, r) }()
///         var nf func()
///         nf() // a fault while panic(1) runs this deferred call
///     }()
///     panic(1)
/// }
/// ```
///
/// Go 1.27.3 prints `[signal SIGSEGV ...]` after `panic: 1`: the fault set
/// `gp.sig`, and `recovery` clears it only when no panic is left on the
/// goroutine (`runtime/panic.go`: `if p == nil { gp.sig = 0 }`), while
/// panic(1) is still there. The engine used to print the line only when a
/// panic still on the stack carried a signal, so it left it out; the task
/// now keeps its fault (`Cx::fault`) the way Go keeps `gp.sig`.
#[test]
fn fault_recovered_under_an_older_panic_keeps_the_signal_line() {
    let go_stderr = "panic: 1\n\
                     [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n\
                     \n\
                     goroutine 1 [running]:\n";
    for kind in [Kind::Chain, Kind::Open] {
        let main = program(
            kind,
            vec![
                Stmt::Defer(func(
                    kind,
                    vec![
                        Stmt::Defer(func(Kind::Chain, vec![Stmt::Recover(0)])),
                        Stmt::NilCall,
                    ],
                )),
                Stmt::Panic(Val::Int(1)),
            ],
        );
        let model = gomodel::reference::run(&main);
        assert_eq!(model.stderr(), go_stderr, "the model keeps Go's rule");
        let engine = gomodel::engine::run(&main).unwrap();
        assert_eq!(engine.out, model.out);
        assert_eq!(engine.end, End::Crash(go_stderr.into()), "{kind:?}");
    }
}

/// The same rule's other half, which the engine keeps: a recovery that
/// leaves no panic clears the fault, so a later non-fault panic prints no
/// signal line (Go 1.27.3 output below).
///
/// ```go
/// func main() {
///     defer func() { panic(2) }()
///     defer func() { r := recover(); fmt.Println("r", 2, r) }()
///     var nf func()
///     nf()
/// }
/// ```
#[test]
fn fault_recovered_with_no_panic_left_clears_the_signal_line() {
    let main = program(
        Kind::Chain,
        vec![
            Stmt::Defer(func(Kind::Chain, vec![Stmt::Panic(Val::Int(2))])),
            Stmt::Defer(func(Kind::Chain, vec![Stmt::Recover(0)])),
            Stmt::NilCall,
        ],
    );
    let o = gomodel::check(&main).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        o.out,
        ["r 3 runtime error: invalid memory address or nil pointer dereference"]
    );
    assert_eq!(
        o.end,
        End::Crash("panic: 2\n\ngoroutine 1 [running]:\n".into())
    );
}
