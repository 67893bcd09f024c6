"""Input normalisation (PRODUCT §3.3, RELIABILITY "Cells").

Chinese input methods type full-width digits and punctuation (１２３, ，); spreadsheets bring
ideographic, non-breaking and zero-width spaces and byte-order marks. Everything typed or imported
goes through one of two functions before it is validated or stored:

- :func:`normalize_text` for codes, numbers, dates, phone numbers and code-list labels: every
  full-width character becomes its ASCII twin (``１２３`` → ``123``, ``，`` → ``,``);
- :func:`normalize_free_text` for free text (names, addresses, notes, the week's problems):
  full-width letters and digits are folded (``５Ｇ`` → ``5G``) but Chinese punctuation
  (，。；：（）“”！？、) is kept as typed.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta

# Characters removed outright: zero-width space/joiners, word joiner, BOM, soft hyphen.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Spaces mapped to an ASCII space: no-break, ideographic, and the U+2000 family.
_SPACES = {
    **dict.fromkeys(map(ord, "\u00a0\u3000\u202f\u205f\u1680"), " "),
    **{cp: " " for cp in range(0x2000, 0x200B)},
}
# Full-width ASCII (U+FF01–U+FF5E) → ASCII; plus the Chinese punctuation PRODUCT names.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_TABLE = {**_INVISIBLE, **_SPACES, **_FULLWIDTH}
# Free text: only full-width digits and Latin letters are folded; punctuation stays as typed.
_FULLWIDTH_ALNUM = {
    cp: cp - 0xFEE0
    for cp in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
}
_FREE_TABLE = {**_INVISIBLE, **_SPACES, **_FULLWIDTH_ALNUM}


def normalize_text(value: str | None) -> str:
    """Full-width → ASCII, odd spaces → space, invisible characters removed, stripped.

    Idempotent: ``normalize_text(normalize_text(s)) == normalize_text(s)``.
    """
    if value is None:
        return ""
    text = str(value).translate(_TABLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def normalize_free_text(value: str | None) -> str:
    """Free text: full-width letters and digits → ASCII, odd spaces → space, invisible characters
    removed, line ends unified, stripped; Chinese punctuation kept as typed. Idempotent."""
    if value is None:
        return ""
    text = str(value).translate(_FREE_TABLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def normalize_free_optional(value: str | None) -> str | None:
    text = normalize_free_text(value)
    return text or None


def normalize_code(value: object) -> str | None:
    """A code typed or read from a cell: text, no inner spaces; ``12345.0`` read as a number → ``12345``."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = normalize_text(str(value)).replace(" ", "")
    return text or None


def normalize_number(value: object) -> float | None:
    """Parse a number typed or read (``１１４．３５``, `` 114.35 ``); raises ValueError when not a number."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        try:
            return float(value)
        except OverflowError:  # a 400-digit integer cell: openpyxl reads it as an int
            raise ValueError(value) from None
    text = normalize_text(str(value)).replace(",", "").replace(" ", "")
    if not text:
        return None
    return float(text)


_DATE_PATTERNS = [
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
]
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date(value: object) -> date | None:
    """A date from a cell or a text field.

    Accepts date/datetime objects, Excel serial numbers, ``2021-02-01``, ``2021/2/1``,
    ``2021.2.1``, ``2021年2月1日``, ``20210201``. Empty → None. Raises ValueError otherwise.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):  # a 1e999 cell reads as inf
            raise ValueError(value)
        serial = int(value)
        if 20000 <= serial <= 80000:  # 1954..2119: plausible Excel serials only
            return _EXCEL_EPOCH + timedelta(days=serial)
        raise ValueError(value)
    text = normalize_text(str(value))
    if not text:
        return None
    for candidate in (text, text.replace(" ", "")):
        for pattern in _DATE_PATTERNS:
            m = pattern.match(candidate)
            if m:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    raise ValueError(value)


PHONE_RE = re.compile(r"^[0-9][0-9-]*[0-9]$")
