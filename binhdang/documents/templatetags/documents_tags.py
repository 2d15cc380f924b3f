"""Template tags with which the documents app adds its part to pages of the apps below it (the results
dashboard includes ``documents/_plan_downloads.html``): those apps never import documents."""

from __future__ import annotations

from django import template

from binhdang.documents import access

register = template.Library()


@register.simple_tag
def can_open_report_editor(user, plan) -> bool:
    """May ``user`` open the editor of the plan's annual report (the province's focal officers and
    leaders, who read the units' narratives)."""
    return access.can_read_plan_narratives(user, plan)
