"""The database-server commands: ``server-init`` (schema, groups, grants, installation or the rows
of a SQLite file), ``user add`` and ``users``. ``kf5g backup --db postgresql://…`` (in ``data``)
writes a kf5g SQLite file of a server database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kf5g_desktop.cli.common import EXIT_ERROR, EXIT_OK, db_target, err, out
from kf5g_desktop.domain.values import CITY, UNIT

GROUP_CHOICES = ("管理员", "填报", "查看")


def _url(value: str) -> str:
    from kf5g_desktop.storage.server import is_server_url

    if not is_server_url(value):
        raise argparse.ArgumentTypeError(f"“{value}”不是数据库服务器地址，应为 postgresql://user@host:5432/kf5g")
    return value


def cmd_server_init(args: argparse.Namespace) -> int:
    from kf5g_desktop.storage.server_admin import init_database

    source = Path(args.source) if args.source else None
    if source is None and not (args.city or args.unit):
        err("请用 --city 或 --unit CODE 说明这是市级还是哪个区县的数据库（或用 --from 导入一个数据库文件）。")
        return EXIT_ERROR
    res = init_database(
        args.url, kind=CITY if args.city else UNIT, unit_code=args.unit, source=source, user_name=args.user or ""
    )
    out(f"已初始化服务器数据库：{res.where}（结构版本 {res.revision}"
        + (f"，由 {res.upgraded_from} 升级" if res.upgraded_from else "") + "）")
    out("用户组：" + "，".join(f"{g} = {r}" for g, r in res.groups.items()))
    if res.loaded is not None:
        out("已导入：" + "，".join(f"{t} {n} 行" for t, n in res.loaded.items() if n))
    out("下一步：kf5g user add 姓名 --role 填报 --db " + res.where)
    return EXIT_OK


def cmd_user_add(args: argparse.Namespace) -> int:
    from kf5g_desktop.storage.server import is_server_url, safe_url
    from kf5g_desktop.storage.server_admin import add_login

    target = db_target(args)
    if not is_server_url(target):
        err("用户和权限只在数据库服务器上有：请用 --db postgresql://管理员@服务器/数据库 指定服务器。")
        return EXIT_ERROR
    password = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n") or None
    created = add_login(str(target), args.name, args.role, password)
    out(f"{'已添加' if created else '已更新'}用户“{args.name}”（{args.role}）：{safe_url(str(target))}"
        + ("" if password else "。未设置密码：请用 psql 的 \\password 或 --password-stdin 设置，或由服务器按 pg_hba.conf 认证"))
    return EXIT_OK


def cmd_users(args: argparse.Namespace) -> int:
    from kf5g_desktop.storage.server import is_server_url
    from kf5g_desktop.storage.server_admin import list_logins

    target = db_target(args)
    if not is_server_url(target):
        err("用户和权限只在数据库服务器上有：请用 --db postgresql://… 指定服务器。")
        return EXIT_ERROR
    found = list_logins(str(target))
    if not found:
        out("还没有用户。")
    for u in found:
        out(f"{u.name}\t{u.group}" + ("" if u.can_login else "\t（不能登录）"))
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from kf5g_desktop.cli.common import add_db_option

    p = sub.add_parser("server-init", help="初始化数据库服务器上的数据库：结构、用户组和权限")
    p.add_argument("url", type=_url, metavar="URL", help="postgresql://owner@host:5432/kf5g")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--unit", metavar="CODE", help="区县代码，如 410221（杞县）")
    g.add_argument("--city", action="store_true", help="市级汇总")
    g.add_argument("--from", dest="source", metavar="FILE", help="导入一个 kf5g 数据库文件（本机数据库或备份）")
    p.add_argument("--user", metavar="NAME", help="填报人姓名（安装设置）")
    p.set_defaults(func=cmd_server_init)

    p = sub.add_parser("user", help="数据库服务器上的用户")
    usub = p.add_subparsers(dest="user_command", metavar="操作", required=True)
    a = usub.add_parser("add", help="添加用户（或改变其组）：管理员 / 填报 / 查看")
    add_db_option(a)
    a.add_argument("name", metavar="NAME", help="登录名（如 张三）")
    a.add_argument("--role", required=True, choices=GROUP_CHOICES, help="管理员、填报 或 查看")
    a.add_argument("--password-stdin", action="store_true", help="从标准输入读一行作为密码")
    a.set_defaults(func=cmd_user_add)

    p = sub.add_parser("users", help="列出数据库服务器上的用户和组")
    add_db_option(p)
    p.set_defaults(func=cmd_users)
