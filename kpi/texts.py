"""Every fixed string the app and the command line show, in Chinese and English, in one place.

Why one catalogue: a string added in one language only, or a second way of picking the language, is a bug
a reader sees. No year is written here: years come from the data (a report's year, a plan year), so next
January's report needs no code change. Data errors have their own dictionary, kpi/data/messages.yaml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from kpi.status import BY_ID

if TYPE_CHECKING:  # a type only: the catalogue never loads the model (pydantic) to pick a language
    from kpi.data.model import Text

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

TEXTS: dict[str, tuple[str, str]] = {
    # Frame and navigation
    "app_title": ("东明路街道绩效看板", "Dongming Road Subdistrict Performance Dashboard"),
    "language": ("语言", "Language"),
    "menu": ("菜单", "Menu"),
    "share": ("分享", "Share"),
    "overview": ("总览", "Overview"),
    "targets": ("目标与事项", "Targets"),
    "themes": ("主题", "Themes"),
    "reference": ("参考", "Reference"),
    "glossary": ("名词解释", "Glossary"),
    "source": ("报告原文", "Report text"),
    "indicator": ("指标详情", "Figure details"),
    "check": ("数据检查", "Data check"),
    "vintage": (
        "数据来自《{title}》（{date} 发布），数据期间：{period}{others}。",
        "Figures from the {title} (published {date}), covering {period}{others}. ",
    ),
    "vintage_other": ("，其中{n}项为{period}", "; {n} of them cover {period}"),
    "judged_on": ("目标进度按 {date} 判定。", "Target progress judged as of {date}."),
    "read_report": ("阅读报告原文", "Read the report"),
    # Not "made on {date}": a reader took the day the page was written for the day its figures were (issue 29).
    "page_built": (
        "本页生成于 {date}（目标状态按当日判定），地址 {url}",
        "Page built {date} (target statuses as judged that day), at {url}",
    ),
    # The report comes each January: once the next one's January is over and it is not entered, the header says so.
    "next_report_missing": (
        "下一份工作报告（回顾{year}年，含{year}年目标完成情况）应于{due}年1月发布，尚未录入。",
        "The next report (on {year}, with its targets' outcomes) was due in January {due} and is not entered yet.",
    ),
    "today": ("今天", "Today"),
    "as_of_label": ("目标进度判定日期", "Date target progress is judged on"),
    "share_help": (
        "复制下面的链接：打开后显示同样的页面、语言和筛选。",
        "Copy this link: it opens this same page, language and selection.",
    ),
    "exit_meeting": ("退出会议模式", "Leave meeting mode"),
    "pause": ("暂停轮播（每 {seconds} 秒）", "Pause rotation (every {seconds} s)"),
    "resume": ("继续轮播（每 {seconds} 秒）", "Resume rotation (every {seconds} s)"),
    # What the public reads while staff fix the data: neutral, no file names, no link to the data-check page.
    "data_updating": ("部分数据正在更新。", "Some figures are being updated."),
    "data_none": ("数据正在更新，请稍后再来。", "The figures are being updated; please come back later."),
    "page_unavailable": ("此页正在更新，请稍后再来。", "This page is being updated; please come back later."),
    # Overview and themes
    "plan_status": ("{year}年目标与事项", "Targets and milestones for {year}"),
    "results_of": ("{year}年主要成果", "Key results of {year}"),
    "other_themes": (
        "{year}年报告未给出重点指标的主题见各主题页：",
        "Themes whose key figures the {year} report does not give, on their pages:",
    ),
    "closed_heading": ("{year}年目标与事项完成情况", "How the {year} targets and milestones ended"),
    "closed_source": ("依据《{report}》（{date} 发布）", "As the {report} (published {date}) states"),
    "col_target_result": ("目标 → 结果", "Target → result"),
    "report_year_name": ("{year}年工作报告", "{year} report"),
    "pace_line": ("序时进度", "Expected by date"),
    "reached_line": ("累计完成", "Reached"),
    "outcome_line": ("结果（{report}）", "Outcome ({report})"),
    "outcomes_pending": (
        "{year}年目标完成情况：待下一份工作报告录入后显示。",
        "{year} target outcomes appear once the next report is entered.",
    ),
    "all_commitments": (
        "全部 {targets} 项数值目标和 {milestones} 项事项",
        "All {targets} numeric targets and {milestones} milestones",
    ),
    "every_figure": ("全部 {n} 项指标", "All {n} figures"),
    "results_in_words": ("文字表述的成果（{n} 项）", "Results in words ({n})"),
    "results_in_words_note": (
        "报告以文字说出这些成果（荣誉、验收），没有给出数字；点开可看原文。",
        "The report states these results in words (honours, acceptances), with no number; open one for its sentence.",
    ),
    "show_all_figures": ("以表格显示全部 {n} 项指标及出处", "Show all {n} figures as a table, with their sources"),
    "hide_all_figures": ("收起全部 {n} 项指标的表格", "Hide the table of all {n} figures"),
    "qualifier_note": (
        "余 = 多于，近 = 接近，约 = 大约，超 = 超过。",
        "“More than”, “nearly”, “about” and “over” are the report's own words: the figure is not exact.",
    ),
    "all_awaiting": (
        "{year}年全部 {n} 项目标与事项的完成情况待下一份工作报告。",
        "All {n} targets and milestones of {year} await the next report for their outcomes.",
    ),
    "all_one_state": (
        "{year}年全部 {n} 项目标与事项：{status}。",
        "All {n} targets and milestones of {year}: {status}.",
    ),
    "show_list": ("查看清单（{n} 项）", "Show the list ({n})"),
    "data_table": ("查看数据表", "Show the data table"),
    "download_csv": ("下载 CSV", "Download CSV"),
    # Taking a page away (components/views/takeaway.py, components/open_data.py): files, a citation, a link, a QR code.
    "download_chart": ("下载图表（SVG 图片）：{title}", "Download the chart (SVG image): {title}"),
    "download_data": ("全部数据（CSV、JSON）", "All the data (CSV, JSON)"),
    "copy_link": ("复制本页链接", "Copy this page's link"),
    "link_copied": ("链接已复制", "Link copied"),
    "cite_label": ("引用本页", "Cite this page"),
    "cite": (
        "{app}：{page}。数字出自《{report}》（{published}），{report_url}。{url}（{when}）。",
        "{app}: {page}. Figures from the {report} ({published}), {report_url}. {url} ({when}).",
    ),
    # The date a reader read the page: the build date, said as such, until a script can say the reader's own day.
    "cite_built": ("本页生成于 {date}", "page built on {date}"),
    "cite_read": ("访问于 {date}", "accessed {date}"),
    "qr_caption": ("扫码打开本页", "Scan to open this page"),
    "data_title": ("全部数据下载", "All the data"),
    "data_intro": (
        "看板的全部数字、目标与事项、名词和报告，每张表一个 CSV 文件（UTF-8，带 BOM，Excel 可直接打开）和一个 JSON 文件，"
        "由 datapackage.json 说明（Frictionless 数据包）。目标状态按 {date} 判定。",
        "Every figure, target and milestone, term and report of the dashboard: one CSV file a table (UTF-8 with a BOM, "
        "so Excel opens it as it is) and one JSON file, described by datapackage.json (a Frictionless data package). "
        "Target statuses as judged on {date}.",
    ),
    "data_all": ("全部文件（ZIP）", "Every file (ZIP)"),
    "data_package": ("数据包说明（datapackage.json）", "The package's description (datapackage.json)"),
    "res_reports": (
        "报告：每份报告的名称、发布机构、日期和网址",
        "Reports: each report's title, publisher, date and address",
    ),
    "res_figures": (
        "指标：每项数字的每一期，含数值、单位、限定词和报告原文",
        "Figures: every figure in every period, with its value, unit, qualifier and the report's sentence",
    ),
    "res_commitments": (
        "目标与事项：每个计划年度的目标和事项及其状态",
        "Targets and milestones: every plan year's targets and milestones, with their status",
    ),
    "res_terms": ("名词：报告中的名词及其解释", "Terms: the reports' terms and their definitions"),
    # Search that finds figures too (components/views/finding.py)
    "figures_found": ("找到的指标（{n}）", "Figures found ({n})"),
    # Tiles
    "quote": ("报告原文", "From the report"),
    "change_since": ("较{period}", "vs {period}"),
    "change_from": ("{before} → {after}", "{before} → {after}"),
    "unchanged": ("持平", "unchanged"),
    "change_lengths_differ": (
        "（两期长度不同：{before}个月与{after}个月）",
        " (periods differ in length: {before} and {after} months)",
    ),
    # Charts
    "change_question": (
        "与上一期相比，哪些重点指标上升、哪些下降？",
        "Since the previous period, which key figures went up and which went down?",
    ),
    "periods_differ_note": (
        "* 两期长度不同（如截至11月与全年），变化包含期间长度的差异。",
        "* The two periods differ in length (e.g. Jan–Nov against a full year); the change includes that difference.",
    ),
    "target_question": (
        "{year}年目标与{before}年实绩相比如何？",
        "How does each {year} target compare with {before}'s actual?",
    ),
    "baseline_note_mark": (
        "* 基数与目标口径不同，见数据表说明。",
        "* The baseline counts something different from the target; see the note in the data table.",
    ),
    "actual_of": ("{year}年实绩", "{year} actual"),
    "target_of": ("{year}年目标", "{year} target"),
    "programme_question": ("多年项目进展到哪一步？", "How far along are the multi-year programmes?"),
    "rates_question": ("各项比率离100%还有多远？", "How close to 100% is each rate?"),
    "state_done": ("已完成", "Done"),
    "state_basically_done": ("基本完成", "Basically completed"),
    "state_under_way": ("推进中", "Under way"),
    "state_rest": ("其余（报告未说明）", "Rest (not stated in the report)"),
    "history_question": ("各期数值是多少？", "What was the figure in each period?"),
    # Tables
    "col_name": ("指标", "Figure"),
    "col_item": ("名称", "Item"),
    "col_value": ("数值", "Value"),
    "col_number": ("数字（基本单位）", "Number (base unit)"),
    "col_unit": ("单位", "Unit"),
    "col_qualifier": ("限定词", "Qualifier"),
    "col_period": ("期间", "Period"),
    "col_report": ("报告", "Report"),
    "col_section": ("章节", "Section"),
    "col_quote": ("原文", "Quote"),
    "col_note": ("说明", "Note"),
    "col_theme": ("主题", "Theme"),
    "col_total": ("总数", "Total"),
    "col_id": ("编号", "Id"),
    "col_former_ids": ("曾用编号", "Former ids"),
    "col_line": ("行", "Line"),
    "col_line_in": ("{file} 的行", "Line in {file}"),
    "col_before": ("上一期", "Before"),
    "col_after": ("本期", "Now"),
    "col_change": ("变化", "Change"),
    "col_target": ("目标", "Target"),
    "col_baseline": ("上年实绩", "Previous year's actual"),
    "col_reached": ("完成情况", "Reached"),
    "col_percent": ("完成率", "Share reached"),
    "col_shown": ("显示（较新报告）", "Shown (newer report)"),
    "col_earlier": ("较早报告", "Earlier report"),
    "col_shown_report": ("显示数值出自", "Shown value from"),
    "col_earlier_report": ("较早数值出自", "Earlier value from"),
    "col_file": ("文件", "File"),
    "col_changed": ("最后修改", "Last changed"),
    "col_size": ("字节", "Bytes"),
    "see_details": ("详情与出处", "Details and source"),
    "report_of_year": ("（{year}年工作报告）", "({year} report)"),
    "shown": ("当前显示", "Shown"),
    "restated_by": ("已由{report}重述", "Restated by the {report}"),
    "revised_by": ("已由{report}修订", "Revised by the {report}"),
    # Figure details
    "back_to": ("返回{theme}", "Back to {theme}"),
    "in_context": ("所在段落", "In its paragraph"),
    "quote_note": ("原文为中文。", "The report is in Chinese; the quote is its original text."),
    "quote_in_chinese": ("报告原文", "The report's sentence, in Chinese:"),
    "terms_here": ("相关名词", "Terms used here"),
    "no_figure": ("找不到该指标。", "No such figure."),
    # The not-found pages (HTTP 404), one per kind of address, each written in both languages by the publisher.
    "not_found": ("找不到此页", "Page not found"),
    "not_found_page": (
        "本看板没有这个地址的页面：链接可能有误，或页面已不存在。",
        "The dashboard has no page at this address: the link may be mistyped, or the page no longer exists.",
    ),
    "not_found_id": (
        "找不到链接所指的指标：本看板没有这个编号的指标。",
        "The figure this link names was not found: the dashboard has no figure by that name.",
    ),
    "not_found_target": (
        "找不到链接所指的目标或计划年度：本看板没有这个编号的目标，或没有该年度的目标。",
        "The target or plan year this link names was not found: the dashboard has no target by that name, or no"
        " targets for that year.",
    ),
    "not_found_term": (
        "找不到链接所指的名词：名词解释中没有这个名词。",
        "The term this link names was not found: the glossary has no term by that name.",
    ),
    "not_found_report": (
        "找不到链接所指的报告：本看板没有这份报告。",
        "The report this link names was not found: the dashboard does not hold that report.",
    ),
    "not_found_next": ("请从{overview}开始，或在下面搜索。", "Start from the {overview}, or search below."),
    # Targets
    "targets_of": ("{year}年目标与事项", "Targets and milestones for {year}"),
    # A shared link's description, a sentence (issue 32): the plan year's count, then its items by status.
    "targets_description": (
        "{year}年目标与事项共{n}项，其中{counts}。",
        "{n} targets and milestones for {year}: {counts}.",
    ),
    "status_count": ("{status}{n}项", "{n} {status}"),
    "figure_description": ("{figure}，出自{report}。", "{figure}, as the {report} states it."),
    "source_description": (
        "{title}全文，{date}发布。",
        "The full text of the {title}, published on {date}.",
    ),
    "glossary_description": ("报告中{n}个术语的含义：{terms}。", "What {n} terms of the report mean: {terms}."),
    "plan_year": ("计划年度", "Plan year"),
    "year_n": ("{year}年", "{year}"),
    "no_targets": ("报告中暂无目标。", "The reports set no targets yet."),
    "search_targets": ("搜索目标、事项或指标", "Search targets, milestones and figures"),
    "filter_theme": ("主题", "Theme"),
    "all": ("全部", "All"),
    "status": ("状态", "Status"),
    "no_match": ("没有符合筛选条件的目标或事项。", "No target or milestone matches these filters."),
    "numeric_targets": ("数值目标", "Numeric targets"),
    "milestones": ("事项", "Milestones"),
    "target_detail": ("目标详情", "Target details"),
    "how_computed": ("状态如何得出", "How this status was computed"),
    "bar_reached": ("累计完成 {value}", "Reached {value}"),
    "bar_expected": ("序时进度 {value}", "Expected by this date {value}"),
    "bar_target": ("目标 {value}", "Target {value}"),
    "at_least": ("不少于", "at least"),
    "at_most": ("不超过", "at most"),
    "exactly": ("等于", "exactly"),
    "overridden": ("（人工认定）", " (set by hand)"),
    "outcome_from": ("{value}（{report}）", "{value} ({report})"),
    "progress_chart": ("进展记录与序时进度", "Progress entries against the expected pace"),
    "outcome_in": ("见{report}", "See the {report}"),
    "progress_on": ("{value}（{date}）", "{value} ({date})"),
    "explain_about": (
        "“约”表示大约：达到目标值的 {tolerance}% 以内（{threshold}）即视为达成。",
        "“About” is approximate: within {tolerance}% of the target ({threshold}) counts as reaching it.",
    ),
    "explain_outcome": (
        "计划年度结束后的结果：{value}；达成线 {goal}。",
        "Outcome after the plan year: {value}; the line for reaching it is {goal}.",
    ),
    "explain_none": (
        "截至 {date} 尚无进展记录，因此状态为“尚无进展报告”。",
        "No progress entry up to {date}, so the status is “no progress reported yet”.",
    ),
    "explain_missing": (
        "计划年度已于 {end} 结束，但尚未录入结果（下一年度报告的数值或年末进展记录），因此状态为“结果未录入”。",
        "The plan year ended on {end} and no outcome has been entered (the following report's figure or a year-end "
        "entry), so the status is “outcome not entered”.",
    ),
    "explain_latest": (
        "截至 {as_of} 的最新记录：{value}（{date}）。",
        "Latest entry up to {as_of}: {value} (dated {date}).",
    ),
    "explain_percent": ("完成率 = {value} ÷ {goal} = {percent}%。", "Share reached = {value} ÷ {goal} = {percent}%."),
    "explain_expected": (
        "序时进度（计划年度已过去的比例）= {expected}%。",
        "Expected by date (share of the plan year elapsed) = {expected}%.",
    ),
    "explain_pace_at_least": (
        "进度比 = 完成率 ÷ 序时进度 = {pace}%；≥{on}% 为进度正常，{mid}%–{on}% 为需加快，<{mid}% 为滞后。",
        "Pace = share reached ÷ expected = {pace}%; ≥{on}% is on track, {mid}–{on}% needs acceleration, below {mid}% lagging.",
    ),
    "explain_pace_at_most": (
        "“不超过”类目标：进度比 = 序时允许量 ÷ 实际累计 = {pace}%；≥{on}% 为进度正常，{mid}%–{on}% 为需加快，<{mid}% 为滞后。",
        "An “at most” target: pace = allowance by date ÷ actual = {pace}%; ≥{on}% is on track, {mid}–{on}% needs acceleration, below {mid}% lagging.",
    ),
    "explain_status": ("计算所得状态：{status}。", "Computed status: {status}."),
    "explain_not_due": (
        "报告原话“{words}”说明本项在 {date} 起评定；此前状态为“未到期”，不按全年序时进度判为滞后。",
        "The report's words “{words}” tie it to a time: it is judged from {date}; until then its status is "
        "“not due yet”, never lagging against the progress expected over the whole year.",
    ),
    "explain_expected_season": (
        "序时进度（{start} – {end} 已过去的比例）= {expected}%。",
        "Expected by date (share of {start} – {end} elapsed) = {expected}%.",
    ),
    # When an item is judged (kpi/pace.py), and what its next report must say for "done"
    "col_judged": ("评定时间", "Judged"),
    "judged_season": ("{first}—{last}月", "{first}–{last}"),
    "judged_year_end": ("年底", "At year end"),
    "col_done_when": ("何为完成", "Done when"),
    "done_when_continued": ("持续性：报告写明当年继续开展", "Ongoing: the report says it went on"),
    "done_when_taken_further": ("持续性：报告写明当年有新进展", "Ongoing: the report names a step further"),
    "done_when_finished": ("一次性：报告写明已完成", "One-off: the report says it is done"),
    # A note on a value (indicators.yaml `note`): a mark and a short line on the tile, the whole note on its page
    "value_note": ("数值说明", "About this figure"),
    "explain_override": ("工作人员人工认定为 {status}，理由：{reason}", "Set by hand to {status}; reason: {reason}"),
    "ignored_later": (
        "另有 {n} 条记录晚于判定日期，未计入。",
        "{n} later entr(y/ies) after the as-of date not counted.",
    ),
    # Glossary and report
    "search": ("搜索名词或指标（中文或英文）", "Search terms and figures (Chinese or English)"),
    "search_button": ("搜索", "Search"),
    "no_term": ("没有匹配的名词。", "No matching term."),
    "term_link": ("本条链接", "Link to this term"),
    "appears_as": ("正文中的写法", "Appears in the report as"),
    "used_by": ("用到该名词的指标", "Figures that use this term"),
    "not_in_body": (
        "此名词只出现在报告末尾的名词解释中，正文没有用到。",
        "This term appears only in the report's glossary, not in its text.",
    ),
    "choose_report": ("报告", "Report"),
    "published_on": ("{date} 发布", "published {date}"),
    "original": ("原文网址", "Original on the web"),
    # Data check
    "check_valid": ("数据文件全部有效。", "The data files are valid."),
    "check_errors": (
        "数据文件有 {n} 个错误（看板仍显示上一次正确的数据）：",
        "The data files have {n} error(s) (the dashboard shows the last good data):",
    ),
    "check_page_errors": (
        "数据文件通过了检查，但有 {n} 个页面出错（看板改为显示上一次正确的数据；详情见服务器日志）：",
        "The data files passed the check, but {n} page error(s) occurred (the dashboard shows the last good data "
        "instead; details in the server log):",
    ),
    "page_error_line": ("{at} 页面 {page}（{data}）：{error}", "{at} page {page} ({data}): {error}"),
    "staff_only": ("此页仅供工作人员使用。", "This page is for staff only."),
    "static_none": (
        "尚未生成公开静态页面（由 bash scripts/run 或 python -m components.publish 生成）。",
        "No static public pages written yet (bash scripts/run or python -m components.publish writes them).",
    ),
    "static_written": (
        "公开静态页面：{n} 个文件，{at} 生成，{data}，进度按 {date} 判定。",
        "Static public pages: {n} files, written {at} {data}, progress judged as of {date}.",
    ),
    "static_failed": ("公开静态页面未能生成：{error}", "The static public pages could not be written: {error}"),
    "static_not_fresh": (
        "公开静态页面使用上一次正确的数据，原因：{error}",
        "The static public pages show the last good data, because: {error}",
    ),
    "static_current": ("公开静态页面与当前数据文件一致。", "The static public pages show the current data files."),
    "static_settling": (
        "公开静态页面落后于数据文件：文件刚刚改动，保持不变 1 秒后即重新生成。",
        "The static public pages are behind the data files: they have just changed, and the pages are rewritten "
        "once the files have stayed unchanged for a second.",
    ),
    "static_unread": (
        "公开静态页面落后于数据文件：发布程序尚未读到文件的当前版本（发布程序上次运行：{heartbeat}）。",
        "The static public pages are behind the data files: the publisher has not read their current version yet "
        "(its last pass: {heartbeat}).",
    ),
    "behind_invalid": (
        "看板和公开静态页面都落后于数据文件：文件有错误（见上），因此显示上一次正确的数据。",
        "The dashboard and the static public pages are both behind the data files: the files have errors (above), "
        "so they show the last good data.",
    ),
    "behind_broken": (
        "看板和公开静态页面都落后于数据文件：有页面使用当前数据文件时出错，因此显示上一次正确的数据。",
        "The dashboard and the static public pages are both behind the data files: a page raised with them, so they "
        "show the last good data.",
    ),
    "behind_unsteady": (
        "看板和公开静态页面都落后于数据文件：读取时文件仍在不断变化，因此显示上一次正确的数据。",
        "The dashboard and the static public pages are both behind the data files: the files kept changing while "
        "they were read, so they show the last good data.",
    ),
    "behind_held": (
        "看板和公开静态页面都暂未采用当前数据文件：与上一次正确的数据相比，它删去了 {total} 项中的 {dropped} 项"
        "（指标、目标、事项、文字表述的成果、名词、主题、报告）。这多半是文件只保存了一半：请检查后再保存一次。若确为有意删除，请确认采用。",
        "The dashboard and the static public pages hold back the current data files: compared with the last good data "
        "they drop {dropped} of {total} items (figures, targets, milestones, results in words, terms, themes, reports). This is most "
        "often a file saved only halfway: check it and save it again. If the removal is intended, confirm it.",
    ),
    "confirm_held": (
        "确认采用当前数据文件（删去 {dropped} 项）",
        "Confirm the current data files (they drop {dropped} items)",
    ),
    "frame_page": ("每页共用的页头", "the header every page shares"),
    "with_files": ("使用当前数据文件", "with the current data files"),
    "with_last_good": ("使用上一次正确的数据", "with the last good data"),
    "next_step": ("下一步：录入回顾{year}年的工作报告", "Next: enter the report on {year}"),
    "next_step_why": (
        "工作报告每年1月发布。回顾{year}年的报告应于{due}年1月发布，尚未录入；{year}年的 {n} 项目标和事项要等它录入后才有结果。",
        "The report comes each January. The report on {year} was due in January {due} and is not entered yet; the {n} "
        "targets and milestones of {year} get their outcomes from it.",
    ),
    "next_step_page": (
        "在编辑页面选择“新报告”，上传或粘贴报告的文本：草稿会为每个数值和每项结果提出条目，附上报告原文；逐项确认后保存。",
        "On the editing page, choose **New report** and upload or paste the report's text: the draft proposes every figure "
        "and every outcome, each beside the report's sentence; decide each, then save.",
    ),
    "next_step_link": ("打开编辑页面的“新报告”", "Open the editing page at New report"),
    "next_step_command": (
        "或者在服务器上，把报告文本放进 source/ 后运行（起草、审阅草稿、写入、检查）：",
        "Or on the server, with the report's text in source/, run (draft, review the draft, apply, check):",
    ),
    "next_step_later": (
        "之后还有 {years} 年的报告，请按年份先后录入。",
        "Due after it, to enter in order of year: the report on {years}.",
    ),
    "check_outcomes_help_due": (
        "这些结果来自回顾{year}年的报告：录入该报告（见上方“下一步”），草稿会为每一项提出结果。",
        "These outcomes come from the report on {year}: enter it (see Next, above) and its draft proposes each of them.",
    ),
    "check_outcomes_missing": ("结果未录入：{n} 项", "Outcomes not entered: {n}"),
    "check_outcomes_help": (
        "计划年度已结束。请在 {file} 对应位置为每项加上 outcome（下一年度报告的数值、报告编号和原文）。",
        "Their plan year is over. In {file}, add an outcome to each at the line shown (the following report's value, report id and quote).",
    ),
    "check_disagreements": ("报告之间数值不一致：{n} 处", "Figures the reports state differently: {n}"),
    "check_disagreements_help": (
        "较新的报告修订了较早报告的数值。看板显示较新的数值，两者均保留出处；这不是错误，请核对。",
        "A newer report revised an earlier report's figure. The dashboard shows the newer one and keeps both sources; this is not an error, but check it.",
    ),
    "check_uncurated": ("未收录的报告表述：{n} 条", "Report statements not curated: {n}"),
    "check_uncurated_help": (
        "每条请收录为指标、目标或事项（引用该原文），或在 {file} 中列出并写明理由。",
        "Curate each as a figure, target or milestone quoting it, or list it in {file} with a reason.",
    ),
    "check_uncurated_none": (
        "{reports}：每个数字和表述都已收录，或已在 {file} 中写明排除理由。",
        "{reports}: every number and statement is curated, or listed in {file} with a reason.",
    ),
    "check_stale": (
        "{n} 条排除已不需要（所排除的内容已收录，或已不在报告中）：请在 {file} 中删去。",
        "{n} exclusion(s) no longer needed (what they exclude is curated now, or not in the report): delete them from {file}.",
    ),
    "col_kind": ("类别", "Kind"),
    "kind_commitment": ("任务表述", "Commitment"),
    "kind_rank": ("名次", "Rank"),
    "kind_zero": ("零", "Zero"),
    "kind_words": ("文字表述的结果", "Result in words"),
    "kind_honour": ("荣誉或验收", "Honour or acceptance"),
    "kind_number": ("阿拉伯数字", "Arabic number"),
    "kind_stale": ("排除已不需要", "Exclusion no longer needed"),
    "section_front": ("报告开头", "Report opening"),
    "check_no_english": ("缺少英文名称的指标：{n} 项", "Figures without an English name: {n}"),
    "check_no_progress": ("尚无进展记录的进行中目标：{n} 项", "Targets of a running year with no progress entry: {n}"),
    "check_files": ("文件", "Files"),
    "shanghai_time": ("{time}（上海时间）", "{time} (Shanghai time)"),
    "check_counts": ("各主题数量", "Counts per theme"),
    "count_indicators": ("指标", "Figures"),
    "count_key": ("重点指标", "Key figures"),
    "check_processes": ("服务进程", "Server processes"),
    "processes_unsupervised": (
        "此处的进程不受监管（没有 supervisord：例如直接运行 streamlit run）。",
        "Processes are not supervised here (no supervisord: e.g. a plain streamlit run).",
    ),
    "processes_unreachable": (
        "无法读取进程状态（supervisord 未应答：{error}）。",
        "The processes' status cannot be read (supervisord did not answer: {error}).",
    ),
    "col_process": ("进程", "Process"),
    "col_state": ("状态", "Status"),
    "col_restarts": ("意外退出次数", "Unexpected exits"),
    "col_uptime": ("已运行", "Up for"),
    "col_started": ("启动于", "Started"),
    "publisher_pulse": (
        "发布进程：最近心跳 {at}，最近一次写入公开页面 {written}。",
        "Publisher: last heartbeat {at}, public pages last written {written}.",
    ),
    "publisher_stale": (
        "发布进程超过 {s} 秒没有心跳（最近心跳 {at}，最近一次写入 {written}）：公开页面可能没有更新。",
        "The publisher's heartbeat is older than {s} s (last {at}, last write {written}): the public pages may not be current.",
    ),
    # Staff sign-in (components/signin.py) and who is signed in (the data-check page)
    "signin_title": ("工作人员登录", "Staff sign-in"),
    "signin_name": ("姓名", "Name"),
    "signin_password": ("密码", "Password"),
    "signin_button": ("登录", "Sign in"),
    "signin_wrong": ("姓名或密码错误。", "Wrong name or password."),
    "signin_too_many": (
        "密码错误次数过多，请 {minutes} 分钟后再试。",
        "Too many wrong passwords: try again in {minutes} minute(s).",
    ),
    "signin_as": ("已登录：{name}", "Signed in as {name}"),
    "signin_continue": ("继续", "Continue"),
    "signin_other_lang": ("English", "中文"),
    "signin_foreign": ("请从本站的登录页登录。", "Please sign in from this site's own sign-in page."),
    "sign_out": ("退出登录", "Sign out"),
    "signed_out": ("已退出登录。", "You have signed out."),
    # The editing page (/edit), for staff. The English words are the ones the issue names and the tests use.
    "edit": ("编辑数据", "Edit"),
    "edit_intro": (
        "每项修改先对照全部数据检查，显示差异和受影响的公开页面，确认后再保存；每次保存记入修改历史，可以撤销。",
        "Every change is checked against the whole data, shown as a diff and as the public pages it changes, and saved "
        "only when you confirm; every save is recorded in the history and can be undone.",
    ),
    "edit_sign_in": (
        "保存修改需要登录（每项修改都记录作者）。",
        "Saving needs you to sign in (every change records its author).",
    ),
    "edit_sign_in_link": ("登录", "Sign in"),
    "edit_no_deploy": (
        "此服务器没有登录服务（直接运行的 Streamlit）：可以查看和检查，不能保存。请用 bash scripts/run 运行。",
        "This server has no sign-in (Streamlit run on its own): you can look and check, not save. Run it with bash scripts/run.",
    ),
    "edit_part": ("要做什么", "What to do"),
    "part_progress": ("添加进展", "Add progress"),
    "part_outcome": ("记录结果", "Record outcome"),
    "part_figure": ("更正指标", "Correct a figure"),
    "part_term": ("名词解释", "Glossary term"),
    "part_report": ("新报告", "New report"),
    "part_file": ("编辑文件", "Edit a file"),
    "part_history": ("修改历史", "History"),
    "field_year": ("计划年度", "Plan year"),
    "field_target": ("目标或事项", "Target"),
    "field_date": ("日期", "Date"),
    "field_value": ("数值", "Value"),
    "field_status": ("状态", "Status"),
    "field_note_zh": ("说明（中文）", "Note (Chinese)"),
    "field_note_en": ("说明（英文）", "Note (English)"),
    "field_qualifier": ("限定词", "Qualifier"),
    "field_outcome_kind": ("下一份报告怎么说", "What the next report says"),
    "outcome_stated": ("报告写明了结果", "The report states the result"),
    "outcome_silent": ("报告未提及", "The report does not mention it"),
    "field_report": ("报告", "Report"),
    "field_section": ("章节（如 第一部分 一(二)）", "Section (e.g. 第一部分 一(二))"),
    "field_quote": ("原文（逐字）", "Quote (verbatim)"),
    "field_figure": ("指标", "Figure"),
    "field_period": ("期间（报告）", "Period (report)"),
    "field_term_mode": ("新增还是更正", "Add or correct"),
    "term_correct": ("更正已有名词", "Correct a term"),
    "term_add": ("新增名词", "Add a term"),
    "field_term": ("名词", "Term"),
    "field_term_id": ("编号（英文小写，如 peace_house）", "Id (lowercase, e.g. peace_house)"),
    "field_term_zh": ("名词（中文）", "Term (Chinese)"),
    "field_term_en": ("名词（英文）", "Term (English)"),
    "field_definition_zh": ("解释（中文，逐字）", "Definition (Chinese, verbatim)"),
    "field_definition_en": ("解释（英文）", "Definition (English)"),
    "field_forms": ("正文中的写法（每行一个）", "Forms in the text (one a line)"),
    "field_file": ("文件", "File"),
    "field_text": ("文件内容", "File text"),
    "field_from_line": ("从第几行", "From line"),
    "field_lines": ("显示行数", "Lines shown"),
    "lines_all": ("全部 {n} 行", "All {n} lines"),
    "edit_show_line": ("查看第 {line} 行", "Show line {line}"),
    "qualifier_exact": ("准确", "exact"),
    "button_check": ("检查", "Check"),
    "button_save": ("保存", "Save"),
    "button_undo": ("撤销", "Undo"),
    "button_discard": ("放弃修改", "Discard changes"),
    "edit_sentence": ("报告原文（{report}，{section}）", "The report's sentence ({report}, {section})"),
    "edit_so_far": ("已有记录", "So far"),
    "edit_none_so_far": ("尚无进展记录。", "No progress entry yet."),
    "edit_public_now": ("公开页面现在显示：{status}", "The public page shows now: {status}"),
    "edit_open_public": ("打开公开页面", "Open the public page"),
    "edit_kept": ("已恢复你上次未保存的输入。", "Your unsaved input from last time is back."),
    "edit_nothing_open": ("没有需要填写的项目。", "Nothing to fill in here."),
    "edit_errors": ("未保存：{n} 个问题（已保留你的输入）", "Not saved: {n} problem(s) (what you typed is kept)"),
    "edit_problem_pages": ("这项修改会使 {n} 个公开页面出错：", "This change would break {n} public page(s):"),
    "edit_passed": (
        "检查通过（{seconds:.1f} 秒）：没有错误，每个公开页面都能显示。请核对差异和预览，再保存。",
        "Check passed ({seconds:.1f} s): no error, every public page renders. Read the diff and the preview, then save.",
    ),
    "edit_no_change": (
        "这项修改与现有数据相同，没有可保存的内容。",
        "This is what the data says already: nothing to save.",
    ),
    "edit_diff": ("差异", "Diff"),
    "edit_preview": ("预览：受影响的公开页面（{n} 个）", "Preview: the public pages it changes ({n})"),
    "edit_preview_page": ("页面", "Page"),
    "edit_preview_none": ("没有公开页面改变。", "No public page changes."),
    "edit_stale": ("输入已改动：请重新检查。", "The input changed since the check: check again."),
    "edit_saved": ("已保存为修改 {commit}（{summary}）。", "Saved as change {commit} ({summary})."),
    "edit_saved_remade": (
        "保存前已有他人修改了同一文件；你的修改已在其基础上重新生成并检查。",
        "Someone else saved the same file first; your change was made again on top of theirs and checked.",
    ),
    "edit_live_wait": ("正在更新公开页面……", "Updating the public pages…"),
    "edit_live": ("公开页面已更新（{at}）。", "The public pages show it (since {at})."),
    "edit_live_none": (
        "此服务器没有生成静态公开页面；互动页面已显示此修改。",
        "This server writes no static public pages; the interactive pages show the change now.",
    ),
    "edit_live_slow": (
        "公开页面尚未更新：请在数据检查页查看原因。",
        "The public pages have not been rewritten yet: see why on the data-check page.",
    ),
    "edit_conflict": (
        "未保存：开始修改后，{files} 已被他人修改，且与你的修改重叠。下面是对方的修改；请在最新内容上重做。",
        "Not saved: since you started, {files} changed where your change does too. Here is what changed; make your "
        "change again on the newest text.",
    ),
    "edit_signed_out": (
        "未保存：登录已失效（已退出或过期）。请重新登录；你的输入已保留。",
        "Not saved: your sign-in has ended (signed out or expired). Sign in again; what you typed is kept.",
    ),
    "edit_files_invalid": (
        "数据文件现在有错误（公开页面仍显示上一次正确的数据）：请在“编辑文件”中修正。",
        "The data files have errors now (the public pages show the last good data): fix them under “Edit a file”.",
    ),
    "edit_error_at": ("第 {line} 行", "Line {line}"),
    "report_upload": ("上传报告文本（UTF-8 编码的 .txt 文件）", "Upload the report's text (a UTF-8 .txt file)"),
    "report_paste": ("或粘贴报告全文", "Or paste the report's whole text"),
    "report_file_name": ("保存为（source/ 下的文件名）", "Save as (a file name under source/)"),
    "report_id": ("报告编号（如 report_2024）", "Report id (e.g. report_2024)"),
    "button_draft": ("起草", "Draft"),
    "report_drafting": ("正在起草（与 python -m kpi draft 相同）……", "Drafting (as python -m kpi draft does)…"),
    "report_progress": (
        "已决定 {decided}/{total} 项；还有 {marks} 处核对标记",
        "{decided} of {total} decided; {marks} review mark(s) left",
    ),
    "report_show": ("显示", "Show"),
    "report_show_todo": ("未决定", "Undecided"),
    "report_show_marks": ("有核对标记", "With review marks"),
    "report_show_all": ("全部", "All"),
    "report_col_section": ("部分", "Section"),
    "report_col_item": ("条目", "Item"),
    "report_col_name": ("名称", "Name"),
    "report_col_marks": ("核对标记", "Marks"),
    "report_col_decision": ("决定", "Decision"),
    "report_entry": ("要决定的条目", "Entry to decide"),
    "report_lines": (
        "草稿中的内容（可直接修改，# 后是起草时的说明）",
        "Its lines in the draft (change them here; after # are the draft's notes)",
    ),
    "report_marks_left": (
        "此条还有 {n} 处核对标记，接受前请处理：",
        "{n} review mark(s) left here, to deal with before accepting:",
    ),
    "button_accept": ("接受", "Accept"),
    "button_change": ("按修改接受", "Change"),
    "button_reopen": ("重新决定", "Reopen"),
    "button_exclude": ("排除", "Exclude"),
    "field_reason": ("排除理由", "Reason"),
    "decision_undecided": ("未决定", "undecided"),
    "decision_accepted": ("已接受", "accepted"),
    "decision_changed": ("已修改", "changed"),
    "decision_excluded": ("已排除", "excluded"),
    "report_apply": ("每项都决定后：检查并写入数据", "Once every entry is decided: check and apply"),
    "report_discard": ("放弃这份草稿", "Discard this draft"),
    "history_when": ("时间", "When"),
    "history_who": ("作者", "Who"),
    "history_what": ("修改", "What"),
    "history_files": ("文件", "Files"),
    "history_choose": ("查看或撤销", "Show or undo"),
    "history_empty": ("还没有修改记录。", "No change recorded yet."),
    "history_undo_help": (
        "撤销也是一项修改：先检查、预览，再保存并记入历史。",
        "An undo is a change like any other: checked, previewed, then saved and recorded.",
    ),
    "history_server": ("服务器", "server"),
    # Command line (python -m kpi)
    "cli_valid": (
        "数据有效：{reports} 份报告（{report_ids}），{figure_count} 项指标（{themes}），{targets} 个数值目标，"
        "{milestones} 个事项，{results} 项文字表述的成果，{programmes} 个多年项目，{terms} 个名词。",
        "Data valid: {reports} report(s) ({report_ids}), {figure_count} figures ({themes}), {targets} targets, "
        "{milestones} milestones, {results} results in words, {programmes} programmes, {terms} glossary terms.",
    ),
    "cli_errors": ("共 {n} 个错误。", "{n} error(s)."),
    "cli_internal_error": ("内部错误：{error}", "internal error: {error}"),
    "draft_data_errors": (
        "数据有错误：请先修正（python -m kpi validate）再起草。",
        "The data has errors: fix them (python -m kpi validate) before drafting.",
    ),
    "draft_no_data_dir": ("数据目录不存在：{directory}", "data directory not found: {directory}"),
    "draft_no_report_file": ("{path}: 找不到报告文件", "{path}: report file not found"),
    "draft_unreadable": ("{path}: 无法读取（{reason}）", "{path}: cannot be read ({reason})"),
    "draft_unwritable": ("{path}: 无法写入（{reason}）", "{path}: cannot be written ({reason})"),
    "draft_no_review_heading": (
        "找不到“第一部分 YYYY年工作回顾”标题，无法确定回顾年份",
        "no heading like 第一部分 2024年工作回顾: cannot tell which year the report reviews",
    ),
    "draft_copy_report": (
        "请把报告文本复制为数据目录下的 {file}。",
        "Copy the report's text to {file} in the data directory.",
    ),
    "draft_written": ("草稿已写入 {path}。", "Draft written to {path}. "),
    "draft_summary": (
        "找到 {numbers} 个数字：结果 {results} 个（匹配已有指标 {values}，新指标 {new_figures}）；"
        "目标 {targets} 个（延续上年目标 {continued}，新目标 {new_targets}）；"
        "{year}年未录入结果的目标与事项 {open} 项：有数字 {outcomes}，报告提到的事项 {named}（完成 {done}，未完成 {not_done}，"
        "待定 {decide}），提到但没有数字的目标 {named_targets}，报告未提及 {silent}；"
        "延续的事项 {milestones} 个，新名词 {terms} 个；数据中已有 {already} 个；跳过 {skipped} 个（{reasons}）；"
        "低置信度 {low} 个，请先核对。",
        "Found {numbers} numbers: {results} results ({values} matched to kept figures, {new_figures} new); "
        "{targets} targets ({continued} continuing last year's, {new_targets} new); "
        "{open} open targets and milestones of {year}: {outcomes} closed by a figure, {named} milestones named by the report "
        "({done} done, {not_done} not done, {decide} to decide), {named_targets} targets named without a figure, "
        "{silent} not mentioned in the report; {milestones} milestones continued, {terms} new terms; {already} already in the data; "
        "{skipped} skipped ({reasons}); {low} low-confidence matches to check first.",
    ),
    "apply_done": ("{report}：{parts}。已写入 {files}。", "{report}: {parts}. Written to {files}."),
    "apply_report_only": ("仅报告条目", "the report's entry only"),
    "apply_separator": ("，", ", "),
    "apply_values": ("{values}（{figures}）", "{values} into {figures}"),
    "apply_n_values": ("{n} 个数值", "{n} values"),
    "apply_n_values_one": ("1 个数值", "1 value"),
    "apply_n_figures": ("{n} 项指标", "{n} figures"),
    "apply_n_figures_one": ("1 项指标", "1 figure"),
    "apply_n_new_indicators": ("{n} 项新指标", "{n} new figures"),
    "apply_n_new_indicators_one": ("1 项新指标", "1 new figure"),
    "apply_n_outcomes": ("{n} 个结果", "{n} outcomes"),
    "apply_n_outcomes_one": ("1 个结果", "1 outcome"),
    "apply_n_targets": ("{n} 个目标", "{n} targets"),
    "apply_n_targets_one": ("1 个目标", "1 target"),
    "apply_n_milestones": ("{n} 个事项", "{n} milestones"),
    "apply_n_milestones_one": ("1 个事项", "1 milestone"),
    "apply_n_terms": ("{n} 个名词", "{n} glossary terms"),
    "apply_n_terms_one": ("1 个名词", "1 glossary term"),
    "apply_marks": (
        "草稿中还有 {n} 处核对标记（null、待译 to translate:、编号中的 TODO、待定 to decide:）：处理完再运行；未作任何改动。",
        "The draft still holds {n} review mark(s) (null, 待译 to translate:, TODO in an id, 待定 to decide:): deal with them first; "
        "nothing was changed.",
    ),
    "apply_refused": ("草稿有 {n} 处问题，未作任何改动。", "{n} problem(s) with the draft; nothing was changed."),
    "apply_changed_meanwhile": (
        "写入前数据文件已被修改（编辑页保存或他人修改）；未作任何改动，请重新运行 apply。",
        "The data files changed while the draft was being put in (a save on the editing page, or "
        "someone else); nothing was changed: run apply again.",
    ),
    "apply_already": (
        "草稿的全部内容数据中已有（已经写入过？），未作任何改动。",
        "Everything in this draft is already in the data (applied before?); nothing was changed.",
    ),
    "apply_invalid": (
        "写入后的数据不能通过检查（{n} 个错误，已按来源标出草稿或数据文件的行），未作任何改动。",
        "The data would not be valid with this draft ({n} error(s), each at the line of the draft or data file "
        "it comes from); nothing was changed.",
    ),
    "apply_data_errors": (
        "数据本身有 {n} 个错误：请先修正（python -m kpi validate）再写入草稿；未作任何改动。",
        "The data itself has {n} error(s): fix them (python -m kpi validate) before applying a draft; "
        "nothing was changed.",
    ),
    "staff_password_short": (
        "密码至少需要 {n} 个字符；未作任何改动。",
        "A password needs at least {n} characters; nothing was changed.",
    ),
    "staff_password_unusable": (
        "密码不能包含换行，也不能超过 {n} 个字符；未作任何改动。",
        "A password cannot hold a line break or be longer than {n} characters; nothing was changed.",
    ),
    "staff_bad_name": (
        "姓名不可用：{name}（1–40 个字符：字母、数字、汉字、“.”、“_”、“-”、“·”，以字母、数字或汉字开头）",
        "unusable name: {name} (1–40 characters: letters, digits, Chinese characters, '.', '_', '-', '·', "
        "starting with a letter, a digit or a Chinese character)",
    ),
    "staff_prompt": ("{name} 的新密码：", "New password for {name}: "),
    "staff_prompt_again": ("再输入一次：", "Once more: "),
    "staff_mismatch": ("两次输入的密码不一致；未作任何改动。", "The two passwords differ; nothing was changed."),
    "staff_no_password": ("标准输入中没有密码；未作任何改动。", "No password on standard input; nothing was changed."),
    "staff_added": ("已添加 {name}（{file}）。", "Added {name} to {file}."),
    "staff_reset": (
        "已重设 {name} 的密码（{file}）；其已有的登录全部失效。",
        "Reset the password of {name} in {file}; their open sessions have ended.",
    ),
    "staff_removed": (
        "已删除 {name}（{file}）；其已有的登录全部失效。",
        "Removed {name} from {file}; their open sessions have ended.",
    ),
    "staff_not_found": ("{file} 中没有 {name}；未作任何改动。", "{name} is not in {file}; nothing was changed."),
    "staff_no_file": ("{file}: 找不到密码文件", "{file}: password file not found"),
    "staff_bad_line": (
        "{file}:{line}: 无法读取的行（应为 姓名:$scrypt$…），无人能以此行登录",
        "{file}:{line}: unreadable line (expected NAME:$scrypt$…); nobody signs in with it",
    ),
    "staff_none": (
        "{file} 中还没有工作人员（python -m kpi staff add 姓名 {file}）。",
        "No staff in {file} yet (python -m kpi staff add NAME {file}).",
    ),
    "apply_empty": (
        "草稿中没有可写入的条目；未作任何改动。",
        "The draft has no entries to apply; nothing was changed.",
    ),
    # The history's own commits (kpi/edit/history.py): both languages in the message, as the History view lists it
    "history_begins": ("历史开始：数据文件原样记录", "history begins: the data files as they were"),
    "history_outside": (
        "服务器上的改动（手工编辑或 kpi apply）：{files}",
        "changed on the server (by hand or kpi apply): {files}",
    ),
    # python -m kpi history / undo (kpi/edit/command.py)
    "history_entry": (
        "{commit}  {when}  {author}：{summary}（{files}）",
        "{commit}  {when}  {author}: {summary} ({files})",
    ),
    "history_unknown_commit": (
        "历史中没有提交 {commit}（见 python -m kpi history）。",
        "The history has no commit {commit} (see python -m kpi history).",
    ),
    "history_unrecorded": (
        "服务器上的改动尚未记入历史（{files}）：数据不能通过检查，请先修正（python -m kpi validate）。",
        "Changes on the server are not in the history yet ({files}): the data does not pass the check; "
        "fix it first (python -m kpi validate).",
    ),
    "undo_done": ("已撤销 {undone}：新提交 {commit}（{files}）。", "Undid {undone}: new commit {commit} ({files})."),
    "undo_nothing": (
        "提交 {undone} 的改动已不在数据中，无需撤销；未作任何改动。",
        "The changes of {undone} are no longer in the data: nothing to undo; nothing was changed.",
    ),
    "undo_refused": (
        "撤销后的数据不能通过检查（{n} 个错误），未作任何改动。",
        "The data would not be valid after the undo ({n} error(s)); nothing was changed.",
    ),
    "undo_conflict": (
        "{undone} 之后的改动与它改了相同的行（{files}），无法自动撤销；未作任何改动。之后的改动：",
        "Later changes touch the same lines as {undone} ({files}), so it cannot be undone by itself; nothing "
        "was changed. The later changes:",
    ),
    # The editing page's New report (kpi/draft/review.py)
    "new_report_refused": ("{n} 处问题，未作任何改动。", "{n} problem(s); nothing was changed."),
    "new_report_marks": (
        "这一项还有 {n} 处核对标记（null、待译 to translate:、编号中的 TODO、待定 to decide:）：处理完再确认。",
        "This entry still holds {n} review mark(s) (null, 待译 to translate:, TODO in an id, 待定 to decide:): "
        "deal with them first.",
    ),
    "new_report_n_exclusions": ("{n} 条排除", "{n} exclusions"),
    "new_report_n_exclusions_one": ("1 条排除", "1 exclusion"),
}


class CatalogueError(Exception):
    """A problem said with a message of this catalogue and its values, shown in the reader's language when caught (the
    exception's own text is the English one, for logs)."""

    def __init__(self, key: str, **params: object):
        super().__init__(t(key, "en", **params))
        self.key, self.params = key, params

    def text(self, lang: str) -> str:
        """The message in the chosen language."""
        return t(self.key, lang, **self.params)


def counted(key: str, lang: str, n: int, **params: object) -> str:
    """A catalogue string about `n` things: its `_one` form when there is one thing and the catalogue has it."""
    return t(f"{key}_one" if n == 1 and f"{key}_one" in TEXTS else key, lang, n=n, **params)


def text(value: Text | tuple[str, str], lang: str) -> str:
    """A bilingual string (a Text from the data, or a (zh, en) pair) in the reader's language."""
    zh, en = value if isinstance(value, tuple) else (value.zh, value.en)
    return en if lang == "en" else zh


def t(key: str, lang: str, **params: object) -> str:
    """The catalogue string `key` in the reader's language, with {placeholders} filled."""
    return text(TEXTS[key], lang).format(**params)


def status_words(status: str, lang: str, year: int | str = "", overridden: bool = False) -> str:
    """ "↗ 进度正常": symbol and words, as tables and the command line show a status."""
    words = text(BY_ID[status].words, lang).format(year=year)
    return f"{BY_ID[status].symbol} {words}" + (t("overridden", lang) if overridden else "")
