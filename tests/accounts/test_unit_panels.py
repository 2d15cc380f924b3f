"""Panels the apps above ``accounts`` add to a unit's page (``accounts.unit_panels``)."""

from __future__ import annotations

from binhdang.accounts import unit_panels


def test_a_registered_panel_is_rendered_only_where_it_has_something_for_the_user(daklak):
    seen = []

    def panel(user, unit):
        seen.append(unit.code)
        return None if unit.is_province else ("work/_unit_inspections.html", {"marker": unit.code})

    before = dict(unit_panels._panels)
    try:
        unit_panels.register("test-panel", panel)
        on_commune = unit_panels.panels_for(None, daklak.commune_a)
        on_province = unit_panels.panels_for(None, daklak.root)
    finally:
        unit_panels._panels.clear()
        unit_panels._panels.update(before)
    assert [p.template for p in on_commune if p.context == {"inspections": []}] == [
        "work/_unit_inspections.html"
    ]
    assert all(p.context != {"inspections": []} for p in on_province)
    assert seen == [daklak.commune_a.code, daklak.root.code]


def test_the_work_app_lists_a_units_inspections_on_its_page():
    assert "inspections" in unit_panels._panels
