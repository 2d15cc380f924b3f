"""core.warmup: what a worker would work out on its first requests is ready when the application
is loaded, before gunicorn forks the workers, and reads no database."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from django.template import engines
from django.urls import URLResolver, clear_url_caches, reverse
from django.utils import translation

from binhdang.core import warmup

BINHDANG = Path(warmup.__file__).resolve().parent.parent


@pytest.fixture
def template_cache():
    """The cached loader's compiled templates, emptied before the test and after it."""
    loader = engines["django"].engine.template_loaders[0]
    loader.reset()
    yield loader.get_template_cache
    loader.reset()


def test_every_template_of_binhdang_is_compiled_and_kept_by_the_template_engine(template_cache):
    on_disk = {
        str(path.relative_to(folder))
        for folder in BINHDANG.glob("*/templates")
        for path in folder.rglob("*")
        if path.is_file()
    }
    names = warmup.warm_templates()
    assert set(names) == on_disk
    assert "base.html" in names
    assert on_disk <= set(template_cache)  # compiled once, served from the cache afterwards


def test_the_url_maps_lookup_tables_are_filled_so_no_request_builds_them(monkeypatch):
    clear_url_caches()
    warmup.warm_urls()

    def refuse(self):
        raise AssertionError(f"the lookup tables of {self!r} were built at a request")

    monkeypatch.setattr(URLResolver, "_populate", refuse)
    # one address of each kind of page: the root, an app's namespace, the API's
    assert reverse("core:home") == "/"
    assert reverse("reporting:notifications").startswith("/reporting/")
    assert reverse("plans:list")
    assert reverse("accounts:profile")


def test_every_namespace_of_the_url_map_is_found():
    from django.urls import get_resolver

    namespaces = warmup._namespaces(get_resolver())
    assert "" in namespaces
    assert {"core", "plans", "reporting", "accounts", "ministry"} <= set(namespaces)


def test_the_catalogues_of_both_languages_are_loaded():
    warmup.warm_catalogues()
    with translation.override("vi"):
        assert translation.gettext("Home") != "Home"
    with translation.override("en"):
        assert translation.gettext("Home") == "Home"


def test_warming_up_reads_no_database():
    # no django_db mark: pytest-django refuses any database access in this test
    warmup.warm_up()


def test_loading_the_wsgi_application_warms_it_up(monkeypatch):
    import binhdang.wsgi

    called = []
    monkeypatch.setattr(warmup, "warm_up", lambda: called.append(True))
    importlib.reload(binhdang.wsgi)
    assert called == [True]


def test_each_apps_own_warm_up_runs_too():
    from binhdang.documents import nd30

    nd30._blank.cache_clear()
    warmup.warm_up()
    assert nd30._blank.cache_info().currsize == 1  # the documents' blank page, made before any download
