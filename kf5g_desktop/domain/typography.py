"""Chinese typography: full-width punctuation in Chinese text (issue: "区县(填报单位)" → "区县（填报单位）").

Chinese official writing uses full-width "，；：（）！？" in Chinese text. :func:`fix` turns the
half-width marks of a Chinese text into full-width ones where they stand in Chinese context, and
leaves codes, numbers, dates, times ("18:00"), format placeholders ("{0}", "{x:.1%}"), Qt access keys
("打开(&O)") and ASCII-only text as they are. :func:`problems` lists what :func:`fix` would change,
for the test that keeps the sources clean (``tests/test_typography.py``) and for
``scripts/typography.py``, which rewrites string literals, Designer files and the translation file.
"""

from __future__ import annotations

import re

_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# What counts as Chinese context on either side of a mark: ideographs, CJK punctuation, full-width
# forms, Chinese quotation marks, ellipsis and dash.
_CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’…—]")
_MARKS = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_ACCESS_KEY = re.compile(r"&?[A-Za-z0-9]")


def _masked(text: str) -> list[bool]:
    """True for characters inside ``{…}`` placeholders (``{{``/``}}`` are literal braces)."""
    mask = [False] * len(text)
    depth = 0
    i = 0
    while i < len(text):
        c = text[i]
        if depth == 0 and text.startswith("{{", i):
            i += 2
            continue
        if c == "{":
            depth += 1
        if depth:
            mask[i] = True
        if c == "}" and depth:
            depth -= 1
        i += 1
    return mask


def _neighbour(text: str, i: int, step: int, mask: list[bool]) -> str:
    """The nearest non-space character from ``i`` in direction ``step``: "" at either end, "{" for a
    placeholder."""
    j = i + step
    while 0 <= j < len(text) and text[j] == " ":
        j += step
    if not 0 <= j < len(text):
        return ""
    return "{" if mask[j] else text[j]


def fix(text: str) -> str:
    """``text`` with the half-width punctuation of its Chinese parts made full-width (idempotent:
    a mark made full-width makes its neighbours Chinese context, so this runs to a fixed point)."""
    if not _IDEOGRAPH.search(text) or _is_english(text):
        return text
    for _ in range(len(text)):
        fixed = _fix_once(text)
        if fixed == text:
            break
        text = fixed
    return text


_WORD = re.compile(r"[A-Za-z]{2,}")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _is_english(text: str) -> bool:
    """English prose with a few Chinese terms (a docstring, a log line): more English words than
    Chinese characters. Left alone."""
    plain = _PLACEHOLDER.sub("", text)
    return len(_WORD.findall(plain)) > len(_IDEOGRAPH.findall(plain))


def _fix_once(text: str) -> str:
    mask = _masked(text)
    out = list(text)
    # Parentheses, as pairs: Chinese when the text before the pair, inside it or after it is Chinese.
    stack: list[int] = []
    for i, c in enumerate(text):
        if mask[i]:
            continue
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            j = stack.pop()
            inner = text[j + 1 : i]
            if _ACCESS_KEY.fullmatch(inner):
                continue  # "打开(&O)": Qt's access-key convention for Chinese menus
            if inner.lstrip().startswith("*"):
                continue  # "表格 (*.xlsx *.csv)": a file dialog's filter, which Qt parses
            if j >= 2 and text[j - 1] == " " and text[j - 2].isascii() and text[j - 2].isalpha():
                continue  # "weekly returns (周报)": a gloss in English prose
            # A placeholder beside the pair stands for a name or number in a Chinese sentence.
            if (
                _IDEOGRAPH.search(inner)
                or _CHINESE.match(_neighbour(text, j, -1, mask) or "a")
                or _CHINESE.match(_neighbour(text, i, +1, mask) or "a")
                or _neighbour(text, j, -1, mask) == "{"
            ):
                out[j], out[i] = "（", "）"
    # The other marks: Chinese when the character before is Chinese, or the one after is an ideograph.
    for i, c in enumerate(text):
        if mask[i] or c not in _MARKS:
            continue
        before = out[i - 1] if i and not mask[i - 1] and out[i - 1] != " " else _neighbour(text, i, -1, mask)
        before = "" if before == "{" else before
        after = _neighbour(text, i, +1, mask)
        after = "" if after == "{" else after
        if before == "" and after.isdigit() and i and mask[i - 1]:
            # "{n},2021年底…": after a placeholder, look past the digits for the Chinese that follows
            rest = text[i + 1 :].lstrip(" 0123456789")
            after = rest[:1]
        if c == ":" and before.isdigit() and after.isdigit():
            continue  # a time, 18:00
        if _CHINESE.match(before or "a") or _IDEOGRAPH.match(after or "a"):
            out[i] = _MARKS[c]
    fixed = "".join(out)
    # No spaces around full-width punctuation.
    return re.sub(r" *([，；：！？（）]) *", _strip_spaces, fixed) if fixed != text else text


def _strip_spaces(m: re.Match[str]) -> str:
    return m.group(1)


def problems(text: str) -> list[str]:
    """Short excerpts around each half-width mark :func:`fix` would change (empty: all is well)."""
    fixed = fix(text)
    if fixed == text:
        return []
    out: list[str] = []
    for i, (a, b) in enumerate(zip(text, fixed, strict=False)):
        if a != b:
            out.append(text[max(0, i - 6) : i + 6])
            break
    return out or [text[:20]]
