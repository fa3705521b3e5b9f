"""The rules across files (kpi/data/rules.py): each mistake the model cannot see, located and explained."""

from __future__ import annotations

import pytest

from kpi.data import rules
from kpi.data.errors import DataErrors
from kpi.data.loading import load_dataset
from kpi.data.rules import RULES
from tests.helpers.minimal_edits import GOOD, add_second_report, errors_after_edit, errors_of, said_at, write

I, G = "indicators.yaml", "glossary.yaml"

FIRST_SOURCE = "      report: report_2023\n      section: 第一部分 一(二)\n      quote: 截至2023年11月"

BREAKDOWN = (
    "breakdowns:\n- id: economy.by_kind\n  theme: economy\n  question: {{zh: 各有多少, en: 'How many of each?'}}\n"
    "  parts: [{}]\ntargets:\n"
)

OUTCOME = "    quote: 新建49座社区平安屋\n  outcome:\n    value: 50\n    source: {report: report_2023, section: 第一部分 一(二), quote: 新建49座社区平安屋}\n"

# On the minimal data with a second report: (case, file, text to replace, replacement, line, message)
REPORT_CASES = [
    (
        "unknown_report",
        I,
        FIRST_SOURCE,
        FIRST_SOURCE.replace("report_2023", "report_2099"),
        37,
        "报告编号 'report_2099' 不存在；可用报告：report_2023, report_2024",
    ),
    (
        "quote_not_in_named_report",
        I,
        FIRST_SOURCE,
        FIRST_SOURCE.replace("report_2023", "report_2024"),
        39,
        "引文在报告 'report_2024' 的原文中找不到",
    ),
    (
        "period_after_its_report",
        I,
        "  - period: 2023\n    value: 13\n",
        "  - period: 2024\n    value: 13\n",
        68,
        "期间 2024 晚于报告 'report_2023' 回顾的年份 2023",
    ),
    (
        "outcome_from_the_planning_report",
        I,
        "    quote: 新建49座社区平安屋\n",
        OUTCOME,
        117,
        "结果须出自回顾 2024 年的报告；报告 'report_2023' 回顾的是 2023 年",
    ),
    (
        "not_mentioned_by_the_planning_report",
        I,
        "    quote: 启动凌兆片区社区生活服务综合体建设\n",
        "    quote: 启动凌兆片区社区生活服务综合体建设\n  outcome: {not_mentioned_in: report_2023}\n",
        124,
        "结果须出自回顾 2024 年的报告；报告 'report_2023' 回顾的是 2023 年",
    ),
    (
        "not_mentioned_by_an_unknown_report",
        I,
        "    quote: 启动凌兆片区社区生活服务综合体建设\n",
        "    quote: 启动凌兆片区社区生活服务综合体建设\n  outcome: {not_mentioned_in: report_2099}\n",
        124,
        "报告编号 'report_2099' 不存在",
    ),
    (
        "programme_from_unrelated_counts",
        I,
        "indicator: economy.tasks_done",
        "indicator: economy.enterprise_visits",
        102,
        "指标 'economy.enterprise_visits' 与其他部分不在报告的同一句话中",
    ),
    (
        "breakdown_in_two_units",
        I,
        "targets:\n",
        BREAKDOWN.format("economy.enterprises_attracted, economy.domestic_investment"),
        107,
        "分项的单位须相同：'亿元' 与 '家' 不同",
    ),
    (
        "breakdown_of_unknown_figure",
        I,
        "targets:\n",
        BREAKDOWN.format("economy.tasks_listed, economy.nope"),
        107,
        "指标编号 'economy.nope' 不存在",
    ),
    (
        "glossary_unknown_report",
        G,
        "  report: report_2023\n",
        "  report: report_2022\n",
        3,
        "报告编号 'report_2022' 不存在",
    ),
    (
        "glossary_definition_not_in_report",
        G,
        "{zh: 社区治安值守点。,",
        "{zh: 社区值守点。,",
        5,
        "引文在报告 'report_2023' 的原文中找不到",
    ),
    (
        "glossary_same_term_twice",
        G,
        "  forms: [平安屋]\n",
        "  forms: [平安屋]\n- id: peace_house_again\n  report: report_2023\n"
        "  term: {zh: 平安屋, en: Peace house}\n  definition: {zh: 社区治安值守点。, en: A post.}\n",
        9,
        "名词 '平安屋' 重复（第 4 行已有）",
    ),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "line", "fragment"), [c[1:] for c in REPORT_CASES], ids=[c[0] for c in REPORT_CASES]
)
def test_report_problems_are_located_and_explained(minimal_dir, file, old, new, line, fragment):
    errors = errors_after_edit(add_second_report(minimal_dir), file, old, new)
    assert said_at(errors, file, line, fragment), [(e.file, e.line, e.zh) for e in errors]


# On the minimal data: (case, file, text to replace, replacement, expected line, fragment of the Chinese message)
CASES = [
    (
        "words_not_in_quote",
        I,
        "    value: 139\n",
        "    value: 1\n    words: {zh: 全区第一, en: first in the district}\n",
        28,
        "文字表述 '全区第一' 没有出现在引文中",
    ),
    (
        "unknown_theme",
        I,
        "  theme: safety\n  name: {zh: 平安屋建设",
        "  theme: safty\n  name: {zh: 平安屋建设",
        56,
        "主题 'safty' 不存在",
    ),
    (
        "unknown_baseline",
        I,
        "baseline: safety.safety_posts_built",
        "baseline: safety.peace_house",
        102,
        "指标编号 'safety.peace_house' 不存在",
    ),
    (
        "unknown_programme_part",
        I,
        "indicator: economy.tasks_done",
        "indicator: economy.nope",
        94,
        "'economy.nope' 不存在",
    ),
    (
        "quote_not_verbatim",
        I,
        "quote: 吸引内资3.45亿元",
        "quote: 吸引内资 3.45亿元",
        42,
        "引文在报告 'report_2023' 的原文中找不到",
    ),
    ("value_not_in_quote", I, "value: 13\n", "value: 14\n", 61, "数值 14 没有出现在引文中"),
    # What the pages assume (issue 16): each of these passed validation and then stopped a page, or drew a falsehood.
    (
        "theme_id_is_a_page_path",
        I,
        "- id: safety\n",
        "- id: glossary\n",
        15,
        "主题编号 'glossary' 是看板自带页面的网址（/glossary）",
    ),
    (
        "theme_id_is_the_overviews_path",
        I,
        "- id: safety\n",
        "- id: overview\n",
        15,
        "主题编号 'overview' 是看板自带页面的网址",
    ),
    (
        "icon_is_a_word",
        I,
        "icon: ':material/shield:'",
        "icon: shield",
        17,
        "'icon' 应为一个表情符号（如 🏠），或 :material/图标名:",
    ),
    (
        "icon_unknown_material_name",
        I,
        "icon: ':material/shield:'",
        "icon: ':material/shields:'",
        17,
        "实际为 ':material/shields:'",
    ),
    ("icon_emoji_shortcode", I, "icon: ':material/shield:'", "icon: ':shield:'", 17, "'icon' 应为一个表情符号"),
    (
        "plans_not_the_next_year",
        I,
        "plans: 2024",
        "plans: 2023",
        10,
        "'plans' 应为所回顾年份的下一年 2024，实际为 2023",
    ),
    (
        "published_before_the_year_ends",
        I,
        "published: 2024-01-29",
        "published: 2023-12-01",
        6,
        "发布日期 2023-12-01 早于所回顾的 2023 年结束",
    ),
    (
        "former_id_is_another_items_id",
        I,
        "- id: economy.domestic_investment\n",
        "- id: economy.domestic_investment\n  former_ids: [economy.enterprise_visits]\n",
        33,
        "曾用编号 'economy.enterprise_visits' 已属于第 44 行的条目",
    ),
    (
        "former_id_is_its_own_id",
        I,
        "- id: economy.domestic_investment\n",
        "- id: economy.domestic_investment\n  former_ids: [economy.domestic_investment]\n",
        33,
        "曾用编号 'economy.domestic_investment' 已属于第 32 行的条目",
    ),
    (
        "programme_parts_exceed_total",
        I,
        "  - {indicator: economy.tasks_done, state: done}\n",
        "  - {indicator: economy.tasks_done, state: done}\n  - {indicator: economy.tasks_listed, state: under_way}\n",
        93,
        "各部分合计 53，超过了总数 43（economy.tasks_listed）",
    ),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "line", "fragment"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_bad_input_is_located_and_explained(minimal_dir, file, old, new, line, fragment):
    errors = errors_after_edit(minimal_dir, file, old, new)
    assert said_at(errors, file, line, fragment), [(e.file, e.line, e.zh) for e in errors]


def test_an_old_id_opens_one_item_only(minimal_dir):
    path = minimal_dir / I
    text = path.read_text(encoding="utf-8")
    for anchor in ("- id: economy.domestic_investment\n", "- id: safety.safety_posts_built\n"):
        text = text.replace(anchor, anchor + "  former_ids: [economy.investment]\n", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_dataset(minimal_dir)
    [error] = caught.value.errors
    assert (error.line, error.field) == (57, "indicators[safety.safety_posts_built].former_ids[0]")
    assert (
        error.en
        == "former id 'economy.investment' already belongs to the item on line 32; an old id can open only one item"
    )


def test_two_reports_load_and_each_quote_is_checked_against_its_own(minimal_dir):
    path = add_second_report(minimal_dir) / I
    new_value = (
        "  - period: 2024\n    value: 150\n    source:\n      report: report_2024\n"
        "      section: 第一部分 一(二)\n      quote: 2024年,引进企业150家。\n"
    )
    text = path.read_text(encoding="utf-8")
    anchor = "- id: economy.domestic_investment\n"
    path.write_text(text.replace(anchor, new_value + anchor, 1), encoding="utf-8")
    dataset = load_dataset(minimal_dir)
    assert list(dataset.reports) == ["report_2023", "report_2024"]
    indicator = dataset.indicators["economy.enterprises_attracted"]
    assert [(o.period, o.value.value, o.current.report.id) for o in dataset.series(indicator)] == [
        ("2023-01..2023-11", 139, "report_2023"),
        ("2024", 150, "report_2024"),
    ]
    assert dataset.plan_years == [2024]


def test_a_breakdown_of_one_sentence_in_one_unit_loads(minimal_dir):
    path = minimal_dir / I
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "targets:\n", BREAKDOWN.format("economy.tasks_listed, economy.tasks_done"), 1
        ),
        encoding="utf-8",
    )
    [breakdown] = load_dataset(minimal_dir).content.breakdowns
    assert breakdown.parts == ["economy.tasks_listed", "economy.tasks_done"]


# ── Themes: what would stop every page ──────────────────────────────────────────────────────────────


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


@pytest.mark.parametrize(
    ("edit", "field", "message"),
    SIX_EDITS,
    ids=["check", "targets", "glossary", "indicator", "icon_word", "icon_unknown"],
)
def test_the_six_edits_that_stopped_every_page_are_rejected_with_their_place(shipped_dir, edit, field, message):
    path = shipped_dir / I
    text = edit(path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    theme = next(
        n
        for n, line in enumerate(lines)
        if line.startswith("- id: ") and lines[n + 1] == "  name: {zh: 文化, en: Culture}"
    )
    line = theme + 1 if field == "id" else theme + 3
    with pytest.raises(DataErrors) as caught:
        load_dataset(shipped_dir)
    [error] = caught.value.errors
    assert (error.file, error.line, error.column) == (I, line, 3)  # the key, where an editor jumps
    assert error.format().startswith(f"{I}:{line}:") and message in error.zh
    assert error.en and "indicators.yaml" not in error.en


# ── exclusions.yaml ──────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("old", "new", "located", "zh", "en"),
    [
        (
            "text: 截至2023年11月",
            "text: 截至2023年12月",
            (2, 39, "numbers[0].text"),
            "排除的原文在报告 'report_2023' 中找不到（须逐字一致，注意标点）：'截至2023年12月'",
            "excluded text not found in report 'report_2023' (must match exactly, punctuation included): '截至2023年12月'",
        ),
        (
            "text: 截至2023年11月",
            "text: 引进企业",
            (2, 39, "numbers[0].text"),
            "排除的数字片段中没有阿拉伯数字：'引进企业'",
            "the text of an excluded number holds no Arabic number: '引进企业'",
        ),
        (
            "report_2023, reason: attitude",
            "report_2024, reason: attitude",
            (4, 4, "statements[0].report"),
            "报告编号 'report_2024' 不存在；可用报告：report_2023",
            "report id 'report_2024' does not exist; reports: report_2023",
        ),
        (
            "statements:\n",
            "- {report: report_2023, reason: name, text: 截至2023年11月}\nstatements:\n",
            (3, 39, "numbers[1].text"),
            "同一份报告的这段原文已经列出（第 2 行）：'截至2023年11月'",
            "this text of the same report is listed already (line 2): '截至2023年11月'",
        ),
    ],
)
def test_each_exclusions_mistake_is_located_in_both_languages(minimal_dir, old, new, located, zh, en):
    write(minimal_dir, GOOD.replace(old, new, 1))
    [(line, column, field, message_zh, message_en)] = errors_of(minimal_dir)
    assert (line, column, field) == located
    assert message_zh.startswith(zh) and message_en.startswith(en)


def test_every_exclusions_mistake_is_said_at_once(minimal_dir):
    write(minimal_dir, GOOD.replace("截至2023年11月", "引进企业").replace("新建49座", "新建50座"))
    assert [field for _, _, field, _, _ in errors_of(minimal_dir)] == ["numbers[0].text", "statements[0].text"]


def test_the_loader_runs_every_rule_once():
    assert len(set(RULES)) == len(RULES) and all(rule.__doc__ and "\n" not in rule.__doc__.strip() for rule in RULES)
    public = {
        name
        for name, value in vars(rules).items()
        if callable(value)
        and getattr(value, "__module__", "") == rules.__name__
        and not name.startswith("_")
        and name[0].islower()
    }
    assert public == {rule.__name__ for rule in RULES}


# ── Limiting words (kpi/vocabulary.yaml, `limiting`) ───────────────────────────────────────────────

NAME = "  name: {zh: 启动凌兆综合体建设, en: Start of building the Lingzhao complex}\n"  # its quote: 启动凌兆片区…建设
OMITS = "  name_omits:\n  - word: 启动\n{reason}"
REASON = "    reason: {zh: 示例理由, en: An example reason}\n"


def name_errors(directory, new_lines: str) -> list[tuple[int, int, str, str, str]]:
    errors = errors_after_edit(directory, I, NAME, new_lines)
    return [(e.line, e.column, e.field, e.zh, e.en) for e in errors]


def test_a_chinese_name_that_drops_a_limiting_word_is_located_in_both_languages(minimal_dir):
    [(line, column, field, zh, en)] = name_errors(minimal_dir, NAME.replace("启动凌兆综合体建设", "凌兆综合体"))
    assert (line, column, field) == (111, 10, "milestones[economy.lingzhao_complex].name.zh")
    assert zh.startswith("引文分句 '启动凌兆片区社区生活服务综合体建设' 含限定词“启动”，中文名称 '凌兆综合体' 没有写出")
    assert en.startswith(
        "the quoted clause '启动凌兆片区社区生活服务综合体建设' holds the limiting word “启动”, "
        "which the Chinese name '凌兆综合体' leaves out"
    )


def test_an_english_name_with_none_of_the_renderings_is_located_in_both_languages(minimal_dir):
    [(line, column, field, zh, en)] = name_errors(
        minimal_dir, NAME.replace("Start of building the Lingzhao complex", "Lingzhao complex")
    )
    assert (line, column, field) == (111, 25, "milestones[economy.lingzhao_complex].name.en")
    assert "英文名称 'Lingzhao complex' 没有它的任何一种译法（start / launch / begin / kick off）" in zh
    assert "the English name 'Lingzhao complex' does not render (any of: start / launch / begin / kick off)" in en


def test_both_names_dropping_it_are_two_errors(minimal_dir):
    errors = name_errors(minimal_dir, "  name: {zh: 凌兆综合体, en: Lingzhao complex}\n")
    assert [field for _, _, field, _, _ in errors] == [
        "milestones[economy.lingzhao_complex].name.zh",
        "milestones[economy.lingzhao_complex].name.en",
    ]


def test_an_omission_with_its_reason_passes(minimal_dir):
    path = minimal_dir / I
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            NAME, "  name: {zh: 凌兆综合体, en: Lingzhao complex}\n" + OMITS.format(reason=REASON)
        ),
        encoding="utf-8",
    )
    [milestone] = load_dataset(minimal_dir).content.milestones
    assert [(o.word, o.reason.en) for o in milestone.name_omits] == [("启动", "An example reason")]


@pytest.mark.parametrize(("reason", "field"), [("", "reason"), ("    reason: {zh: 示例理由}\n", "en")])
def test_an_omission_needs_its_reason_in_both_languages(minimal_dir, reason, field):
    errors = name_errors(minimal_dir, "  name: {zh: 凌兆综合体, en: Lingzhao complex}\n" + OMITS.format(reason=reason))
    assert [(e_field.rsplit(".", 1)[-1], zh) for _, _, e_field, zh, _ in errors] == [(field, f"缺少必填字段 '{field}'")]


def test_an_omission_the_names_do_not_need_is_said(minimal_dir):
    [(line, column, field, zh, en)] = name_errors(minimal_dir, NAME + OMITS.format(reason=REASON))
    assert (line, field) == (113, "milestones[economy.lingzhao_complex].name_omits[0].word")
    assert zh.startswith("name_omits 中的 '启动' 不需要") and en.startswith("'启动' in name_omits is not needed")


# ── Stage phrases and governing clauses (kpi/report/stages.py) ──────────────────────────────────────

LED = "新建49座社区平安屋。力争优化市政路网,启动凌兆片区社区生活服务综合体建设。"  # the milestone now has a lead clause


def edited(directory, file: str, old: str, new: str) -> None:
    path = directory / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test case does not match the fixture: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_stage_phrase_of_the_report_stands_in_the_name(minimal_dir):
    edited(minimal_dir, "source/report.txt", "启动凌兆", "持续推动凌兆")  # the report opens a clause with 持续推动
    edited(minimal_dir, I, "quote: 启动凌兆", "quote: 持续推动凌兆")
    with pytest.raises(DataErrors) as caught:
        load_dataset(minimal_dir)
    said = [(e.field, e.zh) for e in caught.value.errors]
    assert [field for field, _ in said] == [
        "milestones[economy.lingzhao_complex].name.zh",
        "milestones[economy.lingzhao_complex].name.en",
    ]
    assert "含限定词“持续推动”" in said[0][1] and "(continu / keep / ongoing / sustain) + (push" in said[1][1]


def test_a_governing_clause_limits_the_items_of_its_sentence(minimal_dir):
    pilot = "新建49座社区平安屋。以凌一为试点,启动"  # a pilot scope governs the clauses after it
    errors = errors_after_edit(minimal_dir, "source/report.txt", "新建49座社区平安屋,启动", pilot)
    assert [(e.field, e.zh.split("，")[0]) for e in errors] == [
        ("milestones[economy.lingzhao_complex].name.zh", "引文所在句的分句 '以凌一为试点' 统领引文"),
        ("milestones[economy.lingzhao_complex].name.en", "引文所在句的分句 '以凌一为试点' 统领引文"),
    ]


def test_an_opening_clause_leads_only_once_the_data_treats_it_as_a_lead(minimal_dir):
    # 力争优化市政路网 is neither quoted nor excluded: undecided (the completeness check lists it), so no lead yet
    edited(minimal_dir, "source/report.txt", "新建49座社区平安屋,启动", LED.split("启动")[0] + "启动")
    assert load_dataset(minimal_dir).content.milestones[0].name.zh == "启动凌兆综合体建设"


def test_an_exclusion_may_not_take_a_limiting_word_from_an_item_of_its_sentence(minimal_dir):
    edited(minimal_dir, "source/report.txt", "新建49座社区平安屋,启动", LED.split("启动")[0] + "启动")
    edited(minimal_dir, I, "{zh: 启动凌兆综合体建设,", "{zh: 力争启动凌兆综合体建设,")
    edited(
        minimal_dir,
        I,
        "en: Start of building the Lingzhao complex}",
        "en: 'Aim: start of building the Lingzhao complex'}",
    )
    write(minimal_dir, GOOD + "- {report: report_2023, reason: heading, text: '力争优化市政路网'}\n")
    [(line, _, field, zh, en)] = errors_of(minimal_dir)
    assert (line, field) == (5, "statements[1].text")
    assert zh.startswith("排除 '力争优化市政路网' 拿走了同一句中 economy.lingzhao_complex 的限定词“力争”")
    assert en.startswith(
        "excluding '力争优化市政路网' takes the limiting word “力争” away from economy.lingzhao_complex"
    )


# ── Ids and themes against the report ───────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("old", "new", "word"),
    [
        ("- id: safety.new_safety_posts_2024\n", "- id: safety.new_peace_houses_2024\n", "peace house"),  # banned
        ("- id: economy.lingzhao_complex\n", "- id: economy.lingzhao_complex_built\n", "built"),  # 启动: started
    ],
)
def test_an_id_that_its_name_contradicts_is_refused(minimal_dir, old, new, word):
    errors = errors_after_edit(minimal_dir, I, old, new)
    assert [(e.field.rsplit(".", 1)[-1], e.en.split(",")[0]) for e in errors] == [
        ("id", f"the id {new[6:-1]} holds “{word}”")
    ]


def test_a_round_held_every_year_says_its_year_in_its_id(minimal_dir):
    edited(minimal_dir, "source/report.txt", "启动凌兆片区", "举办凌兆片区")
    edited(minimal_dir, I, "quote: 启动凌兆", "quote: 举办凌兆")
    edited(
        minimal_dir,
        I,
        "{zh: 启动凌兆综合体建设, en: Start of building the Lingzhao complex}",
        "{zh: 凌兆综合体, en: L}",
    )
    with pytest.raises(DataErrors) as caught:
        load_dataset(minimal_dir)
    [error] = caught.value.errors
    assert error.field == "milestones[economy.lingzhao_complex].id" and "（_2024）" in error.zh
    edited(minimal_dir, I, "- id: economy.lingzhao_complex\n", "- id: economy.lingzhao_complex_2024\n")
    assert load_dataset(minimal_dir).content.milestones[0].id == "economy.lingzhao_complex_2024"


def one_section(directory) -> None:
    """Every figure of the minimal data under 第一部分 一(二): five economy figures and one safety figure."""
    path = directory / I
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("section: 第一部分 一(三)", "section: 第一部分 一(二)").replace(
            "section: 第一部分 一(四)", "section: 第一部分 一(二)"
        ),
        encoding="utf-8",
    )


def test_a_lone_item_under_another_theme_than_its_sections_is_refused(minimal_dir):
    one_section(minimal_dir)
    with pytest.raises(DataErrors) as caught:
        load_dataset(minimal_dir)
    [error] = caught.value.errors
    assert error.field == "indicators[safety.safety_posts_built].theme"
    assert error.zh.startswith("主题 safety 不是报告章节 第一部分 一(二) 的主题（economy）")


def test_theme_reason_lets_it_stand_and_is_refused_where_not_needed(minimal_dir):
    one_section(minimal_dir)
    reason = "  theme_reason: {zh: 示例理由, en: An example reason}\n"
    edited(minimal_dir, I, "  theme: safety\n", "  theme: safety\n" + reason)
    assert load_dataset(minimal_dir).indicators["safety.safety_posts_built"].theme_reason.en == "An example reason"
    edited(
        minimal_dir,
        I,
        "  theme: economy\n  name: {zh: 引进企业",
        "  theme: economy\n" + reason + "  name: {zh: 引进企业",
    )
    with pytest.raises(DataErrors) as caught:
        load_dataset(minimal_dir)
    [error] = caught.value.errors
    assert error.field == "indicators[economy.enterprises_attracted].theme_reason"


DUE_AT = "    quote: 新建49座社区平安屋\n"


@pytest.mark.parametrize(
    ("due", "fragment"),
    [
        ("  due: {season: 07..08, words: 暑托班}\n", "评定时间的依据 '暑托班' 没有出现在引文中"),
        ("  due: {season: 07..08, year_end: true, words: 新建}\n", "评定时间写 season（如 07..08）或 year_end: true"),
        ("  due: {words: 新建}\n", "评定时间写 season（如 07..08）或 year_end: true"),
        ("  due: {season: 08..07, words: 新建}\n", "季节的月份须在同一年内由前到后"),
    ],
)
def test_a_due_season_rests_on_the_quotes_words(minimal_dir, due, fragment):
    errors = errors_after_edit(minimal_dir, I, DUE_AT, DUE_AT + due)
    assert any(fragment in e.zh and e.field.startswith("targets[safety.new_safety_posts_2024].due") for e in errors)


def test_a_due_season_in_the_quotes_words_loads(minimal_dir):
    path = minimal_dir / I
    path.write_text(
        path.read_text(encoding="utf-8").replace(DUE_AT, DUE_AT + "  due: {year_end: true, words: 新建}\n", 1),
        encoding="utf-8",
    )
    [target] = load_dataset(minimal_dir).content.targets
    assert target.due is not None and target.due.year_end
