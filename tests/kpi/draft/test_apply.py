"""`python -m kpi apply`: a reviewed draft goes in line by line, or nothing changes and every reason is located.

The data is the minimal set (tests/data/minimal) with a second, made-up report; the draft is written by hand
in the shape `python -m kpi draft` writes, review comments included.
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset

I, G = "indicators.yaml", "glossary.yaml"
REPORT = (
    "示例报告二\n第一部分 2024年工作回顾\n一、经济\n(一)招商。2024年,引进企业150家,新建社区平安屋52座。\n"
    "第二部分 2025年主要任务\n一、平安\n(一)平安屋。新建20座社区平安屋。\n《示例报告二》名词解释\n1. 加梯:既有多层住宅加装电梯。\n"
)
DRAFT = """\
# 草稿 DRAFT — written by hand for the tests
reports:
- id: report_2024  # 一条说明 / a note apply leaves out
  title: {zh: 示例报告二, en: Sample report two}
  publisher: {zh: 示例街道, en: Sample subdistrict}
  published: 2025-01-22
  url: https://example.org/report-2
  file: source/report_2024.txt
  reviews: 2024
  plans: 2025

values:
- indicator: economy.enterprises_attracted  # 引进企业（家）
  values:
  # 置信度 confidence 1.00 · 150家
  - period: '2024'
    value: 150
    source:
      report: report_2024
      section: 第一部分 一(一)
      quote: '2024年,引进企业150家,新建社区平安屋52座。'

indicators: []

outcomes:
- id: safety.new_safety_posts_2024  # 目标 新建社区平安屋 49座
  outcome:
    value: 52
    source: {report: report_2024, section: 第一部分 一(一), quote: '新建社区平安屋52座'}
- id: economy.lingzhao_complex  # 事项
  outcome: {not_mentioned_in: report_2024}

targets:
- id: safety.new_safety_posts_2025  # 延续 / continues safety.new_safety_posts_2024
  theme: safety
  name: {zh: 新建社区平安屋, en: New peace houses}
  value: 20
  unit: {zh: 座, en: houses}
  comparison: at_least  # 核对 / check
  source:
    report: report_2024
    section: 第二部分 一(一)
    quote: 新建20座社区平安屋

milestones: []

terms:
- id: lifts
  report: report_2024
  term: {zh: 加梯, en: Lifts added}
  definition: {zh: 既有多层住宅加装电梯。, en: Lifts added to existing multi-storey housing.}
"""


@pytest.fixture
def data(minimal_dir: Path) -> Path:
    (minimal_dir / "source" / "report_2024.txt").write_text(REPORT, encoding="utf-8")
    return minimal_dir


def draft_file(directory: Path, text: str = DRAFT) -> Path:
    path = directory / "draft.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def apply(directory: Path, draft: Path, *options: str) -> subprocess.CompletedProcess:
    """The command run beside the draft, as staff run it from the folder they keep it in."""
    return subprocess.run(
        [sys.executable, "-m", "kpi", "apply", draft.name, "--data", str(directory), *options],
        cwd=draft.parent,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )


def data_bytes(directory: Path) -> dict[str, bytes]:
    return {
        name: (directory / name).read_bytes() for name in sorted(os.listdir(directory)) if (directory / name).is_file()
    }


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), start=1) if fragment in line)


# ── What goes where ────────────────────────────────────────────────────────────────────────────────


def test_each_entry_goes_in_its_place_and_nothing_else_changes(data):
    before = {name: (data / name).read_text(encoding="utf-8") for name in (I, G)}
    result = apply(data, draft_file(data))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        result.stdout
        == "report_2024：1 个数值（1 项指标），2 个结果，1 个目标，1 个名词。已写入 indicators.yaml, glossary.yaml。\n"
    )
    for name in (I, G):
        after = (data / name).read_text(encoding="utf-8")
        changes = [line for line in difflib.ndiff(before[name].split("\n"), after.split("\n")) if line[:1] in "-+?"]
        assert [line for line in changes if not line.startswith("+ ")] == [], name  # lines added, none changed
        assert "置信度" not in after and "一条说明" not in after and "核对" not in after  # the draft's notes stay out
    dataset = load_dataset(data)
    assert dataset.indicators["economy.enterprises_attracted"].values[-1].value == 150
    assert [t.id for t in dataset.content.targets] == ["safety.new_safety_posts_2024", "safety.new_safety_posts_2025"]
    assert dataset.content.targets[0].outcome.value == 52
    assert dataset.content.milestones[0].outcome.not_mentioned_in == "report_2024"
    assert (list(dataset.reports)[-1], dataset.glossary.terms[-1].id) == ("report_2024", "lifts")


def test_the_closing_line_in_english_counts_one_of_a_kind_in_the_singular(data):
    result = apply(data, draft_file(data), "--lang", "en")
    assert result.stdout == (
        "report_2024: 1 value into 1 figure, 2 outcomes, 1 target, 1 glossary term. "
        "Written to indicators.yaml, glossary.yaml.\n"
    )


def test_an_outcome_becomes_the_items_last_key_and_values_the_indicators_last_entries(data):
    assert apply(data, draft_file(data)).returncode == 0
    text = (data / I).read_text(encoding="utf-8")
    assert "    quote: 新建49座社区平安屋\n  progress: []\n  outcome:\n    value: 52\n" in text
    assert "      quote: 截至2023年11月,引进企业139家,吸引内资3.45亿元。\n  - period: '2024'\n    value: 150\n" in text
    assert text.endswith("  outcome: {not_mentioned_in: report_2024}\n")


def test_a_list_the_file_does_not_have_yet_is_started_at_its_end(data):
    path = data / I
    path.write_text(path.read_text(encoding="utf-8").split("milestones:\n")[0], encoding="utf-8")
    milestone = (
        "milestones:\n- id: safety.safety_post_network\n  theme: safety\n  name: {zh: 平安屋, en: Safety posts}\n"
        "  source: {report: report_2024, section: 第二部分 一(一), quote: 新建20座社区平安屋}\n"
    )
    draft = DRAFT.replace(
        "- id: economy.lingzhao_complex  # 事项\n  outcome: {not_mentioned_in: report_2024}\n", ""
    ).replace("milestones: []\n", milestone)
    result = apply(data, draft_file(data, draft))
    assert result.returncode == 0, result.stdout + result.stderr
    assert path.read_text(encoding="utf-8").endswith("\n" + milestone)
    assert [m.id for m in load_dataset(data).content.milestones] == ["safety.safety_post_network"]


def test_a_notepad_file_keeps_its_byte_order_mark_and_windows_line_ends(data):
    for name in (I, G):
        path = data / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert apply(data, draft_file(data)).returncode == 0
    for name in (I, G):
        raw = (data / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\n") == raw.count(b"\r\n")
    assert load_dataset(data).content.targets[-1].id == "safety.new_safety_posts_2025"


def test_the_files_keep_their_permissions_and_no_temporary_file_is_left(data):
    (data / I).chmod(0o640)
    assert apply(data, draft_file(data)).returncode == 0
    assert (data / I).stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in data.iterdir()) == [
        ".history.git",
        "draft.yaml",
        G,
        I,
        "source",
    ]  # the lock apply holds


# ── Refusals: nothing changes, every reason located ────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "published: 2025-01-22",
            "published: null",
            "reports[report_2024].published: 待填写：'published' 还是 null（草稿留给你填写的值），请填上实际的值",
        ),
        (
            "en: Sample report two",
            "en: '待译 to translate: 示例报告二'",
            "reports[report_2024].title.en: 待翻译：'en' 还以 '待译 to translate:' 开头；请写出英文，并删去这个前缀",
        ),
        (
            "id: safety.new_safety_posts_2025",
            "id: safety.TODO_2025_1",
            "targets[safety.TODO_2025_1].id: 待命名：编号 safety.TODO_2025_1 中的 TODO 要换成有意义的英文词（小写字母、数字、下划线）",
        ),
    ],
    ids=["null", "to translate", "TODO"],
)
def test_a_draft_with_a_review_mark_is_refused_and_nothing_changes(data, old, new, message):
    before = data_bytes(data)
    draft = DRAFT.replace(old, new)
    result = apply(data, draft_file(data, draft))
    assert result.returncode == 1
    column = draft.split("\n")[line_of(draft, new) - 1].index(new.split(":")[0]) + 1
    assert result.stdout == f"draft.yaml:{line_of(draft, new)}:{column}: {message}\n"
    assert "草稿中还有 1 处核对标记" in result.stderr and "未作任何改动" in result.stderr
    assert {k: v for k, v in data_bytes(data).items() if k != "draft.yaml"} == {
        k: v for k, v in before.items() if k != "draft.yaml"
    }


UNDECIDED = (
    "  outcome: {not_mentioned_in: report_2024}",
    "  outcome:\n    status: '待定 to decide: done / not_done'\n"
    "    source: {report: report_2024, section: 第一部分 一(一), quote: '新建社区平安屋52座'}",
)
DECIDE_MESSAGE = (
    "outcomes[economy.lingzhao_complex].outcome.status: 待决定：'status' 还以 '待定 to decide:' 开头"
    "（报告提到此项，但没有写明是否完成）；请读草稿引用的原文，写 done 或 not_done"
)


def test_an_outcome_left_to_decide_is_refused_until_a_person_decides(data):
    before = data_bytes(data)
    draft = DRAFT.replace(*UNDECIDED)
    result = apply(data, draft_file(data, draft))
    line = line_of(draft, "待定 to decide:")
    assert (result.returncode, result.stdout) == (1, f"draft.yaml:{line}:5: {DECIDE_MESSAGE}\n")
    assert "草稿中还有 1 处核对标记" in result.stderr and "待定 to decide:" in result.stderr
    assert {k: v for k, v in data_bytes(data).items() if k != "draft.yaml"} == {
        k: v for k, v in before.items() if k != "draft.yaml"
    }
    decided = apply(data, draft_file(data, draft.replace("'待定 to decide: done / not_done'", "done")))
    assert decided.returncode == 0, decided.stdout + decided.stderr
    assert load_dataset(data).content.milestones[0].outcome.status == "done"


def test_validate_refuses_an_outcome_left_to_decide_where_it_stands(data):
    text = (data / I).read_text(encoding="utf-8")
    block = "    quote: 启动凌兆片区社区生活服务综合体建设\n"
    assert text.count(block) == 1
    (data / I).write_text(
        text.replace(
            block,
            block + "  outcome:\n    status: '待定 to decide: done / not_done'\n    note: {zh: 待核对, en: to check}\n",
        ),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "kpi", "validate", str(data)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    line = line_of((data / I).read_text(encoding="utf-8"), "待定 to decide:")
    assert (result.returncode, result.stdout.splitlines()) == (
        1,
        [
            f"indicators.yaml:{line}:5: milestones[economy.lingzhao_complex].outcome.status: 待决定：'status' 还以 "
            "'待定 to decide:' 开头（报告提到此项，但没有写明是否完成）；请读草稿引用的原文，写 done 或 not_done"
        ],
    )


def test_applying_the_same_draft_twice_changes_nothing_the_second_time(data):
    draft = draft_file(data)
    assert apply(data, draft).returncode == 0
    once = data_bytes(data)
    again = apply(data, draft, "--lang", "en")
    assert again.returncode == 1
    assert "Everything in this draft is already in the data (applied before?); nothing was changed." in again.stderr
    text, glossary = (data / I).read_text(encoding="utf-8"), (data / G).read_text(encoding="utf-8")
    target_outcome, milestone_outcome = [
        n for n, line in enumerate(text.split("\n"), start=1) if line.startswith("  outcome:")
    ]
    value = line_of(text, "- period: '2024'")
    assert again.stdout.splitlines() == [
        f"draft.yaml:3:3: reports[report_2024].id: report 'report_2024' is already listed in indicators.yaml "
        f"(line {line_of(text, '- id: report_2024')})",
        f"draft.yaml:16:5: values[0].values[0]: indicator 'economy.enterprises_attracted' already has a value for 2024 "
        f"from report 'report_2024' (indicators.yaml line {value})",
        f"draft.yaml:27:3: outcomes[safety.new_safety_posts_2024].outcome: 'safety.new_safety_posts_2024' already has "
        f"an outcome (indicators.yaml line {target_outcome})",
        f"draft.yaml:31:3: outcomes[economy.lingzhao_complex].outcome: 'economy.lingzhao_complex' already has an outcome "
        f"(indicators.yaml line {milestone_outcome})",
        "draft.yaml:34:3: targets[safety.new_safety_posts_2025].id: id 'safety.new_safety_posts_2025' is already taken "
        f"(indicators.yaml line {line_of(text, '- id: safety.new_safety_posts_2025')})",
        f"draft.yaml:48:3: terms[lifts].id: id 'lifts' is already taken (glossary.yaml line {line_of(glossary, '- id: lifts')})",
    ]
    assert data_bytes(data) == once


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "- indicator: economy.enterprises_attracted",
            "- indicator: economy.nope",
            "values[0].indicator: 指标 'economy.nope' 不在 indicators.yaml 中；新指标请写在草稿的 indicators: 部分",
        ),
        (
            "  - period: '2024'\n    value: 150\n    source:\n      report: report_2024",
            "  - period: 2023-01..2023-11\n    value: 150\n    source:\n      report: report_2023",
            "values[0].values[0]: 指标 'economy.enterprises_attracted' 已有报告 'report_2023' 给出的 2023-01..2023-11 期间的数值"
            "（indicators.yaml 第 26 行）",
        ),
        (
            "- id: economy.lingzhao_complex  # 事项",
            "- id: economy.nope",
            "outcomes[economy.nope].id: 'economy.nope' 不是 indicators.yaml 中的目标或事项",
        ),
        (
            "- id: safety.new_safety_posts_2025",
            "- id: economy.tasks_done",
            "targets[economy.tasks_done].id: 编号 'economy.tasks_done' 已被使用（indicators.yaml 第 {line} 行）",
        ),
        (
            "- id: lifts\n  report: report_2024\n  term: {zh: 加梯,",
            "- id: peace_house_2\n  report: report_2024\n  term: {zh: 平安屋,",
            "terms[peace_house_2].term.zh: 名词 '平安屋' 已在 glossary.yaml 中（第 {line} 行）",
        ),
    ],
    ids=["unknown indicator", "value there", "unknown item", "id taken", "term there"],
)
def test_an_entry_with_no_place_or_already_there_is_refused_where_it_stands(data, old, new, message):
    before = data_bytes(data)
    draft = DRAFT.replace(old, new)
    assert draft != DRAFT
    result = apply(data, draft_file(data, draft))
    assert result.returncode == 1
    [line] = result.stdout.splitlines()
    kept = {
        "economy.tasks_done": line_of((data / I).read_text(encoding="utf-8"), "- id: economy.tasks_done"),
        "平安屋": line_of((data / G).read_text(encoding="utf-8"), "- id: peace_house"),
    }
    at = next((n for key, n in kept.items() if key in message), 0)
    where = "term: {zh: 平安屋" if "平安屋" in message else new.split("\n")[0]  # the line of the field refused
    assert line.startswith(f"draft.yaml:{line_of(draft, where)}:") and line.split(": ", 1)[1] == message.format(line=at)
    assert "草稿有 1 处问题，未作任何改动。" in result.stderr
    assert {k: v for k, v in data_bytes(data).items() if k != "draft.yaml"} == {
        k: v for k, v in before.items() if k != "draft.yaml"
    }


def test_a_result_that_would_not_validate_changes_nothing_and_points_at_the_draft(data):
    before = data_bytes(data)
    draft = DRAFT.replace("quote: 新建20座社区平安屋", "quote: 新建20座平安屋").replace("theme: safety", "theme: safty")
    result = apply(data, draft_file(data, draft), "--lang", "en")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"draft.yaml:{line_of(draft, 'theme: safty')}:3: targets[safety.new_safety_posts_2025].theme: theme 'safty' does "
        "not exist; themes: economy, safety",
        f"draft.yaml:{line_of(draft, 'quote: 新建20座平安屋')}:5: targets[safety.new_safety_posts_2025].source.quote: quote not "
        "found in the text of report 'report_2024' (must match exactly, punctuation included): '新建20座平安屋'",
    ]
    assert "The data would not be valid with this draft (2 error(s)" in result.stderr
    assert {k: v for k, v in data_bytes(data).items() if k != "draft.yaml"} == {
        k: v for k, v in before.items() if k != "draft.yaml"
    }


def test_the_report_text_must_be_in_source_first(data):
    (data / "source" / "report_2024.txt").unlink()
    result = apply(data, draft_file(data))
    assert result.returncode == 1
    assert result.stdout.startswith(
        f"draft.yaml:{line_of(DRAFT, 'file: source/report_2024.txt')}:3: reports[report_2024].file: "
        "找不到报告原文文件 source/report_2024.txt"
    )


def test_data_that_is_already_wrong_is_said_first(data):
    path = data / I
    path.write_text(path.read_text(encoding="utf-8").replace("value: 139", "value: 一百"), encoding="utf-8")
    result = apply(data, draft_file(data))
    assert result.returncode == 1
    assert (
        result.stdout
        == "indicators.yaml:27:5: indicators[economy.enterprises_attracted].values[0].value: 'value' 应为数字，实际为 '一百'\n"
    )
    assert "数据本身有 1 个错误" in result.stderr


def test_a_list_written_on_one_line_cannot_take_an_entry(data):
    path = data / I
    text = path.read_text(encoding="utf-8")
    start = text.index("  values:\n  - period: 2023-01..2023-11\n    value: 139")
    end = text.index("- id: economy.domestic_investment")
    path.write_text(
        text[:start] + "  values: [{period: 2023-01..2023-11, value: 139, source: {report: report_2023, "
        "section: 第一部分 一(二), quote: '截至2023年11月,引进企业139家,吸引内资3.45亿元。'}}]\n" + text[end:],
        encoding="utf-8",
    )
    result = apply(data, draft_file(data))
    assert result.returncode == 1
    assert result.stdout.startswith(
        "indicators.yaml:25:11: indicators[economy.enterprises_attracted].values: 'values' 写在一行里"
    )


def test_a_draft_with_only_the_report_says_so_and_one_with_nothing_is_refused(data):
    only_report = DRAFT.split("\nvalues:")[0] + "\n"
    result = apply(data, draft_file(data, only_report))
    assert (result.returncode, result.stdout) == (0, "report_2024：仅报告条目。已写入 indicators.yaml。\n")
    nothing = apply(data, draft_file(data, "reports: []\nvalues: []\n"))
    assert nothing.returncode == 1 and "草稿中没有可写入的条目；未作任何改动。" in nothing.stderr


def test_a_draft_without_its_report_entry_is_named_by_its_new_figures_sources(data):
    # The report went in with an earlier draft; this one brings only a new figure (whose sources are its values').
    assert apply(data, draft_file(data, DRAFT.split("\nvalues:")[0] + "\n")).returncode == 0
    figure = (
        "reports: []\nindicators:\n- id: safety.safety_posts_new\n  theme: safety\n"
        "  name: {zh: 新建平安屋, en: New peace houses}\n  unit: {zh: 座, en: houses}\n  values:\n"
        "  - period: '2024'\n    value: 52\n"
        "    source: {report: report_2024, section: 第一部分 一(一), quote: 新建社区平安屋52座}\n"
    )
    result = apply(data, draft_file(data, figure), "--lang", "en")
    assert result.stdout.startswith("report_2024: 1 new figure."), result.stdout + result.stderr


def test_a_missing_draft_is_a_located_message(data):
    result = apply(data, data / "nowhere.yaml")
    assert (result.returncode, result.stdout) == (1, "nowhere.yaml:1:1: 找不到文件\n")


# ── Reading the files as text ──────────────────────────────────────────────────────────────────────


def test_a_save_that_lands_while_apply_works_is_never_written_over(data, monkeypatch):
    from kpi.draft import apply as applying
    from kpi.draft.apply import ApplyError, apply_draft

    before = {name: (data / name).read_bytes() for name in (I, G)}
    monkeypatch.setattr(applying.Planned, "unchanged", lambda self, directory: False)  # someone saved meanwhile
    with pytest.raises(ApplyError) as refused:
        apply_draft(draft_file(data), "draft.yaml", data)
    assert refused.value.key == "apply_changed_meanwhile"
    assert {name: (data / name).read_bytes() for name in (I, G)} == before
