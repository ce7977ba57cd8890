"""src/civility uses other modules' public names only: no `from civility.x import _name`.

A leading underscore marks what a module keeps to itself; reaching into it from elsewhere
ties the two modules together without saying so (issue 19, "public APIs only"). A private
module (`client/_base.py`, `policy/_parse.py`) is its package's own: modules of that package
may use it, nothing outside may.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(dotted: str) -> bool:
    base = SRC.joinpath(*dotted.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _reaches_into(importer: str, target: str) -> str | None:
    """Why `importer` may not use the module or object `target`, or None when it may."""
    parts = target.split(".")
    for i, part in enumerate(parts[1:], start=1):
        if not _private(part):
            continue
        owner = ".".join(parts[:i])
        if _is_module(".".join(parts[: i + 1])):
            # A private module: its own package (and that package's modules) may use it.
            if importer != owner and not importer.startswith(owner + "."):
                return f"private module {'.'.join(parts[: i + 1])} outside {owner}"
        elif owner != importer:
            return f"private name {parts[i]} of {owner}"
    return None


def violations(source: str, importer: str) -> Iterator[str]:
    """Each use of another civility module's private name in one module's source."""
    modules: dict[str, str] = {}  # local alias -> the civility module it names
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("civility."):
                    why = _reaches_into(importer, alias.name)
                    if why:
                        yield f"{importer}:{node.lineno}: import {alias.name} ({why})"
                    if alias.asname:
                        modules[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module != "civility" and not node.module.startswith("civility."):
                continue
            for alias in node.names:
                target = f"{node.module}.{alias.name}"
                why = _reaches_into(importer, target)
                if why:
                    line = f"from {node.module} import {alias.name}"
                    yield f"{importer}:{node.lineno}: {line} ({why})"
                if _is_module(target):
                    modules[alias.asname or alias.name] = target
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
        ):
            target = f"{modules[node.value.id]}.{node.attr}"
            why = _reaches_into(importer, target)
            if why:
                yield f"{importer}:{node.lineno}: {node.value.id}.{node.attr} ({why})"


def test_src_imports_no_private_name_of_another_module() -> None:
    found = [
        v
        for path in sorted((SRC / "civility").rglob("*.py"))
        for v in violations(path.read_text(), _module_name(path))
    ]
    assert found == []


def test_the_check_sees_each_kind_of_reach() -> None:
    # Real private names and modules of src/, used from a module that does not own them.
    reaching = """
from civility.scoring.experts import _segment_sort
from civility.client._base import Call
from civility.policy import _parse
import civility.client._base
from civility.scoring import experts
experts._segment_sort
"""
    found = list(violations(reaching, "civility.api.app"))
    assert len(found) == 5, found
    allowed = """
from civility.client._base import Call
from civility.client import _base
from civility import __version__
from civility.scoring.experts import distinct_entries
from civility.scoring import experts
experts.distinct_entries
"""
    assert list(violations(allowed, "civility.client.appeals")) == []
