#!/usr/bin/env python3
"""Reference fixtures for the synthetic control of geo tests (src/domain/stats/synth.rs and
src/domain/geo/).

The problem both sides solve (a plain outcome-path fit, no predictors, no V matrix):
    minimise || y_pre - X_pre w ||^2  over  w >= 0, sum(w) = 1
where y_pre is the treated series before launch (the mean of the treated regions when there
are several) and the columns of X_pre are the donors' series. The synthetic series is X w
on every date, the gap y - X w. pysyncon's Synth fits V and standardises predictors, so it
solves a different problem; its QP routine `PenalizedOptimMixin.w_optimize` with V = I and
lambda = 0 on the raw matrices solves exactly this one (SLSQP, default tolerance), and its
weights are stored as `pysyncon_weights` for comparison. The expected `weights` come from
a tighter solve of the same QP: scipy SLSQP (ftol 1e-12, scaled data) polished by solving
the equality-constrained least squares on its support exactly and checking the KKT
conditions (every multiplier of a zero weight >= -1e-9), so they are the optimum to ~1e-12.

Placebo inference (Abadie, Diamond & Hainmueller 2010): every donor in turn is fitted from
the other donors (the treated series is never a donor); the ratio post RMSPE / max(pre
RMSPE, 1e-9 x RMS of the whole panel) is ranked, and p = (number of units, treated
included, with a ratio >= the treated ratio) / (donors + 1).

Augmented synthetic control (Ben-Michael, Feller & Rothstein 2021, ridge ASCM), stored under
the key "augmented" of every case: pysyncon's AugSynth (augsynth R package, progfunc =
"Ridge", no covariates) on the same outcome matrices. With B the donors' pre-period series
centred at the donors' mean per date and M = (y - donor mean) - B w_scm:
    w_aug = w_scm + M (B B' + lambda I)^-1 B        (pysyncon AugSynth.solve_ridge)
The expected weights use pysyncon's own solve_ridge applied to the exact simplex weights
above (AugSynth's internal SLSQP solve is approximate); pysyncon's full AugSynth.fit output
is stored as `pysyncon_weights` with the same lambda, and `pysyncon_cv_relative` is the
penalty its own cross-validation picked, for comparison. lambda is chosen the augsynth way,
re-implemented here with the exact simplex weights in each fold: grid lambda_max x
s^(k-1), k = 0..20, s = (1e-8)^(1/20), lambda_max the largest squared singular value of B;
leave out each pre-period date but the last, refit, score the squared error on the left-out
date; the largest lambda whose mean error is within one standard error of the smallest.
Placebos use the same lambda (absolute) with every donor in turn fitted from the others.
AugSynth takes a single treated unit, so several treated regions enter as their mean.

Cases:
  - california_prop99: per-capita cigarette sales 1970-2000 for California and 38 states
    (Abadie et al. 2010), treated from 1989. The panel is the one causalpy ships in its
    PyPI wheel (causalpy/data/california_prop99.csv); this script downloads the wheel with
    pip (no install) and reads the file from it.
  - three seeded synthetic panels (numpy default_rng) with a known injected lift.

How to run (from the repository root, about 15 seconds plus the wheel download):
    python3 -m venv .venv-geo && .venv-geo/bin/pip install pysyncon
    .venv-geo/bin/python scripts/reference/make_synth_fixtures.py

Versions used to generate the committed fixtures: Python 3.11, numpy 2.4.6, scipy 1.17.1,
pandas 3.1.1, pysyncon 1.7.0, causalpy 0.9.0 (data file only).
"""

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile

import numpy as np
import scipy
from scipy.optimize import minimize, Bounds, LinearConstraint
from pysyncon.penalized import PenalizedOptimMixin
from pysyncon import AugSynth, Dataprep
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "fixtures", "synth")


def tight_weights(y, X):
    """Exact optimum of min ||y - Xw||^2 on the simplex (see the module docstring)."""
    scale = np.sqrt(np.mean(np.concatenate([y[:, None], X], axis=1) ** 2))
    ys, Xs = y / scale, X / scale
    H, b = Xs.T @ Xs, Xs.T @ ys
    n = X.shape[1]
    res = minimize(
        lambda w: 0.5 * w @ H @ w - b @ w,
        np.full(n, 1.0 / n),
        jac=lambda w: H @ w - b,
        bounds=Bounds(np.zeros(n), np.ones(n)),
        constraints=LinearConstraint(np.ones((1, n)), 1.0, 1.0),
        method="SLSQP",
        options={"ftol": 1e-12, "maxiter": 10000},
    )
    w = np.clip(res.x, 0.0, None)
    support = np.where(w > 1e-7)[0]
    # Polish: solve the KKT system on the support, dropping any weight that turns negative.
    while True:
        k = len(support)
        K = np.zeros((k + 1, k + 1))
        K[:k, :k] = H[np.ix_(support, support)]
        K[:k, k] = K[k, :k] = 1.0
        rhs = np.concatenate([b[support], [1.0]])
        sol = np.linalg.lstsq(K, rhs, rcond=None)[0]
        if (sol[:k] >= 0).all():
            break
        support = support[sol[:k] > 0]
    w = np.zeros(n)
    w[support] = sol[:k]
    mu = sol[k]
    multipliers = H @ w - b + mu
    off = np.setdiff1d(np.arange(n), support)
    if len(off) and multipliers[off].min() < -1e-9 * np.mean(np.diag(H)):
        raise SystemExit("the polished weights fail the KKT check")
    return w / w.sum()


def centred(y, X):
    """y and the donors X (dates x donors) centred at the donors' mean on each date."""
    m = X.mean(axis=1)
    return y - m, X - m[:, None]


def ridge_augment(y, X, w, lam):
    """w_aug from the simplex weights w, through pysyncon's own ridge step (B is dates x donors)."""
    yc, B = centred(y, X)
    return w + AugSynth.solve_ridge(yc, B, w, lam)


def lambda_max(X):
    _, B = centred(np.zeros(X.shape[0]), X)
    return float(np.linalg.svd(B, compute_uv=False)[0] ** 2)


def relative_grid():
    scaler = 1e-8 ** (1 / 20)
    return scaler ** (np.arange(0, 21) - 1.0)


def cross_validated_relative(y, X):
    """The augsynth leave-one-date-out choice of lambda / lambda_max (see the docstring)."""
    top = lambda_max(X)
    grid = relative_grid()
    errs = []
    t0 = len(y)
    for i in range(t0 - 1):
        keep = np.array([k for k in range(t0) if k != i])
        w = tight_weights(y[keep], X[keep])
        row = []
        for r in grid:
            wa = ridge_augment(y[keep], X[keep], w, r * top)
            row.append(float((y[i] - X[i] @ wa) ** 2))
        errs.append(row)
    errs = np.array(errs)
    means = errs.mean(axis=0)
    ses = errs.std(axis=0, ddof=1) / np.sqrt(t0 - 1)
    best = means.argmin()
    return float(grid[means <= means[best] + ses[best]].max())


def pysyncon_augsynth(y, X, pre_days, lam):
    """pysyncon's AugSynth on the same matrices (treated = y); returns (weights, cv relative)."""
    T, J = X.shape
    rows = [{"unit": "treated", "time": t, "y": y[t]} for t in range(T)]
    rows += [{"unit": f"d{j}", "time": t, "y": X[t, j]} for j in range(J) for t in range(T)]
    df = pd.DataFrame(rows)
    prep = Dataprep(foo=df, predictors=[], predictors_op="mean", dependent="y", unit_variable="unit",
                    time_variable="time", treatment_identifier="treated",
                    controls_identifier=[f"d{j}" for j in range(J)],
                    time_predictors_prior=range(pre_days), time_optimize_ssr=range(pre_days))
    fixed = AugSynth()
    fixed.fit(prep, lambda_=lam, use_covariates=False)
    cv = AugSynth()
    cv.fit(prep, use_covariates=False)
    return np.asarray(fixed.W), cv.lambda_ / lambda_max(X[:pre_days])


def augmented(y, X, donors, pre_days, floor):
    top = lambda_max(X[:pre_days])
    relative = cross_validated_relative(y[:pre_days], X[:pre_days])
    lam = relative * top
    w = ridge_augment(y[:pre_days], X[:pre_days], tight_weights(y[:pre_days], X[:pre_days]), lam)
    synthetic = X @ w
    gap = y - synthetic
    pre, post = rmspe(gap[:pre_days]), rmspe(gap[pre_days:])
    ratio = post / max(pre, floor)
    ratios = []
    for j in range(len(donors)):
        others = [k for k in range(len(donors)) if k != j]
        target, pool = X[:, j], X[:, others]
        wj = ridge_augment(target[:pre_days], pool[:pre_days], tight_weights(target[:pre_days], pool[:pre_days]), lam)
        g = target - pool @ wj
        pj, qj = rmspe(g[:pre_days]), rmspe(g[pre_days:])
        ratios.append({"donor": donors[j], "pre_rmspe": pj, "post_rmspe": qj, "ratio": qj / max(pj, floor)})
    rank = 1 + sum(1 for r in ratios if r["ratio"] >= ratio)
    py_w, py_cv = pysyncon_augsynth(y, X, pre_days, lam)
    post_gap = gap[pre_days:]
    synth_post = synthetic[pre_days:].sum()
    return {
        "lambda_max": top,
        "lambda_relative": relative,
        "lambda": lam,
        "folds": pre_days - 1,
        "weights": w.tolist(),
        "pysyncon_weights": py_w.tolist(),
        "pysyncon_cv_relative": py_cv,
        "synthetic": synthetic.tolist(),
        "gap": gap.tolist(),
        "pre_rmspe": pre,
        "post_rmspe": post,
        "rmspe_ratio": ratio,
        "lift_cumulative": float(post_gap.sum()),
        "lift_average": float(post_gap.mean()),
        "lift_relative": float(post_gap.sum() / synth_post) if synth_post > 0 else None,
        "placebo": {"ratios": ratios, "rank": rank, "units": len(donors) + 1, "p_value": rank / (len(donors) + 1)},
    }


def rmspe(v):
    return float(np.sqrt(np.mean(v**2))) if len(v) else 0.0


def analyse(name, note, dates, regions, values, treated, pre_days):
    """values: regions x dates."""
    values = np.asarray(values, dtype=float)
    idx = [regions.index(r) for r in treated]
    donors = [r for r in regions if r not in treated]
    didx = [regions.index(r) for r in donors]
    y = values[idx].mean(axis=0)
    X = values[didx].T
    panel = np.vstack([y[None, :], values[didx]])
    floor = max(1e-9 * np.sqrt(np.mean(panel**2)), sys.float_info.min)

    w = tight_weights(y[:pre_days], X[:pre_days])
    pysyncon_w, _ = PenalizedOptimMixin.w_optimize(
        V_mat=np.identity(pre_days), X0=X[:pre_days], X1=y[:pre_days], lambda_=0.0
    )
    synthetic = X @ w
    gap = y - synthetic
    objective = float(np.sum((y[:pre_days] - X[:pre_days] @ w) ** 2))
    pysyncon_objective = float(np.sum((y[:pre_days] - X[:pre_days] @ np.asarray(pysyncon_w)) ** 2))
    pre, post = rmspe(gap[:pre_days]), rmspe(gap[pre_days:])
    ratio = post / max(pre, floor)

    ratios = []
    for j in range(len(donors)):
        others = [k for k in range(len(donors)) if k != j]
        target = X[:, j]
        pool = X[:, others]
        wj = tight_weights(target[:pre_days], pool[:pre_days])
        g = target - pool @ wj
        pj, qj = rmspe(g[:pre_days]), rmspe(g[pre_days:])
        ratios.append({"donor": donors[j], "pre_rmspe": pj, "post_rmspe": qj, "ratio": qj / max(pj, floor)})
    rank = 1 + sum(1 for r in ratios if r["ratio"] >= ratio)
    post_gap = gap[pre_days:]
    synth_post = synthetic[pre_days:].sum()
    level = np.mean(np.abs(y[:pre_days]))
    return {
        "name": name,
        "note": note,
        "dates": dates,
        "regions": regions,
        "values": values.tolist(),
        "treated": treated,
        "launch": dates[pre_days],
        "pre_days": pre_days,
        "donors": donors,
        "weights": w.tolist(),
        "pysyncon_weights": np.asarray(pysyncon_w).tolist(),
        # pysyncon's SLSQP on the raw (unscaled) data can stop early; then its objective is higher.
        "objective": objective,
        "pysyncon_objective": pysyncon_objective,
        "pysyncon_converged": pysyncon_objective <= objective * (1 + 1e-6),
        "synthetic": synthetic.tolist(),
        "gap": gap.tolist(),
        "pre_rmspe": pre,
        "post_rmspe": post,
        "rmspe_ratio": ratio,
        "lift_cumulative": float(post_gap.sum()),
        "lift_average": float(post_gap.mean()),
        "lift_relative": float(post_gap.sum() / synth_post) if synth_post > 0 else None,
        "fit_ratio": pre / level if level > 0 else None,
        "placebo": {"ratios": ratios, "rank": rank, "units": len(donors) + 1, "p_value": rank / (len(donors) + 1)},
        "augmented": augmented(y, X, donors, pre_days, floor),
    }


def california():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "causalpy==0.9.0", "-d", tmp],
            check=True,
        )
        wheel = next(f for f in os.listdir(tmp) if f.endswith(".whl"))
        with zipfile.ZipFile(os.path.join(tmp, wheel)) as z:
            text = z.read("causalpy/data/california_prop99.csv").decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    regions = header[1:]
    dates = [f"{int(r[0])}-01-01" for r in body]
    values = [[float(r[c + 1]) for r in body] for c in range(len(regions))]
    pre_days = dates.index("1989-01-01")
    return analyse(
        "california_prop99",
        "Per-capita cigarette sales (packs), California treated from 1989 (Proposition 99); 38 donor states.",
        dates, regions, values, ["California"], pre_days,
    )


def factor_panel(seed, regions, days, treated, mix, pre_days, lift, weekly, noise):
    """Regions driven by two common factors; treated = mix of donors + noise + lift after launch."""
    rng = np.random.default_rng(seed)
    t = np.arange(days)
    f1 = 0.15 * np.sin(2 * np.pi * t / (52 if weekly else 7)) + 0.002 * t
    f2 = np.cumsum(rng.normal(0, 0.01, days))
    names = [f"Region {k + 1:02d}" for k in range(regions)]
    level = rng.uniform(200, 800, regions)
    load1 = rng.uniform(0.5, 1.5, regions)
    load2 = rng.uniform(-1, 1, regions)
    values = level[:, None] * (1 + load1[:, None] * f1 + load2[:, None] * f2) + rng.normal(0, noise, (regions, days))
    # Treated regions follow a fixed mix of donors (so a good fit exists), plus their own noise.
    donors = list(range(len(treated), regions))
    for k in range(len(treated)):
        weights = np.zeros(len(donors))
        for d, m in mix:
            weights[d] = m
        values[k] = weights @ values[donors] + rng.normal(0, noise, days)
        values[k, pre_days:] *= 1 + lift
    values = np.round(values, 2)
    start = dt.date(2024, 1, 1)
    step = 7 if weekly else 1
    dates = [(start + dt.timedelta(days=step * i)).isoformat() for i in range(days)]
    return names, dates, values


def synthetic_cases():
    cases = []
    names, dates, values = factor_panel(7, 21, 120, [0], [(2, 0.5), (7, 0.3), (12, 0.2)], 90, 0.08, False, 4.0)
    cases.append(analyse("daily_one_treated_lift_8pct", "20 donors, 120 days, +8% from day 90 (seed 7).",
                         dates, names, values, [names[0]], 90))
    names, dates, values = factor_panel(11, 33, 104, [0, 1, 2], [(0, 0.6), (4, 0.4)], 78, 0.15, True, 6.0)
    cases.append(analyse("weekly_three_treated_lift_15pct", "3 treated averaged, 30 donors, 104 weeks, +15% from week 78 (seed 11).",
                         dates, names, values, names[:3], 78))
    names, dates, values = factor_panel(23, 13, 60, [0], [(1, 0.7), (5, 0.3)], 45, 0.0, False, 5.0)
    cases.append(analyse("daily_no_lift", "12 donors, 60 days, no lift (seed 23).",
                         dates, names, values, [names[0]], 45))
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    meta = {
        "generated_by": "scripts/reference/make_synth_fixtures.py",
        "numpy": np.__version__,
        "scipy": scipy.__version__,
    }
    for case in [california(), *synthetic_cases()]:
        path = os.path.join(OUT, f"{case['name']}.json")
        with open(path, "w") as f:
            json.dump({**meta, **case}, f, indent=1)
        diff = np.max(np.abs(np.array(case["weights"]) - np.array(case["pysyncon_weights"])))
        print(f"{case['name']}: p = {case['placebo']['p_value']:.4f}, pre RMSPE {case['pre_rmspe']:.4f}, "
              f"lift {case['lift_cumulative']:.3f}, max |w - pysyncon w| = {diff:.2e}, "
              f"pysyncon converged: {case['pysyncon_converged']}")
        aug = case["augmented"]
        adiff = np.max(np.abs(np.array(aug["weights"]) - np.array(aug["pysyncon_weights"])))
        print(f"  augmented: lambda/lambda_max {aug['lambda_relative']:.3e} (pysyncon CV {aug['pysyncon_cv_relative']:.3e}), "
              f"pre RMSPE {aug['pre_rmspe']:.4f} (SC {case['pre_rmspe']:.4f}), p = {aug['placebo']['p_value']:.4f}, "
              f"max |w - pysyncon AugSynth w| = {adiff:.2e}")


if __name__ == "__main__":
    main()
