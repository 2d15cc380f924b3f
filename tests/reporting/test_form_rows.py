"""The report page's fields written in Python (``reporting/views/form_rows.py``) are byte for byte what
the templates wrote before (kept in ``form_rows_legacy/``): editable and read-only, every kind of unit,
every type of field, refused values, warnings, the activity log's figures, figures consolidated from the
quarters, in Vietnamese and English."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.template import Context, Engine
from django.utils import translation

from binhdang.reporting.entry import build_sections
from binhdang.reporting.forms_catalog import (
    DEFAULT_COC,
    SEX_OPTIONS,
    TT1790,
    DataElement,
    FormDefinition,
    Section,
    ValueType,
)
from binhdang.reporting.issues import Issue
from binhdang.reporting.views import form_rows

LEGACY = Engine(
    dirs=[str(Path(__file__).parent / "form_rows_legacy")],
    libraries={"i18n": "django.templatetags.i18n", "l10n": "django.templatetags.l10n"},
)
ACCEPT_URL = "/reporting/submissions/7/accept-log/?a=1&b=<2>"

#: A form with the types TT1790 has not (dates, text) and texts that must be escaped.
ODD = FormDefinition(
    "ODD",
    "Odd <form>",
    (
        Section(
            "odd",
            'Mục "lạ" <b>&</b>',
            (
                DataElement("D_DATE", "Ngày <ban hành>", ValueType.DATE),
                DataElement("D_TEXT", "Ghi chú & 'nhận xét'", ValueType.TEXT),
                DataElement(
                    "D_NUM", "Số thập phân", ValueType.NUMBER, minimum=-1.5, maximum=12345.75, unit="%"
                ),
                DataElement("D_PLAIN", "Số không giới hạn", ValueType.INTEGER, required_options=()),
                DataElement(
                    "D_OPT", "Chọn", ValueType.OPTION, options=(("a<1>", "Lựa chọn <A>"), ("b&2", 'Chọn "B"'))
                ),
                DataElement("D_BOOL", "Có/không", ValueType.BOOLEAN),
                DataElement("D_SEX", "Theo giới <tính>", ValueType.INTEGER, category_options=SEX_OPTIONS),
            ),
        ),
    ),
)


def _sample(form: FormDefinition, unit, focal_unit, variant: int) -> list[dict]:
    """The form's sections filled every way: empty, typed, refused, warned, proposed by the log, differing
    from it, equal to it, consolidated from the quarters (which one depends on the field's place)."""
    values: dict[tuple[str, str], str] = {}
    issues, warnings, logged, fixed = [], [], {}, {}
    n = variant
    for element in form.elements_for(unit, focal_unit):
        for coc in element.category_options:
            n += 1
            kind, key = element.type_for(coc), (element.code, coc)
            if n % 5 == 0:
                values[key] = ""
            elif kind == ValueType.BOOLEAN:
                values[key] = "true" if n % 2 else "false"
            elif kind == ValueType.OPTION:
                codes = element.option_codes()
                values[key] = codes[n % len(codes)] if n % 3 else "not-an-option"
            elif kind == ValueType.TEXT:
                values[key] = f"Văn bản <script>&'\"{n}"
            elif kind == ValueType.DATE:
                values[key] = "2026-03-0" + str(n % 9 + 1) if n % 3 else "31/02/2026"
            else:
                values[key] = (str(n * 1250) if n % 3 else "12,5abc") if element.is_money else str(n * 7)
            if n % 4 == 1:
                issues.append(Issue(element.code, coc, f"Giá trị <{n}> không hợp lệ & bị từ chối"))
            if n % 6 == 2:
                warnings.append(Issue(element.code, coc, f"Khác nhiều so với năm trước: “{n}” <i>"))
            if kind in (ValueType.INTEGER, ValueType.NUMBER) and not element.is_money and n % 3 != 0:
                logged[key] = n * 7 if n % 2 else 1234567
        if element.disaggregated and n % 2:
            issues.append(Issue(element.code, DEFAULT_COC, f"Tổng <{n}> lớn hơn"))
            warnings.append(Issue(element.code, DEFAULT_COC, f"Cảnh báo & {n}"))
        if element.value_type == ValueType.INTEGER and not element.disaggregated and n % 7 == 3:
            fixed[element.code] = f"Quý 1/2026: {n} · Quý 2/2026: <chưa nộp>; tổng {n}"
    return build_sections(form, unit, focal_unit, values, issues, warnings, logged=logged, fixed=fixed)


def _forms(daklak):
    return [
        (TT1790, daklak.commune_a, daklak.noi_vu),
        (TT1790, daklak.noi_vu, daklak.noi_vu),  # the focal agency's department
        (TT1790, daklak.health, daklak.noi_vu),
        (TT1790, daklak.womens_union, daklak.noi_vu),
        (TT1790, daklak.newspaper, daklak.noi_vu),
        (ODD, daklak.commune_a, None),
    ]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_editable_fields_are_the_templates_markup_byte_for_byte(daklak, language):
    with translation.override(language):
        for form, unit, focal in _forms(daklak):
            for variant in range(3):
                sections = _sample(form, unit, focal, variant)
                for show_codes in (False, True):
                    for accept_url in ("", ACCEPT_URL):
                        old = LEGACY.get_template("reporting/editable.html").render(
                            Context(
                                {"sections": sections, "show_codes": show_codes, "accept_log_url": accept_url}
                            )
                        )
                        new = form_rows.editable_sections_html(
                            sections, show_codes=show_codes, accept_log_url=accept_url
                        )
                        assert new == old, (unit, variant, show_codes, accept_url)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_read_only_fields_are_the_templates_markup_byte_for_byte(daklak, language):
    with translation.override(language):
        for form, unit, focal in _forms(daklak):
            for variant in range(3):
                sections = _sample(form, unit, focal, variant)
                for board in (False, True):
                    old = LEGACY.get_template("reporting/readonly.html").render(
                        Context({"sections": sections, "show_codes": board, "can_view_board": board})
                    )
                    assert (
                        form_rows.readonly_sections_html(sections, show_codes=board, can_view_board=board)
                        == old
                    )


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_autosaves_field_messages_are_the_templates_markup_byte_for_byte(daklak, language):
    with translation.override(language):
        for form, unit, focal in _forms(daklak):
            sections = _sample(form, unit, focal, 1)
            old = LEGACY.get_template("reporting/oob.html").render(
                Context(
                    {
                        "field_inputs": [
                            i for block in sections for row in block["rows"] for i in row.inputs
                        ],
                        "field_rows": [
                            row for block in sections for row in block["rows"] if row.side_by_side
                        ],
                    }
                )
            )
            assert form_rows.oob_messages_html(sections) == old


def test_the_sample_covers_every_case_the_templates_distinguish(daklak):
    """The comparisons above are worth what the sample holds: each case is in it."""
    inputs = [
        i
        for form, unit, focal in _forms(daklak)
        for variant in range(3)
        for block in _sample(form, unit, focal, variant)
        for row in block["rows"]
        for i in row.inputs
    ]
    kinds = {i.value_type for i in inputs}
    assert {ValueType.BOOLEAN, ValueType.OPTION, ValueType.TEXT, ValueType.DATE, ValueType.INTEGER} <= kinds
    assert any(i.is_money and i.errors for i in inputs) and any(i.is_money and not i.errors for i in inputs)
    assert any(i.readonly for i in inputs) and any(i.proposed for i in inputs)
    assert any(i.differs_from_log for i in inputs) and any(i.warnings for i in inputs)
    assert any(i.logged is not None and not i.differs_from_log and not i.proposed for i in inputs)
    assert any(i.required for i in inputs) and any(not i.required for i in inputs)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_number_fields_bounds_are_plain_numbers_the_browser_reads(daklak, language):
    # "12.345,75" or "12,345.75" is no number to a browser, which then ignored the bound altogether
    with translation.override(language):
        html = form_rows.editable_sections_html(
            _sample(ODD, daklak.commune_a, None, 1), show_codes=False, accept_log_url=""
        )
    assert 'min="-1.5"' in html and 'max="12345.75"' in html
