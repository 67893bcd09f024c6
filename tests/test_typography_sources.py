"""Chinese text in the program uses full-width punctuation (issue 11, item 4): every string literal of
the package, every Designer form and every source text of the translation file passes
``scripts/typography.py --check`` (texts fixed by the return contract excepted)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("typography_script", ROOT / "scripts" / "typography.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_chinese_text_has_full_width_punctuation():
    script = _script()
    files = script.project_files()
    assert len(files) > 50  # the package, ui/ and the .ts were found
    wrong = {str(f.relative_to(ROOT)) for f in files if script.fix_file(f) != f.read_text(encoding="utf-8")}
    assert wrong == set(), "run: python scripts/typography.py --fix, then scripts/compile_ui.sh --translations"


def test_the_check_finds_a_half_width_sentence(tmp_path):
    script = _script()
    bad = tmp_path / "bad.py"
    bad.write_text('MESSAGE = "数据已有变化,请填写更正原因(必填)。"\n', encoding="utf-8")
    assert script.fix_file(bad) == 'MESSAGE = "数据已有变化，请填写更正原因（必填）。"\n'
    header = tmp_path / "header.py"
    header.write_text('H = "省级补助(元)"\n', encoding="utf-8")  # a RETURNS.md header stays as it is
    assert script.fix_file(header) == 'H = "省级补助(元)"\n'
