"""The one way slow work leaves the GUI thread (exports, imports, reports, backups, big queries).

``run_job(parent, title, fn, on_success=...)`` runs ``fn(progress)`` on a worker thread; a modal,
cancellable progress dialog appears only if the job takes longer than ~200 ms; the result (or the
error) is delivered back on the GUI thread. ``fn`` reports progress and checks for cancellation
through the :class:`Progress` object it receives.

``dialog=False`` is for work the page itself shows the state of (the dashboard's "正在计算……"): no
progress dialog, every failure is logged with its traceback before ``on_error`` gets it, and the
callbacks are skipped when ``parent`` has been deleted meanwhile.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

SHOW_AFTER_MS = 200


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr("…") under ""


def owner_window(widget: QWidget | None) -> QWidget | None:
    """The window a message about ``widget``'s work belongs to: its window, or (when that was closed
    meanwhile, e.g. a dialog accepted when its job ended) the nearest visible window under it."""
    w = widget.window() if widget is not None else None
    while w is not None and not w.isVisible() and w.parentWidget() is not None:
        w = w.parentWidget().window()
    return w


def reactivate(window: QWidget | None) -> None:
    """Give the keyboard back to ``window`` (raised and active, so e.g. Alt+F opens its menu): after
    a progress dialog or a message box closes, no window may be left active otherwise."""
    if window is not None and window.isVisible() and QApplication.activeModalWidget() in (None, window):
        window.raise_()
        window.activateWindow()


def message(parent: QWidget | None, title: str, text: str, *, icon: str = "information") -> None:
    """A message after a job (``icon``: information / warning / critical), shown over the window the
    user works in; that window has the keyboard again afterwards."""
    owner = owner_window(parent)
    getattr(QMessageBox, icon)(owner, title, text)
    reactivate(owner_window(parent))


class Cancelled(Exception):
    """Raised inside a job when the user pressed 取消."""


class Progress:
    """Handed to the job function: ``progress(done, total, text)`` and ``progress.check()``."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self.cancelled = False

    def __call__(self, done: int, total: int = 0, text: str = "") -> None:
        self.check()
        self._signals.progress.emit(int(done), int(total), text)

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled()


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


_RETIRED: list[_Signals] = []
"""Signal objects of ended jobs, released on the GUI thread a moment later: the worker thread may
still be returning from its ``emit`` when the GUI thread has handled the signal, and the last
reference to a QObject must not go away on a thread it does not live in."""


def _retire(signals: _Signals) -> None:
    _RETIRED.append(signals)
    QTimer.singleShot(2000, lambda: _RETIRED.remove(signals) if signals in _RETIRED else None)


class _Runner(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals, progress: Progress) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._signals = signals
        self._progress = progress

    def run(self) -> None:
        signals = self._signals
        try:
            result = self._fn(self._progress)
        except Cancelled:
            signals.cancelled.emit()
        except BaseException as exc:  # delivered to the GUI thread, shown there
            signals.failed.emit(exc, traceback.format_exc())
        else:
            signals.finished.emit(result)


class Job(QObject):
    """A running job; keeps its signals and dialog alive until it ends."""

    done = Signal(object)

    _running: set[Job] = set()

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        fn: Callable[[Progress], Any],
        on_success: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        cancellable: bool,
        modal: bool,
        dialog: bool = True,
    ) -> None:
        super().__init__(None)
        self._parent = parent
        self._title = title
        self._on_success = on_success
        self._on_error = on_error
        self.signals = _Signals()
        self.progress = Progress(self.signals)
        self.dialog: QProgressDialog | None = None
        self._cancellable = cancellable
        self._modal = modal
        self._dialog = dialog
        self.signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self.signals.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self.signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self.signals.cancelled.connect(self._on_cancelled, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_dialog)
        self._last: tuple[int, int, str] = (0, 0, title)
        Job._running.add(self)
        if dialog:
            self._timer.start(SHOW_AFTER_MS)
        QThreadPool.globalInstance().start(_Runner(fn, self.signals, self.progress))

    def cancel(self) -> None:
        self.progress.cancelled = True

    def _show_dialog(self) -> None:
        done, total, text = self._last
        dlg = QProgressDialog(
            text or self._title, tr("取消") if self._cancellable else "", 0, total, self._parent
        )
        dlg.setWindowTitle(self._title)
        dlg.setMinimumDuration(0)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        if not self._cancellable:
            dlg.setCancelButton(None)
        dlg.setWindowModality(Qt.WindowModality.WindowModal if self._modal else Qt.WindowModality.NonModal)
        dlg.canceled.connect(self._cancel_from_dialog)
        dlg.setValue(done)
        dlg.show()
        self.dialog = dlg

    def _cancel_from_dialog(self) -> None:
        self.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(tr("正在取消……"))

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self._last = (done, total, text or self._title)
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)
            if text:
                self.dialog.setLabelText(text)

    def _end(self) -> None:
        self._timer.stop()
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self._cancel_from_dialog)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
            reactivate(owner_window(self._parent))
        _retire(self.signals)
        Job._running.discard(self)

    def _parent_gone(self) -> bool:
        """A job without a dialog outlived the page that asked for it: nobody to tell."""
        return not self._dialog and self._parent is not None and not shiboken6.isValid(self._parent)

    def _on_finished(self, result: object) -> None:
        self._end()
        if self._parent_gone():
            return
        if self._on_success is not None:
            self._on_success(result)
        self.done.emit(result)

    def _on_failed(self, exc: BaseException, tb: str) -> None:
        self._end()
        if not self._dialog:
            logging.getLogger("kf5g").error("%s: %s\n%s", self._title, exc, tb)
            if self._parent_gone():
                return
        if self._on_error is not None:
            self._on_error(exc)
        else:
            show_error(self._parent, self._title, exc, tb)
        self.done.emit(None)

    def _on_cancelled(self) -> None:
        self._end()
        self.done.emit(None)


def run_job(
    parent: QWidget | None,
    title: str,
    fn: Callable[[Progress], Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    cancellable: bool = True,
    modal: bool = True,
    dialog: bool = True,
) -> Job:
    """Run ``fn(progress)`` off the GUI thread; see the module docstring."""
    return Job(parent, title, fn, on_success, on_error, cancellable, modal, dialog)


def show_error(parent: QWidget | None, title: str, exc: BaseException, tb: str = "") -> None:
    """Our own errors (Kf5gError) show their Chinese message; anything else is logged and summarised."""
    from kf5g_desktop.storage.errors import Kf5gError

    if isinstance(exc, Kf5gError):
        message(parent, title, str(exc), icon="warning")
        return
    import logging

    logging.getLogger("kf5g").error("%s: %s\n%s", title, exc, tb)
    message(
        parent,
        title,
        tr("操作失败：{0}\n\n请把此信息告知技术支持。").format(f"{type(exc).__name__}: {exc}"),
        icon="critical",
    )
