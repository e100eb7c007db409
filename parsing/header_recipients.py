"""The 主送机关 line: ``各县（市、区）卫健委，委属各单位：`` → the recipients, each with its span.

Recipients are split on ``，`` / ``,`` / ``；`` and on ``、`` outside brackets, except where the parts
share one head and only make sense with it (notice-json.md "Recipients"): a list of levels before one
organ word (``各省、自治区、直辖市人民政府``) and a list of kinds after one head
(``省有关部门、单位``) stay whole; a part that opens with its own 各 is a recipient of its own
(``国务院各部委、各直属机构`` → two).
"""

from __future__ import annotations

import re

from parsing.header_organs import is_organ
from parsing.units import compact

Span = tuple[int, int]

_LABEL = re.compile(r"\s*主\s*送\s*[:：]\s*")


def looks_like_recipients(text: str, start: int, end: int) -> bool:
    """A 主送 line names organs (``各县（市、区）卫健委，委属各单位：``), not a sentence."""
    names, _ = split_recipients(text, start, end)
    if not names or any(len(n) > 40 or re.search(r"关于|〔|通知|的", n) for n in names):
        return False  # a title or a document number is no recipient (a run-on head left whole)
    return sum(1 for n in names if is_organ(n) or n.startswith("各")) * 2 >= len(names)


def split_recipients(text: str, start: int, end: int) -> tuple[list[str], list[Span]]:
    """Recipients split on 、 and ， outside brackets, with their spans."""
    line = text[start:end]
    label = _LABEL.match(line)
    first = label.end() if label else 0
    stop = max(line.rfind("："), line.rfind(":"))
    line = line[:stop] if stop >= first else line
    names, spans = [], []
    depth, piece_start = 0, first
    for k, ch in enumerate(line + "，"):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "、，,；;":  # ； from OCR or a careless hand separates them too
            piece = compact(line[piece_start:k])
            if piece:
                names.append(piece)
                spans.append((start + piece_start, start + k))
            piece_start = k + 1
    return _join_shared_heads(names, spans, text)


# A bare level of government (``各省``, ``自治区``, ``直辖市``, ``县（区）``): in ``各省、自治区、直辖市卫生健康委``
# it only enumerates the places of one recipient.
_BARE_LEVEL = re.compile(r"^各?(?:省|自治区|直辖市|计划单列市|副省级市|市|地|州|盟|县|区|旗|县级市|市辖区|乡|镇|乡镇|街道)"
                         r"(?:（[^（）]{1,12}）)?$")
# A kind that needs the head before it (``单位`` in ``省有关部门、单位``); a part with its own 各
# (``国务院各部委、各直属机构``) is a recipient of its own
_BARE_KIND = re.compile(r"^(?:有关|直属|所属|下属)?(?:单位|部门|机构|企业|事业单位|人民团体|团体)$")
# An organ word with no place of its own (``能源局`` in ``各省、自治区、直辖市发展改革委、能源局``,
# ``人民政府`` in ``各乡镇党委、人民政府``)
_BARE_ORGAN = re.compile(r"^(?!各|全|有关|国家|国务院|中共|中央|[省市县区州旗盟乡镇](?!场)|[\u4e00-\u9fa5]{1,4}[省市县区州旗盟])"
                         r"[\u4e00-\u9fa5]{0,7}(?:局|委|厅|办|中心|委员会|管委会|大队|支队|中队|站|所|人民政府|政府|办事处)$")
# A recipient headed by a level of places (``各省、自治区、直辖市…``, ``各县（市、区）…``)
_PLACE_HEADED = re.compile(r"^各(?:省|市|县|区|州|盟|旗|乡镇|乡|镇|地)")
# A place alone (``高新区``, ``兰州新区``) and a place with its organ (``榆中生态创新城管委会``): in
# ``兰州新区、高新区、经开区、榆中生态创新城管委会`` the places share the organ word at the end
_PLACE_ONLY = re.compile(r"^各?[\u4e00-\u9fa5]{0,10}(?:省|市|县|区|州|旗|盟|新区|开发区|园区|示范区|风景区|林区|城)$")
_PLACE_ORGAN = re.compile(r"^[\u4e00-\u9fa5]{2,12}?(?:市|县|区|州|旗|盟|城)(?P<organ>[\u4e00-\u9fa5（）]{2,16})$")
# A head before 各 / 有关: ``国务院各部委``, ``省有关部门``, ``县直各部门``
_HEADED_KIND = re.compile(r"^(?!各|有关)[\u4e00-\u9fa5（）]{1,20}?(?:各|有关)(?:直属|所属|下属)?[\u4e00-\u9fa5]{1,6}$")


def _join_shared_heads(names: list[str], spans: list[Span], text: str) -> tuple[list[str], list[Span]]:
    """Join the parts of one recipient back together: a bare level followed by 、 belongs with the
    name after it (unless that name opens a list of its own with 各); a bare kind after 、 belongs
    with the headed kind before it, a bare organ word with the places before it."""
    out_names: list[str] = []
    out_spans: list[Span] = []
    for k, (name, span) in enumerate(zip(names, spans, strict=True)):
        if out_names and text[out_spans[-1][1]:span[0]].strip() == "、":
            last = out_names[-1].split("、")[-1]
            levels = _BARE_LEVEL.match(last) and not name.startswith("各")
            kinds = _BARE_KIND.match(name) and _HEADED_KIND.match(out_names[-1].split("、")[0])
            organs = _BARE_ORGAN.match(name) and is_organ(name) and _PLACE_HEADED.match(out_names[-1])
            places = _shares_the_organ(out_names[-1].split("、"), name, names[k + 1:])
            if levels or kinds or organs or places:
                out_names[-1] += "、" + name
                out_spans[-1] = (out_spans[-1][0], span[1])
                continue
        out_names.append(name)
        out_spans.append(span)
    return out_names, out_spans


def _shares_the_organ(before: list[str], name: str, later: list[str]) -> bool:
    """Whether ``name`` continues a list of places that ends with one place and its organ word."""
    if not all(_PLACE_ONLY.match(p) and not is_organ(p) for p in before):
        return False
    if (m := _PLACE_ORGAN.match(name)) and is_organ(m.group("organ")) and not _PLACE_ONLY.match(name):
        return True
    # one more place: join only when the list goes on to its organ (``高新区、经开区、…管委会``)
    return bool(_PLACE_ONLY.match(name)) and not is_organ(name) and bool(later) and _shares_the_organ([name], later[0], later[1:])
