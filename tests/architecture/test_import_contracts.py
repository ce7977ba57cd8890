"""The package rules of docs/architecture.md, checked by import-linter (see .importlinter)."""

from __future__ import annotations

from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_are_kept() -> None:
    # The report (printed on failure) names each forbidden import and where it is.
    assert lint_imports(config_filename=str(ROOT / ".importlinter"), no_cache=True) == 0
