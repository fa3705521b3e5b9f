"""The whole data as files at /data/: every table as CSV (UTF-8 with a BOM) and JSON, described by datapackage.json (a
Frictionless data package), all of it as one ZIP, and a page that lists them in both languages.

Why: a reader who wants more than one page — a journalist, a researcher, the district's own office — takes the whole
data in one download and opens it in Excel or any tool that reads a data package, which checks the types and the keys
from the description. The publisher writes these files with the site (components/publish.py), from the same data and
on the same day as the pages, so the files never say other than the pages. Field names are stable English ids (a
script that reads them keeps working); every name, unit and word is there in Chinese and English; the report's
sentence is verbatim. Statuses are judged on the day the site is written, and the package says which day.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from components.views.commitments import assessments
from components.views.document import FAVICON, asset
from components.views.html import Markup, html, join
from components.views.spreadsheet import csv_bytes
from components.views.style import stylesheet
from kpi.data.dataset import Dataset
from kpi.data.model import Milestone, Target
from kpi.format import base_amount, base_unit
from kpi.report.numbers import plain
from kpi.texts import LANGS, t
from kpi.texts import status_words as words_of

FOLDER = "data"
PACKAGE, INDEX, ZIP = "datapackage.json", "index.html", "dongming-data.zip"
Row = dict[str, object]


@dataclass(frozen=True)
class Table:
    """One table of the package: its name, the catalogue key of its title, its fields (name, type, title), its key, the
    tables its fields point to, and its rows."""

    name: str
    title: str  # a kpi/texts.py key: the description in both languages
    fields: tuple[tuple[str, str, str], ...]
    key: tuple[str, ...]
    references: tuple[tuple[str, str, str], ...]  # (field, table, its field)
    rows: Callable[[Dataset, date], list[Row]]


def _reports(dataset: Dataset, today: date) -> list[Row]:
    return [
        {
            "id": r.id,
            "title_zh": r.title.zh,
            "title_en": r.title.en,
            "publisher_zh": r.publisher.zh,
            "publisher_en": r.publisher.en,
            "published": r.published.isoformat(),
            "url": r.url,
            "reviews": r.reviews,
            "plans": r.plans,
        }
        for r in dataset.content.reports
    ]


def _figures(dataset: Dataset, today: date) -> list[Row]:
    """Every statement of every figure: each period as each report states it (a restated figure has one row a report)."""
    rows = []
    for i in dataset.content.indicators:
        for v in i.values:
            rows.append(
                {
                    "id": i.id,
                    "theme": i.theme,
                    "name_zh": i.name.zh,
                    "name_en": i.name.en,
                    "period": v.period,
                    "value": v.value,
                    "unit_zh": i.unit.zh,
                    "base_value": float(base_amount(v.value, i.unit)),
                    "base_unit_zh": base_unit(i.unit, "zh"),
                    "base_unit_en": base_unit(i.unit, "en"),
                    "qualifier": v.qualifier,
                    "direction": i.direction,
                    "key": i.key,
                    "report": v.source.report,
                    "section": v.source.section,
                    "quote": v.source.quote,
                }
            )
    return rows


def _commitments(dataset: Dataset, today: date) -> list[Row]:
    """Every target and milestone of every plan year, with its status as judged on the day the files are written."""
    assessed = assessments(dataset, today)
    rows: list[Row] = []
    items: list[Target | Milestone] = [*dataset.content.targets, *dataset.content.milestones]
    for item in items:
        a, year, target = assessed[item.id], dataset.plan_year(item), item if isinstance(item, Target) else None
        overridden = a.override_reason is not None
        rows.append(
            {
                "id": item.id,
                "kind": "milestone" if target is None else "target",
                "plan_year": year,
                "theme": item.theme,
                "name_zh": item.name.zh,
                "name_en": item.name.en,
                "comparison": None if target is None else target.comparison,
                "value": None if target is None else target.value,
                "qualifier": None if target is None else target.qualifier,
                "unit_zh": None if target is None else target.unit.zh,
                "unit_en": None if target is None else target.unit.en,
                "baseline": None if target is None else target.baseline,
                "status": a.status,
                "status_zh": words_of(a.status, "zh", year, overridden),
                "status_en": words_of(a.status, "en", year, overridden),
                "judged_on": today.isoformat(),
                "report": item.source.report,
                "section": item.source.section,
                "quote": item.source.quote,
            }
        )
    return rows


def _terms(dataset: Dataset, today: date) -> list[Row]:
    return [
        {
            "id": x.id,
            "term_zh": x.term.zh,
            "term_en": x.term.en,
            "definition_zh": x.definition.zh,
            "definition_en": x.definition.en,
            "forms": "、".join(x.forms),
        }
        for x in dataset.glossary.terms
    ]


def _both(zh: str, en: str) -> str:
    return f"{zh} / {en}"


STR, NUM, INT, DATE, BOOL = "string", "number", "integer", "date", "boolean"
TABLES = (
    Table(
        "reports",
        "res_reports",
        (
            ("id", STR, _both("编号", "Id")),
            ("title_zh", STR, _both("名称（中文）", "Title (Chinese)")),
            ("title_en", STR, _both("名称（英文）", "Title (English)")),
            ("publisher_zh", STR, _both("发布机构（中文）", "Publisher (Chinese)")),
            ("publisher_en", STR, _both("发布机构（英文）", "Publisher (English)")),
            ("published", DATE, _both("发布日期", "Published")),
            ("url", STR, _both("网址", "Address")),
            ("reviews", INT, _both("回顾的年份", "The year it reviews")),
            ("plans", INT, _both("部署任务的年份", "The year it plans")),
        ),
        ("id",),
        (),
        _reports,
    ),
    Table(
        "figures",
        "res_figures",
        (
            ("id", STR, _both("编号", "Id")),
            ("theme", STR, _both("主题", "Theme")),
            ("name_zh", STR, _both("指标（中文）", "Figure (Chinese)")),
            ("name_en", STR, _both("指标（英文）", "Figure (English)")),
            (
                "period",
                STR,
                _both(
                    "期间：一年（YYYY），或起止月份（YYYY-MM..YYYY-MM）",
                    "Period: a year (YYYY) or a span of months (YYYY-MM..YYYY-MM)",
                ),
            ),
            ("value", NUM, _both("数值（报告原单位）", "Value, in the report's unit")),
            ("unit_zh", STR, _both("报告原单位", "The report's unit")),
            ("base_value", NUM, _both("数值（基本单位）", "Value, in the base unit")),
            ("base_unit_zh", STR, _both("基本单位（中文）", "Base unit (Chinese)")),
            ("base_unit_en", STR, _both("基本单位（英文）", "Base unit (English)")),
            ("qualifier", STR, _both("限定词：exact、more_than 余、nearly 近、about 约、over 超", "Qualifier")),
            ("direction", STR, _both("期望方向：higher、lower、none", "Desired direction")),
            ("key", BOOL, _both("重点指标", "Key figure")),
            ("report", STR, _both("报告编号", "Report id")),
            ("section", STR, _both("章节", "Section")),
            ("quote", STR, _both("报告原文", "The report's sentence, verbatim")),
        ),
        ("id", "period", "report"),
        (("report", "reports", "id"),),
        _figures,
    ),
    Table(
        "commitments",
        "res_commitments",
        (
            ("id", STR, _both("编号", "Id")),
            ("kind", STR, _both("类别：target 目标、milestone 事项", "Kind: target or milestone")),
            ("plan_year", INT, _both("计划年度", "Plan year")),
            ("theme", STR, _both("主题", "Theme")),
            ("name_zh", STR, _both("名称（中文）", "Name (Chinese)")),
            ("name_en", STR, _both("名称（英文）", "Name (English)")),
            ("comparison", STR, _both("比较：at_least 不少于、at_most 不超过、exactly 等于", "Comparison")),
            ("value", NUM, _both("目标值", "Target value")),
            ("qualifier", STR, _both("限定词", "Qualifier")),
            ("unit_zh", STR, _both("单位（中文）", "Unit (Chinese)")),
            ("unit_en", STR, _both("单位（英文）", "Unit (English)")),
            ("baseline", STR, _both("上年实绩的指标编号", "Id of the figure of the year before")),
            ("status", STR, _both("状态", "Status")),
            ("status_zh", STR, _both("状态（中文）", "Status (Chinese)")),
            ("status_en", STR, _both("状态（英文）", "Status (English)")),
            ("judged_on", DATE, _both("状态判定日期", "Status judged on")),
            ("report", STR, _both("报告编号", "Report id")),
            ("section", STR, _both("章节", "Section")),
            ("quote", STR, _both("报告原文", "The report's sentence, verbatim")),
        ),
        ("id",),
        (("report", "reports", "id"),),
        _commitments,
    ),
    Table(
        "terms",
        "res_terms",
        (
            ("id", STR, _both("编号", "Id")),
            ("term_zh", STR, _both("名词（中文）", "Term (Chinese)")),
            ("term_en", STR, _both("名词（英文）", "Term (English)")),
            ("definition_zh", STR, _both("解释（报告原文）", "Definition (the report's words)")),
            ("definition_en", STR, _both("解释（英文）", "Definition (English)")),
            ("forms", STR, _both("正文中的写法（以、分隔）", "Forms in the text (separated by 、)")),
        ),
        ("id",),
        (),
        _terms,
    ),
)


def _cell(value: object) -> object:
    """A CSV cell: a number as the report prints it, true/false, nothing for no value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return plain(value) if isinstance(value, float) else value


def _descriptor(table: Table, form: str) -> dict:
    """A resource of the package: the table as CSV or as JSON, with its schema."""
    schema: dict = {
        "fields": [{"name": name, "type": kind, "title": title} for name, kind, title in table.fields],
        "primaryKey": list(table.key),
    }
    if table.references:
        schema["foreignKeys"] = [
            {"fields": field, "reference": {"resource": f"{other}-csv", "fields": their}}
            for field, other, their in table.references
        ]
    csv_form = form == "csv"
    return {
        "name": f"{table.name}-{form}",
        "path": f"{table.name}.{form}",
        "title": _both(t(table.title, "zh"), t(table.title, "en")),
        "type": "table",  # a JSON file is a table too (read row by row, checked against the schema)
        "format": form,
        "mediatype": "text/csv" if csv_form else "application/json",
        "encoding": "utf-8-sig" if csv_form else "utf-8",
        "schema": schema,
    }


def package(dataset: Dataset, today: date, base: str) -> dict:
    """datapackage.json: what each file holds, its fields and keys, where the figures come from."""
    return {
        "name": "dongming-road-subdistrict-dashboard",
        "title": _both(t("app_title", "zh"), t("app_title", "en")),
        "description": _both(
            t("data_intro", "zh", date=today.isoformat()), t("data_intro", "en", date=today.isoformat())
        ),
        **({"homepage": f"{base.rstrip('/')}/"} if base else {}),
        "sources": [{"title": _both(r.title.zh, r.title.en), "path": r.url} for r in dataset.content.reports],
        "resources": [_descriptor(table, form) for table in TABLES for form in ("csv", "json")],
    }


def data_files(
    dataset: Dataset, today: date, base: str = "", assets: Mapping[str, str] | None = None
) -> Iterator[tuple[str, str | bytes]]:
    """(name under the site, content) of every file of /data/: the tables, the package, the ZIP of them, the index
    (`assets`: the names the publisher writes the icon under)."""
    files: dict[str, bytes] = {}
    for table in TABLES:
        rows = table.rows(dataset, today)
        names = [name for name, _, _ in table.fields]
        files[f"{table.name}.csv"] = csv_bytes(names, ([_cell(row[n]) for n in names] for row in rows))
        files[f"{table.name}.json"] = json.dumps(rows, ensure_ascii=False, indent=1).encode("utf-8")
    files[PACKAGE] = json.dumps(package(dataset, today, base), ensure_ascii=False, indent=1).encode("utf-8")
    files[ZIP] = _zipped(files, today)
    for name, content in files.items():
        yield f"{FOLDER}/{name}", content
    yield f"{FOLDER}/{INDEX}", index_page(files, today, assets)  # a page, as text like every page


def _zipped(files: dict[str, bytes], today: date) -> bytes:
    """Every file in one ZIP, dated the day it was written (the same data gives the same bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            info = zipfile.ZipInfo(f"dongming-data/{name}", (today.year, today.month, today.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED  # a ZipInfo stores uncompressed unless told
            archive.writestr(info, content)
    return out.getvalue()


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} B"


def index_page(files: dict[str, bytes], today: date, assets: Mapping[str, str] | None = None) -> str:
    """/data/: each file with its description and size, in Chinese and in English on the same page."""

    def listing(lang: str) -> Markup:
        items = [
            html(
                '<li>{}{}<a href="{}" download>CSV</a> ({}) · <a href="{}" download>JSON</a> ({})</li>',
                t(table.title, lang),
                "：" if lang == "zh" else ": ",
                f"{table.name}.csv",
                _size(len(files[f"{table.name}.csv"])),
                f"{table.name}.json",
                _size(len(files[f"{table.name}.json"])),
            )
            for table in TABLES
        ]
        items.append(
            html('<li><a href="{}" download>{}</a> ({})</li>', ZIP, t("data_all", lang), _size(len(files[ZIP])))
        )
        items.append(html('<li><a href="{}">{}</a></li>', PACKAGE, t("data_package", lang)))
        return html(
            '<section lang="{}"><h2>{}</h2><p>{}</p><ul>{}</ul></section>',
            "zh-CN" if lang == "zh" else "en",
            t("data_title", lang),
            t("data_intro", lang, date=today.isoformat()),
            join(items),
        )

    back = [html('<a href="../{}">{}</a>', "" if lang == "zh" else "?lang=en", t("app_title", lang)) for lang in LANGS]
    return str(
        html(
            '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1"><title>{}</title>'
            '<link rel="icon" type="image/png" href="../{}"><style>{}</style></head>'
            '<body class="kb-site"><main class="kb"><h1>{}</h1>{}{}<p class="kb-src">{}</p></main></body></html>',
            _both(t("data_title", "zh"), t("data_title", "en")),
            asset(FAVICON, assets),
            Markup(stylesheet()),
            _both(t("data_title", "zh"), t("data_title", "en")),
            listing("zh"),
            listing("en"),
            join(back, " · "),
        )
    )
