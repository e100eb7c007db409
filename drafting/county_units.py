"""Who a unit named in a superior text is, seen from the county bureau.

Every name a superior task gives (as lead, support or the subject of a sentence) falls in one of:

- ``profile``: one of the county's own units (a 股室, a unit group or a member of one): it may
  lead or support in the 任务分工表 and be given a 督办;
- ``bureau``: the county bureau itself (县卫生健康局, 各级卫生健康行政部门 after localisation);
- ``higher``: a body above the county (国务院安委会, 国家卫生健康委, 省卫生健康委…): what it does
  is its own work, which the county implements or leaves out;
- ``outside``: a body outside the bureau (消防救援机构, 住建部门, 教育部门, 电力企业…): named
  in the text as a partner of the bureau, never as a unit of the table;
- ``duty_holder``: the duty-holders every unit is one of (社会单位, 生产经营单位): the county's
  units carry that duty;
- ``unresolved``: a health-system name the profile does not know: shown to the clerk, never
  delegated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.profile import CountyProfile

# Bodies above the county, whatever the superior's level. The issuer itself is added per notice.
_HIGHER = re.compile(
    r"^(?:党中央|中央|国务院|全国|国家|中共中央"
    r"|(?![县乡镇])[\u4e00-\u9fff]{1,6}部(?:办公厅)?$|(?:我|本)(?:委|厅|部)$|[省市](?:委|政府|人民政府|安委会|安委办|消安委|卫生健康委|卫健委|卫生健康委员会|"
    r"卫生健康局|卫健局|疾控局|中医药管理局|应急管理厅|应急管理局)"
    r"|(?:各)?省级|(?:各)?市级|(?:各)?(?:省|市)(?:直|属)"
    # a superior's own institutions: 中国疾控中心, 省疾控中心, 市急救中心, 省人民医院
    r"|(?:中国|省(?!级)|市(?![场民县区级辖内直属]))[\u4e00-\u9fff（）]{0,8}(?:疾控|疾病预防控制|急救|人民医院|医院|卫生|血|妇幼|"
    r"中医)[\u4e00-\u9fff（）]{0,8}(?:中心|医院|院|所|站)$)")
# The health system: a name the profile should know (or the bureau itself).
_HEALTH = re.compile(r"卫生|卫健|医疗|医院|疾控|疾病预防|卫生院|妇幼|急救|中医|血站|药|健康|计生|诊所|医养|托育")
# Outside bodies: other departments, rescue services, enterprises, schools.
_OUTSIDE = re.compile(
    r"消防|救援|住建|住房和城乡建设|城乡建设|建设部门|教育|学校|幼儿园|公安|应急管理|市场监管|市场监督|民政|"
    r"交通|水利|自然资源|生态环境|城管|城市管理|人社|财政|发展改革|发改|工信|文旅|文化和旅游|气象|"
    r"电力|供电|电网|燃气|供水|通信|物业|企业|公司|施工单位|业主|村委会|居委会|街道|乡镇人民政府|乡镇政府|"
    r"安委会|安委办|消安委|安全生产委|人民政府|政府|宣传部|网信|^各?(?:有关|相关)部门$")
# Duty-holders of which every county unit is one: the county's units carry their duty.
_DUTY_HOLDERS = re.compile(r"^(?:各类?|全体|广大)?(?:社会单位|生产经营单位|重点单位|人员密集场所|机关、?企事业单位|"
                           r"企事业单位|用人单位)$")
# The county bureau's counterparts a superior addresses (各省级卫生健康行政部门, 各级卫生健康部门).
_HEALTH_ADMIN = re.compile(r"^(?:各(?:省级|市级|县级|地|级)?|地方各级|地方|属地|辖区)(?:卫生健康|卫生|卫健)(?:行政)?(?:部门|主管部门)"
                           r"(?:和中医药主管部门|、中医药主管部门)?$")
_SCOPE = re.compile(r"^(?:各级|各地|各|全省|全市|全县|县级|地方|属地|辖区)")


@dataclass(frozen=True)
class UnitRole:
    """What the county makes of a name: its kind, the profile's name for it and why."""

    name: str
    kind: str  # profile | bureau | higher | outside | duty_holder | unresolved
    target: str | None = None  # the profile's printed name (kind profile / duty_holder)
    reason: str = ""

    @property
    def can_be_assigned(self) -> bool:
        return self.kind in ("profile", "duty_holder") and bool(self.target)


def profile_unit_names(profile: CountyProfile) -> set[str]:
    """Every name the 任务分工表 may print as a 牵头/配合 unit: 股室, groups, members, collectives."""
    return {*profile.department_names(), *profile.unit_names(), profile.units_collective,
            profile.departments_collective, profile.subordinate_collective,
            f"{profile.organ_prefix}机关相关股室"}


def in_profile(profile: CountyProfile, name: str) -> bool:
    return name in profile_unit_names(profile)


def partner_name(name: str) -> str:
    """How the plan names an outside body as a partner: without the superior's scope words
    (各级消防救援机构 → 消防救援机构, 各县（市、区）住建部门 → 住建部门)."""
    name = re.sub(r"^各(?:县|市|区)?[（(][^（）()]*[）)]", "", name)
    name = re.sub(r"^(?:各级|各地|各类|各)", "", name)
    name = re.sub(r"^(?:省|市)(?=[\u4e00-\u9fff]{3})(?!场|民|政府)", "", name)  # 市消防救援支队: the county deals with its own
    return name or "有关部门"


def is_bureau_counterpart(name: str) -> bool:
    """A subordinate health organ a superior addresses: in the county, the bureau itself."""
    return bool(_HEALTH_ADMIN.match(re.sub(r"\s", "", name)))


def is_higher(name: str, issuer: str | None = None) -> bool:
    clean = re.sub(r"\s", "", name)
    if is_bureau_counterpart(clean):
        return False
    if issuer and (clean == issuer or (len(clean) >= 4 and issuer.startswith(clean))):
        return True
    return bool(_HIGHER.match(clean))


def is_outside(name: str) -> bool:
    """A body outside the health system (a name with no health word and an outside word)."""
    clean = re.sub(r"\s", "", name)
    return bool(_OUTSIDE.search(clean)) and not _HEALTH.search(clean)


def is_duty_holder(name: str) -> bool:
    return bool(_DUTY_HOLDERS.match(re.sub(r"\s", "", name)))


def is_health_name(name: str) -> bool:
    return bool(_HEALTH.search(name))


def strip_scope(name: str) -> str:
    """各级疾控机构 → 疾控机构 (to look a generic name up in the profile)."""
    return _SCOPE.sub("", name, count=1) or name
