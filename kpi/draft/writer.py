"""The draft written as YAML that a person reviews and `python -m kpi apply` puts into the data files.

Why text built line by line and not yaml.dump: the entries keep the shapes and indentation of indicators.yaml
(two-space indents, `- period:` under `values:`), with review notes beside them as comments, and every Chinese
string single-quoted so the report's commas and colons cannot break the YAML. Each top-level key is a section
apply reads: `reports`, `values` (grouped by `indicator:`), `indicators`, `outcomes` (by target or milestone
`id:`), `targets`, `milestones`, `terms`. What a person must decide carries one of the four review marks
(kpi/file_checks.py): `null`, the prefix `待译 to translate:`, TODO in an id, or the prefix `待定 to decide:`.
"""

from __future__ import annotations

from kpi.data.file_checks import DECIDE_MARK, TRANSLATE_MARK
from kpi.data.model import IndicatorsFile, Milestone, Target
from kpi.draft.draft import LOW_CONFIDENCE, Draft, Match, NewMilestone, comparison_of
from kpi.draft.mentions import Mention, MilestoneMatch, Silent
from kpi.draft.report_numbers import Figure
from kpi.report.numbers import plain

_TRANSLATE = TRANSLATE_MARK + " "
_DECIDE = DECIDE_MARK + " done / not_done"
# Why the draft proposes what it does for a milestone the review names, by how the clause reads (mentions.READINGS).
_READING_NOTES = {
    "counted": ["原文写明完成了多少 → done / the clause counts what was done → done"],
    "completed": ["原文写明已完成 → done / the clause says it was done → done"],
    "completed_with_count": [
        "原文点名此项，紧接着写明完成了多少 → done / the clause names it and the next one counts what was finished → done"
    ],
    "started": [
        "承诺的是启动，原文写明已启动 → done / it promised to start the work, and the clause says it started → done"
    ],
    "carried_on": [
        "承诺的是持续推进，原文说工作在推进 → done；若不同意改为 not_done /",
        "  it promised to carry on work, and the clause says the work goes on → done; write not_done if not",
    ],
    "said_not_done": ["原文写明未完成或推迟 → not_done / the clause says it was not done or was put off → not_done"],
    "under_way": [
        "承诺的是完成，原文只说仍在推进 → not_done（{year}年未完成）；若报告别处写明已完成，改为 done 并换成那句原文 /",
        "  it promised to finish, and the clause says the work is still under way → not_done (not finished in {year});",
        "  if the report says elsewhere it was done, write done with that sentence",
    ],
    "unclear": [
        "原文提到此项，但没写明是否完成：读原文后把 status 改为 done 或 not_done（核对标记）/",
        "  the clause names it but does not say whether it was done: read it, then write status done or not_done (a review mark)",
    ],
}
CLOSEST_HINT = 0.15  # a kept indicator scoring this high for a new figure (and plausible) is named beside it
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
# 由程序生成，请逐项核对；核对完后运行 python -m kpi apply 本文件，把它写入 indicators.yaml 和 glossary.yaml。
# Generated: review every entry, then run python -m kpi apply THIS_FILE to put it into indicators.yaml and glossary.yaml.
#
# 四种核对标记：全部处理完之前，apply 和 validate 都会拒绝 / the four review marks: apply and validate refuse until none is left
#   null                    待填写的值 / a value to fill in
#   '待译 to translate: …'   待写的英文：写出英文，删去这个前缀 / English to write: write it and remove the prefix
#   TODO（在编号中）          待命名的编号，如 housing.TODO_2024_1 / an id to choose, e.g. housing.TODO_2024_1
#   '待定 to decide: …'      待决定的事项结果：报告提到此项但没写明是否完成，读原文后写 done 或 not_done /
#                           an outcome to decide: the report names the item but not whether it was done; write done or not_done
# 核对要点 / check first: 低置信度 LOW 的匹配，限定词 qualifier（余 more_than 近 nearly 约 about 超 over），期间 period，
#   章节 section，事项结果 done / not_done，报告未提及 not_mentioned_in 的各项是否真的未提及（每项附最接近的原文）。
# 不要的条目整条删去。# 开头的说明可留可删：apply 不会把它们写入数据文件。
# Delete an entry you do not want. Keep or delete the # notes as you like: apply never copies them into the data files.
# {summary}
"""


def render_draft(
    draft: Draft, content: IndicatorsFile, file: str, command: str, summary: str, published: str | None = None
) -> str:
    """The whole draft file."""
    parts = [
        _HEADER.format(command=command, summary=summary),
        *_report_section(draft, content, file, published),
        *_values_section(draft, content),
        *_indicators_section(draft, content),
        *_outcomes_section(draft, content),
        *_targets_section(draft, content),
        *_milestones_section(draft, content),
        *_terms_section(draft),
        *_already_section(draft),
        *_skipped_section(draft),
    ]
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
    return [
        "reports:",
        f"- id: {report.report_id}",
        f"  title: {_pair(title, _TRANSLATE + title)}",
        f"  publisher: {_pair(latest.publisher.zh, latest.publisher.en)}  # 沿用上一份报告 / as the last report",
        f"  published: {published or 'null  # 待填写发布日期 / fill in the date, e.g. 2025-01-22'}",
        "  url: null  # 待填写原文网址 / fill in the address of the original",
        f"  file: {yaml_text(file)}",
        f"  reviews: {report.reviews}",
        f"  plans: {report.plans}",
        "",
    ]


def _values_section(draft: Draft, content: IndicatorsFile) -> list[str]:
    """New values for kept indicators, grouped under `indicator:` (apply puts them at the end of its `values`)."""
    if not draft.values:
        return ["values: []", ""]
    names = {i.id: i for i in content.indicators}
    lines = ["values:"]
    for item_id in dict.fromkeys(m.item_id for m in draft.values):
        indicator = names[item_id]
        lines += [f"- indicator: {item_id}  # {indicator.name.zh}（{indicator.unit.zh}）", "  values:"]
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
        also = (
            [
                f"  # 也是目标 {closes[figure.start]} 的结果：只需结果时不必新建 / also that target's outcome: "
                "the new indicator may not be needed"
            ]
            if figure.start in closes
            else []
        )
        also += (
            [
                f"  # 最接近的已有指标 / closest kept indicator: {item.closest[1]} ({item.closest[0]:.2f})：若是同一指标，"
                "把 values 移到 values: 部分该指标之下 / if it is the same figure, move the value under it in `values:`"
            ]
            if item.closest[0] >= CLOSEST_HINT
            else []
        )
        lines += [
            f"- id: {item.item_id}  # 新指标：请改 TODO 并翻译 / new: name it (TODO) and translate",
            *also,
            f"  theme: {item.theme}  # 核对主题 / check the theme",
            f"  name: {_pair(_name(figure), _TRANSLATE + _name(figure))}",
            f"  unit: {_pair(figure.unit, _TRANSLATE + figure.unit)}",
            "  direction: null  # higher / lower / none（见 indicators.yaml 开头的规则 / see the rule at the top of indicators.yaml）",
            "  values:",
            *_comment(_figure_notes(figure), 2),
            *_value_lines(figure, draft.report.report_id, 2),
        ]
    return lines + [""]


def _outcomes_section(draft: Draft, content: IndicatorsFile) -> list[str]:
    """An outcome for every open target and milestone of the year the report closes, grouped by how it was found."""
    closing = draft.closing
    if not (draft.outcomes or closing.milestones or closing.targets_named or closing.silent):
        return ["outcomes: []", ""]
    targets = {t.id: t for t in content.targets}
    milestones = {m.id: m for m in content.milestones}
    items: dict[str, Target | Milestone] = {**targets, **milestones}
    report_id, year = draft.report.report_id, closing.year
    lines = ["outcomes:"]
    if draft.outcomes:
        lines += [f"# ── {year}年目标：报告给出的数字 / {year} targets: the report's figure ({len(draft.outcomes)}) ──"]
    for match in draft.outcomes:
        target = targets[match.item_id]  # a figure closes a target
        lines += [
            f"- id: {match.item_id}  # 目标 {target.name.zh} {plain(target.value)}{target.unit.zh}",
            *_comment(_match_notes(match), 2),
            "  outcome:",
            f"    value: {plain(match.figure.value)}",
            *_qualifier(match.figure, 4),
            *_source_lines(match.figure, report_id, 4),
        ]
    if closing.milestones:
        lines += [
            f"# ── {year}年事项：报告提到的 / {year} milestones the report names ({len(closing.milestones)}): "
            "核对 done / not_done ──"
        ]
    for found in closing.milestones:
        lines += _milestone_lines(found, milestones[found.milestone_id], report_id, year)
    if closing.targets_named:
        lines += [
            f"# ── {year}年目标：报告提到但这句话没有数字 / {year} targets named without a figure "
            f"({len(closing.targets_named)}) ──"
        ]
    for mention in closing.targets_named:
        lines += _named_target_lines(mention, targets[mention.item_id], report_id)
    if closing.silent:
        lines += [
            f"# ── 报告未提及 / not mentioned in {report_id} ({len(closing.silent)}): 若报告其实提到了某项，"
            "照上面的写法改写它 / if the report does name one, write its outcome as above ──"
        ]
    for silent in closing.silent:
        lines += _silent_lines(silent, items[silent.item_id], report_id)
    return lines + [""]


def _targets_section(draft: Draft, content: IndicatorsFile) -> list[str]:
    """This report's targets: those continuing last plan year's, then new ones."""
    if not draft.continued_targets and not draft.new_targets:
        return ["targets: []", ""]
    previous = {t.id: t for t in content.targets}
    lines = ["targets:"]
    for match in draft.continued_targets:
        last = previous[match.item_id]
        lines += [
            f"- id: {draft.target_ids[match.figure.start]}  # 延续 / continues {last.id}（{plain(last.value)}{last.unit.zh}）",
            *_comment(_match_notes(match), 2),
            f"  theme: {last.theme}",
            f"  name: {_pair(last.name.zh, last.name.en)}",
            *_target_body(match.figure, last.unit.zh, last.unit.en, draft.report.report_id, last.baseline),
        ]
    for item in draft.new_targets:
        figure, hint = item.figure, item.closest[1] if item.closest[0] >= BASELINE_HINT else ""
        lines += [
            f"- id: {item.item_id}  # 新目标：请改 TODO 并翻译 / new: name it (TODO) and translate",
            *_comment(_figure_notes(figure), 2),
            f"  theme: {item.theme}  # 核对主题 / check the theme",
            f"  name: {_pair(_name(figure), _TRANSLATE + _name(figure))}",
            *_target_body(figure, figure.unit, _TRANSLATE + figure.unit, draft.report.report_id, None),
            *(
                [
                    f"  # baseline: {hint}  # 可能的基数，核对口径后再填 / a possible baseline: check it counts the same thing"
                ]
                if hint
                else []
            ),
        ]
    return lines + [""]


def _milestones_section(draft: Draft, content: IndicatorsFile) -> list[str]:
    """Milestones of the new plan year that continue one of the closing year; others a person adds in this form."""
    how = [
        "# 其他新事项请照此格式添加（编号、主题、名称、原文）/ add other new milestones in this form (id, theme, name, quote)"
    ]
    if not draft.new_milestones:
        return ["milestones: []", *how, ""]
    kept = {m.id: m for m in content.milestones}
    lines = ["milestones:"]
    for new in draft.new_milestones:
        lines += _new_milestone_lines(new, kept[new.mention.item_id], draft.report.report_id)
    return lines + how + [""]


def _terms_section(draft: Draft) -> list[str]:
    """The report's glossary terms that glossary.yaml does not hold yet (apply adds them to glossary.yaml)."""
    if not draft.new_terms:
        return ["terms: []", ""]
    lines = ["terms:"]
    for term in draft.new_terms:
        lines += [
            f"- id: {term.item_id}  # 新名词：请改 TODO（小写英文）并翻译 / new term: name it (TODO) and translate",
            f"  report: {draft.report.report_id}",
            f"  term: {_pair(term.term, _TRANSLATE + term.term)}",
            f"  definition: {_pair(term.definition, _TRANSLATE + term.definition)}",
            f"  forms: [{', '.join(yaml_text(form) for form in term.forms)}]",
        ]
    return lines + [""]


def _already_section(draft: Draft) -> list[str]:
    """Figures the data already holds for this report, listed so a second draft shows why they are missing."""
    if not draft.already:
        return []
    lines = [f"# 数据中已有（未再提出）/ already in the data, not proposed again ({len(draft.already)}):"]
    return lines + [f"#   {f.section} {f.written} → {item_id}" for f, item_id in draft.already] + [""]


def _skipped_section(draft: Draft) -> list[str]:
    """Every number that is not a figure, with its reason, so a reviewer can see nothing was lost."""
    lines = [
        f"# 跳过的数字 / numbers skipped ({len(draft.skipped)}): 原因 reason · 章节 section · 数字 number · 上下文 context"
    ]
    for figure in draft.skipped:
        context = draft.report.text[max(0, figure.start - 8) : figure.end + 6].replace("\n", " ")
        lines.append(f"#   {figure.reason:<17} {figure.section or '-'} · {figure.written} · …{context}…")
    return lines


# ── Entries ────────────────────────────────────────────────────────────────────────────────────────


def _value_lines(figure: Figure, report_id: str, indent: int) -> list[str]:
    """One `- period:` entry, indented to paste under an indicator's `values:`."""
    pad = " " * indent
    return [
        f"{pad}- period: {yaml_text(figure.period)}",
        f"{pad}  value: {plain(figure.value)}",
        *_qualifier(figure, indent + 2),
        *_source_lines(figure, report_id, indent + 2),
    ]


def _qualifier(figure: Figure, indent: int) -> list[str]:
    """The qualifier line, left out when exact (as indicators.yaml does)."""
    return [] if figure.qualifier == "exact" else [f"{' ' * indent}qualifier: {figure.qualifier}"]


def _source_lines(figure: Figure, report_id: str, indent: int) -> list[str]:
    """The `source:` block: report, section and the verbatim sentence."""
    return _quote_lines(report_id, figure.section, figure.quote, indent)


def _target_body(figure: Figure, unit_zh: str, unit_en: str, report_id: str, baseline: str | None) -> list[str]:
    """A target's fields after its name; comparison is a guess staff confirm."""
    return [
        f"  value: {plain(figure.value)}",
        f"  unit: {_pair(unit_zh, unit_en)}",
        f"  comparison: {comparison_of(figure)}  # 核对 / check: at_least 不少于, at_most 不超过, exactly",
        *_qualifier(figure, 2),
        *([f"  baseline: {baseline}"] if baseline else []),
        *_source_lines(figure, report_id, 2),
    ]


def _milestone_lines(found: MilestoneMatch, milestone: Milestone, report_id: str, year: int) -> list[str]:
    """A milestone the review names: the outcome its clause supports, or a review mark when it says neither."""
    why = [note.format(year=year) for note in _READING_NOTES[found.reading]]
    status = yaml_text(_DECIDE) if found.status == "unclear" else found.status
    return [
        f"- id: {found.milestone_id}  # 事项 {milestone.name.zh} · {_named_by(found.how, found.confidence)}",
        *_comment(why, 2),
        "  outcome:",
        f"    status: {status}",
        *_quote_lines(report_id, found.section, found.quote, 4),
    ]


def _named_by(how: str, confidence: float) -> str:
    """How the clause names the item, for the entry's first line: its key phrase, a part, or a figure."""
    kind, _, what = how.partition(" ")
    if kind == "part":
        return f"原文含其名称的一部分 / named by its part “{what}” (key phrase {confidence:.2f})"
    if kind == "figure":
        return f"原文含指标 {what} 的数字 / named by a figure of {what} (key phrase {confidence:.2f})"
    return f"置信度 confidence {confidence:.2f}"


def _named_target_lines(mention: Mention, target: Target, report_id: str) -> list[str]:
    """A target the review names without its figure: the value is left to a person (a review mark)."""
    why = [
        "报告提到此目标，但这句话没有数字：若报告别处给出数字，填上数字并把 quote 换成那句原文；",
        f"若报告没有给出结果，把 outcome 改为 {{not_mentioned_in: {report_id}}} /",
        "the report names this target but this clause has no figure: if the report gives it elsewhere, write it",
        f"with that sentence; if the report gives no result, write outcome: {{not_mentioned_in: {report_id}}}",
    ]
    return [
        f"- id: {mention.item_id}  # 目标 {target.name.zh} {plain(target.value)}{target.unit.zh} · "
        f"{_named_by(mention.how, mention.confidence)}",
        *_comment(why, 2),
        "  outcome:",
        "    value: null",
        *_quote_lines(report_id, mention.section, mention.quote, 4),
    ]


def _silent_lines(silent: Silent, item: Target | Milestone, report_id: str) -> list[str]:
    """An item no clause of the report names: its outcome is "not mentioned in this report"."""
    kind = "事项" if isinstance(item, Milestone) else "目标"
    score, quote, section = silent.nearest
    nearest = [
        f"未采用的最接近原文 / nearest clause, rejected ({score:.2f}, {section}): {quote}"
        if quote
        else "没有一句原文与它有相同的字 / no clause of the report shares two characters with it"
    ]
    return [
        f"- id: {silent.item_id}  # {kind} {item.name.zh}",
        *_comment(nearest, 2),
        f"  outcome: {{not_mentioned_in: {report_id}}}",
    ]


def _new_milestone_lines(new: NewMilestone, last: Milestone, report_id: str) -> list[str]:
    """A milestone of the new plan year continuing last year's: name and theme carried over, for a person to check."""
    mention = new.mention
    return [
        f"- id: {new.item_id}  # 延续 / continues {last.id} · 置信度 confidence {mention.confidence:.2f}",
        f"  theme: {last.theme}",
        f"  name: {_pair(last.name.zh, last.name.en)}  # 沿用上年名称：核对是否仍合适 / last year's name: check it still fits",
        *_quote_lines(report_id, mention.section, mention.quote, 2),
    ]


def _quote_lines(report_id: str, section: str, quote: str, indent: int) -> list[str]:
    """A `source:` block for a clause (not a figure)."""
    pad = " " * indent
    return [
        f"{pad}source:",
        f"{pad}  report: {report_id}",
        f"{pad}  section: {section}",
        f"{pad}  quote: {yaml_text(quote)}",
    ]


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
