"""One English name per thing: every bilingual text renders a recurring term as kpi/vocabulary.yaml says.

Why: the same Chinese term on a tile, a target, a milestone and a glossary entry must read the same in
English (平安屋 was "peace houses" on one tile and "safety posts" on a target). The vocabulary is the one
reviewed place for those renderings; this test holds the data, the glossary and the UI strings to it.
"""

from __future__ import annotations

import re

import pytest

from kpi.texts import TEXTS
from kpi.vocabulary import TERMS, normal

VOCABULARY = TERMS  # the translation pairs; the limiting words are the rule's (tests/kpi/data/test_rules.py)


def renders(term: str, en: str) -> bool:
    """Whether the English holds the term, its plural in -ies ("community" in "communities"), or, for a verb
    in -ied, another form of it ("rectified" in "urged to rectify", "rectification urged")."""
    term, en = normal(term), normal(en)
    if term in en or (term.endswith("y") and term[:-1] + "ies" in en):
        return True
    return term.endswith("ied") and re.search(rf"\b{re.escape(term[:-3])}(y|ies|ying|ication)\b", en) is not None


def violations(zh: str, en: str) -> list[str]:
    """What is wrong with one English rendering of one Chinese text, against the vocabulary."""
    wrong = []
    for pair in VOCABULARY:
        if pair["zh"] not in zh:
            continue
        if not renders(pair["en"], en):
            wrong.append(f"{pair['zh']} → needs “{pair['en']}”")
        wrong += [f"{pair['zh']} → not “{bad}”" for bad in pair.get("not_en", []) if normal(bad) in normal(en)]
    return wrong


def data_texts(dataset) -> list[tuple[str, str, str]]:
    """(where, zh, en) of every bilingual name and unit in indicators.yaml and of every glossary term."""
    content = dataset.content
    texts = [
        (f"reports[{r.id}].{field}", getattr(r, field).zh, getattr(r, field).en)
        for r in content.reports
        for field in ("title", "publisher")
    ]
    texts += [
        (f"reports[{r.id}].headings[{h.section}]", h.title.zh, h.title.en) for r in content.reports for h in r.headings
    ]
    texts += [(f"themes[{t.id}].name", t.name.zh, t.name.en) for t in content.themes]
    for group in ("indicators", "targets"):
        for item in getattr(content, group):
            texts += [
                (f"{group}[{item.id}].name", item.name.zh, item.name.en),
                (f"{group}[{item.id}].unit", item.unit.zh, item.unit.en),
            ]
    texts += [
        (f"targets[{t.id}].baseline_note", t.baseline_note.zh, t.baseline_note.en)
        for t in content.targets
        if t.baseline_note is not None
    ]
    for group in ("milestones", "programmes"):
        texts += [(f"{group}[{item.id}].name", item.name.zh, item.name.en) for item in getattr(content, group)]
    texts += [(f"glossary[{term.id}].term", term.term.zh, term.term.en) for term in dataset.glossary.terms]
    return texts


def test_the_vocabulary_is_well_formed():
    assert isinstance(VOCABULARY, list) and VOCABULARY
    for pair in VOCABULARY:
        assert set(pair) <= {"zh", "en", "not_en"} and pair["zh"] and pair["en"], pair
        assert not any(normal(bad) in normal(pair["en"]) for bad in pair.get("not_en", [])), pair
    zh = [pair["zh"] for pair in VOCABULARY]
    assert len(zh) == len(set(zh)), "a term is listed twice"


def test_every_vocabulary_term_is_used(dataset):
    used = " ".join(zh for _, zh, _ in data_texts(dataset)) + " ".join(zh for zh, _ in TEXTS.values())
    assert [pair["zh"] for pair in VOCABULARY if pair["zh"] not in used] == []


def test_data_and_glossary_use_the_vocabulary(dataset):
    wrong = [
        f"{where}: {zh} / {en}: {problem}" for where, zh, en in data_texts(dataset) for problem in violations(zh, en)
    ]
    assert wrong == []


def test_the_check_catches_a_second_name_for_one_thing():
    assert violations("平安屋建设", "Peace houses built") == [
        "平安屋 → needs “safety post”",
        "平安屋 → not “peace house”",
    ]
    assert violations("既有多层住宅加装电梯", "Lifts added to existing multi-storey housing") == []
    assert violations("街道反诈分中心", "Street anti-fraud centre") == [
        "街道 → needs “subdistrict”",
        "街道 → not “street”",
    ]
    assert violations("区民主法治示范社区", "District democracy and rule-of-law model communities") == []
    assert violations("交通隐患点位整改", "Road traffic hazard sites fixed") == [
        "整改 → needs “rectified”",
        "整改 → not “fixed”",
    ]
    assert violations("督促商家自行整改", "Items businesses were urged to rectify themselves") == []
    assert violations("较大隐患行政处罚", "Administrative penalties for major hazards") == [
        "较大 → needs “significant”",
        "较大 → not “major”",
    ]


# Renderings an audit settled (issue 17): each is recorded here, so every name, unit and term follows it.
AUDITED = [
    ("整改", "rectified", "fixed"),
    ("较大", "significant", "major"),
    ("重大", "major", None),
    ("高危人群", "high-risk", None),
]


@pytest.mark.parametrize(("zh", "en", "wrong"), AUDITED, ids=[zh for zh, *_ in AUDITED])
def test_audited_renderings_are_recorded(zh, en, wrong):
    [pair] = [pair for pair in VOCABULARY if pair["zh"] == zh]
    assert pair["en"] == en and (wrong is None or wrong in pair.get("not_en", []))


# Each UI string (kpi/texts.py) is a case of its own, named by its key and text: a failing case
# names the string to fix there.
UI_CASES = [
    pytest.param(zh, en, id=f"{key}: {en}")
    for key, (zh, en) in TEXTS.items()
    if any(pair["zh"] in zh for pair in VOCABULARY)
]


@pytest.mark.parametrize(("zh", "en"), UI_CASES)
def test_ui_string_uses_the_vocabulary(zh, en):
    assert violations(zh, en) == []
