"""Shared machinery of the robustness suite: the kill harness, the counters printed at the end.

Slow variants (more seeds, bigger databases) run only with ``KF5G_SLOW=1``.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kf5g_desktop.storage import migrate

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("driver.py")
SLOW = os.environ.get("KF5G_SLOW") == "1"

# Counted by the tests, printed by pytest_terminal_summary.
STATS = {"kills": 0, "finished": 0, "rejected": 0, "records": 0, "lost": 0}


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # type: ignore[no-untyped-def]
    if not any(STATS.values()):
        return
    terminalreporter.write_sep("-", "robustness")
    terminalreporter.write_line(
        f"robustness: {STATS['kills']} kills survived "
        f"({STATS['finished']} more runs finished before their kill), "
        f"{STATS['rejected']} broken inputs rejected, "
        f"{STATS['records']} committed records checked, {STATS['lost']} records lost"
    )


def pytest_collection_modifyitems(config, items):  # type: ignore[no-untyped-def]
    if SLOW:
        return
    skip = pytest.mark.skip(reason="slow: set KF5G_SLOW=1 to run")
    here = Path(__file__).parent
    for item in items:  # only this suite's slow tests: other areas decide for theirs
        if "slow" in item.keywords and here in Path(str(item.fspath)).parents:
            item.add_marker(skip)


@dataclass
class Run:
    outcome: str  # "killed" or "code N"
    lines: list[str] = field(default_factory=list)

    @property
    def killed(self) -> bool:
        return self.outcome == "killed"

    def errors(self) -> list[str]:
        return [ln for ln in self.lines if ln.startswith("error ")]


class Zygote:
    """Talks to ``driver.py`` running as a zygote (see its docstring)."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(DRIVER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert self._read() == "zygote ready"

    def _read(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the zygote died")
        return line.strip()

    def _send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def start(self, mode: str, log: Path, **args: object) -> int:
        import json

        self._send("run " + json.dumps({"mode": mode, "log": str(log), **args}, default=str))
        reply = self._read()
        assert reply.startswith("pid "), reply
        return int(reply.split()[1])

    def stop(self, pid: int, *, kill: bool = True) -> str:
        self._send(f"{'kill' if kill else 'wait'} {pid}")
        reply = self._read()
        assert reply.startswith(f"exit {pid} "), reply
        return reply.split(" ", 2)[2]

    def close(self) -> None:
        self._send("quit")
        self.proc.wait(timeout=10)


@pytest.fixture(scope="session")
def zygote():
    z = Zygote()
    yield z
    z.close()


def read_log(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def wait_for(log: Path, word: str, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        lines = read_log(log)
        if any(ln == word or ln.startswith(word + " ") for ln in lines):
            return
        errors = [ln for ln in lines if ln.startswith("error ")]
        assert not errors, errors
        time.sleep(0.003)
    raise AssertionError(f"child never logged {word!r}: {read_log(log)}")


def kill_during(
    zygote: Zygote, mode: str, log: Path, *, delay: float, after: str | None = "ready", **args: object
) -> Run:
    """Start a child, wait for ``after`` in its log (None: from the start), sleep ``delay``, SIGKILL it."""
    if log.exists():
        log.unlink()
    pid = zygote.start(mode, log, **args)
    try:
        if after is not None:
            wait_for(log, after)
        time.sleep(delay)
    finally:
        outcome = zygote.stop(pid)
    run = Run(outcome, read_log(log))
    assert not run.errors(), run.errors()
    if run.killed:
        STATS["kills"] += 1
    else:
        STATS["finished"] += 1
    return run


def seeds(kind: str, n: int) -> list[int]:
    """``n`` seeds for a kind of kill (stable per kind, different each KF5G_SEED)."""
    base = int(os.environ.get("KF5G_SEED", "2021"))
    rng = random.Random(f"{base}-{kind}")
    return [rng.randrange(1 << 20) for _ in range(n)]


FAKE_HEAD = "0099_robust_fake"
FAKE_REVISION = '''
"""A test-only schema change shaped like a real one: a column added with the table copied."""

import sqlalchemy as sa
from alembic import op

revision = "{fake}"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("station", recreate="always") as b:
        b.add_column(sa.Column("robust_note", sa.Text(), nullable=True))
    op.execute("UPDATE station SET robust_note = name || '@' || station_code")
    with op.batch_alter_table("audit_log", recreate="always") as b:
        b.add_column(sa.Column("robust_flag", sa.Integer(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError
'''


@pytest.fixture
def newer_migrations(tmp_path, monkeypatch):
    """The real migrations plus one more revision, in a temporary folder this process also uses."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.migrations_path(), folder, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrate.head_revision()
    (folder / "versions" / "0099_robust_fake.py").write_text(
        FAKE_REVISION.format(head=head, fake=FAKE_HEAD), encoding="utf-8"
    )
    monkeypatch.setattr(migrate, "migrations_path", lambda: folder)
    assert migrate.head_revision() == FAKE_HEAD
    return folder, head
