"""Plan pages. Views are thin: access through ``plans.access``, changes through ``plans.services``."""

from binhdang.plans.views.pages import (
    agencies,
    calendar,
    change_status,
    detail,
    indicator,
    indicators,
    source_file,
)
from binhdang.plans.views.review import review_item, review_plan
from binhdang.plans.views.uploads import plan_list, review, upload

__all__ = [
    "agencies",
    "calendar",
    "change_status",
    "detail",
    "indicator",
    "indicators",
    "plan_list",
    "review",
    "review_item",
    "review_plan",
    "source_file",
    "upload",
]
