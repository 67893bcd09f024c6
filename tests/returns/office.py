"""Files made by LibreOffice for the tests (.xls, .ods, PDF), and the check that a user-visible
message is Chinese apart from file names, codes and numbers."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)


def convert(src: Path, fmt: str, outdir: Path) -> Path:
    """``soffice --headless --convert-to fmt`` with a profile of its own (tests run in parallel)."""
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{outdir}/lo-profile",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = outdir / f"{src.stem}.{fmt.split(':')[0]}"
    assert out.exists(), f"LibreOffice wrote no {out.name}"
    return out


# Names a message may carry besides file names, codes and numbers: the programs and formats the user
# is told to use. Anything else in ASCII (an exception's text, "File is not a zip file", "XmlError",
# "CalamineError: …") is a leak of technical detail.
ALLOWED_WORDS = {
    "Excel",
    "WPS",
    "CSV",
    "UTF",
    "GBK",
    "GB",
    "XML",
    "DTD",
    "OpenDocument",
    "Office",
    "Word",
    "MB",
    "KB",
    "SA",
    "NSA",
}
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|「[^」]*」")
_OPTION = re.compile(
    r"--[A-Za-z][\w-]*|\bkf5g(?:\s+[a-z][\w-]*)?|\.[A-Za-z][A-Za-z0-9]{1,4}\b"  # options, extensions
    r"|[A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?|[A-Z]{1,3}(?=列)"  # cell references, column letters
)
_WORD = re.compile(r"[A-Za-z][A-Za-z_]+")


def foreign_words(message: str) -> list[str]:
    """ASCII words of a message outside quotes (file names, values, codes, sheet and column names are
    quoted), command-line options and file extensions, that are not in :data:`ALLOWED_WORDS`."""
    rest = _OPTION.sub(" ", _QUOTED.sub(" ", message))
    return [w for w in _WORD.findall(rest) if w not in ALLOWED_WORDS]


def assert_chinese(message: str) -> None:
    assert re.search(r"[\u4e00-\u9fff]", message), message
    assert not foreign_words(message), (foreign_words(message), message)
