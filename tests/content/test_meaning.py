"""The data says no more and no less than its sentence in the report.

Every number was copied right; these tests lock in what the numbers *mean*: a whole and its parts only
where one sentence states both, the state words of that sentence (基本完成 is not 完成), what is counted
and per which period (人次 are visits, not people; 间 are rooms, not dwellings; 日均 is per day), 约 on
targets, baselines only where the report counts the same thing, one rule for the desired direction, and every concrete
commitment of part two as its own milestone with its own words of the report.
"""

from __future__ import annotations

import re

import pytest

from kpi.report.numbers import numbers_in

REPORT = "report_2023"
CLAUSE_END = re.compile(r"[,，;；。:：]")


def report_text(dataset) -> str:
    return dataset.report_texts[REPORT]


def stated(indicator):
    """The 2023 report's value of an indicator."""
    [value] = [v for v in indicator.values if v.source.report == REPORT]
    return value


def around(quote: str, value: float) -> list[tuple[str, str]]:
    """(text before, text after) the number in its clause, for each place the value stands in the quote."""
    found = []
    for start, end, number in numbers_in(quote):
        if number == value:
            clause_start = max((m.end() for m in CLAUSE_END.finditer(quote, 0, start)), default=0)
            after = CLAUSE_END.search(quote, end)
            found.append((quote[clause_start:start], quote[end : after.start() if after else len(quote)]))
    return found


def qualifier_in_text(before: str, after: str) -> str:
    """The qualifier the report writes around a number: 约10座, 近450客, 超…, 300余家, 4万余件."""
    if before.endswith("约") and not before.endswith("签约"):
        return "about"
    if before.endswith("近"):
        return "nearly"
    if before.endswith("超"):
        return "over"
    if re.match(r"万?余", after):
        return "more_than"
    return "exact"


def all_figures(dataset):
    """(id, name, unit, direction or None, value, source quote) of every 2023 indicator and every target."""
    figures = [
        (i.id, i.name, i.unit, i.direction, stated(i).value, stated(i).source.quote) for i in dataset.content.indicators
    ]
    return figures + [(t.id, t.name, t.unit, None, t.value, t.source.quote) for t in dataset.content.targets]


# ---------------------------------------------------------------------------------------------------------
# Relations: a whole and its parts only where one sentence states both.


def test_a_programme_is_a_whole_its_sentence_divides(dataset):
    # The parts add up to the whole (14 = 9 + 5), or the sentence says "of which" (43项…其中10项).
    # "加梯签约40台、竣工16台" does neither: two separate counts, not progress.
    for programme in dataset.content.programmes:
        total = stated(dataset.indicators[programme.total])
        parts = [stated(dataset.indicators[part.indicator]) for part in programme.parts]
        of_which = all(p.source.quote == total.source.quote and "其中" in p.source.quote for p in parts)
        assert sum(p.value for p in parts) == total.value or of_which, programme.id


def test_lifts_signed_and_completed_are_no_programme(dataset):
    used = {p.total for p in dataset.content.programmes} | {
        part.indicator for p in dataset.content.programmes for part in p.parts
    }
    assert not used & {"housing.lifts_signed", "housing.lifts_completed"}
    assert "housing.lift_programme" not in {p.id for p in dataset.content.programmes}


def clause_before(quote: str, value: float) -> str:
    """The words of the clause in front of a figure's number (all places it stands), joined."""
    return " ".join(before for before, _ in around(quote, value))


def test_urged_is_not_done(dataset):
    # 督促商家自行整改61处, 督促整改隐患78处: the subdistrict urged others to put things right; the report does
    # not say they did. Such a figure says "urged" in both languages and claims nothing rectified or fixed.
    wrong = []
    for id_, name, _, _, value, quote in all_figures(dataset):
        if "督促" in clause_before(quote, value):
            if (
                "督促" not in name.zh
                or "urged" not in name.en.lower()
                or re.search(r"\b(rectified|fixed)\b", name.en, re.I)
            ):
                wrong.append((id_, name.zh, name.en))
    assert wrong == []


def test_only_a_clause_that_names_shop_signs_counts_shop_signs(dataset):
    # 拆除各类违规店招46处,督促商家自行整改61处: the 46 are non-compliant shop signs; the 61 are not called 店招.
    wrong = [
        (id_, name.en, unit.en)
        for id_, name, unit, _, value, quote in all_figures(dataset)
        if ("店招" in name.zh + unit.zh or re.search(r"\bsigns?\b", name.en + " " + unit.en, re.I))
        and "店招" not in clause_before(quote, value)
    ]
    assert wrong == []


def test_no_breakdown_sets_urged_beside_done(dataset):
    # A breakdown's chart shows its parts as shares of one way of dealing with things. Counts the report says
    # were done (拆除46处) and counts it says others were urged to do (督促…整改61处) are no such shares.
    for breakdown in dataset.content.breakdowns:
        urged = {
            "督促" in clause_before(stated(dataset.indicators[p]).source.quote, stated(dataset.indicators[p]).value)
            for p in breakdown.parts
        }
        assert len(urged) == 1, breakdown.id


@pytest.mark.parametrize("claim", ["发现", "督查", "检查"])
def test_a_breakdowns_question_claims_no_relation_its_sentence_leaves_open(dataset, claim):
    # "一般隐患即知即改203起,较大隐患行政处罚21起" follows "开展安全生产督查347次" but does not say the inspections found
    # those hazards: a question may name where the parts came from only when their own clauses say it.
    for breakdown in dataset.content.breakdowns:
        clauses = "".join(
            clause_before(stated(dataset.indicators[p]).source.quote, stated(dataset.indicators[p]).value)
            for p in breakdown.parts
        )
        assert claim not in breakdown.question.zh or claim in clauses, breakdown.id


STATE_WORDS = [("基本完成", "basically_done"), ("完成", "done"), ("推进", "under_way")]


def state_in_text(after: str) -> str | None:
    return next((state for word, state in STATE_WORDS if word in after), None)


def test_each_part_has_the_state_its_sentence_gives(dataset):
    for programme in dataset.content.programmes:
        for part in programme.parts:
            value = stated(dataset.indicators[part.indicator])
            states = {state_in_text(after) for _, after in around(value.source.quote, value.value)}
            assert states == {part.state}, (programme.id, part.indicator, states)


def test_basically_is_kept_in_both_languages(dataset):
    for indicator in dataset.content.indicators:
        value = stated(indicator)
        basically = any("基本完成" in after for _, after in around(value.source.quote, value.value))
        assert basically == ("基本" in indicator.name.zh) == ("basically" in indicator.name.en.lower()), indicator.id


ROUNDS = {"一": "first", "二": "second", "三": "third", "四": "fourth", "五": "fifth"}


def test_a_round_that_concluded_is_named_as_that_round(dataset):
    # 第二轮30个住宅小区雨污混接改造工程顺利收官: the second round, of 30 estates, concluded in 2023; the report does
    # not say all 30 were done in 2023. The name keeps the round and that it concluded, in both languages.
    wrong = []
    for id_, name, _, _, value, quote in all_figures(dataset):
        for before, after in around(quote, value):
            round_ = re.search(r"第([一二三四五])轮", before)
            if round_ and (round_[0] not in name.zh or f"{ROUNDS[round_[1]]} round" not in name.en.lower()):
                wrong.append((id_, name.zh, name.en))
            if "收官" in after and ("收官" not in name.zh or "concluded" not in name.en.lower()):
                wrong.append((id_, name.zh, name.en))
    assert wrong == []


MODEL_TITLE = re.compile(r"示范(社区|街道|乡镇|街镇|小区|居住区)")


def test_a_model_title_being_sought_is_named_as_a_bid(dataset):
    # 做好“上海市法治建设示范街道乡镇”创建后期评估: the later-stage evaluation of the bid (part one: 全力创建
    # 上海市法治建设示范街镇), not of a title held. A name holding a model title keeps the bid (创建/争创/申报/复评)
    # and says "bid" in English.
    content = dataset.content
    named = [(x.id, x.name) for group in (content.indicators, content.targets, content.milestones) for x in group]
    wrong = [
        (id_, name.zh, name.en)
        for id_, name in named
        if MODEL_TITLE.search(name.zh) and not (re.search("创建|争创|申报|复评", name.zh) and "bid" in name.en.lower())
    ]
    assert wrong == []


# ---------------------------------------------------------------------------------------------------------
# What is counted, and per which period.

PEOPLE = re.compile(r"\b(people|persons?|person-times|recipients|participants|attendees|users|residents)\b", re.I)
PER_TIME_UNITS = {
    "人次": {"visits", "attendances", "screenings", "instances of aid"},
    "家次": {"visits", "checks", "inspections"},
    "户次": {"visits", "checks", "inspections"},
    "件次": {"tests"},
}


def counted(unit_zh: str) -> str:
    """The counting word of a unit: "万人次" → "人次", "人次/日" → "人次"."""
    return unit_zh.removeprefix("万").removeprefix("亿").split("/")[0]


def test_counts_per_time_are_named_as_such(dataset):
    # 人次 are visits or attendances (one person may come many times); 家次/户次 are visits or checks of
    # premises, not the premises; 件次 are tests. Neither the unit nor the name may say people or firms.
    wrong = []
    for id_, name, unit, _, _, _ in all_figures(dataset):
        kind = counted(unit.zh)
        if kind in PER_TIME_UNITS:
            if unit.en.removesuffix(" a day") not in PER_TIME_UNITS[kind]:
                wrong.append((id_, unit.en))
            if PEOPLE.search(name.en) or re.search(
                r"\b(enterprises|restaurants|businesses|firms) (checked|visited)\b", name.en
            ):
                wrong.append((id_, name.en))
    assert wrong == []


def test_rooms_are_rooms(dataset):
    # 间 counts rooms: 清查房屋2900余间 is not 2,900 dwellings, 555间架空层 is not 555 units.
    wrong = [
        (id_, name.en, unit.en)
        for id_, name, unit, *_ in all_figures(dataset)
        if counted(unit.zh) == "间"
        and (unit.en != "rooms" or re.search(r"dwelling|flat|unit|home|house", name.en, re.I))
    ]
    assert wrong == []


def test_daily_averages_say_per_day_in_both_languages(dataset):
    # 日均近450客 is a day's meals, not a year's: the name or the unit says so ("近450客" stays short on a
    # tile because the name says 日均; the English unit reads "nearly 450 meals a day").
    wrong = []
    for id_, name, unit, _, value, quote in all_figures(dataset):
        daily = any("日均" in before + after for before, after in around(quote, value))
        says_zh = "日均" in name.zh or unit.zh.endswith("/日")
        says_en = unit.en.endswith(" a day") or re.search(r"daily|per day|a day", name.en)
        if daily != bool(says_zh) or daily != bool(says_en):
            wrong.append((id_, name.en, unit.en))
    assert wrong == []


GRADES = {"较大": "significant", "重大": "major"}


def test_the_grade_of_the_sentence_stays_in_the_name(dataset):
    # 较大隐患行政处罚21起: 较大 is "significant"; the same report writes 重大 for "major" (重大事故隐患,
    # 重大行政执法决定法制审核23起, which counts major enforcement decisions only). The grade in front of a
    # figure's number stands in both its names, as the right word; no name of a 较大 item says "major".
    content = dataset.content
    wrong = []
    for id_, name, _, _, value, quote in all_figures(dataset):
        wrong += [
            (id_, zh)
            for zh, en in GRADES.items()
            if zh in clause_before(quote, value) and (zh not in name.zh or en not in name.en.lower())
        ]
    for name in [x.name for group in (content.indicators, content.targets, content.milestones) for x in group]:
        wrong += [(name.en, zh) for zh, en in GRADES.items() if zh in name.zh and en not in name.en.lower()]
        if "较大" in name.zh and "major" in name.en.lower():
            wrong.append((name.en, "较大 is not major"))
    assert wrong == []


FOR_WHOM = {"高危人群": "high-risk", "青少年": "youth", "残疾人": "disabled", "老年人": "elderly"}


def test_whom_a_service_is_for_stays_in_english(dataset):
    # 持续开展高危人群免费三高筛查: the free screening is for high-risk groups, not for everyone. A name that
    # says whom its service is for says it in English too.
    content = dataset.content
    wrong = [
        (name.zh, name.en)
        for group in (content.indicators, content.targets, content.milestones)
        for name in [x.name for x in group]
        for zh, en in FOR_WHOM.items()
        if zh in name.zh and en not in name.en.lower()
    ]
    assert wrong == []


def test_rectify_is_one_word(dataset):
    # 整改 was "fixed" in two names and "rectified" in a third. One word, "rectified" (or another form of the
    # verb), in every name and unit that says 整改; 即知即改 ("fixed on the spot") is another word.
    content = dataset.content
    texts = [text for group in (content.indicators, content.targets) for x in group for text in (x.name, x.unit)]
    texts += [x.name for group in (content.milestones, content.programmes) for x in group] + [
        t.term for t in dataset.glossary.terms
    ]
    wrong = [
        (text.zh, text.en)
        for text in texts
        if "整改" in text.zh
        and (not re.search(r"\brectif(ied|y|ication)\b", text.en, re.I) or re.search(r"\bfix", text.en, re.I))
    ]
    assert wrong == []


# ---------------------------------------------------------------------------------------------------------
# Qualifiers and comparisons.


def test_qualifiers_are_the_sentences(dataset):
    # 约10座 is "about 10", not "at least 10"; and no qualifier is invented.
    wrong = []
    for id_, _, _, _, value, quote in all_figures(dataset):
        item = dataset.indicators.get(id_) or next(t for t in dataset.content.targets if t.id == id_)
        qualifier = stated(item).qualifier if id_ in dataset.indicators else item.qualifier
        # A count the report writes in words (两期) has no qualifier; a result in words has the one its words say
        # (超额完成年度目标: over 100 %).
        written = {qualifier_in_text(before, after) for before, after in around(quote, value)} or {"exact"}
        if id_ in dataset.indicators and stated(item).words:
            written = {"over" if "超额" in stated(item).words.zh else "exact"}
        if qualifier not in written:
            wrong.append((id_, qualifier, written))
    assert wrong == []


def test_every_about_target_is_about(dataset):
    about = {t.id for t in dataset.content.targets if any(b.endswith("约") for b, _ in around(t.source.quote, t.value))}
    assert about == {"housing.construction_waste_points_2024", "housing.waste_disposal_points_2024"}
    assert all(t.qualifier == "about" for t in dataset.content.targets if t.id in about)


def test_comparisons_follow_the_sentence(dataset):
    # A plan number ("新建49座") is reached by doing at least that much; only 不超过/以内/控制在 is a ceiling.
    for target in dataset.content.targets:
        ceiling = any(
            re.search("不超过|以内|控制在", before + after)
            for before, after in around(target.source.quote, target.value)
        )
        assert (target.comparison == "at_most") == ceiling, target.id


# ---------------------------------------------------------------------------------------------------------
# Baselines and themes.

STANDARD_WORDS = ("示范化", "标准化", "精品", "示范")


def test_a_baseline_counts_what_the_target_counts(dataset):
    # A target builds on a 2023 figure only where the report counts the same thing. 示范化改造约10座 is work
    # to a standard the 2023 sentence (实施…20个建筑垃圾堆放点改造) never names, and the report neither grades
    # the 2023 work nor relates the two: a "20 → 约10" chart would be our comparison, not the report's. So a
    # grade word of the target's clause that its baseline's sentence lacks means no baseline, note or not.
    for target in dataset.content.targets:
        if target.baseline is None:
            continue
        baseline = dataset.indicators[target.baseline]
        before = around(target.source.quote, target.value)[0][0]
        graded = [word for word in STANDARD_WORDS if word in before and word not in stated(baseline).source.quote]
        assert graded == [], f"{target.id}: the target counts {graded} work, its baseline does not: no baseline"
        assert counted(baseline.unit.zh) == counted(target.unit.zh) or target.baseline_note is not None, target.id
        assert baseline.unit.en == target.unit.en or target.baseline_note is not None, target.id


def test_a_target_sits_in_its_baselines_theme(dataset):
    assert [
        (t.id, t.theme)
        for t in dataset.content.targets
        if t.baseline and dataset.indicators[t.baseline].theme != t.theme
    ] == []


@pytest.mark.parametrize(
    ("milestone", "counterpart"),
    [
        ("grassroots.self_governance_fund_2024", "grassroots.self_governance_fund_projects"),
        ("city.open_ground_floor_clearance", "city.ground_floor_spaces_surveyed"),
        ("housing.lift_retrofits", "housing.lifts_signed"),
        ("livelihood.disabled_home_accessibility", "livelihood.disability_homes_adapted"),
        ("safety.block_mini_fire_stations", "safety.block_mini_fire_stations_built"),
        ("safety.safety_post_staffing", "safety.safety_posts_built"),
        ("culture.one_neighbourhood_one_brand_round2", "culture.one_neighbourhood_one_brand_projects"),
        ("grassroots.dongming_72_proposals_2024", "grassroots.community_proposals"),
        ("government.four_hundred_visits_2024", "government.community_visits"),
        ("economy.enterprise_service_resources", "economy.service_packages_issued"),
        ("ecology.forest_chief_system", "ecology.volunteer_forest_chiefs"),
        ("livelihood.three_rescues_three_donations", "livelihood.first_aid_classes"),
        ("city.two_networks", "city.affairs_center_visits"),
        ("safety.population_data_supervision", "safety.population_records_verified"),
    ],
)
def test_a_milestone_sits_in_its_2023_counterparts_theme(dataset, milestone, counterpart):
    milestones = {m.id: m for m in dataset.content.milestones}
    assert milestones[milestone].theme == dataset.indicators[counterpart].theme


# ---------------------------------------------------------------------------------------------------------
# Direction: one rule (written at the top of the indicators list in indicators.yaml).

PROBLEMS = ("隐患", "违", "整治", "整改", "取缔", "纠纷", "信访", "工单", "问题", "处罚", "告警")
ACTIVITY_UNITS = {"次", "场", "人次", "户次", "家次", "件次", "期", "课时", "条"}
BUILT = ("新建", "新增", "改造", "更换", "安装", "升级", "优化", "成立")


RANK = re.compile(r"全区(?:第[一二三四五六七八九十]+|前[二三四五六七八九十]+)")
# A zero the report counts as a result. Not 零的突破 ("a first", 棕榈苑等6个小区实现“零的突破”): that is no zero.
ZERO = re.compile(r"零有效差评|零增长|零事故|未发生")


def ranked_or_zero(indicator) -> bool:
    """Whether every value of the figure is a rank or a zero the report states in words (全区第一, 零有效差评)."""
    return all(
        v.words is not None and (RANK.fullmatch(v.words.zh) or ZERO.fullmatch(v.words.zh)) for v in indicator.values
    )


def expected_direction(indicator) -> str | None:
    """The direction the rule gives, or None where the rule leaves it to the comment's judgement."""
    if ranked_or_zero(indicator):
        return "lower"
    if indicator.unit.zh == "%":
        return "higher"
    if any(word in indicator.name.zh for word in PROBLEMS) or counted(indicator.unit.zh) in ACTIVITY_UNITS:
        return "none"
    if any(word in indicator.name.zh for word in BUILT):
        return "higher"
    return None


def test_like_figures_have_the_same_direction(dataset):
    wrong = [
        (i.id, i.name.zh, i.direction, expected_direction(i))
        for i in dataset.content.indicators
        if expected_direction(i) not in (None, i.direction)
    ]
    assert wrong == []


def test_programme_totals_and_parts_follow_the_rule(dataset):
    for programme in dataset.content.programmes:
        assert dataset.indicators[programme.total].direction == "none", programme.total
        for part in programme.parts:
            expected = "none" if part.state == "under_way" else "higher"
            assert dataset.indicators[part.indicator].direction == expected, part.indicator


def test_only_ranks_and_stated_zeros_are_lower_is_better(dataset):
    # First in the district is better than third; no valid negative review, no growth of illegal structures,
    # no lawsuit lost are results the report counts as achievements. Every other 2023 figure is a volume of
    # work or a thing built (none or higher).
    assert [i.id for i in dataset.content.indicators if (i.direction == "lower") != ranked_or_zero(i)] == []


def test_ranks_and_zeros_of_part_one_are_figures_in_the_reports_words(dataset):
    # “两免提交”利用率、单窗受理量均列全区第一 (two ranks), 排名全区前三, 继续保持“零有效差评”, 确保新增违建“零增长”,
    # 未发生行政复议驳回、诉讼败诉情况 (two zeros): measured results of part one. Each thing a rank or zero names is
    # a figure of its own, with the report's words standing in its quote (全区第一, not the digit 1).
    text = report_text(dataset)
    part_one = text.split("第二部分 2024年主要任务")[0]
    worded = [v for i in dataset.content.indicators for v in i.values if v.words]
    wrong = []
    for match in [*RANK.finditer(part_one), *ZERO.finditer(part_one)]:
        clause_start = max((m.end() for m in CLAUSE_END.finditer(part_one, 0, match.start())), default=0)
        clause_end = CLAUSE_END.search(part_one, match.end()).start()
        # What is ranked or zero stands before the words (单窗受理量均列全区第一), or after 未发生 (未发生…诉讼败诉情况).
        named = part_one[match.end() : clause_end] if match[0] == "未发生" else part_one[clause_start : match.start()]
        at = [
            (a, a + len(v.source.quote)) for v in worded if v.words.zh == match[0] for a in [text.find(v.source.quote)]
        ]
        curated = sum(a <= match.start() and match.end() <= b for a, b in at)
        if curated != len(named.split("、")):
            wrong.append((match[0], named, curated))
    assert wrong == []


# ---------------------------------------------------------------------------------------------------------
# Milestones: every concrete commitment of part two, one project each, in its own words.


def test_milestone_quotes_are_verbatim_in_part_two(dataset):
    part_two = report_text(dataset).split("第二部分 2024年主要任务")[1].split("《东明路街道办事处工作报告》名词解释")[0]
    assert [m.id for m in dataset.content.milestones if m.source.quote not in part_two] == []


def test_no_two_milestones_share_words(dataset):
    # Two projects of one sentence quote different fragments of it; no milestone's quote holds another's
    # (that would be one project counted twice). Projects listed under one verb (推动为老服务中心、长者照护之家、
    # 老年人日间照料中心升级投用) each quote the whole clause, so the quote holds the commitment; their names say which.
    quotes = [(m.id, m.source.quote, m.name.zh) for m in dataset.content.milestones]
    assert [
        (a, b) for a, qa, na in quotes for b, qb, nb in quotes if a != b and qb in qa and (qa != qb or na == nb)
    ] == []


def test_no_milestone_quote_holds_a_target_number(dataset):
    # Numbers of part two are targets; a milestone quoting "6个居民区党群服务站" would count it twice.
    text = report_text(dataset)
    target_numbers = set()
    for target in dataset.content.targets:
        at = text.index(target.source.quote)
        target_numbers |= {at + start for start, _, number in numbers_in(target.source.quote) if number == target.value}
    overlapping = []
    for milestone in dataset.content.milestones:
        start = text.find(milestone.source.quote)
        while start >= 0:
            if any(start <= n < start + len(milestone.source.quote) for n in target_numbers):
                overlapping.append(milestone.id)
            start = text.find(milestone.source.quote, start + 1)
    assert overlapping == []


# Projects one sentence names side by side: each is its own milestone.
SEPARATE = {
    "roads": ("云台路贯通", "尚博路拓宽"),
    "plot_and_complex": ("01-07地块", "凌兆片区"),
    "rivers": ("三林塘港", "黄淄溇"),
    "cameras_and_video_centre": ("智能监控探头", "视频资源共享中心"),
    "network_and_twin_map": ("数字孪生", "基础网络覆盖面"),
    "parking_and_lift_apps": ("智慧停车", "电梯监测"),
    "art_spaces": ("菜场美术馆", "美术新空间", "地标性艺术装置"),
    "museum_and_chronicle": ("东明博物馆", "东明社区志"),
    "block_brands": ("街区直通车", "街区时光机", "街区有好邻"),
    "start_ups": ("训练营", "创业大赛"),
    "liaison_and_feedback": ("文化联络员", "评价反馈"),
    "contests": ("青少年创意彩绘", "粽子球"),
    "accessibility": ("公共服务设施的无障碍", "残疾人家庭无障碍"),
    "law_brands": ("青少年普法特色品牌", "咚咚说法"),
    "fire_and_charging": ("微型消防站", "高空慧眼", "充电设施", "高层建筑消防", "综合减灾示范社区"),
    "health": ("健康生活节", "慢性病防治", "三高筛查", "家庭医生", "健康服务联盟"),
    "youth": ("青少年创新实验室", "青年发展型街镇"),
    "jobs": ("东明创享汇", "五小创新", "春风行动"),
    "model_bids": ("全国民主法治示范社区", "法治建设示范街道乡镇"),
    "mingxin": ("明心东明智库", "明心治理学校", "明心东明书院"),
    "posts_and_staffing": ("平安屋", "屋长负责"),
    # 推动为老服务中心、长者照护之家、老年人日间照料中心升级投用: three kinds of facility, each confirmed (or not)
    # on its own; the “1+4+N” model they belong to (打造…模式, with its N service items) is a milestone of its own.
    "care_facilities": ("为老服务中心", "长者照护之家", "老年人日间照料中心", "“1+4+N”"),
}


@pytest.mark.parametrize("projects", SEPARATE.values(), ids=list(SEPARATE))
def test_one_milestone_holds_one_project(dataset, projects):
    for milestone in dataset.content.milestones:
        named = [p for p in projects if p in milestone.source.quote]
        # a clause listing several under one verb is quoted whole: the name then names one of them
        assert len(named) <= 1 or len([p for p in named if p in milestone.name.zh]) == 1, (milestone.id, named)
    # and each of them is a milestone (平安屋 itself is the target of 49 posts)
    missing = [
        p for p in projects if p != "平安屋" and not any(p in m.source.quote for m in dataset.content.milestones)
    ]
    assert missing == []


# Commitments of part two that were missing, each with words of its sentence.
COMMITMENTS = {
    "elderly.mini_meal_points": "合理布局微型助餐点",
    "safety.charging_coverage": "推动有条件的小区扩大充电设施覆盖面",
    "housing.pocket_parks": "街角口袋公园",
    "housing.start_ready_projects": "成熟一个、启动一个",
    "livelihood.family_doctor_coverage": "家庭医生覆盖范围",
    "livelihood.chronic_disease_services": "慢性病防治服务",
    "livelihood.mental_health_services": "社会心理健康服务体系",
    "livelihood.after_school_courses": "“双减”课程活动",
    "livelihood.employment_info_collection": "全覆盖信息采集",
    "livelihood.public_facility_accessibility": "社区公共服务设施的无障碍服务功能",
    "economy.continued_enterprise_visits_2024": "持续开展企业走访",
    "economy.enterprise_steward_system": "“企业服务管家”制度",
    "economy.talent_platform": "人才创新发展平台",
    "housing.property_training": "组织全覆盖培训",
    "city.market_management_upgrade": "推动业态调整和管理模式升级",
    "city.longer_street_cleaning": "延长保洁时间",
    "city.five_violations_four_musts": "巩固“五违四必”整治成果",
    "city.network_coverage": "扩大基础网络覆盖面",
    "city.public_service_digital": "公共服务阵地数字化转型",
    "culture.new_art_space": "美术新空间",
    "culture.landmark_art_installation": "地标性艺术装置",
    "culture.culture_feedback_mechanism": "“需求征集、服务供给、评价反馈”互动机制",
    "culture.community_culture_teams": "社区文化队伍",
    "safety.risk_hazard_checks": "风险排查和隐患治理",
    "safety.falling_crime_rate": "发案率持续走低",
    "safety.video_surveillance_gaps": "视频监控布局",
    "safety.safety_post_staffing": "屋长负责、24小时人员固守制度",
    "safety.tiered_dispute_mediation": "属地调解一般纠纷",
    "rule_of_law.legal_services_in_neighbourhoods": "法律服务资源及项目下沉居民区",
    "rule_of_law.law_observation_points": "法治观察点",
    "rule_of_law.youth_law_brand": "青少年普法特色品牌",
    "government.legality_reviews": "重大执法决定等内容法治审核",
    "government.proactive_disclosure": "政务信息主动公开率",
    "government.research_follow_up": "推动调研成果转化",
    # issue 17: continuations that commit to a named programme, system or a result the next report can give
    "economy.enterprise_service_resources": "用好用足重点企业“服务包”",
    "ecology.forest_chief_system": "健全林长制工作制度,加强民间林长队伍建设",
    "livelihood.policies_find_people": "“大数据筛选+入户走访摸排”机制",
    "livelihood.three_rescues_three_donations": "统筹做好“三救三献”,加大救护培训力度",
    "city.two_networks": "建好用好“两张网”",
    "grassroots.capacity_building_measures": "机制增能、队伍增能、考核增能、自主增能",
    "grassroots.area_linkage": "“片区联动”新格局",
    "safety.integrated_area_security": "“区域安防力量一体化”格局",
    "safety.population_data_supervision": "实有人口信息质量常态化督导",
    "government.suggestion_handling_rates": "提高采纳率、解决率和满意度",
    "government.legal_adviser_system": "政府法律顾问和公共法律服务律师制度",
}


@pytest.mark.parametrize(("milestone", "words"), COMMITMENTS.items(), ids=list(COMMITMENTS))
def test_a_commitment_of_part_two_is_a_milestone(dataset, milestone, words):
    milestones = {m.id: m for m in dataset.content.milestones}
    assert milestone in milestones and words in milestones[milestone].source.quote


@pytest.mark.parametrize(
    ("kept", "merged"),
    [
        ("economy.service_capacity_drive", "economy.service_centre_network"),  # the drive is that network's upkeep
        (
            "economy.start_up_training_camp_2024",
            "economy.startup_support_drive",
        ),  # the drive is its camp and contest...
        ("economy.start_up_contest", "economy.startup_camp_and_contest"),  # ...each an event of its own
    ],
)
def test_near_duplicates_are_one_milestone(dataset, kept, merged):
    ids = {m.id for m in dataset.content.milestones}
    assert kept in ids and merged not in ids
