"""The one way report data becomes a PDF: ``write_report_pdf(data, path)``.

The command line (``kf5g report``), the self-test and the window (另存为PDF) all call it. The data
comes from ``reports.weekly.gather`` (no Qt), so the command line computes every figure before it
creates any Qt object; the QApplication this needs for painting is made here, offscreen when there
is no display (servers, CI, cron).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.reports.weekly import ReportData, gather

from .report_document import ReportDocument, write_pdf


def ensure_gui_app() -> QCoreApplication:
    """The running application, or a new QApplication for painting (offscreen without a display)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        return app
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication([sys.argv[0] if sys.argv else "kf5g"])


def write_report_pdf(data: ReportData, path: Path | str) -> int:
    """Lay out the report of ``data`` and save it as PDF at ``path``. Returns the number of pages.
    Raises OSError when the file cannot be written."""
    ensure_gui_app()
    return write_pdf(ReportDocument(data), path)


def render_report_pdf(store: Any, week: IsoWeek, unit_code: str | None, rule: str, path: Path | str) -> int:
    """Gather the report of ``week`` for a unit (or the city: None / 410200) and save it as PDF
    (on the calling thread). Returns the number of pages."""
    return write_report_pdf(gather(store, week, unit_code, rule), path)
