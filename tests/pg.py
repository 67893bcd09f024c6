"""A throw-away PostgreSQL cluster for the tests: ``initdb`` in a temporary folder, the server on a
Unix socket in that folder (no TCP port), stopped and removed at the end of the session.

initdb refuses to run as root: as root (CI, this machine) the cluster is made and run by an
unprivileged user — Debian's ``postgres`` when the package made it, else ``kf5g-pg``, created
here. Each pytest worker has its own cluster. Tests get a fresh database each (a copy of a
migrated template: ``CREATE DATABASE … TEMPLATE``), dropped afterwards.

Without PostgreSQL's programs the PostgreSQL variants are skipped — except under CI (``CI=true``),
where .ci/run installs Debian's ``postgresql`` and a missing server is a failure.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

SUPERUSER = "kf5g_test"  # the cluster's bootstrap superuser (owns the test databases)
TEMPLATE = "kf5g_template"
_RUNAS_CANDIDATES = ("postgres", "kf5g-pg")


def _bin_dir() -> Path | None:
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True):
        if (Path(d) / "initdb").exists():
            return Path(d)
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


def _runas() -> pwd.struct_passwd | None:
    """The unprivileged user that runs the cluster when we are root (None: run as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in _RUNAS_CANDIDATES:
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "kf5g-pg"], check=True
    )
    return pwd.getpwnam("kf5g-pg")


@dataclass
class Cluster:
    root: Path
    bin: Path
    user: pwd.struct_passwd | None
    _seq = itertools.count(1)

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root

    def url(self, database: str, user: str = SUPERUSER) -> str:
        from urllib.parse import quote

        return f"postgresql://{quote(user, safe='')}@/{database}?host={self.socket_dir}"

    def login(self, name: str, *, superuser: bool = False) -> None:
        """A login role ``name`` (tests log in as the user their stores are opened with)."""
        q = '"' + name.replace('"', '""') + '"'
        attrs = "LOGIN SUPERUSER" if superuser else "LOGIN"
        self.sql(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN "
            f"CREATE ROLE {q} {attrs}; END IF; END $$"
        )
        if superuser:  # roles are the cluster's: another test may have made this name a plain login
            self.sql(f"ALTER ROLE {q} LOGIN SUPERUSER")

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        kw: dict[str, object] = {}
        if self.user is not None:
            kw = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}
        return subprocess.run(
            [str(self.bin / args[0]), *args[1:]],
            cwd=self.root,
            check=True,
            capture_output=True,
            text=True,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
            **kw,  # type: ignore[call-overload]
        )

    def start(self) -> None:
        if self.user is not None:
            os.chown(self.root, self.user.pw_uid, self.user.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--no-locale")
        opts = f"-k {self.socket_dir} -c listen_addresses= -c fsync=off -c full_page_writes=off -c max_connections=200"
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.root / "log"), "-w", "start")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def sql(self, statement: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(host=str(self.socket_dir), dbname=database, user=SUPERUSER, autocommit=True) as c:
            c.execute(statement)  # type: ignore[arg-type]

    def new_database(self) -> str:
        """A fresh database with the current schema and reference data (a copy of the template)."""
        name = f"kf5g_t{os.getpid()}_{next(self._seq)}"
        self.sql(f'CREATE DATABASE "{name}" TEMPLATE {TEMPLATE}')
        return name

    def empty_database(self) -> str:
        name = f"kf5g_e{os.getpid()}_{next(self._seq)}"
        self.sql(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return name

    def drop_database(self, name: str) -> None:
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_cluster() -> Cluster:
    bindir = _bin_dir()
    if bindir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed (.ci/run installs Debian's postgresql)")
        pytest.skip("PostgreSQL is not installed here (apt-get install postgresql)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("psycopg is not installed (pip install -e '.[server,test]')")
        pytest.skip("psycopg is not installed (pip install -e '.[server]')")
    root = Path(tempfile.mkdtemp(prefix="kf5g-pg-"))
    cluster = Cluster(root, bindir, _runas())
    cluster.start()
    try:
        _make_template(cluster)
    except BaseException:
        cluster.stop()
        raise
    return cluster


def _make_template(cluster: Cluster) -> None:
    from kf5g_desktop.storage.store import Store

    cluster.sql(f"CREATE DATABASE {TEMPLATE} TEMPLATE template0")
    Store.open(cluster.url(TEMPLATE)).close()  # migrations + reference data, as a first start does
    cluster.sql(f"ALTER DATABASE {TEMPLATE} IS_TEMPLATE true")


def office_database(cluster: Cluster, people: dict[str, str], *, kind: str = "unit", unit_code: str | None = "410221") -> str:
    """A fresh database made by its owner with ``kf5g server-init`` (a unit's, or the city's with
    ``kind="city"``) and a login for each person in their group (管理员 / 填报 / 查看)."""
    from kf5g_desktop.storage import server_admin

    name = cluster.empty_database()
    owner = cluster.url(name)
    server_admin.init_database(owner, kind=kind, unit_code=unit_code if kind == "unit" else None, user_name="专班")
    for person, group in people.items():
        server_admin.add_login(owner, person, group)
    return name
