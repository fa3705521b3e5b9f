"""`python -m kpi draft`: the numbers of a report read, classified and matched, measured on the real report.

Measures (asserted, and printed for the closing note):
- the 2023 report against the data with every indicator's values removed: share of the curated figures
  proposed with the right value, unit, qualifier, period and a quote holding the number (goal ≥ 95 %),
  share matched to the right indicator id (goal ≥ 85 %), share of proposed results that are no curated
  figure (false positives, printed), and the time the draft takes (a benchmark, not asserted);
- the fictional next report: every figure, new indicator, outcome and target staff paste for it
  (tests/data/report_2024_fictional/additions.yaml) is proposed and matched, and the pasted draft validates.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from kpi.data.file_checks import review_marks
from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.data.model import Milestone, Source, Text
from kpi.draft.apply import apply_draft
from kpi.draft.draft import Draft, ReportFacts, closest_indicator, comparison_of, draft_report, name_score, summary
from kpi.draft.mentions import milestone_match
from kpi.draft.report_numbers import REASONS, find_figures, report_years
from kpi.draft.terms import glossary_entries
from kpi.draft.writer import CLOSEST_HINT, render_draft, yaml_text
from kpi.report.numbers import number_in_text, numbers_in
from kpi.report.text import ReportTextError, decode_report
from tests.conftest import MINIMAL, copy_data_dir
from tests.content.test_report_data import spans
from tests.helpers.fixture_report import ADDITIONS, FIXTURE, REPORT_ID, review

REPORT_2023 = "report_2023"
FIXTURE_FILE = ADDITIONS["file"]  # source/report_2024_fictional.txt


# ── Reading numbers: one table per pure function ───────────────────────────────────────────────────

SAMPLE = """示例报告
第一部分 2024年工作回顾
一、经济发展
(一)招商引资。截至2024年11月,引进企业139家。核查企业4000余家,走访4万余件。日均堂食近450客。改造停放点约700平方米。加梯签约40台。超100人参加。成功举办两期暑托班。开展第五次普查。深化“1+3+X”模式。实施计划(2024-2026)。落实24小时应急值守制度。2023年完成平安屋建设13座。满意率100%。
第二部分 2025年主要任务
一、平安建设
(一)平安屋。新建49座社区平安屋,完善四项职能,投入不超过300万元。
《示例报告》名词解释
1. 术语:遴选2000名以上人才。
"""


@pytest.mark.parametrize(("written", "kind", "reason", "value", "unit", "qualifier", "period", "section"), [
    ("139家", "result", "", 139, "家", "exact", "2024-01..2024-11", "第一部分 一(一)"),
    ("4000余家", "result", "", 4000, "家", "more_than", "2024", "第一部分 一(一)"),
    ("4万余件", "result", "", 4, "万件", "more_than", "2024", "第一部分 一(一)"),
    ("近450客", "result", "", 450, "客", "nearly", "2024", "第一部分 一(一)"),
    ("约700平方米", "result", "", 700, "平方米", "about", "2024", "第一部分 一(一)"),
    ("40台", "result", "", 40, "台", "exact", "2024", "第一部分 一(一)"),  # 签约 is "signed", not 约
    ("超100人", "result", "", 100, "人", "over", "2024", "第一部分 一(一)"),
    ("两期", "result", "", 2, "期", "exact", "2024", "第一部分 一(一)"),
    ("13座", "result", "", 13, "座", "exact", "2023", "第一部分 一(一)"),  # a restated earlier year
    ("100%", "result", "", 100, "%", "exact", "2024", "第一部分 一(一)"),
    ("五次", "skipped", "ordinal", 5, "次", "exact", "2024", "第一部分 一(一)"),
    ("1+3+X", "skipped", "name", 1, "", "exact", "2024", "第一部分 一(一)"),
    ("(2024-2026)", "skipped", "plan_period", 2024, "", "exact", "2024", "第一部分 一(一)"),
    ("24小时", "skipped", "name", 24, "小时", "exact", "2024", "第一部分 一(一)"),
    ("49座", "target", "", 49, "座", "exact", "2024", "第二部分 一(一)"),
    ("四项", "skipped", "not_a_measurement", 4, "项", "exact", "2024", "第二部分 一(一)"),  # targets are in digits
    ("300万元", "target", "", 300, "万元", "exact", "2024", "第二部分 一(一)"),
    ("2000名以上", "skipped", "glossary", 2000, "名", "exact", "2024", ""),
])
def test_each_number_is_read_and_classified(written, kind, reason, value, unit, qualifier, period, section):
    [figure] = [f for f in find_figures(SAMPLE, 2024) if f.written == written]
    assert (figure.kind, figure.reason, figure.value, figure.unit, figure.qualifier, figure.period, figure.section) == \
        (kind, reason, value, unit, qualifier, period, section)
    assert figure.quote in SAMPLE


@pytest.mark.parametrize(("written", "notes", "comparison"), [
    ("近450客", ("日均",), "at_least"), ("49座", (), "at_least"), ("300万元", (), "at_most"),
])
def test_notes_and_comparisons(written, notes, comparison):
    [figure] = [f for f in find_figures(SAMPLE, 2024) if f.written == written]
    assert (figure.notes, comparison_of(figure)) == (notes, comparison)


def test_report_years_come_from_the_part_headings():
    assert report_years(SAMPLE) == (2024, 2025)


# A report whose part two has sections but no chapters, and whose wording differs from the kept names.
SECTIONS_ONLY = """示例报告二
第一部分 2024年工作回顾
一、人居环境
(一)城市更新。完成雨污混接改造小区12个。服务进企业,新设便民门店5家。
第二部分 2025年主要任务
(一)民生保障。新增就业岗位300个。
(二)完成加梯签约40台。
"""


@pytest.mark.parametrize(("written", "section", "near", "units"), [
    ("12个", "第一部分 一(一)", "完成雨污混接改造小区", ("个小区", "个")),  # 小区 before the number counts estates too
    ("300个", "第二部分 (一)", "新增就业岗位", ("个",)),  # a section without a chapter: not the part's heading
    ("40台", "第二部分 (二)", "完成加梯签约", ("台",)),  # the list number (二) is not part of the name
])
def test_sections_list_numbers_and_word_order(written, section, near, units):
    [figure] = [f for f in find_figures(SECTIONS_ONLY, 2024) if f.written == written]
    assert (figure.section, figure.near, figure.units) == (section, near, units)


def test_a_figure_whose_words_come_in_another_order_matches_its_indicator(dataset):
    draft = draft_report(dataset.content, ReportFacts("report_x", SECTIONS_ONLY, 2024, 2025))
    assert [(m.item_id, m.figure.written) for m in draft.values if m.figure.written == "12个"] == [
        ("housing.rain_sewage_estates", "12个")]
    assert {n.item_id.split(".")[1] for n in draft.new_targets} == {"TODO_2025_1", "TODO_2025_2"}


def test_a_closest_kept_indicator_is_named_only_when_its_words_stand_by_the_number():
    content = load_dataset(MINIMAL).content
    [figure] = [f for f in find_figures(SECTIONS_ONLY, 2024) if f.written == "5家"]
    # 进企业 stands in the sentence, far from 新设便民门店: once enough to name 引进企业 as "closest", now not
    assert name_score("引进企业", figure) >= CLOSEST_HINT and closest_indicator(content, figure) == (0.0, "")
    [near] = [f for f in find_figures("第一部分 2024年工作回顾\n(一)招商。新引进企业5家。", 2024) if f.written == "5家"]
    assert closest_indicator(content, near)[1] == "economy.enterprises_attracted"


def milestone(quote: str) -> Milestone:
    return Milestone(id="housing.x", theme="housing", name=Text(zh="某事项", en="An item"),
                     source=Source(report="report_2023", section="第二部分 一(一)", quote=quote))


@pytest.mark.parametrize(("promise", "clause", "status"), [
    ("启动凌兆片区社区生活服务综合体建设", "凌兆片区社区生活服务综合体建设已经启动", "done"),  # the clause says so
    ("深化街角口袋公园建设", "街角口袋公园建设稳步推进", "done"),  # a promise to carry on, and the work goes on
    ("持续开展“四百”大走访", "“四百”大走访持续开展", "done"),
    ("建成凌兆片区社区生活服务综合体", "凌兆片区社区生活服务综合体建设稳步推进", "not_done"),  # under way is not built
    ("举办东明嘉年华", "东明嘉年华筹备工作稳步推进", "not_done"),
    ("深化街角口袋公园建设", "街角口袋公园", "not_done"),  # named, and nothing said of the work
])
def test_a_named_milestone_gets_the_outcome_its_clause_supports(promise, clause, status):
    assert milestone_match(milestone(promise), clause, "第一部分 二(一)", 1.0).status == status


@pytest.mark.parametrize(("line", "entry"), [
    ("1. 平安屋:社区治安值守点。", ("平安屋", "社区治安值守点。")),
    ("2．两免提交：两个免于提交,指凡是本市政府部门核发的材料。", ("两免提交", "两个免于提交,指凡是本市政府部门核发的材料。")),
    ("12. 一网通办: 政务服务:线上办理。", ("一网通办", "政务服务:线上办理。")),
])
def test_glossary_lines_are_read_as_term_and_definition(line, entry):
    assert glossary_entries(f"示例报告\n第一部分 2024年工作回顾\n正文。\n《示例》名词解释\n{line}\n")[0] == [entry]


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


@pytest.mark.parametrize("text", ["引进企业139家,吸引内资3.45亿元", "说明: 值", "it's", "# 不是注释", "“两免提交”利用率"])
def test_yaml_text_round_trips(text):
    assert yaml.safe_load(f"quote: {yaml_text(text)}") == {"quote": text}


# ── The 2023 report: exclusions and the measures ───────────────────────────────────────────────────

@pytest.fixture(scope="module")
def text_2023(dataset) -> str:
    return dataset.report_texts[REPORT_2023]


def test_numbers_the_completeness_test_excludes_are_skipped_with_the_same_reason(dataset, text_2023):
    figures = find_figures(text_2023, 2023, {v.source.section for i in dataset.content.indicators for v in i.values})
    reasons: dict[int, set[str]] = {}  # a number inside several excluded contexts may have any of their reasons
    for exclusion in (e for e in dataset.exclusions.numbers if e.report == REPORT_2023):
        for start, end in spans(text_2023, exclusion.text):
            for number_start, _, _ in numbers_in(text_2023[start:end]):
                reasons.setdefault(start + number_start, set()).add(exclusion.reason)
    covering = {at: next(f for f in figures if f.start <= at < f.end) for at in reasons}
    assert [(f.written, f.reason, reasons[at]) for at, f in covering.items() if f.reason not in reasons[at]] == []
    assert {f.reason for f in figures if f.reason} <= set(REASONS)


def stripped(content):
    """The data with every indicator's values removed (names, units, themes and targets kept)."""
    return content.model_copy(update={"indicators": [i.model_copy(update={"values": []}) for i in content.indicators]})


@pytest.fixture(scope="module")
def draft_2023(dataset, text_2023) -> tuple[Draft, float]:
    started = time.perf_counter()
    draft = draft_report(stripped(dataset.content), ReportFacts(REPORT_2023, text_2023, 2023, 2024))
    return draft, time.perf_counter() - started


def proposed_results(draft: Draft, content) -> list[tuple[str, object, str]]:
    """(indicator id, figure, unit written) of every proposed result: values of kept indicators and new ones."""
    units = {i.id: i.unit.zh for i in content.indicators}
    return [(m.item_id, m.figure, units[m.item_id]) for m in draft.values] + \
        [(n.item_id, n.figure, n.figure.unit) for n in draft.new_indicators]


def proposes(curated, quote_spans, proposal) -> bool:
    """Whether a proposal states the curated figure: same number in the same sentence, unit, qualifier, period."""
    (indicator, value), (_, figure, unit) = curated, proposal
    return (figure.value == value.value and unit == indicator.unit.zh and figure.qualifier == value.qualifier
            and figure.period == value.period and number_in_text(value.value, figure.quote)
            and any(a <= figure.start < b for a, b in quote_spans))


def test_the_2023_report_drafted_from_names_alone(dataset, text_2023, draft_2023, capsys):
    draft, seconds = draft_2023
    # The draft reads numbers; a rank or a zero the report states in words (全区第一, 零有效差评) is for staff to add.
    curated = [(i, v) for i in dataset.content.indicators for v in i.values if v.source.report == REPORT_2023 and not v.words]
    proposals = proposed_results(draft, dataset.content)
    found, right, used = 0, 0, set()
    for indicator, value in curated:
        hits = [p for p in proposals if proposes((indicator, value), spans(text_2023, value.source.quote), p)]
        found += bool(hits)
        right += any(item_id == indicator.id for item_id, _, _ in hits)
        used |= {p[1].start for p in hits}
    false_positives = [p for p in proposals if p[1].start not in used]
    recall, right_id, false_share = found / len(curated), right / len(curated), len(false_positives) / len(proposals)
    with capsys.disabled():
        print(f"\n2023 report, values removed: {len(curated)} curated figures, {len(proposals)} results proposed; "
              f"recall {recall:.1%}, right id {right_id:.1%}, false positives {false_share:.1%} "
              f"{[(p[0], p[1].written) for p in false_positives]}; low confidence {len(draft.low_confidence())}; "
              f"draft took {seconds * 1000:.0f} ms\n{summary(draft, 'en')}")
    assert recall >= 0.95
    assert right_id >= 0.85


def test_every_quote_of_the_2023_draft_stands_in_the_report_and_holds_its_number(draft_2023, text_2023):
    draft, _ = draft_2023
    figures = [m.figure for m in draft.values] + [n.figure for n in draft.new_indicators]
    assert [f.written for f in figures if f.quote not in text_2023 or not number_in_text(f.value, f.quote)] == []


def test_the_draft_of_already_curated_data_proposes_nothing_twice(dataset, text_2023):
    draft = draft_report(dataset.content, ReportFacts(REPORT_2023, text_2023, 2023, 2024),
                         kept_terms=[term.term.zh for term in dataset.glossary.terms])
    assert (draft.values, draft.new_indicators, draft.new_targets, draft.continued_targets) == ([], [], [], [])
    assert (draft.new_terms, draft.new_milestones, draft.outcomes, draft.closing.silent) == ([], [], [], [])
    curated = sum(len([v for v in i.values if v.source.report == REPORT_2023 and not v.words]) for i in dataset.content.indicators)
    assert len(draft.already) == curated + len([t for t in dataset.content.targets if t.source.report == REPORT_2023])


# ── The fictional next report ──────────────────────────────────────────────────────────────────────

@pytest.fixture
def fixture_dir(tmp_path: Path) -> Path:
    """A copy of the shipped data, before any README step for the fictional report."""
    return copy_data_dir(REPO_ROOT, tmp_path)


@pytest.fixture
def fixture_draft(fixture_dir) -> tuple[Draft, object]:
    dataset = load_dataset(fixture_dir)
    text = decode_report((FIXTURE / "report.txt").read_bytes())
    facts = ReportFacts(REPORT_ID, text, *report_years(text))
    return draft_report(dataset.content, facts, kept_terms=[t.term.zh for t in dataset.glossary.terms]), dataset.content


def staff_pasted(key: str) -> list[tuple[str, dict]]:
    """(item id, entry) of each block additions.yaml pastes for `key` (values and outcomes are per item)."""
    blocks = ADDITIONS[key]
    if isinstance(blocks, dict):
        return [(item_id, entry) for item_id, block in blocks.items() for entry in _entries(yaml.safe_load(block))]
    return [(entry["id"], entry) for entry in yaml.safe_load(blocks)]


def _entries(loaded) -> list[dict]:
    return loaded if isinstance(loaded, list) else [loaded["outcome"]]


def test_every_changed_and_restated_figure_is_matched_to_its_indicator(fixture_draft):
    draft, _ = fixture_draft
    proposed = {(m.item_id, m.figure.period, m.figure.value, m.figure.qualifier) for m in draft.values}
    expected = {(item_id, str(entry["period"]), entry["value"], entry.get("qualifier", "exact"))
                for item_id, entry in staff_pasted("values")}
    assert expected - proposed == set()


def test_every_new_figure_is_proposed_as_a_new_indicator(fixture_draft):
    draft, _ = fixture_draft
    proposed = {(n.figure.period, n.figure.value, n.figure.unit, n.theme) for n in draft.new_indicators}
    for _, indicator in staff_pasted("indicators"):
        for value in indicator["values"]:
            assert (str(value["period"]), value["value"], indicator["unit"]["zh"], indicator["theme"]) in proposed


def test_beyond_the_curated_additions_the_draft_proposes_only_target_closers_and_open_mentions(fixture_draft, capsys):
    draft, _ = fixture_draft
    pasted = {(str(e["period"]), e["value"]) for _, e in staff_pasted("values")}
    pasted |= {(str(v["period"]), v["value"]) for _, e in staff_pasted("indicators") for v in e["values"]}
    closed = {item_id for item_id, _ in staff_pasted("outcomes")}
    new = [n for n in draft.new_indicators if (n.figure.period, n.figure.value) not in pasted]
    outcomes = [m for m in draft.outcomes if m.item_id not in closed]
    mentions = [m for m in draft.milestone_outcomes if m.milestone_id not in closed]
    with capsys.disabled():
        print(f"\nfictional report: {summary(draft, 'en')}\nbeyond additions.yaml: new indicators "
              f"{[(n.item_id, n.figure.written) for n in new]}, outcomes {[(m.item_id, m.figure.written) for m in outcomes]}, "
              f"milestone mentions {[(m.milestone_id, m.quote) for m in mentions]}")
    assert {n.figure.start for n in new} <= {m.figure.start for m in draft.outcomes}  # figures that close a target
    assert not any(m.done for m in mentions)  # named but not said to be done: a decision for staff, with a default


def test_every_outcome_is_proposed_under_its_target_or_milestone(fixture_draft):
    draft, _ = fixture_draft
    targets = {(m.item_id, m.figure.value) for m in draft.outcomes}
    milestones = {(m.milestone_id, m.status) for m in draft.milestone_outcomes}
    for item_id, outcome in staff_pasted("outcomes"):
        assert ((item_id, outcome["value"]) in targets) if "value" in outcome else ((item_id, outcome["status"]) in milestones)


def test_every_new_target_continues_last_years_target(fixture_draft):
    draft, content = fixture_draft
    previous = {t.id: t for t in content.targets}
    proposed = {draft.target_ids[m.figure.start]: (m.figure.value, previous[m.item_id].unit.zh, previous[m.item_id].baseline)
                for m in draft.continued_targets}
    for target_id, target in staff_pasted("targets"):
        assert proposed[target_id] == (target["value"], target["unit"]["zh"], target["baseline"])


def test_every_open_item_of_the_closing_year_gets_exactly_one_proposal(fixture_draft):
    draft, content = fixture_draft
    closing = draft.closing
    proposed = [m.item_id for m in draft.outcomes] + [m.milestone_id for m in closing.milestones] + \
        [m.item_id for m in closing.targets_named] + [s.item_id for s in closing.silent]
    open_items = [x.id for x in (*content.targets, *content.milestones) if content.plan_year(x) == 2024 and x.outcome is None]
    assert sorted(proposed) == sorted(open_items)
    assert closing.year == 2024 and len(closing.silent) == len(open_items) - 6  # the report names six of them


def test_the_work_promised_again_and_the_new_term_are_proposed(fixture_draft):
    draft, _ = fixture_draft
    [continued] = draft.new_milestones
    assert (continued.item_id, continued.mention.item_id, continued.mention.quote, continued.mention.section) == (
        "housing.lingzhao_service_complex_2025", "housing.lingzhao_service_complex", "建成凌兆片区社区生活服务综合体", "第二部分 二(一)")
    [term] = draft.new_terms
    [(_, expected)] = staff_pasted("terms")
    assert (term.term, term.definition, list(term.forms)) == (expected["term"]["zh"], expected["definition"]["zh"], expected["forms"])


def rendered(draft: Draft, content) -> str:
    return render_draft(draft, content, FIXTURE_FILE, "test", summary(draft))


def test_the_draft_is_yaml_in_the_sections_apply_reads(fixture_draft):
    draft, content = fixture_draft
    loaded = yaml.safe_load(rendered(draft, content))
    assert list(loaded) == ["reports", "values", "indicators", "outcomes", "targets", "milestones", "terms"]
    assert [group["indicator"] for group in loaded["values"]] == list(dict.fromkeys(m.item_id for m in draft.values))
    outcomes = {entry["id"]: entry["outcome"] for entry in loaded["outcomes"]}
    assert outcomes["housing.pocket_parks"]["status"] == "done"  # a promise to carry on, and the work goes on
    assert outcomes["housing.model_sorting_estates_2024"] == {"not_mentioned_in": REPORT_ID}
    closing = [x for x in (*content.targets, *content.milestones) if content.plan_year(x) == 2024]
    assert len(outcomes) == len(loaded["outcomes"]) == len(closing)  # one outcome for every item of the closed year


def test_every_mark_of_the_draft_is_one_of_the_three(fixture_draft):
    draft, content = fixture_draft
    text = rendered(draft, content)
    marks = {(finding.code, finding.loc[0]) for finding in review_marks(yaml.safe_load(text))}
    assert marks == {("review_null", "reports"), ("review_translate", "reports"), ("review_todo_id", "indicators"),
                     ("review_translate", "indicators"), ("review_null", "indicators"), ("review_todo_id", "terms"),
                     ("review_translate", "terms")}
    header = text.split("\n\n", 1)[0]
    assert all(mark in header for mark in ("null", "待译 to translate:", "TODO"))


def apply_reviewed(directory: Path, draft: Draft, content, keep: tuple[str, ...] = ()) -> Path:
    """The README steps after drafting: the report's text in source/, the reviewed draft applied (only the sections
    in `keep`, when given)."""
    shutil.copy(FIXTURE / "report.txt", directory / FIXTURE_FILE)
    text = review(rendered(draft, content))
    if keep:
        text = "\n".join(section for section in re.split(r"\n(?=[a-z]+:)", text) if section.split(":")[0] in keep)
    path = directory / "draft.yaml"
    path.write_text(text, encoding="utf-8")
    apply_draft(path, "draft.yaml", directory)
    return directory


def test_the_reviewed_draft_applies_and_validates(fixture_dir, fixture_draft):
    draft, content = fixture_draft
    applied = load_dataset(apply_reviewed(fixture_dir, draft, content))
    assert applied.indicators["economy.enterprises_attracted"].values[-1].value == 152
    assert {t.id for t in applied.content.targets} >= {t for t, _ in staff_pasted("targets")}
    assert [t.id for t in applied.glossary.terms][-1] == "peace_house"


def redraft(directory: Path) -> Draft:
    dataset = load_dataset(directory)
    text = decode_report((directory / FIXTURE_FILE).read_bytes())
    return draft_report(dataset.content, ReportFacts(REPORT_ID, text, *report_years(text)),
                        kept_terms=[t.term.zh for t in dataset.glossary.terms])


def test_drafting_again_after_applying_proposes_nothing_twice(fixture_dir, fixture_draft):
    draft, content = fixture_draft
    again = redraft(apply_reviewed(fixture_dir, draft, content))
    assert (again.values, again.new_indicators, again.outcomes, again.continued_targets, again.new_targets) == ([], [], [], [], [])
    assert (again.milestone_outcomes, again.closing.targets_named, again.closing.silent) == ([], [], [])
    assert (again.new_milestones, again.new_terms) == ([], [])


def test_a_figure_applied_as_a_value_is_still_proposed_as_an_outcome(fixture_dir, fixture_draft):
    draft, content = fixture_draft
    again = redraft(apply_reviewed(fixture_dir, draft, content, keep=("reports", "values")))
    assert again.values == [] and [(m.item_id, m.figure.value) for m in again.outcomes] == \
        [(m.item_id, m.figure.value) for m in draft.outcomes]


# ── The command ────────────────────────────────────────────────────────────────────────────────────

def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kpi", "draft", *args], cwd=REPO_ROOT, capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=60)


def test_draft_writes_the_file_and_prints_the_summary(fixture_dir, tmp_path):
    out = tmp_path / "draft.yaml"
    shutil.copy(FIXTURE / "report.txt", fixture_dir / FIXTURE_FILE)  # the text already in source/: no copy hint
    result = run(str(fixture_dir / FIXTURE_FILE), "--report", REPORT_ID, "--out", str(out), "--data", str(fixture_dir))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"草稿已写入 {out}。找到 ") and "匹配已有指标 8" in result.stdout
    assert "请把报告文本复制" not in result.stdout
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["targets"][0]["id"] == "housing.community_gardens_2025"


def test_draft_to_standard_output_in_english_with_a_progress_bar(fixture_dir):
    env = {**os.environ, "KPI_DATA_DIR": str(fixture_dir)}
    result = run(str(FIXTURE / "report.txt"), "--report", REPORT_ID, "--lang", "en", "--progress", env=env)
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load(result.stdout)["reports"][0]["file"] == "source/report.txt"
    assert "draft [" in result.stderr and "Found 20 numbers" in result.stderr
    assert "Copy the report's text to source/report.txt in the data directory" in result.stderr


def test_a_bom_and_crlf_copy_drafts_like_the_original(fixture_dir, tmp_path):
    windows = tmp_path / "report.txt"
    windows.write_bytes(b"\xef\xbb\xbf" + (FIXTURE / "report.txt").read_bytes().replace(b"\n", b"\r\n"))
    drafts = [run(str(path), "--report", REPORT_ID, "--data", str(fixture_dir)) for path in (FIXTURE / "report.txt", windows)]
    assert [d.returncode for d in drafts] == [0, 0]
    assert drafts[0].stdout.replace(str(FIXTURE / "report.txt"), "R") == drafts[1].stdout.replace(str(windows), "R")


@pytest.mark.parametrize(("make", "args", "code", "message"), [
    (None, ["missing.txt", "--report", "report_x"], 1, "missing.txt: 找不到报告文件"),
    ("gbk", ["{report}", "--report", "report_x"], 1, "report.txt:1:1: 文件不是 UTF-8 编码（字节 0xb6）；GBK"),
    (None, ["{report}", "--report", "report_x", "--lang", "en", "--data", "{tmp}/nowhere"], 1, "data directory not found"),
    (None, ["{report}", "--report", "report_x", "--out", "{tmp}/no/draft.yaml", "--data", "{minimal}"], 1, "draft.yaml: 无法写入"),
    (None, ["{report}", "--report", "Report 2024"], 2, "report id is lowercase"),
    (None, ["{report}"], 2, "the following arguments are required: --report"),
])
def test_draft_errors_are_messages_with_exit_codes(tmp_path, make, args, code, message):
    report = tmp_path / "report.txt"
    text = (FIXTURE / "report.txt").read_text(encoding="utf-8")
    report.write_bytes(text.encode("gbk") if make == "gbk" else text.encode())
    result = run(*[a.format(report=report, tmp=tmp_path, minimal=MINIMAL) for a in args])
    assert result.returncode == code
    assert message in result.stderr and "Traceback" not in result.stderr


def test_invalid_data_is_reported_before_drafting(minimal_dir):
    (minimal_dir / "indicators.yaml").write_text("reports: 3\n", encoding="utf-8")
    result = run(str(FIXTURE / "report.txt"), "--report", REPORT_ID, "--data", str(minimal_dir))
    assert result.returncode == 1
    assert result.stdout.startswith("indicators.yaml:1:") and "先修正" in result.stderr


def test_the_draft_modules_never_import_streamlit():
    code = "import sys, kpi.draft.draft, kpi.draft.writer, kpi.draft.command, kpi.draft.report_numbers; print('streamlit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr


def imported_modules(path: Path) -> set[str]:
    """Every module a Python file imports, at its top or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    return names | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}


BRIDGE = REPO_ROOT / "kpi" / "cli.py"  # registers `draft` and `apply`: the one place the core reaches the draft tools
CORE = sorted({*(p for p in (REPO_ROOT / "kpi").rglob("*.py") if "draft" not in p.parts), REPO_ROOT / "app.py",
               *(REPO_ROOT / "pages").glob("*.py"), *(REPO_ROOT / "components").glob("*.py")}
              - {BRIDGE, REPO_ROOT / "kpi" / "__main__.py"})


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_the_core_and_the_app_never_import_the_draft_tools(path):
    assert {name for name in imported_modules(path) if name == "kpi.draft" or name.startswith("kpi.draft.")} == set()


def test_loading_and_judging_the_data_loads_no_draft_module():
    code = ("import sys, kpi.data.files, kpi.data.loading, kpi.progress, kpi.format, kpi.data.snapshot, kpi.data.schema; "
            "kpi.data.loading.load_dataset(kpi.data.files.REPO_ROOT); "
            "print(sorted(m for m in sys.modules if m.startswith('kpi.draft')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr
