"""The draft written as YAML that staff read, check and paste: the shapes and indentation of indicators.yaml.

Why text built line by line and not yaml.dump: each entry must paste into indicators.yaml as it stands
(two-space indents, `- period:` under `values:`), with the review notes beside it as comments, and every
Chinese string single-quoted so the report's commas and colons cannot break the YAML.
"""

from __future__ import annotations

from kpi.draft.draft import LOW_CONFIDENCE, Draft, Match, MilestoneMatch, comparison_of
from kpi.draft.report_numbers import Figure
from kpi.model import IndicatorsFile
from kpi.numbers import plain

_TRANSLATE = "待译 to translate: "
CLOSEST_HINT = 0.15  # a kept indicator scoring this high for a new figure is named beside it
BASELINE_HINT = 0.5  # a kept indicator scoring this high for a new target is offered as its baseline
_NOTE_TEXT = {
    "日均": "日均 = per day: the indicator must count per day",
    "累计": "累计 = cumulative: check the period it covers",
    "以上": "以上 = or more: the draft writes the number as exact",
    "全年": "全年 = the whole year",
    "共": "共 = in all (a total)",
}
_HEADER = """\
# 草稿 DRAFT — {command}
# 由程序生成，未经核对：请逐项核对后再粘贴到 indicators.yaml，然后运行 python -m kpi validate。
# Generated, not reviewed: check each entry, paste it into indicators.yaml, then run python -m kpi validate.
# 核对要点 / check first: 低置信度 (LOW) 的匹配、限定词 qualifier (余 近 约 超)、期间 period、章节 section。
# 怎样粘贴 / how to paste:
#   reports, indicators, targets: 整项粘贴到同名列表末尾 / paste each item at the end of the list of that name
#   values:   把 values: 下面的行粘贴到该指标 values 列表末尾 / paste the lines under values: at the end of that indicator
#   outcomes: 把 outcome: 及其下面的行粘贴到该目标或事项末尾 / paste outcome: and its lines at the end of that target or milestone
# {summary}
"""


def render_draft(draft: Draft, content: IndicatorsFile, file: str, command: str, summary: str,
                 published: str | None = None) -> str:
    """The whole draft file."""
    parts = [_HEADER.format(command=command, summary=summary), *_report_section(draft, content, file, published),
             *_values_section(draft, content), *_indicators_section(draft, content), *_outcomes_section(draft, content),
             *_targets_section(draft, content), *_already_section(draft), *_skipped_section(draft)]
    return "\n".join(parts) + "\n"


def yaml_text(text: str) -> str:
    """A single-quoted YAML string: safe for commas, colons, # and quotes in the report's text."""
    return "'" + text.replace("'", "''") + "'"


def _pair(zh: str, en: str) -> str:
    """A {zh, en} mapping on one line, as indicators.yaml writes names and units."""
    return f"{{zh: {yaml_text(zh)}, en: {yaml_text(en)}}}"


# ── Sections ───────────────────────────────────────────────────────────────────────────────────────

def _report_section(draft: Draft, content: IndicatorsFile, file: str, published: str | None) -> list[str]:
    """The `reports:` entry for a report the data does not list yet."""
    report = draft.report
    if any(r.id == report.report_id for r in content.reports):
        return ["reports: []  # 报告已在 indicators.yaml 中 / the report is already listed", ""]
    title = report.text.lstrip().split("\n", 1)[0].strip()
    latest = max(content.reports, key=lambda r: r.reviews)
    return ["reports:", f"- id: {report.report_id}", f"  title: {_pair(title, _TRANSLATE + title)}",
            f"  publisher: {_pair(latest.publisher.zh, latest.publisher.en)}  # 沿用上一份报告 / as the last report",
            f"  published: {published or 'null  # 待填写发布日期 / fill in the date, e.g. 2025-01-22'}",
            "  url: null  # 待填写原文网址 / fill in the address of the original",
            f"  file: {yaml_text(file)}", f"  reviews: {report.reviews}", f"  plans: {report.plans}", ""]


def _values_section(draft: Draft, content: IndicatorsFile) -> list[str]:
    """New values for kept indicators, grouped under each indicator id."""
    if not draft.values:
        return ["values: []", ""]
    names = {i.id: i for i in content.indicators}
    lines = ["values:"]
    for item_id in dict.fromkeys(m.item_id for m in draft.values):
        indicator = names[item_id]
        lines += [f"- id: {item_id}  # {indicator.name.zh}（{indicator.unit.zh}）", "  values:"]
        for match in (m for m in draft.values if m.item_id == item_id):
            lines += _comment(_match_notes(match), 2) + _value_lines(match.figure, draft.report.report_id, 2)
    return lines + [""]


def _indicators_section(draft: Draft, content: IndicatorsFile) -> list[str]:
    """Proposed new indicators for results no kept indicator matches."""
    if not draft.new_indicators:
        return ["indicators: []", ""]
    closes = {m.figure.start: m.item_id for m in draft.outcomes}
    lines = ["indicators:"]
    for item in draft.new_indicators:
        figure = item.figure
        also = [f"  # 也是目标 {closes[figure.start]} 的结果：只需结果时不必新建 / also that target's outcome: "
                "the new indicator may not be needed"] if figure.start in closes else []
        also += [f"  # 最接近的已有指标 / closest kept indicator: {item.closest[1]} ({item.closest[0]:.2f})：若是同一指标，"
                 "把 values 粘贴到它下面 / if it is the same figure, paste the value under it instead"] \
            if item.closest[0] >= CLOSEST_HINT else []
        lines += [f"- id: {item.item_id}  # 新指标：请改为有意义的编号并翻译 / new: give it a meaningful id and translate", *also,
                  f"  theme: {item.theme}  # 核对主题 / check the theme",
                  f"  name: {_pair(_name(figure), _TRANSLATE + _name(figure))}",
                  f"  unit: {_pair(figure.unit, _TRANSLATE + figure.unit)}",
                  "  # direction: higher / lower / none（见文件开头的规则 / see the rule at the top of indicators.yaml）",
                  "  values:", *_comment(_figure_notes(figure), 2), *_value_lines(figure, draft.report.report_id, 2)]
    return lines + [""]


def _outcomes_section(draft: Draft, content: IndicatorsFile) -> list[str]:
    """Outcomes for last plan year's targets and milestones, each under the item it closes."""
    if not draft.outcomes and not draft.milestone_outcomes:
        return ["outcomes: []", ""]
    targets = {t.id: t for t in content.targets}
    lines = ["outcomes:"]
    for match in draft.outcomes:
        target = targets[match.item_id]
        lines += [f"- id: {match.item_id}  # 目标 {target.name.zh} {plain(target.value)}{target.unit.zh}",
                  *_comment(_match_notes(match), 2), "  outcome:", f"    value: {plain(match.figure.value)}",
                  *_qualifier(match.figure, 4), *_source_lines(match.figure, draft.report.report_id, 4)]
    for found in draft.milestone_outcomes:
        lines += _milestone_lines(found, draft.report.report_id)
    return lines + [""]


def _targets_section(draft: Draft, content: IndicatorsFile) -> list[str]:
    """This report's targets: those continuing last plan year's, then new ones."""
    if not draft.continued_targets and not draft.new_targets:
        return ["targets: []", ""]
    previous = {t.id: t for t in content.targets}
    lines = ["targets:"]
    for match in draft.continued_targets:
        last = previous[match.item_id]
        lines += [f"- id: {draft.target_ids[match.figure.start]}  # 延续 / continues {last.id}（{plain(last.value)}{last.unit.zh}）",
                  *_comment(_match_notes(match), 2), f"  theme: {last.theme}", f"  name: {_pair(last.name.zh, last.name.en)}",
                  *_target_body(match.figure, last.unit.zh, last.unit.en, draft.report.report_id, last.baseline)]
    for item in draft.new_targets:
        figure, hint = item.figure, item.closest[1] if item.closest[0] >= BASELINE_HINT else ""
        lines += [f"- id: {item.item_id}  # 新目标：请改编号并翻译 / new: give it a meaningful id and translate",
                  *_comment(_figure_notes(figure), 2), f"  theme: {item.theme}  # 核对主题 / check the theme",
                  f"  name: {_pair(_name(figure), _TRANSLATE + _name(figure))}",
                  *_target_body(figure, figure.unit, _TRANSLATE + figure.unit, draft.report.report_id, None),
                  *([f"  # baseline: {hint}  # 可能的基数，核对口径后再填 / a possible baseline: check it counts the same thing"]
                    if hint else [])]
    return lines + [""]


def _already_section(draft: Draft) -> list[str]:
    """Figures the data already holds for this report, listed so a second draft shows why they are missing."""
    if not draft.already:
        return []
    lines = [f"# 数据中已有（未再提出）/ already in the data, not proposed again ({len(draft.already)}):"]
    return lines + [f"#   {f.section} {f.written} → {item_id}" for f, item_id in draft.already] + [""]


def _skipped_section(draft: Draft) -> list[str]:
    """Every number that is not a figure, with its reason, so a reviewer can see nothing was lost."""
    lines = [f"# 跳过的数字 / numbers skipped ({len(draft.skipped)}): 原因 reason · 章节 section · 数字 number · 上下文 context"]
    for figure in draft.skipped:
        context = draft.report.text[max(0, figure.start - 8):figure.end + 6].replace("\n", " ")
        lines.append(f"#   {figure.reason:<17} {figure.section or '-'} · {figure.written} · …{context}…")
    return lines


# ── Entries ────────────────────────────────────────────────────────────────────────────────────────

def _value_lines(figure: Figure, report_id: str, indent: int) -> list[str]:
    """One `- period:` entry, indented to paste under an indicator's `values:`."""
    pad = " " * indent
    return [f"{pad}- period: {yaml_text(figure.period)}", f"{pad}  value: {plain(figure.value)}",
            *_qualifier(figure, indent + 2), *_source_lines(figure, report_id, indent + 2)]


def _qualifier(figure: Figure, indent: int) -> list[str]:
    """The qualifier line, left out when exact (as indicators.yaml does)."""
    return [] if figure.qualifier == "exact" else [f"{' ' * indent}qualifier: {figure.qualifier}"]


def _source_lines(figure: Figure, report_id: str, indent: int) -> list[str]:
    """The `source:` block: report, section and the verbatim sentence."""
    pad = " " * indent
    return [f"{pad}source:", f"{pad}  report: {report_id}", f"{pad}  section: {figure.section}",
            f"{pad}  quote: {yaml_text(figure.quote)}"]


def _target_body(figure: Figure, unit_zh: str, unit_en: str, report_id: str, baseline: str | None) -> list[str]:
    """A target's fields after its name; comparison is a guess staff confirm."""
    return [f"  value: {plain(figure.value)}", f"  unit: {_pair(unit_zh, unit_en)}",
            f"  comparison: {comparison_of(figure)}  # 核对 / check: at_least 不少于, at_most 不超过, exactly",
            *_qualifier(figure, 2), *([f"  baseline: {baseline}"] if baseline else []), *_source_lines(figure, report_id, 2)]


def _milestone_lines(found: MilestoneMatch, report_id: str) -> list[str]:
    """A milestone outcome: proposed as done only where the clause says so, else commented for staff to decide."""
    note = "原文写明已完成/启动 / the clause says it was done" if found.done else \
        "原文未写明完成：请判断 / the clause does not say it was done: decide"
    body = ["  outcome:", f"    status: {'done' if found.done else 'done  # 或 / or not_done'}", "    source:",
            f"      report: {report_id}", f"      section: {found.section}", f"      quote: {yaml_text(found.quote)}"]
    return [f"- id: {found.milestone_id}  # 事项 milestone · 置信度 confidence {found.confidence:.2f} · {note}",
            *(body if found.done else [f"# {line}" for line in body])]


def _name(figure: Figure) -> str:
    """A short Chinese name from the number's own phrase (staff shorten it)."""
    return (figure.near or figure.clause or figure.unit)[:24]


def _comment(notes: list[str], indent: int) -> list[str]:
    """Review notes as YAML comments at the entry's indentation (they may be pasted or left out)."""
    return [f"{' ' * indent}# {note}" for note in notes]


def _match_notes(match: Match) -> list[str]:
    """Confidence first; LOW and the close rival when there is one; then the figure's own notes."""
    flag = "低置信度 LOW — 核对 / check" if match.confidence < LOW_CONFIDENCE else ""
    rival = f"（接近 / close: {match.runner_up}）" if match.runner_up else ""
    head = f"置信度 confidence {match.confidence:.2f} {flag}{rival} · {match.figure.written}".replace("  ", " ")
    return [head, *_figure_notes(match.figure)]


def _figure_notes(figure: Figure) -> list[str]:
    """What a reviewer should weigh about the figure itself: 日均, 累计, 以上, a guessed section, a part-year period."""
    notes = [_NOTE_TEXT[note] for note in figure.notes if note in _NOTE_TEXT]
    if figure.guessed_section:
        notes.append(f"章节为推测 / section guessed: {figure.section}")
    if ".." in figure.period:
        notes.append(f"期间来自原文 / period from the text: {figure.period}")
    return notes
