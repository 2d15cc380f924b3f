"""core.filecache: a generated file kept per scope, served only while its version is unchanged."""

from __future__ import annotations

import pytest
from django.db.models import Count, Max

from binhdang.core import filecache
from binhdang.orgunits.models import OrgUnit


def test_a_kept_file_is_served_for_its_scope_and_version_only(settings, tmp_path):
    settings.FILE_CACHE_DIR = tmp_path
    built: list[str] = []

    def build(text):
        def make():
            built.append(text)
            return text.encode()

        return make

    assert filecache.cached_file("kind", ("plan", 1), "v1", build("one")) == b"one"
    assert filecache.cached_file("kind", ("plan", 1), "v1", build("again")) == b"one"
    assert filecache.cached_file("kind", ("plan", 2), "v1", build("two")) == b"two"  # another scope
    assert filecache.cached_file("kind", ("plan", 1), "v2", build("changed")) == b"changed"
    assert filecache.read("kind", ("plan", 1), "v1") is None  # the older version is gone, not served
    assert built == ["one", "two", "changed"]
    assert len(list((tmp_path / "kind").iterdir())) == 2  # one file per scope, no temporary left


def test_a_file_is_kept_for_its_scope_and_version_only(settings, tmp_path):
    settings.FILE_CACHE_DIR = tmp_path
    assert filecache.read("kind", ("unit", 7), "v1") is None  # nothing kept yet
    filecache.write("kind", ("unit", 7), "v1", b"content")
    assert filecache.read("kind", ("unit", 7), "v1") == b"content"
    assert filecache.read("kind", ("unit", 7), "v2") is None
    assert filecache.read("kind", ("unit", 8), "v1") is None


def test_a_damaged_or_foreign_file_is_built_again(settings, tmp_path):
    settings.FILE_CACHE_DIR = tmp_path
    filecache.write("kind", ("unit", 7), "v", b"content")
    path = next((tmp_path / "kind").iterdir())
    path.write_bytes(b"not ours")
    assert filecache.cached_file("kind", ("unit", 7), "v", lambda: b"rebuilt") == b"rebuilt"
    assert filecache.read("kind", ("unit", 7), "v") == b"rebuilt"


def test_the_code_version_follows_the_sources(tmp_path):
    first = filecache.code_version("documents", "results")
    assert first == filecache.code_version("documents", "results")
    assert first != filecache.code_version("documents")


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A package of two apps in place of binhdang's, its folders' digests forgotten before and after."""
    for app in ("one", "two"):
        (tmp_path / app).mkdir()
        (tmp_path / app / "__init__.py").write_text("")
        (tmp_path / app / "views.py").write_text(f"NAME = {app!r}\n")
    monkeypatch.setattr(filecache, "_PACKAGE", tmp_path)
    filecache._folder_digest.cache_clear()
    yield tmp_path
    filecache._folder_digest.cache_clear()


def test_a_changed_source_template_or_translation_is_another_code_version(package):
    first = filecache.code_version("one", "two")
    for changed in ("one/views.py", "one/templates/page.html", "one/locale/vi/LC_MESSAGES/django.mo"):
        (package / changed).parent.mkdir(parents=True, exist_ok=True)
        (package / changed).write_text("changed")
        filecache._folder_digest.cache_clear()  # a restarted process
        assert filecache.code_version("one", "two") != first, changed
        first = filecache.code_version("one", "two")
    (package / "one" / "notes.txt").write_text("not code")
    filecache._folder_digest.cache_clear()
    assert filecache.code_version("one", "two") == first


def test_after_the_warm_up_the_code_version_reads_no_file(package, monkeypatch):
    filecache.warm_up()
    expected = filecache.code_version("two", "one")

    def refuse(self):
        raise AssertionError(f"{self} read after the warm-up")

    monkeypatch.setattr(type(package), "read_bytes", refuse)
    assert filecache.code_version("two", "one") == expected
    assert filecache.code_version("one") != expected


def _by_the_orm(queryset) -> tuple:
    """What one aggregate query per queryset says: rows, highest key, latest change."""
    pk = queryset.model._meta.pk.name
    dated = any(field.name == "history_date" for field in queryset.model._meta.fields)
    figures = queryset.aggregate(
        rows=Count(pk), last=Max(pk), **({"when": Max("history_date")} if dated else {})
    )
    when = figures.get("when")
    return (figures["rows"], figures["last"], when.isoformat() if when else None)


@pytest.mark.django_db
def test_the_data_version_counts_every_queryset_in_one_statement(daklak, django_assert_num_queries):
    querysets = [
        OrgUnit.history.filter(province_id=daklak.root.pk),  # history: with the latest change's time
        OrgUnit.objects.filter(province_id=daklak.root.pk),  # no history: no time
        OrgUnit.history.filter(id=daklak.commune_a.pk).exclude(history_type="-"),
        OrgUnit.objects.filter(code="no-such-unit"),  # no row
        OrgUnit.objects.filter(pk__in=[]),  # can have no row: not even asked
    ]
    with django_assert_num_queries(1):
        found = filecache.data_version(querysets)
    assert found == [_by_the_orm(queryset) for queryset in querysets[:4]] + [(0, None, None)]
    assert found[0][0] > 1 and found[0][2] is not None and found[1][2] is None and found[3] == (0, None, None)


@pytest.mark.django_db
def test_the_data_version_moves_with_a_change_and_a_deletion(daklak):
    units = [OrgUnit.history.filter(province_id=daklak.root.pk)]
    before = filecache.data_version(units)
    daklak.commune_a.name = "Xã Ea Kar mới"
    daklak.commune_a.save()
    changed = filecache.data_version(units)
    daklak.commune_b.delete()
    assert len({repr(before), repr(changed), repr(filecache.data_version(units))}) == 3
