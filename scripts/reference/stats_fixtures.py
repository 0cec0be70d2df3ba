#!/usr/bin/env python3
"""Reference fixtures for the Rust statistics engine (src/domain/stats/).

Writes JSON files into tests/fixtures/stats/ holding inputs and expected outputs computed
with scipy and statsmodels (the reference tools), cross-checked with mpmath at 40-50 digits.
Where the reference tool is itself imprecise or wrong, the expected value comes from mpmath
(or a tight root-find on the tool's own power function) and the case records the tool's
value next to it. Found while writing this (scipy 1.17.1, statsmodels 0.15.0):
  - scipy t.isf(1e-300, 3) returns -inf (truth 1.0331e100);
  - scipy binom.sf is off by 3.4e-12 relative at n = 1e9, fisher_exact by 3e-11 at
    2 x 100,000 visitors, hypergeom.logpmf by 4e-9 absolute at N = 2e6;
  - scipy nct.cdf returns NaN far in the lower tail (e.g. nct.cdf(-2.58, 1000, 10)), which
    makes statsmodels' TTestIndPower.power NaN; the power here treats that term as 0;
  - scipy fisher_exact uses a relative tolerance of 1e-14 for "as likely as observed"; R and
    the app use 1e-7 (the fixtures use R's rule, computed with mpmath);
  - statsmodels' solve_power stops at ~1e-8 relative for nobs and ~6e-5 for effect_size;
  - statsmodels' Jeffreys interval has no boundary fix (0 of 1 gives [0.00039, 0.85]).

The mpmath helpers live in scripts/reference/mp_reference.py.

How to run (from the repository root, about 3 minutes):
    pip install scipy statsmodels numpy mpmath
    python3 scripts/reference/stats_fixtures.py

Versions used to generate the committed fixtures:
    Python 3.11.7, numpy 2.4.6, scipy 1.17.1, statsmodels 0.15.0, mpmath 1.3.0

Conventions (as in the Rust code): arm A = control, arm B = treatment, differences are
B - A, "greater" means B > A. The Rust tests read these files with include_str! and
compare to 1e-9 relative (exact integers for sample sizes).
"""

import json
import math
import os
import sys
from fractions import Fraction

import mpmath as mp
import numpy as np
import scipy
import statsmodels
from scipy import optimize, stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower, TTestIndPower
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mp_reference import (  # noqa: E402
    mp_binom_tails,
    mp_fisher,
    mp_hyper_logpmf,
    mp_prob_b_greater,
    mp_proportion_interval,
    mp_tisf,
    mp_tsf,
)
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    power_proportions_2indep,
    proportion_confint,
    proportion_effectsize,
    proportions_ztest,
    samplesize_proportions_2indep_onetail,
)

mp.mp.dps = 50
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "fixtures", "stats")
ALT = {"two-sided": "two-sided", "greater": "larger", "less": "smaller"}


def f(x):
    """JSON-safe float (None for inf/nan)."""
    x = float(x)
    return x if math.isfinite(x) else None


def rel(a, b):
    a, b = mp.mpf(a), mp.mpf(b)
    if a == b:
        return 0.0
    return float(abs(a - b) / max(abs(a), abs(b)))


def meta(description):
    return {
        "description": description,
        "generator": "scripts/reference/stats_fixtures.py",
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "statsmodels": statsmodels.__version__,
        "mpmath": mp.__version__,
    }


def write(name, description, cases):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, "w") as fh:
        json.dump({"meta": meta(description), "cases": cases}, fh, indent=1)
        fh.write("\n")
    print("wrote", path, {k: len(v) for k, v in cases.items()})


# ---------------------------------------------------------------- distributions
def distributions():
    cases = {"normal_sf": [], "normal_isf": [], "t_sf": [], "t_isf": [], "chi2_sf": [],
             "beta_quantile": [], "binom_tails": [], "binom_logpmf": [], "hyper_logpmf": []}
    for z in [-8.0, -1.0, 0.0, 0.5, 1.0, 1.959963984540054, 3.0, 5.0, 10.0, 20.0, 30.0, 37.0, 37.5]:
        ref = mp.erfc(mp.mpf(z) / mp.sqrt(2)) / 2
        cases["normal_sf"].append({"z": z, "sf": f(ref), "scipy": f(stats.norm.sf(z))})
    for p in [1e-300, 1e-100, 1e-20, 1e-5, 0.001, 0.025, 0.05, 0.3, 0.5, 0.7, 0.975, 0.999999]:
        ref = mp.sqrt(2) * mp.erfinv(1 - 2 * mp.mpf(p)) if p > 1e-15 else mp.findroot(
            lambda z: mp.log(mp.erfc(z / mp.sqrt(2)) / 2) - mp.log(p), stats.norm.isf(p))
        cases["normal_isf"].append({"p": p, "isf": f(ref), "scipy": f(stats.norm.isf(p))})
    t_grid = [(2.0, 10.0), (0.3, 10.0), (-2.0, 5.0), (40.0, 3.0), (1e6, 1.0), (3.5, 1.0), (2.0, 2.5),
              (1.0, 0.5), (4.0, 30.0), (12.0, 50.0), (2.0, 1e3), (6.0, 1e4), (2.0, 1e6), (1.0, 1e7),
              (2.2, 3e7), (1.0, 1e9), (37.0, 1e9), (5.0, 1e12), (0.1, 1e12), (30.0, 2e9), (0.0, 7.0)]
    for t, df in t_grid:
        ref = mp_tsf(t, df)
        cases["t_sf"].append({"t": t, "df": df, "sf": f(ref), "scipy": f(stats.t.sf(t, df)),
                              "scipy_rel_err": rel(stats.t.sf(t, df), ref)})
    for p, df in [(0.025, 10.0), (0.025, 1.0), (0.025, 2.0), (0.005, 3.0), (0.4, 5.0), (0.025, 1e3),
                  (0.025, 1e5), (0.025, 1e7), (0.025, 3e7), (0.025, 1e9), (1e-300, 3.0), (1e-300, 1e9),
                  (0.4, 1e12), (1e-10, 1.5), (0.3, 0.5), (0.975, 20.0), (1e-8, 8.108472876351545)]:
        sc = stats.t.isf(p, df)
        guess = sc if math.isfinite(sc) else (1.0 / p) ** (1.0 / df)
        ref = mp_tisf(p, df, guess)
        src = "scipy" if math.isfinite(sc) and rel(sc, ref) < 1e-12 else "mpmath"
        cases["t_isf"].append({"p": p, "df": df, "isf": f(ref), "scipy": f(sc), "source": src})
    for x, df in [(3.84, 1.0), (0.01, 1.0), (1400.0, 3.0), (10.0, 5.0), (1e5, 7.0), (50.0, 40.0),
                  (2.0, 2.0), (1300.0, 1.0), (0.5, 9.0), (150.0, 100.0), (700.0, 4.0)]:
        ref = mp.gammainc(mp.mpf(df) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)
        cases["chi2_sf"].append({"x": x, "df": df, "sf": f(ref), "scipy": f(stats.chi2.sf(x, df))})
    for p, a, b, upper in [(0.025, 1.0, 1e9, True), (0.025, 5.0, 96.0, False), (0.025, 6.0, 95.0, True),
                           (0.025, 0.5, 100.5, False), (0.025, 100.5, 0.5, True), (0.005, 1.0, 1.0, False),
                           (0.1, 2.5, 3.5, True), (1e-10, 3.0, 1e6, False), (0.025, 5e8, 5e8 + 1, False),
                           (0.025, 1.0, 1.0, True)]:
        sc = stats.beta.isf(p, a, b) if upper else stats.beta.ppf(p, a, b)
        cases["beta_quantile"].append({"p": p, "a": a, "b": b, "upper": upper, "x": f(sc)})
    for k, n, p in [(5, 18, 0.4), (5, 17, 0.4), (0, 10, 0.3), (11, 10, 0.3), (1, 1, 0.5), (10, 10, 0.3),
                    (500_000_000, 1_000_000_000, 0.5), (500_100_000, 1_000_000_000, 0.5),
                    (1, 1_000_000_000, 1e-12), (900, 1000, 0.3), (3, 1000, 0.3), (30_000, 1_000_000, 0.01),
                    (9_990_000, 1_000_000_000, 0.01), (150, 200, 0.25)]:
        at_least = stats.binom.sf(k - 1, n, p) if k > 0 else 1.0
        at_most = stats.binom.cdf(k, n, p)
        mp_least, mp_most = mp_binom_tails(k, n, p)[0], mp_binom_tails(k + 1, n, p)[1]
        cases["binom_tails"].append({"k": k, "n": n, "p": p, "at_least": f(mp_least), "at_most": f(mp_most),
                                     "scipy_at_least": f(at_least), "scipy_at_most": f(at_most),
                                     "scipy_rel_err": max(rel(at_least, mp_least), rel(at_most, mp_most)), "source": "mpmath"})
    for k, n, p in [(5, 18, 0.4), (0, 1_000_000_000, 1e-9), (500_000_000, 1_000_000_000, 0.5), (3, 3, 0.9),
                    (0, 5, 0.0), (7, 100, 0.05)]:
        ref = mp.log(mp.binomial(n, k)) + k * mp.log(p) + (n - k) * mp.log1p(-mp.mpf(p)) if 0 < p < 1 else (
            mp.mpf(0) if (k == 0 and p == 0) else mp.mpf("-inf"))
        cases["binom_logpmf"].append({"k": k, "n": n, "p": p, "logpmf": f(ref)})
    for k, N, K, n in [(120, 4800, 2400, 270), (0, 50, 10, 5), (5, 50, 10, 5), (3, 20, 7, 12),
                       (50_000, 2_000_000, 1_000_000, 100_000)]:
        ref = mp_hyper_logpmf(k, N, K, n)
        cases["hyper_logpmf"].append({"k": k, "population": N, "successes": K, "draws": n, "logpmf": f(ref),
                                      "scipy": f(stats.hypergeom.logpmf(k, N, K, n))})
    write("distributions.json", "normal, Student t, chi-square, beta, binomial and hypergeometric", cases)


# ---------------------------------------------------------------- proportions
def proportions():
    cases = {"ztest": [], "chi2": [], "fisher": []}
    arms = [(120, 2400, 150, 2400), (10, 100, 20, 100), (0, 50, 5, 50), (50, 50, 45, 50), (1, 1, 0, 1),
            (1, 2, 2, 2), (30_000, 1_000_000, 31_000, 1_000_000), (5_000_000, 100_000_000, 5_200_000, 100_000_000),
            (100, 10_000, 400, 10_000), (3, 1_000_000_000, 9, 1_000_000_000), (200, 1000, 200, 1000),
            (40_000, 100_000, 50_000, 100_000)]
    for xa, na, xb, nb in arms:
        for alt in ["two-sided", "greater", "less"]:
            z, p = proportions_ztest([xb, xa], [nb, na], alternative=ALT[alt])
            cases["ztest"].append({"xa": xa, "na": na, "xb": xb, "nb": nb, "alternative": alt, "z": f(z), "p": f(p)})
    tables = [([[120, 2280], [150, 2250]], True), ([[120, 2280], [150, 2250]], False), ([[10, 90], [20, 80]], True),
              ([[1, 9], [2, 8]], True), ([[0, 5], [3, 2]], True), ([[12, 5, 7], [5, 9, 11]], True),
              ([[30, 20, 10, 5], [25, 25, 10, 9], [10, 30, 30, 20]], True),
              ([[40_000, 60_000], [50_000, 50_000]], True), ([[3, 997], [3, 997]], True),
              ([[5_000_000, 95_000_000], [5_200_000, 94_800_000]], False), ([[100, 0], [50, 50]], True)]
    for table, yates in tables:
        chi2, p, dof, expected = stats.chi2_contingency(np.array(table), correction=yates)
        cases["chi2"].append({"table": table, "yates": yates, "statistic": f(chi2), "p": f(p), "df": int(dof),
                              "expected": [[f(v) for v in row] for row in expected]})
    fisher_arms = [(120, 2400, 150, 2400), (2, 10, 7, 10), (0, 20, 6, 20), (5, 5, 0, 5), (3, 10, 7, 10),
                   (1, 12, 1, 12), (0, 3, 0, 3), (15, 40, 4, 35), (300, 700, 150, 700), (0, 900, 400, 900),
                   (10, 1000, 25, 1000), (2500, 100_000, 2700, 100_000), (1, 1, 0, 1), (0, 1000, 1000, 1000)]
    for xa, na, xb, nb in fisher_arms:
        for alt in ["two-sided", "greater", "less"]:
            table = [[xb, nb - xb], [xa, na - xa]]
            res = stats.fisher_exact(table, alternative=alt)
            ref = mp_fisher(xa, na, xb, nb, alt)
            entry = {"xa": xa, "na": na, "xb": xb, "nb": nb, "alternative": alt, "p": f(ref), "scipy": f(res.pvalue),
                     "scipy_rel_err": rel(ref, res.pvalue), "source": "mpmath 40 digits, R rule 1e-7"}
            cases["fisher"].append(entry)
    # Empty row (an arm without visitors) or empty column (nobody / everybody converted):
    # scipy returns p = 1 for every alternative; the app adds a note that there is no information.
    cases["fisher_empty"] = []
    for xa, na, xb, nb, note in [(0, 0, 3, 10, "ArmWithoutVisitors"), (4, 9, 0, 0, "ArmWithoutVisitors"),
                                 (0, 0, 0, 0, "ArmWithoutVisitors"), (0, 40, 0, 40, "NoConversions"),
                                 (0, 5, 0, 1_000_000, "NoConversions"), (7, 7, 12, 12, "AllConverted")]:
        for alt in ["two-sided", "greater", "less"]:
            res = stats.fisher_exact([[xb, nb - xb], [xa, na - xa]], alternative=alt)
            cases["fisher_empty"].append({"xa": xa, "na": na, "xb": xb, "nb": nb, "alternative": alt,
                                          "p": f(res.pvalue), "note": note})
    write("proportions.json", "two-proportion z-test, chi-square independence, Fisher exact", cases)


# ---------------------------------------------------------------- intervals
def intervals():
    cases = {"one": [], "diff": [], "lift": []}
    methods = {"wilson": "wilson", "agresti_coull": "agresti_coull", "beta": "clopper_pearson",
               "jeffreys": "jeffreys", "normal": "wald"}
    for x, n in [(0, 1), (1, 1), (0, 10), (10, 10), (5, 100), (1, 1_000_000_000), (999, 1000),
                 (500_000_000, 1_000_000_000), (37, 250), (0, 1_000_000), (2, 3)]:
        for alpha in [0.05, 0.01, 0.2, 1e-10]:
            for sm, ours in methods.items():
                lo, up = proportion_confint(x, n, alpha=alpha, method=sm)
                entry = {"x": x, "n": n, "alpha": alpha, "method": ours, "lower": f(lo), "upper": f(up),
                         "source": "statsmodels"}
                if sm in ("beta", "jeffreys"):
                    ref = mp_proportion_interval(x, n, alpha, sm, lo, up)
                    if ref is not None:
                        # statsmodels has no Jeffreys boundary fix; compare the beta quantiles only
                        lo_ref = ref[0] if not (sm == "jeffreys" and x == 0) else lo
                        up_ref = ref[1] if not (sm == "jeffreys" and x == n) else up
                        entry.update({"lower": f(lo_ref), "upper": f(up_ref), "statsmodels": [f(lo), f(up)],
                                      "source": "mpmath 40 digits",
                                      "statsmodels_rel_err": max(rel(lo, lo_ref) if lo_ref else 0, rel(up, up_ref))})
                cases["one"].append(entry)
    for xa, na, xb, nb in [(120, 2400, 150, 2400), (0, 50, 5, 50), (50, 50, 45, 50), (1, 1, 0, 1),
                           (30_000, 1_000_000, 31_000, 1_000_000), (3, 1_000_000_000, 9, 1_000_000_000),
                           (0, 10, 0, 12), (7, 7, 7, 7)]:
        for alpha in [0.05, 0.1]:
            for sm, ours in [("newcomb", "newcombe"), ("wald", "wald"), ("agresti-caffo", "agresti_caffo")]:
                lo, up = confint_proportions_2indep(xb, nb, xa, na, method=sm, compare="diff", alpha=alpha)
                cases["diff"].append({"xa": xa, "na": na, "xb": xb, "nb": nb, "alpha": alpha, "method": ours,
                                      "lower": f(lo), "upper": f(up)})
    for xa, na, xb, nb in [(120, 2400, 150, 2400), (1, 50, 5, 50), (30_000, 1_000_000, 31_000, 1_000_000),
                           (50, 50, 45, 50), (10, 100, 0, 100)]:
        for alpha in [0.05, 0.01]:
            pa, pb = mp.mpf(xa) / na, mp.mpf(xb) / nb
            lift = pb / pa - 1
            var = pb * (1 - pb) / (nb * pa ** 2) + pb ** 2 * pa * (1 - pa) / (na * pa ** 4)
            z = mp.sqrt(2) * mp.erfinv(1 - mp.mpf(alpha))
            se = mp.sqrt(var)
            cases["lift"].append({"xa": xa, "na": na, "xb": xb, "nb": nb, "alpha": alpha, "lift": f(lift),
                                  "se": f(se), "lower": f(lift - z * se), "upper": f(lift + z * se)})
    write("intervals.json", "proportion intervals (statsmodels), difference intervals, delta-method lift", cases)


# ---------------------------------------------------------------- means
def means():
    cases = {"summary": [], "samples": [], "student_summary": [], "student_samples": []}
    summ = [((10.0, 3.0, 50), (11.0, 4.0, 60)), ((0.0, 1.0, 2), (5.0, 1.0, 2)), ((100.0, 0.0, 10), (101.0, 2.0, 12)),
            ((2.5, 10.0, 1_000_000_000), (2.5004, 10.0, 1_000_000_000)), ((3.1, 25.0, 1000), (2.2, 19.0, 900)),
            ((0.0, 1.0, 1_000_000), (0.05, 1.0, 1_000_000)), ((5.0, 1.0, 30), (50.0, 1.0, 30)),
            ((1.0, 1e-6, 5), (1.0 + 2e-7, 1e-6, 5))]
    for (ma, sa, na), (mb, sb, nb) in summ:
        for alt in ["two-sided", "greater", "less"]:
            r = stats.ttest_ind_from_stats(mb, sb, nb, ma, sa, na, equal_var=False, alternative=alt)
            va, vb = sa ** 2 / na, sb ** 2 / nb
            df = (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1))
            se = math.sqrt(va + vb)
            entry = {"a": [ma, sa, na], "b": [mb, sb, nb], "alternative": alt, "t": f(r.statistic), "p": f(r.pvalue),
                     "df": f(df), "se": f(se)}
            for alpha in [0.05, 0.01]:
                c = stats.t.isf(alpha / 2, df)
                entry["ci_%g" % alpha] = [f((mb - ma) - c * se), f((mb - ma) + c * se)]
            cases["summary"].append(entry)
            # Student's pooled-variance test on the same summaries (scipy equal_var=True).
            r = stats.ttest_ind_from_stats(mb, sb, nb, ma, sa, na, equal_var=True, alternative=alt)
            df_s = na + nb - 2
            se_s = math.sqrt(((na - 1) * sa ** 2 + (nb - 1) * sb ** 2) / df_s * (1 / na + 1 / nb))
            entry = {"a": [ma, sa, na], "b": [mb, sb, nb], "alternative": alt, "t": f(r.statistic), "p": f(r.pvalue),
                     "df": f(df_s), "se": f(se_s)}
            for alpha in [0.05, 0.01]:
                c = stats.t.isf(alpha / 2, df_s)
                entry["ci_%g" % alpha] = [f((mb - ma) - c * se_s), f((mb - ma) + c * se_s)]
            cases["student_summary"].append(entry)
    rng = np.random.default_rng(20240601)
    samples = [(rng.normal(10, 3, 25), rng.normal(11, 4, 30)), (rng.lognormal(2, 1.2, 200), rng.lognormal(2.1, 1.2, 180)),
               (np.array([1.0, 2, 3, 4, 9]), np.array([2.0, 5, 6, 7, 8, 10])), (np.array([0.0, 0.0, 0.0, 1.0]), np.array([0.0, 5.0]))]
    for a, b in samples:
        r = stats.ttest_ind(b, a, equal_var=False)
        ci = r.confidence_interval(0.95)
        cases["samples"].append({"a": [float(v) for v in a], "b": [float(v) for v in b], "t": f(r.statistic),
                                 "p": f(r.pvalue), "df": f(r.df), "ci": [f(ci.low), f(ci.high)]})
        r = stats.ttest_ind(b, a, equal_var=True)
        ci = r.confidence_interval(0.95)
        cases["student_samples"].append({"a": [float(v) for v in a], "b": [float(v) for v in b], "t": f(r.statistic),
                                         "p": f(r.pvalue), "df": f(r.df), "ci": [f(ci.low), f(ci.high)]})
    write("means.json", "Welch and Student t-tests from summaries (scipy ttest_ind_from_stats, equal_var False/True) "
          "and samples (ttest_ind)", cases)


# ---------------------------------------------------------------- corrections and SRM
def corrections_srm():
    cases = {"corrections": []}
    rng = np.random.default_rng(7)
    lists = [[0.01, 0.04, 0.03, 0.005], [0.2], [0.001, 0.001, 0.5, 0.049, 0.02, 0.9], [1e-300, 1e-10, 0.04, 1.0],
             list(rng.uniform(0, 0.1, 12)), [0.05, 0.05, 0.05], [0.0, 0.5]]
    for ps in lists:
        for alpha in [0.05, 0.1]:
            entry = {"p": [float(p) for p in ps], "alpha": alpha}
            for m in ["holm", "fdr_bh", "bonferroni"]:
                rej, adj, _, _ = multipletests(ps, alpha=alpha, method=m)
                entry[m] = {"adjusted": [f(v) for v in adj], "reject": [bool(v) for v in rej]}
            cases["corrections"].append(entry)
    write("corrections.json", "statsmodels multipletests holm, fdr_bh, bonferroni", cases)
    srm = {"srm": []}
    for obs, w in [([5000, 5000], [1, 1]), ([5100, 4900], [50, 50]), ([50_600, 49_400], [1, 1]),
                   ([1000, 1000, 2100], [1, 1, 2]), ([1, 0], [1, 1]), ([1_000_000, 1_010_000], [1, 1]),
                   ([10_000_000, 9_000_000], [1, 1]), ([300, 700], [0.3, 0.7]), ([821, 1209, 1970], [0.2, 0.3, 0.5])]:
        total = sum(obs)
        exp = [total * wi / sum(w) for wi in w]
        chi2, p = stats.chisquare(obs, exp)
        ref = mp.gammainc(mp.mpf(len(obs) - 1) / 2, mp.mpf(chi2) / 2, mp.inf, regularized=True)
        srm["srm"].append({"observed": obs, "weights": [float(x) for x in w], "chi2": f(chi2), "p": f(ref),
                           "scipy": f(p), "mismatch": bool(ref < 0.001)})
    write("srm.json", "sample ratio mismatch: scipy.stats.chisquare against planned weights", srm)


# ---------------------------------------------------------------- power
def tight_root(fun, lo, hi):
    return optimize.brentq(fun, lo, hi, xtol=1e-300, rtol=4 * np.finfo(float).eps, maxiter=500)


def power():
    cases = {"prop_size": [], "prop_power": [], "prop_mde": [], "mean_size": [], "mean_power": [], "mean_mde": []}
    nip = NormalIndPower()
    grid = [(0.05, 0.06, 0.05, 0.8, 1.0), (0.10, 0.12, 0.05, 0.9, 1.0), (0.02, 0.025, 0.01, 0.8, 2.0),
            (0.30, 0.25, 0.05, 0.8, 0.5), (0.5, 0.55, 0.1, 0.95, 1.0), (0.001, 0.0012, 0.05, 0.8, 1.0),
            (0.9, 0.95, 0.05, 0.8, 3.0)]
    for pa, pb, alpha, pw, r in grid:
        h = proportion_effectsize(pb, pa)
        for alt in ["two-sided", "greater", "less"]:
            if (alt == "greater" and pb < pa) or (alt == "less" and pb > pa):
                continue
            sm_alt = ALT[alt]
            fn = lambda n: nip.power(effect_size=h, nobs1=n, alpha=alpha, ratio=r, alternative=sm_alt) - pw
            exact = tight_root(fn, 1e-6, 1e12)
            solve = nip.solve_power(effect_size=h, nobs1=None, alpha=alpha, power=pw, ratio=r, alternative=sm_alt)
            # Fleiss: statsmodels sample 1 = A (diff = pA - pB, prop2 = pB, ratio = nB/nA)
            fl = samplesize_proportions_2indep_onetail(pa - pb, pb, pw, ratio=r, alpha=alpha, alternative=sm_alt)
            fl = abs(float(fl))
            unp = _unpooled_size(pa, pb, pw, r, alpha, alt)
            cases["prop_size"].append({"baseline": pa, "target": pb, "alpha": alpha, "power": pw, "ratio": r,
                                       "alternative": alt, "cohens_h": f(h),
                                       "cohen_exact": f(exact), "cohen_n_a": math.ceil(exact),
                                       "cohen_n_b": math.ceil(exact * r), "statsmodels_solve_power": f(solve),
                                       "fleiss_exact": f(fl), "fleiss_n_a": math.ceil(fl), "fleiss_n_b": math.ceil(fl * r),
                                       "unpooled_exact": f(unp), "unpooled_n_a": math.ceil(unp)})
            for n in [100.0, 1234.5, 50_000.0]:
                cp = nip.power(effect_size=h, nobs1=n, alpha=alpha, ratio=r, alternative=sm_alt)
                fp = power_proportions_2indep(pa - pb, pb, n, ratio=r, alpha=alpha, alternative="two-sided"
                                              if alt == "two-sided" else ("smaller" if alt == "greater" else "larger"))
                cases["prop_power"].append({"baseline": pa, "target": pb, "n_a": n, "ratio": r, "alpha": alpha,
                                            "alternative": alt, "cohen": f(cp), "fleiss": f(fp.power)})
    for pa, n, r, alpha, pw in [(0.05, 10_000.0, 1.0, 0.05, 0.8), (0.02, 50_000.0, 2.0, 0.05, 0.9),
                                (0.3, 500.0, 1.0, 0.1, 0.8), (0.001, 1_000_000.0, 1.0, 0.05, 0.8)]:
        for alt in ["two-sided", "greater", "less"]:
            sm_alt = ALT[alt]
            fn = lambda e: nip.power(effect_size=e, nobs1=n, alpha=alpha, ratio=r, alternative=sm_alt) - pw
            hh = tight_root(fn, 1e-9, 10.0) if alt != "less" else -tight_root(lambda e: fn(-e), 1e-9, 10.0)
            phi = math.asin(math.sqrt(pa)) + hh / 2
            target = math.sin(phi) ** 2
            solve = nip.solve_power(effect_size=None, nobs1=n, alpha=alpha, power=pw, ratio=r, alternative=sm_alt)
            sgn = -1 if alt == "less" else 1
            g = lambda pb: abs(float(samplesize_proportions_2indep_onetail(pa - pb, pb, pw, ratio=r, alpha=alpha,
                                                                            alternative=sm_alt))) - n
            fl = tight_root(g, pa + 1e-12, 1 - 1e-12) if sgn > 0 else tight_root(g, 1e-12, pa - 1e-12)
            cases["prop_mde"].append({"baseline": pa, "n_a": n, "ratio": r, "alpha": alpha, "power": pw,
                                      "alternative": alt, "cohen_h": f(hh), "cohen_target": f(target),
                                      "statsmodels_solve_power": f(solve), "fleiss_target": f(fl)})
    for d, sd, alpha, pw, r in [(1.0, 5.0, 0.05, 0.8, 1.0), (0.5, 2.0, 0.01, 0.9, 2.0), (2.0, 1.0, 0.05, 0.8, 1.0),
                                (-0.3, 4.0, 0.05, 0.8, 1.0), (0.02, 1.0, 0.05, 0.8, 1.0)]:
        es = d / sd
        for alt in ["two-sided", "greater", "less"]:
            if (alt == "greater" and d < 0) or (alt == "less" and d > 0):
                continue
            sm_alt = ALT[alt]
            fz = lambda n: nip.power(effect_size=es, nobs1=n, alpha=alpha, ratio=r, alternative=sm_alt) - pw
            ft = lambda n: tt_power(es, n, alpha, r, sm_alt) - pw
            nz = tight_root(fz, 1e-6, 1e12)
            nt = tight_root(ft, 3.0 / (1 + r), 4 * nz + 20)  # scipy nct gives NaN for huge noncentrality
            cases["mean_size"].append({"delta": d, "sd": sd, "alpha": alpha, "power": pw, "ratio": r, "alternative": alt,
                                       "normal_exact": f(nz), "normal_n_a": math.ceil(nz), "ttest_exact": f(nt),
                                       "ttest_n_a": math.ceil(nt), "ttest_n_b": math.ceil(nt * r)})
            for n in [5.0, 40.0, 2000.0]:
                cases["mean_power"].append({"delta": d, "sd": sd, "n_a": n, "ratio": r, "alpha": alpha, "alternative": alt,
                                            "normal": f(nip.power(effect_size=es, nobs1=n, alpha=alpha, ratio=r, alternative=sm_alt)),
                                            "ttest": f(tt_power(es, n, alpha, r, sm_alt))})
    for sd, n, r, alpha, pw in [(5.0, 400.0, 1.0, 0.05, 0.8), (1.0, 10.0, 1.0, 0.05, 0.8), (20.0, 100_000.0, 2.0, 0.05, 0.9)]:
        for alt in ["two-sided", "greater", "less"]:
            sm_alt = ALT[alt]
            sg = -1.0 if alt == "less" else 1.0
            fz = lambda e: nip.power(effect_size=sg * e, nobs1=n, alpha=alpha, ratio=r, alternative=sm_alt) - pw
            ft = lambda e: tt_power(sg * e, n, alpha, r, sm_alt) - pw
            cases["mean_mde"].append({"sd": sd, "n_a": n, "ratio": r, "alpha": alpha, "power": pw, "alternative": alt,
                                      "normal_d": f(sg * tight_root(fz, 1e-9, 50.0)), "ttest_d": f(sg * tight_root(ft, 1e-9, 50.0))})
    write("power.json", "NormalIndPower / TTestIndPower (tight brentq on statsmodels power), Fleiss one-tail", cases)


def tt_power(es, n1, alpha, r, sm_alt):
    """statsmodels TTestIndPower.power, except that scipy 1.17's nct.cdf returns NaN far in
    the lower tail (e.g. nct.cdf(-2.58, 1000, 10)); that term is then < 1e-20 and taken as 0."""
    n2 = n1 * r
    nobs = 1.0 / (1.0 / n1 + 1.0 / n2)
    df = n1 + n2 - 2
    nc = es * math.sqrt(nobs)
    a_ = alpha / 2 if sm_alt == "two-sided" else alpha
    pw = 0.0
    if sm_alt in ("two-sided", "larger"):
        v = stats.nct.sf(stats.t.isf(a_, df), df, nc)
        pw += 0.0 if math.isnan(v) else v
    if sm_alt in ("two-sided", "smaller"):
        v = stats.nct.cdf(stats.t.ppf(a_, df), df, nc)
        pw += 0.0 if math.isnan(v) else v
    ref = tip.power(effect_size=es, nobs1=n1, alpha=alpha, ratio=r, alternative=sm_alt)
    assert math.isnan(ref) or abs(ref - pw) < 1e-12, (ref, pw)
    return pw


tip = TTestIndPower()


def _unpooled_size(pa, pb, pw, r, alpha, alt):
    a = alpha / 2 if alt == "two-sided" else alpha
    sd_alt = math.sqrt(pa * (1 - pa) + pb * (1 - pb) / r)
    from statsmodels.stats.power import normal_sample_size_one_tail
    return float(normal_sample_size_one_tail(pb - pa, pw, a, std_null=sd_alt, std_alternative=sd_alt))


# ---------------------------------------------------------------- bayes, sequential, seeding
def bayes():
    cases = {"bayes": []}
    for xa, na, xb, nb, pa, pb in [(120, 2400, 150, 2400, 1.0, 1.0), (10, 100, 20, 100, 1.0, 1.0), (0, 20, 3, 20, 1.0, 1.0),
                                   (50, 50, 45, 50, 1.0, 1.0), (5, 10, 5, 10, 1.0, 1.0), (120, 2400, 150, 2400, 0.5, 0.5),
                                   (3, 40, 9, 35, 2.0, 8.0), (200, 1000, 260, 1000, 1.0, 1.0), (0, 1, 1, 1, 1.0, 1.0)]:
        A = (pa + xa, pb + na - xa)
        B = (pa + xb, pb + nb - xb)
        b_wins = mp_prob_b_greater(A[0], A[1], B[0], B[1])
        a_wins = mp_prob_b_greater(B[0], B[1], A[0], A[1])
        mean_a, mean_b = mp.mpf(A[0]) / sum(A), mp.mpf(B[0]) / sum(B)
        loss_b = mean_a * mp_prob_b_greater(B[0], B[1], A[0] + 1, A[1]) - mean_b * mp_prob_b_greater(B[0] + 1, B[1], A[0], A[1])
        loss_a = mean_b * mp_prob_b_greater(A[0], A[1], B[0] + 1, B[1]) - mean_a * mp_prob_b_greater(A[0] + 1, A[1], B[0], B[1])
        cases["bayes"].append({"xa": xa, "na": na, "xb": xb, "nb": nb, "prior": [pa, pb], "prob_b_beats_a": f(b_wins),
                               "prob_a_beats_b": f(a_wins), "loss_choosing_b": f(loss_b), "loss_choosing_a": f(loss_a)})
    write("bayes.json", "beta-binomial chance to win and expected loss (mpmath: exact sum or 50-digit quadrature)", cases)


def sequential():
    cases = {"halfwidth": []}
    for s2, n, alpha, tune in [(1.0, 100, 0.05, 5000), (0.25, 10_000, 0.05, 5000), (4.0, 1_000_000, 0.01, 5000),
                               (1.0, 5000, 0.05, 5000), (2.0, 20, 0.1, 100), (0.09, 250_000, 0.05, 100_000)]:
        a, n, s2, tune = mp.mpf(alpha), mp.mpf(n), mp.mpf(s2), mp.mpf(tune)
        rho = mp.sqrt((-2 * mp.log(a) + mp.log(-2 * mp.log(a) + 1)) / tune)
        hw = mp.sqrt(s2) * mp.sqrt(2 * (n * rho ** 2 + 1) / (n ** 2 * rho ** 2) * mp.log(mp.sqrt(n * rho ** 2 + 1) / a))
        cases["halfwidth"].append({"s2": f(s2), "n": f(n), "alpha": alpha, "tuning": f(tune), "rho": f(rho), "halfwidth": f(hw)})
    # Normal mSPRT (Johari et al. 2017) by hand at 50 digits: cumulative conversion looks
    # (xa, na, xb, nb), mixing sd tau; V = pa(1-pa)/na + pb(1-pb)/nb,
    # ln Lambda = ln sqrt(V/(V+tau^2)) + tau^2 d^2 / (2 V (V+tau^2)), p_n = min(p_{n-1}, 1/Lambda).
    cases["msprt"] = []
    series = [
        ([(10, 200, 14, 200), (22, 400, 31, 400), (35, 600, 52, 600), (47, 800, 75, 800)], 0.01),
        ([(50, 1000, 52, 1000), (101, 2000, 99, 2000), (148, 3000, 155, 3000)], 0.005),
        ([(300, 10_000, 390, 10_000), (610, 20_000, 790, 20_000), (900, 30_000, 1230, 30_000)], 0.003),
        ([(3, 100, 9, 100), (6, 200, 11, 200)], 0.05),
        ([(500, 5000, 420, 5000), (1000, 10_000, 900, 10_000)], 0.01),
    ]
    for looks, tau in series:
        p = mp.mpf(1)
        out = []
        for xa, na, xb, nb in looks:
            pa, pb = mp.mpf(xa) / na, mp.mpf(xb) / nb
            v = pa * (1 - pa) / na + pb * (1 - pb) / nb
            t2 = mp.mpf(tau) ** 2
            d = pb - pa
            ln_lr = mp.log(mp.sqrt(v / (v + t2))) + t2 * d ** 2 / (2 * v * (v + t2))
            p = min(p, mp.exp(-ln_lr))
            out.append({"xa": xa, "na": na, "xb": xb, "nb": nb, "variance": f(v), "ln_lr": f(ln_lr), "p": f(p)})
        cases["msprt"].append({"tau": tau, "looks": out})
    write("sequential.json", "asymptotic confidence sequence half-width (Waudby-Smith et al. eq. 9, GrowthBook) "
          "and the normal mSPRT always-valid p-value (Johari et al. 2017), by hand with mpmath", cases)


def seeding():
    cases = {"seed": [], "poisson_binomial": []}
    for k, q, target, paid in [(5, 0.4, 0.9, 0), (5, 0.2, 0.9, 0), (10, 0.3, 0.95, 0), (1, 0.4, 0.9, 0), (5, 0.4, 0.9, 2),
                               (8, 0.25, 0.8, 3), (3, 1.0, 0.99, 0), (100, 0.01, 0.9, 0), (5, 0.4, 0.5, 0), (4, 0.4, 0.9, 5)]:
        need = max(k - paid, 0)
        n = 0
        if need > 0:
            n = need
            while stats.binom.sf(need - 1, n, q) < target:
                n += 1
        prob = 1.0 if need == 0 else stats.binom.sf(need - 1, n, q)
        prev = None if n == 0 or need == 0 else stats.binom.sf(need - 1, n - 1, q)
        cases["seed"].append({"k": k, "q": q, "target": target, "paid": paid, "gifted": n, "probability": f(prob),
                              "probability_one_fewer": f(prev) if prev is not None else None})
    for probs, k in [([0.4] * 18, 5), ([0.3, 0.25, 0.4, 0.2, 0.35, 1.0, 1.0], 4), ([1.0, 1.0, 1.0], 3),
                     ([0.0, 0.5], 1), ([0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.1, 0.05], 6)]:
        dist = [Fraction(1)]
        for p in probs:
            fp = Fraction(p)
            new = [Fraction(0)] * (len(dist) + 1)
            for j, v in enumerate(dist):
                new[j] += v * (1 - fp)
                new[j + 1] += v * fp
            dist = new
        cases["poisson_binomial"].append({"p": probs, "k": k, "dist": [float(v) for v in dist],
                                          "at_least": float(sum(dist[k:]))})
    write("binomial_planning.json", "gifted seeding (scipy binom) and Poisson-binomial (exact fractions)", cases)

# ---------------------------------------------------------------- difference in differences
def _mp_coef(est, var, df, alpha):
    """Estimate, se, statistic, two-sided p and interval at 50 digits (df None: normal)."""
    se = mp.sqrt(var)
    stat = est / se
    if df is None:
        p = mp.erfc(abs(stat) / mp.sqrt(2))
        c = -mp.sqrt(2) * mp.erfinv(2 * mp.mpf(alpha) / 2 - 1)
    else:
        p = 2 * mp_tsf(abs(stat), df)
        c = mp_tisf(mp.mpf(alpha) / 2, df, stats.t.isf(alpha / 2, df))
    return est, se, stat, min(p, mp.mpf(1)), est - c * se, est + c * se


def _mp_did(cells, robust):
    cells = [[mp.mpf(v) for v in c] for c in cells]
    means = [sum(c) / len(c) for c in cells]
    ss = [sum((v - m) ** 2 for v in c) for c, m in zip(cells, means)]
    n = sum(len(c) for c in cells)
    est = (means[1] - means[0]) - (means[3] - means[2])
    if robust:
        var = mp.mpf(n) / (n - 4) * sum(s / len(c) ** 2 for s, c in zip(ss, cells))
    else:
        var = sum(ss) / (n - 4) * sum(mp.mpf(1) / len(c) for c in cells)
    return est, var, n


def _mp_trend(tr, co, robust):
    parts = []
    for pts in (tr, co):
        t = [mp.mpf(a) for a, _ in pts]
        y = [mp.mpf(b) for _, b in pts]
        tb, yb = sum(t) / len(t), sum(y) / len(y)
        sxx = sum((a - tb) ** 2 for a in t)
        slope = sum((a - tb) * (b - yb) for a, b in zip(t, y)) / sxx
        e = [(b - yb) - slope * (a - tb) for a, b in zip(t, y)]
        parts.append((slope, sum(v * v for v in e), sxx, sum((a - tb) ** 2 * v * v for a, v in zip(t, e))))
    n = len(tr) + len(co)
    (st, rt, xt, mt), (sc, rc, xc, mc) = parts
    if robust:
        var = mp.mpf(n) / (n - 4) * (mt / xt ** 2 + mc / xc ** 2)
    else:
        var = (rt + rc) / (n - 4) * (1 / xt + 1 / xc)
    return st - sc, var, n, st, sc


def _sm_fit(y, X, robust, alpha, col):
    import statsmodels.api as sm
    model = sm.OLS(np.asarray(y, dtype=float), np.asarray(X, dtype=float))
    res = model.fit(cov_type="HC1") if robust else model.fit()
    ci = res.conf_int(alpha)[col]
    stat = res.tvalues[col]
    return {"estimate": float(res.params[col]), "se": float(res.bse[col]), "statistic": float(stat),
            "p": float(res.pvalues[col]), "lower": float(ci[0]), "upper": float(ci[1]),
            "df": None if robust else float(res.df_resid)}


def _pick(sm_value, mp_value, label, notes):
    """The statsmodels value unless it is off from the 50-digit closed form by > 1e-11."""
    e = rel(sm_value, mp_value)
    if e > 1e-11:
        notes.append("%s: statsmodels %r, closed form %r (rel %.1e)" % (label, sm_value, float(mp_value), e))
        return float(mp_value)
    return sm_value


def did():
    cases = {"did": [], "pre_trend": []}
    rng = np.random.default_rng(20261201)
    designs = [
        ("hand", [1.0, 3.0], [6.0, 8.0], [2.0, 4.0], [4.0, 6.0]),
        ("minimum n = 5", [1.0, 2.5], [4.0], [2.0], [2.7]),
        ("daily rates", list(0.0128 + rng.normal(0, 0.0011, 14)), list(0.0152 + rng.normal(0, 0.0012, 28)),
         list(0.0126 + rng.normal(0, 0.0010, 14)), list(0.0127 + rng.normal(0, 0.0010, 28))),
        ("unequal cells, unequal spread", list(rng.normal(100, 5, 7)), list(rng.normal(112, 15, 21)),
         list(rng.normal(90, 2, 30)), list(rng.normal(91, 30, 9))),
        ("level 1e9", list(1e9 + rng.normal(0, 3, 10)), list(1e9 + 2 + rng.normal(0, 3, 10)),
         list(1e9 + rng.normal(0, 3, 10)), list(1e9 + rng.normal(0, 3, 10))),
        ("no effect", [5.0, 6.0, 7.0], [6.0, 7.0, 8.0], [1.0, 2.0, 3.0], [2.0, 3.0, 4.0]),
        ("huge effect", list(rng.normal(0, 1, 400)), list(35 * math.sqrt(4 / 400) + rng.normal(0, 1, 400)),
         list(rng.normal(0, 1, 400)), list(rng.normal(0, 1, 400))),
        ("negative effect", list(rng.normal(50, 4, 20)), list(rng.normal(44, 4, 20)),
         list(rng.normal(48, 4, 20)), list(rng.normal(49, 4, 20))),
    ]
    for label, tp, tq, cp, cq in designs:
        cells = [tp, tq, cp, cq]
        y, X = [], []
        for (treated, post), c in zip([(1, 0), (1, 1), (0, 0), (0, 1)], cells):
            for v in c:
                y.append(v)
                X.append([1, treated, post, treated * post])
        for robust in (False, True):
            for alpha in (0.05, 0.1):
                notes = []
                got = _sm_fit(y, X, robust, alpha, 3)
                est, var, n = _mp_did(cells, robust)
                mpv = _mp_coef(est, var, None if robust else n - 4, alpha)
                keys = ["estimate", "se", "statistic", "p", "lower", "upper"]
                for k, m in zip(keys, mpv):
                    got[k] = _pick(got[k], m, "%s %s" % (label, k), notes)
                cases["did"].append({"label": label, "cells": [[float(v) for v in c] for c in cells],
                                     "robust": robust, "alpha": alpha, "expected": got, "notes": notes})
    base = 20_500  # days since 1970, as the app passes dates
    trends = [
        ("parallel", [(base + i, 10 + 0.5 * i + float(rng.normal(0, 0.3))) for i in range(14)],
         [(base + i, 4 + 0.5 * i + float(rng.normal(0, 0.3))) for i in range(14)]),
        ("diverging", [(base + i, 10 + 0.9 * i + float(rng.normal(0, 0.3))) for i in range(14)],
         [(base + i, 4 + 0.2 * i + float(rng.normal(0, 0.3))) for i in range(14)]),
        ("uneven dates", [(base + d, 0.013 + 1e-5 * d + float(rng.normal(0, 1e-3))) for d in (0, 1, 3, 4, 8, 9, 10)],
         [(base + d, 0.012 + float(rng.normal(0, 1e-3))) for d in (0, 2, 5, 6, 7)]),
        ("minimum n = 5", [(0.0, 1.0), (1.0, 2.0), (2.0, 2.5)], [(0.0, 0.0), (3.0, 1.0)]),
    ]
    for label, tr, co in trends:
        y, X = [], []
        for treated, pts in ((1, tr), (0, co)):
            for t, v in pts:
                y.append(v)
                X.append([1, treated, t - base, treated * (t - base)])
        for robust in (False, True):
            alpha = 0.05
            notes = []
            got = _sm_fit(y, X, robust, alpha, 3)
            est, var, n, st, sc = _mp_trend(tr, co, robust)
            mpv = _mp_coef(est, var, None if robust else n - 4, alpha)
            for k, m in zip(["estimate", "se", "statistic", "p", "lower", "upper"], mpv):
                got[k] = _pick(got[k], m, "%s %s" % (label, k), notes)
            got["treated_slope"], got["control_slope"] = float(st), float(sc)
            cases["pre_trend"].append({"label": label, "treated": [[float(a), float(b)] for a, b in tr],
                                       "control": [[float(a), float(b)] for a, b in co], "robust": robust,
                                       "alpha": alpha, "expected": got, "notes": notes})
    write("did.json", "difference in differences and pre-trend slopes: statsmodels OLS (nonrobust, HC1), "
          "checked against the 50-digit closed form", cases)


if __name__ == "__main__":
    # `python3 stats_fixtures.py did` regenerates one file; no argument regenerates all.
    if len(sys.argv) > 1:
        for name in sys.argv[1:]:
            globals()[name]()
        sys.exit(0)
    distributions()
    proportions()
    intervals()
    means()
    corrections_srm()
    power()
    bayes()
    sequential()
    seeding()
    did()
