"""Panels that apps above ``accounts`` add to a unit's page (README "Layers").

``accounts`` sits below the apps whose records concern a unit (the inspections of ``work``, say), so it
cannot read them: each such app registers a panel at start (its ``AppConfig.ready``), and the unit's
page renders every panel that has something for the user. A panel is a function ``(user, unit)`` that
answers ``(template name, context)`` to include, or None to show nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from binhdang.orgunits.models import OrgUnit

Panel = Callable[[object, OrgUnit], tuple[str, dict] | None]

_panels: dict[str, Panel] = {}


@dataclass(frozen=True)
class RenderedPanel:
    template: str
    context: dict


def register(name: str, panel: Panel) -> None:
    """Add (or replace) the panel called ``name``."""
    _panels[name] = panel


def panels_for(user, unit: OrgUnit) -> list[RenderedPanel]:
    """The panels with something for ``user`` on ``unit``'s page, in the order they were registered."""
    shown = []
    for panel in _panels.values():
        found = panel(user, unit)
        if found is not None:
            shown.append(RenderedPanel(*found))
    return shown
