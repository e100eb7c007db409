"""The county profile: the office's own facts the plan builder localises a superior notice with.

County and bureau names (full and short), the 发文字号 prefix, the bureau's internal 股室 (each
with a small keyword table of what it usually handles), its subordinate units grouped the way a
主送 line names them (乡镇卫生院, 县直单位, 民营医院…), its leaders, a default contact and how many
working days before a superior deadline the county sets its own.

Stored as JSON (``profile/1``) in the user's data folder (``profile.json``); a sample profile for
示例县卫生健康局 ships in ``resources/sample_profile.json`` so the app works at once.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from drafting.profile_check import profile_problems
from parsing.errors import PolicyDeskError
from parsing.locations import resource, user_data_dir
from parsing.text_safety import loads_json

PROFILE_SCHEMA = "profile/1"
PROFILE_FILE = "profile.json"
SAMPLE_PROFILE = "sample_profile.json"


class ProfileError(PolicyDeskError):
    """The profile file is missing, unreadable or incomplete."""


@dataclass
class Department:
    """An internal 股室 of the bureau (办公室, 医政医管股…)."""

    name: str  # as printed in the plan: 局办公室, 医政医管股
    keywords: list[str] = field(default_factory=list)  # what it usually handles
    aliases: list[str] = field(default_factory=list)  # other ways texts name it (医政股)


@dataclass
class UnitGroup:
    """A group of subordinate units as a 主送 line names it (``各乡镇卫生院``)."""

    name: str  # collective name: 各乡镇卫生院, 县直各医疗卫生单位, 各民营医院
    kind: str = ""  # 乡镇卫生院 | 县直单位 | 民营医院 | 其他
    members: list[str] = field(default_factory=list)  # 县人民医院, 县疾病预防控制中心…
    aliases: list[str] = field(default_factory=list)  # generic words a superior uses (疾控机构)


@dataclass
class Leader:
    """A leader of the bureau and the post printed after the name."""

    name: str
    post: str  # 党组书记、局长
    role: str = ""  # 组长 | 副组长 (empty: 组长 for the first, 副组长 for the rest)


@dataclass
class ContactInfo:
    name: str = ""
    phone: str = ""
    email: str = ""
    department: str = ""  # where the contact sits (局办公室)


@dataclass
class CountyProfile:
    """What the office knows about itself. Every name as it prints in a 公文."""

    county: str  # 青阳县
    bureau: str  # 青阳县卫生健康委员会
    bureau_short: str  # 县卫生健康委 (how the county's own documents name the bureau in text)
    bureau_abbr: str  # 县卫健委
    doc_prefix: str  # 发文字号 prefix: 青卫健办 (→ 青卫健办〔2024〕12号)
    organ_word: str = "局"  # 局 or 委: 局机关, 局属各单位, 局领导
    office: str = "局办公室"  # the office that collects reports
    departments: list[Department] = field(default_factory=list)
    unit_groups: list[UnitGroup] = field(default_factory=list)
    leaders: list[Leader] = field(default_factory=list)
    contact: ContactInfo = field(default_factory=ContactInfo)
    lead_days: int = 3  # working days before a superior deadline
    report_hours_before: int = 2  # a daily report due at 17时 upward is collected this much earlier
    township_word: str = "各乡镇"  # the county's own subdivisions
    units_word: str = "各医疗卫生单位"  # every subordinate unit together
    unit_aliases: dict[str, str] = field(default_factory=dict)  # 疾控机构 → 县疾病预防控制中心

    # ----- derived names -------------------------------------------------------------------
    @property
    def organ_prefix(self) -> str:
        """``局`` / ``委`` as a prefix of internal names (局机关, 局属)."""
        return self.organ_word or "局"

    @property
    def departments_collective(self) -> str:
        """How the bureau's own 股室 are named together: 局机关各股室."""
        return f"{self.organ_prefix}机关各股室"

    @property
    def units_collective(self) -> str:
        """All subordinate units together: 各医疗卫生单位."""
        return self.units_word

    @property
    def subordinate_collective(self) -> str:
        """The bureau's directly run units: 局属各单位."""
        return f"{self.organ_prefix}属各单位"

    def recipients(self) -> list[str]:
        """The 主送 of a notice to every unit: the groups, then the bureau's own 股室."""
        return [g.name for g in self.unit_groups] + [self.departments_collective]

    def department_names(self) -> list[str]:
        return [d.name for d in self.departments]

    def unit_names(self) -> list[str]:
        """Every subordinate unit's name: group names and their members."""
        names: list[str] = []
        for group in self.unit_groups:
            names.append(group.name)
            names.extend(group.members)
        return names

    def validate(self) -> None:
        """Raise :class:`ProfileError` naming the first missing essential field."""
        required = {"county": "县名", "bureau": "单位全称", "bureau_short": "单位简称",
                    "bureau_abbr": "单位简称（缩写）", "doc_prefix": "发文字号代字"}
        for key, label in required.items():
            if not str(getattr(self, key) or "").strip():
                raise ProfileError(f"单位资料缺少“{label}”")
        if self.lead_days < 0 or self.lead_days > 30:
            raise ProfileError(f"提前工作日数应在0到30之间：{self.lead_days}")

    # ----- JSON ------------------------------------------------------------------------------
    def to_json(self) -> dict:
        data = {"schema": PROFILE_SCHEMA}
        data.update(asdict(self))
        return data

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, data: dict) -> CountyProfile:
        if data.get("schema", PROFILE_SCHEMA) != PROFILE_SCHEMA:
            raise ProfileError(f"不是 {PROFILE_SCHEMA} 格式的单位资料：schema = {data.get('schema')!r}")
        try:
            fields = {k: v for k, v in data.items() if k != "schema"}
            fields["departments"] = [Department(**d) for d in data.get("departments", [])]
            fields["unit_groups"] = [UnitGroup(**g) for g in data.get("unit_groups", [])]
            fields["leaders"] = [Leader(**p) for p in data.get("leaders", [])]
            fields["contact"] = ContactInfo(**(data.get("contact") or {}))
            profile = cls(**fields)
        except TypeError as exc:
            raise ProfileError(f"单位资料格式有误：{exc}") from exc
        profile.validate()
        return profile


def default_profile_path() -> Path:
    """Where the user's profile lives: ``<user data>/profile.json``."""
    return user_data_dir() / PROFILE_FILE


def sample_profile_path() -> Path:
    return resource(SAMPLE_PROFILE)


def load_profile(path: str | os.PathLike[str]) -> CountyProfile:
    """Read a profile file; a readable Chinese :class:`ProfileError` when it is not one."""
    path = Path(path)
    try:
        data = loads_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ProfileError(f"{path.name}：找不到单位资料文件") from exc
    except (OSError, ValueError) as exc:
        raise ProfileError(f"{path.name}：单位资料无法读取（{exc}）") from exc
    if problems := profile_problems(data):
        raise ProfileError(f"{path.name}：单位资料格式有误：{'；'.join(problems[:5])}")
    return CountyProfile.from_json(data)


def load_sample_profile() -> CountyProfile:
    return load_profile(sample_profile_path())


def load_user_profile() -> CountyProfile:
    """The user's profile when saved, else the shipped sample (示例县卫生健康局)."""
    path = default_profile_path()
    return load_profile(path) if path.is_file() else load_sample_profile()


def save_profile(profile: CountyProfile, path: str | os.PathLike[str] | None = None) -> Path:
    """Write ``profile`` atomically (temp file beside, then ``os.replace``); default the user's file."""
    profile.validate()
    target = Path(path) if path is not None else default_profile_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    from drafting.atomic import atomic_write_text

    return atomic_write_text(target, profile.dumps())
