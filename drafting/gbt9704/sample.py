"""Sample documents that use every element of the format: what ``policydesk export-sample`` writes
and what the tests render. The county, people and numbers are invented."""

from __future__ import annotations

import datetime

from drafting.gbt9704.model import (
    TASK_TABLE_COLUMNS,
    Attachment,
    Colophon,
    Heading,
    Letterhead,
    OfficialDocument,
    Paragraph,
    Table,
)

ISSUE_DATE = datetime.date(2024, 3, 7)
BUREAU = "清河县卫生健康局"

TASK_COLUMNS = list(TASK_TABLE_COLUMNS)

TASK_ROWS: list[list] = [
    [1, "开展环境卫生整治", "组织城乡环境卫生集中清理，重点整治农贸市场、城中村、背街小巷和城乡结合部的卫生死角，"
        "清除积存垃圾和病媒生物孳生地。", "县爱卫办", "各乡镇人民政府\n县住建局", datetime.date(2024, 4, 15)],
    [2, "加强病媒生物防制", "在全县范围开展春季病媒生物集中防制活动，落实鼠、蚊、蝇、蟑防制措施，密度控制水平达到国家标准"
        "C级以上。", "县疾控中心", "县市场监管局\n各乡镇卫生院", datetime.date(2024, 4, 20)],
    [3, "普及健康知识", "利用广播电视、政务新媒体和村（社区）宣传栏开展健康知识宣传，发放宣传资料不少于2万份，"
        "举办健康讲座不少于30场。", "县卫生健康局", "县融媒体中心\n县教育局", datetime.date(2024, 4, 30)],
    [4, "推进健康细胞建设", "每个乡镇至少建成1个健康村、2个健康家庭示范户，县直机关创建健康单位不少于5个。",
        "县卫生健康局", "各乡镇人民政府", datetime.date(2024, 6, 30)],
    [5, "做好总结报送", "各乡镇、各单位认真总结活动开展情况，形成书面材料连同图片资料报县爱卫办。",
        "各乡镇人民政府", "县直有关单位", datetime.date(2024, 5, 10)],
]


def task_table(caption: str | None = None) -> Table:
    """The sample 任务分工表."""
    return Table(list(TASK_COLUMNS), [list(row) for row in TASK_ROWS], caption=caption)


def _plan_blocks() -> list:
    return [
        Paragraph("为深入贯彻落实全国和省、市爱国卫生运动委员会关于开展第36个爱国卫生月活动的部署，进一步改善城乡"
                  "人居环境，提升群众健康素养，结合我县实际，制定本方案。"),
        Heading("一、总体要求"),
        Paragraph("坚持以人民健康为中心，坚持预防为主，以“宜居靓家园，健康新生活”为主题，广泛动员群众参与，集中解决"
                  "一批影响群众健康的突出环境卫生问题，推动爱国卫生运动融入群众日常生活。"),
        Heading("二、活动时间"),
        Paragraph("2024年4月1日至4月30日，其中4月为集中活动月。"),
        Heading("三、重点任务"),
        Heading("（一）深入开展城乡环境卫生整治", 2),
        Heading("1.", 3, run_in="全面清理卫生死角。以农贸市场、城中村、背街小巷为重点，组织集中清理行动，做到垃圾日产日清。"),
        Heading("2.", 3, run_in="加强饮用水卫生管理。对集中式供水单位开展一次全面检查，督促落实水质检测制度。"),
        Heading("（二）科学开展病媒生物防制", 2),
        Paragraph("县疾控中心要加强病媒生物监测，指导各乡镇科学用药，防止滥用化学药物。"),
        Heading("（1）", 4, run_in="春季灭鼠。4月上旬在全县统一投放鼠药，重点区域投药覆盖率达到100%。"),
        Heading("（2）", 4, run_in="清除蚊蝇孳生地。翻盆倒罐，清除积水，对公共厕所、垃圾中转站定期消杀。"),
        Heading("四、工作要求"),
        Paragraph("各乡镇、各单位要把爱国卫生月活动作为当前一项重要工作，明确专人负责，细化工作措施，确保各项任务落到实处。"
                  "活动中形成的好经验、好做法要及时报送县爱卫办。"),
    ]


def sample_notice() -> OfficialDocument:
    """A 下行文 通知 with every element: 版头 with 份号/密级/紧急程度, a long title, headings of all
    four levels, two attachments (the 实施方案 and a landscape 任务分工表), seal, 附注 and 版记."""
    body = [
        Paragraph("为深入贯彻落实全国爱国卫生运动委员会《关于开展第36个爱国卫生月活动的通知》精神，巩固国家卫生县城创建成果，"
                  "经研究，决定于2024年4月在全县开展第36个爱国卫生月活动。现将《清河县2024年爱国卫生月活动实施方案》"
                  "印发给你们，请结合实际认真贯彻落实，并就有关事项通知如下。"),
        Heading("一、提高思想认识"),
        Paragraph("爱国卫生运动是党和政府把群众路线运用于卫生防病工作的成功实践。各乡镇、各单位要充分认识开展爱国卫生月活动的"
                  "重要意义，切实加强组织领导，主要负责同志亲自部署、亲自推动。"),
        Heading("二、压实工作责任"),
        Heading("（一）明确责任分工", 2),
        Paragraph("各牵头单位要按照任务分工表的要求，制定具体工作计划，配合单位要主动对接、密切协作，形成工作合力。"),
        Heading("（二）强化督促检查", 2),
        Heading("1.", 3, run_in="县爱卫办将组织开展专项督查，对工作推进缓慢、群众反映强烈的问题及时通报。"),
        Heading("2.", 3, run_in="督查结果纳入年度爱国卫生工作考核，作为评先评优的重要依据。"),
        Heading("三、按时报送信息"),
        Paragraph("请各乡镇、各单位于2024年5月10日前将活动开展情况总结（含图片资料）报送县爱卫办，同时通过政务内网"
                  "报送电子版。总结要全面反映活动组织开展情况、主要做法和取得的成效，分析存在的问题，提出下一步工作"
                  "打算，并附环境卫生整治、病媒生物防制等工作的数据统计表。逾期未报送的，将在全县范围内予以通报。"),
    ]
    return OfficialDocument(
        title="关于印发《清河县2024年爱国卫生月活动实施方案》的通知",
        letterhead=Letterhead([BUREAU]),
        doc_number="清卫健〔2024〕12号",
        copy_number="000018",
        secrecy="秘密★1年",
        urgency="加急",
        recipients=["各乡镇人民政府", "县直有关单位"],
        body=body,
        attachments=[
            Attachment("清河县2024年爱国卫生月活动实施方案", _plan_blocks()),
            Attachment("清河县2024年爱国卫生月活动任务分工表", [task_table()], landscape=True),
        ],
        signature=[BUREAU],
        date=ISSUE_DATE,
        sealed=True,
        note="联系人：江婷婷，联系电话：0566-5012345",
        colophon=Colophon(printer="清河县卫生健康局办公室", print_date=ISSUE_DATE,
                          cc=["县委办公室", "县人大常委会办公室", "县政府办公室", "县政协办公室", "市卫生健康委员会"]),
    )


def sample_report() -> OfficialDocument:
    """An unsealed 上行文 报告 with 签发人 and no attachment."""
    return OfficialDocument(
        title="关于2024年第一季度基本公共卫生服务项目推进情况的报告",
        letterhead=Letterhead([BUREAU]),
        doc_number="清卫健〔2024〕31号",
        signer=["王建国"],
        recipients=["县人民政府"],
        body=[
            Paragraph("按照县政府工作安排，现将我局2024年第一季度基本公共卫生服务项目推进情况报告如下。"),
            Heading("一、工作进展"),
            Paragraph("截至3月31日，全县累计建立居民电子健康档案28.6万份，建档率达到91.2%；65岁及以上老年人健康管理率"
                      "为62.4%，较上年同期提高3.1个百分点。"),
            Heading("二、存在问题"),
            Paragraph("部分乡镇卫生院人员不足，随访质量有待提高；个别村卫生室信息录入不及时。"),
            Heading("三、下步打算"),
            Paragraph("我局将加强业务培训和督导考核，确保全年目标任务按时完成。"),
            Paragraph("特此报告。"),
        ],
        signature=[BUREAU],
        date=datetime.date(2024, 4, 8),
        sealed=False,
        colophon=Colophon(printer="清河县卫生健康局办公室", print_date=datetime.date(2024, 4, 8)),
    )


def sample_joint_notice() -> OfficialDocument:
    """A joint 通知 of two organs in the 文件 form, with one attachment."""
    organs = ["清河县卫生健康局", "清河县教育局"]
    return OfficialDocument(
        title="关于做好2024年春季学校传染病防控工作的通知",
        letterhead=Letterhead(organs),
        doc_number="清卫健〔2024〕15号",
        recipients=["各乡镇卫生院", "各中小学校", "各幼儿园"],
        body=[
            Paragraph("春季是传染病高发季节。为切实做好学校传染病防控工作，保障师生身体健康，现就有关事项通知如下。"),
            Heading("一、落实晨午检制度"),
            Paragraph("各学校要严格落实晨午检、因病缺勤追踪登记制度，发现异常及时报告属地卫生院。"),
        ],
        attachments=[Attachment("学校传染病防控工作检查表", [task_table()])],
        signature=organs,
        date=datetime.date(2024, 2, 26),
        colophon=Colophon(printer="清河县卫生健康局办公室", print_date=datetime.date(2024, 2, 26)),
    )
