//! The functions of `strings`, `sort`, `slices`, `errors` (beyond `New`)
//! and `log` that minigo runs (rt/pkg.rs), with their signatures; `log`'s
//! flags and prefix are hidden package variables of the program.

use std::rc::Rc;

use super::expr::show;
use super::{err, Checker};
use crate::ast::Expr as AExpr;
use crate::ir::{Args, Builtin, Call, Const, Expr, Lhs, PkgFn, Rhs, Stmt, Var};
use crate::lexer::{PResult, Pos};
use crate::types::Type;

fn sl(t: Type) -> Type {
    Type::Slice(Rc::new(t))
}

/// `(function, parameters, results)` of a function with a fixed signature.
pub(super) fn signature(pkg: &str, name: &str) -> Option<(PkgFn, Vec<Type>, Vec<Type>)> {
    use PkgFn::*;
    use Type::{Bool as B, Int as I, Str as S};
    let (f, p, r) = match (pkg, name) {
        // A use of `x` (the register holding it keeps it reachable
        // until overwritten: at least as long as Go's liveness does).
        ("runtime", "KeepAlive") => (RuntimeNop, vec![Type::Any], vec![]),
        ("runtime", "LockOSThread" | "UnlockOSThread") => (RuntimeNop, vec![], vec![]),
        ("runtime", "Breakpoint") => (RuntimeBreakpoint, vec![], vec![]),
        ("os", "Getenv") => (OsGetenv, vec![S], vec![S]),
        ("os", n) if n.starts_with("zz") => return super::pkg_os::native(n),
        ("os", "Getpid") => return super::pkg_os::native("zzpid"),
        ("strings", "Contains") => (StringsContains, vec![S, S], vec![B]),
        ("strings", "ContainsRune") => (StringsContainsRune, vec![S, I], vec![B]),
        ("strings", "ContainsAny") => (StringsContainsAny, vec![S, S], vec![B]),
        ("strings", "HasPrefix") => (StringsHasPrefix, vec![S, S], vec![B]),
        ("strings", "HasSuffix") => (StringsHasSuffix, vec![S, S], vec![B]),
        ("strings", "Index") => (StringsIndex, vec![S, S], vec![I]),
        ("strings", "IndexByte") => (StringsIndexByte, vec![S, I], vec![I]),
        ("strings", "IndexRune") => (StringsIndexRune, vec![S, I], vec![I]),
        ("strings", "LastIndex") => (StringsLastIndex, vec![S, S], vec![I]),
        ("strings", "Split") => (StringsSplit, vec![S, S], vec![sl(S)]),
        ("strings", "SplitN") => (StringsSplitN, vec![S, S, I], vec![sl(S)]),
        ("strings", "Fields") => (StringsFields, vec![S], vec![sl(S)]),
        ("strings", "Join") => (StringsJoin, vec![sl(S), S], vec![S]),
        ("strings", "Repeat") => (StringsRepeat, vec![S, I], vec![S]),
        ("strings", "Replace") => (StringsReplace, vec![S, S, S, I], vec![S]),
        ("strings", "ReplaceAll") => (StringsReplaceAll, vec![S, S, S], vec![S]),
        ("strings", "ToUpper") => (StringsToUpper, vec![S], vec![S]),
        ("strings", "ToLower") => (StringsToLower, vec![S], vec![S]),
        ("strings", "Title") => (StringsTitle, vec![S], vec![S]),
        ("strings", "TrimSpace") => (StringsTrimSpace, vec![S], vec![S]),
        ("strings", "Trim") => (StringsTrim, vec![S, S], vec![S]),
        ("strings", "TrimLeft") => (StringsTrimLeft, vec![S, S], vec![S]),
        ("strings", "TrimRight") => (StringsTrimRight, vec![S, S], vec![S]),
        ("strings", "TrimPrefix") => (StringsTrimPrefix, vec![S, S], vec![S]),
        ("strings", "TrimSuffix") => (StringsTrimSuffix, vec![S, S], vec![S]),
        ("strings", "Count") => (StringsCount, vec![S, S], vec![I]),
        ("strings", "EqualFold") => (StringsEqualFold, vec![S, S], vec![B]),
        ("strings", "Compare") => (StringsCompare, vec![S, S], vec![I]),
        ("strings", "Cut") => (StringsCut, vec![S, S], vec![S, S, B]),
        ("sort", "Ints") => (SortInts, vec![sl(I)], vec![]),
        ("sort", "Strings") => (SortStrings, vec![sl(S)], vec![]),
        ("sort", "Float64s") => (SortInts, vec![sl(Type::Float(64))], vec![]),
        ("sort", "Float64sAreSorted") => (SortIntsAreSorted, vec![sl(Type::Float(64))], vec![B]),
        ("sort", "IntsAreSorted") => (SortIntsAreSorted, vec![sl(I)], vec![B]),
        ("sort", "StringsAreSorted") => (SortStringsAreSorted, vec![sl(S)], vec![B]),
        ("sort", "SearchInts") => (SortSearchInts, vec![sl(I), I], vec![I]),
        ("sort", "SearchStrings") => (SortSearchStrings, vec![sl(S), S], vec![I]),
        // Not Go's: the built-in step of the errors.Is/As/Unwrap
        // lowerings (checker/errors_as.rs), which call Unwrap/Is methods.
        ("errors", "zzis") => (ErrorsIs, vec![Type::Error, Type::Error], vec![B]),
        ("errors", "zzunwrap") => (ErrorsUnwrap, vec![Type::Error], vec![Type::Error]),
        ("errors", "zzwrapped") => (ErrorsWrapped, vec![Type::Error], vec![sl(Type::Error)]),
        // Not Go's: the walk of the errors.As lowering (checker/errors_as.rs).
        ("errors", "zzchain") => (ErrorsChain, vec![Type::Error], vec![sl(Type::Error)]),
        ("math", m) => return math_signature(m),
        ("rand", m) => return rand_signature(m),
        ("cmplx", m) => return super::expr::complex::cmplx_signature(m),
        ("utf8", n) => return super::pkg_strconv::utf8_signature(n),
        ("strconv", "Itoa") => (StrconvItoa, vec![I], vec![S]),
        ("strconv", "ParseFloat") => (
            StrconvParseFloat,
            vec![S, I],
            vec![Type::Float(64), Type::Error],
        ),
        ("strconv", "Atoi") => (StrconvAtoi, vec![S], vec![I, Type::Error]),
        ("strconv", "Quote") => (StrconvQuote, vec![S], vec![S]),
        ("strconv", "FormatInt") => (
            StrconvFormatInt,
            vec![Type::IntK(crate::types::table::IntKind::I64), I],
            vec![S],
        ),
        ("strconv", "ParseInt") => (
            StrconvParseInt,
            vec![S, I, I],
            vec![Type::IntK(crate::types::table::IntKind::I64), Type::Error],
        ),
        ("strconv", "ParseBool") => (StrconvParseBool, vec![S], vec![B, Type::Error]),
        ("strconv", "FormatBool") => (StrconvFormatBool, vec![B], vec![S]),
        ("unicode", "IsUpper") => (UnicodeIsUpper, vec![rune()], vec![B]),
        ("unicode", "IsLower") => (UnicodeIsLower, vec![rune()], vec![B]),
        ("unicode", "IsDigit") => (UnicodeIsDigit, vec![rune()], vec![B]),
        ("unicode", "IsLetter") => (UnicodeIsLetter, vec![rune()], vec![B]),
        ("unicode", "IsSpace") => (UnicodeIsSpace, vec![rune()], vec![B]),
        ("unicode", "IsPunct") => (UnicodeIsPunct, vec![rune()], vec![B]),
        ("unicode", "ToUpper") => (UnicodeToUpper, vec![rune()], vec![rune()]),
        ("unicode", "ToLower") => (UnicodeToLower, vec![rune()], vec![rune()]),
        _ => return None,
    };
    Some((f, p, r))
}

fn rune() -> Type {
    Type::IntK(crate::types::table::IntKind::I32)
}

/// The signatures of `math/rand`'s top-level functions.
fn rand_signature(m: &str) -> Option<(PkgFn, Vec<Type>, Vec<Type>)> {
    use crate::ir::RandFn::*;
    use crate::types::table::IntKind::{I32, I64, U32, U64};
    let (f, p, r) = match m {
        "Int" => (Int, vec![], Type::Int),
        "Intn" => (Intn, vec![Type::Int], Type::Int),
        "Int31" => (Int31, vec![], Type::IntK(I32)),
        "Int31n" => (Int31n, vec![Type::IntK(I32)], Type::IntK(I32)),
        "Int63" => (Int63, vec![], Type::IntK(I64)),
        "Int63n" => (Int63n, vec![Type::IntK(I64)], Type::IntK(I64)),
        "Uint32" => (Uint32, vec![], Type::IntK(U32)),
        "Uint64" => (Uint64, vec![], Type::IntK(U64)),
        "Float32" => (Float32, vec![], Type::Float(32)),
        "Float64" => (Float64, vec![], Type::Float(64)),
        "Seed" => return Some((PkgFn::Rand(Seed), vec![Type::IntK(I64)], vec![])),
        _ => return None,
    };
    Some((PkgFn::Rand(f), p, vec![r]))
}

/// The signatures of `math`'s functions.
fn math_signature(m: &str) -> Option<(PkgFn, Vec<Type>, Vec<Type>)> {
    use crate::ir::MathFn::*;
    let f64t = Type::Float(64);
    let u32t = Type::IntK(crate::types::table::IntKind::U32);
    let u64t = Type::IntK(crate::types::table::IntKind::U64);
    let one = |f| Some((PkgFn::Math(f), vec![Type::Float(64)], vec![Type::Float(64)]));
    let two = |f| {
        Some((
            PkgFn::Math(f),
            vec![Type::Float(64), Type::Float(64)],
            vec![Type::Float(64)],
        ))
    };
    match m {
        "Sqrt" => one(Sqrt),
        "Abs" => one(Abs),
        "Floor" => one(Floor),
        "Ceil" => one(Ceil),
        "Trunc" => one(Trunc),
        "Round" => one(Round),
        "Log" => one(Log),
        "Log2" => one(Log2),
        "Log10" => one(Log10),
        "Exp" => one(Exp),
        "Pow" => two(Pow),
        "Copysign" => two(Copysign),
        "Max" => two(Max),
        "Min" => two(Min),
        "Mod" => two(Mod),
        "Hypot" => two(Hypot),
        "Inf" => Some((PkgFn::Math(Inf), vec![Type::Int], vec![f64t])),
        "NaN" => Some((PkgFn::Math(NaN), vec![], vec![f64t])),
        "IsNaN" => Some((PkgFn::Math(IsNaN), vec![f64t], vec![Type::Bool])),
        "IsInf" => Some((PkgFn::Math(IsInf), vec![f64t, Type::Int], vec![Type::Bool])),
        "Signbit" => Some((PkgFn::Math(Signbit), vec![f64t], vec![Type::Bool])),
        "Float32bits" => Some((PkgFn::Math(Float32bits), vec![Type::Float(32)], vec![u32t])),
        "Float32frombits" => Some((
            PkgFn::Math(Float32frombits),
            vec![u32t],
            vec![Type::Float(32)],
        )),
        "Float64bits" => Some((PkgFn::Math(Float64bits), vec![f64t], vec![u64t])),
        "Float64frombits" => Some((PkgFn::Math(Float64frombits), vec![u64t], vec![f64t])),
        _ => None,
    }
}

fn call(f: PkgFn, args: Args) -> Expr {
    Expr::Call(Box::new(Call {
        line: 0,
        target: crate::ir::Target::Builtin(Builtin::Pkg(f)),
        args,
    }))
}

fn result(mut r: Vec<Type>) -> Type {
    if r.len() == 1 {
        r.remove(0)
    } else {
        Type::Tuple(Rc::from(r))
    }
}

impl Checker {
    /// A call of a package function of rt/pkg.rs; `None` if there is none
    /// of that name.
    pub(crate) fn pkg_call(
        &mut self,
        pkg: &str,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        if pkg == "strconv" {
            if let Some(r) = self.strconv_parse(name, args, pos) {
                return Some(r);
            }
        }
        if let Some((f, params, results)) = signature(pkg, name) {
            let fname = format!("{pkg}.{name}");
            return Some(
                self.args(&params, args, pos, &fname)
                    .map(|a| (call(f, a), result(results))),
            );
        }
        if let Some(r) = self.reader_buffer_call(pkg, name, args, pos) {
            return Some(r);
        }
        match pkg {
            "cmp" | "maps" | "heap" => self.prelude_generic_call(pkg, name, args, pos),
            "slices" => match self.slices_call(name, args, pos) {
                Some(r) => Some(r),
                None => match self.slices_generic(name, args, pos) {
                    Some(r) => Some(r),
                    None => self.prelude_generic_call(pkg, name, args, pos),
                },
            },
            "log" => self.log_call(name, args, pos),
            "os" => self.os_call(name, args, pos),
            "filepath" => self.filepath_call(name, args, None, pos),
            "io" | "bufio" => self.io_bufio_call(pkg, name, args, pos),
            "flag" => self.flag_call(name, args, pos),
            "ring" if name == "New" => {
                Some(self.template_call(super::prelude_types::RING_NEW, args, pos))
            }
            "bytes" => self.bytes_call(name, args, pos),
            "sort" if name == "IsSorted" => {
                Some(self.template_call(super::prelude_types::IS_SORTED, args, pos))
            }
            "strings" if name == "NewReplacer" => {
                Some(self.template_call(super::prelude_types::NEW_REPLACER, args, pos))
            }
            "strings" | "sort" => self.callback_call(pkg, name, args, pos),
            "errors" if name == "As" => Some(self.errors_as(args, pos)),
            "errors" if name == "Is" || name == "Unwrap" => self.errors_walk(name, args, pos),
            "errors" if name == "Join" => Some((|| {
                let mut vals = Vec::new();
                for (k, a) in args.iter().enumerate() {
                    let v = self.value_as(a, &Type::Error, "argument to errors.Join")?;
                    // Its Error method's text is the joined text's part.
                    let v = Expr::Typed(Box::new(crate::ir::TypedExpr::Show(v)));
                    vals.push((Expr::Const(Const::Int(k as i64)), v));
                }
                let list = Expr::Comp(Box::new(crate::ir::CompExpr::Lit {
                    on: crate::ir::On::Slice,
                    len: vals.len() as u32,
                    zero: Const::Nil,
                    shape: vec![0].into(),
                    elems: vals,
                }));
                Ok((call(PkgFn::ErrorsJoin, Args::List(vec![list])), Type::Error))
            })()),
            _ => None,
        }
    }

    /// The functions of `bytes` that answer a number or a bool (its
    /// slice-returning functions, which share memory with their operands,
    /// are not supported): each `[]byte` operand becomes a string, and the
    /// function is the byte-exact one `strings` shares (rt/bytesearch.rs).
    fn bytes_call(
        &mut self,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        use crate::types::table::IntKind::{I32, U8};
        use PkgFn::*;
        let bs = || sl(Type::IntK(U8));
        let (f, params, result) = match name {
            "Compare" => (BytesCompare, vec![bs(), bs()], Type::Int),
            "Equal" => (BytesEqual, vec![bs(), bs()], Type::Bool),
            "Index" => (BytesIndex, vec![bs(), bs()], Type::Int),
            "IndexByte" => (BytesIndexByte, vec![bs(), Type::IntK(U8)], Type::Int),
            "IndexRune" => (StringsIndexRune, vec![bs(), Type::IntK(I32)], Type::Int),
            "LastIndex" => (BytesLastIndex, vec![bs(), bs()], Type::Int),
            "Contains" => (BytesContains, vec![bs(), bs()], Type::Bool),
            "ContainsAny" => (StringsContainsAny, vec![bs(), Type::Str], Type::Bool),
            "ContainsRune" => (StringsContainsRune, vec![bs(), Type::IntK(I32)], Type::Bool),
            "HasPrefix" => (BytesHasPrefix, vec![bs(), bs()], Type::Bool),
            "HasSuffix" => (BytesHasSuffix, vec![bs(), bs()], Type::Bool),
            "Count" => (BytesCount, vec![bs(), bs()], Type::Int),
            "EqualFold" => (StringsEqualFold, vec![bs(), bs()], Type::Bool),
            _ => return None,
        };
        Some((|| {
            let Args::List(list) = self.args(&params, args, pos, &format!("bytes.{name}"))? else {
                return Err(crate::lexer::SyntaxError::unsupported(
                    pos,
                    "multi-valued arguments to `bytes` functions",
                ));
            };
            let list = list
                .into_iter()
                .zip(&params)
                .map(|(e, t)| match t {
                    Type::Slice(_) => Expr::Comp(Box::new(crate::ir::CompExpr::Convert {
                        x: e,
                        how: crate::ir::Conv::BytesToStr,
                    })),
                    _ => e,
                })
                .collect();
            Ok((call(f, Args::List(list)), result))
        })())
    }

    /// The generic functions of `slices` on a slice of a basic type.
    fn slices_call(
        &mut self,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        use PkgFn::*;
        if let Some(r) = self.slices_template(name, args, pos) {
            return Some(r);
        }
        let (f, nargs) = match name {
            "Sort" => (SlicesSort, 1),
            "Reverse" => (SlicesReverse, 1),
            "Contains" => (SlicesContains, 2),
            "Index" => (SlicesIndex, 2),
            "Max" => (SlicesMax, 1),
            "Min" => (SlicesMin, 1),
            "Equal" => (SlicesEqual, 2),
            "Clone" => (SlicesClone, 1),
            _ => return None,
        };
        Some((|| {
            if args.len() != nargs {
                return err(
                    pos,
                    format!("wrong number of arguments in call to slices.{name}"),
                );
            }
            let (s, st) = self.value(&args[0])?;
            let su = st.underlying();
            let Type::Slice(e) = &su else {
                return err(args[0].pos, format!("cannot use {} (value of type {}) as slice value in argument to slices.{name}", show(&args[0]), st.describe()));
            };
            let mut out = vec![s];
            if nargs == 2 {
                let want = if f == SlicesEqual {
                    st.clone()
                } else {
                    e.scalar()
                };
                out.push(self.value_as(&args[1], &want, &format!("argument to slices.{name}"))?);
            }
            let t = match f {
                SlicesSort | SlicesReverse => Type::Tuple(Rc::from(Vec::new())),
                SlicesContains | SlicesEqual => Type::Bool,
                SlicesIndex => Type::Int,
                SlicesMax | SlicesMin => e.scalar(),
                _ => st.clone(),
            };
            Ok((call(f, Args::List(out)), t))
        })())
    }

    /// `log.Print*`, `Fatal*`, `Panic*` (with the hidden flags and prefix
    /// first), `SetFlags`, `SetPrefix`, `Flags`, `Prefix`.
    fn log_call(&mut self, name: &str, args: &[AExpr], pos: Pos) -> Option<PResult<(Expr, Type)>> {
        use PkgFn::*;
        let (flags, prefix) = self.log_vars?;
        let none = Type::Tuple(Rc::from(Vec::new()));
        let f = match name {
            "Print" => LogPrint,
            "Println" => LogPrintln,
            "Printf" => LogPrintf,
            "Fatal" => LogFatal,
            "Fatalln" => LogFatalln,
            "Fatalf" => LogFatalf,
            "Panic" => LogPanic,
            "Panicln" => LogPanicln,
            "Panicf" => LogPanicf,
            "SetFlags" | "SetPrefix" => {
                let (var, t) = if name == "SetFlags" {
                    (flags, Type::Int)
                } else {
                    (prefix, Type::Str)
                };
                return Some((|| {
                    let [a] = args else {
                        return err(
                            pos,
                            format!("wrong number of arguments in call to log.{name}"),
                        );
                    };
                    let v = self.value_as(a, &t, &format!("argument to log.{name}"))?;
                    Ok((
                        Expr::Comp(Box::new(crate::ir::CompExpr::SetGlobal {
                            global: var,
                            value: v,
                        })),
                        none,
                    ))
                })());
            }
            "Flags" => return Some(Ok((Expr::Load(Var::Global(flags)), Type::Int))),
            "Prefix" => return Some(Ok((Expr::Load(Var::Global(prefix)), Type::Str))),
            _ => return None,
        };
        Some((|| {
            let mut out = vec![
                Expr::Load(Var::Global(flags)),
                Expr::Load(Var::Global(prefix)),
            ];
            for a in args {
                let v = self.value_as(a, &Type::Any, &format!("argument to log.{name}"))?;
                out.push(match v {
                    v @ Expr::Const(_) => v,
                    v => Expr::Typed(Box::new(crate::ir::TypedExpr::Show(v))),
                });
            }
            Ok((call(f, Args::List(out)), none))
        })())
    }

    /// `fmt.Println(xs...)` and the like: a `...any` native called with a
    /// slice, unpacked at run time.
    pub(crate) fn pkg_spread_call(
        &mut self,
        pkg: &str,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        if pkg == "filepath" {
            return self.filepath_call(name, args, Some(pos), pos);
        }
        let printed = || Type::Tuple(Rc::from(vec![Type::Int, Type::Error]));
        let (b, nfixed, t) = match (pkg, name) {
            ("fmt", "Print") => (Builtin::FmtPrint, 0, printed()),
            ("fmt", "Println") => (Builtin::FmtPrintln, 0, printed()),
            ("fmt", "Sprint") => (Builtin::FmtSprint, 0, Type::Str),
            ("fmt", "Sprintln") => (Builtin::FmtSprintln, 0, Type::Str),
            ("fmt", "Printf") => (Builtin::FmtPrintf, 1, printed()),
            ("fmt", "Sprintf") => (Builtin::FmtSprintf, 1, Type::Str),
            ("fmt", "Errorf") => (Builtin::FmtErrorf, 1, Type::Error),
            ("errors", "Join") => {
                return Some((|| {
                    let [x] = args else {
                        return err(pos, "have (...) arguments: wrong number of arguments in call to errors.Join");
                    };
                    let t = Type::Slice(Rc::new(Type::Error));
                    let v = self.value_as(x, &t, "argument to errors.Join")?;
                    Ok((call(PkgFn::ErrorsJoin, Args::List(vec![v])), Type::Error))
                })())
            }
            ("fmt", "Fprint" | "Fprintln" | "Fprintf") => {
                return self.fprint(name, args, Some(pos), pos)
            }
            _ => return None,
        };
        Some((|| {
            if args.len() != nfixed + 1 {
                return err(
                    pos,
                    format!(
                        "have (...) arguments: wrong number of arguments in call to {pkg}.{name}"
                    ),
                );
            }
            let mut fixed = Vec::new();
            for a in &args[..nfixed] {
                fixed.push(self.value_as(a, &Type::Str, &format!("argument to {pkg}.{name}"))?);
            }
            let any = Type::Slice(Rc::new(Type::Any));
            let rest = self.value_as(&args[nfixed], &any, &format!("argument to {pkg}.{name}"))?;
            let c = Call {
                line: 0,
                target: crate::ir::Target::Builtin(b),
                args: Args::Unpack(fixed, rest),
            };
            Ok((Expr::Call(Box::new(c)), t))
        })())
    }

    /// Allocates `log`'s hidden variables when the program imports it;
    /// their initialisation (`LstdFlags`, no prefix).
    pub(crate) fn log_globals(&mut self, nglobals: &mut usize) -> Vec<Stmt> {
        let mut out = self.io_globals(nglobals);
        out.extend(self.strconv_globals(nglobals));
        out.extend(self.context_globals(nglobals));
        if !self.imports.contains_key("log") {
            return out;
        }
        let (f, p) = (*nglobals as u32, *nglobals as u32 + 1);
        *nglobals += 2;
        self.log_vars = Some((f, p));
        out.push(Stmt::Assign {
            lhs: vec![Lhs::Set(Var::Global(f)), Lhs::Set(Var::Global(p))],
            rhs: Rhs::List(vec![
                Expr::Const(Const::Int(3)),
                Expr::Const(Const::str("")),
            ]),
        });
        out
    }

    /// `io.EOF` and `io.ErrUnexpectedEOF` when the program imports `io`.
    fn io_globals(&mut self, nglobals: &mut usize) -> Vec<Stmt> {
        let mut out = Vec::new();
        if self.imports.contains_key("os") {
            let g = *nglobals as u32;
            *nglobals += 1;
            self.os_args = Some(g);
            // The program's name: Go's is its executable's path.
            let args = Expr::Comp(Box::new(crate::ir::CompExpr::Lit {
                on: crate::ir::On::Slice,
                len: 1,
                zero: Const::str(""),
                shape: vec![0].into(),
                elems: vec![(
                    Expr::Const(Const::Int(0)),
                    Expr::Const(Const::str("minigo")),
                )],
            }));
            out.push(Stmt::Assign {
                lhs: vec![Lhs::Set(Var::Global(g))],
                rhs: Rhs::List(vec![args]),
            });
        }
        out.extend(self.os_globals(nglobals));
        out
    }

    /// `os.Args`, `os.ErrNotExist` and the other error variables.
    pub(crate) fn os_var(&mut self, name: &str) -> Option<(Expr, Type)> {
        if let Some(r) = self
            .os_error_var(name)
            .filter(|_| name.starts_with("Err") && !name.contains("EOF") && name != "ErrShortWrite")
        {
            self.mark_import("os");
            return Some(r);
        }
        let mode = match name {
            "ModePerm" => Some(0o777),
            "ModeDir" => Some(1 << 31),
            _ => None,
        };
        if let Some(m) = mode {
            let t = self.prelude_type("os", "FileMode", super::prelude::PRELUDE_POS)?;
            self.mark_import("os");
            return Some((Expr::Const(crate::value::Value::Int(m)), t));
        }
        let g = self.os_args.filter(|_| name == "Args")?;
        if let Some(i) = self.imports.get_mut("os") {
            i.used = true;
        }
        Some((Expr::Load(Var::Global(g)), Type::Slice(Rc::new(Type::Str))))
    }

    /// A package variable of `io`.
    pub(crate) fn io_var(&mut self, name: &str) -> Option<(Expr, Type)> {
        let r = self
            .os_error_var(name)
            .filter(|_| name.contains("EOF") || name == "ErrShortWrite")?;
        if let Some(i) = self.imports.get_mut("io") {
            i.used = true;
        }
        Some(r)
    }
}
