"""Small made-up reports that show, line by line, what the draft reads in a report."""

from __future__ import annotations

SAMPLE = """示例报告
第一部分 2024年工作回顾
一、经济发展
(一)招商引资。截至2024年11月,引进企业139家。核查企业4000余家,走访4万余件。日均堂食近450客。改造停放点约700平方米。加梯签约40台。超100人参加。成功举办两期暑托班。开展第五次普查。深化“1+3+X”模式。实施计划(2024-2026)。落实24小时应急值守制度。2023年完成平安屋建设13座。满意率100%。
第二部分 2025年主要任务
一、平安建设
(一)平安屋。新建49座社区平安屋,完善四项职能,投入不超过300万元。
《示例报告》名词解释
1. 术语:遴选2000名以上人才。
"""

# A report whose part two has sections but no chapters, and whose wording differs from the kept names.
SECTIONS_ONLY = """示例报告二
第一部分 2024年工作回顾
一、人居环境
(一)城市更新。完成雨污混接改造小区12个。服务进企业,新设便民门店5家。
第二部分 2025年主要任务
(一)民生保障。新增就业岗位300个。
(二)完成加梯签约40台。
"""

# A review that names the work, then counts what was finished without naming it again (issue 30, item 7): each count
# completes the item its sentence named just before it.
COUNTED_COMPLETIONS = """示例报告三
第一部分 2024年工作回顾
一、民生服务
(一)托育。增设科学育儿指导站,建成3处。
(二)为老服务。为老服务中心升级改造稳步推进,完成1个。
(三)住房。翠竹苑等部分小区新一轮综合整新工程稳步推进,完成5个。
(四)基层治理。“东明72变”美好社区提案征集稳步推进,办结72件。
(五)人才。建立明心东明智库,完成专家聘任12名。
第二部分 2025年主要任务
一、民生服务
(一)托育。新增托育托额100个。
"""
