"""Which names in a plan are units the office can chase: the county profile's 股室, its units and
its groups of units (各乡镇卫生院 → its member 卫生院). Anything else (社会单位、各生产经营单位,
a heading read as a unit) is not delegated: it waits on the clerk. The bureau itself and its
office send the 交办 and the 催办, so they are never chased.

Matching is exact on the profile's names and aliases (also with the organ word 局/委 or 县 put
before or taken off), never fuzzy: a delegation to the wrong unit is worse than one question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafting.profile import CountyProfile

UNIT, GROUP, SENDER, UNRESOLVED = "unit", "group", "sender", "unresolved"


@dataclass(frozen=True)
class Resolution:
    """What a plan's unit name is for the 督办 office."""

    name: str  # as the plan writes it
    kind: str  # unit / group / sender / unresolved
    target: str | None = None  # the profile's printed name
    members: tuple[str, ...] = field(default=())  # a group's units
    reason: str = ""


def _compact(name: str) -> str:
    return re.sub(r"\s+", "", name or "")


class CountyUnits:
    """The profile's units, looked up by any of their names."""

    def __init__(self, profile: CountyProfile):
        self.profile = profile
        organ = profile.organ_word or "局"
        self._units: dict[str, str] = {}
        self._groups: dict[str, tuple[str, tuple[str, ...]]] = {}
        for dept in profile.departments:
            for alias in (dept.name, *dept.aliases):
                for form in _forms(alias, organ):
                    self._units.setdefault(form, dept.name)
        for group in profile.unit_groups:
            members = tuple(group.members)
            for alias in (group.name, *group.aliases):
                for form in _forms(alias, organ):
                    self._groups.setdefault(form, (group.name, members))
            for member in members:
                for form in _forms(member, organ):
                    self._units.setdefault(form, member)
        departments = tuple(d.name for d in profile.departments)
        if departments:  # 局机关各股室: every 股室 of the bureau
            self._groups.setdefault(_compact(profile.departments_collective),
                                    (profile.departments_collective, departments))
        everyone = tuple(m for g in profile.unit_groups for m in g.members)
        if profile.units_word:
            self._groups.setdefault(_compact(profile.units_word), (profile.units_word, everyone))
        for alias, target in (profile.unit_aliases or {}).items():
            if target in self._units.values() or target in self._units:
                self._units.setdefault(_compact(alias), self._units.get(target, target))
        from tracking.delegations import unit_key

        self._keys = {unit_key(form): target for form, target in self._units.items()}
        self._senders = {_compact(n) for n in (profile.bureau, profile.bureau_short, profile.bureau_abbr) if n}
        self.office = profile.office or ""

    def resolve(self, name: str) -> Resolution:
        clean = _compact(name)
        if not clean:
            return Resolution(name, UNRESOLVED, reason="单位名称为空")
        if clean in self._senders or clean.rstrip("机关") in self._senders:
            return Resolution(name, SENDER, reason=f"“{name}”是本{self.profile.organ_word or '局'}自身，不能交办给自己")
        if clean in self._units:
            return Resolution(name, UNIT, self._units[clean])
        if clean in self._groups:
            target, members = self._groups[clean]
            return Resolution(name, GROUP, target, members)
        from tracking.delegations import unit_key

        if unit_key(clean) in self._keys:  # 县疾控中心 = 县疾病预防控制中心
            return Resolution(name, UNIT, self._keys[unit_key(clean)])
        return Resolution(name, UNRESOLVED,
                          reason=f"“{name}”不是单位资料中的股室或单位，请确认由哪个单位承担")

    def is_sender(self, name: str) -> bool:
        """The bureau itself or the office that sends the 催办 (局办公室)."""
        clean = _compact(name)
        if clean in self._senders:
            return True
        return bool(self.office) and self._units.get(clean) == self.office


def _forms(name: str, organ: str) -> list[str]:
    """县中医医院 ↔ 中医医院, 局医政股 ↔ 医政股."""
    clean = _compact(name)
    forms = [clean]
    for prefix in (organ, "县"):
        if clean.startswith(prefix) and len(clean) > len(prefix) + 1:
            forms.append(clean[len(prefix):])
        else:
            forms.append(prefix + clean)
    return forms


def county_units(profile: CountyProfile | None = None) -> CountyUnits:
    """The units of ``profile``, else of the user's profile (the shipped sample when none is saved)."""
    if profile is None:
        from drafting.profile import load_user_profile

        profile = load_user_profile()
    return CountyUnits(profile)
