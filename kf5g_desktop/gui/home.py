"""A small home page with headline counts (the dashboard replaces it when it lands)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kf5g_desktop.domain.schema import POLE, STATION, VENUE
from kf5g_desktop.storage.store import Store


class HomePage(QWidget):
    """Headline counts; a click on a figure asks the main window to show the filtered register."""

    filterRequested = Signal(dict)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 24, 24, 24)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 20px; font-weight: bold;")
        lay.addWidget(self.title)
        grid = QGridLayout()
        lay.addLayout(grid)
        self.tiles: dict[str, QPushButton] = {}
        specs = [
            ("stations", self.tr("基站总数"), {"kind": STATION}),
            ("on_air", self.tr("已开通基站"), {"kind": STATION, "statuses": ["on_air"]}),
            (
                "sa",
                self.tr("已开通 SA 基站"),
                {"kind": STATION, "statuses": ["on_air"], "network_modes": ["SA"]},
            ),
            ("indirect", self.tr("转供电基站"), {"kind": STATION, "power_supplies": ["indirect"]}),
            ("building", self.tr("在建/审批中"), {"kind": STATION, "statuses": ["building", "approving"]}),
            ("waiting", self.tr("审批等待超过30天"), {"kind": "approvals"}),
            ("venues", self.tr("免费开放场所"), {"kind": VENUE}),
            ("poles", self.tr("共享杆塔"), {"kind": POLE}),
        ]
        for i, (key, label, filters) in enumerate(specs):
            b = QPushButton(self)
            b.setObjectName(f"tile_{key}")
            b.setMinimumSize(200, 90)
            b.setStyleSheet("QPushButton { text-align: left; padding: 10px; font-size: 14px; }")
            b.setProperty("label", label)
            b.clicked.connect(lambda _=False, f=filters: self.filterRequested.emit(dict(f)))
            grid.addWidget(b, i // 4, i % 4)
            self.tiles[key] = b
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.note)
        lay.addStretch(1)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        lay.addWidget(line)

    def refresh(self) -> None:
        s = self.store
        inst = s.installation()
        unit = s.unit_map().get(inst.unit_code or "")
        where = unit.name if unit and inst.is_unit else self.tr("开封市")
        self.title.setText(self.tr("{0} 5G 网络建设概况").format(where))
        counts = s.counts()
        st = s.station_summary()
        values = {
            "stations": st["total"],
            "on_air": st["on_air"],
            "sa": st["on_air_sa"],
            "indirect": st["indirect"],
            "building": st["in_progress"],
            "waiting": s.approval_count(waiting_only=True, min_days=31),
            "venues": counts["venue"],
            "poles": counts["pole"],
        }
        for key, b in self.tiles.items():
            b.setText(f"{b.property('label')}\n{values[key]:,}")
        self.note.setText(
            self.tr("演示数据:本数据库中的记录是自动生成的示例,不是真实数据。") if inst.demo else ""
        )

    def set_store(self, store: Store) -> None:
        self.store = store
        self.refresh()
