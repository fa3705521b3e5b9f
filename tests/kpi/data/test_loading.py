"""Bad input gets a clear message naming file, line and field — every problem at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi.data.errors import DataErrors
from kpi.data.loading import load_dataset

I, G = "indicators.yaml", "glossary.yaml"

# (case, file, text to replace, replacement, expected line, fragment of the Chinese message)
CASES = [
    ("words_not_in_quote", I, "    value: 139\n", "    value: 1\n    words: {zh: 全区第一, en: first in the district}\n", 28,
     "文字表述 '全区第一' 没有出现在引文中"),
    ("value_is_words", I, "value: 139", "value: 一百", 27, "'value' 应为数字，实际为 '一百'"),
    ("value_is_quoted_number", I, "value: 139", "value: '139'", 27, "应为数字"),
    ("value_infinite", I, "value: 3.45", "value: .inf", 38, "有限的数字"),
    ("value_not_a_number", I, "value: 3.45", "value: .nan", 38, "有限的数字"),
    ("unknown_field_typo", I, "    value: 139\n", "    valeu: 139\n", 27, "未知字段 'valeu'"),
    ("missing_unit", I, "  unit: {zh: 亿元, en: yuan}\n", "", 32, "缺少必填字段 'unit'"),
    ("qualifier_not_in_list", I, "qualifier: more_than", "qualifier: 余", 50, "'qualifier' 应为 'exact' / 'more_than' / 'nearly' / 'about' / 'over' 之一，实际为 '余'"),
    ("direction_not_in_list", I, "direction: higher", "direction: up", 23, "'direction' 应为"),
    ("key_not_boolean", I, "key: true", "key: 是", 24, "true 或 false"),
    ("period_in_words", I, "period: 2023-01..2023-11\n    value: 139", "period: 2023年\n    value: 139", 26, "应形如 2023"),
    ("period_reversed", I, "period: 2023-01..2023-11\n    value: 3.45", "period: 2023-11..2023-01\n    value: 3.45", 37, "应形如 2023"),
    ("period_twice", I, "  - period: 2023\n    value: 13\n",
     "  - period: 2023\n    value: 13\n    source: {report: report_2023, section: 第一部分 一(三), quote: 完成平安屋建设13座}\n"
     "  - period: 2023\n    value: 13\n", 55, "同一份报告的同一期间出现了两次"),
    ("duplicate_id", I, "id: economy.domestic_investment", "id: economy.enterprises_attracted", 32, "编号 'economy.enterprises_attracted' 重复（第 19 行"),
    ("unknown_theme", I, "  theme: safety\n  name: {zh: 平安屋建设", "  theme: safty\n  name: {zh: 平安屋建设", 56, "主题 'safty' 不存在"),
    ("unknown_baseline", I, "baseline: safety.peace_houses_built", "baseline: safety.peace_house", 102, "指标编号 'safety.peace_house' 不存在"),
    ("unknown_programme_part", I, "indicator: economy.tasks_done", "indicator: economy.nope", 94, "'economy.nope' 不存在"),
    ("quote_not_verbatim", I, "quote: 吸引内资3.45亿元", "quote: 吸引内资 3.45亿元", 42, "引文在报告 'report_2023' 的原文中找不到"),
    ("value_not_in_quote", I, "value: 13\n", "value: 14\n", 61, "数值 14 没有出现在引文中"),
    ("id_malformed", I, "id: economy.lingzhao_complex", "id: Economy Lingzhao", 109, "'id' 格式不对"),
    ("section_malformed", I, "section: 第二部分 一(一)", "section: 一(一)", 114, "应形如 第一部分 一(二)"),
    ("comparison_symbol", I, "comparison: at_least", "comparison: '>='", 101, "'comparison' 应为 'at_least'"),
    ("empty_name", I, "name: {zh: 凌兆综合体,", "name: {zh: '',", 111, "'zh' 不能为空"),
    ("duplicate_key", I, "  theme: economy\n  name: {zh: 凌兆综合体", "  theme: economy\n  theme: safety\n  name: {zh: 凌兆综合体", 111, "键 'theme' 重复（第 110 行已有）"),
    ("url_not_http", I, "url: https://example.org/report", "url: javascript:alert(1)", 7, "'url' 格式不对"),
    ("object_tag", I, "url: https://example.org/report", "url: !!python/object/apply:os.system ['echo hi']", 7, "不允许使用 YAML 标签"),
    ("alias", I, "themes:\n", "themes: &t\n", 11, "不允许使用锚点或别名"),
    ("tab_indent", I, "  theme: economy\n  name: {zh: 引进企业", "\ttheme: economy\n  name: {zh: 引进企业", 20, "YAML 格式错误"),
    ("unclosed_bracket", I, "title: {zh: 示例报告, en: Sample report}", "title: {zh: 示例报告, en: Sample report", 5, "YAML 格式错误"),
    ("number_as_text", I, "  icon: ':material/shield:'", "  icon: 42", 17, "'icon' 应为文字，实际为 42"),
    ("report_file_missing", I, "file: source/report.txt", "file: source/missing.txt", 8, "找不到报告原文文件 source/missing.txt"),
    ("date_slashes", I, "published: 2024-01-29", "published: 2024/01/29", 6, "应为日期"),
    ("list_expected", I, "  progress: []", "  progress: 3", 107, "'progress' 应为列表"),
    ("glossary_missing_definition", G, "  definition: {zh: 社区治安值守点。, en: A community safety post.}\n", "", 2, "缺少必填字段 'definition'"),
    ("glossary_forms_not_list", G, "forms: [平安屋]", "forms: 平安屋", 6, "'forms' 应为列表"),
    ("glossary_unknown_field", G, "  forms: [平安屋]", "  form: [平安屋]", 6, "未知字段 'form'"),
    # What the pages assume (issue 16): each of these passed validation and then stopped a page, or drew a falsehood.
    ("theme_id_is_a_page_path", I, "- id: safety\n", "- id: glossary\n", 15, "主题编号 'glossary' 是看板自带页面的网址（/glossary）"),
    ("theme_id_is_the_overviews_path", I, "- id: safety\n", "- id: overview\n", 15, "主题编号 'overview' 是看板自带页面的网址"),
    ("icon_is_a_word", I, "icon: ':material/shield:'", "icon: shield", 17, "'icon' 应为一个表情符号（如 🏠），或 :material/图标名:"),
    ("icon_unknown_material_name", I, "icon: ':material/shield:'", "icon: ':material/shields:'", 17, "实际为 ':material/shields:'"),
    ("icon_emoji_shortcode", I, "icon: ':material/shield:'", "icon: ':shield:'", 17, "'icon' 应为一个表情符号"),
    ("name_only_spaces", I, "name: {zh: 平安与安全, en: Safety}", "name: {zh: '　', en: Safety}", 16, "'zh' 不能为空（只有空格也不行）"),
    ("plans_not_the_next_year", I, "plans: 2024", "plans: 2023", 10, "'plans' 应为所回顾年份的下一年 2024，实际为 2023"),
    ("published_before_the_year_ends", I, "published: 2024-01-29", "published: 2023-12-01", 6, "发布日期 2023-12-01 早于所回顾的 2023 年结束"),
    ("programme_parts_exceed_total", I, "  - {indicator: economy.tasks_done, state: done}\n",
     "  - {indicator: economy.tasks_done, state: done}\n  - {indicator: economy.tasks_listed, state: under_way}\n", 93,
     "各部分合计 53，超过了总数 43（economy.tasks_listed）"),
]


def errors_after_edit(directory: Path, file: str, old: str, new: str) -> list:
    path = directory / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test case does not match the fixture: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_dataset(directory)
    return caught.value.errors


@pytest.mark.parametrize(("file", "old", "new", "line", "fragment"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_bad_input_is_located_and_explained(minimal_dir, file, old, new, line, fragment):
    errors = errors_after_edit(minimal_dir, file, old, new)
    found = [(e.file, e.line, e.zh) for e in errors]
    assert any(f == file and ln == line and fragment in msg for f, ln, msg in found), found


def test_every_problem_is_reported_at_once(minimal_dir):
    path = minimal_dir / I
    text = path.read_text(encoding="utf-8")
    text = text.replace("value: 139", "value: 一百").replace("direction: higher", "direction: up")
    path.write_text(text.replace("comparison: at_least", "comparison: more"), encoding="utf-8")
    (minimal_dir / G).write_text((minimal_dir / G).read_text(encoding="utf-8").replace("forms:", "formz:"), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_dataset(minimal_dir)
    assert [(e.file, e.line) for e in caught.value.errors] == [(G, 6), (I, 23), (I, 27), (I, 101)]


def test_english_messages_name_the_same_problem(minimal_dir):
    [error] = errors_after_edit(minimal_dir, I, "value: 139", "value: 一百", )
    assert error.format("en") == f"{I}:27:5: indicators[economy.enterprises_attracted].values[0].value: 'value' must be a number, not '一百'"
    assert error.format("zh") == f"{I}:27:5: indicators[economy.enterprises_attracted].values[0].value: 'value' 应为数字，实际为 '一百'"


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
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9))
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


@pytest.mark.parametrize("icon", ["'🏠'", "'❤️'", "' :material/home: '", "':material/elderly:'"])
def test_an_emoji_or_a_material_name_is_an_icon(minimal_dir, icon):
    path = minimal_dir / I
    path.write_text(path.read_text(encoding="utf-8").replace("':material/shield:'", icon), encoding="utf-8")
    assert load_dataset(minimal_dir).content.themes[1].icon == icon.strip("'")


def rename_theme(text: str, new: str) -> str:
    """The culture theme's id changed everywhere, as a careful editor renames it (its items follow it)."""
    return text.replace("- id: culture\n", f"- id: {new}\n").replace("  theme: culture\n", f"  theme: {new}\n")


def set_icon(text: str, new: str) -> str:
    return text.replace("  icon: ':material/theater_comedy:'\n", f"  icon: {new}\n")


# The six edits issue 16 measured: each passed validation, then every page raised for every viewer.
SIX_EDITS = [
    (lambda text: rename_theme(text, "check"), "id", "主题编号 'check' 是看板自带页面的网址（/check）"),
    (lambda text: rename_theme(text, "targets"), "id", "主题编号 'targets' 是看板自带页面的网址（/targets）"),
    (lambda text: rename_theme(text, "glossary"), "id", "主题编号 'glossary' 是看板自带页面的网址（/glossary）"),
    (lambda text: rename_theme(text, "indicator"), "id", "主题编号 'indicator' 是看板自带页面的网址（/indicator）"),
    (lambda text: set_icon(text, "culture"), "icon", "'icon' 应为一个表情符号（如 🏠），或 :material/图标名:"),
    (lambda text: set_icon(text, "':material/no_such_icon:'"), "icon", "实际为 ':material/no_such_icon:'"),
]


@pytest.mark.parametrize(("edit", "field", "message"), SIX_EDITS,
                         ids=["check", "targets", "glossary", "indicator", "icon_word", "icon_unknown"])
def test_the_six_edits_that_stopped_every_page_are_rejected_with_their_place(shipped_dir, edit, field, message):
    path = shipped_dir / I
    text = edit(path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    theme = next(n for n, line in enumerate(lines) if line.startswith("- id: ") and lines[n + 1] == "  name: {zh: 文化, en: Culture}")
    line = theme + 1 if field == "id" else theme + 3
    with pytest.raises(DataErrors) as caught:
        load_dataset(shipped_dir)
    [error] = caught.value.errors
    assert (error.file, error.line, error.column) == (I, line, 3)  # the key, where an editor jumps
    assert error.format().startswith(f"{I}:{line}:") and message in error.zh
    assert error.en and "indicators.yaml" not in error.en


def test_unquoted_year_is_a_period(minimal_dir):
    indicator = load_dataset(minimal_dir).indicators["economy.enterprise_visits"]
    assert indicator.values[0].period == "2023"


# ── Mistakes of the hand: each said once, in its own words (kpi/data/file_checks.py) ───────────────────────

PASTED_VALUE = "- period: 2023\n  value: 3.45\n  source:\n    report: report_2023\n    section: 第一部分 一(二)\n    quote: 吸引内资3.45亿元\n"
INDICATOR = "- id: economy.domestic_investment\n  theme: economy\n  name: {zh: 吸引内资, en: Domestic investment}\n"

# (case, file, text to replace, replacement, the only messages: (line, column, Chinese message))
ONLY = [
    ("null_to_fill", I, "published: 2024-01-29", "published: null",
     [(6, 3, "reports[report_2023].published: 待填写：'published' 还是 null（草稿留给你填写的值），请填上实际的值")]),
    ("empty_value_to_fill", I, "direction: higher", "direction:",
     [(23, 3, "indicators[economy.enterprises_attracted].direction: 待填写：'direction' 还是 null（草稿留给你填写的值），请填上实际的值")]),
    ("english_to_write", G, "en: A community safety post.", "'en': '待译 to translate: 社区治安值守点。'",
     [(5, 30, "terms[peace_house].definition.en: 待翻译：'en' 还以 '待译 to translate:' 开头；请写出英文，并删去这个前缀")]),
    ("id_to_choose", I, "id: economy.lingzhao_complex", "id: economy.TODO_2024_1",
     [(109, 3, "milestones[economy.TODO_2024_1].id: 待命名：编号 economy.TODO_2024_1 中的 TODO 要换成有意义的英文词（小写字母、数字、下划线）")]),
    ("glossary_id_to_choose", G, "id: peace_house", "id: TODO_2024_1",
     [(2, 3, "terms[TODO_2024_1].id: 待命名：编号 TODO_2024_1 中的 TODO 要换成有意义的英文词（小写字母、数字、下划线）")]),
    ("values_pasted_at_column_0", I, "- id: economy.enterprise_visits\n", PASTED_VALUE + PASTED_VALUE.replace("2023", "2022")
     + "- id: economy.enterprise_visits\n",
     [(43, 3, "indicators[2]: 这几行应写在上面一项 'economy.domestic_investment' 的 values: 之下：请在这几行每行前加 2 个空格")]),
    ("progress_pasted_at_column_0", I, "  progress: []\n", "  progress:\n  - date: 2024-01-31\n    value: 5\n- date: 2024-03-31\n  value: 10\n",
     [(110, 3, "targets[1]: 这几行应写在上面一项 'safety.new_peace_houses_2024' 的 progress: 之下：请在这几行每行前加 2 个空格")]),
    ("indicator_pasted_twice_into_milestones", I, "    quote: 启动凌兆片区社区生活服务综合体建设\n",
     "    quote: 启动凌兆片区社区生活服务综合体建设\n" + INDICATOR + "  unit: {zh: 亿元, en: yuan}\n  values: []\n",
     [(116, 3, "milestones[economy.domestic_investment].id: 编号 'economy.domestic_investment' 重复（第 32 行已用过）")]),
    ("term_pasted_twice", G, "  forms: [平安屋]\n", "  forms: [平安屋]\n- id: peace_house\n  report: report_2023\n",
     [(7, 3, "terms[peace_house].id: 编号 'peace_house' 重复（第 2 行已用过）")]),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), [c[1:] for c in ONLY], ids=[c[0] for c in ONLY])
def test_a_mistake_of_the_hand_is_said_once(minimal_dir, file, old, new, expected):
    errors = errors_after_edit(minimal_dir, file, old, new)
    assert [(e.line, e.column, f"{e.field}: {e.zh}") for e in errors] == expected


def test_the_pasted_lines_message_in_english_says_how_far_to_indent(minimal_dir):
    [error] = errors_after_edit(minimal_dir, I, "- id: economy.enterprise_visits\n", PASTED_VALUE + "- id: economy.enterprise_visits\n")
    assert error.format("en") == (f"{I}:43:3: indicators[2]: these lines belong under 'values:' of the item above "
                                  "('economy.domestic_investment'): indent each of them by 2 spaces")


def test_indenting_the_pasted_lines_as_told_makes_the_file_valid(minimal_dir):
    [error] = errors_after_edit(minimal_dir, I, "- id: economy.enterprise_visits\n", PASTED_VALUE + "- id: economy.enterprise_visits\n")
    path = minimal_dir / I
    spaces = int(error.en.split("by ")[1].split()[0])
    path.write_text(path.read_text(encoding="utf-8").replace(PASTED_VALUE, "".join(
        " " * spaces + line for line in PASTED_VALUE.splitlines(keepends=True))), encoding="utf-8")
    assert load_dataset(minimal_dir).indicators["economy.domestic_investment"].values[-1].value == 3.45


def test_marks_are_found_with_every_other_problem_at_once(minimal_dir):
    errors = errors_after_edit(minimal_dir, I, "published: 2024-01-29", "published: ~")
    path = minimal_dir / I
    path.write_text(path.read_text(encoding="utf-8").replace("value: 139", "value: 一百"), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_dataset(minimal_dir)
    assert [(e.line, e.code) for e in caught.value.errors] == [(6, "review_null"), (27, "float_type")]
    assert [e.code for e in errors] == ["review_null"]


@pytest.mark.parametrize("quote", ["TODO 清单", "完成TODO", "todo_list"])
def test_todo_outside_an_id_is_not_a_mark(quote):
    from kpi.data.file_checks import review_marks
    assert list(review_marks({"quote": quote, "id": "economy.todo_list"})) == []
