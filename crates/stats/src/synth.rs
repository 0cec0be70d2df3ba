//! Simplex-constrained least squares: the donor weights of a synthetic control (Abadie,
//! Diamond & Hainmueller 2010) fitted on the outcome path alone.
//!
//! Problem: minimise ||y - X w||^2 over w >= 0 with sum(w) = 1, where y is the treated
//! series over the pre-period and the columns of X are the donors' series. With H = X'X and
//! b = X'y this is the quadratic programme min 1/2 w'Hw - b'w on the simplex.
//!
//! Solver: a primal active-set method (Nocedal & Wright, algorithm 16.3) started at the best
//! single donor. Each step solves the equality-constrained problem on the free donors
//! exactly (KKT system, Gaussian elimination with partial pivoting); a donor leaves the free
//! set when its weight would turn negative and enters when its Lagrange multiplier is below
//! `-KKT_TOLERANCE` (relative to the scale of H). It terminates after finitely many steps;
//! `max_iterations` (20 x donors + 100) only guards against rounding-induced cycling.
//! Deterministic: no randomness, ties go to the lower donor index.
//!
//! Values are scaled by their root mean square before the Gram matrix is formed (weights do
//! not change with scale), and a ridge of `RIDGE` x mean(diag H) is added to H so that the
//! optimum is unique when donors are collinear or outnumber the pre-period days. It moves
//! the weights by about 1e-11 to 1e-8 (with near-collinear donors) where the optimum is unique; where it is not, it picks the
//! solution of smallest norm among the near-optimal ones.

use super::error::{StatsError, StatsResult};

/// Ridge added to H, relative to the mean of its diagonal (see the module documentation).
pub const RIDGE: f64 = 1e-11;
/// A free donor's multiplier below minus this (relative to H's mean diagonal) means the
/// donor should enter the synthetic control.
pub const KKT_TOLERANCE: f64 = 1e-13;

/// Cross-products of a panel of series (unit by unit), computed once and reused for every
/// fit on it (the placebo fits use the same panel with other targets and donor pools).
#[derive(Debug, Clone, PartialEq)]
pub struct Gram {
    units: usize,
    /// Every value was divided by this before the products were formed.
    scale: f64,
    /// Row-major `units x units` inner products of the scaled series.
    products: Vec<f64>,
}

/// Donor weights on the simplex with how many active-set steps found them.
#[derive(Debug, Clone, PartialEq)]
pub struct SimplexFit {
    /// One weight per donor, in the order given; non-negative, summing to 1.
    pub weights: Vec<f64>,
    pub iterations: usize,
}

impl Gram {
    /// Cross-products of `series` (every series the same length, finite, at least one day).
    pub fn new(series: &[&[f64]]) -> StatsResult<Gram> {
        let Some(first) = series.first() else {
            return Err(StatsError::Empty {
                what: "the panel of regions".into(),
            });
        };
        let days = first.len();
        if days == 0 {
            return Err(StatsError::Empty {
                what: "the pre-period".into(),
            });
        }
        if series.iter().any(|s| s.len() != days) {
            return Err(StatsError::Mismatch {
                what: "every region needs a value on the same days".into(),
            });
        }
        if series.iter().flat_map(|s| s.iter()).any(|v| !v.is_finite()) {
            return Err(StatsError::NotFinite {
                what: "a value of the regional series".into(),
            });
        }
        // Root mean square computed on values divided by the largest, so it cannot overflow.
        let largest = series
            .iter()
            .flat_map(|s| s.iter())
            .fold(0.0_f64, |m, v| m.max(v.abs()));
        if largest == 0.0 {
            return Err(StatsError::NoVariation {
                what: "the regional series (all zero)".into(),
            });
        }
        let count = (series.len() as f64) * (days as f64);
        let relative = series
            .iter()
            .flat_map(|s| s.iter())
            .map(|v| (v / largest) * (v / largest))
            .sum::<f64>()
            / count;
        let scale = largest * relative.sqrt();
        if !(scale > 0.0 && scale.is_finite()) {
            return Err(StatsError::NoVariation {
                what: "the regional series (all zero)".into(),
            });
        }
        let units = series.len();
        let mut products = vec![0.0; units.saturating_mul(units)];
        for (i, a) in series.iter().enumerate() {
            for (j, b) in series.iter().enumerate().skip(i) {
                let dot = a
                    .iter()
                    .zip(b.iter())
                    .map(|(x, y)| (x / scale) * (y / scale))
                    .sum::<f64>();
                set(&mut products, units, i, j, dot);
                set(&mut products, units, j, i, dot);
            }
        }
        Ok(Gram {
            units,
            scale,
            products,
        })
    }

    pub fn units(&self) -> usize {
        self.units
    }

    /// The divisor applied to every value (products are in units of `scale` squared).
    pub fn scale(&self) -> f64 {
        self.scale
    }

    /// The same cross-products with one day left out (`day` holds every unit's value on it),
    /// for leave-one-day-out cross-validation.
    pub fn without_day(&self, day: &[f64]) -> Gram {
        let mut products = self.products.clone();
        for (i, a) in day.iter().enumerate().take(self.units) {
            for (j, b) in day.iter().enumerate().take(self.units) {
                if let Some(cell) = products.get_mut(i * self.units + j) {
                    *cell -= (a / self.scale) * (b / self.scale);
                }
            }
        }
        Gram {
            units: self.units,
            scale: self.scale,
            products,
        }
    }

    /// Inner product of the scaled series of units `i` and `j` (0 outside the panel).
    pub fn at(&self, i: usize, j: usize) -> f64 {
        self.products
            .get(i * self.units + j)
            .copied()
            .unwrap_or(0.0)
    }

    /// Simplex weights of `donors` (unit indices) that best reproduce unit `target`.
    pub fn fit(&self, target: usize, donors: &[usize]) -> StatsResult<SimplexFit> {
        if target >= self.units || donors.iter().any(|&d| d >= self.units || d == target) {
            return Err(StatsError::Mismatch {
                what: "a donor region is missing from the panel or is the treated one".into(),
            });
        }
        if donors.is_empty() {
            return Err(StatsError::TooFew {
                what: "the donor pool (regions held back)".into(),
                needed: 1,
                got: 0,
            });
        }
        let n = donors.len();
        let mean_diag = donors.iter().map(|&d| self.at(d, d)).sum::<f64>() / n as f64;
        let ridge = RIDGE * mean_diag.max(f64::MIN_POSITIVE);
        let mut hessian = vec![0.0; n * n];
        for (a, &da) in donors.iter().enumerate() {
            for (b, &db) in donors.iter().enumerate() {
                let extra = if a == b { ridge } else { 0.0 };
                set(&mut hessian, n, a, b, self.at(da, db) + extra);
            }
        }
        let linear: Vec<f64> = donors.iter().map(|&d| self.at(d, target)).collect();
        let tolerance = KKT_TOLERANCE * mean_diag.max(f64::MIN_POSITIVE);
        active_set(&hessian, &linear, tolerance)
    }
}

/// Simplex weights that best reproduce `target` from `donors` (one slice per donor).
pub fn simplex_least_squares(target: &[f64], donors: &[&[f64]]) -> StatsResult<SimplexFit> {
    let mut series: Vec<&[f64]> = Vec::with_capacity(donors.len() + 1);
    series.push(target);
    series.extend_from_slice(donors);
    let gram = Gram::new(&series)?;
    let indices: Vec<usize> = (1..series.len()).collect();
    gram.fit(0, &indices)
}

fn set(matrix: &mut [f64], n: usize, i: usize, j: usize, value: f64) {
    if let Some(cell) = matrix.get_mut(i * n + j) {
        *cell = value;
    }
}

fn get(matrix: &[f64], n: usize, i: usize, j: usize) -> f64 {
    matrix.get(i * n + j).copied().unwrap_or(0.0)
}

/// Minimises 1/2 w'Hw - b'w on the simplex (`hessian` is n x n row-major).
fn active_set(hessian: &[f64], linear: &[f64], tolerance: f64) -> StatsResult<SimplexFit> {
    let n = linear.len();
    // Start at the best vertex: objective 1/2 H_kk - b_k.
    let start = (0..n)
        .map(|k| {
            (
                k,
                0.5 * get(hessian, n, k, k) - linear.get(k).copied().unwrap_or(0.0),
            )
        })
        .fold(
            (0, f64::INFINITY),
            |best, (k, v)| if v < best.1 { (k, v) } else { best },
        )
        .0;
    let mut weights = vec![0.0; n];
    if let Some(w) = weights.get_mut(start) {
        *w = 1.0;
    }
    let mut free: Vec<usize> = vec![start];
    let max_iterations = n.saturating_mul(20).saturating_add(100);
    for iteration in 1..=max_iterations {
        let (solution, multiplier) = solve_on_free(hessian, linear, &free)?;
        let feasible = solution.iter().all(|&v| v >= 0.0);
        if feasible {
            for (&i, &v) in free.iter().zip(&solution) {
                if let Some(w) = weights.get_mut(i) {
                    *w = v;
                }
            }
            // Multiplier of w_i >= 0 for a donor at zero: (Hw - b)_i + mu.
            let entering = (0..n)
                .filter(|i| !free.contains(i))
                .map(|i| {
                    let gradient = (0..n)
                        .map(|j| get(hessian, n, i, j) * weights.get(j).copied().unwrap_or(0.0))
                        .sum::<f64>()
                        - linear.get(i).copied().unwrap_or(0.0);
                    (i, gradient + multiplier)
                })
                .fold(None, |best: Option<(usize, f64)>, (i, v)| match best {
                    Some((_, b)) if b <= v => best,
                    _ => Some((i, v)),
                });
            match entering {
                Some((i, value)) if value < -tolerance => {
                    free.push(i);
                    free.sort_unstable();
                }
                _ => return finish(weights, iteration),
            }
        } else {
            // Step towards the solution until the first weight reaches zero.
            let mut step = 1.0_f64;
            for (&i, &target) in free.iter().zip(&solution) {
                let current = weights.get(i).copied().unwrap_or(0.0);
                if target < 0.0 && current - target > 0.0 {
                    step = step.min(current / (current - target));
                }
            }
            for (&i, &target) in free.iter().zip(&solution) {
                if let Some(w) = weights.get_mut(i) {
                    *w += step * (target - *w);
                }
            }
            let blocking = free
                .iter()
                .zip(&solution)
                .filter(|(_, &t)| t < 0.0)
                .map(|(&i, _)| i)
                .fold(None, |best: Option<usize>, i| {
                    let wi = weights.get(i).copied().unwrap_or(0.0);
                    match best {
                        Some(b) if weights.get(b).copied().unwrap_or(0.0) <= wi => best,
                        _ => Some(i),
                    }
                });
            free.retain(|&i| Some(i) != blocking && weights.get(i).is_some_and(|&w| w > 0.0));
            for i in 0..n {
                if !free.contains(&i) {
                    if let Some(w) = weights.get_mut(i) {
                        *w = 0.0;
                    }
                }
            }
            if free.is_empty() {
                return Err(StatsError::NoSolution {
                    why: "the donor weights could not be found (the fit lost every donor)".into(),
                });
            }
        }
    }
    Err(StatsError::NoSolution {
        why: format!("the donor weights did not settle within {max_iterations} steps"),
    })
}

/// Renormalises away rounding so the weights sum to exactly 1 within 1e-15.
fn finish(mut weights: Vec<f64>, iterations: usize) -> StatsResult<SimplexFit> {
    let total: f64 = weights.iter().sum();
    if !(total > 0.0 && total.is_finite()) {
        return Err(StatsError::NoSolution {
            why: "the donor weights could not be computed reliably".into(),
        });
    }
    for w in &mut weights {
        *w = (*w / total).max(0.0);
    }
    Ok(SimplexFit {
        weights,
        iterations,
    })
}

/// Solves H_FF w + mu 1 = b_F, 1'w = 1 for the free donors; returns (w_F, mu).
fn solve_on_free(hessian: &[f64], linear: &[f64], free: &[usize]) -> StatsResult<(Vec<f64>, f64)> {
    let k = free.len();
    let size = k + 1;
    let mut system = vec![0.0; size * size];
    let mut rhs = vec![0.0; size];
    let n = linear.len();
    for (a, &i) in free.iter().enumerate() {
        for (b, &j) in free.iter().enumerate() {
            set(&mut system, size, a, b, get(hessian, n, i, j));
        }
        set(&mut system, size, a, k, 1.0);
        set(&mut system, size, k, a, 1.0);
        if let Some(r) = rhs.get_mut(a) {
            *r = linear.get(i).copied().unwrap_or(0.0);
        }
    }
    if let Some(r) = rhs.get_mut(k) {
        *r = 1.0;
    }
    let solution = gaussian_solve(system, rhs, size)?;
    let multiplier = solution.get(k).copied().unwrap_or(0.0);
    Ok((solution.into_iter().take(k).collect(), multiplier))
}

/// Solves A x = r (A is size x size row-major) by elimination with partial pivoting.
fn gaussian_solve(mut a: Vec<f64>, mut r: Vec<f64>, size: usize) -> StatsResult<Vec<f64>> {
    let singular = || StatsError::NoSolution {
        why: "the donor regions are too alike to weight (a singular system)".into(),
    };
    for col in 0..size {
        let pivot = (col..size)
            .max_by(|&x, &y| {
                get(&a, size, x, col)
                    .abs()
                    .total_cmp(&get(&a, size, y, col).abs())
            })
            .unwrap_or(col);
        if get(&a, size, pivot, col).abs() < 1e-300 {
            return Err(singular());
        }
        if pivot != col {
            for c in 0..size {
                let (p, q) = (get(&a, size, pivot, c), get(&a, size, col, c));
                set(&mut a, size, pivot, c, q);
                set(&mut a, size, col, c, p);
            }
            r.swap(pivot, col);
        }
        let diagonal = get(&a, size, col, col);
        for row in (col + 1)..size {
            let factor = get(&a, size, row, col) / diagonal;
            if factor != 0.0 {
                for c in col..size {
                    let v = get(&a, size, row, c) - factor * get(&a, size, col, c);
                    set(&mut a, size, row, c, v);
                }
                let v = r.get(row).copied().unwrap_or(0.0)
                    - factor * r.get(col).copied().unwrap_or(0.0);
                if let Some(cell) = r.get_mut(row) {
                    *cell = v;
                }
            }
        }
    }
    let mut x = vec![0.0; size];
    for row in (0..size).rev() {
        let tail: f64 = ((row + 1)..size)
            .map(|c| get(&a, size, row, c) * x.get(c).copied().unwrap_or(0.0))
            .sum();
        let value = (r.get(row).copied().unwrap_or(0.0) - tail) / get(&a, size, row, row);
        if !value.is_finite() {
            return Err(singular());
        }
        if let Some(cell) = x.get_mut(row) {
            *cell = value;
        }
    }
    Ok(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exact_mixture_is_recovered() {
        // target = 0.3 a + 0.7 b exactly; c is a decoy.
        let a = [1.0, 2.0, 3.0, 4.0, 5.0];
        let b = [2.0, 1.0, 4.0, 3.0, 6.0];
        let c = [9.0, 9.0, 0.0, 1.0, 2.0];
        let target: Vec<f64> = a.iter().zip(&b).map(|(x, y)| 0.3 * x + 0.7 * y).collect();
        let fit = simplex_least_squares(&target, &[&a, &b, &c]).unwrap();
        assert!((fit.weights[0] - 0.3).abs() < 1e-8, "{:?}", fit.weights);
        assert!((fit.weights[1] - 0.7).abs() < 1e-8);
        assert!(fit.weights[2].abs() < 1e-8);
    }

    #[test]
    fn a_target_outside_the_hull_takes_the_nearest_vertex_or_edge() {
        // Target above every donor: the highest donor gets all the weight.
        let target = [10.0, 10.0, 10.0];
        let low = [1.0, 1.0, 1.0];
        let high = [5.0, 5.0, 5.0];
        let fit = simplex_least_squares(&target, &[&low, &high]).unwrap();
        assert_eq!(fit.weights, vec![0.0, 1.0]);
        // Two donors on either side of a point off their segment: the projection onto it.
        // target (1, 1), donors (2, 0) and (0, 0): w on (2, 0) minimises (2w-1)^2 + 1 -> 0.5.
        let fit = simplex_least_squares(&[1.0, 1.0], &[&[2.0, 0.0], &[0.0, 0.0]]).unwrap();
        assert!((fit.weights[0] - 0.5).abs() < 1e-9, "{:?}", fit.weights);
    }

    #[test]
    fn bad_inputs_are_errors_not_panics() {
        assert!(matches!(
            simplex_least_squares(&[], &[&[]]),
            Err(StatsError::Empty { .. })
        ));
        assert!(matches!(
            simplex_least_squares(&[1.0], &[]),
            Err(StatsError::TooFew { .. })
        ));
        assert!(matches!(
            simplex_least_squares(&[1.0, 2.0], &[&[1.0]]),
            Err(StatsError::Mismatch { .. })
        ));
        assert!(matches!(
            simplex_least_squares(&[f64::NAN], &[&[1.0]]),
            Err(StatsError::NotFinite { .. })
        ));
        assert!(matches!(
            simplex_least_squares(&[0.0, 0.0], &[&[0.0, 0.0]]),
            Err(StatsError::NoVariation { .. })
        ));
        // Identical and constant donors still give one answer (the ridge splits them evenly).
        let fit = simplex_least_squares(&[3.0, 3.0], &[&[2.0, 2.0], &[2.0, 2.0]]).unwrap();
        assert!((fit.weights[0] - 0.5).abs() < 1e-6 && (fit.weights[1] - 0.5).abs() < 1e-6);
        let fit = simplex_least_squares(&[3.0], &[&[2.0]]).unwrap();
        assert_eq!(fit.weights, vec![1.0]);
    }
}
