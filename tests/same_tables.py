"""`assert_same_tables`: two corpora with equal tables, down to dtypes, categories and codes."""

from __future__ import annotations

import pandas as pd

from workbench.corpus.corpus import TABLES


def assert_same_tables(got, expected) -> None:
    """Every table of `got` equals `expected`'s: values, dtypes, categories and their codes."""
    for table in TABLES:
        left, right = got.tables()[table], expected.tables()[table]
        pd.testing.assert_frame_equal(left, right, check_dtype=True, check_categorical=True,
                                      obj=table)
        for col in left.columns:
            if isinstance(left[col].dtype, pd.CategoricalDtype):
                assert left[col].cat.categories.equals(right[col].cat.categories), (table, col)
                assert (left[col].cat.codes.to_numpy() == right[col].cat.codes.to_numpy()).all()
