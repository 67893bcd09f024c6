#!/bin/sh
# Regenerate the compiled Designer forms (kf5g_desktop/gui/forms/ui_*.py) from ui/*.ui and the
# translations: with --translations, refresh resources/translations/kf5g_en.ts (lupdate over gui/*.py
# and ui/*.ui, keeping existing translations); always rebuild kf5g_en.qm from it (lrelease).
# The .qm is committed so frozen builds and machines without the Qt tools need nothing at run time.
# Usage: scripts/compile_ui.sh [--translations]   (from the project root; PYSIDE_BIN = tool folder)
set -eu
cd "$(dirname "$0")/.."
BIN="${PYSIDE_BIN:-$(dirname "$(command -v python3)")}"
[ -x "$BIN/pyside6-uic" ] || BIN=/work/venv/bin
for ui in ui/*.ui; do
    name=$(basename "$ui" .ui)
    out="kf5g_desktop/gui/forms/ui_${name}.py"
    {
        echo "# generated from ui/${name}.ui by scripts/compile_ui.sh — do not edit"
        "$BIN/pyside6-uic" --no-autoconnection "$ui"
    } > "$out.tmp"
    mv "$out.tmp" "$out"
done
[ -f kf5g_desktop/gui/forms/__init__.py ] || echo '"""Generated Designer forms — do not edit."""' > kf5g_desktop/gui/forms/__init__.py
if [ "${1:-}" = "--translations" ] || [ "${1:-}" = "--all" ]; then
    "$BIN/python" scripts/gen_domain_strings.py
    "$BIN/pyside6-lupdate" -no-obsolete -source-language zh_CN -target-language en_US \
        kf5g_desktop/gui/*.py ui/*.ui -ts resources/translations/kf5g_en.ts
fi
for ts in resources/translations/kf5g_en.ts resources/translations/qtbase_extra_zh_CN.ts; do
    [ -f "$ts" ] && "$BIN/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
