#!/usr/bin/env bash
# Installs Debian's `prometheus` package for promtool (tests/deploy check and unit-test the
# alert rules with it) when promtool is missing.
# Never fails the run: without apt (or root) it says so, and the tests skip (CI=true fails them).
set -u
if command -v promtool >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "promtool.sh: no apt-get here; install promtool (Prometheus) to run the alert rule tests" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "promtool.sh: not root and no passwordless sudo; skipping the promtool install" >&2
    exit 0
  fi
fi
echo "promtool.sh: installing prometheus (Debian package, for promtool)" >&2
export DEBIAN_FRONTEND=noninteractive
# The package's postinst may try to start the server; nothing here needs it running.
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends prometheus; } \
    >/tmp/civility-promtool-install.log 2>&1; then
  echo "promtool.sh: apt-get could not install prometheus (see /tmp/civility-promtool-install.log)" >&2
fi
exit 0
