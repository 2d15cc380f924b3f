"""The results engine (see ``engine.plan`` for where every value comes from).

- ``engine.plan``: one plan's indicators for a year or several (:func:`plan_results`,
  :func:`plan_history`, :func:`indicator_history`), and the inputs they share (:func:`fetch_inputs`);
- ``engine.bars``: what an indicator's value is compared with in a year (the bar for the year, the final
  bar, N of ``1790.1``), used by ``engine.plan``;
- ``engine.national``: the plan in force of every province side by side (:func:`national_rollup`),
  built on the same inputs fetched for all provinces at once.

Import from here; the names below are the engine's public surface.
"""

from binhdang.results.engine.bars import baseline_year, catalog_code, ratio_scale, sessions_threshold
from binhdang.results.engine.national import NationalRollup, NationalTotal, plans_in_force
from binhdang.results.engine.national import rollup as national_rollup
from binhdang.results.engine.plan import (
    IndicatorResult,
    PlanResults,
    direct_codes,
    indicator_history,
    plan_history,
    plan_results,
    plan_years,
)

__all__ = [
    "IndicatorResult",
    "NationalRollup",
    "NationalTotal",
    "PlanResults",
    "baseline_year",
    "catalog_code",
    "direct_codes",
    "indicator_history",
    "national_rollup",
    "plan_history",
    "plan_results",
    "plan_years",
    "plans_in_force",
    "ratio_scale",
    "sessions_threshold",
]
