//! Go's arithmetic on `complex64` and `complex128` values, as pure
//! functions (the checker folds typed constants with them, the run time
//! computes with them). A complex number of either size is held as two
//! `f64`; a `complex64` has each part rounded to `float32`.
//!
//! The results are gc's on amd64: `+ -` part by part; `*` as
//! `(ac-bd) + (ad+bc)i` computed in `float64` (a `complex64`'s parts
//! widened first, the result narrowed); `/` by the runtime's
//! `complex128div` (Smith's algorithm with C99's corrections for
//! infinities and zeros), so dividing by zero yields infinities or NaNs and
//! never panics.
//!
//! ```
//! use minigo::types::complex::{op, C};
//! use minigo::types::num::NumOp;
//! let q = op(NumOp::Div, 128, C(1.0, 1.0), C(0.0, 0.0));
//! assert!(q.0.is_infinite() && q.1.is_infinite());
//! assert_eq!(op(NumOp::Mul, 128, C(0.0, 1.0), C(0.0, 1.0)), C(-1.0, 0.0));
//! ```

use super::num::{round as round_float, NumOp};

/// A complex number: real and imaginary parts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct C(pub f64, pub f64);

/// The bits of each part of a complex type of `bits` bits.
pub fn part_bits(bits: u8) -> u8 {
    if bits == 64 {
        32
    } else {
        64
    }
}

/// `c` as a complex number of `bits` bits (`complex64`: each part rounded
/// to `float32`).
pub fn round(bits: u8, c: C) -> C {
    let b = part_bits(bits);
    C(round_float(b, c.0), round_float(b, c.1))
}

/// `a op b` on complex numbers of `bits` bits (`+ - * /`; any other
/// operator is the checker's error and yields NaNs).
pub fn op(op: NumOp, bits: u8, a: C, b: C) -> C {
    let r = match op {
        NumOp::Add => C(a.0 + b.0, a.1 + b.1),
        NumOp::Sub => C(a.0 - b.0, a.1 - b.1),
        NumOp::Mul => C(a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0),
        NumOp::Div => div(a, b),
        _ => C(f64::NAN, f64::NAN),
    };
    round(bits, r)
}

/// `a == b`: both parts equal (so a NaN part makes it false).
pub fn eq(a: C, b: C) -> bool {
    a.0 == b.0 && a.1 == b.1
}

/// `sqrt(p*p + q*q)` as Go's `math.Hypot` computes it (scaled by the
/// larger magnitude; amd64's assembly does the same steps).
pub fn hypot(p: f64, q: f64) -> f64 {
    if p.is_infinite() || q.is_infinite() {
        return f64::INFINITY;
    }
    if p.is_nan() || q.is_nan() {
        return f64::NAN;
    }
    let (mut p, mut q) = (p.abs(), q.abs());
    if p < q {
        std::mem::swap(&mut p, &mut q);
    }
    if p == 0.0 {
        return 0.0;
    }
    let q = q / p;
    p * (1.0 + q * q).sqrt()
}

/// A signed 1 if `f` is infinite, else a signed 0; the sign is `f`'s.
fn inf_to_one(f: f64) -> f64 {
    let g = if f.is_infinite() { 1.0 } else { 0.0 };
    f64::copysign(g, f)
}

/// `n / m` as the Go runtime's `complex128div` computes it.
pub fn div(n: C, m: C) -> C {
    let (e, f) = smith(n, m);
    if !(e.is_nan() && f.is_nan()) {
        return C(e, f);
    }
    // C99's corrections to infinities and zeros (Annex G.5.1).
    let (a, b, c, d) = (n.0, n.1, m.0, m.1);
    let inf = f64::INFINITY;
    let finite = |x: f64| x.is_finite();
    if c == 0.0 && d == 0.0 && (!a.is_nan() || !b.is_nan()) {
        C(f64::copysign(inf, c) * a, f64::copysign(inf, c) * b)
    } else if (a.is_infinite() || b.is_infinite()) && finite(c) && finite(d) {
        let (a, b) = (inf_to_one(a), inf_to_one(b));
        C(inf * (a * c + b * d), inf * (b * c - a * d))
    } else if (c.is_infinite() || d.is_infinite()) && finite(a) && finite(b) {
        let (c, d) = (inf_to_one(c), inf_to_one(d));
        C(0.0 * (a * c + b * d), 0.0 * (b * c - a * d))
    } else {
        C(e, f)
    }
}

/// Smith's algorithm (Commun. ACM 5(8), 1962): scale by the larger part
/// of the divisor.
fn smith(n: C, m: C) -> (f64, f64) {
    if m.0.abs() >= m.1.abs() {
        let ratio = m.1 / m.0;
        let denom = m.0 + ratio * m.1;
        ((n.0 + n.1 * ratio) / denom, (n.1 - n.0 * ratio) / denom)
    } else {
        let ratio = m.0 / m.1;
        let denom = m.1 + ratio * m.0;
        ((n.0 * ratio + n.1) / denom, (n.1 * ratio - n.0) / denom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn division_by_zero_gives_infinities_or_nans() {
        let z = C(0.0, 0.0);
        let q = div(C(0.0, 0.0), z);
        assert!(q.0.is_nan() && q.1.is_nan());
        assert_eq!(div(C(1.0, 1.0), z), C(f64::INFINITY, f64::INFINITY));
        assert_eq!(div(C(-1.0, 0.0), z).0, f64::NEG_INFINITY);
        assert!(div(C(-1.0, 0.0), z).1.is_nan());
    }

    #[test]
    fn complex64_rounds_each_part() {
        let r = round(64, C(0.1, 0.2));
        assert_eq!(r, C(f64::from(0.1f32), f64::from(0.2f32)));
        // Go 1.27.3 gives these parts for (10+6i)/(5+12i).
        let q = op(NumOp::Div, 128, C(10.0, 6.0), C(5.0, 12.0));
        assert_eq!(q, C(0.7218934911242604, -0.5325443786982248));
    }
}
