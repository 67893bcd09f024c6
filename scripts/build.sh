#!/usr/bin/env bash
# Build the program with PyInstaller and prove the build works (self-test inside the bundle).
#   scripts/build.sh            one folder  → dist/kf5g/
#   scripts/build.sh --onefile  one file    → dist/kf5g
# Uses .venv (created if missing) with the build extra installed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
if [ ! -x "$PY" ]; then
  python3.11 -m venv .venv
  PY=.venv/bin/python
fi
"$PY" -m pip install -q -e '.[build,server]'
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN build.spec -- "$@"
if [ "${1:-}" = "--onefile" ]; then
  exe=dist/kf5g
else
  exe=dist/kf5g/kf5g-cli
fi
# No test or development packages may ship.
if find dist -iname '*pytest*' -o -iname 'hypothesis' -o -iname 'mypy' -o -iname '_pytest' | grep -q .; then
  echo "build contains test packages:" >&2
  find dist -iname '*pytest*' -o -iname 'hypothesis' -o -iname 'mypy' -o -iname '_pytest' >&2
  exit 1
fi
QT_QPA_PLATFORM=offscreen "$exe" self-test
du -sh "$( [ "${1:-}" = "--onefile" ] && echo dist/kf5g || echo dist/kf5g/ )"
