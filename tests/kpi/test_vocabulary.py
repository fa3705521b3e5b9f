"""kpi/vocabulary.py: the file's two sections read, and how a limiting word is found and rendered."""

from __future__ import annotations

from kpi.vocabulary import KINDS, LIMITING, STAGE_SEED, TERMS, LimitingWord


def test_both_sections_are_read():
    assert TERMS and all(pair["zh"] and pair["en"] for pair in TERMS)
    assert {word.kind for word in LIMITING} == set(KINDS)
    zh = [word.zh for word in LIMITING]
    assert len(zh) == len(set(zh)), "a limiting word is listed twice"
    assert all(word.en and all(word.en) for word in LIMITING)


def test_the_issues_examples_are_listed_in_their_kinds():
    kinds = {word.zh: word.kind for word in LIMITING}
    assert {zh: kinds.get(zh) for zh in ("部分", "有条件的", "大幅", "基本", "初见成效", "困难", "重度")} == {
        "部分": "scope",
        "有条件的": "scope",
        "大幅": "degree",
        "基本": "degree",
        "初见成效": "stage",
        "困难": "who",
        "重度": "who",
    }


def test_a_word_inside_a_longer_word_that_limits_nothing_does_not_count():
    basically = next(word for word in LIMITING if word.zh == "基本")
    assert basically.stands_in("9个小区基本完成")
    assert not basically.stands_in("完成残疾人基本生活状况入户调查")
    assert basically.stands_in("基本生活状况调查基本完成")  # one place outside 基本生活 is enough


def test_a_rendering_counts_at_the_start_of_a_word_with_any_ending():
    start = LimitingWord("启动", "stage", ("start", "kick off"))
    assert start.rendered_in("Construction Started") and start.rendered_in("Kick-off of the museum")
    assert not start.rendered_in("Restart of the museum") and not start.rendered_in("Lingzhao service complex")


def test_the_stage_seed_is_read_in_its_three_groups():
    heads, verbs, modifiers = ([w.zh for w in group] for group in STAGE_SEED.__dict__.values())
    assert {"推进", "推动", "启动", "探索", "力争"} <= set(heads) and {"建设", "构建"} <= set(verbs)
    assert {"持续", "合力", "协调", "加快", "全力", "积极"} <= set(modifiers)
    assert not set(heads) & {w.zh for w in LIMITING}, "a head is read from the report, not listed as a word"
