"""First-run setup and the settings dialog: unit or city, user name and phone, language."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kf5g_desktop.domain.normalize import PHONE_RE, normalize_free_text, normalize_text
from kf5g_desktop.domain.units import Unit
from kf5g_desktop.domain.values import CITY, UNIT, Installation

LANGUAGES = (("zh_CN", "中文"), ("en", "English"))


@dataclass
class SetupChoice:
    kind: str
    unit_code: str | None
    user_name: str
    user_phone: str
    reviewer: str
    demo: bool
    language: str


class SetupDialog(QDialog):
    def __init__(
        self,
        units: list[Unit],
        current: Installation | None = None,
        *,
        first_run: bool,
        locked: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``locked`` says why this login may not change the installation's settings (a server's
        填报/查看 login, a read-only file): they are shown greyed with that reason; the language stays
        this PC's own choice."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("首次使用设置") if first_run else self.tr("设置"))
        lay = QVBoxLayout(self)
        if first_run:
            intro = QLabel(
                self.tr(
                    "欢迎使用开封市5G网络建设填报系统。请先说明本机为哪个单位填报，以及填报人信息；以后可在“文件 → 设置”中修改。"
                ),
                self,
            )
            intro.setWordWrap(True)
            lay.addWidget(intro)
        form = QFormLayout()
        lay.addLayout(form)
        kind_row = QHBoxLayout()
        self.unit_radio = QRadioButton(self.tr("区县（填报单位）"), self)
        self.city_radio = QRadioButton(self.tr("市级（汇总）"), self)
        group = QButtonGroup(self)
        group.addButton(self.unit_radio)
        group.addButton(self.city_radio)
        kind_row.addWidget(self.unit_radio)
        kind_row.addWidget(self.city_radio)
        kind_row.addStretch(1)
        form.addRow(self.tr("本机用于"), kind_row)
        self.unit = QComboBox(self)
        for u in units:
            self.unit.addItem(u.name, u.code)
        form.addRow(self.tr("区县"), self.unit)
        self.user = QLineEdit(self)
        self.user.setPlaceholderText(self.tr("填报人姓名"))
        form.addRow(self.tr("填报人"), self.user)
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText(self.tr("如 0371-12345678 或 13800000000"))
        form.addRow(self.tr("联系电话"), self.phone)
        self.reviewer = QLineEdit(self)
        form.addRow(self.tr("审核人"), self.reviewer)
        self.language = QComboBox(self)
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        lang = str(QSettings().value("language", "zh_CN"))
        self.language.setCurrentIndex(max(self.language.findData(lang), 0))
        form.addRow(self.tr("界面语言"), self.language)
        self.demo = QCheckBox(self.tr("先打开演示数据看看（自动生成的示例记录，不是真实数据）"), self)
        self.demo.setVisible(first_run)
        lay.addWidget(self.demo)
        self.unit_radio.toggled.connect(self.unit.setEnabled)
        cur = current
        if cur is not None and cur.configured:
            (self.city_radio if cur.is_city else self.unit_radio).setChecked(True)
            idx = self.unit.findData(cur.unit_code)
            if idx >= 0:
                self.unit.setCurrentIndex(idx)
            self.user.setText(cur.user_name)
            self.phone.setText(cur.user_phone)
            self.reviewer.setText(cur.reviewer)
        else:
            self.unit_radio.setChecked(True)
        self.unit.setEnabled(self.unit_radio.isChecked())
        self.locked = locked
        if locked:
            for w in (self.unit_radio, self.city_radio, self.unit, self.user, self.phone, self.reviewer):
                w.setEnabled(False)
            note = QLabel(locked, self)
            note.setObjectName("locked")
            note.setWordWrap(True)
            lay.insertWidget(lay.indexOf(self.demo), note)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.user.setFocus()

    def sizeHint(self) -> QSize:
        return QSize(520, 320)

    def choice(self) -> SetupChoice:
        kind = CITY if self.city_radio.isChecked() else UNIT
        return SetupChoice(
            kind=kind,
            unit_code=self.unit.currentData() if kind == UNIT else None,
            user_name=normalize_free_text(self.user.text()),
            user_phone=normalize_text(self.phone.text()),
            reviewer=normalize_free_text(self.reviewer.text()),
            demo=self.demo.isChecked(),
            language=str(self.language.currentData()),
        )

    def accept(self) -> None:
        c = self.choice()
        if not c.user_name and not self.locked:
            QMessageBox.warning(self, self.windowTitle(), self.tr("请填写“填报人”姓名。"))
            self.user.setFocus()
            return
        if c.user_phone and not self.locked and not PHONE_RE.match(c.user_phone):
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("“联系电话”只能包含数字和连字符，请重新填写。")
            )
            self.phone.setFocus()
            return
        super().accept()
