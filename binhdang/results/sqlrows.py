"""Moved to :mod:`binhdang.core.sqlrows` (the report page reads its rows with it too); kept here for the
results engine's imports."""

from binhdang.core.sqlrows import (
    Columns,
    Converter,
    cache_related,
    connection_for,
    converters_of,
    instance,
    marks,
    select,
)

__all__ = [
    "Columns",
    "Converter",
    "cache_related",
    "connection_for",
    "converters_of",
    "instance",
    "marks",
    "select",
]
