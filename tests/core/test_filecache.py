"""core.filecache: a generated file kept per scope, served only while its version is unchanged."""

from __future__ import annotations

from binhdang.core import filecache


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
