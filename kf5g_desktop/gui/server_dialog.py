"""连接数据库服务器: an office's shared PostgreSQL database instead of this PC's file.

The dialog asks for the server's address, port, database and the person's login; the password is
typed for this connection only — or libpq takes it from the user's ``.pgpass`` file — and is never
written anywhere by the program. The connection (without the password) is remembered in the
program's settings, and when it was chosen for start-up the program asks for the password when it
starts (:func:`startup_url`). What the program opens is a ``postgresql://`` URL handed to
``Store.open``; without the PostgreSQL driver (``psycopg``, the ``server`` extra) that is said in
plain words before anything is tried.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .widgets import INVALID_STYLE, show_problems

DEFAULT_PORT = 5432
DEFAULT_DATABASE = "kf5g"
_KEYS = ("server/host", "server/port", "server/database", "server/user")
_AT_START = "server/at_start"


@dataclass(frozen=True, slots=True)
class ServerConnection:
    """Where the shared database is and who logs in (no password: that is never kept)."""

    host: str
    port: int = DEFAULT_PORT
    database: str = DEFAULT_DATABASE
    user: str = ""

    def url(self, password: str | None = None) -> str:
        """The ``postgresql://`` URL for ``Store.open`` (the password only in this string, in memory)."""
        auth = quote(self.user, safe="")
        if password:
            auth += ":" + quote(password, safe="")
        host = f"[{self.host}]" if ":" in self.host else self.host  # an IPv6 address
        return f"postgresql://{auth}@{host}:{self.port}/{quote(self.database, safe='')}"

    def display(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


# libpq's password file ------------------------------------------------------------------------


def pgpass_path() -> Path:
    """Where libpq looks for saved passwords: $PGPASSFILE, else %APPDATA%\\postgresql\\pgpass.conf on
    Windows, else ~/.pgpass."""
    env = os.environ.get("PGPASSFILE")
    if env:
        return Path(env)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", "")) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _pgpass_fields(line: str) -> list[str]:
    """hostname:port:database:username:password, with \\: and \\\\ escaped."""
    out, cur, escaped = [], [], False
    for ch in line:
        if escaped:
            cur.append(ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == ":" and len(out) < 4:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def pgpass_has(conn: ServerConnection, path: Path | None = None) -> bool:
    """True when libpq's password file has a password for this connection (libpq then uses it: the
    program need not ask). Lines match field by field, ``*`` matching anything, as libpq does."""
    path = path or pgpass_path()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    want = (conn.host, str(conn.port), conn.database, conn.user)
    for raw in text.splitlines():
        line = raw.rstrip("\r")
        if not line or line.startswith("#"):
            continue
        fields = _pgpass_fields(line)
        if len(fields) != 5 or not fields[4]:
            continue
        host_ok = fields[0] in ("*", conn.host) or (fields[0] == "localhost" and conn.host.startswith("/"))
        if host_ok and all(f in ("*", w) for f, w in zip(fields[1:4], want[1:], strict=True)):
            return True
    return False


# Remembered connection -----------------------------------------------------------------------


def saved_connection() -> tuple[ServerConnection | None, bool]:
    """The connection remembered in the settings (None: none) and whether it opens at start-up."""
    s = QSettings()
    host = str(s.value(_KEYS[0], "") or "")
    if not host:
        return None, False
    try:
        port = int(str(s.value(_KEYS[1], DEFAULT_PORT)))
    except ValueError:
        port = DEFAULT_PORT
    conn = ServerConnection(
        host,
        port,
        str(s.value(_KEYS[2], DEFAULT_DATABASE) or DEFAULT_DATABASE),
        str(s.value(_KEYS[3], "") or ""),
    )
    return conn, str(s.value(_AT_START, "false")).lower() == "true"


def remember(conn: ServerConnection, *, at_start: bool) -> None:
    """Keep the connection in the settings — never its password."""
    s = QSettings()
    for key, value in zip(_KEYS, (conn.host, conn.port, conn.database, conn.user), strict=True):
        s.setValue(key, value)
    s.setValue(_AT_START, "true" if at_start else "false")
    s.sync()


def driver_missing() -> bool:
    return importlib.util.find_spec("psycopg") is None


def driver_message() -> str:
    return QCoreApplication.translate(
        "ServerDialog",
        "本机没有安装连接 PostgreSQL 数据库服务器所需的驱动（psycopg），无法连接。"
        "请安装带服务器支持的版本（命令 pip install -e '.[server]'，或使用完整安装包），"
        "或继续使用本机数据库。",
    )


# The dialog ----------------------------------------------------------------------------------


class ServerDialog(QDialog):
    """Host, port, database, login and password (this connection only) of the office's server.
    ``at_startup``: the program is starting with the remembered server — the password is asked,
    and 使用本机数据库 opens this PC's file instead."""

    def __init__(self, parent: QWidget | None = None, *, at_startup: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("连接数据库服务器"))
        self.setStyleSheet(INVALID_STYLE)
        saved, at_start = saved_connection()
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "多台电脑共用一个数据库时，填写单位数据库服务器（PostgreSQL）的地址和您的登录名。"
                "密码只用于本次连接，程序不会保存。"
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.host = QLineEdit(saved.host if saved else "")
        self.host.setPlaceholderText(self.tr("如 192.168.1.10 或 kf5g-server"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(saved.port if saved else DEFAULT_PORT)
        self.database = QLineEdit(saved.database if saved else DEFAULT_DATABASE)
        self.user = QLineEdit(saved.user if saved else "")
        self.user.setPlaceholderText(self.tr("您在服务器上的登录名"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.pgpass_note = QLabel()
        self.pgpass_note.setWordWrap(True)
        form.addRow(self.tr("服务器地址(&H)"), self.host)
        form.addRow(self.tr("端口(&P)"), self.port)
        form.addRow(self.tr("数据库名(&D)"), self.database)
        form.addRow(self.tr("用户名(&U)"), self.user)
        form.addRow(self.tr("密码(&W)"), self.password)
        form.addRow("", self.pgpass_note)
        lay.addLayout(form)
        self.at_start = QCheckBox(self.tr("每次启动时连接此服务器(&S)"))
        self.at_start.setChecked(at_start or at_startup)
        lay.addWidget(self.at_start)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#c62828")
        lay.addWidget(self.problem)
        self.buttons = QDialogButtonBox()
        self.b_connect = QPushButton(self.tr("连接(&C)"))
        self.b_connect.setDefault(True)
        self.buttons.addButton(self.b_connect, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.tr("使用本机数据库(&L)") if at_startup else self.tr("取消")
        self.b_cancel = QPushButton(cancel)
        self.buttons.addButton(self.b_cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        for w in (self.host, self.database, self.user):
            w.textChanged.connect(self._update_note)
        self.port.valueChanged.connect(self._update_note)
        self._update_note()
        self.setMinimumWidth(480)
        first = self.password if (saved and saved.user) else (self.user if saved else self.host)
        first.setFocus()

    def connection(self) -> ServerConnection:
        return ServerConnection(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
        )

    def typed_password(self) -> str | None:
        return self.password.text() or None

    def _update_note(self, *_: Any) -> None:
        conn = self.connection()
        if conn.host and conn.user and pgpass_has(conn):
            self.pgpass_note.setText(
                self.tr("本机的密码文件（{0}）中有此连接的密码，密码可留空。").format(pgpass_path())
            )
        else:
            self.pgpass_note.setText(self.tr("密码不会保存；也可以放在本机的密码文件 .pgpass 中。"))

    def problems(self) -> list[tuple[QWidget, str]]:
        """(field, what to do) for every field that cannot be used, in the form's order."""
        conn = self.connection()
        out: list[tuple[QWidget, str]] = []
        if not conn.host:
            out.append(
                (self.host, self.tr("请填写“服务器地址”，例如 192.168.1.10，可向单位的系统管理员询问。"))
            )
        elif any(c in conn.host for c in " /?#@"):
            out.append(
                (
                    self.host,
                    self.tr("“服务器地址”中不能有空格或 / ? # @，请只填写地址本身，例如 192.168.1.10。"),
                )
            )
        if not conn.database:
            out.append((self.database, self.tr("请填写“数据库名”，通常是 kf5g。")))
        if not conn.user:
            out.append((self.user, self.tr("请填写“用户名”，即您在数据库服务器上的登录名。")))
        return out

    def accept(self) -> None:
        if show_problems((self.host, self.database, self.user), self.problems(), self.problem):
            super().accept()


def open_server(parent: QWidget, conn: ServerConnection, password: str | None, *, at_start: bool) -> Any:
    """Open the server's database (a Store), or say why not and return None. The connection is
    remembered (without the password) either way; "connect at start-up" only once it opened."""
    remember(conn, at_start=False)
    if driver_missing():
        QMessageBox.warning(
            parent, QCoreApplication.translate("ServerDialog", "连接数据库服务器"), driver_message()
        )
        return None
    from kf5g_desktop.storage.errors import Kf5gError
    from kf5g_desktop.storage.store import Store

    from .jobs import show_error

    try:
        store = Store.open(conn.url(password))  # type: ignore[arg-type]  # a URL: see Store.open
    except Kf5gError as exc:
        show_error(parent, QCoreApplication.translate("ServerDialog", "连接数据库服务器"), exc)
        return None
    remember(conn, at_start=at_start)
    return store


def startup_url(parent: QWidget | None) -> str | None:
    """At start-up: the remembered server's URL when it was chosen for start-up — the password
    asked now unless libpq's password file has it — or None for this PC's database file (none
    chosen, the person chose 使用本机数据库, or the driver is missing: said so)."""
    conn, at_start = saved_connection()
    if conn is None or not at_start:
        return None
    password: str | None = None
    if not (conn.user and pgpass_has(conn)):
        dlg = ServerDialog(parent, at_startup=True)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        conn, password = dlg.connection(), dlg.typed_password()
        remember(conn, at_start=dlg.at_start.isChecked())  # unticked: this PC's file from the next start
    if driver_missing():
        QMessageBox.warning(
            parent, QCoreApplication.translate("ServerDialog", "连接数据库服务器"), driver_message()
        )
        return None
    return conn.url(password)
