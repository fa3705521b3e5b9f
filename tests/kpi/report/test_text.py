"""A report's text (kpi/report/text.py): read from its file, and navigated as readers do."""

from __future__ import annotations

import pytest

from kpi.report.text import ReportTextError, decode_report


@pytest.mark.parametrize(("raw", "text"), [
    ("第一部分\n引进企业139家。\n".encode(), "第一部分\n引进企业139家。\n"),
    ("\ufeff第一部分\r\n引进企业139家。\r\n".encode(), "第一部分\n引进企业139家。\n"),  # Notepad: BOM and CRLF
])
def test_utf8_with_or_without_bom_lf_or_crlf(raw, text):
    assert decode_report(raw) == text


@pytest.mark.parametrize(("raw", "line", "column", "fragment"), [
    ("标题\n引进企业139家。\n".encode("gbk"), 1, 1, "不是 UTF-8"),
    ("标题\n".encode() + "引进企业139家。".encode("gbk"), 2, 1, "GBK"),
    ("标题\n引进".encode() + "企业".encode("gbk"), 2, 3, "0xc6"),
    ("标题".encode("utf-16"), 1, 1, "UTF-16"),
    ("标题\r引进企业".encode(), 1, 3, "CR"),
    ("标题\n引进\x00企业".encode(), 2, 3, "不是文本文件"),
])
def test_other_encodings_get_a_located_error(raw, line, column, fragment):
    with pytest.raises(ReportTextError) as error:
        decode_report(raw)
    assert (error.value.line, error.value.column) == (line, column)
    assert fragment in error.value.format("r.txt")
