"""A county plan answering seed 002 (忻州市卫健委's 安全生产大排查大整治 urgent notice), as the
五台县 office would issue it. (Not named conftest.py: ``from corpus import seed`` must keep
meaning the shared tests/conftest.py.)"""

from __future__ import annotations

from drafting.plan import CountyPlan, PlanDeadline, PlanSection, PlanTask


def wutai_plan() -> CountyPlan:
    """五台县's 实施方案: the superior's deadlines (6月23日, 6月30日, 6月底, 每日17时, 7月10日)
    scheduled a day or so earlier for the county's units."""
    return CountyPlan(
        title="五台县卫健系统安全生产大排查大整治专项行动实施方案",
        cover_title="关于印发《五台县卫健系统安全生产大排查大整治专项行动实施方案》的通知",
        issuer="五台县卫生健康和体育局",
        doc_number="五卫体发〔2021〕35号",
        recipients=["各乡镇卫生院", "县直各医疗卫生单位"],
        issue_date="2021-06-16",
        sections=[PlanSection("一、总体要求", 1, ["以习近平新时代中国特色社会主义思想为指导……"])],
        tasks=[
            PlanTask(
                id="T1", number="1", category="动员部署、全面排查",
                measures="对照排查内容开展自查自纠，列出问题清单，建立隐患台账，明确整改责任。",
                lead=["县人民医院", "县中医医院", "县疾病预防控制中心", "各乡镇卫生院"],
                deadlines=[PlanDeadline(kind="due", date="2021-06-22", text="6月22日前",
                                        superior_date="2021-06-23", to="局办公室")],
            ),
            PlanTask(
                id="T2", number="2", category="消防安全",
                measures="排查消防设施、疏散通道、安全出口和消防控制室值班情况，开展消防演练。",
                lead=["局办公室"], support=["县人民医院", "县中医医院"],
                deadlines=[PlanDeadline(kind="due", date="2021-06-29", text="6月29日前",
                                        superior_date="2021-06-30")],
            ),
            PlanTask(
                id="T3", number="3", category="风险分级管控",
                measures="完成风险管控的辨识、分级并制定台账，按重大、较大、一般、低风险分级管控。",
                lead=["县疾病预防控制中心"],
                deadlines=[PlanDeadline(kind="due", date="2021-06-29", text="6月29日前",
                                        superior_date="2021-06-30")],
            ),
            PlanTask(
                id="T4", number="4", category="信息报送",
                measures="安全生产集中检查督查报送表格每日16时前报局办公室。",
                lead=["各乡镇卫生院"],
                deadlines=[PlanDeadline(kind="recurring", recurrence="daily", time="16:00",
                                        text="每日16时前", to="局办公室")],
            ),
            PlanTask(
                id="T5", number="5", category="“回头看”、跟踪整改",
                measures="对发现问题隐患整改和措施落实进行“回头看”，确保整改到位。",
                lead=["局医政股"],
                deadlines=[PlanDeadline(kind="range", start="2021-06-16", date="2021-07-09",
                                        text="即日起至7月9日", superior_date="2021-07-10")],
            ),
        ],
        contact={"name": "张丽", "phone": "0350-6522110", "email": "wtxwtj@163.com"},
        superior={"title": "关于在全市卫健系统立即开展安全生产大排查大整治专项行动的紧急通知",
                  "doc_number": "忻卫健办函〔2021〕214号", "issuer": "忻州市卫生健康委员会办公室",
                  "file": "002_99f2e0c5d8a631cb.txt"},
    )
