"""What a person does: press keys, answer message boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def tab_to(qtbot, start: QWidget, target: QWidget, limit: int = 80) -> int:
    """Press Tab from the focused widget until ``target`` has focus; returns the number of presses."""
    for n in range(limit):
        if QApplication.focusWidget() is target:
            return n
        qtbot.keyClick(QApplication.focusWidget() or start, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.objectName()}")


def answer_next_box(button: QMessageBox.StandardButton, seen: list[str] | None = None) -> None:
    """When the next message box appears, click ``button`` (as the user would)."""

    tries = [0]

    def click() -> None:
        box = QApplication.activeModalWidget()
        target = box.button(button) if isinstance(box, QMessageBox) else None
        if target is not None:
            if seen is not None:
                seen.append(box.text())  # type: ignore[union-attr]
            target.click()
            return
        tries[0] += 1
        if tries[0] < 500:  # ten seconds: a box that never came must not be answered in a later test
            QTimer.singleShot(20, click)

    QTimer.singleShot(0, click)


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type like a person with a Chinese input method: ASCII as key presses, anything else
    (汉字, full-width ＫＦ１２３) committed by the input method."""
    from PySide6.QtGui import QInputMethodEvent

    for ch in text:
        if ch.isascii() and ch.isprintable():
            qtbot.keyClicks(widget, ch)
        else:
            ev = QInputMethodEvent("", [])
            ev.setCommitString(ch)
            QApplication.sendEvent(widget, ev)


def choose(qtbot, combo, text: str) -> None:
    """Pick a combo entry with the arrow keys (Home, then Down until it shows ``text``)."""
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text, f"{text} not in combo"


def when_modal(kind: type, act) -> None:
    """When the next modal dialog of ``kind`` is up, do ``act(dialog)`` (as the person would)."""
    tries = [0]

    def poll() -> None:
        w = QApplication.activeModalWidget()
        if isinstance(w, kind):
            act(w)
            return
        tries[0] += 1
        if tries[0] < 500:  # ten seconds: a dialog that never came must not be answered in a later test
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
