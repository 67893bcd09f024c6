"""用户 (文件 → 用户管理…): the logins of a server database, for its 管理员.

Each person logs in to the office's PostgreSQL server with their own login role, in one of three
groups — 管理员, 填报, 查看 (storage/server.py). The dialog lists the database's logins with their
group and whether they may log in; an admin adds a user (name, group, initial password typed
twice: it goes to the server only as a SCRAM verifier and is kept nowhere by the program), moves a
user to another group, and disables a login (NOLOGIN: it can no longer connect, its name stays in
the audit log; it can be enabled again — never dropped). The menu entry is hidden on a SQLite file
and disabled for a login that is not a 管理员 (the server would refuse them anyway).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kf5g_desktop.storage.errors import Kf5gError

from .jobs import show_error
from .widgets import INVALID_STYLE, confirm, show_problems

ADMIN, ENTRY, VIEWER = "管理员", "填报", "查看"  # the groups as stored (storage/server.py GROUPS)
GROUP_ORDER = (ENTRY, VIEWER, ADMIN)  # a new user is most often a 填报 officer
MIN_PASSWORD = 8
_NAME_BYTES = 63  # PostgreSQL's longest name


def group_label(group: str) -> str:
    """A group's name on screen (translated; the stored name stays Chinese)."""
    return {
        ADMIN: QCoreApplication.translate("UsersDialog", "管理员"),
        ENTRY: QCoreApplication.translate("UsersDialog", "填报"),
        VIEWER: QCoreApplication.translate("UsersDialog", "查看"),
    }.get(group, QCoreApplication.translate("UsersDialog", "（无组）"))


def group_hint(group: str) -> str:
    return {
        ADMIN: QCoreApplication.translate("UsersDialog", "设置、基础数据、用户、恢复备份，以及填报的一切"),
        ENTRY: QCoreApplication.translate("UsersDialog", "录入、批量导入、导入报表、撤销批次"),
        VIEWER: QCoreApplication.translate("UsersDialog", "只能查看和打印，不能修改"),
    }[group]


def _group_combo(parent: QWidget, current: str = ENTRY) -> QComboBox:
    combo = QComboBox(parent)
    for g in GROUP_ORDER:
        combo.addItem(f"{group_label(g)} — {group_hint(g)}", g)
    combo.setCurrentIndex(GROUP_ORDER.index(current) if current in GROUP_ORDER else 0)
    return combo


class AddUserDialog(QDialog):
    """Name, group and the initial password twice; 添加 creates the login on the server (the dialog
    stays open with the server's reason when it refuses)."""

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("添加用户"))
        self.setStyleSheet(INVALID_STYLE)
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "为每位同事建一个自己的登录。初始密码请当面告诉对方；"
                "程序不保存密码，服务器只保存其加密校验值。"
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.name.setPlaceholderText(self.tr("如 张三，登录时填写"))
        self.group = _group_combo(self)
        self.group.setObjectName("group")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit(self)
        self.password2.setObjectName("password2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("用户名(&N)"), self.name)
        form.addRow(self.tr("组(&G)"), self.group)
        form.addRow(self.tr("初始密码(&P)"), self.password)
        form.addRow(self.tr("再输一次(&R)"), self.password2)
        lay.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#c62828")
        lay.addWidget(self.problem)
        buttons = QDialogButtonBox(self)
        self.b_add = QPushButton(self.tr("添加(&A)"), self)
        self.b_add.setDefault(True)
        buttons.addButton(self.b_add, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QPushButton(self.tr("取消"), self), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setMinimumWidth(460)
        self.name.setFocus()

    def problems(self) -> list[tuple[QWidget, str]]:
        """(field, what to do) for every field that cannot be used, in the form's order."""
        out: list[tuple[QWidget, str]] = []
        name = self.name.text().strip()
        if not name:
            out.append((self.name, self.tr("请填写“用户名”，即这位同事登录时填写的名字，如 张三。")))
        elif len(name.encode("utf-8")) > _NAME_BYTES:
            out.append((self.name, self.tr("“用户名”太长：最多 63 个字节（约 21 个汉字），请改短。")))
        elif any(c in name for c in "\"'\\") or any(not c.isprintable() for c in name):
            out.append((self.name, self.tr("“用户名”中不能有引号、反斜杠或控制字符，请只用汉字、字母、数字。")))
        pw, pw2 = self.password.text(), self.password2.text()
        if len(pw) < MIN_PASSWORD:
            out.append((self.password, self.tr("“初始密码”至少 {0} 个字符，请重新输入。").format(MIN_PASSWORD)))
        elif pw != pw2:
            out.append((self.password2, self.tr("两次输入的密码不一致，请在“再输一次”中重新输入。")))
        return out

    def accept(self) -> None:
        if not show_problems((self.name, self.password, self.password2), self.problems(), self.problem):
            return
        from kf5g_desktop.storage.server_admin import create_login

        try:
            create_login(self.store, self.name.text().strip(), self.group.currentData(), self.password.text())
        except Kf5gError as exc:
            self.problem.setText(str(exc))
            return
        finally:
            self.password.clear()  # nothing of the password stays in the dialog
            self.password2.clear()
        self.problem.setText("")
        super().accept()


class GroupDialog(QDialog):
    """更改组: the group of one login."""

    def __init__(self, name: str, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("更改组"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), QLabel(name, self))
        self.group = _group_combo(self, current)
        self.group.setObjectName("group")
        form.addRow(self.tr("组(&G)"), self.group)
        lay.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def chosen(self) -> str:
        return str(self.group.currentData())


class UsersDialog(QDialog):
    """The database's logins, and the admin's buttons to add one, change its group, disable or enable it."""

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kf5g_desktop.storage.server_admin import server_place

        self.store = store
        self.setWindowTitle(self.tr("用户管理"))
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "数据库 {0} 上的登录。管理员：设置、基础数据、用户和恢复备份；"
                "填报：录入和导入；查看：只读。停用的登录不能再连接，其名字仍留在操作日志中，可以恢复。"
            ).format(self.tr("{0}（服务器 {1}）").format(*server_place(store))),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("users")
        self.table.setHorizontalHeaderLabels([self.tr("用户名"), self.tr("组"), self.tr("状态")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.change_group())
        lay.addWidget(self.table, 1)
        self.count = QLabel(self)
        lay.addWidget(self.count)
        row = QHBoxLayout()
        self.b_add = QPushButton(self.tr("添加用户(&A)…"), self)
        self.b_add.setObjectName("add")
        self.b_add.clicked.connect(self.add_user)
        self.b_group = QPushButton(self.tr("更改组(&G)…"), self)
        self.b_group.setObjectName("change_group")
        self.b_group.clicked.connect(self.change_group)
        self.b_login = QPushButton(self.tr("停用登录(&D)"), self)
        self.b_login.setObjectName("toggle_login")
        self.b_login.clicked.connect(self.toggle_login)
        b_close = QPushButton(self.tr("关闭"), self)
        b_close.clicked.connect(self.accept)
        for b in (self.b_add, self.b_group, self.b_login):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(b_close)
        lay.addLayout(row)
        self.resize(620, 420)
        self.users: list[Any] = []
        self.reload()

    # The list ---------------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        from kf5g_desktop.storage.server_admin import store_logins

        keep = select or (self.current().name if self.current() is not None else None)
        try:
            self.users = store_logins(self.store)
        except Kf5gError as exc:
            self.users = []
            show_error(self, self.tr("用户管理"), exc)
        self.table.setRowCount(len(self.users))
        for r, u in enumerate(self.users):
            state = self.tr("可登录") if u.can_login else self.tr("已停用")
            if u.name == self.store.user:
                state = self.tr("{0}（当前登录）").format(state)
            for c, value in enumerate((u.name, group_label(u.group), state)):
                item = QTableWidgetItem(value)
                if not u.can_login:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
            if u.name == keep:
                self.table.selectRow(r)
        self.count.setText(
            self.tr("共 {0} 个用户，其中 {1} 个已停用").format(
                len(self.users), sum(1 for u in self.users if not u.can_login)
            )
        )
        self._update_buttons()

    def current(self) -> Any:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.users[rows[0].row()] if rows and rows[0].row() < len(self.users) else None

    def _update_buttons(self) -> None:
        u = self.current()
        self.b_group.setEnabled(u is not None)
        self.b_login.setEnabled(u is not None)
        self.b_login.setText(
            self.tr("恢复登录(&E)") if u is not None and not u.can_login else self.tr("停用登录(&D)")
        )

    # What an admin does -----------------------------------------------------------------------

    def add_user(self) -> None:
        dlg = AddUserDialog(self.store, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.reload(select=dlg.name.text().strip())

    def change_group(self) -> None:
        u = self.current()
        if u is None:
            return
        dlg = GroupDialog(u.name, u.group, self)
        if dlg.exec() != QDialog.DialogCode.Accepted or dlg.chosen() == u.group:
            return
        from kf5g_desktop.storage.server_admin import set_login_group

        try:
            set_login_group(self.store, u.name, dlg.chosen())
        except Kf5gError as exc:
            show_error(self, self.tr("更改组"), exc)
        self.reload(select=u.name)

    def toggle_login(self) -> None:
        u = self.current()
        if u is None:
            return
        from kf5g_desktop.storage.server_admin import set_login_enabled

        if u.can_login and not confirm(
            self,
            self.tr("停用登录"),
            self.tr(
                "停用“{0}”的登录？停用后此人不能再连接数据库（已连接的窗口在下次连接时被拒绝）；"
                "其名字仍留在操作日志中，以后可以恢复登录。"
            ).format(u.name),
        ):
            return
        try:
            set_login_enabled(self.store, u.name, not u.can_login)
        except Kf5gError as exc:
            show_error(self, self.tr("用户管理"), exc)
        self.reload(select=u.name)


# The menu entry -------------------------------------------------------------------------------------

# ``win`` is the MainWindow (typed Any: importing main_window here would be a cycle).


def is_admin(win: Any) -> bool:
    """Whether the window's login is in the server's admin group; asked of the server once per opened
    database, and False on a SQLite file, which has no logins."""
    store = win.store
    if store is None or not store.on_server:
        return False
    cached = getattr(win, "_users_group", None)
    if cached is None or cached[0] is not store:
        from kf5g_desktop.storage.server_admin import login_group

        try:
            group = login_group(store)
        except Kf5gError:
            group = ""
        win._users_group = cached = (store, group)
    return bool(cached[1] == ADMIN)


def update_action(win: Any) -> None:
    """The users action of the file menu: hidden on a SQLite file; on a server enabled for an admin only."""
    act = win.act_users
    store = win.store
    if store is None or not store.on_server:
        act.setVisible(False)
        return
    admin = is_admin(win)
    act.setVisible(True)
    act.setEnabled(admin)
    tip = (
        QCoreApplication.translate("MainWindow", "添加用户、更改用户的组、停用登录")
        if admin
        else QCoreApplication.translate("MainWindow", "只有管理员组的登录可以管理用户")
    )
    act.setToolTip(tip)
    act.setStatusTip(tip)


def open_users(win: Any) -> None:
    if win.store is None or not win.store.on_server:
        QMessageBox.information(
            win,
            QCoreApplication.translate("MainWindow", "用户管理"),
            QCoreApplication.translate(
                "MainWindow", "用户和权限只在数据库服务器上有：请先从“文件 → 连接数据库服务器”连接服务器。"
            ),
        )
        return
    UsersDialog(win.store, win).exec()
