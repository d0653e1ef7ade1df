//! `runtime.Caller(skip)`: the goroutine's activations read as Go's call
//! stack. Each activation's function is its proto's Go name (`main.f`,
//! `main.(*T).M`, `main.main.func1`), its line the line of the call it is
//! in (`Proto::line_at`, a table read only here: the dispatch loop pays
//! nothing). Below `main.main` come gc's `runtime.main` and
//! `runtime.goexit` frames (Go 1.27.3, amd64); past them `ok` is false.
//! A walk that would have to name a frame minigo cannot name exactly — the
//! exit of a function running a deferred call (gc shows the exit's line,
//! or `runtime.gopanic` and the panic's own runtime frames), another
//! goroutine, a generic or package function — is refused at run time with
//! a positioned `not supported by minigo` line and exit status 1.

use super::*;

/// gc's frames below `main.main`: function, file, line.
const BELOW_MAIN: [(&str, &str, u32); 2] = [
    ("runtime.main", "/usr/local/go/src/runtime/proc.go", 302),
    (
        "runtime.goexit",
        "/usr/local/go/src/runtime/asm_amd64.s",
        1264,
    ),
];

/// A frame minigo reports: function, whether it is the program's, line.
type Found = (Arc<str>, bool, u32);

impl Machine {
    /// `runtime.Caller(skip)` called at `pc` (the op after the call) of
    /// the top activation, whose call sits at `at` (line, column): its four
    /// results, or the refusal.
    pub(in crate::vm) fn caller(
        &self,
        cx: &mut Cx<'_>,
        skip: i64,
        at: (i64, i64),
    ) -> Result<Vec<Value>, Unwind> {
        let gid = cx.env().go.as_ref().map_or(1, |g| g.gid);
        match self.frame_at(skip, gid) {
            Ok(Some((name, own, line))) => {
                let pc = self.pc_of(&name);
                let file = match (own, BELOW_MAIN.iter().find(|b| *b.0 == *name)) {
                    (false, Some(b)) => Value::str(b.1),
                    _ => Value::Str(self.image.file.clone()),
                };
                Ok(vec![
                    Value::Int(pc),
                    file,
                    Value::Int(line as i64),
                    Value::Bool(true),
                ])
            }
            Ok(None) => Ok(vec![
                Value::Int(0),
                Value::str(""),
                Value::Int(0),
                Value::Bool(false),
            ]),
            Err(why) => {
                let file = String::from_utf8_lossy(&self.image.file.0).into_owned();
                let text = format!(
                    "{file}:{}:{}: runtime.Caller {why} is not supported by minigo\n",
                    at.0, at.1
                );
                cx.env().err(text.as_bytes());
                Err(halt(cx, Halt::Exit(1)))
            }
        }
    }

    /// A made-up program counter: the function's index + 1, shifted (no
    /// program can rely on gc's addresses).
    fn pc_of(&self, name: &str) -> i64 {
        let i = self.image.protos.iter().position(|p| &*p.name == name);
        let i = i.map_or(self.image.protos.len() + 1, |i| i + 1);
        (i as i64) << 12
    }

    /// The `skip`th frame from the top activation.
    fn frame_at(&self, skip: i64, gid: u64) -> Result<Option<Found>, &'static str> {
        if skip < 0 {
            return Ok(None);
        }
        let skip = skip as usize;
        let n = self.acts.len();
        if gid != 1 {
            return Err("in a goroutine other than main");
        }
        for (k, i) in (0..n).rev().enumerate() {
            let act = &self.acts[i];
            let proto = &act.clo.proto;
            let name = &proto.name;
            if !name.starts_with("main.") || name.contains('[') {
                return Err("through a generic function or a package's function");
            }
            let line = proto.line_at(act.pc.saturating_sub(1));
            if line == 0 {
                return Err("through a call minigo made up");
            }
            if k == skip {
                return Ok(Some((name.clone(), true, line)));
            }
            if act.frame.is_deferred_call() {
                return Err("through the exit that runs a deferred call");
            }
            if i == 0 && &**name != "main.main" {
                return Err("below a function other than main.main");
            }
        }
        let below = skip.checked_sub(n);
        Ok(below
            .and_then(|b| BELOW_MAIN.get(b))
            .map(|b| (Arc::from(b.0), false, b.2)))
    }
}
