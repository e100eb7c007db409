"""Which of the county's units lead and support each task.

Three sources, each leaving a reason the user can read:

1. the units the superior text names (牵头/负责/配合, or the subjects of 要), after level
   substitution, mapped onto the profile's own names (exact name, alias, then rapidfuzz);
2. the profile's keyword table of what each 股室 usually handles (安全生产 → 局办公室,
   医疗质量 → 医政医管股…), which picks the 牵头股室;
3. a default: the office leads, and every unit carries out a task the superior gave to all.

The result is a suggestion: PlanTask.lead / support stay plain lists the user edits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from drafting.county_units import (
    UnitRole,
    is_bureau_counterpart,
    is_duty_holder,
    is_health_name,
    is_higher,
    is_outside,
    partner_name,
    strip_scope,
)
from drafting.profile import CountyProfile

# Words that name every unit at once (after substitution).
_ALL_UNITS = ("各单位", "各级各类医疗卫生机构", "各医疗卫生机构", "医疗卫生机构", "医疗机构", "各医疗机构",
              "各地各单位", "各地", "各类机构", "各医疗卫生单位", "全系统各单位")
_BUREAU = re.compile(r"^(?:县|我|本)?(?:卫生健康委员会|卫生健康委|卫生健康局|卫健委|卫健局|委|局)(?:机关)?$")
_FUZZY_CUTOFF = 82.0
# A superior organ's internal division: 委医政医管处, 医政医管科, 厅人事处.
_SUPERIOR_DEPARTMENT = re.compile(r"^(?:委|厅|局)?[^各，。、]{2,8}(?:处|科)$")


@dataclass
class UnitSuggestion:
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)  # outside bodies: named in the text only
    unresolved: list[str] = field(default_factory=list)  # names the profile does not know


class UnitMatcher:
    """Maps unit names onto a profile and suggests lead and support units for a task."""

    def __init__(self, profile: CountyProfile):
        self.profile = profile
        self._names: dict[str, str] = {}  # any known name or alias -> the profile's printed name
        for dept in profile.departments:
            for alias in (dept.name, *dept.aliases, _strip_organ(dept.name)):
                self._names.setdefault(alias, dept.name)
        for group in profile.unit_groups:
            self._names.setdefault(group.name, group.name)
            for member in group.members:
                self._names.setdefault(member, member)
            for alias in group.aliases:
                self._names.setdefault(alias, group.name)
        for alias, target in profile.unit_aliases.items():
            self._names[alias] = target
        self._choices = list(self._names)

    # ----- single names --------------------------------------------------------------------
    def is_bureau(self, name: str) -> bool:
        p = self.profile
        return name in (p.bureau, p.bureau_short, p.bureau_abbr) or bool(_BUREAU.match(name)) \
            or name in ("督查组", "督导组", "工作组", "专项督导组", "领导小组办公室") \
            or (name.startswith((p.bureau_short, p.bureau_abbr)) and name.endswith(("组", "办公室")))

    def is_department(self, name: str) -> bool:
        return name in self.profile.department_names() or name.startswith(self.profile.organ_prefix + "机关")

    def map_name(self, name: str) -> tuple[str | None, str]:
        """The profile's name for a unit named in a superior text, and why (None: no match)."""
        clean = _clean(name)
        if not clean:
            return None, ""
        if self.is_bureau(clean):
            return None, f"“{name}”是本局自身"
        if re.fullmatch(r"(?:各|局|委|机关)*(?:相关)?(?:股室|科室|处室)", clean):
            return (f"{self.profile.organ_prefix}机关相关股室" if "相关" in clean
                    else self.profile.departments_collective), ""
        if clean in _ALL_UNITS or clean.endswith("各类机构") or clean == self.profile.units_collective:
            return self.profile.units_collective, f"“{name}”指全县各单位"
        if clean in self._names:
            target = self._names[clean]
            return target, ("" if target == clean else f"“{name}”对应{target}")
        member = self._institution_of_kind(clean)
        if member:
            return member, f"“{name}”是本县的{member}"
        best = process.extractOne(clean, self._choices, scorer=fuzz.WRatio, score_cutoff=_FUZZY_CUTOFF)
        if best:
            target = self._names[best[0]]
            return target, f"“{name}”与“{best[0]}”相近（相似度{best[1]:.0f}），对应{target}"
        if _SUPERIOR_DEPARTMENT.match(clean):
            return self.map_department(clean), f"“{name}”是上级机关的内设处室，对应本局{self.map_department(clean)}"
        return None, f"“{name}”不在单位资料中，按原文保留"

    def role(self, name: str, issuer: str | None = None) -> UnitRole:
        """What ``name`` is for the county (see :mod:`drafting.county_units`); only ``profile``
        and ``duty_holder`` names may lead or support a task."""
        clean = _clean(name)
        if not clean:
            return UnitRole(name, "unresolved", None, "")
        if self.is_bureau(clean) or is_bureau_counterpart(clean):
            return UnitRole(name, "bureau", None, f"“{name}”是本局自身")
        if is_higher(clean, issuer):
            return UnitRole(name, "higher", None, f"“{name}”是上级机关，其工作不列为本县单位的任务")
        if clean in self._names or clean in _ALL_UNITS or re.fullmatch(r"(?:各|局|委|机关)*(?:相关)?(?:股室|科室|处室)",
                                                                       clean):
            target, why = self.map_name(clean)
            return UnitRole(name, "profile", target, why)
        scoped = strip_scope(clean)
        if scoped != clean and (scoped in self._names or scoped in _ALL_UNITS):
            target = self._names.get(scoped) or self.profile.units_collective
            return UnitRole(name, "profile", target, f"“{name}”对应{target}")
        if is_duty_holder(clean):
            return UnitRole(name, "duty_holder", self.profile.units_collective,
                            f"“{name}”的责任由{self.profile.units_collective}落实")
        if is_outside(clean):
            return UnitRole(name, "outside", None,
                            f"“{name}”不是本局单位，在任务中写为配合对象“{partner_name(clean)}”")
        target, why = self.map_name(clean)
        if target is not None and (is_health_name(clean) or target == self.profile.units_collective
                                   or self.is_department(target) or _SUPERIOR_DEPARTMENT.match(clean)):
            return UnitRole(name, "profile", target, why)
        return UnitRole(name, "unresolved", None, f"“{name}”不在单位资料中，请确认由哪个股室或单位承担")

    def _institution_of_kind(self, name: str) -> str | None:
        """县疾控部门, 疾病预防控制机构, 妇幼保健机构: the county's one member of that kind, if it has one."""
        for kind, words in _INSTITUTION_KINDS:
            if re.fullmatch(rf"(?:县|全县|本县|县级|各级|各地)?(?:{kind})(?:部门|机构|中心|单位)", name):
                found = [m for g in self.profile.unit_groups for m in g.members if any(w in m for w in words)]
                if len(set(found)) == 1:
                    return found[0]
        return None

    def map_department(self, name: str) -> str:
        """The bureau's 股室 for a superior's internal 处/科 (医政医管处 → 医政医管股), else the office."""
        core = _department_core(name)
        best_name, best = self.profile.office, (0.0, 0)
        for dept in self.profile.departments:
            for alias in (dept.name, *dept.aliases):
                if name in (alias, f"局{alias}"):
                    return dept.name  # 应急办 is the alias of 卫生应急办公室, not a match of 局办's 办
                alias_core = _department_core(alias)
                score = (fuzz.partial_ratio(core, alias_core) if core else 0.0, len(alias_core))
                if score > best:
                    best_name, best = dept.name, score
        return best_name if best[0] >= 80 else self.profile.office

    # ----- tasks ---------------------------------------------------------------------------
    def department_scores(self, heading: str, text: str) -> list[tuple[str, int, list[str]]]:
        """Departments ranked by the keywords of theirs a task mentions (heading counts triple)."""
        ranked = []
        for dept in self.profile.departments:
            hits = [k for k in dept.keywords if k in heading or k in text]
            score = sum(3 if k in heading else 1 for k in hits)
            if score:
                ranked.append((dept.name, score, hits))
        ranked.sort(key=lambda r: -r[1])
        return ranked

    def suggest(self, heading: str, text: str, lead: list[str], support: list[str]) -> UnitSuggestion:
        """Lead and support units for a task whose superior text names ``lead`` / ``support``
        (already substituted to the county's level)."""
        result = UnitSuggestion()
        named_depts: list[str] = []
        executing: list[str] = []
        supporting: list[str] = []
        bureau_named = False
        outside_lead = False  # the superior gave the lead to a body that is not the county's
        for role, names in (("lead", lead), ("support", support)):
            for name in names:
                found = self.role(name)
                if found.reason:
                    result.reasons.append(found.reason)
                if found.kind == "bureau":
                    bureau_named = True
                    continue
                if found.kind in ("outside", "higher"):
                    outside_lead = outside_lead or role == "lead"
                if found.kind == "outside":
                    result.partners = _unique([*result.partners, partner_name(_clean(name))])
                    continue
                if found.kind == "unresolved":
                    result.unresolved = _unique([*result.unresolved, _clean(name)])
                    continue
                if not found.can_be_assigned:
                    continue
                target = found.target
                assert target is not None
                if self.is_department(target):
                    (named_depts if role == "lead" else supporting).append(target)
                else:
                    executing.append(target)
        ranked = self.department_scores(heading, text)
        if not named_depts and outside_lead and supporting:
            # 消防救援支队牵头，医政医管科配合: the bureau's share is led by the 股室 named to support.
            named_depts, supporting = supporting[:1], supporting[1:]
        if named_depts:
            result.lead = _unique(named_depts)
            result.reasons.append(f"上级文件明确由{'、'.join(result.lead)}牵头")
        elif ranked:
            top_name, top_score, hits = ranked[0]
            result.lead = [top_name]
            result.reasons.append(f"{top_name}牵头：任务涉及{'、'.join('“' + h + '”' for h in hits[:4])}")
            for name, score, dept_hits in ranked[1:3]:
                if score * 2 >= top_score and score >= 2:
                    supporting.append(name)
                    result.reasons.append(f"{name}配合：任务涉及{'、'.join('“' + h + '”' for h in dept_hits[:3])}")
        else:
            result.lead = [self.profile.office]
            result.reasons.append(f"任务未涉及各股室的分管事项，默认由{self.profile.office}牵头")
        only_outside = bool(lead) and all(self.role(n).kind == "outside" for n in [*lead, *support]) \
            and not re.search(r"医疗|医院|卫生院|卫生机构|卫生单位|疾控|妇幼|急救", heading + text)
        if only_outside:
            # 责任单位：县市场监管局；配合单位：县公安局 — the bureau's 股室 supports them; its units are not asked.
            result.reasons.append("上级文件的责任单位都是本局以外的单位，本局由牵头股室配合，不另派下属单位")
        elif not executing and not bureau_named:
            executing.append(self.profile.units_collective)
            result.reasons.append(f"上级要求各单位落实，{self.profile.units_collective}负责具体实施")
        if self.profile.units_collective in executing:
            # The groups are part of "all units": naming them again adds nothing.
            groups = {g.name for g in self.profile.unit_groups}
            executing = [u for u in executing if u not in groups]
        result.support = [u for u in _unique(supporting + executing) if u not in result.lead]
        return result


# Kinds of institution a superior names generically, and the words in a member's name for each.
_INSTITUTION_KINDS = ((r"疾控|疾病预防控制|疾病控制", ("疾病预防控制", "疾控")), (r"妇幼保健|妇幼", ("妇幼",)),
                      (r"急救|院前急救|120急救", ("急救",)), (r"卫生监督|卫生健康监督|卫生执法", ("监督",)))


def _clean(name: str) -> str:
    name = re.sub(r"\s", "", name)
    name = re.sub(r"(?:主要负责人|主要负责同志|负责同志|负责人)$", "", name)
    return name[:-1] if name.endswith("等") and len(name) > 2 else name


def _department_core(name: str) -> str:
    """医政医管处 → 医政医管, 局办公室 → 办公, 科教宣传股 → 科教宣传."""
    name = re.sub(r"^(?:委|厅|局)", "", name)
    return re.sub(r"(?:办公室|股|处|科|室)$", "", name)


def _strip_organ(name: str) -> str:
    return name[1:] if name.startswith(("局", "委")) and len(name) > 3 else name


def _unique(items: list[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.append(item)
    return seen


def remember_assignments(profile: CountyProfile, tasks: list) -> int:
    """Teach the profile what each 股室 handled: the heading of every task it leads becomes one of
    its keywords, so the next notice on the same work suggests the same 股室. Returns how many
    keywords were added (save the profile afterwards to keep them)."""
    by_name = {d.name: d for d in profile.departments}
    added = 0
    for task in tasks:
        heading = re.sub(r"[（(][^（）()]*[）)]", "", getattr(task, "category", "") or "").strip("。：:")
        if not 2 <= len(heading) <= 16 or heading.startswith(("报送", "阶段目标")):
            continue
        for name in getattr(task, "lead", [])[:1]:
            dept = by_name.get(name)
            if dept is not None and heading not in dept.keywords:
                dept.keywords.append(heading)
                added += 1
    return added
