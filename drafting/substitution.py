"""Level substitution: the superior's organs and scope words become the county's.

A city notice says 市卫健委, 全市, 各县（市、区）卫健委, 委属各单位; the county's plan says 县卫健局,
全县, 各医疗卫生单位, 县直各医疗卫生单位. :class:`Substituter` knows the superior's level
(national, provincial, city or a county-level peer) from its issuer and number, builds the rules
for that level (:mod:`drafting.level_words`) and the county profile, and goes over the text
sentence by sentence: a sentence stating a fact about the superior's territory keeps it and is
attributed (:mod:`drafting.territory_facts`); every other one is rewritten in one pass (so a
replacement is never rewritten again), cited titles inside 《》 and quotations inside “” stay as
they are, and every change is recorded with its reason so the clerk can review it in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from drafting.level_words import LevelRule, const, level_rules
from drafting.plan import Substitution
from drafting.profile import CountyProfile
from drafting.territory_facts import (
    attribute,
    drop_superior_facts,
    fact_phrase_spans,
    is_attributed,
    is_territory_fact,
    territory_word,
)
from parsing.model import Notice

# How the health organ is named, longest forms first.
HEALTH_LONG = ("卫生健康委员会", "卫生和计划生育委员会", "卫生健康和体育局", "卫生健康委", "卫生健康局", "卫生计生委", "卫生局")
HEALTH_SHORT = ("卫健体局", "卫健委局", "卫健委", "卫健局", "卫计委")
HEALTH_FORMS = HEALTH_LONG + HEALTH_SHORT
_HEALTH = "|".join(HEALTH_FORMS)

# Administrative levels: the word a document uses for its own level and its scope (全市).
_PLACE = re.compile(r"^(.{1,12}?(?:特别行政区|自治区|自治州|自治县|省|市|盟|地区|县|区|旗))")
_LEVEL_OF_SUFFIX = {"自治区": "区", "省": "省", "市": "市", "自治州": "州", "盟": "盟", "地区": "地区",
                    "县": "县", "自治县": "县", "区": "区", "旗": "旗"}
_CITY_LEVELS = {"市", "州", "盟", "地区"}
_PROVINCE_LEVELS = {"省", "区"}
# National issuers: 国家卫生健康委, 国务院安委会, 应急管理部; national numbers: 国卫办…, 国办发, 安委办.
_NATIONAL_ISSUER = re.compile(r"^(?:国家|国务院|中共中央|中央|全国)")
_MINISTRY = re.compile(r"^[\u4e00-\u9fff]{2,8}部(?:办公厅)?$")
_NATIONAL_NUMBER = re.compile(r"^(?:国[\u4e00-\u9fff]|安委办?〔|安委〔|中办|厅字)")

# Lower-level organs a superior addresses, that become the county's own units.
_PAREN = r"[（(][^（()）]{1,8}[）)]"
_CITY_SUBORDINATE = rf"各(?:县(?:{_PAREN}|、市、区|市区|区)?|区县|县市区|区(?:{_PAREN})?(?![域内划别间]))"
_PROVINCE_SUBORDINATE = rf"(?:各设区的?市|各地市|各市(?:{_PAREN})?(?:、县(?:{_PAREN})?)?)"
_HEADS = r"(?:局长|主任|主要负责人|主要负责同志|分管负责同志)"
_COLLECTIVE_JOIN = re.compile(r"[、和及与]")
_ORGANISING = (r"(?:要|应|须|负责)?(?:[^，。；]{0,20}?[，,])?"
               r"(?:组织(?:对)?辖区|督促(?:指导)?辖区|指导辖区|对辖区|会同|联合|牵头组织)")
# A division's name: 医政医管科, 规划发展与安全生产科 (never a clause: 将组织…, 要对…).
_DIVISION_CHAR = r"(?:(?!要|将|对|组织|开展|会同|联合|的|各|并)[\u4e00-\u9fff])"
_DIVISION_SUFFIX = re.compile(rf"(?<=委|局|厅){_DIVISION_CHAR}{{2,10}}(?:处|科|司|办公室)$")
# The superior may stay where it is cited as the source of what the county does.
_CITING_BEFORE = re.compile(r"(?:按照|根据|依据|遵照|贯彻落实|落实|贯彻|据)$")
_CITING_AFTER = re.compile(r"^(?:办公室)?(?:关于|要求|部署|决策部署|工作要求|的要求|的部署|文件|通知)")


@dataclass(frozen=True)
class SuperiorLevel:
    """Who issued the notice: its level word (市/省/县…), place (忻州市) and organ (卫生健康委员会)."""

    word: str  # 市 | 省 | 州 | 县 | 区 …
    place: str | None  # 忻州市; None when the issuer is written without a place (市卫健委)
    organ: str  # 卫生健康委员会办公室
    is_health: bool

    @property
    def kind(self) -> str:
        if self.word == "国":
            return "national"
        if self.word in _PROVINCE_LEVELS:
            return "province"
        if self.word in _CITY_LEVELS:
            return "city"
        return "county"


def superior_level(notice: Notice) -> SuperiorLevel:
    """The level of the notice's issuer (signatory, else the title's own prefix)."""
    issuer = (notice.issuer or notice.signatory or "").split("、")[0]
    if not issuer and notice.title and "关于" in notice.title:
        issuer = notice.title.split("关于", 1)[0]
    if _NATIONAL_ISSUER.match(issuer) or (not _PLACE.match(issuer) and (
            _MINISTRY.match(issuer) or _NATIONAL_NUMBER.match(notice.doc_number or ""))):
        return SuperiorLevel("国", None, issuer, _is_health(issuer))
    if not issuer:
        return SuperiorLevel("市", None, "卫生健康委员会", True)
    if issuer[0] in "省市县州区" and any(issuer[1:].startswith(h) for h in (*HEALTH_FORMS, "人民政府")):
        return SuperiorLevel(issuer[0], None, issuer[1:], _is_health(issuer))
    match = _PLACE.match(issuer)
    if not match:
        return SuperiorLevel("市", None, issuer, _is_health(issuer))
    place = match.group(1)
    suffix = next(s for s in sorted(_LEVEL_OF_SUFFIX, key=len, reverse=True) if place.endswith(s))
    return SuperiorLevel(_LEVEL_OF_SUFFIX[suffix], place, issuer[len(place):], _is_health(issuer))


def _is_health(name: str) -> bool:
    return any(h in name for h in HEALTH_FORMS)


_REASONS = {"机关": "上级机关，改为本级对应机关", "下级": "上级文件的下级单位，改为本县的单位",
            "内设": "上级内设机构，改为本局内设机构", "范围": "上级范围词，改为本县范围"}
_CITED_ORGAN = "上级机关作为依据出处引用，保留原名"


def _rule(pattern: str, replace: Callable[[re.Match[str]], str], kind: str, citable: bool = False) -> LevelRule:
    rule = LevelRule(pattern, replace, kind, _REASONS[kind])
    rule.citable = citable  # type: ignore[attr-defined]
    return rule


class Substituter:
    """Rewrites superior-level names into the county's and keeps the list of what it changed."""

    def __init__(self, notice: Notice, profile: CountyProfile, department_for: Callable[[str], str] | None = None):
        self.profile = profile
        self._department_for = department_for or (lambda _name: profile.office)
        self.level = superior_level(notice)
        self.substitutions: list[Substitution] = []
        self._rules: list[LevelRule] = self._build_rules(notice)
        self._regex = re.compile("|".join(f"(?P<r{i}>{r.pattern})" for i, r in enumerate(self._rules)))
        self._superior_names = self._superior_name_pattern()

    # ----- rules ---------------------------------------------------------------------------
    def _build_rules(self, notice: Notice) -> list[LevelRule]:
        p, lv = self.profile, self.level
        county_units = p.units_collective
        direct_units = next((g.name for g in p.unit_groups if g.kind == "县直单位"), p.subordinate_collective)
        rules: list[LevelRule] = []
        word = re.escape(lv.word)

        def organ_name(m: re.Match[str]) -> str:
            text = m.group(0)
            if re.search(rf"(?:{_HEALTH})(?:办公室|办公厅)$", text):
                return p.office
            division = _DIVISION_SUFFIX.search(text)
            if division:
                return self._department_for(division.group(0))
            if lv.place and text.startswith(lv.place):
                return p.bureau
            return p.bureau_abbr if any(text.endswith(s) for s in HEALTH_SHORT) else p.bureau_short

        if lv.kind not in ("county", "national"):
            # Lower organs first: 各县（市、区）卫健委局局长 → 各医疗卫生单位主要负责人.
            sub = _CITY_SUBORDINATE if lv.kind == "city" else _PROVINCE_SUBORDINATE
            rules.append(_rule(rf"{sub}(?:{_HEALTH})+{_HEADS}", const(f"{county_units}主要负责人"), "下级"))
            # 各县（市、区）卫生健康局要…组织对辖区内…检查 / 各市卫生健康委会同应急管理部门…: the
            # subordinate organ organising its area or joining other departments is, in the county, the bureau.
            organiser = _rule(rf"{sub}(?:{_HEALTH})+(?={_ORGANISING})", const(p.bureau_short), "机关")
            organiser.reason = f"上级文件要求下级卫生健康部门组织本辖区或会同其他部门的工作，在本县即{p.bureau_short}"
            organiser.organiser = True  # type: ignore[attr-defined]
            rules.append(organiser)
            rules.append(_rule(rf"{sub}(?:{_HEALTH})+", const(county_units), "下级"))
            rules.append(_rule(rf"{sub}(?![^，。；、]{{0,3}}(?:{_HEALTH}))", const(county_units), "下级"))
            for name in notice.recipients:
                if _is_peer_organ(name, lv):
                    rules.append(_rule(re.escape(name), const(county_units), "下级"))
        # The issuing organ: with its place, then with the level word, then bare when it is a 委/局.
        if lv.is_health:
            office = (rf"(?:办公室|办公厅|(?!各){_DIVISION_CHAR}{{2,10}}?(?:处|科|司|办公室)"
                      r"(?![\u4e00-\u9fff]{0,1}(?:学|技|普)))?")
            if lv.place:
                rules.append(_rule(rf"{re.escape(lv.place)}(?:{_HEALTH}){office}", organ_name, "机关", True))
            own = "国家" if lv.kind == "national" else rf"(?<![县区乡镇]){word}"
            rules.append(_rule(rf"{own}(?:{_HEALTH}){office}", organ_name, "机关", True))
        elif lv.organ:
            full = lv.organ if lv.kind == "national" else (lv.place or lv.word) + lv.organ
            rules.append(_rule(re.escape(full), const(p.bureau), "机关", True))
        # The superior's own parts: 委属各单位, 委机关各科室, 委领导.
        rules.append(_rule(r"(?:委|局)(?:直属|属|直)(?:[（(]管[）)])?各(?:单位|医疗卫生单位)", const(direct_units), "内设"))
        rules.append(_rule(r"(?:委|局)机关各(?:处室|科室|处（室）|处、室|股室)", const(p.departments_collective),
                           "内设"))
        rules.append(_rule(r"(?<![党县区乡镇市省])委领导", const(f"{p.organ_prefix}领导"), "内设"))
        if lv.kind != "county":
            division = r"[\u4e00-\u9fff]{2,6}?(?:处|科|司)(?![\u4e00-\u9fff]{0,1}(?:学|技|普|长))"

            def own_part(m: re.Match[str]) -> str:
                text = m.group(0)
                part = re.sub(r"^(?:我|本)?(?:委|厅|部)", "", text)
                return self._department_for(part) if part else text[0] + p.organ_prefix

            # 我委将…, 报我委医政司, 由委医政医管处负责: the superior's own organ and divisions.
            rules.append(_rule(rf"(?:我|本)(?:委(?![员托会属])|厅|部(?![门分队署位]))(?:{division})?"
                               rf"|(?:(?<=^)|(?<=[由向报至经对和与及将请、，。；（(]))委(?![员托会属机领])(?:{division})",
                               own_part, "机关"))
        if lv.kind != "county":
            if lv.place:
                rules.append(_rule(rf"{re.escape(lv.place)}(?![委政人])", const(p.county), "范围"))
            rules.extend(level_rules(lv.kind, p))
        elif lv.place and lv.place != p.county:
            # A neighbouring county's document: its name becomes ours, and so do its bureau's
            # 股室 (报局应急办, 局规划股牵头): the county's own 股室 of that work.
            rules.append(_rule(re.escape(lv.place), const(p.county), "范围"))
            if lv.is_health:
                peer_part = _rule(r"(?<![^报由向至经将请对和与及、，。；：（(\s])局(?!办公室)[\u4e00-\u9fff]{1,6}?(?:股|办公室|办|室)"
                                  r"(?![\u4e00-\u9fff]{0,1}(?:长|主任))",
                                  lambda m: self._department_for(m.group(0)[1:]), "内设")
                peer_part.reason = "来文单位的股室，改为本局承担同类工作的股室"
                rules.append(peer_part)
        return rules

    def _superior_name_pattern(self) -> re.Pattern[str] | None:
        lv = self.level
        names = []
        if lv.is_health and lv.kind == "national":
            names.append(rf"国家(?:{_HEALTH})")
        elif lv.is_health and lv.kind != "county":
            names.append(rf"(?<![县区乡镇]){re.escape(lv.word)}(?:{_HEALTH})")
        if lv.place and lv.place != self.profile.county:
            suffix = f"(?:{_HEALTH})" if lv.is_health else re.escape(lv.organ)
            names.append(rf"{re.escape(lv.place)}{suffix}")
        return re.compile("|".join(names)) if names else None

    # ----- applying ------------------------------------------------------------------------
    def apply(self, text: str, where: str) -> str:
        """``text`` adapted to the county, sentence by sentence: superior-level names and scope
        words replaced, facts about the superior's territory kept and attributed, 《》 titles and
        “” quotations kept as cited."""
        if not text:
            return text
        return "".join(self._apply_sentence(sentence, where) for sentence in _sentences(text))

    def _apply_sentence(self, sentence: str, where: str) -> str:
        if self.level.kind != "county":
            bare = "".join(piece for piece, quoted in _split_quoted(sentence) if not quoted)
            body = sentence.lstrip()
            if is_attributed(bare.strip()) and territory_word(bare):
                return sentence  # 据统计，全省共发生…: already the superior's own figure
            if is_territory_fact(bare.strip()) and body:
                lead = sentence[:len(sentence) - len(body)]
                new = lead + attribute(body, self.superior_short)
                self._record(body, attribute(body, self.superior_short), where,
                             f"陈述{self.superior_short}所辖范围的情况，保留原范围并注明出处，不改为本县")
                return new
        quoted, pos = [], 0
        for piece, is_quoted in _split_quoted(sentence):
            if is_quoted:
                quoted.append((pos, pos + len(piece)))
            pos += len(piece)
        return self._apply_plain(sentence, where, quoted)

    def _apply_plain(self, text: str, where: str, quoted: list[tuple[int, int]]) -> str:
        """``text`` rewritten by the rules; nothing inside the ``quoted`` spans is touched."""
        def free(start: int, end: int) -> bool:
            return not any(s < end and start < e for s, e in quoted)

        kept = [k for k in fact_phrase_spans(text) if free(k[0], k[1])] if self.level.kind != "county" else []
        edits: list[tuple[int, int, str]] = [(s, e, new) for s, e, new in kept]
        reasons: dict[tuple[int, int], str] = {(s, e): "上级辖区内发生的情况，保留原范围" for s, e, _ in kept}
        for m in self._regex.finditer(text):
            if not free(m.start(), m.end()) or any(s < m.end() and m.start() < e for s, e, _ in kept):
                continue
            rule = self._rules[int(m.lastgroup[1:])]  # type: ignore[index]
            if getattr(rule, "citable", False) and _CITING_BEFORE.search(text[max(0, m.start() - 6):m.start()]):
                continue  # 按照市卫健委要求: the superior cited as the source stays
            new = rule.replace(m)
            if new != m.group(0):
                edits.append((m.start(), m.end(), new))
                reasons[(m.start(), m.end())] = rule.reason
                if getattr(rule, "organiser", False):  # …组织对辖区内医疗卫生机构 → …组织对全县医疗卫生机构
                    area = re.compile(r"[^。；]*?辖区内").match(text, m.end())
                    if area and free(area.end() - 3, area.end()):
                        edits.append((area.end() - 3, area.end(), "全县"))
                        reasons[(area.end() - 3, area.end())] = "本县卫生健康局组织的范围即全县"
        edits = self._collapse_collectives(text, sorted(edits))
        for s, e, new in edits:
            self._record(text[s:e], new, where, reasons.get((s, e), "多个下级单位名称合并为本县单位的统称"))
        return self._without_self_partner(_rebuild(text, edits), where)

    def _without_self_partner(self, text: str, where: str) -> str:
        """县卫生健康局要会同卫生健康部门…: the bureau is the health department; it joins no-one."""
        bureau = re.escape(self.profile.bureau_short)
        if not any(h in self.profile.bureau for h in HEALTH_FORMS):
            return text
        pattern = rf"(?<={bureau})(要|应|须)?会同(?:同级|本级|各级|各地|地方)?(?:卫生健康|卫健|卫生)(?:行政)?(?:主管)?部门"
        found = re.search(pattern, text)
        if not found:
            return text
        self._record(found.group(0), found.group(1) or "", where, f"{self.profile.bureau_short}即卫生健康部门，不再写会同")
        return text[:found.start()] + (found.group(1) or "") + text[found.end():]

    def _collapse_collectives(self, text: str, edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """A run like ``各县（市、区）卫健委、委属各单位、各级各类医疗卫生机构`` becomes one
        ``各医疗卫生单位`` (one edit over the whole run) when its parts all name the county's units."""
        output = _rebuild(text, edits)
        words = sorted(set(self._collectives()), key=len, reverse=True)
        alt = "|".join(re.escape(w) for w in words)
        runs = []
        for m in re.finditer(rf"(?:{alt})(?:[、和及](?:{alt}))+", output):
            parts = [w for w in _COLLECTIVE_JOIN.split(m.group(0)) if w]
            if self.profile.units_collective in parts:
                runs.append((_to_original(m.start(), edits), _to_original(m.end(), edits), self.profile.units_collective))
            elif len(set(parts)) < len(parts):
                # 委直属各单位、市直各医疗机构 both become 县直各医疗卫生单位: named once.
                runs.append((_to_original(m.start(), edits), _to_original(m.end(), edits),
                             "、".join(dict.fromkeys(parts))))
        if not runs:
            return edits
        kept = [e for e in edits if not any(s <= e[0] and e[1] <= t for s, t, _ in runs)]
        kept.extend(runs)
        return sorted(kept)

    def _collectives(self) -> list[str]:
        p = self.profile
        return [p.units_collective, *[g.name for g in p.unit_groups], "全县各级各类医疗卫生机构", "各级各类医疗卫生机构",
                "各医疗卫生机构", "各单位", "医疗卫生机构", p.subordinate_collective]

    def _record(self, original: str, replacement: str, where: str, reason: str = "") -> None:
        for sub in self.substitutions:
            if sub.original == original and sub.replacement == replacement and sub.where == where:
                sub.count += 1
                return
        self.substitutions.append(Substitution(original, replacement, where, reason=reason))

    def leftover_superior_names(self, text: str) -> list[str]:
        """Superior organ names still in ``text`` outside 《》 (should be none after :meth:`apply`)."""
        if self._superior_names is None or not text:
            return []
        found: list[str] = []
        for piece, quoted in _split_quoted(text):
            if quoted:
                continue
            for m in self._superior_names.finditer(piece):
                before, after = piece[max(0, m.start() - 6):m.start()], piece[m.end():m.end() + 5]
                if _CITING_BEFORE.search(before) or _CITING_AFTER.match(after):
                    continue  # the superior named as the source of requirements: 按照市卫健委要求
                found.append(m.group(0))
        return found

    def drop_superior_deeds(self, line: str, where: str) -> str:
        """``line`` without the sentences where the superior states what it has itself already done
        (市卫健委已成立14个督查组…): its own facts, not the county's; each one is listed as left out."""
        lv = self.level
        if lv.kind == "national":
            names = ["国家卫生健康委", "国家卫生健康委员会", "我委"] if lv.is_health else [self.superior_short]
        else:
            names = [lv.place and lv.place + lv.organ, f"{lv.word}卫健委", f"{lv.word}卫生健康委"]
        kept = drop_superior_facts([n for n in names if n], line)
        if kept != line:
            for sentence in _sentences(line):
                if sentence not in kept:
                    self._record(sentence, "（未写入）", where, "上级机关自身已开展的工作，不是本县的情况，未写入方案")
        return kept

    @property
    def superior_short(self) -> str:
        """How the county's text names the superior organ (市卫生健康委), for citations."""
        lv = self.level
        if lv.kind == "national":
            return "国家卫生健康委" if lv.is_health else re.sub(r"办公(?:厅|室)$", "", lv.organ)
        if lv.is_health and lv.kind != "county":
            return f"{lv.word}卫生健康委"
        return (lv.place or lv.word) + lv.organ


def _is_peer_organ(name: str, level: SuperiorLevel) -> bool:
    """A named recipient at the county's own level (五台山风景区农村社会工作局), not a generic group."""
    if name.startswith(("各", "委", "局", "市", "省")) or "属" in name[:3]:
        return False
    return name.endswith(("局", "委", "委员会")) and len(name) >= 5 and level.kind == "city"


def _rebuild(text: str, edits: list[tuple[int, int, str]]) -> str:
    out, pos = [], 0
    for start, end, new in edits:
        out.append(text[pos:start])
        out.append(new)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _to_original(offset: int, edits: list[tuple[int, int, str]]) -> int:
    """Map an offset in the rebuilt text back to ``text`` (edit boundaries map exactly)."""
    shift = 0
    for start, end, new in edits:
        out_start = start + shift
        if offset <= out_start:
            break
        if offset < out_start + len(new):
            return start
        shift += len(new) - (end - start)
    return offset - shift


_OPEN, _CLOSE = "《“", "》”"


def _sentences(text: str) -> list[str]:
    """``text`` cut after each 。！？ that is not inside 《》 or “” (each piece keeps its mark)."""
    out: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif ch in "。！？" and depth == 0:
            out.append(text[start:i + 1])
            start = i + 1
    if start < len(text):
        out.append(text[start:])
    return out


def _split_quoted(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, inside 《》 or “”) runs; nested 〈〉 stay inside their 《》."""
    pieces: list[tuple[str, bool]] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            if depth == 0 and i > start:
                pieces.append((text[start:i], False))
                start = i
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                pieces.append((text[start:i + 1], True))
                start = i + 1
    if start < len(text):
        pieces.append((text[start:], depth > 0))
    return pieces
