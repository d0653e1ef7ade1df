//! The syntax tree the parser produces: Go's syntax, with positions. It
//! holds every construct of issues 9 and 10; what the checker does not
//! support yet it refuses (`checker::unsupported`), by the node's position.

use std::rc::Rc;

use crate::lexer::Pos;

/// A name and where it is written.
pub type Name = (Rc<str>, Pos);

/// A source file.
#[derive(Debug, Clone)]
pub struct File {
    /// The import specs, in order.
    pub imports: Vec<ImportSpec>,
    /// Top-level declarations in source order.
    pub decls: Vec<Decl>,
}

/// `import name "path"`.
#[derive(Debug, Clone)]
pub struct ImportSpec {
    /// The local name (`f`, `_`, `.`), if written.
    pub name: Option<Name>,
    /// The import path.
    pub path: Rc<str>,
    /// Where the spec starts (its name, else its path).
    pub pos: Pos,
    /// Where the path is.
    pub path_pos: Pos,
}

/// A top-level declaration.
#[derive(Debug, Clone)]
pub enum Decl {
    /// `func name(...) ... { ... }` or a method.
    Func(FuncDecl),
    /// One spec of `var ...`.
    Var(VarSpec),
    /// One spec of `const ...`.
    Const(ConstSpec),
    /// One spec of `type ...`.
    Type(TypeSpec),
}

/// A top-level function or method.
#[derive(Debug, Clone)]
pub struct FuncDecl {
    /// The receiver of a method.
    pub recv: Option<Param>,
    /// Its name.
    pub name: Rc<str>,
    /// Its type parameters (`[T any, K comparable]`; empty if not generic).
    pub tparams: Vec<TypeParam>,
    /// Where the name is.
    pub pos: Pos,
    /// Where `func` is.
    pub func_pos: Pos,
    /// Parameters and results.
    pub sig: Signature,
    /// The body (`None`: declared without one, as for assembly functions).
    pub body: Option<Block>,
    /// The names its body mentions.
    pub refs: Rc<[Ref]>,
}

/// One type parameter of a generic function or type.
#[derive(Debug, Clone)]
pub struct TypeParam {
    /// Its name.
    pub name: Name,
    /// Its constraint (a union such as `~int | ~float64` is written as
    /// `interface{ ~int | ~float64 }`).
    pub constraint: TypeExpr,
}

/// One term of a union in an interface (`~int`, `string`).
#[derive(Debug, Clone)]
pub struct Term {
    /// `~T`: every type whose underlying type is `T`.
    pub tilde: bool,
    /// The type.
    pub ty: TypeExpr,
}

/// A function signature.
#[derive(Debug, Clone)]
pub struct Signature {
    /// Parameters.
    pub params: Vec<Param>,
    /// Results.
    pub results: Vec<Param>,
    /// Position of `func` or of the parameter list.
    pub pos: Pos,
    /// Whether the last parameter is `...T` (its `ty` is then `T`).
    pub variadic: Option<Pos>,
}

/// One parameter or result.
#[derive(Debug, Clone)]
pub struct Param {
    /// The name, if the list is named.
    pub name: Option<Name>,
    /// The type.
    pub ty: TypeExpr,
}

/// Channel directions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChanDir {
    /// `chan T`
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

/// A type as written.
#[derive(Debug, Clone)]
pub enum TypeExpr {
    /// A type name such as `int` or `T`.
    Name(Rc<str>, Pos),
    /// `pkg.T` (position of `pkg`).
    Qualified(Rc<str>, Rc<str>, Pos),
    /// `*T` (position of `*`).
    Pointer(Box<TypeExpr>, Pos),
    /// `[]T`
    Slice(Box<TypeExpr>, Pos),
    /// `[N]T`; the length `None` is `[...]T` (composite literals only).
    Array(Option<Box<Expr>>, Box<TypeExpr>, Pos),
    /// `map[K]V`
    Map(Box<TypeExpr>, Box<TypeExpr>, Pos),
    /// `chan T`, `chan<- T`, `<-chan T`
    Chan(ChanDir, Box<TypeExpr>, Pos),
    /// `func(...) ...`
    Func(Box<Signature>),
    /// `struct { ... }`
    Struct(Vec<Field>, Pos),
    /// `interface { ... }`
    Interface(Vec<IfaceElem>, Pos),
    /// A generic type instantiated: `T[int]`.
    Generic(Box<TypeExpr>, Vec<TypeExpr>, Pos),
}

impl TypeExpr {
    /// Where the type is written.
    pub fn pos(&self) -> Pos {
        match self {
            TypeExpr::Name(_, p)
            | TypeExpr::Qualified(_, _, p)
            | TypeExpr::Pointer(_, p)
            | TypeExpr::Slice(_, p)
            | TypeExpr::Array(_, _, p)
            | TypeExpr::Map(_, _, p)
            | TypeExpr::Chan(_, _, p)
            | TypeExpr::Struct(_, p)
            | TypeExpr::Interface(_, p)
            | TypeExpr::Generic(_, _, p) => *p,
            TypeExpr::Func(s) => s.pos,
        }
    }
}

/// A field declaration of a struct type.
#[derive(Debug, Clone)]
pub struct Field {
    /// The names; empty for an embedded field.
    pub names: Vec<Name>,
    /// The type (for an embedded field: `T`, `*T`, `pkg.T`).
    pub ty: TypeExpr,
    /// The tag, if any.
    pub tag: Option<Rc<str>>,
    /// Where the declaration starts.
    pub pos: Pos,
}

/// An element of an interface type.
#[derive(Debug, Clone)]
pub enum IfaceElem {
    /// `Name(params) results`
    Method(Name, Signature),
    /// An embedded interface (or, in constraints, a single type term).
    Embed(TypeExpr),
    /// A union of type terms, or a single `~T` (constraints only), and
    /// where it starts.
    Union(Vec<Term>, Pos),
}

/// `var a, b T = x, y` (type and values both optional, not both absent).
#[derive(Debug, Clone)]
pub struct VarSpec {
    /// The names.
    pub names: Vec<Name>,
    /// The declared type.
    pub ty: Option<TypeExpr>,
    /// The initial values.
    pub values: Vec<Expr>,
    /// Position of the spec.
    pub pos: Pos,
    /// The names its initial values mention (see [`FuncDecl::refs`]).
    pub refs: Rc<[Ref]>,
}

/// A name mentioned in a declaration: alone (`x`, `f(...)`), or selected
/// (`v.m`: a field or a method, `true`). Package-level variables are
/// initialised in the order of their references to each other (Go's
/// dependency analysis), found from these.
pub type Ref = (Rc<str>, bool);

/// One spec of a `const` declaration. Go's implicit repetition is resolved
/// by the parser: a spec without values carries copies of the previous
/// spec's type and values, with `implicit` set.
#[derive(Debug, Clone)]
pub struct ConstSpec {
    /// The names.
    pub names: Vec<Name>,
    /// The declared type.
    pub ty: Option<TypeExpr>,
    /// The values (copied from the previous spec when `implicit`).
    pub values: Vec<Expr>,
    /// The value of `iota` in this spec (its index in the group).
    pub iota: u32,
    /// Whether the values were repeated from the previous spec.
    pub implicit: bool,
    /// Position of the spec.
    pub pos: Pos,
}

/// `type Name T` or `type Name = T`.
#[derive(Debug, Clone)]
pub struct TypeSpec {
    /// The declared name.
    pub name: Name,
    /// Its type parameters (`type Stack[T any] ...`; empty if not generic).
    pub tparams: Vec<TypeParam>,
    /// `type A = T`?
    pub alias: bool,
    /// The type.
    pub ty: TypeExpr,
    /// Where `type` of its declaration is (the spec's name for groups).
    pub pos: Pos,
}

/// A `{ ... }` block.
#[derive(Debug, Clone)]
pub struct Block {
    /// Its statements.
    pub stmts: Vec<Stmt>,
    /// Position of the closing brace.
    pub end: Pos,
}

/// A statement.
#[derive(Debug, Clone)]
pub struct Stmt {
    /// What it is.
    pub kind: StmtKind,
    /// Where it starts.
    pub pos: Pos,
}

/// Assignment operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignOp {
    /// `=`
    Assign,
    /// `:=`
    Define,
    /// `op=`
    Op(BinOp),
}

/// One `case` or `default` clause of an expression switch.
#[derive(Debug, Clone)]
pub struct CaseClause {
    /// The expressions; `None` for `default`.
    pub exprs: Option<Vec<Expr>>,
    /// The statements.
    pub body: Vec<Stmt>,
    /// Where `case`/`default` is.
    pub pos: Pos,
    /// Where the `:` is (Go's scope of the clause starts there).
    pub colon: Pos,
}

/// One clause of a type switch.
#[derive(Debug, Clone)]
pub struct TypeClause {
    /// The types (`nil` is `TypeExpr::Name("nil")`); `None` for `default`.
    pub types: Option<Vec<TypeExpr>>,
    /// The statements.
    pub body: Vec<Stmt>,
    /// Where `case`/`default` is.
    pub pos: Pos,
}

/// One clause of a `select`.
#[derive(Debug, Clone)]
pub struct CommClause {
    /// The communication: a send, a receive (expression statement or
    /// assignment/definition from `<-ch`); `None` for `default`.
    pub comm: Option<Box<Stmt>>,
    /// The statements.
    pub body: Vec<Stmt>,
    /// Where `case`/`default` is.
    pub pos: Pos,
}

/// Statement kinds.
#[derive(Debug, Clone)]
pub enum StmtKind {
    /// `var ...` (one spec, or a parenthesised group)
    Var(Vec<VarSpec>),
    /// `const ...`
    Const(Vec<ConstSpec>),
    /// `type ...`
    Type(Vec<TypeSpec>),
    /// An expression statement.
    Expr(Expr),
    /// `ch <- v`
    Send {
        /// The channel.
        ch: Expr,
        /// The value.
        value: Expr,
    },
    /// `=`, `:=`, `op=`.
    Assign {
        /// Left-hand sides.
        lhs: Vec<Expr>,
        /// Operator.
        op: AssignOp,
        /// Right-hand sides.
        rhs: Vec<Expr>,
    },
    /// `x++` / `x--`.
    IncDec {
        /// The operand.
        x: Expr,
        /// `++`?
        inc: bool,
    },
    /// `return ...`
    Return(Vec<Expr>),
    /// `break` with an optional label.
    Break(Option<Name>),
    /// `continue` with an optional label.
    Continue(Option<Name>),
    /// `goto label`
    Goto(Name),
    /// `fallthrough`
    Fallthrough,
    /// `label: stmt`
    Labeled {
        /// The label.
        label: Name,
        /// The labeled statement (`Empty` when the label ends a block).
        stmt: Box<Stmt>,
    },
    /// A nested block.
    Block(Block),
    /// `if init; cond { } else ...`
    If {
        /// The init statement.
        init: Option<Box<Stmt>>,
        /// The condition.
        cond: Expr,
        /// The then-branch.
        then: Block,
        /// An `else` block or `else if` statement.
        els: Option<Box<Stmt>>,
    },
    /// `for init; cond; post { }` (all parts optional).
    For {
        /// The init statement.
        init: Option<Box<Stmt>>,
        /// The condition.
        cond: Option<Expr>,
        /// The post statement.
        post: Option<Box<Stmt>>,
        /// The body.
        body: Block,
    },
    /// `for k, v := range x { }` (or `=`, or no variables).
    Range {
        /// The key variable or target.
        key: Option<Expr>,
        /// The value variable or target.
        value: Option<Expr>,
        /// `:=` (else `=` or no variables).
        define: bool,
        /// The ranged expression.
        x: Expr,
        /// Where `range` is.
        range_pos: Pos,
        /// The body.
        body: Block,
    },
    /// `switch init; tag { clauses }`
    Switch {
        /// The init statement.
        init: Option<Box<Stmt>>,
        /// The tag (absent: `true`).
        tag: Option<Expr>,
        /// The clauses.
        clauses: Vec<CaseClause>,
        /// The closing brace.
        end: Pos,
    },
    /// `switch init; v := x.(type) { clauses }`
    TypeSwitch {
        /// The init statement.
        init: Option<Box<Stmt>>,
        /// The bound variable of `v := x.(type)`.
        bind: Option<Name>,
        /// The operand `x`.
        x: Expr,
        /// The clauses.
        clauses: Vec<TypeClause>,
        /// The closing brace.
        end: Pos,
    },
    /// `select { clauses }`
    Select(Vec<CommClause>),
    /// `go call`
    Go(Expr),
    /// `defer call`
    Defer(Expr),
    /// An empty statement.
    Empty,
}

/// Binary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Rem,
    /// `&`
    And,
    /// `|`
    Or,
    /// `^`
    Xor,
    /// `&^`
    AndNot,
    /// `<<`
    Shl,
    /// `>>`
    Shr,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `&&`
    AndAnd,
    /// `||`
    OrOr,
}

impl BinOp {
    /// The operator as written.
    pub fn as_str(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Rem => "%",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
            BinOp::AndNot => "&^",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::AndAnd => "&&",
            BinOp::OrOr => "||",
        }
    }

    /// The operator of a binary operator token, with Go's precedence (5
    /// binds tightest).
    pub fn from_token(op: &str) -> Option<(BinOp, u8)> {
        Some(match op {
            "||" => (BinOp::OrOr, 1),
            "&&" => (BinOp::AndAnd, 2),
            "==" => (BinOp::Eq, 3),
            "!=" => (BinOp::Ne, 3),
            "<" => (BinOp::Lt, 3),
            "<=" => (BinOp::Le, 3),
            ">" => (BinOp::Gt, 3),
            ">=" => (BinOp::Ge, 3),
            "+" => (BinOp::Add, 4),
            "-" => (BinOp::Sub, 4),
            "|" => (BinOp::Or, 4),
            "^" => (BinOp::Xor, 4),
            "*" => (BinOp::Mul, 5),
            "/" => (BinOp::Div, 5),
            "%" => (BinOp::Rem, 5),
            "<<" => (BinOp::Shl, 5),
            ">>" => (BinOp::Shr, 5),
            "&" => (BinOp::And, 5),
            "&^" => (BinOp::AndNot, 5),
            _ => return None,
        })
    }

    /// The operator of an assignment operator token (`+=` is `Add`).
    pub fn from_assign_token(op: &str) -> Option<BinOp> {
        let base = op.strip_suffix('=')?;
        match BinOp::from_token(base)? {
            (BinOp::AndAnd | BinOp::OrOr | BinOp::Eq | BinOp::Ne, _) => None,
            (BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge, _) => None,
            (b, _) => Some(b),
        }
    }
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnOp {
    /// `-`
    Neg,
    /// `+`
    Plus,
    /// `!`
    Not,
    /// `^` (bitwise complement)
    Xor,
    /// `&` (address of)
    Addr,
    /// `*` (dereference, or a pointer type in a conversion)
    Deref,
    /// `<-` (receive)
    Recv,
}

impl UnOp {
    /// The operator as written.
    pub fn as_str(self) -> &'static str {
        match self {
            UnOp::Neg => "-",
            UnOp::Plus => "+",
            UnOp::Not => "!",
            UnOp::Xor => "^",
            UnOp::Addr => "&",
            UnOp::Deref => "*",
            UnOp::Recv => "<-",
        }
    }
}

/// One element of a composite literal: `value` or `key: value`.
#[derive(Debug, Clone)]
pub struct Element {
    /// The key (a field name is an `Ident` expression).
    pub key: Option<Expr>,
    /// The value (an elided-type literal is a `Composite` with `ty: None`).
    pub value: Expr,
}

/// An expression.
#[derive(Debug, Clone)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it starts (for a binary expression: the operator; for a call,
    /// index, slice or assertion: the opening bracket or the dot).
    pub pos: Pos,
}

/// Expression kinds.
#[derive(Debug, Clone)]
pub enum ExprKind {
    /// An integer literal.
    Int(u128),
    /// A floating-point literal, as written.
    Float(Rc<str>),
    /// An imaginary literal, as written (with its `i`).
    Imag(Rc<str>),
    /// A rune literal.
    Rune(u32),
    /// A string literal.
    Str(Rc<[u8]>),
    /// A name.
    Ident(Rc<str>),
    /// `func(...) ... { ... }`
    FuncLit(Signature, Block),
    /// A type written where an expression is (`[]byte(s)`, `make(map[K]V)`,
    /// `(func())(nil)`).
    Type(TypeExpr),
    /// `T{...}`; `ty` is `None` when elided inside another literal.
    Composite {
        /// The literal's type.
        ty: Option<TypeExpr>,
        /// The elements.
        elems: Vec<Element>,
        /// The closing brace.
        end: Pos,
    },
    /// `op x`
    Unary(UnOp, Box<Expr>),
    /// `x op y`
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `f(args)`, `f(args...)` (the `...` position).
    Call(Box<Expr>, Vec<Expr>, Option<Pos>),
    /// `x.name` (the name's position)
    Selector(Box<Expr>, Rc<str>, Pos),
    /// `x[i]` (several indices: a generic instantiation).
    Index(Box<Expr>, Vec<Expr>),
    /// `x[lo:hi]` or `x[lo:hi:max]`.
    Slice {
        /// The operand.
        x: Box<Expr>,
        /// Low bound.
        lo: Option<Box<Expr>>,
        /// High bound.
        hi: Option<Box<Expr>>,
        /// Capacity bound (3-index form).
        max: Option<Box<Expr>>,
    },
    /// `x.(T)`
    Assert(Box<Expr>, TypeExpr),
    /// `x.(type)`, only valid as a type switch guard.
    TypeSwitchGuard(Box<Expr>),
    /// `(x)`
    Paren(Box<Expr>),
}

impl Expr {
    /// The type this expression denotes if it is read as a type (a name,
    /// `pkg.T`, `*T`, `(T)`, a type literal), for conversions and
    /// composite literals, where Go's grammar cannot tell them apart.
    pub fn as_type(&self) -> Option<TypeExpr> {
        Some(match &self.kind {
            ExprKind::Ident(n) => TypeExpr::Name(n.clone(), self.pos),
            ExprKind::Selector(x, n, _) => match &x.kind {
                ExprKind::Ident(p) => TypeExpr::Qualified(p.clone(), n.clone(), x.pos),
                _ => return None,
            },
            ExprKind::Unary(UnOp::Deref, x) => TypeExpr::Pointer(Box::new(x.as_type()?), self.pos),
            ExprKind::Paren(x) => x.as_type()?,
            ExprKind::Type(t) => t.clone(),
            ExprKind::Index(x, ix) => {
                let args = ix.iter().map(Expr::as_type).collect::<Option<Vec<_>>>()?;
                TypeExpr::Generic(Box::new(x.as_type()?), args, self.pos)
            }
            _ => return None,
        })
    }
}
