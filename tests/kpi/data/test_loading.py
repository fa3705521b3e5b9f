"""load_dataset: each file read into its model, every problem located and explained, all of them at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi.data.errors import DataErrors
from kpi.data.files import EXCLUSIONS, data_stamp, report_path
from kpi.data.loading import load_dataset
from kpi.data.reading import read_contents
from tests.helpers.minimal_edits import GOOD, add_second_report, errors_after_edit, errors_of, said_at, write

I, G = "indicators.yaml", "glossary.yaml"

# (case, file, text to replace, replacement, expected line, fragment of the Chinese message)
CASES = [
    ("value_is_words", I, "value: 139", "value: 一百", 27, "'value' 应为数字，实际为 '一百'"),
    ("value_is_quoted_number", I, "value: 139", "value: '139'", 27, "应为数字"),
    ("value_infinite", I, "value: 3.45", "value: .inf", 38, "有限的数字"),
    ("value_not_a_number", I, "value: 3.45", "value: .nan", 38, "有限的数字"),
    ("unknown_field_typo", I, "    value: 139\n", "    valeu: 139\n", 27, "未知字段 'valeu'"),
    ("missing_unit", I, "  unit: {zh: 亿元, en: yuan}\n", "", 32, "缺少必填字段 'unit'"),
    (
        "qualifier_not_in_list",
        I,
        "qualifier: more_than",
        "qualifier: 余",
        50,
        "'qualifier' 应为 'exact' / 'more_than' / 'nearly' / 'about' / 'over' 之一，实际为 '余'",
    ),
    ("direction_not_in_list", I, "direction: higher", "direction: up", 23, "'direction' 应为"),
    ("key_not_boolean", I, "key: true", "key: 是", 24, "true 或 false"),
    (
        "period_in_words",
        I,
        "period: 2023-01..2023-11\n    value: 139",
        "period: 2023年\n    value: 139",
        26,
        "应形如 2023",
    ),
    (
        "period_reversed",
        I,
        "period: 2023-01..2023-11\n    value: 3.45",
        "period: 2023-11..2023-01\n    value: 3.45",
        37,
        "应形如 2023",
    ),
    (
        "period_twice",
        I,
        "  - period: 2023\n    value: 13\n",
        "  - period: 2023\n    value: 13\n    source: {report: report_2023, section: 第一部分 一(三), quote: 完成平安屋建设13座}\n"
        "  - period: 2023\n    value: 13\n",
        55,
        "同一份报告的同一期间出现了两次",
    ),
    ("id_malformed", I, "id: economy.lingzhao_complex", "id: Economy Lingzhao", 109, "'id' 格式不对"),
    ("section_malformed", I, "section: 第二部分 一(一)", "section: 一(一)", 114, "应形如 第一部分 一(二)"),
    ("comparison_symbol", I, "comparison: at_least", "comparison: '>='", 101, "'comparison' 应为 'at_least'"),
    ("empty_name", I, "name: {zh: 启动凌兆综合体建设,", "name: {zh: '',", 111, "'zh' 不能为空"),
    (
        "duplicate_key",
        I,
        "  theme: economy\n  name: {zh: 启动凌兆综合体建设",
        "  theme: economy\n  theme: safety\n  name: {zh: 启动凌兆综合体建设",
        111,
        "键 'theme' 重复（第 110 行已有）",
    ),
    ("url_not_http", I, "url: https://example.org/report", "url: javascript:alert(1)", 7, "'url' 格式不对"),
    (
        "object_tag",
        I,
        "url: https://example.org/report",
        "url: !!python/object/apply:os.system ['echo hi']",
        7,
        "不允许使用 YAML 标签",
    ),
    ("alias", I, "themes:\n", "themes: &t\n", 11, "不允许使用锚点或别名"),
    (
        "tab_indent",
        I,
        "  theme: economy\n  name: {zh: 引进企业",
        "\ttheme: economy\n  name: {zh: 引进企业",
        20,
        "这一行用 Tab 缩进",
    ),
    (
        "unclosed_bracket",
        I,
        "title: {zh: 示例报告, en: Sample report}",
        "title: {zh: 示例报告, en: Sample report",
        5,
        "YAML 格式错误",
    ),
    ("number_as_text", I, "  icon: ':material/shield:'", "  icon: 42", 17, "'icon' 应为文字，实际为 42"),
    (
        "report_file_missing",
        I,
        "file: source/report.txt",
        "file: source/missing.txt",
        8,
        "找不到报告原文文件 source/missing.txt",
    ),
    ("date_slashes", I, "published: 2024-01-29", "published: 2024/01/29", 6, "应为日期"),
    ("list_expected", I, "  progress: []", "  progress: 3", 107, "'progress' 应为列表"),
    (
        "glossary_missing_definition",
        G,
        "  definition: {zh: 社区治安值守点。, en: A community safety post.}\n",
        "",
        2,
        "缺少必填字段 'definition'",
    ),
    ("glossary_forms_not_list", G, "forms: [平安屋]", "forms: 平安屋", 6, "'forms' 应为列表"),
    ("glossary_unknown_field", G, "  forms: [平安屋]", "  form: [平安屋]", 6, "未知字段 'form'"),
    (
        "name_only_spaces",
        I,
        "name: {zh: 平安与安全, en: Safety}",
        "name: {zh: '　', en: Safety}",
        16,
        "'zh' 不能为空（只有空格也不行）",
    ),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "line", "fragment"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_bad_input_is_located_and_explained(minimal_dir, file, old, new, line, fragment):
    errors = errors_after_edit(minimal_dir, file, old, new)
    assert said_at(errors, file, line, fragment), [(e.file, e.line, e.zh) for e in errors]


# The same, on the minimal data with a second report (tests/helpers/minimal_edits.py add_second_report)
TWO_REPORT_CASES = [
    (
        "same_report_file_twice",
        I,
        "  file: source/report_2024.txt",
        "  file: source/report.txt",
        16,
        "报告文件 source/report.txt 已被报告 'report_2023' 使用（第 8 行）",
    ),
    (
        "outcome_both_stated_and_not_mentioned",
        I,
        "    quote: 启动凌兆片区社区生活服务综合体建设\n",
        "    quote: 启动凌兆片区社区生活服务综合体建设\n  outcome: {status: done, note: {zh: 甲, en: A}, not_mentioned_in: report_2024}\n",
        124,
        "不能两者都写",
    ),
    (
        "outcome_without_source_or_note",
        I,
        "    quote: 启动凌兆片区社区生活服务综合体建设\n",
        "    quote: 启动凌兆片区社区生活服务综合体建设\n  outcome: {status: done}\n",
        124,
        "结果须写出处（source）或说明（note）",
    ),
    ("plan_year_is_not_a_year", I, "  plans: 2025\n", "  plans: 二〇二五\n", 18, "'plans' 应为整数"),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "line", "fragment"),
    [case[1:] for case in TWO_REPORT_CASES],
    ids=[case[0] for case in TWO_REPORT_CASES],
)
def test_bad_input_beside_a_second_report_is_located_and_explained(minimal_dir, file, old, new, line, fragment):
    errors = errors_after_edit(add_second_report(minimal_dir), file, old, new)
    assert said_at(errors, file, line, fragment), [(e.file, e.line, e.zh) for e in errors]


def test_every_problem_is_reported_at_once(minimal_dir):
    path = minimal_dir / I
    text = path.read_text(encoding="utf-8")
    text = text.replace("value: 139", "value: 一百").replace("direction: higher", "direction: up")
    path.write_text(text.replace("comparison: at_least", "comparison: more"), encoding="utf-8")
    (minimal_dir / G).write_text(
        (minimal_dir / G).read_text(encoding="utf-8").replace("forms:", "formz:"), encoding="utf-8"
    )
    with pytest.raises(DataErrors) as caught:
        load_dataset(minimal_dir)
    assert [(e.file, e.line) for e in caught.value.errors] == [(G, 6), (I, 23), (I, 27), (I, 101)]


def test_english_messages_name_the_same_problem(minimal_dir):
    [error] = errors_after_edit(
        minimal_dir,
        I,
        "value: 139",
        "value: 一百",
    )
    assert (
        error.format("en")
        == f"{I}:27:5: indicators[economy.enterprises_attracted].values[0].value: 'value' must be a number, not '一百'"
    )
    assert (
        error.format("zh")
        == f"{I}:27:5: indicators[economy.enterprises_attracted].values[0].value: 'value' 应为数字，实际为 '一百'"
    )


def test_file_not_utf8(minimal_dir):
    (minimal_dir / G).write_bytes((minimal_dir / G).read_text(encoding="utf-8").encode("gbk"))
    with pytest.raises(DataErrors) as caught:
        load_dataset(minimal_dir)
    assert [(e.file, e.code) for e in caught.value.errors] == [(G, "not_utf8")]


def test_missing_file(minimal_dir):
    (minimal_dir / G).unlink()
    with pytest.raises(DataErrors) as caught:
        load_dataset(minimal_dir)
    assert [e.format() for e in caught.value.errors] == [f"{G}:1:1: 找不到文件"]


def test_empty_file(minimal_dir):
    (minimal_dir / I).write_text("", encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_dataset(minimal_dir)
    assert [(e.file, e.line, e.code) for e in caught.value.errors] == [(I, 1, "model_type")]


def test_huge_file_is_refused_before_parsing(minimal_dir):
    (minimal_dir / I).write_text("# padding\n" * 1_800_000, encoding="utf-8")  # 18 MB: over the 16 MiB limit
    with pytest.raises(DataErrors) as caught:
        load_dataset(minimal_dir)
    assert caught.value.errors[0].code == "file_too_large"


def test_alias_bomb_is_refused(minimal_dir):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    (minimal_dir / I).write_text(bomb, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_dataset(minimal_dir)
    assert {e.code for e in caught.value.errors} == {"yaml_alias"}


def test_deep_nesting_is_refused(minimal_dir):
    (minimal_dir / I).write_text("a: " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_dataset(minimal_dir)
    assert caught.value.errors[0].code == "yaml_too_deep"


def test_bom_and_windows_line_endings_are_fine(minimal_dir):
    for name in (I, G):
        path = minimal_dir / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    assert len(load_dataset(minimal_dir).content.indicators) == 6


# ── The report texts ─────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "file",
    [
        "../glossary.yaml",
        "/etc/passwd",
        "source/../indicators.yaml",
        "glossary.yaml",
        "source\\report.txt",
        "source",
        "source/link.txt",
    ],
)
def test_a_report_file_never_reaches_outside_source(minimal_dir, file):
    (minimal_dir / "source" / "link.txt").symlink_to(minimal_dir / I)  # a link out of source/ is refused too
    errors = errors_after_edit(minimal_dir, I, "file: source/report.txt", f"file: '{file}'")
    outside = [e for e in errors if e.code == "report_outside_source"]
    assert [(e.file, e.line) for e in outside] == [(I, 8)]
    assert "须放在 source/ 目录下" in outside[0].zh and report_path(minimal_dir, file) is None


def _errors(directory: Path) -> list:
    with pytest.raises(DataErrors) as caught:
        load_dataset(directory)
    return caught.value.errors


def test_report_text_with_bom_and_windows_line_endings(minimal_dir):
    report = minimal_dir / "source" / "report.txt"
    report.write_bytes(b"\xef\xbb\xbf" + report.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    assert load_dataset(minimal_dir).report_texts["report_2023"].startswith("示例报告\n")


def test_report_text_not_utf8(minimal_dir):
    report = minimal_dir / "source" / "report.txt"
    report.write_bytes(report.read_text(encoding="utf-8").encode("gbk"))
    assert [(e.line, e.code) for e in _errors(minimal_dir)] == [(8, "report_not_utf8")]


# ── exclusions.yaml ──────────────────────────────────────────────────────────────────────────────────


def test_a_data_directory_without_the_file_excludes_nothing(minimal_dir):
    # Older data directories load: a missing file can only make the check list more, never hide anything.
    assert not (minimal_dir / EXCLUSIONS).exists()
    dataset = load_dataset(minimal_dir)
    assert dataset.exclusions is None and EXCLUSIONS not in read_contents(minimal_dir).files


def test_the_file_is_loaded_stamped_and_kept_in_the_last_good_copy(minimal_dir):
    before = dict((name, size) for name, _, size in data_stamp(minimal_dir))
    dataset = load_dataset(write(minimal_dir, GOOD))
    assert [e.text for e in dataset.exclusions.numbers] == ["截至2023年11月"]
    assert dataset.exclusion_lines == {("numbers", 0): 2, ("statements", 0): 4}
    assert EXCLUSIONS in read_contents(minimal_dir).files
    assert before[EXCLUSIONS] == -1 and dict((n, s) for n, _, s in data_stamp(minimal_dir))[EXCLUSIONS] == len(
        GOOD.encode()
    )


def test_an_exclusions_reason_outside_the_list_is_located_in_both_languages(minimal_dir):
    write(minimal_dir, GOOD.replace("reason: attitude", "reason: vague", 1))
    [(line, column, field, zh, en)] = errors_of(minimal_dir)
    assert (line, column, field) == (4, 25, "statements[0].reason")
    assert zh.startswith("'reason' 应为 'heading' / 'framing'") and en.startswith(
        "'reason' must be one of 'heading' / 'framing'"
    )
