"""Build resources/fonts/KF5GSans-Regular.otf: Noto Sans CJK SC cut down to GB2312 + ASCII + punctuation.

The report must come out the same on a machine with no CJK font installed, so the program ships
this subset (SIL Open Font License 1.1, see resources/fonts/OFL.txt) and registers it at start-up.

Needs fontTools (``pip install fonttools``) and the Noto CJK collection (Debian: fonts-noto-cjk):

    python scripts/subset_font.py [--source /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc]
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts" / "KF5GSans-Regular.otf"
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SC_INDEX = 2  # the collection holds JP, KR, SC, TC, HK in this order


def gb2312_text() -> str:
    chars = []
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.append(bytes([hi, lo]).decode("gb2312"))
    chars += [chr(c) for c in range(0x20, 0x7F)]  # ASCII
    chars += list("　、。〈〉《》「」『』【】〔〕—…‘’“”·×÷≤≥±%‰℃№•←→↑↓①②③④⑤⑥⑦⑧⑨⑩")
    chars += [chr(c) for c in range(0xFF01, 0xFF5F)]  # full-width forms
    return "".join(sorted(set(chars)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=SOURCE)
    ap.add_argument("--font-number", type=int, default=SC_INDEX)
    args = ap.parse_args()
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(gb2312_text())
        text_file = f.name
    OUT.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "fontTools.subset",
        str(args.source),
        f"--font-number={args.font_number}",
        f"--text-file={text_file}",
        f"--output-file={OUT}",
        "--layout-features=",  # no GSUB: every glyph keeps its one code point (PDF text extraction)
        "--drop-tables+=GSUB,GPOS",
        "--no-hinting",
        "--name-IDs=*",
        "--name-languages=*",
    ]
    subprocess.run(cmd, check=True)
    # Rename the family so it never clashes with an installed Noto Sans CJK.
    from fontTools.ttLib import TTFont

    font = TTFont(OUT)
    for rec in font["name"].names:
        if rec.nameID in (1, 16):
            rec.string = "KF5G Sans"
        elif rec.nameID in (4,):
            rec.string = "KF5G Sans Regular"
        elif rec.nameID == 6:
            rec.string = "KF5GSans-Regular"
        elif rec.nameID == 3:
            rec.string = "KF5GSans-Regular-subset-of-NotoSansCJKsc"
    font.save(OUT)
    print(f"{OUT} {OUT.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
