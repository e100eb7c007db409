"""Tasks and their lead / supporting units, by the contract's settled cases."""

from __future__ import annotations

from parsing.model import Source
from parsing.parser import parse_clean
from parsing.pipeline import text_from_string
from parsing.responsibility import Responsibility, duty_subjects, explicit_units, parse_parenthesis


def parse_text(text: str):
    _, clean = text_from_string(text)
    return parse_clean(clean, Source("inline.txt"))


def paren(content: str) -> tuple[list[str], list[str]]:
    found = Responsibility()
    parse_parenthesis(content, 0, found)
    return found.lead, found.support


def test_parenthesis_with_qiantou():
    assert paren("局办公室、人事股、工委办牵头，各股室、局直属各单位分工负责") == (
        ["局办公室", "人事股", "工委办"], ["各股室", "局直属各单位"])
    assert paren("局人事股、工委办牵头，局相关股室负责") == (["局人事股", "工委办"], ["局相关股室"])


def test_parenthesis_without_qiantou():
    assert paren("局法监股负责") == (["局法监股"], [])
    assert paren("局办公室、医政股、疾控股、法监股、妇幼股、中医股等分工负责") == (
        ["局办公室", "医政股", "疾控股", "法监股", "妇幼股", "中医股"], [])
    assert paren("县卫健委负责，县财政局配合") == (["县卫健委"], ["县财政局"])


def test_labelled_lines_and_spans():
    text = "做好培训。牵头单位：市卫健委办公室；配合单位：市急救中心、市红十字会。"
    found = explicit_units(text, 100)
    assert (found.lead, found.support) == (["市卫健委办公室"], ["市急救中心", "市红十字会"])
    for (a, b), name in zip(found.spans, found.lead + found.support, strict=True):
        assert text[a - 100:b - 100] == name


def test_a_parenthesis_without_duty_words_names_no_one():
    assert not explicit_units("加强职业病防治（含放射卫生）。", 0).explicit


def subjects(text: str) -> list[str]:
    return duty_subjects(text, 0).lead


def test_subjects_that_carry_a_duty():
    assert subjects("县卫生健康委要按照要求制定分工。医疗卫生机构要成立领导小组。") == ["县卫生健康委", "医疗卫生机构"]
    assert subjects("县卫健委指导各医疗机构严格按照标准施工。") == ["县卫健委"]  # the object is no subject
    assert subjects("督查组采取明查暗访等方式深入一线。") == ["督查组"]
    assert subjects("医疗卫生机构主要负责人要切实履行职责。主要负责人要带队检查。") == ["医疗卫生机构"]
    assert subjects("乡镇卫生院、民营医疗卫生机构也要同步开展。") == ["乡镇卫生院", "民营医疗卫生机构"]
    assert subjects("请各单位于3月15日前报送方案。") == ["各单位"]


def test_places_and_written_out_lead_and_support():
    assert subjects("各乡镇（街道）要落实属地责任。各县（市、区）要建立工作台账。") == ["各乡镇（街道）", "各县（市、区）"]
    found = duty_subjects("由县卫健委牵头，县财政局、县医保局配合，建立联席会议制度。", 0)
    assert (found.lead, found.support) == (["县卫健委"], ["县财政局", "县医保局"])
    assert subjects("县卫健委和县市场监管局联合开展检查。我局将对各单位进行督查。") == [
        "县卫健委", "县市场监管局", "我局"]


def test_what_is_not_a_subject():
    assert subjects("要会同属地应急、消防等部门会商制定工作方案。专项行动要做到全覆盖。") == []
    assert subjects("按照要求，县卫生健康委、医疗卫生等各类机构严格落实责任制。") == []
    assert subjects("强力推动内设科室将业务工作与安全生产同时部署。") == []
    assert subjects("安全管理机构建立、人员配备情况；特殊岗位人员持证上岗情况。") == []
    assert subjects("对工作推进不力的单位要约谈。其他负责同志应按照要求研究问题。") == []


NOTICE = """关于做好2024年职业健康工作的通知
各乡镇卫生院，局机关各股室：
现将有关事项通知如下：
一、指导思想
各单位要坚持预防为主。
二、重点任务
（一）开展职业病危害监测
1.组织监测。县疾控中心要于6月30日前完成重点行业监测。（县疾控中心牵头，各乡镇卫生院配合）
2.通报结果。监测结果报局医政股。
（二）加强宣传
各乡镇卫生院要开展职业病防治法宣传周活动。
三、工作要求
各单位请于12月10日前报送工作总结。
县卫生健康局
2024年3月1日
"""


def test_tasks_are_the_deepest_assigning_items_below_non_narrative_sections():
    n = parse_text(NOTICE)
    assert [t.outline_path for t in n.tasks] == [["二", "（一）", "1"], ["二", "（一）", "2"], ["二", "（二）"]]
    first = n.tasks[0]
    assert first.heading == "组织监测"
    assert first.text.startswith("县疾控中心要于6月30日前") and first.text.endswith("配合）")
    assert (first.lead, first.support) == (["县疾控中心"], ["各乡镇卫生院"])
    assert n.tasks[2].lead == ["各乡镇卫生院"]  # heading alone on its line: the next paragraph is its text
    assert n.tasks[2].text.startswith("各乡镇卫生院要开展")


def test_tasks_link_the_deadlines_inside_them():
    n = parse_text(NOTICE)
    linked = [n.deadlines[i] for i in n.tasks[0].deadlines]
    assert [d.date for d in linked] == ["2024-06-30"]
    closing = [d for d in n.deadlines if d.date == "2024-12-10"]
    assert closing and all(n.deadlines.index(d) not in t.deadlines for d in closing for t in n.tasks)


def test_label_lines_under_an_item_belong_to_it():
    n = parse_text("关于做好基层卫生工作的通知\n各乡镇卫生院：\n现将有关事项通知如下：\n一、重点任务\n"
                   "（一）加强家庭医生签约服务。提高重点人群签约率。\n牵头单位：县卫健委基层股\n"
                   "配合单位：各乡镇卫生院\n完成时限：2024年12月底前\n（二）推进慢病管理。\n"
                   "责任单位：县卫健委（牵头）、县疾控中心\n县卫生健康局\n2024年3月1日\n")
    first, second = n.tasks
    assert (first.lead, first.support) == (["县卫健委基层股"], ["各乡镇卫生院"])
    assert [n.deadlines[i].date for i in first.deadlines] == ["2024-12-31"]
    assert (second.lead, second.support) == (["县卫健委"], ["县疾控中心"])
    for (a, b), name in zip(second.unit_spans, second.lead + second.support, strict=True):
        assert n.text[a:b] == name


def test_narrative_sections_in_compound_headings_hold_no_tasks():
    n = parse_text("关于做好检查的通知\n各单位：\n现通知如下：\n一、指导思想和工作目标\n（一）指导思想。各单位要坚持预防为主。\n"
                   "（二）工作目标。县卫健委要实现全覆盖。\n二、主要任务\n（一）开展自查。各单位要开展自查。\n")
    assert [t.outline_path for t in n.tasks] == [["二", "（一）"]]


def test_units_named_for_a_group_of_items_hold_for_each():
    n = parse_text("关于做好检查的通知\n各单位：\n现通知如下：\n一、重点任务\n"
                   "（一）落实整改（县卫健委牵头，县消防救援大队配合）。各单位要对照以下内容整改：\n"
                   "1.消防通道堵塞问题；\n2.电气线路老化问题。\n（二）开展培训。\n3.组织全员培训。\n")
    assert [(t.outline_path, t.lead, t.support) for t in n.tasks] == [
        (["一", "（一）", "1"], ["县卫健委"], ["县消防救援大队"]),
        (["一", "（一）", "2"], ["县卫健委"], ["县消防救援大队"]),
        (["一", "（二）", "3"], [], [])]


def test_a_summary_reports_work_done_and_assigns_none():
    n = parse_text("关于2024年安全生产工作的总结\n今年以来，我局认真落实安全生产责任。\n一、主要做法\n"
                   "（一）压实责任。局办公室负责统筹，各卫生院开展自查。\n二、下一步工作\n"
                   "（一）加强培训。各卫生院要开展培训。\n县卫生健康局\n2024年12月20日\n")
    assert n.genre == "总结" and n.tasks == []


def test_joint_responsibility_in_a_parenthesis():
    assert paren("国家发展改革委会同有关部门负责") == (["国家发展改革委"], ["有关部门"])
    assert paren("国家医保局会同国家卫生健康委、财政部负责") == (["国家医保局"], ["国家卫生健康委", "财政部"])
    assert paren("自然资源部负责") == (["自然资源部"], [])
    assert paren("县商务局负责") == (["县商务局"], [])


def test_subjects_without_a_modal_verb():
    assert subjects("2019年3月底前，国家卫生健康委推行电子健康卡。") == ["国家卫生健康委"]
    assert subjects("市卫生健康委牵头制定服务包，2025年9月底前各区全面推行。") == ["市卫生健康委", "各区"]
    assert subjects("各有关部门和单位要密切协作。") == ["各有关部门和单位"]


def test_members_lead_instead_of_their_group():
    text = ("区卫生健康局、医疗卫生、托育和养老等各类机构严格落实责任制。区卫生健康局要加强统筹。"
            "医疗卫生机构要落实值班制度。托育机构要加强巡查。")
    assert subjects(text) == ["区卫生健康局", "医疗卫生机构", "托育机构"]
    # without members after it the group leads as written
    assert subjects("医疗卫生、托育和养老等各类机构要健全制度。") == ["医疗卫生、托育和养老等各类机构"]


def test_higher_authority_is_background_and_measures_articles_without_duty_are_no_tasks():
    n = parse_text("临江市卫生健康委员会关于开展督导的通知\n各区卫生健康局：\n一、工作任务\n"
                   "（一）开展督导。市卫生健康委组织督导评估。国家卫生健康委将适时组织抽查。\n"
                   "（二）接受抽查。省卫生健康委将组织专家抽查。\n"
                   "（三）鼓励创新。鼓励各区探索家庭医生服务新模式。\n"
                   "（四）申请补助。符合条件的机构可以向区卫生健康局申请补助。\n"
                   "（五）严肃问责。违反本通知规定的，由区卫生健康局责令改正。\n临江市卫生健康委员会\n2025年3月20日\n")
    # （二） only says what the province will do: background, no task
    assert [(t.outline_path, t.lead) for t in n.tasks] == [(["一", "（一）"], ["市卫生健康委"])]


def test_task_text_runs_over_its_paragraphs_up_to_the_next_heading():
    n = parse_text("关于做好防汛工作的通知\n各单位：\n一、工作任务\n（一）落实责任。县卫健委要加强统筹。\n"
                   "各医疗机构要落实值班制度，储备应急物资。\n（二）开展排查。各单位要开展排查。\n"
                   "各单位请于6月1日前将排查情况报县卫健委。\n县卫生健康局\n2025年5月6日\n")
    first, second = n.tasks
    assert first.text.endswith("储备应急物资。") and first.lead == ["县卫健委", "各医疗机构"]
    assert second.text == "各单位要开展排查。"  # the closing request belongs to no item


def test_one_unit_named_twice_is_listed_once_and_a_superior_never_leads():
    assert subjects("县卫健委要加强统筹。县卫生健康委员会要定期调度。") == ["县卫健委"]
    n = parse_text("临江县应急管理局关于做好防汛工作的通知\n各乡镇人民政府：\n一、工作任务\n"
                   "（一）开展排查。各乡镇人民政府要开展排查。上级部门将适时组织检查。\n"
                   "（二）接受督导。市应急管理局将组织督导组进行督导。\n临江县应急管理局\n2025年5月6日\n")
    assert [(t.outline_path, t.lead) for t in n.tasks] == [(["一", "（一）"], ["各乡镇人民政府"])]


def test_an_article_is_a_task_only_when_a_unit_carries_its_duty():
    n = parse_text("临江县农村自建房安全管理规定\n第一条 为加强管理，制定本规定。\n"
                   "第二条 乡镇人民政府负责本辖区自建房安全管理。\n村民委员会应当协助做好安全巡查。\n"
                   "第三条 房屋所有人应当委托有资质的机构进行安全鉴定。\n"
                   "第四条 有下列行为之一的，由乡镇人民政府责令限期改正：\n（一）擅自改变房屋主体结构的；\n"
                   "（二）经鉴定为危险房屋仍用于经营的。\n第五条 本规定自印发之日起施行。\n")
    assert [(t.outline_path, t.lead) for t in n.tasks] == [(["第二条"], ["乡镇人民政府", "村民委员会"])]
    assert n.tasks[0].text.endswith("村民委员会应当协助做好安全巡查。")


def test_a_report_paragraph_inside_a_list_belongs_to_its_item():
    n = parse_text("关于做好排查工作的通知\n各单位：\n一、工作任务\n（一）开展排查。各医疗机构要开展自查。\n"
                   "各医疗机构于5月10日前将自查报告报局医政股。\n（二）抓好整改。各单位要落实整改。\n"
                   "各单位请于6月1日前报送整改情况。\n县卫生健康局\n2025年5月6日\n")
    first, second = n.tasks
    assert first.text.endswith("报局医政股。")  # a later item follows: the paragraph is the first item's
    assert second.text == "各单位要落实整改。"  # after the last item it closes the list
    assert [n.deadlines[i].date for i in first.deadlines] == ["2025-05-10"] and second.deadlines == []


def test_a_heading_that_names_units_leads_the_items_that_start_with_their_duty():
    n = parse_text("关于明确防汛职责分工的通知\n各单位：\n一、职责分工\n（一）县卫生健康局\n1.负责统筹全县卫生系统防汛工作。\n"
                   "2.负责组织医疗救治。\n（二）县疾控中心\n负责灾后卫生防疫。\n（三）县财政局、县医保局：负责保障经费。\n"
                   "二、排查内容\n（一）医疗机构\n1.消防设施是否完好。\n县应急管理局\n2025年5月1日\n")
    assert [(t.outline_path, t.lead) for t in n.tasks] == [
        (["一", "（一）", "1"], ["县卫生健康局"]), (["一", "（一）", "2"], ["县卫生健康局"]),
        (["一", "（二）"], ["县疾控中心"]), (["一", "（三）"], ["县财政局", "县医保局"]),
        (["二", "（一）", "1"], [])]  # a kind of place to check is no one who acts


def test_an_organ_of_a_named_level_opens_a_later_clause():
    assert subjects("各地全面总结行动成效，省卫生健康委组织评估。") == ["各地", "省卫生健康委"]
    # a generic noun after a comma is no new subject, nor are the members of a group
    assert subjects("加强培训，医疗机构开展演练。") == []
    assert subjects("县卫生健康局成立领导小组，局长任组长，各股室负责人为成员。") == ["县卫生健康局"]


def test_a_parenthesis_closing_the_first_paragraph_names_the_items_units():
    n = parse_text("关于推进建设的意见\n各省、自治区、直辖市人民政府：\n一、重点任务\n（一）强化用地保障。优先保障用地。（自然资源部负责）\n"
                   "各地要做好衔接。\n（二）加大投入。落实资金。（财政部负责）\n国务院办公厅\n2025年5月1日\n")
    assert [(t.lead, t.support) for t in n.tasks] == [(["自然资源部"], []), (["财政部"], [])]
    assert n.tasks[0].text.endswith("各地要做好衔接。")


def test_the_parentheses_of_every_paragraph_of_an_item_name_its_units():
    n = parse_text("关于推进建设的方案\n各单位：\n一、重点任务\n（一）强化保障。优先保障用地。\n牵头单位：县卫健委\n"
                   "责任单位：县财政局、县医保局\n（二）加大投入。落实资金。（县财政局负责）\n各乡镇要配合做好资金拨付。（各乡镇人民政府负责）\n"
                   "县人民政府\n2025年5月1日\n")
    assert [(t.lead, t.support) for t in n.tasks] == [
        (["县卫健委"], ["县财政局", "县医保局"]), (["县财政局", "各乡镇人民政府"], [])]


_FLAT_NOTICE = """关于做好夏季高温中暑防治工作的通知

各县（市、区）卫生健康局：

现就有关事项通知如下：

一、加强组织领导

{body}

二、做好医疗救治准备

各级医疗机构要储备防暑降温药品和急救设备。

市卫生健康委员会
2025年6月17日
"""


def test_a_flat_notices_leadership_section_that_assigns_work_is_a_task():
    n = parse_text(_FLAT_NOTICE.format(body="各地卫生健康行政部门要于6月30日前制定本地区高温中暑防治工作方案。"))
    assert [(t.outline_path, t.lead) for t in n.tasks] == [(["一"], ["各地卫生健康行政部门"]), (["二"], ["各级医疗机构"])]


def test_a_leadership_section_that_sets_up_the_group_is_no_task():
    n = parse_text(_FLAT_NOTICE.format(body="市卫生健康委成立高温中暑防治工作领导小组，各地要明确专人负责。"))
    assert [t.outline_path for t in n.tasks] == [["二"]]


def test_a_time_with_its_span_in_brackets_opens_the_clause_before_the_subject():
    lead = duty_subjects("汛期（6月1日至9月30日）各单位实行24小时值班和领导带班制度，每日16时前向局应急办报告。", 0).lead
    assert lead == ["各单位"]
    assert duty_subjects("假期(1月1日至3日)各医疗机构要严格值守。", 0).lead == ["各医疗机构"]
