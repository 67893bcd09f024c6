"""Draw the application icon (resources/icons/kf5g.png and kf5g.ico) with Qt. Run once; output committed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QImage, QPainter, QPen

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"


def draw(size: int) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    m = size * 0.04
    p.setBrush(QBrush(QColor("#c0392b")))  # a red of Chinese government documents
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(QRectF(m, m, size - 2 * m, size - 2 * m), size * 0.18, size * 0.18)
    # Three radio arcs above the text.
    pen = QPen(QColor("white"), max(1.0, size * 0.045))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    cx, cy = size * 0.5, size * 0.42
    for r in (0.12, 0.2, 0.28):
        rr = size * r
        p.drawArc(QRectF(cx - rr, cy - rr, 2 * rr, 2 * rr), 45 * 16, 90 * 16)
    f = QFont("DejaVu Sans")
    f.setBold(True)
    f.setPixelSize(int(size * 0.38))
    p.setFont(f)
    p.drawText(QRectF(0, size * 0.42, size, size * 0.5), Qt.AlignmentFlag.AlignCenter, "5G")
    p.end()
    return img


def main() -> None:
    QGuiApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(OUT / "kf5g.png"))
    draw(64).save(str(OUT / "kf5g-64.png"))
    if not draw(256).save(str(OUT / "kf5g.ico")):
        raise SystemExit("this Qt has no ICO writer")
    print("icons written to", OUT)


if __name__ == "__main__":
    main()
