"""The English translation covers every string; generated files are current; English mode works."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLabel

from kf5g_desktop.paths import resource_path

ROOT = Path(__file__).resolve().parents[2]
TS = resource_path("translations", "kf5g_en.ts")
TOOLS = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = TOOLS / name
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} not installed")
        return found
    return str(path)


def test_every_source_string_is_translated():
    root = ET.parse(TS).getroot()
    untranslated = [
        m.findtext("source")
        for m in root.iter("message")
        if not (m.findtext("translation") or "").strip() or m.find("translation").get("type") == "unfinished"
    ]
    assert untranslated == []
    assert len(list(root.iter("message"))) > 400


def test_ts_covers_the_sources_and_qm_is_current(tmp_path):
    ts = tmp_path / "check.ts"
    shutil.copyfile(TS, ts)
    sources = [str(p) for p in sorted((ROOT / "kf5g_desktop" / "gui").glob("*.py"))]
    uis = [str(p) for p in sorted((ROOT / "ui").glob("*.ui"))]
    out = subprocess.run(
        [_tool("pyside6-lupdate"), "-no-obsolete", *sources, *uis, "-ts", str(ts)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "0 new" in out, out  # nothing user-visible is missing from the .ts
    # The committed .qm gives every translation of the .ts (compared by meaning, not bytes, so a
    # different lrelease version does not matter).
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "kf5g_en.qm")))
    stale = [
        (ctx.findtext("name"), m.findtext("source"))
        for ctx in ET.parse(TS).getroot().iter("context")
        for m in ctx.iter("message")
        if translator.translate(ctx.findtext("name") or "", m.findtext("source"), m.findtext("comment"))
        != m.findtext("translation")
    ]
    assert stale == [], "run scripts/compile_ui.sh to rebuild the .qm"


def test_compiled_forms_are_current(tmp_path):
    for ui in sorted((ROOT / "ui").glob("*.ui")):
        out = subprocess.run(
            [_tool("pyside6-uic"), "--no-autoconnection", str(ui)], capture_output=True, text=True, check=True
        ).stdout
        committed = (ROOT / "kf5g_desktop" / "gui" / "forms" / f"ui_{ui.stem}.py").read_text(encoding="utf-8")

        def body(text: str) -> list[str]:
            return [line for line in text.splitlines() if "Compiler version" not in line]

        assert body(committed.split("\n", 1)[1]) == body(out), (
            f"run scripts/compile_ui.sh ({ui.name} changed)"
        )


def test_english_interface(qtbot, sample_store):
    from kf5g_desktop.gui.app import install_translations
    from kf5g_desktop.gui.main_window import MainWindow
    from kf5g_desktop.gui.record_form import RecordForm

    app = QApplication.instance()
    translator = install_translations(app, "en")
    assert translator is not None
    try:
        win = MainWindow(sample_store)
        qtbot.addWidget(win)
        menus = [a.text() for a in win.menuBar().actions()]
        assert menus == ["&File", "&Edit", "&View", "&Reports", "&Help"]
        win.show_page("station")
        reg = win.registers["station"]
        headers = [reg.model.headerData(i, Qt.Orientation.Horizontal) for i in range(3)]
        assert headers == ["County/district", "Station code", "Builder operator"]
        col = next(i for i, c in enumerate(reg.model.columns) if c.key == "status")
        assert reg.model.data(reg.model.index(0, col)) in {"On air", "In approval"}
        form = RecordForm(sample_store, "station")
        qtbot.addWidget(form)
        assert form.findChild(QLabel, "l_lon").text() == "Longitude"
        assert form.ui.f_status.itemText(1) == "Planned"
    finally:
        app.removeTranslator(translator)
        translator.setParent(None)  # gone: not a child a later test would take for one of the program's
    assert QCoreApplication.translate("domain", "宏站") == "宏站"


def test_qt_extra_chinese_qm_is_current():
    """resources/translations/qtbase_extra_zh_CN.qm gives every translation of its .ts."""
    ts = resource_path("translations", "qtbase_extra_zh_CN.ts")
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "qtbase_extra_zh_CN.qm")))
    entries = [
        (ctx.findtext("name"), m.findtext("source"), m.findtext("comment"), m.findtext("translation"))
        for ctx in ET.parse(ts).getroot().iter("context")
        for m in ctx.iter("message")
    ]
    assert entries and all(translator.translate(c or "", s, d) == t for c, s, d, t in entries)
