"""The shipped CJK font (resources/fonts/, a GB2312 subset of Noto Sans CJK SC under the OFL).

Registered once at start-up so the window and, above all, the printed weekly report look the same
on a machine without any Chinese font installed.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

from kf5g_desktop.paths import resource_path

FONT_FILE = "KF5GSans-Regular.otf"
FALLBACK_FAMILIES = ["Microsoft YaHei", "SimSun", "Noto Sans CJK SC", "WenQuanYi Micro Hei"]

_family: str | None = None


def register_fonts() -> str | None:
    """Add the shipped font to Qt's font database (needs a QGuiApplication). Returns its family."""
    global _family
    if _family is not None:
        return _family
    path = resource_path("fonts", FONT_FILE)
    font_id = QFontDatabase.addApplicationFont(str(path)) if path.exists() else -1
    if font_id < 0:
        logging.getLogger("kf5g").warning("无法加载字体文件 %s，报表将使用系统字体", path)
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    _family = families[0] if families else None
    return _family


def report_font(point_size: float = 10.5) -> QFont:
    """The font of the printed report: the shipped family first, then common Chinese fonts."""
    family = register_fonts()
    font = QFont()
    font.setFamilies(([family] if family else []) + FALLBACK_FAMILIES)
    font.setPointSizeF(point_size)
    return font


def report_family_css() -> str:
    family = register_fonts()
    names = ([family] if family else []) + FALLBACK_FAMILIES
    return ", ".join(f"'{n}'" for n in names)
