#!/usr/bin/env bash
# Installs Debian's `poppler-utils` (pdftotext, pdftoppm, pdfinfo) when missing: tests/reports
# read the PDF reports back with them. Never fails the run: without apt (or root) it says so,
# and the PDF tests skip (CI=true fails them).
set -u
if command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "poppler.sh: no apt-get here; install poppler-utils to run the PDF report tests" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "poppler.sh: not root and no passwordless sudo; skipping the poppler-utils install" >&2
    exit 0
  fi
fi
echo "poppler.sh: installing poppler-utils (Debian package, for the PDF report tests)" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends poppler-utils; } \
    >/tmp/civility-poppler-install.log 2>&1; then
  echo "poppler.sh: apt-get could not install poppler-utils (see /tmp/civility-poppler-install.log)" >&2
fi
exit 0
