//! The syntax tree the parser produces.

use std::rc::Rc;

use crate::lexer::Pos;

/// A source file.
#[derive(Debug)]
pub struct File {
    /// `import "path"` specs with their positions.
    pub imports: Vec<(Rc<str>, Pos)>,
    /// Top-level declarations in source order.
    pub decls: Vec<Decl>,
}

/// A top-level declaration.
#[derive(Debug)]
pub enum Decl {
    /// `func name(...) ... { ... }`
    Func(FuncDecl),
    /// `var ...`
    Var(VarSpec),
}

/// A top-level function.
#[derive(Debug)]
pub struct FuncDecl {
    /// Its name.
    pub name: Rc<str>,
    /// Where the name is.
    pub pos: Pos,
    /// Parameters and results.
    pub sig: Signature,
    /// The body.
    pub body: Block,
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
}

/// One parameter or result.
#[derive(Debug, Clone)]
pub struct Param {
    /// The name, if the list is named.
    pub name: Option<(Rc<str>, Pos)>,
    /// The type.
    pub ty: TypeExpr,
}

/// A type as written.
#[derive(Debug, Clone)]
pub enum TypeExpr {
    /// A type name such as `int`.
    Name(Rc<str>, Pos),
    /// `func(...) ...`
    Func(Box<Signature>),
    /// `interface{}`
    EmptyInterface(Pos),
}

impl TypeExpr {
    /// Where the type is written.
    pub fn pos(&self) -> Pos {
        match self {
            TypeExpr::Name(_, p) | TypeExpr::EmptyInterface(p) => *p,
            TypeExpr::Func(s) => s.pos,
        }
    }
}

/// `var a, b T = x, y` (type and values both optional, not both absent).
#[derive(Debug)]
pub struct VarSpec {
    /// The names.
    pub names: Vec<(Rc<str>, Pos)>,
    /// The declared type.
    pub ty: Option<TypeExpr>,
    /// The initial values.
    pub values: Vec<Expr>,
    /// Position of the spec.
    pub pos: Pos,
}

/// A `{ ... }` block.
#[derive(Debug)]
pub struct Block {
    /// Its statements.
    pub stmts: Vec<Stmt>,
    /// Position of the closing brace.
    pub end: Pos,
}

/// A statement.
#[derive(Debug)]
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

/// Statement kinds.
#[derive(Debug)]
pub enum StmtKind {
    /// `var ...` (one spec, or a parenthesised group)
    Var(Vec<VarSpec>),
    /// An expression statement (a call).
    Expr(Expr),
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
    /// `break`
    Break,
    /// `continue`
    Continue,
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
}

/// An expression.
#[derive(Debug)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it starts (for a binary expression: the operator).
    pub pos: Pos,
}

/// Expression kinds.
#[derive(Debug)]
pub enum ExprKind {
    /// An integer literal.
    Int(i64),
    /// A string literal.
    Str(Rc<str>),
    /// A name.
    Ident(Rc<str>),
    /// `func(...) ... { ... }`
    FuncLit(Signature, Block),
    /// `op x`
    Unary(UnOp, Box<Expr>),
    /// `x op y`
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `f(args)`
    Call(Box<Expr>, Vec<Expr>),
    /// `x.name`
    Selector(Box<Expr>, Rc<str>),
    /// `x.(T)`
    Assert(Box<Expr>, TypeExpr),
    /// `(x)`
    Paren(Box<Expr>),
}
