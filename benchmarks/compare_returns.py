"""Do two exported returns hold the same content? For big files (a city's return), where the
fingerprint test (tests/returns/test_export_golden.py) would need gigabytes.

    python benchmarks/compare_returns.py A.xlsx B.xlsx

Every part of the two .xlsx is parsed and compared as XML infoset (element, attributes, text; so
UTF-8 and character references, or attribute order, do not count), streaming; only the document
properties' creation/modification times (docProps/core.xml) and _meta's generated_at are allowed to
differ. Prints the first difference, or "same content", and exits 1 / 0.
"""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Iterator
from itertools import zip_longest

from lxml import etree

SKIP_TEXT = {"{http://purl.org/dc/terms/}created", "{http://purl.org/dc/terms/}modified"}


def events(z: zipfile.ZipFile, name: str) -> Iterator[tuple[object, ...]]:
    with z.open(name) as f:
        for ev, el in etree.iterparse(f, events=("start", "end")):
            if ev == "start":
                yield ("start", el.tag, tuple(sorted(el.attrib.items())))
            else:
                text = None if el.tag in SKIP_TEXT else (el.text or "")
                yield ("end", el.tag, text, el.tail or "")
                el.clear()


def main(a: str, b: str) -> int:
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        names = sorted(za.namelist())
        if names != sorted(zb.namelist()):
            print(f"different parts: {names} / {sorted(zb.namelist())}")
            return 1
        generated = 0
        for name in names:
            n = 0
            for ea, eb in zip_longest(events(za, name), events(zb, name)):
                n += 1
                if ea == eb:
                    continue
                # _meta's generated_at (the clock of each export) is allowed to differ
                if ea and eb and ea[0] == eb[0] == "end" and ea[1] == eb[1] and name.endswith(".xml"):
                    ta, tb = str(ea[2]), str(eb[2])
                    if ta[:2] == tb[:2] == "20" and len(ta) == len(tb) == 25 and ta[10] == tb[10] == "T":
                        generated += 1
                        continue
                print(f"{name}: event {n}: {ea} != {eb}")
                return 1
        print(f"same content ({len(names)} parts; {generated} time stamps differ)")
        return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
