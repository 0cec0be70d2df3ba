//! Small dense linear algebra for ridge regression: solving (A + lambda I) x = b for a
//! symmetric positive semi-definite A (Cholesky), and the largest eigenvalue of such an A
//! (power iteration), which sets the scale of the ridge penalty grid.
//!
//! Matrices are row-major `n x n` slices. Deterministic; no function panics.

use super::error::{StatsError, StatsResult};

/// Power iteration stops when the eigenvalue estimate moves by less than this, relatively.
pub const EIGEN_TOLERANCE: f64 = 1e-13;
/// At most this many power iterations.
pub const EIGEN_MAX_ITERATIONS: usize = 5_000;

fn get(matrix: &[f64], n: usize, i: usize, j: usize) -> f64 {
    matrix.get(i * n + j).copied().unwrap_or(0.0)
}

/// Solves (A + lambda I) x = b by Cholesky factorisation; A symmetric, `n x n`.
pub fn ridge_solve(matrix: &[f64], lambda: f64, rhs: &[f64]) -> StatsResult<Vec<f64>> {
    let n = rhs.len();
    if matrix.len() != n.saturating_mul(n) {
        return Err(StatsError::Mismatch {
            what: "the ridge system's matrix and right-hand side".into(),
        });
    }
    let not_definite = || StatsError::NoSolution {
        why: "the ridge system is not positive definite (raise the ridge penalty)".into(),
    };
    let mut lower = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..=i {
            let mut sum = get(matrix, n, i, j) + if i == j { lambda } else { 0.0 };
            for k in 0..j {
                sum -= get(&lower, n, i, k) * get(&lower, n, j, k);
            }
            let value = if i == j {
                // NaN (from an infinite or NaN entry) is refused like a non-positive pivot.
                if sum.is_nan() || sum <= 0.0 {
                    return Err(not_definite());
                }
                sum.sqrt()
            } else {
                sum / get(&lower, n, j, j)
            };
            if let Some(cell) = lower.get_mut(i * n + j) {
                *cell = value;
            }
        }
    }
    // Forward then backward substitution: L y = b, L' x = y.
    let mut y = vec![0.0; n];
    for i in 0..n {
        let tail: f64 = (0..i)
            .map(|k| get(&lower, n, i, k) * y.get(k).copied().unwrap_or(0.0))
            .sum();
        if let Some(cell) = y.get_mut(i) {
            *cell = (rhs.get(i).copied().unwrap_or(0.0) - tail) / get(&lower, n, i, i);
        }
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        let tail: f64 = ((i + 1)..n)
            .map(|k| get(&lower, n, k, i) * x.get(k).copied().unwrap_or(0.0))
            .sum();
        if let Some(cell) = x.get_mut(i) {
            *cell = (y.get(i).copied().unwrap_or(0.0) - tail) / get(&lower, n, i, i);
        }
    }
    if x.iter().any(|v| !v.is_finite()) {
        return Err(not_definite());
    }
    Ok(x)
}

/// Largest eigenvalue of a symmetric positive semi-definite `n x n` matrix (0 for a zero
/// matrix). Starts from a vector of ones plus a small index tilt, so it is deterministic.
pub fn largest_eigenvalue(matrix: &[f64], n: usize) -> f64 {
    if n == 0 || matrix.len() != n.saturating_mul(n) {
        return 0.0;
    }
    let mut vector: Vec<f64> = (0..n).map(|i| 1.0 + 0.01 * i as f64).collect();
    let mut estimate = 0.0;
    for _ in 0..EIGEN_MAX_ITERATIONS {
        let norm = vector.iter().map(|v| v * v).sum::<f64>().sqrt();
        if !(norm > 0.0 && norm.is_finite()) {
            return estimate;
        }
        for v in &mut vector {
            *v /= norm;
        }
        let product: Vec<f64> = (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| get(matrix, n, i, j) * vector.get(j).copied().unwrap_or(0.0))
                    .sum()
            })
            .collect();
        // Rayleigh quotient of the unit vector.
        let next: f64 = product.iter().zip(&vector).map(|(a, b)| a * b).sum();
        let settled = (next - estimate).abs() <= EIGEN_TOLERANCE * next.abs();
        estimate = next;
        vector = product;
        if settled {
            break;
        }
    }
    estimate
}

/// Eigenvalues and eigenvectors of a symmetric `n x n` matrix by cyclic Jacobi rotations:
/// (values, vectors) with eigenvector k in column k of the row-major `vectors`.
pub fn symmetric_eigen(matrix: &[f64], n: usize) -> StatsResult<(Vec<f64>, Vec<f64>)> {
    if matrix.len() != n.saturating_mul(n) {
        return Err(StatsError::Mismatch {
            what: "a square matrix".into(),
        });
    }
    let mut a = matrix.to_vec();
    let mut vectors = vec![0.0; n * n];
    for i in 0..n {
        if let Some(cell) = vectors.get_mut(i * n + i) {
            *cell = 1.0;
        }
    }
    let total: f64 = a.iter().map(|v| v * v).sum();
    for _ in 0..JACOBI_MAX_SWEEPS {
        let off: f64 = (0..n)
            .flat_map(|p| ((p + 1)..n).map(move |q| (p, q)))
            .map(|(p, q)| get(&a, n, p, q).powi(2))
            .sum();
        if off <= JACOBI_TOLERANCE * total {
            break;
        }
        for p in 0..n {
            for q in (p + 1)..n {
                let apq = get(&a, n, p, q);
                if apq == 0.0 {
                    continue;
                }
                let theta = (get(&a, n, q, q) - get(&a, n, p, p)) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                rotate_columns(&mut a, n, p, q, c, s);
                rotate_rows(&mut a, n, p, q, c, s);
                rotate_columns(&mut vectors, n, p, q, c, s);
            }
        }
    }
    let values: Vec<f64> = (0..n).map(|i| get(&a, n, i, i)).collect();
    if values.iter().chain(&vectors).any(|v| !v.is_finite()) {
        return Err(StatsError::NoSolution {
            why: "the eigenvalues of the held-back regions' cross-products could not be computed"
                .into(),
        });
    }
    Ok((values, vectors))
}

/// Jacobi stops when the off-diagonal squares fall below this share of all squares.
pub const JACOBI_TOLERANCE: f64 = 1e-30;
/// At most this many Jacobi sweeps (a symmetric matrix converges in well under 20).
pub const JACOBI_MAX_SWEEPS: usize = 60;

fn rotate_columns(m: &mut [f64], n: usize, p: usize, q: usize, c: f64, s: f64) {
    for k in 0..n {
        let (kp, kq) = (get(m, n, k, p), get(m, n, k, q));
        if let Some(cell) = m.get_mut(k * n + p) {
            *cell = c * kp - s * kq;
        }
        if let Some(cell) = m.get_mut(k * n + q) {
            *cell = s * kp + c * kq;
        }
    }
}

fn rotate_rows(m: &mut [f64], n: usize, p: usize, q: usize, c: f64, s: f64) {
    for k in 0..n {
        let (pk, qk) = (get(m, n, p, k), get(m, n, q, k));
        if let Some(cell) = m.get_mut(p * n + k) {
            *cell = c * pk - s * qk;
        }
        if let Some(cell) = m.get_mut(q * n + k) {
            *cell = s * pk + c * qk;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nan_or_non_positive_pivot_is_refused_not_propagated() {
        let refused = |matrix: &[f64]| {
            matches!(
                ridge_solve(matrix, 0.0, &[1.0]),
                Err(StatsError::NoSolution { .. })
            )
        };
        assert!(refused(&[f64::NAN]));
        assert!(refused(&[0.0]));
        assert!(refused(&[-4.0]));
        assert_eq!(ridge_solve(&[4.0], 0.0, &[2.0]), Ok(vec![0.5]));
    }

    #[test]
    fn a_ridge_system_is_solved() {
        // [[2, 1], [1, 3]] + 1 I = [[3, 1], [1, 4]]; x = [1, 2] gives b = [5, 9].
        let x = ridge_solve(&[2.0, 1.0, 1.0, 3.0], 1.0, &[5.0, 9.0]).unwrap();
        assert!(
            (x[0] - 1.0).abs() < 1e-14 && (x[1] - 2.0).abs() < 1e-14,
            "{x:?}"
        );
        // A singular A with no penalty is refused, not divided by zero.
        assert!(ridge_solve(&[1.0, 1.0, 1.0, 1.0], 0.0, &[1.0, 1.0]).is_err());
        assert!(ridge_solve(&[1.0], 0.0, &[1.0, 1.0]).is_err());
    }

    #[test]
    fn a_symmetric_matrix_is_diagonalised() {
        // [[2, 1, 0], [1, 2, 0], [0, 0, 5]]: eigenvalues 1, 3, 5.
        let m = [2.0, 1.0, 0.0, 1.0, 2.0, 0.0, 0.0, 0.0, 5.0];
        let (values, vectors) = symmetric_eigen(&m, 3).unwrap();
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        for (got, want) in sorted.iter().zip([1.0, 3.0, 5.0]) {
            assert!((got - want).abs() < 1e-12, "{values:?}");
        }
        // M v = lambda v for every column.
        for k in 0..3 {
            for i in 0..3 {
                let mv: f64 = (0..3).map(|j| m[i * 3 + j] * vectors[j * 3 + k]).sum();
                assert!((mv - values[k] * vectors[i * 3 + k]).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn the_largest_eigenvalue_is_found() {
        // [[2, 1], [1, 2]] has eigenvalues 3 and 1.
        let value = largest_eigenvalue(&[2.0, 1.0, 1.0, 2.0], 2);
        assert!((value - 3.0).abs() < 1e-10, "{value}");
        assert_eq!(largest_eigenvalue(&[0.0; 4], 2), 0.0);
        assert_eq!(largest_eigenvalue(&[], 0), 0.0);
    }
}
