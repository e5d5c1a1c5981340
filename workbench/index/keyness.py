"""Keyness: which terms are over- or under-used in a target against a reference.

One implementation, shared by source profiling (outlet vs rest) and keyword trends
(period vs period). Formulas (docs/methods/profiling.md, "Distinctive vocabulary"):

    a, b = term count in target, reference;  c, d = total tokens in target, reference
    E1 = c (a + b) / (c + d),  E2 = d (a + b) / (c + d)
    G2 = 2 * sum(O * ln(O / E)) over the four cells of the 2x2 table
         (term / other terms x target / reference), no continuity correction, 0 ln 0 = 0
    p  = P(chi2 with 1 df >= G2) = erfc(sqrt(G2 / 2))
    Log Ratio = log2( ((a or 0.5) / c) / ((b or 0.5) / d) )   (Hardie 2014; a zero count
                is replaced by 0.5 so that terms absent from one side get a finite score)
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import erfc

ZERO_CORRECTION = 0.5

COLUMNS = [
    "term", "count_target", "count_reference", "total_target", "total_reference",
    "per_10k_target", "per_10k_reference", "g2", "p_value", "log_ratio", "direction",
]


def _xlogx_over_e(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        cell = observed * np.log(observed / expected)
    return np.where(observed > 0, cell, 0.0)


def log_likelihood(a, b, c, d) -> np.ndarray:
    """Dunning's G2 for term counts a, b in corpora of c, d tokens (arrays broadcast)."""
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    n = c + d
    cells = [
        (a, c * (a + b) / n),
        (b, d * (a + b) / n),
        (c - a, c * (n - a - b) / n),
        (d - b, d * (n - a - b) / n),
    ]
    return 2.0 * sum(_xlogx_over_e(o, e) for o, e in cells)


def log_ratio(a, b, c, d, *, zero_correction: float = ZERO_CORRECTION) -> np.ndarray:
    """Hardie's Log Ratio: log2 of the ratio of relative frequencies, zeros replaced."""
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    a = np.where(a == 0, zero_correction, a)
    b = np.where(b == 0, zero_correction, b)
    return np.log2((a / c) / (b / d))


def keyness(
    target: pd.Series,
    reference: pd.Series,
    *,
    min_freq: int = 3,
    zero_correction: float = ZERO_CORRECTION,
) -> pd.DataFrame:
    """Compare term counts of a target with a reference; one row per term, by G2 descending.

    `target` and `reference` are counts indexed by term (e.g. `tokens.norm.value_counts()`);
    totals are their sums. Terms with fewer than `min_freq` occurrences in both together
    are dropped. `direction` is "over" where the target uses the term relatively more.

    >>> t = pd.Series({"ally": 10, "war": 2}); r = pd.Series({"ally": 1, "war": 20})
    >>> keyness(t, r, min_freq=1).set_index("term").loc["ally", "direction"]
    'over'
    """
    counts = pd.concat([target.rename("a"), reference.rename("b")], axis=1).fillna(0)
    c, d = float(target.sum()), float(reference.sum())
    counts = counts[(counts.a + counts.b) >= min_freq]
    if counts.empty or c == 0 or d == 0:
        return pd.DataFrame({col: pd.Series(dtype=_dtype(col)) for col in COLUMNS})
    a, b = counts.a.to_numpy(), counts.b.to_numpy()
    g2 = log_likelihood(a, b, c, d)
    out = pd.DataFrame({
        "term": counts.index.astype(str),
        "count_target": a.astype("int64"),
        "count_reference": b.astype("int64"),
        "total_target": int(c),
        "total_reference": int(d),
        "per_10k_target": a / c * 10_000,
        "per_10k_reference": b / d * 10_000,
        "g2": g2,
        "p_value": erfc(np.sqrt(g2 / 2.0)),
        "log_ratio": log_ratio(a, b, c, d, zero_correction=zero_correction),
    })
    out["direction"] = np.where(a / c >= b / d, "over", "under")
    return out.sort_values(["g2", "term"], ascending=[False, True], ignore_index=True)


def _dtype(col: str) -> str:
    if col in ("term", "direction"):
        return "object"
    return "int64" if col.startswith(("count", "total")) else "float64"
