"""Words of a 公文 title without a segmenter: the places a title may be broken.

A title is built the same way every time — ``[机关]关于[印发/转发]《[地方][年份][事项]》的[文种]`` —
and its words come from a small vocabulary: the government terms in ``resources/gov_terms.dict``
(read as a plain list), the title words below, a place name before its 省/市/县/区, a number, a
single function character (的、和、与…). Anything else is read two characters at a time, the
length of most Chinese words, one character when a known word starts right after it. Loading jieba
for this took about a second of every ``draft``; this takes a millisecond.
"""

from __future__ import annotations

import re
from functools import lru_cache

from parsing.locations import RESOURCES_DIR

# Words of 公文 titles the general dictionary splits (卫生 + 健康) and that must stay whole.
TITLE_WORDS = ("卫生健康", "卫生健康委员会", "实施方案", "工作方案", "工作要点", "爱国卫生月", "公共卫生",
               "医疗卫生", "高质量发展", "专项整治", "专项行动", "三年行动", "疾病预防控制", "医疗保障",
               "基层医疗卫生机构", "家庭医生签约服务", "紧密型县域医共体", "任务分工", "医药卫生体制改革",
               "领导小组", "基本公共卫生服务", "依法执业", "传染病防控", "绩效评价", "国家卫生县城", "国家卫生城市",
               "安全生产", "爱国卫生运动", "疫情防控", "食品安全", "健康教育", "健康促进", "信息化建设")
# Words of 公文 titles: verbs that open the matter, the matters themselves and the 文种.
TITLE_VOCABULARY = (
    "关于", "印发", "转发", "开展", "做好", "切实做好", "切实", "进一步", "加强", "深入开展", "深入", "全面",
    "推进", "推动", "落实", "实施", "建立", "健全", "完善", "提升", "巩固", "创建", "成果", "迅速", "采取有效",
    "措施", "坚决", "遏制", "重大事故", "防范", "应对", "应急", "卫生", "健康", "系统", "机构", "医疗机构",
    "消防安全", "隐患", "排查", "大排查", "整治", "检查", "自查", "防控", "防治", "传染病防控", "感染", "能力",
    "行动", "活动", "项目", "情况", "资金", "结算", "绩效评价", "药品", "管理", "管理工作", "工作", "方案",
    "实施方案", "工作方案", "行动方案", "应急预案", "预案", "通知", "紧急通知", "意见", "实施意见", "通报",
    "报告", "请示", "批复", "决定", "规定", "办法", "细则", "要点", "工作要点", "计划", "全县", "全市", "全省",
    "全区", "全国", "学校", "春季", "夏季", "秋季", "冬季", "汛期", "元旦", "春节", "期间", "节日", "年度",
    "第一季度", "第二季度", "第三季度", "第四季度", "强降雨", "依法执业", "国家卫生城市", "爱国卫生运动",
    "爱国卫生月", "基本公共卫生服务", "卫健", "有关", "事项", "试点", "专项", "安全", "生产",
    # the seasons and periods a campaign is set in, and what it is against
    "岁末年初", "今冬明春", "冬春季", "春夏季", "夏秋季", "秋冬季", "节假日", "国庆", "中秋", "五一", "暑期",
    "寒假", "暑假", "呼吸道", "传染病", "火灾", "燃气", "地质灾害", "防汛", "森林防火", "食品", "校园",
)
FUNCTION_CHARACTERS = set("的和与及等之或并")
_ALONE = FUNCTION_CHARACTERS | set("年月日")  # never read as the first of two characters
PUNCTUATION = set("《》（）()“”‘’〔〕[]【】、，,。；：:！？—－-~～·")
_NUMBER = re.compile(r"[0-9０-９]+")
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,3}?[省市县区州旗]")
_LONGEST = 12
_BEFORE_PLACE = ("《", "关于", "转发", "印发")


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """The title vocabulary with the government terms (first column of gov_terms.dict)."""
    words = set(TITLE_VOCABULARY) | set(TITLE_WORDS)
    terms = RESOURCES_DIR / "gov_terms.dict"
    if terms.is_file():
        for line in terms.read_text(encoding="utf-8").splitlines():
            if line.split():
                words.add(line.split()[0])
    return frozenset(w for w in words if len(w) <= _LONGEST)


def _word_at(text: str, start: int, words: frozenset[str]) -> str | None:
    for end in range(min(len(text), start + _LONGEST), start + 1, -1):
        if text[start:end] in words:
            return text[start:end]
    return None


def _han_tokens(run: str, words: frozenset[str], at_start: bool) -> list[str]:
    tokens: list[str] = []
    i = 0
    while i < len(run):
        word = _word_at(run, i, words)
        if word is None and (at_start or (tokens and tokens[-1] in _BEFORE_PLACE)):
            place = _PLACE.match(run, i)
            if place and run[i] not in FUNCTION_CHARACTERS:  # 示例县: the name, then its 县
                tokens.append(place.group()[:-1])
                i = place.end() - 1
                word = run[i]
        if word is None:
            if run[i] in _ALONE or i + 1 >= len(run) or _word_at(run, i + 1, words) \
                    or run[i + 1] in FUNCTION_CHARACTERS:
                word = run[i]
            else:
                word = run[i:i + 2]
        tokens.append(word)
        i += len(word)
        at_start = False
    return tokens


def title_tokens(title: str) -> list[str]:
    """``title`` cut into words; a line of a title may start only at one of them."""
    words = vocabulary()
    tokens: list[str] = []
    i = 0
    while i < len(title):
        number = _NUMBER.match(title, i)
        if number:
            tokens.append(number.group())
            i = number.end()
            continue
        if title[i] in PUNCTUATION or not ("\u4e00" <= title[i] <= "\u9fff"):
            tokens.append(title[i])
            i += 1
            continue
        end = i
        while end < len(title) and "\u4e00" <= title[end] <= "\u9fff":
            end += 1
        tokens += _han_tokens(title[i:end], words, at_start=not tokens or tokens[-1] in PUNCTUATION)
        i = end
    return tokens
