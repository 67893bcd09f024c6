"""Full-width punctuation in the Chinese strings of the sources, the Designer files and the translations.

    python scripts/typography.py --check            # list what is not right (exit 1 if anything)
    python scripts/typography.py --fix [PATH ...]   # rewrite in place (default: the whole project)

Python string literals (not raw or bytes literals), ``<string>`` in ``ui/*.ui`` and ``<source>`` in
``resources/translations/*.ts`` are rewritten with :func:`kf5g_desktop.domain.typography.fix`, so a
source string and its entry in the .ts change together and keep their translation. Texts fixed by
the return contract (RETURNS.md headers, sheet names, code-list labels, such as "乡镇(街道)" and
"省级补助(元)") are left exactly as they are. Run ``scripts/compile_ui.sh --translations`` after a
fix to regenerate the forms and the .qm.
"""

from __future__ import annotations

import ast
import html
import io
import re
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kf5g_desktop.domain import codes  # noqa: E402
from kf5g_desktop.domain.typography import fix  # noqa: E402
from kf5g_desktop.returns import format as fmt  # noqa: E402


def protected() -> frozenset[str]:
    """Texts the return contract fixes to the letter."""
    out: set[str] = set(fmt.COMPLETION_HEADERS)
    for headers in fmt.HEADERS.values():
        out.update(headers)
    out.update(fmt.HEADERS)  # sheet names
    for value in vars(codes).values():
        if isinstance(value, codes.CodeList):
            out.update(value.labels)
    return frozenset(out)


PROTECTED = protected()
_PREFIX = re.compile(r"^([A-Za-z]*)(['\"]{3}|['\"])")


def fix_literal(token: str) -> str:
    m = _PREFIX.match(token)
    if not m:
        return token
    prefix, quote = m.group(1).lower(), m.group(2)
    if "r" in prefix or "b" in prefix:
        return token
    body = token[len(m.group(0)) : len(token) - len(quote)]
    if "f" not in prefix:
        try:
            if ast.literal_eval(token) in PROTECTED:
                return token
        except (ValueError, SyntaxError):
            return token
    new = fix(body)
    return token if new == body else token[: len(m.group(0))] + new + quote


def fix_python(source: str) -> str:
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    edits = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.STRING:
            new = fix_literal(tok.string)
            if new != tok.string:
                start = offsets[tok.start[0] - 1] + tok.start[1]
                end = offsets[tok.end[0] - 1] + tok.end[1]
                edits.append((start, end, new))
    for start, end, new in reversed(edits):
        source = source[:start] + new + source[end:]
    return source


def _fix_xml(text: str, tag: str) -> str:
    def repl(m: re.Match[str]) -> str:
        raw = html.unescape(m.group(2))
        if raw in PROTECTED:
            return m.group(0)
        new = fix(raw)
        if new == raw:
            return m.group(0)
        escaped = new.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return m.group(1) + escaped + m.group(3)

    return re.sub(rf"(<{tag}(?:\s[^>]*)?>)(.*?)(</{tag}>)", repl, text, flags=re.S)


def fix_file(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        return fix_python(text)
    if path.suffix == ".ui":
        return _fix_xml(text, "string")
    if path.suffix == ".ts":
        return _fix_xml(text, "source")
    return text


def project_files() -> list[Path]:
    """What the user reads: the package's strings, the Designer files and the translation file (not
    the tests, whose strings are test data and code; not the generated forms, made from ui/)."""
    files = sorted((ROOT / "kf5g_desktop").rglob("*.py"))
    files += sorted((ROOT / "ui").glob("*.ui"))
    files += sorted((ROOT / "resources" / "translations").glob("*.ts"))
    return [f for f in files if "forms" not in f.relative_to(ROOT).parts]


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv[1:] if not a.startswith("--")] or project_files()
    changed = [p for p in paths if fix_file(p) != p.read_text(encoding="utf-8")]
    if "--fix" in argv:
        for p in changed:
            p.write_text(fix_file(p), encoding="utf-8")
    for p in changed:
        print(p.relative_to(ROOT) if p.is_absolute() else p)
    return 1 if changed and "--fix" not in argv else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
