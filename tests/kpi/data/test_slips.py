"""A slip that breaks a YAML file is said at its own line, with its cause in the staff member's language."""

from __future__ import annotations

import pytest

from kpi.data.errors import DataErrors, make_error
from kpi.data.files import REPO_ROOT
from kpi.data.slips import Slip, line_slip, slip_between, slips
from kpi.data.yaml_reader import read_yaml

SHIPPED = (REPO_ROOT / "indicators.yaml").read_text(encoding="utf-8")
VALUE = "    value: 139"  # a figure's value, the middle key of its entry
QUOTE = "      quote: 主动出击招商引税"  # the last key before a blank line: the parser stops two lines below it

CUT = "quote: 主动出击招商引税,稳存量抢增量,截至2023…"  # a long line is shown by its start

# (the line as slipped, its code, its column, the values its message names)
SLIPPED = [
    (VALUE, "    value： 139", "yaml_full_width_colon", 10, {"key": "value", "fixed": "value: 139"}),
    (VALUE, "    value：139", "yaml_full_width_colon", 10, {"key": "value", "fixed": "value: 139"}),
    (VALUE, "\tvalue: 139", "tab_indent", 1, {}),
    (VALUE, "  \t  value: 139", "tab_indent", 3, {}),
    (VALUE, "    value:139", "yaml_no_space", 10, {"key": "value", "fixed": "value: 139"}),
    (QUOTE, "      quote： 主动出击招商引税", "yaml_full_width_colon", 12, {"key": "quote", "fixed": CUT}),
    (QUOTE, "      quote:主动出击招商引税", "yaml_no_space", 12, {"key": "quote", "fixed": CUT}),
]
MESSAGES = {
    "yaml_full_width_colon": (
        "'value' 后面的冒号是全角的“：”（中文输入法打出的）；YAML 只认半角冒号“:”，冒号后再加一个空格。请改为“value: 139”",
        "the colon after 'value' is the full-width “：” of a Chinese input method; YAML reads only the half-width colon "
        '“:”, followed by a space: write it as "value: 139"',
    ),
    "tab_indent": (
        "这一行用 Tab 缩进；YAML 只能用空格缩进，请把 Tab 换成空格",
        "this line is indented with a Tab; YAML is indented with spaces only: replace the Tab with spaces",
    ),
    "yaml_no_space": (
        "'value:' 后面缺少空格；YAML 的冒号后面要有一个空格，否则整行会被当作一个词。请改为“value: 139”",
        "no space after 'value:'; in YAML a colon is followed by a space, or the whole line reads as one word: "
        'write it as "value: 139"',
    ),
}


def read_errors(text: str):
    with pytest.raises(DataErrors) as raised:
        read_yaml(text.encode("utf-8"), "indicators.yaml")
    return raised.value.errors


@pytest.mark.parametrize(("good", "slipped", "code", "column", "params"), SLIPPED)
def test_a_slip_in_the_shipped_file_is_said_at_its_own_line_with_its_cause(good, slipped, code, column, params):
    line = SHIPPED.split("\n").index(next(x for x in SHIPPED.split("\n") if x.startswith(good))) + 1
    [error] = read_errors(SHIPPED.replace(good, slipped, 1))
    assert (error.line, error.column, error.code) == (line, column, code)
    assert error == make_error("indicators.yaml", line, column, "", code, **params)


@pytest.mark.parametrize("code", MESSAGES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_cause_is_said_in_each_language(code, lang):
    slipped = next(s for good, s, c, _, _ in SLIPPED if c == code and good == VALUE)
    [error] = read_errors(SHIPPED.replace(VALUE, slipped, 1))
    zh, en = MESSAGES[code]
    assert error.format(lang).endswith(f": {zh if lang == 'zh' else en}")
    assert "YAML 格式错误" not in error.format(lang) and "could not find" not in error.format(lang)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("value: 20", None),
        ("  url: https://example.org/a:b", None),
        ("  icon: ':material/shield:'", None),
        ("      quote: 截至2023年11月：引进企业", None),  # a full-width colon inside a value is the report's own
        ("说明：这是中文", None),  # not a key of this data
        ("  - value：20", Slip(1, 10, "yaml_full_width_colon", {"key": "value", "fixed": "value: 20"})),
        ("- id:economy.x", Slip(1, 5, "yaml_no_space", {"key": "id", "fixed": "id: economy.x"})),
        ("  \t- id: x", Slip(1, 3, "tab_indent", {})),
    ],
)
def test_line_slip_knows_the_three_slips_and_nothing_else(line, expected):
    assert line_slip(line, 1) == expected


def test_slip_between_looks_only_where_the_parser_was():
    text = "a：1\nb: 2\nc:3\n"
    assert slip_between(text, 2, 3) == Slip(3, 2, "yaml_no_space", {"key": "c", "fixed": "c: 3"})
    assert slip_between(text, 2, 2) is None
    assert [s.line for s in slips(text)] == [1, 3]


def test_a_syntax_error_with_no_slip_keeps_the_parsers_words_where_it_stopped():
    [error] = read_errors(
        SHIPPED.replace("en: 2023 Work Report of the Dongming Road Subdistrict Office}", "en: 2023 Work Report", 1)
    )
    assert error.code == "yaml_syntax"
