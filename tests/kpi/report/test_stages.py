"""The report's stage phrases and the clauses that govern a quote (kpi/report/stages.py), on a small made-up report."""

from __future__ import annotations

import pytest

from kpi.report.stages import governing_clauses, governing_spans, stage_phrases, words_standing_in
from kpi.vocabulary import LIMITING

REPORT = """示例报告
第一部分 2023年工作回顾
探索依法治理新模式,以凌八等4个居民区为试点,推动12项问题得到化解。
制定43项任务清单,其中10项已完成。
第二部分 2024年主要任务
(一)城市更新。持续推动01-07地块开发建设,启动凌兆综合体建设。力争优化市政路网,协调推动云台路贯通。
加快建设青少年创新实验室。建设黄淄溇步道。统筹“三个一批”:加快构建一批,推进一批。
"""


def zh_of(words) -> list[str]:
    return [word.zh for word in words]


def test_stage_phrases_are_the_verb_phrases_that_open_a_clause_of_part_two():
    phrases = zh_of(stage_phrases(REPORT))
    assert {"持续推动", "启动", "力争", "协调推动", "加快建设", "加快构建", "推进"} <= set(phrases)
    assert "建设" not in phrases  # a verb says delivery alone: only 加快建设 limits
    assert "合力推动" not in phrases and "探索" not in phrases  # not opening a clause of part two here
    assert phrases == sorted(phrases, key=len, reverse=True)


def test_a_phrase_with_a_modifier_needs_both_renderings_in_english():
    keep_pushing = next(word for word in stage_phrases(REPORT) if word.zh == "持续推动")
    assert keep_pushing.rendered_in("Continued push on plot 01-07")
    assert not keep_pushing.rendered_in("Push on plot 01-07") and not keep_pushing.rendered_in("Plot 01-07 kept")


def test_a_word_inside_a_longer_one_or_a_title_does_not_stand_on_its_own():
    words = stage_phrases(REPORT) + LIMITING
    assert zh_of(words_standing_in("持续推动01-07地块开发建设", words)) == ["持续推动"]
    assert "老旧" not in zh_of(words_standing_in("完善《老旧小区补贴办法》,开展检查8次", words))


@pytest.mark.parametrize(
    ("quote", "own", "commitments", "expected"),
    [
        ("协调推动云台路贯通", "", frozenset(), ["力争优化市政路网"]),  # the opening clause leads the sentence
        ("启动凌兆综合体建设", "", frozenset({REPORT.index("持续推动")}), []),  # a commitment of its own: no lead
        ("启动凌兆综合体建设", "", frozenset(), ["持续推动01-07地块开发建设"]),
        ("力争优化市政路网,协调推动云台路贯通", "", frozenset(), []),  # the quote holds its sentence's opening
        ("推动12项问题得到化解", "", frozenset(), ["探索依法治理新模式", "以凌八等4个居民区为试点"]),
        ("制定43项任务清单,其中10项已完成", "其中10项已完成", frozenset(), ["制定43项任务清单"]),
    ],
)
def test_the_clauses_that_govern_a_quote(quote, own, commitments, expected):
    assert governing_clauses(REPORT, quote, commitments, own) == expected


def test_governing_clauses_are_found_in_their_sentence():
    [(start, end, clause)] = governing_spans(REPORT, "协调推动云台路贯通")
    assert REPORT[start:end] == clause == "力争优化市政路网"
    assert governing_clauses(REPORT, "不在报告中") == []
