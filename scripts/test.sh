#!/usr/bin/env bash
# The whole suite: lint, types, then every test (integration servers started when possible).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}

echo "== ruff"
"$VENV/bin/ruff" check src tests bench
"$VENV/bin/ruff" format --check src tests bench
echo "== mypy --strict"
"$VENV/bin/mypy"
echo "== services"
bash scripts/services.sh
echo "== Debian packages (chromium, promtool, poppler-utils)"
bash scripts/debian-packages.sh
echo "== pytest"
# The browser tests run in their own pytest process: Playwright's sync API leaves an asyncio
# loop attached to the main thread, which breaks asyncio.run() in tests collected after it.
set +e
"$VENV/bin/python" -m pytest tests/browser "$@"
browser_status=$?
"$VENV/bin/python" -m pytest --ignore=tests/browser "$@"
status=$?
set -e
for s in "$status" "$browser_status"; do
  if [ "$s" -eq 5 ]; then
    echo "pytest collected no tests: that is a failure here" >&2
    exit 1
  fi
done
if [ "$status" -ne 0 ]; then exit "$status"; fi
exit "$browser_status"
