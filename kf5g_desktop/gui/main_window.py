"""The main window: navigation, menus, toolbar, status bar; opens forms and runs undoable changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QFontMetrics, QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)
from shiboken6 import isValid

from kf5g_desktop.domain.kinds import record_key
from kf5g_desktop.domain.schema import POLE, REGISTER_TITLES, STATION, VENUE
from kf5g_desktop.storage.errors import Kf5gError

from . import main_files
from .jobs import show_error
from .main_menus import (
    APPROVALS,
    AUDIT,
    HOME,
    MAP,
    PAGE_ORDER,
    RECYCLE,
    RETURNS_STATUS,
    build_actions,
    build_menus,
    submenu_title,
)
from .widgets import confirm as ask

if TYPE_CHECKING:  # the pages (and SQLAlchemy behind the Store) load when a database is attached
    from kf5g_desktop.reports.dashboard import FirstFigures
    from kf5g_desktop.storage.store import Store

    from .pages import HistoryDialog
    from .record_form import RecordForm
    from .register import RegisterPage

# 报表 actions that change the database: disabled in a read-only window.
WRITING_REPORT_ACTIONS = ("act_returns_bulk", "act_returns_reference_import")


class MainWindow(QMainWindow):
    menu_reports: QMenu  # 报表, filled by the report and return modules (set by main_menus.build_menus)
    _report_menus: dict[str, QMenu]
    storeReplaced = Signal(object)
    recordsChanged = Signal()
    closed = Signal()  # the window was closed for good: the program ends (gui/app.py)

    def __init__(
        self, store: Store | None = None, *, home: QWidget | None = None, parent: QWidget | None = None
    ) -> None:
        """The window. Without a store it shows its frame at once (menus, navigation, a loading
        note) so the program appears fast; :meth:`attach_store` then builds the pages."""
        super().__init__(parent)
        self.store: Store = None  # type: ignore[assignment]  # set by attach_store
        self.undo_stack = QUndoStack(self)
        self.forms: list[RecordForm] = []
        self.setObjectName("MainWindow")
        self.registers: dict[str, RegisterPage] = {}
        self.pages: dict[str, QWidget] = {}
        self.page_order: list[str] = list(PAGE_ORDER)  # + RETURNS_STATUS on a city installation
        self._stale: set[str] = set()  # pages to reload when next shown
        self._writing_actions: list[QAction] = []  # 报表 actions that write (off when read-only)
        self._build_frame()
        build_actions(self)
        build_menus(self)
        self._build_status_bar()
        self.recordsChanged.connect(self.refresh_all)
        self.resize(_first_size())
        geo = QSettings().value("main/geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        if store is not None:
            self.attach_store(store, home=home)
        else:
            self._set_actions_enabled(False)

    @property
    def attached(self) -> bool:
        return self.store is not None

    def attach_store(
        self,
        store: Store,
        *,
        home: QWidget | None = None,
        later_pages: bool = False,
        first_figures: FirstFigures | None = None,
    ) -> None:
        """Build the pages on ``store`` and show the home page (the dashboard unless ``home`` is given).
        ``later_pages``: only the home page now, the others by :meth:`build_pages` (the start-up,
        once the home page's figures are painted) or when one is first shown. ``first_figures``:
        the dashboard's opening figures, already being computed (the start-up)."""
        self.store = store
        self._build_pages(home, later=later_pages, first=first_figures)
        self._sync_city_pages()
        self._set_actions_enabled(True)
        self.apply_readonly()
        self.show_page(HOME)

    def show_first_home(self, reader: Any, first: FirstFigures | None) -> QWidget:
        """The home page on the start-up's first read (``storage.first_read.FirstReader``), shown
        before the Store is open; :meth:`attach_store` takes it over (``home=``). The rest of the
        window stays as without a database until then."""
        from .dashboard import DashboardPage

        page = DashboardPage(reader, self, first=first)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        page.refresh()
        return page

    def drop_first_home(self, page: QWidget) -> None:
        """The home page of :meth:`show_first_home`, not taken over (another database was opened)."""
        self.stack.removeWidget(page)
        page.deleteLater()
        self.stack.setCurrentWidget(self.loading)

    def _set_actions_enabled(self, enabled: bool) -> None:
        """Before a database is attached only 退出 and 关于 work; menus stay open-able."""
        for a in self.findChildren(QAction):
            if a.menu() is None and a not in (self.act_quit, self.act_about):
                a.setEnabled(enabled)
        self.nav.setEnabled(enabled)
        if enabled:
            self.update_actions()

    def _current_page(self) -> QWidget | None:
        page = self.stack.currentWidget()
        return page if page in self.pages.values() else None

    def current_ref(self) -> tuple[str, int] | None:
        """(kind, id) of the record selected on the current page, if any."""
        fn = getattr(self._current_page(), "current_ref", None)
        return fn() if callable(fn) else None

    def update_actions(self) -> None:
        """Enable what can act now: undo/redo by the stack, 打开/删除/历史 by the selection on the
        current page, every change off in a read-only window."""
        if not self.attached or not isValid(self.undo_stack):  # (the stack signals as it is destroyed)
            return
        ro = self.store.readonly
        page = self._current_page()
        ref = self.current_ref()
        reg = self.current_register()
        self.act_undo.setEnabled(not ro and self.undo_stack.canUndo())
        self.act_redo.setEnabled(not ro and self.undo_stack.canRedo())
        self.act_open.setEnabled(ref is not None and callable(getattr(page, "open_current", None)))
        past = reg is not None and reg.is_past  # a list as at a past week: read-only
        self.act_delete.setEnabled(not ro and not past and reg is not None and ref is not None)
        self.act_history.setEnabled(ref is not None)
        self.act_new.setEnabled(not ro and not past)
        self.act_find.setEnabled(callable(getattr(page, "focus_search", None)))
        self.act_columns.setEnabled(reg is not None)
        for a in (self.act_settings, *self._writing_actions):
            a.setEnabled(not ro)
        self.act_restore.setEnabled(not ro or self.store.damaged is not None)  # (a damaged file: yes)

    def _watch_selection(self, page: QWidget) -> None:
        """Keep the actions in step with the selection of ``page``'s list."""
        view = getattr(page, "view", None)
        if view is None:
            return
        view.selectionModel().currentChanged.connect(lambda *_: self.update_actions())
        view.model().modelReset.connect(self.update_actions)

    # Pages -------------------------------------------------------------------------------------------
    def _page_titles(self) -> dict[str, str]:
        return {
            HOME: self.tr("首页"),
            STATION: self.tr("基站"),
            APPROVALS: self.tr("审批"),
            VENUE: self.tr("免费开放场所"),
            POLE: self.tr("杆塔共享"),
            MAP: self.tr("地图"),
            RECYCLE: self.tr("回收站"),
            AUDIT: self.tr("操作日志"),
            RETURNS_STATUS: self.tr("报送情况"),
        }

    def _build_frame(self) -> None:
        central = QWidget(self)
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget(central)
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(130)
        self.nav.setStyleSheet(
            f"QListWidget {{ font-size: {self.NAV_FONT_PX}px; }} QListWidget::item {{ padding: {self.NAV_PADDING_PX}px; }}"
        )
        self.stack = QStackedWidget(central)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        for key in PAGE_ORDER:
            self.nav.addItem(self._page_titles()[key])
        self._fit_nav()
        self.loading = QLabel(self.tr("正在打开数据库……"), self.stack)
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading.setStyleSheet("font-size: 16px; color: #555;")
        self.stack.addWidget(self.loading)
        self.nav.currentRowChanged.connect(
            lambda row: self.show_page(self.page_order[row]) if 0 <= row < len(self.page_order) else None
        )

    def _build_pages(
        self, home: QWidget | None, *, later: bool = False, first: FirstFigures | None = None
    ) -> None:
        from .dashboard import DashboardPage

        for key in PAGE_ORDER:
            if key == HOME:
                page: QWidget = home if home is not None else DashboardPage(self.store, self, first=first)
                self._connect_home(page)
                self._watch_selection(page)
            elif key == MAP or later:  # a placeholder: the map (pyqtgraph, numpy) when first shown
                page = QWidget(self)
            else:
                page = self._make_page(key)
            self.pages[key] = page
            if self.stack.indexOf(page) < 0:  # (the home page shown first is in already)
                self.stack.addWidget(page)
        self.stack.removeWidget(self.loading)
        self.loading.deleteLater()

    def _make_page(self, key: str) -> QWidget:
        """A page of the navigation (not the home page, not the map), connected to the window."""
        from .pages import ApprovalsPage, AuditLogPage, RecycleBinPage
        from .register import RegisterPage

        page: QWidget
        if key in (STATION, VENUE, POLE):
            reg = RegisterPage(self.store, key, self)
            reg.openRequested.connect(self.open_record)
            reg.openAtRequested.connect(self.open_record_at)
            reg.momentChanged.connect(lambda _m: self.update_actions())
            reg.deleteRequested.connect(self.delete_records)
            reg.newRequested.connect(self.new_record)
            reg.countChanged.connect(lambda _n: self._update_status())
            self.registers[key] = reg
            page = reg
        elif key == APPROVALS:
            page = ApprovalsPage(self.store, self)
            page.openRequested.connect(self.open_record)
        elif key == RECYCLE:
            page = RecycleBinPage(self.store, self)
            page.restoreRequested.connect(self.restore_record)
            page.purgeRequested.connect(self.purge_record)
            page.historyRequested.connect(self.show_history)
        else:
            page = AuditLogPage(self.store, self)
            page.openRequested.connect(self.open_logged_record)
        self._watch_selection(page)
        return page

    def _ensure_page(self, key: str) -> None:
        """Build the page of ``key`` in place of its placeholder, if it is one."""
        placeholder = self.pages.get(key)
        if placeholder is None or type(placeholder) is not QWidget:
            return
        if key == MAP:
            self._build_map_page()
            return
        page = self._make_page(key)
        self.stack.insertWidget(self.stack.indexOf(placeholder), page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.pages[key] = page
        if hasattr(page, "set_readonly"):
            page.set_readonly(self.store.readonly)

    def build_pages(self) -> None:
        """Build the pages :meth:`attach_store` put off (the map waits until it is first shown)."""
        for key in list(self.pages):
            if key != MAP:
                self._ensure_page(key)

    def _sync_city_pages(self) -> None:
        """报送情况 is a page of the navigation on a city installation (and only there)."""
        city = self.store.installation().is_city
        if city and RETURNS_STATUS not in self.pages:
            from .returns_status import ReturnsStatusPage

            page = ReturnsStatusPage(self.store, self, load=False)
            self.pages[RETURNS_STATUS] = page
            self.stack.addWidget(page)
            self.page_order.append(RETURNS_STATUS)
            self.nav.addItem(self._page_titles()[RETURNS_STATUS])
            self._fit_nav()
        elif not city and RETURNS_STATUS in self.pages:
            if self.current_key() == RETURNS_STATUS:
                self.show_page(HOME)
            self.nav.takeItem(self.page_order.index(RETURNS_STATUS))
            self.page_order.remove(RETURNS_STATUS)
            page = self.pages.pop(RETURNS_STATUS)
            self.stack.removeWidget(page)
            page.deleteLater()
        self.act_page_returns.setVisible(city)

    NAV_FONT_PX, NAV_PADDING_PX = 14, 8

    def _fit_nav(self) -> None:
        """The navigation is as wide as its longest item (in any language), at least 130 px."""
        font = QFont(self.nav.font())
        font.setPixelSize(self.NAV_FONT_PX)
        fm = QFontMetrics(font)
        widest = max(
            (fm.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count())), default=0
        )
        self.nav.setFixedWidth(max(130, widest + 2 * self.NAV_PADDING_PX + 2 * self.nav.frameWidth() + 12))

    def _connect_home(self, page: QWidget) -> None:
        sig = getattr(page, "filterRequested", None)
        if sig is not None:
            sig.connect(self._home_filter)

    def _home_filter(self, filters: dict[str, Any]) -> None:
        f = dict(filters)
        kind = f.pop("kind", STATION)
        if kind == APPROVALS:
            self.show_page(APPROVALS)
            return
        self.show_register(kind, f)

    def show_page(self, key: str) -> None:
        if not self.pages or key not in self.pages:
            return
        row = self.page_order.index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # re-enters via the signal
            return
        self._ensure_page(key)  # (a page not built yet: now)
        page = self.pages[key]
        self.stack.setCurrentWidget(page)
        refresh = getattr(page, "refresh", None)
        due = (
            key in (RECYCLE, AUDIT, APPROVALS, HOME, RETURNS_STATUS)
            or key in self._stale
            or not getattr(page, "_loaded", True)
        )
        if due and callable(refresh):
            refresh()
        self._stale.discard(key)
        self.update_actions()

    def _build_map_page(self) -> None:
        from .map_page import MapPage

        placeholder = self.pages[MAP]
        page = MapPage(self.store, self)
        page.openRequested.connect(self.open_record)
        page.openAtRequested.connect(self.open_record_at)
        self._watch_selection(page)
        self.stack.insertWidget(self.stack.indexOf(placeholder), page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.pages[MAP] = page

    def show_register(self, kind: str, filters: dict[str, Any]) -> None:
        """Show a register filtered, e.g. ``show_register("station", {"unit_codes": ["410221"]})``."""
        self.show_page(kind)
        self.registers[kind].set_filters(filters)

    def current_key(self) -> str:
        row = self.nav.currentRow()
        return self.page_order[row] if 0 <= row < len(self.page_order) else HOME

    def current_register(self) -> RegisterPage | None:
        return self.registers.get(self.current_key())

    # Actions and menus (built in main_menus.py) -----------------------------------------------------
    def add_report_action(self, menu_title: str | None, action: QAction) -> None:
        """Hook for the reports/returns engineers: add ``action`` to 报表 (in a submenu when
        ``menu_title`` is given, e.g. "周报" or "报送")."""
        if action.objectName() in WRITING_REPORT_ACTIONS:
            self._writing_actions.append(action)
            action.setEnabled(not (self.attached and self.store.readonly))
        if not menu_title:
            self.menu_reports.addAction(action)
            return
        sub = self._report_menus.get(menu_title)
        if sub is None:
            sub = self.menu_reports.addMenu(submenu_title(menu_title))
            self._report_menus[menu_title] = sub
        sub.addAction(action)

    # Status bar ---------------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.status_readonly = QLabel(self)
        self.status_readonly.setStyleSheet("color: white; background: #c62828; padding: 1px 6px;")
        self.status_db = QLabel(self)
        self.status_who = QLabel(self)
        self.status_counts = QLabel(self)
        self.status_readonly.setVisible(False)
        self.status_check = QLabel(self.tr("正在后台检查数据库完整性，检查通过前修改会稍候保存"), self)
        self.status_check.setStyleSheet("color: #4e342e; background: #ffe082; padding: 1px 6px;")
        self.status_check.setMinimumWidth(80)  # gives way on a narrow window (full text in the tooltip)
        self.status_check.setToolTip(self.status_check.text())
        self.status_check.setVisible(False)
        # The path and the user give way on a narrow window (their full text is in the tooltip):
        # the status bar must never hold the window wider than a 1024-pixel screen.
        for label in (self.status_db, self.status_who):
            label.setMinimumWidth(80)  # (an explicit minimum overrides the label's text width)
        sb.addPermanentWidget(self.status_readonly)
        sb.addPermanentWidget(self.status_check)
        sb.addPermanentWidget(self.status_counts)
        sb.addPermanentWidget(self.status_who)
        sb.addPermanentWidget(self.status_db)
        self._update_status()

    def _update_status(self) -> None:
        s = self.store
        if s is None:
            self.setWindowTitle(self.tr("开封市5G网络建设填报系统"))
            self.status_db.setText(self.tr("正在打开数据库……"))
            return
        inst = s.installation()
        unit = s.unit_map().get(inst.unit_code or "")
        where = self.tr("市级") if inst.is_city else (unit.name if unit else self.tr("未设置单位"))
        c = s.counts()
        db_text = self.tr("数据库：{0}").format(s.path)  # a long path is shortened in the middle
        if s.on_server:
            from kf5g_desktop.storage.server_admin import server_place

            db_text = self.tr("数据库：{0}（服务器 {1}），登录：{2}").format(*server_place(s), s.user)
        self.status_db.setToolTip(db_text)
        self.status_db.setText(
            self.status_db.fontMetrics().elidedText(db_text, Qt.TextElideMode.ElideMiddle, 320)
        )
        who = self.tr("{0} · 填报人：{1}").format(where, inst.user_name or "—")
        self.status_who.setText(who)
        self.status_who.setToolTip(who)
        self.status_counts.setText(
            self.tr("基站 {0} · 场所 {1} · 杆塔 {2}").format(c[STATION], c[VENUE], c[POLE])
        )
        title = self.tr("开封市5G网络建设填报系统") + f" — {where}"
        if s.readonly:
            title += self.tr("（只读）")
        if inst.demo:
            title += self.tr("（演示数据）")
        self.setWindowTitle(title)

    def apply_readonly(self) -> None:
        ro = self.store.readonly
        self.update_actions()
        for reg in self.registers.values():
            reg.set_readonly(ro)
        setter = getattr(self.pages.get(RECYCLE), "set_readonly", None)
        if callable(setter):
            setter(ro)
        self.status_readonly.setVisible(ro)
        if self.store.damaged is not None:
            self.status_readonly.setText(self.tr("数据库已损坏，已禁止修改：请从备份恢复"))
        elif self.store.on_server:  # a 查看 login (the server's grants), not another program
            self.status_readonly.setText(
                self.tr("只读：当前登录“{0}”不能修改服务器上的数据").format(self.store.user)
            )
        else:
            self.status_readonly.setText(self.tr("只读：数据库正被另一个程序使用，不能修改"))
        self.status_readonly.setMinimumWidth(self.status_readonly.sizeHint().width())  # never cut
        self._update_status()
        from .server_users import update_action  # 文件 → 用户管理: a server's 管理员 only

        update_action(self)

    def set_integrity_pending(self, pending: bool) -> None:
        """The background integrity check of the database runs (changes wait for it) or is done."""
        self.status_check.setVisible(pending)

    # Refresh ----------------------------------------------------------------------------------------
    def refresh_all(self) -> None:
        """Reload the visible page now; the others reload when they are next shown."""
        current = self.stack.currentWidget()
        self._stale = {key for key, page in self.pages.items() if page is not current}
        refresh = getattr(current, "refresh", None)
        if callable(refresh):
            refresh()
        self._update_status()

    def _changed(self) -> None:
        self.recordsChanged.emit()

    def _error(self, exc: Exception) -> None:
        show_error(self, self.tr("操作未完成"), exc)

    def _cmd_kw(self) -> dict[str, Any]:
        return dict(on_change=self._changed, on_error=self._error)

    # Records -------------------------------------------------------------------------------------------
    def _form(self, kind: str, record: Any, *, at: Any = None) -> RecordForm:
        """``at``: the record as it stood at that moment, read-only."""
        from .record_form import RecordForm
        from .register import moment_text

        as_at = moment_text(at) if at is not None else ""
        form = RecordForm(self.store, kind, record, save_fn=self.save_record, as_at=as_at, parent=self)
        form.deleteRequested.connect(lambda k, rid, f=form: self._delete_from_form(f, k, rid))
        form.historyRequested.connect(lambda k, rid: self.show_history(k, rid, at))
        form.finished.connect(lambda _r, f=form: self.forms.remove(f) if f in self.forms else None)
        self.forms.append(form)
        geo = QSettings().value(f"form/{kind}/geometry")
        if geo is not None:
            form.restoreGeometry(geo)
        form.finished.connect(
            lambda _r, f=form, k=kind: QSettings().setValue(f"form/{k}/geometry", f.saveGeometry())
        )
        form.finished.connect(lambda _r: self._back_from_form())
        form.open()
        form.activateWindow()
        return form

    def _back_from_form(self) -> None:
        self.activateWindow()
        reg = self.current_register()
        if reg is not None:
            reg.view.setFocus()

    def new_record(self, kind: str | None = None) -> RecordForm | None:
        if self.store.readonly:
            return None
        kind = kind or (self.current_key() if self.current_key() in self.registers else STATION)
        reg = self.registers.get(kind)
        if reg is not None and reg.is_past and reg is self.current_register():
            return None  # the list shows a past week: nothing is entered from it
        return self._form(kind, None)

    def open_record(self, kind: str, record_id: int) -> RecordForm | None:
        try:
            rec = self.store.get(kind, record_id)
        except Kf5gError as exc:
            self._error(exc)
            return None
        return self._form(kind, rec)

    def open_record_at(self, kind: str, record_id: int, moment: Any) -> RecordForm | None:
        """A record as it stood at ``moment`` (a list as at a past week): read-only."""
        try:
            rec = self.store.get_at(kind, record_id, at=moment)
        except Kf5gError as exc:
            self._error(exc)
            return None
        return self._form(kind, rec, at=moment)

    def save_record(self, kind: str, record: Any, old: Any) -> Any:
        """Save through the undo stack (raises the Store's errors for the form to show). A record
        saved unchanged is not written: no audit row, no empty undo step."""
        from .undo import SaveCommand, same_content

        if old is not None and same_content(record, old):
            return old
        saved = self.store.save(record)
        self.undo_stack.push(SaveCommand(lambda: self.store, kind, saved, old, **self._cmd_kw()))
        self._changed()
        return saved

    def delete_records(
        self, kind: str, ids: list[int], *, confirm: bool = True, version: int | None = None
    ) -> bool:
        """Move records to the recycle bin, each refused if changed since it was read here (or, for
        one record, since ``version``: the form's)."""
        from .undo import DeleteCommand

        if self.store.readonly or not ids:
            return False
        try:
            records = [self.store.get(kind, rid) for rid in ids]
        except Kf5gError as exc:
            self._error(exc)
            return False
        keys = [record_key(kind, r) for r in records]
        if confirm:
            what = keys[0] if len(keys) == 1 else self.tr("选中的 {0} 条记录").format(len(keys))
            question = self.tr("把“{0}”移到回收站？\n可以在回收站恢复，也可以用“撤销”（Ctrl+Z）。").format(
                what
            )
            if not ask(self, self.tr("删除"), question):
                return False
        done: list[int] = []
        try:
            for rid, rec in zip(ids, records, strict=True):  # as read: refused if changed meanwhile
                self.store.delete(kind, rid, version=version if version is not None else rec.meta.version)
                done.append(rid)
        except Kf5gError as exc:
            self._error(exc)
        if done:
            done_keys = [keys[ids.index(r)] for r in done]
            self.undo_stack.push(DeleteCommand(lambda: self.store, kind, done, done_keys, **self._cmd_kw()))
            self._changed()
        return bool(done)

    def _delete_from_form(self, form: RecordForm, kind: str, rid: int) -> None:
        seen = form.original.meta.version if form.original is not None else None
        if self.delete_records(kind, [rid], version=seen):
            form.done(QDialog.DialogCode.Rejected)

    def restore_record(self, kind: str, rid: int) -> None:
        from .undo import RestoreCommand

        try:
            key = record_key(kind, self.store.get(kind, rid, include_deleted=True))
            self.store.restore(kind, rid)
        except Kf5gError as exc:
            self._error(exc)
            return
        self.undo_stack.push(RestoreCommand(lambda: self.store, kind, rid, key, **self._cmd_kw()))
        self.statusBar().showMessage(self.tr("已恢复：{0}").format(key), 5000)
        self._changed()

    def purge_record(self, kind: str, rid: int) -> None:
        try:
            key = record_key(kind, self.store.get(kind, rid, include_deleted=True))
        except Kf5gError as exc:
            self._error(exc)
            return
        answer = QMessageBox.warning(
            self,
            self.tr("彻底删除"),
            self.tr("彻底删除“{0}”？此操作不能撤销，记录将无法恢复（操作日志保留）。").format(key),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.store.purge(kind, rid)
        except Kf5gError as exc:
            self._error(exc)
        self.undo_stack.clear()  # older commands may refer to the purged record
        self._changed()

    def open_logged_record(self, kind: str, rid: int) -> None:
        """From the 操作日志: the record's form when it is live, else (in the recycle bin or
        deleted for good) its history."""
        try:
            self.store.get(kind, rid)
        except Kf5gError:
            self.show_history(kind, rid)
            return
        self.open_record(kind, rid)

    def show_history(self, kind: str, rid: int, at: Any = None) -> HistoryDialog | None:
        """``at``: open on the version the record had then (a list as at a past week)."""
        from .pages import HistoryDialog

        try:
            dlg = HistoryDialog(self.store, kind, rid, self, at=at)
        except Kf5gError as exc:
            self._error(exc)
            return None
        dlg.open()
        return dlg

    def _open_current(self) -> None:
        fn = getattr(self._current_page(), "open_current", None)
        if callable(fn):
            fn()

    def _delete_current(self) -> None:
        reg = self.current_register()
        if reg is not None:
            reg.delete_current()

    def _history_current(self) -> None:
        ref = self.current_ref()
        reg = self.current_register()
        if ref is not None:
            self.show_history(*ref, at=reg.moment if reg is not None else None)

    def _focus_search(self) -> None:
        page = self.stack.currentWidget()
        focus = getattr(page, "focus_search", None)
        if callable(focus):
            focus()

    def _columns(self) -> None:
        reg = self.current_register()
        if reg is not None:
            reg._column_menu()

    # Files (main_files.py) -----------------------------------------------------------------------------
    def backup_now(self) -> None:
        main_files.backup_now(self)

    def restore_from_backup(self) -> None:
        main_files.restore_from_backup(self)

    def replace_database(self, work: Callable[[Path], Any]) -> None:
        """Close the store, run ``work(db_path)`` off the GUI thread, open the store again."""
        main_files.replace_database(self, work)

    def set_store(self, store: Store) -> None:
        self.store = store
        self.undo_stack.clear()
        for page in self.pages.values():
            setter = getattr(page, "set_store", None)
            if callable(setter):
                setter(store)
        self._sync_city_pages()
        self.set_integrity_pending(store.integrity is not None and store.integrity.pending)
        self.apply_readonly()
        self.storeReplaced.emit(store)

    def open_settings(self) -> None:
        main_files.open_settings(self)

    def _about(self) -> None:
        main_files.about(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        for form in list(self.forms):
            if not form.close():
                event.ignore()
                return
        QSettings().setValue("main/geometry", self.saveGeometry())
        super().closeEvent(event)
        # Closing the main window ends the program: no other window may keep it (and the database
        # lock) alive. Forms were asked above; anything else still open (a dialog, a progress
        # window, a stray top-level window) closes with it.
        for w in QApplication.topLevelWidgets():
            if w is not self and w.isVisible():
                w.close()
        self.closed.emit()


def _first_size() -> QSize:
    """The window's size before any is remembered: 1280×800, or what the screen has room for (frame included)."""
    size = QSize(1280, 800)
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry().size() - QSize(16, 48)  # the window manager's frame and title bar
        size = size.boundedTo(room)
    return size


__all__ = ["REGISTER_TITLES", "MainWindow"]
