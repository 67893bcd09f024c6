"""The weekly report's sections (PRODUCT §5), written as HTML for ``report_document``: title,
headline figures with the chart, by operator, by unit (city), this week's stations, venues and
poles, approvals waiting, overdue stations, power supply, subsidy, what changed since the
previous return (本周变化), problems and the sign-off.

The vocabulary they are written with (formatting, tables that honour the page breaks of a
``Pagination``, the structural markers, the style sheet) is ``report_html``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.reports.changes import ChangeItem, ChangeList, WeekChanges
from kf5g_desktop.reports.figures import StationItem, UnitLine, WaitingItem
from kf5g_desktop.reports.weekly import ReportData

from .fonts import report_family_css
from .report_html import (
    BREAK,
    CHART_URL,
    CITY_LIST_ROWS,
    CSS,
    KIND_TITLES,
    MAP_ID,
    MAP_URL,
    MAX_LIST_ROWS,
    PROBLEMS_ID,
    SIGN_OFF_ID,
    Pagination,
    Table,
    approvals,
    day,
    esc,
    labels,
    names,
    num,
    pct,
    report_name,
    rtr,
    translate,
    week_title,
    yuan,
)
from .report_map import WIDTH as MAP_WIDTH
from .widgets import dtr


def build_html(data: ReportData, pages: Pagination | None = None) -> str:
    """The report as HTML for QTextDocument, with new pages where ``pages`` says."""
    return ReportHtml(data).html(pages or Pagination())


class ReportHtml:
    """The report's HTML written once (``_Builder``), for any pagination (``html``): only the
    headings and tables depend on where the pages break."""

    def __init__(self, data: ReportData) -> None:
        self._parts = _Builder(data).build()

    def html(self, pages: Pagination) -> str:
        return "".join(part if isinstance(part, str) else part(pages) for part in self._parts)


class _Break:
    """A heading's HTML, with a new page before it where a pagination says."""

    __slots__ = ("_after", "_before", "_id")

    def __init__(self, tag: str, id_: str, text: str) -> None:
        self._id = id_
        self._before = f'<{tag} id="{id_}"'
        self._after = f">{text}</{tag}>"

    def __call__(self, pages: Pagination) -> str:
        return self._before + (BREAK if self._id in pages.breaks else "") + self._after


class _Builder:
    """Writes the report's HTML section by section (numbered 一、二、… in Chinese, 1. 2. … in English)."""

    def __init__(self, data: ReportData) -> None:
        self.data = data
        self.f = data.figures
        self.parts: list[str | Callable[[Pagination], str]] = [
            f"<style>{CSS.format(family=report_family_css())}</style>"
        ]
        self.n = 0
        self.unit_col = [translate("report", "区县")] if self.f.is_city else []
        self.limit = CITY_LIST_ROWS if self.f.is_city else MAX_LIST_ROWS

    def build(self) -> list[str | Callable[[Pagination], str]]:
        self.title()
        self.headline()
        self.by_operator()
        if self.f.is_city:
            self.by_unit()
        self.station_changes()
        self.sites()
        self.waiting()
        self.late()
        self.power()
        self.subsidy()
        self.week_changes()
        self.problems()
        self.map()
        return self.parts

    # helpers

    def heading(self, title: str, id_: str | None = None) -> None:
        self.n += 1
        id_ = id_ or f"sec-{self.n}"
        text = translate("report", "{cn}、{title}").format(cn=_cn(self.n), n=self.n, title=title)
        self.parts.append(_Break("h3", id_, esc(text)))

    def subheading(self, id_: str, title: str) -> None:
        self.parts.append(_Break("h4", id_, esc(title)))

    def table(self, key: str, headers: Sequence[str], rows: Sequence[Sequence[object]], **kw: object) -> None:
        self.parts.append(Table(key, headers, rows, **kw).html)  # type: ignore[arg-type]

    def unit_val(self, name: str) -> list[str]:
        return [name] if self.f.is_city else []

    # sections

    def title(self) -> None:
        f = self.f
        week = f.week
        self.parts.append(f"<h1>{esc(report_name(f.scope_name))}</h1>")
        self.parts.append(f'<h2 class="sub">{esc(week_title(week))}</h2>')
        edition = translate("report", "市级汇总") if f.is_city else translate("report", "区县", "edition")
        meta = translate(
            "report",
            "填报单位：{scope}（{edition}）统计周期：{start} 至 {end}  周次：{week}  统计口径：{rule}",
        ).format(
            scope=f.scope_name,
            edition=edition,
            start=day(week.start),
            end=day(week.end),
            week=week,
            rule=rtr(f.rule_label),
        )
        self.parts.append(f'<p class="meta">{esc(meta)}</p>')

    def headline(self) -> None:
        f, t = self.f, self.f.total
        self.heading(translate("report", "主要指标"))
        count = translate("report", "{n} 个")
        if f.target:
            target_text = translate("report", "{n} 个，完成 {p}").format(n=num(f.target), p=pct(f.completion))
        elif f.is_city:
            target_text = translate("report", "未设置")
        else:
            target_text = translate("report", "未设置本区县年度目标")
        ind = t.indirect_share
        ind_html = esc(pct(ind))
        if ind is not None:
            ok = ind <= f.indirect_max_share
            verdict = translate("report", "达标") if ok else translate("report", "超出")
            limit = translate("report", "（控制线 ≤{max}%，{verdict}）").format(
                max=f"{f.indirect_max_share * 100:.0f}", verdict=verdict
            )
            ind_html = f'<span class="{"good" if ok else "bad"}">{esc(pct(ind))}</span>{esc(limit)}'
        late = count.format(n=num(len(f.late)))
        if f.late_suspended:
            late = translate("report", "{n} 个（另有暂缓 {m} 个）").format(
                n=num(len(f.late)), m=num(len(f.late_suspended))
            )
        yuan_text = translate("report", "{n} 元")
        rows: list[tuple[str, str, str, str]] = [
            (
                translate("report", "累计开通5G基站"),
                esc(count.format(n=num(t.on_air))),
                translate("report", "本周新开通"),
                count.format(n=num(t.new)),
            ),
            (
                translate("report", "{year}年目标").format(year=f.target_year),
                esc(target_text),
                translate("report", "SA 基站占比"),
                translate("report", "{p}（{n} 个）").format(p=pct(t.sa_share), n=num(t.sa)),
            ),
            (
                translate("report", "转供电基站占比"),
                ind_html,
                translate("report", "直供电改造完成"),
                translate("report", "累计 {total} 个，本周 {week} 个").format(
                    total=num(t.conversions_done), week=num(t.conversions_week)
                ),
            ),
            (
                translate("report", "免费开放场所"),
                esc(
                    translate("report", "本周 {week} 处，累计 {total} 处").format(
                        week=num(f.venues_week), total=num(f.venues_total)
                    )
                ),
                translate("report", "共享杆塔"),
                translate("report", "本周 {week} 根，累计 {total} 根").format(
                    week=num(f.poles_week), total=num(f.poles_total)
                ),
            ),
            (
                translate("report", "审批超30天未办结"),
                esc(translate("report", "{n} 项").format(n=num(len(f.waiting)))),
                translate("report", "逾期未开通基站"),
                late,
            ),
            (
                translate("report", "SA补助累计"),
                esc(yuan_text.format(n=yuan(f.subsidy.total))),
                translate("report", "其中本周新增"),
                yuan_text.format(n=yuan(f.subsidy_week.total)),
            ),
        ]
        self.parts.append('<table class="grid head" width="100%" cellspacing="0" cellpadding="4">')
        for a, b, c, d in rows:
            self.parts.append(
                f'<tr><td width="21%" bgcolor="#f3f6fa">{esc(a)}</td><td width="29%">{b}</td>'
                f'<td width="21%" bgcolor="#f3f6fa">{esc(c)}</td><td width="29%">{esc(d)}</td></tr>'
            )
        self.parts.append("</table>")
        self.parts.append(f'<p align="center"><img src="{CHART_URL.toString()}" width="660"></p>')
        caption = translate("report", "图1 累计开通5G基站与目标（按周，截至本周末）")
        self.parts.append(f'<p class="note" align="center">{esc(caption)}</p>')

    def by_operator(self) -> None:
        f, t = self.f, self.f.total
        self.heading(translate("report", "分运营商情况"))
        self.table(
            "operators",
            [
                translate("report", "运营商"),
                translate("report", "累计开通"),
                translate("report", "本周新开通"),
                translate("report", "SA基站"),
                translate("report", "SA占比"),
                translate("report", "转供电"),
                translate("report", "转供电占比"),
                translate("report", "补助（元）"),
            ],
            [
                (
                    dtr(o.label),
                    num(o.tally.on_air),
                    num(o.tally.new),
                    num(o.tally.sa),
                    pct(o.tally.sa_share),
                    num(o.tally.indirect),
                    pct(o.tally.indirect_share),
                    yuan(o.subsidy.total),
                )
                for o in f.by_operator
            ],
            numeric=range(1, 8),
            total=(
                translate("report", "合计"),
                num(t.on_air),
                num(t.new),
                num(t.sa),
                pct(t.sa_share),
                num(t.indirect),
                pct(t.indirect_share),
                yuan(f.subsidy.total),
            ),
        )

    def by_unit(self) -> None:
        f, t = self.f, self.f.total
        city = translate("report", "全市")
        unit = translate("report", "区县")
        self.heading(translate("report", "分区县情况"))
        self.table(
            "units",
            [
                unit,
                translate("report", "累计开通"),
                translate("report", "本周新开通"),
                translate("report", "年度目标"),
                translate("report", "完成率"),
                translate("report", "SA占比"),
                translate("report", "转供电占比"),
                translate("report", "开放场所"),
                translate("report", "共享杆塔"),
                translate("report", "本周周报"),
            ],
            [
                (
                    u.name,
                    num(u.tally.on_air),
                    num(u.tally.new),
                    num(u.target),
                    pct(u.completion),
                    pct(u.tally.sa_share),
                    pct(u.tally.indirect_share),
                    num(u.venues_total),
                    num(u.poles_total),
                    _returned_label(u),
                )
                for u in f.by_unit
            ],
            numeric=range(1, 9),
            total=(
                city,
                num(t.on_air),
                num(t.new),
                num(f.target),
                pct(f.completion),
                pct(t.sa_share),
                pct(t.indirect_share),
                num(f.venues_total),
                num(f.poles_total),
                translate("report", "已报 {n}").format(n=len(f.by_unit) - len(f.missing_units)),
            ),
        )
        counts: dict[str, list[int]] = {u.name: [0, 0, 0] for u in f.by_unit}
        lists: tuple[Sequence[StationItem | WaitingItem], ...] = (f.station_changes, f.waiting, f.late)
        for i, items in enumerate(lists):
            for item in items:
                counts.setdefault(item.unit_name, [0, 0, 0])[i] += 1
        self.subheading("sub-unit-counts", translate("report", "各区县本周变化和需关注事项"))
        self.table(
            "unit-counts",
            [
                unit,
                translate("report", "本周新登记/开通基站"),
                translate("report", "审批超30天未办结"),
                translate("report", "逾期未开通基站"),
            ],
            [(name, *map(num, c)) for name, c in counts.items()],
            numeric=range(1, 4),
            total=(city, num(len(f.station_changes)), num(len(f.waiting)), num(len(f.late))),
        )
        if f.missing_units:
            head = translate("report", "本周未报送周报的区县（{n} 个）：").format(n=len(f.missing_units))
            carried = {u.unit_code: u for u in f.by_unit if u.carried_from}
            listed = names(
                [
                    translate("report", "{name}（{carried}）").format(
                        name=name, carried=_carried(carried[code])
                    )
                    if code in carried
                    else name
                    for code, name in f.missing_units
                ]
            )
            self.parts.append(f"<p><b>{esc(head)}</b>{esc(listed)}</p>")
        else:
            done = translate("report", "本周各区县均已报送。")
            self.parts.append(f"<p><b>{esc(done)}</b></p>")

    def station_changes(self) -> None:
        self.heading(translate("report", "本周新增和开通基站"))
        self.table(
            "changes",
            [
                *self.unit_col,
                translate("report", "运营商"),
                translate("report", "基站编码"),
                translate("report", "基站名称"),
                translate("report", "类型"),
                translate("report", "组网"),
                translate("report", "状态"),
                translate("report", "开通日期"),
                translate("report", "情况"),
            ],
            [
                (
                    *self.unit_val(s.unit_name),
                    dtr(s.operator),
                    s.station_code,
                    s.name,
                    dtr(s.station_type),
                    s.network_mode,
                    dtr(s.status),
                    day(s.on_air),
                    rtr(s.note),
                )
                for s in self.f.station_changes
            ],
            wrap=[len(self.unit_col) + 2, len(self.unit_col) + 7],
            limit=self.limit,
        )

    def sites(self) -> None:
        f = self.f
        self.heading(translate("report", "本周免费开放场所和共享杆塔"))
        self.subheading("sub-venues", translate("report", "免费开放场所"))
        self.table(
            "venues",
            [
                translate("report", "场所编号"),
                translate("report", "场所名称"),
                *self.unit_col,
                translate("report", "类别"),
                translate("report", "开放日期"),
                translate("report", "已进入运营商"),
            ],
            [
                (
                    v.code,
                    v.name,
                    *self.unit_val(v.unit_name),
                    dtr(v.category),
                    day(v.day),
                    labels(v.operators),
                )
                for v in f.venues_this_week
            ],
            wrap=[1, len(self.unit_col) + 2, len(self.unit_col) + 4],
            limit=self.limit,
        )
        self.subheading("sub-poles", translate("report", "共享杆塔"))
        self.table(
            "poles",
            [
                translate("report", "杆塔编号"),
                translate("report", "名称/位置"),
                *self.unit_col,
                translate("report", "杆塔类型"),
                translate("report", "共享日期"),
                translate("report", "共享运营商"),
            ],
            [
                (
                    v.code,
                    v.name,
                    *self.unit_val(v.unit_name),
                    dtr(v.category),
                    day(v.day),
                    labels(v.operators),
                )
                for v in f.poles_this_week
            ],
            wrap=[1, len(self.unit_col) + 2, len(self.unit_col) + 4],
            limit=self.limit,
        )

    def week_changes(self) -> None:
        ch = self.data.changes
        if ch is None:
            return
        self.heading(translate("report", "本周变化"))
        if self.f.is_city:
            self._unit_change_counts(ch)
            return
        prev = ch.previous_week
        when = f"{ch.since:%Y-%m-%d %H:%M}" if ch.since else ""
        if ch.since_export:
            since = translate("report", "与第{week}周报表（{time} 导出）相比").format(
                week=prev.week, time=when
            )
        else:
            since = translate("report", "与第{week}周截止时间（{time}）相比").format(
                week=prev.week, time=when
            )
        until = (
            translate("report", "截至本周截止时间 {time}").format(time=f"{ch.until:%Y-%m-%d %H:%M}")
            if ch.until
            else translate("report", "截至目前")
        )
        span = translate("report", "{since}，{until}。").format(since=since, until=until)
        self.parts.append(f'<p class="note">{esc(span)}</p>')
        if ch.empty:
            nothing = translate("report", "本周无变化")
            self.parts.append(f'<p class="empty">{esc(nothing)}</p>')
            return
        kind_col = translate("report", "类型")
        code_col = translate("report", "编码")
        name_col = translate("report", "名称")
        date_col = translate("report", "日期")

        def who(i: ChangeItem) -> list[str]:
            code = f"{dtr(i.operator)} {i.code}" if i.operator else i.code
            return [rtr(KIND_TITLES[i.kind]), code, i.name]

        sections: list[
            tuple[str, str, ChangeList, list[str], Callable[[ChangeItem], list[str]], list[int]]
        ] = [
            (
                "added",
                translate("report", "新增记录"),
                ch.added,
                [translate("report", "状态"), date_col],
                lambda i: [dtr(i.label), day(i.day)],
                [2],
            ),
            (
                "status",
                translate("report", "状态变化"),
                ch.status,
                [translate("report", "原状态"), translate("report", "新状态"), date_col],
                lambda i: [dtr(i.old), dtr(i.new), day(i.day)],
                [2],
            ),
            (
                "power",
                translate("report", "改为直供电"),
                ch.power,
                [translate("report", "原供电方式"), translate("report", "改造完成日期")],
                lambda i: [dtr(i.old), day(i.day)],
                [2],
            ),
            (
                "removed",
                translate("report", "删除和恢复"),
                ch.removed,
                [translate("report", "操作"), date_col],
                lambda i: [rtr(i.label), day(i.day)],
                [2],
            ),
            (
                "corrected",
                translate("report", "其他更正"),
                ch.corrected,
                [translate("report", "字段"), translate("report", "原值"), translate("report", "新值")],
                lambda i: [dtr(i.label), *_values(i)],
                [2, 4, 5],
            ),
        ]
        for key, title, items, headers, cells, wrap in sections:
            if not items.total:
                continue
            self.subheading(
                f"sub-chg-{key}", translate("report", "{title}（{n} 条）").format(title=title, n=items.total)
            )
            self.table(
                f"chg-{key}",
                [kind_col, code_col, name_col, *headers],
                [[*who(i), *cells(i)] for i in items.items],
                wrap=wrap,
            )
            if items.more:
                more = translate("report", "另有 {n} 条未列出。").format(n=num(items.more))
                self.parts.append(f'<p class="note">{esc(more)}</p>')

    def _unit_change_counts(self, ch: WeekChanges) -> None:
        note = translate("report", "各区县本周报表与其上一份已接收报表相比的记录变化（基站、场所、杆塔）。")
        self.parts.append(f'<p class="note">{esc(note)}</p>')
        rows = [
            (
                u.unit_name,
                *(
                    (num(u.added), num(u.changed), num(u.deleted), num(u.restored))
                    if u.submitted
                    else (translate("report", "未报"), "", "", "")
                ),
            )
            for u in ch.by_unit
        ]
        sent = [u for u in ch.by_unit if u.submitted]
        self.table(
            "chg-units",
            [
                translate("report", "区县"),
                translate("report", "新增"),
                translate("report", "修改"),
                translate("report", "删除"),
                translate("report", "恢复"),
            ],
            rows,
            numeric=range(1, 5),
            total=(
                translate("report", "全市"),
                *(num(sum(getattr(u, a) for u in sent)) for a in ("added", "changed", "deleted", "restored")),
            ),
        )

    def waiting(self) -> None:
        self.heading(translate("report", "审批超过30天未办结事项"))
        self.table(
            "waiting",
            [
                *self.unit_col,
                translate("report", "运营商"),
                translate("report", "基站编码"),
                translate("report", "基站名称"),
                translate("report", "审批事项"),
                translate("report", "申请日期"),
                translate("report", "已等待（天，至本周末）"),
            ],
            [
                (
                    *self.unit_val(w.unit_name),
                    dtr(w.operator),
                    w.station_code,
                    w.name,
                    dtr(w.item),
                    day(w.applied_on),
                    w.days,
                )
                for w in self.f.waiting
            ],
            wrap=[len(self.unit_col) + 2, len(self.unit_col) + 3],
            limit=self.limit,
            numeric=[len(self.unit_col) + 5],
            empty=translate("report", "无"),
        )

    def late(self) -> None:
        f = self.f
        self.heading(translate("report", "逾期未开通基站"))
        headers = [
            *self.unit_col,
            translate("report", "运营商"),
            translate("report", "基站编码"),
            translate("report", "基站名称"),
            translate("report", "状态"),
            translate("report", "计划开通日期"),
            translate("report", "逾期"),
        ]
        overdue = translate("report", "逾期 {n} 天")

        def rows(items: Sequence[StationItem]) -> list[tuple[object, ...]]:
            return [
                (
                    *self.unit_val(s.unit_name),
                    dtr(s.operator),
                    s.station_code,
                    s.name,
                    dtr(s.status),
                    day(s.planned_on_air),
                    overdue.format(n=(f.week.end - s.planned_on_air).days) if s.planned_on_air else "",
                )
                for s in items
            ]

        wrap = [len(self.unit_col) + 2]  # the name
        self.table(
            "late", headers, rows(f.late), limit=self.limit, wrap=wrap, empty=translate("report", "无")
        )
        if f.late_suspended:
            note = translate("report", "不含暂缓的基站（{n}个），另列于下表。")
            self.parts.append(f'<p class="note">{esc(note.format(n=num(len(f.late_suspended))))}</p>')
            self.subheading("sub-suspended", translate("report", "暂缓的基站（已过计划开通日期）"))
            self.table("suspended", headers, rows(f.late_suspended), limit=self.limit, wrap=wrap)

    def power(self) -> None:
        f, t = self.f, self.f.total
        self.heading(translate("report", "转供电与直供电改造"))
        text = translate(
            "report",
            "截至本周末，已开通基站中转供电 {n} 个，占 {p}（2022年底前控制在 {max}% 以内）；直供电改造累计完成 {done} 个，本周完成 {week} 个。",
        ).format(
            n=num(t.indirect),
            p=pct(t.indirect_share),
            max=f"{f.indirect_max_share * 100:.0f}",
            done=num(t.conversions_done),
            week=num(t.conversions_week),
        )
        self.parts.append(f"<p>{esc(text)}</p>")

    def subsidy(self) -> None:
        sub, sw = self.f.subsidy, self.f.subsidy_week
        self.heading(translate("report", "SA基站补助"))
        self.table(
            "subsidy",
            [
                translate("report", "项目"),
                translate("report", "省级（元）"),
                translate("report", "市级（元）"),
                translate("report", "区县级（元）"),
                translate("report", "合计（元）"),
            ],
            [
                (
                    translate("report", "累计应补"),
                    yuan(sub.province),
                    yuan(sub.city),
                    yuan(sub.unit),
                    yuan(sub.total),
                ),
                (
                    translate("report", "其中本周新增"),
                    yuan(sw.province),
                    yuan(sw.city),
                    yuan(sw.unit),
                    yuan(sw.total),
                ),
            ],
            numeric=range(1, 5),
        )
        note = translate(
            "report",
            "补助按全部已开通SA基站计（不受统计口径影响），每个基站：省级 2,500 元；市、区县共 2,500 元（县 市3：县7，区 市7：区3）。",
        )
        self.parts.append(f'<p class="note">{esc(note)}</p>')

    def problems(self) -> None:
        data = self.data
        self.heading(translate("report", "存在问题"), PROBLEMS_ID)
        text = data.problems.strip()
        if text:
            self.parts.append('<p class="problems">' + esc(text).replace("\n", "<br>") + "</p>")
        else:
            none = translate("report", "（本周未填写）")
            self.parts.append(f'<p class="empty">{esc(none)}</p>')
        self.parts.append('<p> </p><table class="sign" width="100%" cellspacing="0" cellpadding="4"><tr>')
        blank = "________"
        fields = (
            (translate("report", "填报人：{name}"), data.reporter, 27),
            (translate("report", "审核人：{name}"), data.reviewer, 27),
            (translate("report", "单位负责人：{name}"), "", 28),
            (translate("report", "日期：{name}"), "", 18),
        )
        for i, (label, value, width) in enumerate(fields):
            text = esc(label.format(name=value or blank))
            if i == 0:
                text = f'<a name="{SIGN_OFF_ID}">{text}</a>'
            self.parts.append(f'<td width="{width}%">{text}</td>')
        self.parts.append("</tr></table>")
        made = translate("report", "生成时间：{time}").format(time=f"{data.generated_at:%Y-%m-%d %H:%M}")
        self.parts.append(f'<p class="note" align="right">{esc(made)}</p>')

    def map(self) -> None:
        """附图: the map page (``report_map``), after the sign-off, on a page of its own."""
        if self.data.map_points is None:
            return
        title = translate("report", "附图　本周新增和开通基站分布")
        self.parts.append(f'<h3 id="{MAP_ID}"{BREAK}>{esc(title)}</h3>')
        self.parts.append(f'<p align="center"><img src="{MAP_URL.toString()}" width="{MAP_WIDTH}"></p>')
        week = self.f.week
        caption = translate(
            "report", "{scope}全部基站截至{end}的位置，本周（{start}至{end}）新登记和开通的基站突出显示"
        ).format(scope=self.f.scope_name, start=day(week.start), end=day(week.end))
        self.parts.append(f'<p class="note" align="center">{esc(caption)}</p>')


def _values(i: ChangeItem) -> list[str]:
    """A correction's old and new value in the report's language (approvals item by item)."""
    if i.field == "approvals":
        return [approvals(i.old_raw), approvals(i.new_raw)]
    return [labels(i.old), labels(i.new)]


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九十"
    return digits[n] if n <= 10 else "十" + digits[n - 10]


def _returned_label(u: UnitLine) -> str:
    """已报 / 未报 / 未报（沿用N年第M周数据）：a unit without a return has its latest earlier one carried."""
    if u.returned:
        return translate("report", "已报")
    if u.carried_from:
        return translate("report", "未报（{carried}）").format(carried=_carried(u))
    return translate("report", "未报")


def _carried(u: UnitLine) -> str:
    w = IsoWeek.parse(u.carried_from or "")
    return translate("report", "沿用{year}年第{week}周数据").format(year=w.year, week=w.week)
