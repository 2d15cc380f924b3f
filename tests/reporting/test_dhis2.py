"""DHIS2's own formats (issue 19): the one-set JSON whose values carry their unit, period and data
set, and ADX, both out and in, checked against DHIS2's JSON schema and ADX XSD (written from DHIS2's
documentation into ``dhis2_schemas/``), with org units by code (``idScheme=CODE``) or by their DHIS2 uid.
test_dhis2_models.py checks the JSON export and the import summaries against DHIS2's pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from django.utils import translation
from lxml import etree

from binhdang.core.exports import Scope
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting.datavalue_export import export_data_value_sets
from binhdang.reporting.datavaluesets import DataValueSetError, import_data_value_sets
from binhdang.reporting.dhis2 import ADX_NS, FormatError, export_adx, export_dhis2_json, read_import
from binhdang.reporting.exporters import Adx, Dhis2DataValueSet
from binhdang.reporting.models import State, Submission

from .test_datavaluesets import good_file

SCHEMAS = Path(__file__).parent / "dhis2_schemas"
DATA_VALUE_SET = json.loads((SCHEMAS / "dataValueSet.schema.json").read_text(encoding="utf-8"))
ADX_XSD = etree.XMLSchema(etree.parse(str(SCHEMAS / "adx.xsd")))


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def reports(period) -> dict:
    return {s["orgUnit"]: s for s in export_data_value_sets(period)["dataValueSets"]}


def without_complete_dates(sets: dict) -> dict:
    return {k: {n: v for n, v in s.items() if n != "completeDate"} for k, s in sets.items()}


def test_the_dhis2_json_is_one_set_whose_values_carry_unit_period_and_data_set(period, focal_officer):
    import_data_value_sets(good_file(), focal_officer)
    data = json.loads(Dhis2DataValueSet().render(Scope(period=period)))
    jsonschema.validate(data, DATA_VALUE_SET)
    assert "dataValueSets" not in data and data["dataSet"] == "TT1790" and data["period"] == "2026"
    units = {v["orgUnit"] for v in data["dataValues"]}
    assert units == {"66-C001", "66-C002", "66-D06"}
    assert all(v["period"] == "2026" and v["dataSet"] == "TT1790" for v in data["dataValues"])
    female = next(v for v in data["dataValues"] if v.get("categoryOptionCombo") == "FEMALE")
    assert female["dataElement"] == "TT_PARTICIPANTS" and female["value"] == "180"
    assert all(
        "categoryOptionCombo" in v or v["dataElement"] != "TT_PARTICIPANTS" for v in data["dataValues"]
    )


def test_the_dhis2_json_imports_back_into_the_same_values(period, focal_officer):
    import_data_value_sets(good_file(), focal_officer)
    before = reports(period)
    data = json.loads(Dhis2DataValueSet().render(Scope(period=period)))
    Submission.objects.all().delete()
    result = import_data_value_sets(read_import(json.dumps(data).encode()), focal_officer)
    assert result.sets == 3 and result.imported == sum(len(s["dataValues"]) for s in before.values())
    assert without_complete_dates(reports(period)) == without_complete_dates(before)


def test_adx_validates_against_the_adx_schema_and_round_trips_states_and_dates(period, focal_officer):
    import_data_value_sets(good_file(), focal_officer)
    before = reports(period)
    content = Adx().render(Scope(period=period))
    document = etree.fromstring(content)
    ADX_XSD.assertValid(document)
    groups = document.findall(f"{{{ADX_NS}}}group")
    assert [g.get("orgUnit") for g in groups] == ["66-C001", "66-C002", "66-D06"]
    assert groups[0].get("period") == "2026-01-01/P1Y" and groups[0].get("completeDate") == "2026-11-20"
    female = groups[0].find(f"{{{ADX_NS}}}dataValue[@dataElement='TT_PARTICIPANTS'][@SEX='FEMALE']")
    assert female is not None and female.get("value") == "180"
    yes = groups[0].find(f"{{{ADX_NS}}}dataValue[@dataElement='TT_AM_PLAN']")
    assert yes.get("value") == "0" and yes.findtext(f"{{{ADX_NS}}}annotation") == "true"
    Submission.objects.all().delete()
    import_data_value_sets(read_import(content), focal_officer)
    assert reports(period) == before
    assert Submission.objects.get(unit__code="66-C001").state == State.SUBMITTED


def test_a_strategy_measure_travels_in_adx_as_a_measure_attribute():
    sets = [
        {
            "dataSet": "CL-X",
            "period": "2027",
            "orgUnit": "66",
            "dataValues": [
                {"dataElement": "CL_1", "categoryOptionCombo": "NUMERATOR", "value": "12.5"},
                {"dataElement": "CL_1", "categoryOptionCombo": "NOTE", "value": "Sở Y tế <2027>"},
            ],
        }
    ]
    content = export_adx(sets)
    ADX_XSD.assertValid(etree.fromstring(content))
    assert read_import(content)["adx"][0]["dataValues"] == sets[0]["dataValues"]


def test_with_id_scheme_uid_units_are_named_by_their_dhis2_uid_and_read_back(period, focal_officer):
    import_data_value_sets(good_file(), focal_officer)
    uids = {"66-C001": "Ea1Kar00001", "66-C002": "Ea2Kar00002", "66-D06": "SoYTe000006"}
    for code, uid in uids.items():
        OrgUnit.objects.filter(code=code).update(dhis2_uid=uid)
    before = reports(period)
    data = json.loads(Dhis2DataValueSet().render(Scope(period=period, filters={"id_scheme": "UID"})))
    jsonschema.validate(data, DATA_VALUE_SET)
    assert {v["orgUnit"] for v in data["dataValues"]} == set(uids.values())
    content = Adx().render(Scope(period=period, filters={"id_scheme": "UID"}))
    assert [g.get("orgUnit") for g in etree.fromstring(content)] == list(uids.values())
    Submission.objects.all().delete()
    import_data_value_sets(read_import(content), focal_officer)
    assert reports(period) == before


def test_id_scheme_uid_names_the_units_without_a_uid(period, focal_officer):
    import_data_value_sets(good_file(), focal_officer)
    OrgUnit.objects.filter(code="66-C001").update(dhis2_uid="Ea1Kar00001")
    with pytest.raises(FormatError) as caught:
        Adx().render(Scope(period=period, filters={"id_scheme": "UID"}))
    names = dict(
        OrgUnit.objects.filter(code__in=["66-C001", "66-C002", "66-D06"]).values_list("code", "name")
    )
    message = caught.value.messages[0]
    assert message.startswith("idScheme=UID: ")
    assert names["66-C002"] in message and names["66-D06"] in message and names["66-C001"] not in message
    with pytest.raises(FormatError, match="idScheme"):
        export_dhis2_json([], "NAME")


def test_a_problem_in_a_dhis2_json_file_is_named_at_its_place_in_the_file(period, focal_officer):
    import_data_value_sets(good_file(), focal_officer)
    data = json.loads(Dhis2DataValueSet().render(Scope(period=period)))
    Submission.objects.all().delete()
    data["dataValues"][20]["value"] = "-3"
    data["dataValues"][33]["dataElement"] = "TT_FOO"
    with pytest.raises(DataValueSetError) as caught:
        import_data_value_sets(data, focal_officer)
    places = [m.split(":", 1)[0] for m in caught.value.messages]
    assert places == ["dataValues[20].value", "dataValues[33].dataElement"]
    assert not Submission.objects.exists()


def test_a_problem_in_an_adx_file_is_named_at_its_group_and_value(period, focal_officer):
    content = export_adx(good_file()["dataValueSets"]).decode()
    content = content.replace('value="180"', 'value="-180"', 1)
    with pytest.raises(DataValueSetError) as caught:
        import_data_value_sets(read_import(content), focal_officer)
    assert caught.value.messages[0].startswith("group[0].dataValue[2].value: ")
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    "content, message",
    [
        (b"<adx><group/></adx>", "urn:ihe:qrph:adx:2015"),
        (b"<adx", "ADX"),
        (f'<adx xmlns="{ADX_NS}" exported="2026-12-04T00:00:00"/>'.encode(), "<group>"),
        (
            b'<?xml version="1.0"?><!DOCTYPE adx [<!ENTITY x "y">]>'
            b'<adx xmlns="urn:ihe:qrph:adx:2015"><group/></adx>',
            "ADX",
        ),
    ],
    ids=["no namespace", "broken", "no group", "entities"],
)
def test_a_file_that_is_not_adx_is_refused_in_vietnamese(db, content, message):
    with pytest.raises(FormatError) as caught:
        read_import(content)
    assert message in caught.value.messages[0]


def test_binhdangs_own_wrapper_stays_an_accepted_input(period, focal_officer):
    result = import_data_value_sets(read_import(json.dumps(good_file()).encode("utf-8-sig")), focal_officer)
    assert result.sets == 3


def test_adx_periods_of_quarters_and_months_round_trip_to_iso_periods():
    from binhdang.reporting.dhis2 import adx_period, iso_from_adx

    for iso, adx in (("2026", "2026-01-01/P1Y"), ("2026Q2", "2026-04-01/P3M"), ("202603", "2026-03-01/P1M")):
        assert (adx_period(iso), iso_from_adx(adx)) == (adx, iso)
    assert iso_from_adx("2026-02-01/P3M") == "2026-02-01/P3M"  # not a calendar quarter: left as given
