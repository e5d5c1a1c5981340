"""Checked options: a keyword argument with fixed choices (a `Literal`) is validated with a message
that names the value and the choices, the same way in every layer."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, get_args


def check_option(name: str, value: Any, choices: Any) -> None:
    """Raise ValueError unless `value` is one of `choices` (a `Literal` type or an iterable).

    >>> check_option("unit", "para", ("sentence", "paragraph"))
    Traceback (most recent call last):
    ...
    ValueError: unit='para' is invalid; expected one of 'sentence', 'paragraph'
    """
    options = get_args(choices) or tuple(choices if isinstance(choices, Iterable) else ())
    if value not in options:
        expected = ", ".join(repr(o) for o in options)
        raise ValueError(f"{name}={value!r} is invalid; expected one of {expected}")
