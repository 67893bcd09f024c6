"""No import cycle among kf5g_desktop's modules (issue 10): every import points one way.

grimp (which import-linter uses) builds the import graph of the package, function-local imports
and ``TYPE_CHECKING`` imports included; every strongly connected group of more than one module is a
cycle.
"""

from __future__ import annotations

import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]


def import_cycles() -> list[frozenset[str]]:
    """The strongly connected groups (Tarjan) of more than one module in the package's graph."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    graph = grimp.build_graph("kf5g_desktop", cache_dir=None)
    modules = sorted(graph.modules)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[frozenset[str]] = []
    counter = 0

    def visit(start: str) -> None:
        nonlocal counter
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(frozenset(group))

    for module in modules:
        if module not in index:
            visit(module)
    return groups


def test_no_import_cycles():
    cycles = [sorted(c) for c in import_cycles()]
    assert cycles == [], "import cycles among kf5g_desktop modules: " + "; ".join(
        " <-> ".join(c) for c in cycles
    )
