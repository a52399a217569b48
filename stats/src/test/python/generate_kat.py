"""Writes the known-answer files under stats/src/test/resources/kat/ from SciPy, NumPy and statsmodels.

Run from the repository root with scipy 1.17.1, numpy 2.4.6 and statsmodels 0.15.0 installed:
    python3 stats/src/test/python/generate_kat.py
Each row carries the exact call that produced its expected values (column `command`) and the library
versions (column `version`). Inputs are either written out below or drawn from a seeded numpy Generator; the
drawn vectors are stored in full (repr, 17 significant digits) so the Java tests never recompute them.
"""
import csv
import os
import warnings

import numpy as np
import scipy
from scipy import stats

try:
    import statsmodels
    from statsmodels.stats.multitest import multipletests
except ImportError:  # Holm rows need statsmodels; BH rows are checked against SciPy as well
    statsmodels = None

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "kat")
SCIPY = f"scipy {scipy.__version__}, numpy {np.__version__}"


def vec(x):
    return " ".join(repr(float(v)) for v in x)


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header + ["source", "command", "version"])
        for r in rows:
            w.writerow(r)


rng = np.random.default_rng(20240601)

# Per-seed NDCG@20 of two systems over 5 seeds (typed in, realistic magnitudes).
seeds_a = np.array([0.0712, 0.0698, 0.0725, 0.0707, 0.0719])
seeds_b = np.array([0.0689, 0.0694, 0.0701, 0.0685, 0.0702])
seeds10_a = np.round(0.31 + 0.004 * rng.standard_normal(10), 4)
seeds10_b = np.round(seeds10_a - 0.0015 + 0.003 * rng.standard_normal(10), 4)


def per_user(n, hit_a, hit_b):
    """Per-user NDCG-like vectors: mostly zeros, a beta-distributed value for users with a hit."""
    base = rng.beta(2, 5, n)
    a = np.where(rng.random(n) < hit_a, base + 0.05 * rng.random(n), 0.0)
    b = np.where(rng.random(n) < hit_b, base, 0.0)
    return a, b


users400_a, users400_b = per_user(400, 0.35, 0.30)

# ---------------------------------------------------------------- paired tests
rows = []


def ttest_row(case, a, b, alt):
    r = stats.ttest_rel(a, b, alternative=alt)
    rows.append([case, "ttest_rel", alt, vec(a), vec(b), repr(float(r.statistic)), repr(float(r.pvalue)),
                 str(int(r.df)), "", "scipy", f"scipy.stats.ttest_rel(a, b, alternative='{alt}')", SCIPY])


def wilcoxon_method(a, b, alt, auto):
    """Which of SciPy's paths method='auto' took, found by re-running each path explicitly."""
    candidates = [("exact", "exact"), ("exact_conditional", stats.PermutationMethod()),
                  ("normal", "asymptotic")]
    found = []
    for name, m in candidates:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            p = stats.wilcoxon(a, b, alternative=alt, method=m).pvalue
        if p == auto.pvalue:
            found.append(name)
    return found


def wilcoxon_row(case, a, b, alt, expect_method):
    r = stats.wilcoxon(a, b, alternative=alt)  # defaults: zero_method='wilcox', correction=False, method='auto'
    found = wilcoxon_method(a, b, alt, r)
    assert expect_method in found, (case, found)
    # the label must also follow SciPy 1.17.1's rule (_wilcoxon_iv / _wilcoxon_nd), since paths can agree
    d = a - b
    nz = np.abs(d[d != 0])
    zeros_or_ties = len(nz) < len(d) or len(np.unique(nz)) < len(nz)
    rule = ("normal" if len(d) > 50 else "exact" if not zeros_or_ties
            else "exact_conditional" if len(d) <= 13 else "normal")
    assert rule == expect_method, (case, rule, expect_method)
    z = stats.wilcoxon(a, b, alternative=alt, method="asymptotic").zstatistic
    rows.append([case, "wilcoxon", alt, vec(a), vec(b), repr(float(r.statistic)), repr(float(r.pvalue)),
                 expect_method, repr(abs(float(z))), "scipy",
                 f"scipy.stats.wilcoxon(a, b, alternative='{alt}') [defaults zero_method='wilcox', correction=False, "
                 f"method='auto']; z: abs(scipy.stats.wilcoxon(a, b, alternative='{alt}', "
                 f"method='asymptotic').zstatistic)", SCIPY])


for alt in ("two-sided", "greater", "less"):
    ttest_row("seeds5", seeds_a, seeds_b, alt)
ttest_row("seeds10", seeds10_a, seeds10_b, "two-sided")
ttest_row("seeds10", seeds10_a, seeds10_b, "greater")
for alt in ("two-sided", "greater", "less"):
    ttest_row("users400", users400_a, users400_b, alt)
# a shifted up: p-values of 1e-20 and below, which 1 - F(t) would round to 0
for shift in (0.1, 0.4):
    ttest_row(f"users400_shift{shift}", users400_a + shift, users400_b, "greater")
    ttest_row(f"users400_shift{shift}", users400_a + shift, users400_b, "two-sided")
# constant non-zero differences: sd = 0, t = +inf
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    ttest_row("constant_difference", np.array([1.0, 2.0, 3.0, 4.0]), np.array([0.5, 1.5, 2.5, 3.5]), "two-sided")
    ttest_row("constant_difference", np.array([1.0, 2.0, 3.0, 4.0]), np.array([0.5, 1.5, 2.5, 3.5]), "less")

# Wilcoxon: exact, small n, no ties or zeros
w8_a = np.array([0.83, 0.71, 0.92, 0.64, 0.77, 0.58, 0.88, 0.69])
w8_b = np.array([0.79, 0.73, 0.81, 0.50, 0.70, 0.61, 0.75, 0.61])
for alt in ("two-sided", "greater", "less"):
    wilcoxon_row("exact_n8", w8_a, w8_b, alt, "exact")
wilcoxon_row("exact_seeds5", seeds_a, seeds_b, "two-sided", "exact")
# exact at the n = 50 boundary and the normal approximation just above it (continuous data: no ties)
x51 = rng.normal(0.02, 0.1, 51)
y51 = np.zeros(51) + 0.5
wilcoxon_row("exact_n50", 0.5 + x51[:50], y51[:50], "two-sided", "exact")
wilcoxon_row("exact_n50", 0.5 + x51[:50], y51[:50], "greater", "exact")
wilcoxon_row("normal_n51", 0.5 + x51, y51, "two-sided", "normal")
# ties (no zeros), n = 10 -> exact conditional
t10_a = np.array([3.0, 5.0, 2.0, 6.0, 4.0, 7.0, 1.0, 8.0, 5.0, 6.0])
t10_b = np.array([1.0, 4.0, 3.0, 4.0, 2.0, 4.0, 2.0, 5.0, 3.0, 3.0])
for alt in ("two-sided", "greater", "less"):
    wilcoxon_row("ties_n10", t10_a, t10_b, alt, "exact_conditional")
# zeros (no ties), n = 12 -> exact conditional
z12_a = np.array([0.40, 0.31, 0.25, 0.50, 0.12, 0.33, 0.27, 0.45, 0.38, 0.22, 0.29, 0.41])
z12_b = np.array([0.40, 0.30, 0.21, 0.42, 0.12, 0.36, 0.20, 0.45, 0.25, 0.24, 0.28, 0.30])
for alt in ("two-sided", "greater"):
    wilcoxon_row("zeros_n12", z12_a, z12_b, alt, "exact_conditional")
# ties and zeros at the n = 13 boundary (exact conditional) and at n = 14 (normal)
tz_a = np.array([2.0, 3.0, 5.0, 1.0, 4.0, 6.0, 2.0, 7.0, 3.0, 5.0, 4.0, 8.0, 6.0, 9.0])
tz_b = np.array([1.0, 3.0, 3.0, 2.0, 2.0, 4.0, 2.0, 4.0, 1.0, 4.0, 5.0, 5.0, 3.0, 6.0])
wilcoxon_row("ties_zeros_n13", tz_a[:13], tz_b[:13], "two-sided", "exact_conditional")
wilcoxon_row("ties_zeros_n14", tz_a, tz_b, "two-sided", "normal")
wilcoxon_row("ties_zeros_n14", tz_a, tz_b, "greater", "normal")
# zeros only (no ties) with 13 < n <= 50: normal, although removing the zeros would make it exact
z20_a = np.round(0.3 + 0.1 * rng.standard_normal(20), 6)
z20_b = z20_a - np.round(0.05 * rng.standard_normal(20), 6)
z20_b[[2, 7, 11]] = z20_a[[2, 7, 11]]
wilcoxon_row("zeros_n20", z20_a, z20_b, "two-sided", "normal")
z20_keep = z20_a != z20_b
wilcoxon_row("zeros_removed_n17", z20_a[z20_keep], z20_b[z20_keep], "two-sided", "exact")
# per-user vectors: many zeros (both systems 0) and ties -> normal with tie correction
for alt in ("two-sided", "greater", "less"):
    wilcoxon_row("users400", users400_a, users400_b, alt, "normal")
wilcoxon_row("users400_shift0.1", users400_a + 0.1, users400_b, "greater", "normal")

write("paired_tests.csv", ["case", "test", "alternative", "a", "b", "statistic", "pvalue", "df_or_method",
                           "abs_z"], rows)

# ---------------------------------------------------------------- multiple-comparison corrections
rows = []
families = {
    # ties (three 0.04s), p = 1, and Holm values that reach the cap
    "ties_and_one": [0.01, 0.04, 0.03, 0.005, 1.0, 0.04, 0.2, 0.04],
    "all_small": [0.001, 0.002, 0.003, 0.004, 0.005],
    "capped": [0.3, 0.6, 0.9, 0.45, 0.75],
    "zero_and_one": [0.0, 1.0, 0.5, 0.0, 0.02],
    "single": [0.03],
    "twenty": list(np.round(rng.uniform(0, 0.2, 20) ** 2, 6)),
}
for case, p in families.items():
    p = np.array(p)
    bh = stats.false_discovery_control(p, method="bh")
    rows.append([case, "bh", vec(p), vec(bh), "scipy", "scipy.stats.false_discovery_control(p, method='bh')", SCIPY])
    if statsmodels is not None:
        holm = multipletests(p, method="holm")[1]
        rows.append([case, "holm", vec(p), vec(holm), "statsmodels",
                     "statsmodels.stats.multitest.multipletests(p, method='holm')[1]",
                     f"statsmodels {statsmodels.__version__}, numpy {np.__version__}"])
        bh2 = multipletests(p, method="fdr_bh")[1]
        assert np.allclose(bh, bh2, rtol=1e-15, atol=0), (case, bh, bh2)
write("corrections.csv", ["case", "method", "p", "adjusted"], rows)

# ---------------------------------------------------------------- t intervals and quantiles
rows = []


def t_mean_row(case, x, level):
    x = np.asarray(x)
    lo, hi = stats.t.interval(level, len(x) - 1, loc=np.mean(x), scale=stats.sem(x))
    rows.append([case, "mean", repr(level), vec(x), "", repr(float(np.mean(x))), repr(float(lo)), repr(float(hi)),
                 "scipy", f"scipy.stats.t.interval({level}, len(x) - 1, loc=numpy.mean(x), scale=scipy.stats.sem(x))",
                 SCIPY])


def t_diff_row(case, a, b, level):
    r = stats.ttest_rel(a, b).confidence_interval(level)
    rows.append([case, "paired_difference", repr(level), vec(a), vec(b), repr(float(np.mean(a - b))),
                 repr(float(r.low)), repr(float(r.high)), "scipy",
                 f"scipy.stats.ttest_rel(a, b).confidence_interval({level})", SCIPY])


t_mean_row("seeds5", seeds_a, 0.95)
t_mean_row("seeds5", seeds_a, 0.90)
t_mean_row("seeds5", seeds_a, 0.99)
t_mean_row("seeds2", seeds_a[:2], 0.95)
t_mean_row("seeds10", seeds10_a, 0.95)
t_mean_row("users400", users400_a, 0.95)
t_diff_row("seeds5", seeds_a, seeds_b, 0.95)
t_diff_row("seeds10", seeds10_a, seeds10_b, 0.80)
write("t_interval.csv", ["case", "kind", "level", "a", "b", "estimate", "lower", "upper"], rows)

rows = []
for df in (1, 2, 4, 9, 29, 399, 19999):
    for p in (0.5 + 0.95 / 2, 0.5 + 0.99 / 2, 0.95):
        rows.append([str(df), repr(p), repr(float(stats.t.ppf(p, df))), "scipy", "scipy.stats.t.ppf(p, df)", SCIPY])
write("t_quantile.csv", ["df", "p", "quantile"], rows)

# ---------------------------------------------------------------- percentiles (the bootstrap's last step)
rows = []
qs = (0.025, 0.975, 0.005, 0.995, 0.5, 0.0, 1.0)
for n in (2000, 37):
    v = np.sort(rng.normal(0.1, 0.02, n))
    rows.append([str(n), vec(v), vec(qs), vec(np.percentile(v, [100 * q for q in qs])), "numpy",
                 "numpy.percentile(v, [100 * q for q in qs])  [method='linear']", SCIPY])
write("percentile.csv", ["n", "sorted", "q", "percentile"], rows)

# ---------------------------------------------------------------- Cohen's d_z
rows = []


def dz_row(case, a, b):
    d = a - b
    dz = np.mean(d) / np.std(d, ddof=1)
    t = stats.ttest_rel(a, b).statistic
    assert abs(dz - t / np.sqrt(len(d))) <= 1e-12 * abs(dz)
    rows.append([case, vec(a), vec(b), repr(float(dz)), "numpy",
                 "d = a - b; numpy.mean(d) / numpy.std(d, ddof=1)  [= scipy.stats.ttest_rel(a, b).statistic / sqrt(n)]",
                 SCIPY])


dz_row("seeds5", seeds_a, seeds_b)
dz_row("seeds10", seeds10_a, seeds10_b)
dz_row("users400", users400_a, users400_b)
dz_row("negative", seeds_b, seeds_a)
write("cohens_dz.csv", ["case", "a", "b", "dz"], rows)
print("wrote", OUT)
