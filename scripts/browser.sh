#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (tests/browser) when it is missing.
# Never fails the run: without apt (or root) it says so, and the tests skip (CI=true fails them).
set -u
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "browser.sh: no apt-get here; install Chromium at $CHROMIUM to run the browser tests" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "browser.sh: not root and no passwordless sudo; skipping the Chromium install" >&2
    exit 0
  fi
fi
echo "browser.sh: installing chromium (Debian package)" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium; } \
    >/tmp/civility-browser-install.log 2>&1; then
  echo "browser.sh: apt-get could not install chromium (see /tmp/civility-browser-install.log)" >&2
fi
exit 0
