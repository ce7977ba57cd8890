#!/usr/bin/env bash
# Installs the Debian packages the test suite needs from outside PyPI, each only when a program
# it provides is missing: Chromium (tests/browser), prometheus for promtool (tests/deploy checks
# and unit-tests the alert rules), prometheus-alertmanager for amtool (tests/deploy checks the
# Alertmanager config and its routes), poppler-utils (tests/reports reads PDF reports back), DejaVu
# Sans (the PDF reports' font for non-Latin names) and Tesseract with the eight languages' packs (tests/ocr; the `ocr` extra's engine, docs/ocr.md).
# Never fails the run: without apt (or root) it says so, and the tests that need a program skip
# (CI=true fails them).
set -u
# package | programs (or data files) that must all exist | apt-get options | what needs it
WANTED=(
  "chromium|/usr/bin/chromium||the browser tests"
  "prometheus|promtool|--no-install-recommends|the alert rule tests (promtool)"
  "prometheus-alertmanager|amtool|--no-install-recommends|the Alertmanager config tests (amtool)"
  "poppler-utils|pdftotext pdftoppm|--no-install-recommends|the PDF report tests"
  "fonts-dejavu-core|/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf|--no-install-recommends|the PDF report tests (Cyrillic names)"
  "tesseract-ocr|tesseract|--no-install-recommends|the OCR tests"
)
# One traineddata file per language the service supports (Debian bookworm's tesseract 5 path).
for lang in eng deu spa fra ita por rus tur; do
  WANTED+=("tesseract-ocr-$lang|/usr/share/tesseract-ocr/5/tessdata/$lang.traineddata|--no-install-recommends|the OCR tests")
done
missing=()
for entry in "${WANTED[@]}"; do
  IFS='|' read -r package programs options purpose <<<"$entry"
  for program in $programs; do
    if ! command -v "$program" >/dev/null 2>&1 && [ ! -e "$program" ]; then
      missing+=("$entry")
      break
    fi
  done
done
[ "${#missing[@]}" -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  for entry in "${missing[@]}"; do
    IFS='|' read -r package _ _ purpose <<<"$entry"
    echo "debian-packages.sh: no apt-get here; install $package to run $purpose" >&2
  done
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "debian-packages.sh: not root and no passwordless sudo; installing nothing" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
log=/tmp/civility-debian-packages.log
$SUDO apt-get update -qq >"$log" 2>&1
for entry in "${missing[@]}"; do
  IFS='|' read -r package _ options purpose <<<"$entry"
  echo "debian-packages.sh: installing $package (for $purpose)" >&2
  # shellcheck disable=SC2086  # options is a word list on purpose
  # prometheus's postinst may try to start the server; nothing here needs it running.
  if ! $SUDO apt-get install -y -qq $options "$package" >>"$log" 2>&1; then
    echo "debian-packages.sh: apt-get could not install $package (see $log)" >&2
  fi
done
exit 0
