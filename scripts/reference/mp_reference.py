"""40-50 digit mpmath references used by stats_fixtures.py where scipy/statsmodels are not
precise enough (see that script's header). Each function documents its method."""

import mpmath as mp

mp.mp.dps = 50


def mp_tsf(t, df):
    """P(T > t) at 50 digits: the incomplete beta when mpmath's series converges, else
    quadrature of the density with break points on both the 1 and the 1/t scales."""
    t, df = mp.mpf(t), mp.mpf(df)
    if t < 0:
        return 1 - mp_tsf(-t, df)
    try:
        return mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True) / 2
    except mp.libmp.libhyper.NoConvergence:
        pass
    lc = mp.loggamma((df + 1) / 2) - mp.loggamma(df / 2) - mp.log(mp.sqrt(df * mp.pi))
    pdf = lambda s: mp.exp(lc - (df + 1) / 2 * mp.log1p(s * s / df))
    pts = [t, t + 0.25, t + 1, t + 4, t + 16, t + 64]
    if t > 0:
        pts += [2 * t, 4 * t, 16 * t, 64 * t] + [t + k / t for k in (0.125, 0.5, 2, 8, 32)]
    return mp.quad(pdf, sorted(set(pts)) + [mp.inf])


def mp_tisf(p, df, guess):
    """t with P(T > t) = p: Newton on ln sf at 50 digits."""
    p, df = mp.mpf(p), mp.mpf(df)
    lc = mp.loggamma((df + 1) / 2) - mp.loggamma(df / 2) - mp.log(mp.sqrt(df * mp.pi))
    t = mp.mpf(guess)
    for _ in range(200):
        sf = mp_tsf(t, df)
        g = mp.log(sf) - mp.log(p)
        pdf = mp.exp(lc - (df + 1) / 2 * mp.log1p(t * t / df))
        step = g * sf / pdf
        t = t + step
        if abs(step) < abs(t) * mp.mpf(10) ** -35:
            break
    assert abs(mp.log(mp_tsf(t, df)) - mp.log(p)) < mp.mpf(10) ** -25, (p, df)
    return t


def mp_binom_tails(k, n, p):
    """(P(X >= k), P(X < k)), X ~ Binomial(n, p): the shorter tail summed at 40 digits."""
    if k <= 0:
        return mp.mpf(1), mp.mpf(0)
    if k > n:
        return mp.mpf(0), mp.mpf(1)
    p = mp.mpf(p)
    if p == 0 or p == 1:
        return (mp.mpf(1), mp.mpf(0)) if p == 1 else (mp.mpf(0), mp.mpf(1))
    q = 1 - p
    lpmf = lambda j: mp.loggamma(n + 1) - mp.loggamma(j + 1) - mp.loggamma(n - j + 1) + j * mp.log(p) + (n - j) * mp.log(q)
    upward = k > n * p
    j = k if upward else k - 1
    t = mp.exp(lpmf(j))
    s = mp.mpf(0)
    while True:
        s += t
        if upward:
            if j == n:
                break
            t *= mp.mpf(n - j) / (j + 1) * p / q
            j += 1
        else:
            if j == 0:
                break
            t *= mp.mpf(j) / (n - j + 1) * q / p
            j -= 1
        if t < s * mp.mpf(10) ** -30:
            break
    return (s, 1 - s) if upward else (1 - s, s)


def mp_fisher(xa, na, xb, nb, alternative, rel_tol=1e-7):
    """Fisher's exact test at 40 digits (R's rule for two-sided), B in the first row."""
    N, K, n = na + nb, nb, xa + xb
    lo, hi = max(0, n - (N - K)), min(n, K)
    c = mp.loggamma(K + 1) + mp.loggamma(N - K + 1) - mp.loggamma(N + 1) + mp.loggamma(n + 1) + mp.loggamma(N - n + 1)
    lp = lambda k: c - mp.loggamma(k + 1) - mp.loggamma(K - k + 1) - mp.loggamma(n - k + 1) - mp.loggamma(N - K - n + k + 1)
    if alternative == "greater":
        ks = range(xb, hi + 1)
    elif alternative == "less":
        ks = range(lo, xb + 1)
    else:
        thr = lp(xb) + mp.log1p(mp.mpf(rel_tol))
        return min(mp.mpf(1), mp.fsum(mp.exp(v) for v in (lp(k) for k in range(lo, hi + 1)) if v <= thr))
    return min(mp.mpf(1), mp.fsum(mp.exp(lp(k)) for k in ks))


def mp_hyper_logpmf(k, N, K, n):
    return mp.log(mp.binomial(K, k)) + mp.log(mp.binomial(N - K, n - k)) - mp.log(mp.binomial(N, n))


def mp_beta_lower_tail(x, a, b):
    """P(Beta(a, b) <= x) by 40-digit quadrature (for small a and x near the lower end)."""
    a, b, x = mp.mpf(a), mp.mpf(b), mp.mpf(x)
    lb = mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)
    pdf = lambda t: mp.exp((a - 1) * mp.log(t) + (b - 1) * mp.log1p(-t) - lb)
    return mp.quad(pdf, [0, x / 4, x / 2, x])


def mp_beta_quantile(p, a, b, upper, guess):
    """x with P(Beta(a, b) <= x) = p (or > x when upper), for small a: Illinois root-finding
    in a bracket of +-1e-4 relative around the reference tool's answer."""
    target = mp.log(1 - mp.mpf(p)) if upper else mp.log(mp.mpf(p))
    g = lambda x: mp.log(mp_beta_lower_tail(x, a, b)) - target
    guess = mp.mpf(guess)
    bracket = (guess * (1 - mp.mpf(1e-4)), min(guess * (1 + mp.mpf(1e-4)), (1 + guess) / 2))
    return mp.findroot(g, bracket, solver="illinois", tol=mp.mpf(10) ** -32)


def mp_proportion_interval(x, n, alpha, method, lo, up):
    """Clopper-Pearson or Jeffreys limits at 40 digits when min(x, n - x) <= 50."""
    if min(x, n - x) > 50:
        return None
    if x > n - x:  # reflect: limits of (n - x) failures, mirrored
        r = mp_proportion_interval(n - x, n, alpha, method, 1 - up, 1 - lo)
        return None if r is None else (1 - r[1], 1 - r[0])
    h = 0.5 if method == "jeffreys" else None
    a_lo, b_lo = (x + h, n - x + h) if h else (x, n - x + 1)
    a_up, b_up = (x + h, n - x + h) if h else (x + 1, n - x)
    lower = mp.mpf(0) if x == 0 else mp_beta_quantile(alpha / 2, a_lo, b_lo, False, lo)
    upper = mp.mpf(1) if x == n else mp_beta_quantile(alpha / 2, a_up, b_up, True, up)
    return lower, upper


def mp_prob_b_greater(aa, ba, ab, bb):
    """P(X_B > X_A): exact Evan Miller sum when ab is an integer, else 50-digit quadrature."""
    aa, ba, ab, bb = [mp.mpf(v) for v in (aa, ba, ab, bb)]
    if ab == int(ab) and ab <= 5000:
        tot = mp.mpf(0)
        for i in range(int(ab)):
            tot += mp.exp(mp.log(mp.beta(aa + i, ba + bb)) - mp.log(bb + i) - mp.log(mp.beta(1 + i, bb))
                          - mp.log(mp.beta(aa, ba)))
        return tot
    pdf = lambda x: mp.exp((aa - 1) * mp.log(x) + (ba - 1) * mp.log1p(-x) - mp.log(mp.beta(aa, ba)))
    sf = lambda x: mp.betainc(ab, bb, x, 1, regularized=True)
    m = aa / (aa + ba)
    return mp.quad(lambda x: pdf(x) * sf(x), [0, m / 2, m, (1 + m) / 2, 1])
