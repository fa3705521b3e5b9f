"""kpi/report/statements.py: what the completeness check finds in a report, and when the data accounts for it."""

from __future__ import annotations

import pytest

from kpi.data.model import ExclusionsFile, IndicatorsFile
from kpi.report.statements import check_report, find_statements, result_kind

TEXT = """示例报告
第一部分 2023年工作回顾
一、经济发展
(二)经济发展稳中有进。截至2023年11月,引进企业139家,“两免提交”利用率列全区第一,圆满完成商会换届。凌五等9个小区基本完成。
(三)平安建设。确保新增违建“零增长”,获评十佳案例,3家养老机构入住率大幅提升。
第二部分 2024年主要任务
一、坚持人民城市理念,推动区域高质量发展
(一)跑出城市更新加速度。新建49座社区平安屋,启动凌兆片区社区生活服务综合体建设,坚持党建引领。打造菜场美术馆、美术新空间。
《示例报告》名词解释
1. 平安屋:社区治安值守点。
"""


@pytest.mark.parametrize(
    ("clause", "kind"),
    [
        ("“两免提交”利用率、单窗受理量均列全区第一", "rank"),
        ("受理居民区远程帮办业务1.02万件,排名全区前三", "rank"),
        ("确保新增违建“零增长”", "zero"),
        ("继续保持“零有效差评”", "zero"),
        ("未发生行政复议驳回、诉讼败诉情况", "zero"),
        ("棕榈苑等6个小区实现“零的突破”", None),  # "a first", not a zero
        ("一百零五人", None),  # 零 inside a numeral
        ("圆满完成商会换届", "words"),
        ("全社会固定资产投资超额完成年度目标", "words"),
        ("年内条件成熟的小区全部完成业委会组建换届工作", "words"),
        ("第二轮30个住宅小区雨污混接改造工程顺利收官", "words"),
        ("持续构建立体式、全覆盖“蓝绿交织”生态网", "words"),
        ("助餐能力显著提升", "words"),
        ("均取得大幅增长", "words"),
        # Honours received and acceptances passed are results in words the data keeps or excludes.
        ("获评第五届中国(上海)社会治理创新实践十佳案例", "honour"),
        ("三林苑入选全国完整社区建设试点", "honour"),
        ("世博家园养老院成功创建全国医养结合示范机构", "honour"),
        ("通过“智慧养老院”建设项目验收", "honour"),
        # Other deeds say what was done, not how much: their counts are numbers.
        ("成功举办第三届“花开东明 缤纷社区”花园节", None),
        ("完成平安屋建设13座", None),
    ],
)
def test_a_result_of_part_one_is_a_rank_a_zero_or_words_only_by_the_listed_words(clause, kind):
    assert result_kind(clause) == kind


def test_the_statements_of_a_report():
    found = [(s.kind, s.section, s.text) for s in find_statements(TEXT) if s.kind != "number"]
    assert found == [
        ("rank", "第一部分 一(二)", "“两免提交”利用率列全区第一"),
        ("words", "第一部分 一(二)", "圆满完成商会换届"),
        ("words", "第一部分 一(二)", "凌五等9个小区基本完成"),
        ("zero", "第一部分 一(三)", "确保新增违建“零增长”"),
        ("honour", "第一部分 一(三)", "获评十佳案例"),
        ("words", "第一部分 一(三)", "3家养老机构入住率大幅提升"),
        # Part two: every clause but the headings (the part's, the chapter's and the section's title).
        ("commitment", "第二部分 一(一)", "新建49座社区平安屋"),
        ("commitment", "第二部分 一(一)", "启动凌兆片区社区生活服务综合体建设"),
        ("commitment", "第二部分 一(一)", "坚持党建引领"),
        ("commitment", "第二部分 一(一)", "打造菜场美术馆、美术新空间"),
    ]


def test_every_number_is_found_with_its_clause_and_line():
    numbers = [(TEXT[s.start : s.end], s.text, s.line) for s in find_statements(TEXT) if s.kind == "number"]
    assert numbers == [
        ("2023", "第一部分 2023年工作回顾", 2),
        ("2023", "截至2023年11月", 4),
        ("11", "截至2023年11月", 4),
        ("139", "引进企业139家", 4),
        ("两", "“两免提交”利用率列全区第一", 4),
        ("9", "凌五等9个小区基本完成", 4),
        ("十", "获评十佳案例", 5),
        ("3", "3家养老机构入住率大幅提升", 5),
        ("2024", "第二部分 2024年主要任务", 6),
        ("49", "新建49座社区平安屋", 8),
        ("1", "1. 平安屋:社区治安值守点", 10),
    ]


def source(section: str, quote: str) -> dict:
    return {"report": "r", "section": section, "quote": quote}


def content(
    values: list[dict], milestones: list[dict] = (), targets: list[dict] = (), results: list[dict] = ()
) -> IndicatorsFile:
    """A data file with one indicator per value given, and the targets, milestones and results in words given."""
    return IndicatorsFile.model_validate(
        {
            "reports": [
                {
                    "id": "r",
                    "title": {"zh": "示例", "en": "Sample"},
                    "publisher": {"zh": "示例", "en": "Sample"},
                    "published": "2024-01-29",
                    "url": "https://example.org",
                    "file": "source/r.txt",
                    "reviews": 2023,
                    "plans": 2024,
                }
            ],
            "themes": [{"id": "economy", "name": {"zh": "经济", "en": "Economy"}, "icon": ":material/trending_up:"}],
            "indicators": [
                {
                    "id": f"economy.x{n}",
                    "theme": "economy",
                    "name": {"zh": "示例", "en": "Sample"},
                    "unit": {"zh": "个", "en": "items"},
                    "values": [{"period": "2023", **value}],
                }
                for n, value in enumerate(values)
            ],
            "targets": [
                {
                    "id": f"economy.t{n}",
                    "theme": "economy",
                    "name": {"zh": "示例", "en": "Sample"},
                    "unit": {"zh": "座", "en": "posts"},
                    "comparison": "at_least",
                    **target,
                }
                for n, target in enumerate(targets)
            ],
            "milestones": [
                {"id": f"economy.m{n}", "theme": "economy", "name": {"zh": "示例", "en": "Sample"}, **milestone}
                for n, milestone in enumerate(milestones)
            ],
            "results": [
                {"id": f"economy.r{n}", "theme": "economy", "name": {"zh": "示例", "en": "Sample"}, **result}
                for n, result in enumerate(results)
            ],
        }
    )


CURATED = content(
    values=[
        {"value": 139, "source": source("第一部分 一(二)", "截至2023年11月,引进企业139家")},
        {
            "value": 1,
            "words": {"zh": "全区第一", "en": "first in the district"},
            "source": source("第一部分 一(二)", "“两免提交”利用率列全区第一,圆满完成商会换届。"),
        },
        {"value": 9, "source": source("第一部分 一(二)", "凌五等9个小区基本完成。")},
        # its quote holds the number 3 but not the whole clause of 大幅提升: that result is not this figure's
        {"value": 3, "source": source("第一部分 一(三)", "确保新增违建“零增长”,获评十佳案例,3家")},
    ],
    targets=[{"value": 49, "source": source("第二部分 一(一)", "新建49座社区平安屋,启动")}],
    milestones=[{"source": source("第二部分 一(一)", "美术新空间")}],
)


def test_what_the_data_quotes_is_curated():
    check = check_report(CURATED, None, "r", TEXT)
    # Numbers quoted with their value; a milestone quoting part of a clause curates it; a target's quote that runs
    # into the next clause curates that one too (milestones quote fragments, and fragments may cross a comma).
    assert sorted(s.text if s.kind != "number" else TEXT[s.start : s.end] for s in check.curated) == sorted(
        [
            "139",
            "9",
            "3",
            "49",
            "“两免提交”利用率列全区第一",
            "凌五等9个小区基本完成",
            "新建49座社区平安屋",
            "启动凌兆片区社区生活服务综合体建设",
            "打造菜场美术馆、美术新空间",
        ]
    )
    assert [s.text for s in check.missing if s.kind != "number"] == [
        "圆满完成商会换届",
        "确保新增违建“零增长”",
        "获评十佳案例",  # an honour with no number: left out unless a result in words or an exclusion holds it
        "3家养老机构入住率大幅提升",
        "坚持党建引领",
    ]
    assert [TEXT[s.start : s.end] for s in check.missing if s.kind == "number"] == [
        "2023",
        "2023",
        "11",
        "两",
        "十",
        "2024",
        "1",
    ]


def test_an_exclusion_holds_the_whole_number_or_the_whole_clause():
    exclusions = ExclusionsFile.model_validate(
        {
            "numbers": [
                {"report": "r", "text": "截至2023年11月", "reason": "date"},
                {"report": "r", "text": "引进企业139家", "reason": "name"},  # 139 is curated: nothing left to exclude
                {"report": "x", "text": "截至2023年11月", "reason": "date"},
            ],  # another report's: not this one's
            "statements": [
                {"report": "r", "text": "坚持党建引领。打造", "reason": "attitude"},
                {"report": "r", "text": "零增长", "reason": "under_way"},
            ],
        }
    )  # not the whole clause: excludes nothing
    check = check_report(CURATED, exclusions, "r", TEXT)
    assert [(TEXT[s.start : s.end], group, index) for s, group, index in check.excluded] == [
        ("2023", "numbers", 0),
        ("11", "numbers", 0),
        ("坚持党建引领", "statements", 0),
    ]
    assert check.stale == (("numbers", 1), ("statements", 1))
    assert "确保新增违建“零增长”" in [s.text for s in check.missing]


def test_counts_in_numerals_are_numbers_of_part_one_only():
    text = (
        "示例报告\n第一部分 2023年工作回顾\n一、经济发展\n(一)经济发展。打造五级治理平台,第三届花园节,凌十二小区,排名全区前三,一批项目。\n"
        "第二部分 2024年主要任务\n一、推动发展\n(一)应急。配齐两级应急物资。\n"
    )
    assert [(text[s.start : s.end], s.text) for s in find_statements(text) if s.kind == "number"] == [
        ("2023", "第一部分 2023年工作回顾"),
        ("五", "打造五级治理平台"),
        ("2024", "第二部分 2024年主要任务"),
    ]
    curated = content([{"value": 5, "source": source("第一部分 一(一)", "打造五级治理平台")}])
    excluded = ExclusionsFile.model_validate(
        {"numbers": [{"report": "r", "text": "五级治理", "reason": "not_a_measurement"}]}
    )
    assert [text[s.start : s.end] for s in check_report(curated, None, "r", text).curated] == ["五"]
    assert [
        (text[s.start : s.end], group)
        for s, group, _ in check_report(
            content([{"value": 1, "source": source("第一部分 一(一)", "一批")}]), excluded, "r", text
        ).excluded
    ] == [("五", "numbers")]


def test_nothing_quoted_nothing_curated():
    check = check_report(content([{"value": 139, "source": source("第一部分 一(二)", "另一句139")}]), None, "r", TEXT)
    assert check.curated == () and len(check.missing) == len(check.found)


def test_an_honour_is_curated_by_a_result_in_words():
    honoured = content(
        [{"value": 139, "source": source("第一部分 一(二)", "截至2023年11月,引进企业139家")}],
        results=[{"source": source("第一部分 一(三)", "获评十佳案例")}],
    )
    check = check_report(honoured, None, "r", TEXT)
    assert [s.text for s in check.curated if s.kind == "honour"] == ["获评十佳案例"]
    assert "获评十佳案例" not in [s.text for s in check.missing if s.kind == "honour"]
