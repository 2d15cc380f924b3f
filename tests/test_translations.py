"""Every user-visible string has a Vietnamese translation, and the compiled catalogues are current."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "binhdang"
VI_CATALOGUES = sorted(ROOT.glob("*/locale/vi/LC_MESSAGES/django.po"))


def parse_po(path: Path) -> dict[str, dict]:
    """A small .po reader: msgid (with msgctxt) -> {"msgstr": [...], "fuzzy": bool}."""
    entries: dict[str, dict] = {}
    current: dict = {}
    field = None
    fuzzy = False

    def flush() -> None:
        nonlocal current, fuzzy
        if "msgid" in current:
            key = current["msgid"]
            if "msgctxt" in current:
                key = current["msgctxt"] + "\x04" + key
            strs = [v for k, v in sorted(current.items()) if k.startswith("msgstr")]
            entries[key] = {"msgstr": strs, "fuzzy": fuzzy, "obsolete": current.get("obsolete", False)}
        current, fuzzy = {}, False

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#~"):
            continue
        if line.startswith("#,") and "fuzzy" in line:
            flush()
            fuzzy = True
            continue
        if not line or line.startswith("#"):
            if not line and "msgid" in current and any(k.startswith("msgstr") for k in current):
                flush()
            continue
        if line.startswith('"'):
            current[field] += ast.literal_eval(line)
            continue
        keyword, _, value = line.partition(" ")
        if keyword.startswith("msgstr["):
            keyword = "msgstr" + keyword[7:-1].zfill(3)
        if keyword == "msgid" and any(k.startswith("msgstr") for k in current):
            flush()
        field = keyword
        current[field] = ast.literal_eval(value)
    flush()
    return entries


@pytest.mark.parametrize("po", VI_CATALOGUES, ids=lambda p: p.parts[-5])
def test_every_string_of_the_app_is_translated_to_vietnamese(po: Path):
    entries = parse_po(po)
    missing = [key for key, e in entries.items() if key and (e["fuzzy"] or not all(e["msgstr"]))]
    assert not missing, f"{po}: untranslated or fuzzy entries: {missing[:10]}"


@pytest.mark.parametrize("po", VI_CATALOGUES, ids=lambda p: p.parts[-5])
def test_compiled_catalogue_matches_its_source(po: Path):
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run `make messages`"
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    for key, entry in parse_po(po).items():
        if not key:
            continue
        compiled_value = compiled.get(key, compiled.get((key, 0)))
        assert compiled_value is not None, f"{po}: {key!r} is not in the compiled .mo: run `make messages`"
        assert compiled_value == entry["msgstr"][0], f"{po}: {key!r} differs in the .mo: run `make messages`"


def test_the_apps_have_vietnamese_catalogues():
    assert VI_CATALOGUES, "no Vietnamese catalogues found"


def test_a_reports_draft_has_one_name_in_vietnamese():
    """One term for a report's draft everywhere: "bản nháp" (not "báo cáo nháp", "lưu nháp"...)."""

    other = [
        (po.parts[-5], text)
        for po in VI_CATALOGUES
        for entry in parse_po(po).values()
        for text in entry["msgstr"]
        if any(word.lower() != "bản" for word in re.findall(r"(\w+)\s+nháp", text, re.IGNORECASE))
    ]
    assert not other, other


def test_no_english_text_is_translated_two_ways_by_two_apps():
    """Django merges every app's catalogue into one: a text two apps translate differently reads as the
    first app's everywhere ("unit" was "đơn vị tính", a unit of measure, on the reports' pages; "type"
    was "loại đơn vị" for an activity's type). A text of another meaning has a context of its own
    (``pgettext``, ``{% translate ... context ... %}``)."""
    translations: dict[str, set[str]] = {}
    for po in VI_CATALOGUES:
        for key, entry in parse_po(po).items():
            if key and not entry["fuzzy"] and not entry["obsolete"] and entry["msgstr"]:
                translations.setdefault(key, set()).add(entry["msgstr"][0])
    two_way = {
        key.replace("\x04", " | "): sorted(found) for key, found in translations.items() if len(found) > 1
    }
    assert not two_way, two_way


@pytest.mark.parametrize("po", VI_CATALOGUES, ids=lambda p: p.parts[-5])
def test_every_text_reads_as_its_apps_catalogue_says(po: Path):
    """binhdang's catalogues come before Django's and the libraries' (settings.LOCALE_PATHS): "Log out"
    read "Thoát" (the admin's word) in the header, and "sessions" read "session", in English."""
    from django.utils import translation

    wrong = []
    with translation.override("vi"):
        for key, entry in parse_po(po).items():
            if not key or entry["fuzzy"] or len(entry["msgstr"]) != 1:  # plural forms: not by gettext()
                continue
            context, _, text = key.rpartition("\x04")
            shown = translation.pgettext(context, text) if context else translation.gettext(text)
            if shown != entry["msgstr"][0]:
                wrong.append((key.replace("\x04", " | "), entry["msgstr"][0], shown))
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("model", "field", "vietnamese"),
    [
        ("reporting.Submission", "unit", "đơn vị"),
        ("work.Activity", "unit", "đơn vị"),
        ("plans.Indicator", "unit", "đơn vị tính"),
        ("plans.Target", "unit", "đơn vị tính"),
        ("work.Activity", "type", "loại"),
        ("orgunits.OrgUnit", "type", "loại đơn vị"),
    ],
)
def test_a_word_of_two_meanings_reads_as_each_field_means_it(model, field, vietnamese):
    from django.apps import apps
    from django.utils import translation

    with translation.override("vi"):
        assert str(apps.get_model(model)._meta.get_field(field).verbose_name) == vietnamese


def test_the_header_says_log_out_in_vietnamese(client, commune_a_reporter):
    client.force_login(commune_a_reporter)
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert ">Đăng xuất</button>" in page and "Thoát" not in page


#: ``{% translate "text" %}`` and ``{% translate "text" context "ctx" %}`` with a literal text.
TRANSLATE_TAG = re.compile(r'\{%\s*(?:translate|trans)\s+"((?:[^"\\]|\\.)*)"(?:\s+context\s+"([^"]*)")?')


def test_every_literal_translated_in_a_template_is_in_a_catalogue():
    """As Django looks it up: a template's literal has its percent signs doubled ("5%" is looked up as
    "5%%"), so a catalogue entry written with single ones is never found and the English text is shown
    (the results' help page showed a paragraph in English)."""
    known: set[str] = set()
    for po in VI_CATALOGUES:
        known.update(key for key, entry in parse_po(po).items() if key and entry["msgstr"])
    missing = []
    for template in sorted(ROOT.glob("*/templates/**/*.html")):
        for text, context in TRANSLATE_TAG.findall(template.read_text(encoding="utf-8")):
            key = text.replace("%", "%%")
            key = f"{context}\x04{key}" if context else key
            if key not in known:
                missing.append((template.relative_to(ROOT).as_posix(), text[:60]))
    assert not missing, missing


def test_the_empty_choice_of_a_select_is_in_vietnamese():
    """Django's own label for it (new in Django 6) is not in Django's Vietnamese catalogue yet
    (``core.django_texts``)."""
    from django.db.models.fields import BLANK_CHOICE_LABEL
    from django.utils import translation

    with translation.override("vi"):
        assert str(BLANK_CHOICE_LABEL) == "- Chọn -"
    with translation.override("en"):
        assert str(BLANK_CHOICE_LABEL) == "- Select an option -"
