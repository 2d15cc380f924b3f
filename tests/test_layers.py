"""The layers of the apps (README "Where things live", pyproject ``[tool.importlinter]``) hold.

The contracts are import-linter's; this test runs them so CI fails when an app imports one above it
(even inside a function), and checks that the README's table names the same layers in the same order.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]


def app_layers() -> list[set[str]]:
    contract = next(c for c in CONFIG["contracts"] if c["type"] == "layers" and "containers" not in c)
    return [
        {name.strip().removeprefix("binhdang.") for name in layer.split("|")} for layer in contract["layers"]
    ]


def readme_layers() -> list[set[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = text.split("### Layers", 1)[1].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("|"))
    rows = lines[start + 2 : end]  # past the header and its rule
    return [set(re.findall(r"`(\w+)`", row.split("|")[2])) for row in rows]


def test_the_import_contracts_are_kept(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True) == 0


def test_the_readme_table_names_the_layers_of_the_contract_top_down():
    assert readme_layers() == app_layers()


def test_every_app_has_its_layer():
    apps = {p.parent.name for p in (ROOT / "binhdang").glob("*/apps.py")}
    assert apps == set().union(*app_layers())


def test_an_app_importing_a_layer_above_it_breaks_the_contract(tmp_path):
    """The contract can fail: a copy of the package's shape where core imports portal inside a function."""
    for layer in app_layers():
        for app in layer:
            (tmp_path / "binhdang" / app).mkdir(parents=True)
            (tmp_path / "binhdang" / app / "__init__.py").write_text("")
    (tmp_path / "binhdang" / "__init__.py").write_text("")
    (tmp_path / "binhdang" / "core" / "text.py").write_text(
        "def helper():\n    from binhdang.portal import views  # noqa\n"
    )
    (tmp_path / "binhdang" / "portal" / "views.py").write_text("")
    contract = next(c for c in CONFIG["contracts"] if c["type"] == "layers" and "containers" not in c)
    (tmp_path / ".importlinter").write_text(
        "[importlinter]\nroot_package = binhdang\n\n[importlinter:contract:apps]\nname = apps\n"
        "type = layers\nlayers =\n    " + "\n    ".join(contract["layers"]) + "\n"
    )
    run = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "binhdang.core.text -> binhdang.portal.views" in run.stdout
