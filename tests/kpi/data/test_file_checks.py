"""Mistakes of the hand, each said once in its own words (kpi/data/file_checks.py), and the review marks."""

from __future__ import annotations

import pytest

from kpi.data.errors import DataErrors
from kpi.data.file_checks import Finding, covered, repeated_ids, review_marks
from kpi.data.loading import load_dataset
from tests.helpers.minimal_edits import add_second_report, errors_after_edit, said_at

I, G = "indicators.yaml", "glossary.yaml"

PASTED_VALUE = "- period: 2023\n  value: 3.45\n  source:\n    report: report_2023\n    section: 第一部分 一(二)\n    quote: 吸引内资3.45亿元\n"

INDICATOR = "- id: economy.domestic_investment\n  theme: economy\n  name: {zh: 吸引内资, en: Domestic investment}\n"

# (case, file, text to replace, replacement, the only messages: (line, column, Chinese message))
ONLY = [
    (
        "null_to_fill",
        I,
        "published: 2024-01-29",
        "published: null",
        [(6, 3, "reports[report_2023].published: 待填写：'published' 还是 null（草稿留给你填写的值），请填上实际的值")],
    ),
    (
        "empty_value_to_fill",
        I,
        "direction: higher",
        "direction:",
        [
            (
                23,
                3,
                "indicators[economy.enterprises_attracted].direction: 待填写：'direction' 还是 null（草稿留给你填写的值），请填上实际的值",
            )
        ],
    ),
    (
        "english_to_write",
        G,
        "en: A community safety post.",
        "'en': '待译 to translate: 社区治安值守点。'",
        [
            (
                5,
                30,
                "terms[peace_house].definition.en: 待翻译：'en' 还以 '待译 to translate:' 开头；请写出英文，并删去这个前缀",
            )
        ],
    ),
    (
        "id_to_choose",
        I,
        "id: economy.lingzhao_complex",
        "id: economy.TODO_2024_1",
        [
            (
                109,
                3,
                "milestones[economy.TODO_2024_1].id: 待命名：编号 economy.TODO_2024_1 中的 TODO 要换成有意义的英文词（小写字母、数字、下划线）",
            )
        ],
    ),
    (
        "glossary_id_to_choose",
        G,
        "id: peace_house",
        "id: TODO_2024_1",
        [
            (
                2,
                3,
                "terms[TODO_2024_1].id: 待命名：编号 TODO_2024_1 中的 TODO 要换成有意义的英文词（小写字母、数字、下划线）",
            )
        ],
    ),
    (
        "values_pasted_at_column_0",
        I,
        "- id: economy.enterprise_visits\n",
        PASTED_VALUE + PASTED_VALUE.replace("2023", "2022") + "- id: economy.enterprise_visits\n",
        [
            (
                43,
                3,
                "indicators[2]: 这几行应写在上面一项 'economy.domestic_investment' 的 values: 之下：请在这几行每行前加 2 个空格",
            )
        ],
    ),
    (
        "progress_pasted_at_column_0",
        I,
        "  progress: []\n",
        "  progress:\n  - date: 2024-01-31\n    value: 5\n- date: 2024-03-31\n  value: 10\n",
        [
            (
                110,
                3,
                "targets[1]: 这几行应写在上面一项 'safety.new_safety_posts_2024' 的 progress: 之下：请在这几行每行前加 2 个空格",
            )
        ],
    ),
    (
        "indicator_pasted_twice_into_milestones",
        I,
        "    quote: 启动凌兆片区社区生活服务综合体建设\n",
        "    quote: 启动凌兆片区社区生活服务综合体建设\n" + INDICATOR + "  unit: {zh: 亿元, en: yuan}\n  values: []\n",
        [
            (
                116,
                3,
                "milestones[economy.domestic_investment].id: 编号 'economy.domestic_investment' 重复（第 32 行已用过）",
            )
        ],
    ),
    (
        "term_pasted_twice",
        G,
        "  forms: [平安屋]\n",
        "  forms: [平安屋]\n- id: peace_house\n  report: report_2023\n",
        [(7, 3, "terms[peace_house].id: 编号 'peace_house' 重复（第 2 行已用过）")],
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), [c[1:] for c in ONLY], ids=[c[0] for c in ONLY])
def test_a_mistake_of_the_hand_is_said_once(minimal_dir, file, old, new, expected):
    errors = errors_after_edit(minimal_dir, file, old, new)
    assert [(e.line, e.column, f"{e.field}: {e.zh}") for e in errors] == expected


def test_the_pasted_lines_message_in_english_says_how_far_to_indent(minimal_dir):
    [error] = errors_after_edit(
        minimal_dir, I, "- id: economy.enterprise_visits\n", PASTED_VALUE + "- id: economy.enterprise_visits\n"
    )
    assert error.format("en") == (
        f"{I}:43:3: indicators[2]: these lines belong under 'values:' of the item above "
        "('economy.domestic_investment'): indent each of them by 2 spaces"
    )


def test_indenting_the_pasted_lines_as_told_makes_the_file_valid(minimal_dir):
    [error] = errors_after_edit(
        minimal_dir, I, "- id: economy.enterprise_visits\n", PASTED_VALUE + "- id: economy.enterprise_visits\n"
    )
    path = minimal_dir / I
    spaces = int(error.en.split("by ")[1].split()[0])
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            PASTED_VALUE, "".join(" " * spaces + line for line in PASTED_VALUE.splitlines(keepends=True))
        ),
        encoding="utf-8",
    )
    assert load_dataset(minimal_dir).indicators["economy.domestic_investment"].values[-1].value == 3.45


def test_marks_are_found_with_every_other_problem_at_once(minimal_dir):
    errors = errors_after_edit(minimal_dir, I, "published: 2024-01-29", "published: ~")
    path = minimal_dir / I
    path.write_text(path.read_text(encoding="utf-8").replace("value: 139", "value: 一百"), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_dataset(minimal_dir)
    assert [(e.line, e.code) for e in caught.value.errors] == [(6, "review_null"), (27, "float_type")]
    assert [e.code for e in errors] == ["review_null"]


# (case, file, text to replace, replacement, expected line, fragment of the Chinese message)
REPEATED = [
    (
        "duplicate_id",
        I,
        "id: economy.domestic_investment",
        "id: economy.enterprises_attracted",
        32,
        "编号 'economy.enterprises_attracted' 重复（第 19 行",
    ),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "line", "fragment"), [case[1:] for case in REPEATED], ids=[case[0] for case in REPEATED]
)
def test_an_id_used_twice_is_located_and_explained(minimal_dir, file, old, new, line, fragment):
    errors = errors_after_edit(minimal_dir, file, old, new)
    assert said_at(errors, file, line, fragment), [(e.file, e.line, e.zh) for e in errors]


# The same, on the minimal data with a second report (tests/helpers/minimal_edits.py add_second_report)
TWO_REPORT_CASES = [
    (
        "same_report_id_twice",
        I,
        "- id: report_2024",
        "- id: report_2023",
        11,
        "编号 'report_2023' 重复（第 3 行已用过）",
    ),
    (
        "glossary_same_id_twice",
        G,
        "  forms: [平安屋]\n",
        "  forms: [平安屋]\n- id: peace_house\n  report: report_2023\n"
        "  term: {zh: 平安屋二, en: Peace house two}\n  definition: {zh: 社区治安值守点。, en: A post.}\n",
        7,
        "编号 'peace_house' 重复（第 2 行已用过）",
    ),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "line", "fragment"),
    [case[1:] for case in TWO_REPORT_CASES],
    ids=[case[0] for case in TWO_REPORT_CASES],
)
def test_a_report_or_term_id_used_twice_is_located_and_explained(minimal_dir, file, old, new, line, fragment):
    errors = errors_after_edit(add_second_report(minimal_dir), file, old, new)
    assert said_at(errors, file, line, fragment), [(e.file, e.line, e.zh) for e in errors]


@pytest.mark.parametrize("quote", ["TODO 清单", "完成TODO", "todo_list"])
def test_todo_outside_an_id_is_not_a_mark(quote):
    assert list(review_marks({"quote": quote, "id": "economy.todo_list"})) == []


@pytest.mark.parametrize(
    ("data", "found"),
    [
        ({"a": None}, [(("a",), "review_null")]),
        ({"a": [1, None]}, [(("a", 1), "review_null")]),
        ({"a": {"b": {"c": None}}}, [(("a", "b", "c"), "review_null")]),
        ({"en": "待译 to translate: 平安屋"}, [(("en",), "review_translate")]),
        ({"en": "Peace house 待译 to translate:"}, []),  # only a prefix is the mark
        ({"id": "economy.TODO_2024_1"}, [(("id",), "review_todo_id")]),
        ({"parts": ["economy.TODO_1", "economy.done"]}, [(("parts", 0), "review_todo_id")]),
        ("null", []),  # a file that is one word holds no mark
    ],
)
def test_review_marks_are_found_wherever_they_stand(data, found):
    assert [(finding.loc, finding.code) for finding in review_marks(data)] == found


@pytest.mark.parametrize(
    ("loc", "expected"),
    [
        (("indicators", 2), True),
        (("indicators", 2, "values", 0), True),
        (("indicators", 3), False),
        (("indicators",), False),
    ],
)
def test_a_model_error_at_or_under_a_mistake_is_its_consequence(loc, expected):
    assert covered(loc, [Finding(("indicators", 2), "pasted_entry", covers=(("indicators", 2),))]) is expected


def test_an_id_used_twice_across_the_lists_of_one_group_is_said_at_its_second_use():
    data = {"indicators": [{"id": "a.x"}], "targets": [{"id": "a.y"}, {"id": "a.x"}], "themes": [{"id": "a.x"}]}
    found = list(repeated_ids(data, None, (("indicators", "targets"), ("themes",))))
    assert [(f.loc, f.code, f.params, f.covers) for f in found] == [
        (("targets", 1, "id"), "duplicate_id", {"id": "a.x", "first": 1}, (("targets", 1),))
    ]
