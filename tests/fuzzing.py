"""What the fuzz tests (hypothesis) share: the check that a message is Vietnamese, JSON values of any
shape, and the places inside a JSON value (to replace one with something else)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hypothesis import strategies as st

#: Letters only Vietnamese uses (with their tone marks): a Vietnamese message has at least one.
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)


def json_values(scalars: st.SearchStrategy, key_size: int = 8) -> st.SearchStrategy:
    """Any JSON value built from ``scalars``: lists and objects nested a few levels, eight leaves at most."""
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=key_size), inner, max_size=3)
        ),
        max_leaves=8,
    )


def places(value, prefix: tuple = ()) -> Iterator[tuple]:
    """Every place (a tuple of keys and indexes) inside a JSON value, the value itself first (``()``)."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from places(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from places(item, (*prefix, index))
