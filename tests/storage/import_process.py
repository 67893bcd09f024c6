"""One officer's import in a process of its own (for test_concurrent_imports): loads the program,
says "READY", waits for "GO" on stdin — so that every process starts its import at the same
moment — then runs the command line as the officer would type it (``kf5g import FILE --db …`` or
``kf5g bulk-import FILE --register stations --unit CODE --db …``) and exits with its exit code.
What the command printed goes to stdout and stderr as it would on the console.

``--again-when-in-use`` (first argument): when the command is refused because another program is
writing to the SQLite file, print "REFUSED <message>" and run it again a moment later, as the
officer would (without loading the program again)."""

from __future__ import annotations

import contextlib
import io
import sys
import time

IN_USE = "数据库正被"


def main() -> int:
    from kf5g_desktop.cli.main import run

    argv = sys.argv[1:]
    again = bool(argv) and argv[0] == "--again-when-in-use"
    if again:
        argv = argv[1:]
    print("READY", flush=True)
    if sys.stdin.readline().strip() != "GO":
        return 2
    if not again:
        return run(argv)
    for _ in range(3000):  # a few minutes at most
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = run(argv)
        if code != 0 and IN_USE in err.getvalue():
            print("REFUSED " + err.getvalue().strip().replace("\n", " "), flush=True)
            time.sleep(0.05)
            continue
        sys.stderr.write(err.getvalue())
        return code
    return 3


if __name__ == "__main__":
    sys.exit(main())
