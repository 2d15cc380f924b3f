"""api.filters.filter_given: a list narrowed by the parameters the caller gave, and only by those."""

from __future__ import annotations

from binhdang.api.filters import filter_given
from binhdang.orgunits.models import OrgUnit


def test_only_the_given_parameters_filter(daklak, laichau):
    units = OrgUnit.objects.all()
    assert filter_given(units, type=None, province=None) is units
    communes = filter_given(units, type="commune", province=None)
    assert set(communes) == {daklak.commune_a, daklak.commune_b, laichau.commune_a, laichau.commune_b}
    assert list(filter_given(units, type="commune", province=daklak.root.pk, code=daklak.commune_a.code)) == [
        daklak.commune_a
    ]


def test_a_zero_is_a_given_value(daklak):
    assert not filter_given(OrgUnit.objects.all(), pk=0).exists()
