"""The "coordinate system" choice shown beside coordinate fields and in the bulk import."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from kf5g_desktop.domain import coords


def _labels() -> dict[str, str]:
    return {
        coords.WGS84: QCoreApplication.translate("CoordSystem", "WGS-84/CGCS2000（GPS、国家标准）"),
        coords.GCJ02: QCoreApplication.translate("CoordSystem", "GCJ-02（高德、腾讯）"),
        coords.BD09: QCoreApplication.translate("CoordSystem", "BD-09（百度）"),
    }


def coord_system_combo(parent: QWidget, current: str = coords.WGS84) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName("f_coord_system")
    for system, label in _labels().items():
        combo.addItem(label, system)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.setToolTip(
        QCoreApplication.translate(
            "CoordSystem", "经纬度按哪种坐标系填写；保存时一律换算为 WGS-84（CGCS2000）存储。"
        )
    )
    return combo
