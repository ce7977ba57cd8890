"""The lean install: `make run` installs only what serving needs; tests and training add theirs."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from tests.deploy.deploy_helpers import ROOT

# What the issue found `make run` installing, none of which serving needs.
NOT_FOR_SERVING = {
    "pytest-playwright",
    "scipy",
    "google-api-python-client",
    "pandas",
    "scikit-learn",
    "mypy",
    "openai",
    "torch",
    # OCR is opt-in (the `images` extra): the default install stays lean.
    "pytesseract",
}


def pip_installs(target: str, tmp_path: Path) -> list[str]:
    """Returns the `pip install -e` lines `make <target>` would run in a fresh checkout."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    out = subprocess.run(
        ["make", "-n", "-B", target, f"VENV={tmp_path / 'venv'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    return [line for line in out.splitlines() if re.search(r"pip install .*-e ", line)]


def extras(line: str) -> set[str]:
    found = re.search(r"'\.\[([a-z,-]+)\]'", line)
    assert found, line
    return set(found.group(1).split(","))


def test_run_installs_the_package_and_the_accurate_tier_only(tmp_path: Path) -> None:
    (line,) = pip_installs("run", tmp_path)
    assert extras(line) == {"accurate"}


@pytest.mark.parametrize(
    ("target", "wanted"),
    [
        ("test", {"accurate", "dev", "images", "train"}),
        ("bench", {"accurate", "train"}),
        ("train", {"accurate", "train"}),
    ],
)
def test_other_targets_install_their_own_extras(
    target: str, wanted: set[str], tmp_path: Path
) -> None:
    (line,) = pip_installs(target, tmp_path)
    assert extras(line) == wanted


def test_serving_dependencies_leave_out_tests_and_training() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    serving = [*project["dependencies"], *project["optional-dependencies"]["accurate"]]
    names = {re.split(r"[\[=<>~ ]", d, maxsplit=1)[0].lower() for d in serving}
    assert not names & NOT_FOR_SERVING
    assert {"onnxruntime", "tokenizers"} <= names
