"""The README's commands, run as written: the API tour and the ratings example with the key the
tour suggests (the admin key printed at first start), and the command-line block.

Only the port of `localhost:8000` (a free one), the key's value and the path of the console
script (this interpreter's) are substituted. `serve`, `worker`, `relay` and `train` are not run
here: the first three run until stopped (tests/e2e and tests/deploy start them), `train` needs
the labelled pool.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import reachable

from civility.testing import run_server

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
LONG_RUNNING = ("serve", "worker", "relay", "train")


def bash_block(after_heading: str) -> str:
    """Returns the first ```bash block after a heading."""
    section = README.split(after_heading, 1)[1]
    match = re.search(r"```bash\n(.*?)```", section, re.S)
    assert match, f"no bash block after {after_heading!r}"
    return match.group(1)


def ocr_ready() -> bool:
    """Tells whether images can be read here (the `ocr` extra and Debian's tesseract-ocr)."""
    modules = all(importlib.util.find_spec(m) for m in ("pytesseract", "PIL"))
    return modules and shutil.which("tesseract") is not None


def with_image_example(script: str, cwd: Path) -> str:
    """Draws the tour's meme.png where OCR can run; elsewhere leaves out that one example,
    which the README itself marks as needing the opt-in extra (CI installs it)."""
    if "meme.png" not in script:
        return script
    if not ocr_ready():
        if os.environ.get("CI") == "true":
            pytest.fail("the tour's image example needs the ocr extra and tesseract in CI")
        return "\n\n".join(p for p in script.split("\n\n") if "meme.png" not in p)
    from PIL import Image, ImageDraw, ImageFont

    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    font = ImageFont.truetype(str(dejavu), 32) if dejavu.is_file() else None
    image = Image.new("RGB", (640, 120), "white")
    ImageDraw.Draw(image).text((20, 40), "you are an idiot", fill="black", font=font)
    image.save(cwd / "meme.png")
    return script


def run_bash(script: str, cwd: Path, env: dict[str, str] | None = None, stdin: str = "") -> str:
    # Any 4xx or 5xx fails the script: a step the key cannot do is an error, not output.
    prelude = 'set -euo pipefail\ncurl() { command curl --fail-with-body --show-error "$@"; }\n'
    done = subprocess.run(
        ["bash", "-c", prelude + script],
        cwd=cwd,
        env=env if env is not None else dict(os.environ),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def test_the_api_tour_and_the_ratings_example_run_with_the_suggested_key(tmp_path: Path) -> None:
    tour = bash_block("## Five-minute API tour")
    ratings = bash_block("### Ratings")
    assert "export KEY=civ_...   # the admin key printed at first start" in tour
    with run_server(tmp_path) as server:
        script = (tour + ratings).replace("localhost:8000", f"localhost:{server.port}")
        script = script.replace("export KEY=civ_...", f"export KEY={server.key}", 1)
        out = run_bash(with_image_example(script, tmp_path), tmp_path)
    assert '"decision"' in out
    assert '"status":"ready"' in out.replace(" ", "")
    assert "civility_http_requests_total" in out


def test_the_command_line_block_runs_as_written(tmp_path: Path) -> None:
    block = bash_block("## Command line")
    lines = [
        line.split("   #")[0].split("  #")[0].strip()
        for line in block.splitlines()
        if line.startswith(".venv/bin/civility")
    ]
    runnable = [line for line in lines if line.split()[1] not in LONG_RUNNING]
    assert len(runnable) >= 11, runnable
    (tmp_path / "in.csv").write_text("text\nhello\nyou are an idiot\n", encoding="utf-8")
    (tmp_path / "labelled.csv").write_text(
        "text,toxicity,lang\nhello friend,0,en\nyou stupid idiot,1,en\nnice day,0,en\n"
        "shut up moron,1,en\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("CIVILITY_")}
    env |= {"CIVILITY_DATA_DIR": str(tmp_path / "data"), "CIVILITY_SCORER": "builtin"}
    if reachable("127.0.0.1", 6379):  # `deadletter` needs a shared broker
        env["CIVILITY_BROKER_URL"] = "redis://127.0.0.1:6379/0"
        env["CIVILITY_BROKER_QUEUE"] = f"civility.test.readme.{os.getpid()}"
    elif os.environ.get("CI") == "true":
        pytest.fail("Redis is required with CI=true")
    script = "\n".join(runnable).replace(".venv/bin/civility", f"{sys.executable} -m civility")
    # `user create` asks for the password twice.
    script = script.replace("--role moderator", "--role moderator --password 'a long password'", 1)
    out = run_bash(script, tmp_path, {**env, "PATH": os.environ["PATH"]})
    assert (tmp_path / "out.csv").exists()
    assert (tmp_path / "u1.json").exists()
    assert "toxicity" in out
