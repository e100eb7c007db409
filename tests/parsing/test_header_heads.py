"""Heads as real files give them: a run-on head paragraph, titles and 版头 over several lines, untitled
notices, signatures the unit list does not know, every date form, recipient lists that share a head."""

from __future__ import annotations

import pytest

from parsing.header_recipients import split_recipients
from parsing.header_runon import split_run_on_head
from parsing.model import Source
from parsing.parser import parse_clean
from parsing.pipeline import text_from_string

BODY = ("\n为做好安全生产工作，现将有关事项通知如下：\n一、开展检查。各单位要于3月20日前完成自查。\n"
        "二、加强督导。县卫生健康局要加强督导检查。\n")


def parse_text(text: str):
    _, clean = text_from_string(text)
    return parse_clean(clean, Source("inline.txt"))


def head(n) -> tuple:
    return n.issuer, n.doc_number, n.title, n.recipients, n.signatory, n.issue_date


@pytest.mark.parametrize("line", [
    "山东省安全生产委员会文件 鲁安发〔2024〕1号 关于切实做好春节期间安全防范工作的紧急通知 各市人民政府，省有关部门、单位：",
    "山东省安全生产委员会文件鲁安发〔2024〕1号关于切实做好春节期间安全防范工作的紧急通知各市人民政府，省有关部门、单位：",
    "特急 山东省安全生产委员会 鲁安发〔2024〕1号 关于切实做好春节期间安全防范工作的紧急通知 各市人民政府，省有关部门、单位：",
])
def test_a_run_on_head_gives_every_field(line):
    n = parse_text(line + BODY + "山东省安全生产委员会\n2024年1月2日\n")
    assert head(n) == ("山东省安全生产委员会", "鲁安发〔2024〕1号", "关于切实做好春节期间安全防范工作的紧急通知",
                       ["各市人民政府", "省有关部门、单位"], "山东省安全生产委员会", "2024-01-02")
    assert [s.number for s in n.outline] == ["一", "二"]


def test_a_run_on_head_cuts_the_organ_from_the_issuing_code_and_keeps_the_body_after_the_colon():
    n = parse_text("忻州市卫生健康委员会办公室忻卫健办函〔2021〕214号关于开展安全生产大排查的紧急通知各县（市、区）卫健委，"
                   "委属各单位：为深刻汲取事故教训，现将有关事项通知如下：\n一、开展排查。各单位要立即开展排查。\n"
                   "忻州市卫生健康委员会办公室\n2021年6月15日\n")
    assert head(n) == ("忻州市卫生健康委员会办公室", "忻卫健办函〔2021〕214号", "关于开展安全生产大排查的紧急通知",
                       ["各县（市、区）卫健委", "委属各单位"], "忻州市卫生健康委员会办公室", "2021-06-15")
    assert [t.lead for t in n.tasks] == [["各单位"]]


def test_the_title_ends_at_the_genre_the_recipients_open():
    line = "县卫〔2024〕3号关于转发市应急管理局关于做好汛期安全工作的通知的通知各省、自治区、直辖市、计划单列市应急管理厅（局）："
    text = {kind: line[a:b] for kind, (a, b) in split_run_on_head(line)}
    assert text == {"doc_number": "县卫〔2024〕3号", "title": "关于转发市应急管理局关于做好汛期安全工作的通知的通知",
                    "recipients": "各省、自治区、直辖市、计划单列市应急管理厅（局）："}
    assert split_run_on_head("为做好汛期安全生产工作，现就有关事项通知如下：") is None
    assert split_run_on_head("县卫〔2024〕8号          签发人：张三") is None


def test_a_joint_banner_over_two_lines_and_a_joint_title_over_three():
    n = parse_text("三门峡市卫生健康委员会  三门峡市教育局\n\n三门峡市市场监督管理局文件\n\n三卫〔2024〕15号\n\n"
                   "关于进一步加强全市中小学校\n\n春季传染病防控和食品安全\n\n工作的通知\n\n各县（市、区）教育局：" + BODY
                   + "三门峡市卫生健康委员会  三门峡市教育局\n三门峡市市场监督管理局\n二〇二四年三月五日\n")
    joint = "三门峡市卫生健康委员会、三门峡市教育局、三门峡市市场监督管理局"
    assert (n.issuer, n.signatory, n.issue_date) == (joint, joint, "2024-03-05")
    assert n.title == "关于进一步加强全市中小学校春季传染病防控和食品安全工作的通知"
    n = parse_text("河南省卫生健康委员会 河南省教育厅\n\n河南省市场监督管理局关于进一步加强\n\n学校食品安全工作的通知\n\n"
                   "各省辖市卫生健康委：" + BODY + "河南省卫生健康委员会\n2024年3月5日\n")
    assert n.title == "河南省卫生健康委员会河南省教育厅河南省市场监督管理局关于进一步加强学校食品安全工作的通知"


def test_a_title_keeps_its_first_and_last_lines():
    n = parse_text("县卫〔2024〕3号\n\n转发市卫生健康委等5部门\n\n关于进一步加强学校食品安全\n\n工作的通知\n\n各卫生院："
                   + BODY + "县卫生健康局\n2024年3月5日\n")
    assert n.title == "转发市卫生健康委等5部门关于进一步加强学校食品安全工作的通知"
    assert n.enclosed_title == "市卫生健康委等5部门关于进一步加强学校食品安全工作的通知"
    n = parse_text("县卫〔2024〕3号\n\n关于印发县安全生产专项整治三年行动实施方案\n\n（2024—2026年）的通知\n\n各卫生院："
                   + BODY + "县卫生健康局\n2024年3月5日\n")
    assert n.title == "关于印发县安全生产专项整治三年行动实施方案（2024—2026年）的通知"
    assert n.recipients == ["各卫生院"]


def test_an_untitled_notice_keeps_its_recipients_and_its_closing_formula_is_no_title():
    n = parse_text("各股室、局属各单位：\n经局党组研究，请于3月15日前完成自查。\n特此通知\n\n临澧县应急管理局\n2024.3.5\n")
    assert (n.title, n.recipients, n.genre) == (None, ["各股室", "局属各单位"], "通知")
    assert (n.issuer, n.issue_date) == ("临澧县应急管理局", "2024-03-05")
    assert "未找到公文标题" in n.warnings
    n = parse_text("为做好工作，请于3月20日前完成自查。\n特此通知。\n县卫生健康局\n2024年3月5日\n")
    assert n.title is None and n.signatory == "县卫生健康局"


@pytest.mark.parametrize("organ", ["自然资源部办公厅", "国家能源局综合司", "湖南省住房和城乡建设厅", "当地政府",
                                   "国家税务总局临澧县税务局", "中国人民银行临澧县支行", "临澧县防汛抗旱指挥部"])
@pytest.mark.parametrize("date", ["二〇二四年三月五日", "2024年3月5日", "2024.3.5", "2024-03-05", "2024/3/5", "2024年03月05日",
                                  "二0二四年三月五日", "二O二四年三月五日", "２０２４年３月５日"])
def test_a_signature_the_unit_list_does_not_know_keeps_issuer_and_date(organ, date):
    n = parse_text("关于做好汛期工作的通知\n各卫生院：" + BODY + f"{organ}\n{date}\n")
    assert (n.issuer, n.signatory, n.issue_date) == (organ, organ, "2024-03-05")


def test_no_banner_and_no_signature_the_organ_opening_the_title_issues():
    n = parse_text("国家卫生计生委办公厅关于做好流感防控工作的通知\n国卫办疾控函〔2017〕123号\n"
                   "各省、自治区、直辖市及新疆生产建设兵团卫生计生委：" + BODY)
    assert (n.issuer, n.signatory, n.doc_number) == ("国家卫生计生委办公厅", None, "国卫办疾控函〔2017〕123号")
    assert n.recipients == ["各省、自治区、直辖市及新疆生产建设兵团卫生计生委"]


@pytest.mark.parametrize(("line", "expected"), [
    ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]),
    ("各市人民政府，省有关部门、单位：", ["各市人民政府", "省有关部门、单位"]),
    ("各县（市、区）卫健委,委属各单位:", ["各县（市、区）卫健委", "委属各单位"]),
    ("各省、自治区、直辖市、计划单列市发展改革委、能源局：", ["各省、自治区、直辖市、计划单列市发展改革委、能源局"]),
    ("各县（市、区）卫生健康委、教育局、市场监管局，市直各学校：", ["各县（市、区）卫生健康委、教育局、市场监管局", "市直各学校"]),
    ("县卫生健康局、县财政局：", ["县卫生健康局", "县财政局"]),
    ("各股室、局属各单位：", ["各股室", "局属各单位"]),
    ("各县、区人民政府,兰州新区、高新区、经开区、榆中生态创新城管委会,中央驻兰有关单位:",
     ["各县、区人民政府", "兰州新区、高新区、经开区、榆中生态创新城管委会", "中央驻兰有关单位"]),
    ("各省辖市、济源示范区卫生健康委：", ["各省辖市、济源示范区卫生健康委"]),
    ("各乡镇人民政府、市直各部门，公主岭经济开发区、大岭物流园区：", ["各乡镇人民政府", "市直各部门", "公主岭经济开发区", "大岭物流园区"]),
    ("各设区市人民政府、赣江新区、省直有关单位：", ["各设区市人民政府", "赣江新区", "省直有关单位"]),
])
def test_recipients_that_share_a_head_stay_whole(line, expected):
    assert split_recipients(line, 0, len(line))[0] == expected


def test_a_run_on_head_with_the_title_before_the_number_and_a_copy_number_and_secrecy_in_front():
    n = parse_text("国务院办公厅关于进一步加强基层应急管理能力建设的意见国办发〔2024〕12号各省、自治区、直辖市人民政府，"
                   "国务院各部委、各直属机构：" + BODY + "国务院办公厅\n2024年4月8日\n")
    assert head(n) == ("国务院办公厅", "国办发〔2024〕12号", "国务院办公厅关于进一步加强基层应急管理能力建设的意见",
                       ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"], "国务院办公厅", "2024-04-08")
    n = parse_text("000123 机密★1年 特急 县卫生健康局文件 县卫〔2024〕3号 关于开展安全生产检查的通知 各卫生院，局机关各股室："
                   + BODY + "县卫生健康局\n2024年3月5日\n")
    assert head(n) == ("县卫生健康局", "县卫〔2024〕3号", "关于开展安全生产检查的通知", ["各卫生院", "局机关各股室"],
                       "县卫生健康局", "2024-03-05")
    assert n.urgency == "特急"


def test_a_forwarding_title_gives_the_issuer_before_zhuanfa():
    n = parse_text("临川县卫生健康局转发市卫生健康委关于做好防汛工作的通知\n各卫生院：\n现转发给你们，请遵照执行。\n")
    assert (n.issuer, n.enclosed_title) == ("临川县卫生健康局", "市卫生健康委关于做好防汛工作的通知")


def test_recipients_named_only_in_the_imprint_and_a_date_above_the_organ():
    n = parse_text("关于做好汛期工作的通知\n" + BODY + "县卫生健康局\n2024年3月5日\n\n主送：各乡镇卫生院，县直医疗卫生单位\n"
                   "抄送：市卫生健康委\n县卫生健康局办公室 2024年3月5日印发\n")
    assert n.recipients == ["各乡镇卫生院", "县直医疗卫生单位"]
    n = parse_text("关于做好汛期工作的通知\n各卫生院：" + BODY + "2024年3月5号\n县卫生健康局\n")
    assert (n.signatory, n.issue_date) == ("县卫生健康局", "2024-03-05")


def test_a_genre_word_inside_the_title_does_not_end_it():
    line = "县卫〔2024〕3号关于开展“安全生产月”活动方案编制工作的通知县直各单位，局机关各股室："
    text = {kind: line[a:b] for kind, (a, b) in split_run_on_head(line)}
    assert text["title"] == "关于开展“安全生产月”活动方案编制工作的通知"
    assert text["recipients"] == "县直各单位，局机关各股室："


def test_a_pizhuan_title_names_what_it_forwards_and_a_plan_title_keeps_its_first_line():
    n = parse_text("县人民政府关于批转县发展改革局2024年国民经济和社会发展计划的通知\n各乡镇人民政府：" + BODY
                   + "县人民政府\n2024年3月5日\n")
    assert n.enclosed_title == "县发展改革局2024年国民经济和社会发展计划"
    n = parse_text("2024年全县卫生健康系统安全生产\n\n大检查工作方案\n\n为做好工作，制定本方案。\n一、开展检查。各单位要自查。\n")
    assert (n.title, n.genre) == ("2024年全县卫生健康系统安全生产大检查工作方案", "方案")


def test_a_notice_flattened_into_one_paragraph_keeps_its_signature():
    n = parse_text("国务院关于同意设立“中国医师节”的批复 国函〔2017〕136号 国家卫生计生委: 你委《关于申请设立“中国医师节”的请示》"
                   "(国卫办报〔2017〕138号)收悉。同意自2018年起,将每年8月19日设立为“中国医师节”。 国务院 2017年11月3日 （此件公开发布）")
    assert head(n) == ("国务院", "国函〔2017〕136号", "国务院关于同意设立“中国医师节”的批复", ["国家卫生计生委"], "国务院",
                       "2017-11-03")
    n = parse_text("关于做好汛期工作的通知\n各卫生院：\n一、开展自查。各卫生院要于2024年3月20日前完成自查。东莞市卫生健康局2024年3月5日\n")
    assert (n.signatory, n.issue_date) == ("东莞市卫生健康局", "2024-03-05")
    assert [t.lead for t in n.tasks] == [["各卫生院"]]  # the paragraph stays in the body


def test_a_date_alone_below_an_attachment_list_or_a_contact_line_is_the_issue_date():
    for foot in ("附件：1.自查表\n2.回执\n\n", "联系人：张三，电话：0736-1234567\n\n"):
        n = parse_text("关于做好汛期工作的通知\n各卫生院：\n一、开展自查。各卫生院要于2024年3月20日前完成自查。\n\n" + foot
                       + "2024年3月5日\n")
        assert (n.signatory, n.issue_date) == (None, "2024-03-05")
    n = parse_text("关于做好汛期工作的通知\n各卫生院：\n一、开展自查\n2024年3月5日\n二、加强督导\n")
    assert n.issue_date is None  # a date line between two headings closes nothing


def test_a_plan_titled_as_a_preplan_and_a_numbered_heading_is_no_title():
    n = parse_text("临澧县2024年防汛抗旱应急预案\n\n一、总则\n为做好防汛抗旱工作，制定本预案。\n二、组织指挥\n县防汛抗旱指挥部负责全县防汛抗旱工作。\n")
    assert n.title == "临澧县2024年防汛抗旱应急预案"
    n = parse_text("三、工作方案\n各单位要制定工作方案。\n四、保障措施\n各单位要落实经费。\n")
    assert n.title is None


@pytest.mark.parametrize("between", ["（2020年5月29日）", "发布时间:2020-05-29 14:36:23  来源:平遥县应急管理局\n朗读", "（此件公开发布）"])
def test_a_line_that_is_no_body_between_title_and_recipients_keeps_the_recipients(between):
    n = parse_text(f"关于切实做好2020年汛期安全生产工作的通知\n{between}\n各乡镇人民政府,县直各有关单位:" + BODY
                   + "平遥县应急管理局\n2020年5月29日\n")
    assert n.recipients == ["各乡镇人民政府", "县直各有关单位"]
    assert [s.number for s in n.outline] == ["一", "二"]


def test_recipients_whose_colon_was_lost_right_under_the_title():
    n = parse_text("关于切实做好2020年汛期安全生产工作的通知\n各乡镇人民政府，县直各有关单位" + BODY)
    assert n.recipients == ["各乡镇人民政府", "县直各有关单位"]
    n = parse_text("国家卫生健康委办公厅关于做好流感防控工作的通知\n国家卫生健康委办公厅" + BODY)
    assert n.recipients == []  # the publishing organ under a page's title
    n = parse_text("关于切实做好2020年汛期安全生产工作的通知\n各乡镇、各部门要高度重视" + BODY)
    assert n.recipients == []


def test_a_banner_run_on_into_its_number_with_the_title_below():
    n = parse_text("县卫生健康局文件县卫〔2024〕3号\n\n关于开展安全生产检查的通知\n\n各卫生院：" + BODY + "县卫生健康局\n2024年3月5日\n")
    assert (n.issuer, n.doc_number, n.title) == ("县卫生健康局", "县卫〔2024〕3号", "关于开展安全生产检查的通知")
    n = parse_text("江州市安全生产委员会办公室\n\n江安委办〔2025〕41号\n\n江州市安全生产委员会办公室关于做好火灾防控工作的通知\n\n"
                   "各县（市、区）安委会：" + BODY + "江州市安全生产委员会办公室\n2025年11月5日\n")
    assert (n.issuer, n.doc_number) == ("江州市安全生产委员会办公室", "江安委办〔2025〕41号")


def test_a_forwarding_title_over_two_lines_keeps_its_first_line():
    n = parse_text("阳城县卫生健康局转发晋城市卫生健康委员会\n\n关于开展医疗机构安全生产隐患排查整治的通知\n\n各卫生院：" + BODY
                   + "阳城县卫生健康局\n2024年3月5日\n")
    assert n.title == "阳城县卫生健康局转发晋城市卫生健康委员会关于开展医疗机构安全生产隐患排查整治的通知"
    assert (n.issuer, n.enclosed_title) == ("阳城县卫生健康局", "晋城市卫生健康委员会关于开展医疗机构安全生产隐患排查整治的通知")


def test_an_untitled_notice_takes_no_title_from_its_attachments():
    n = parse_text("经局党组研究决定，2024年3月11日至15日在全系统开展安全生产大检查，请各单位认真组织自查。\n特此通知\n\n"
                   "临澧县应急管理局\n2024.3.5\n\n附件\n\n全县安全生产大检查工作方案\n\n一、检查内容\n各单位要检查消防设施。\n")
    assert (n.title, n.signatory, n.issue_date) == (None, "临澧县应急管理局", "2024-03-05")
    n = parse_text("经研究，决定开展检查，请认真组织实施，确保检查取得实效。\n附件：1.检查工作方案\n临澧县应急管理局\n2024年3月5日\n")
    assert n.title is None


def test_a_joint_signature_of_four_organs_each_on_its_own_line():
    n = parse_text("关于做好汛期工作的通知\n各卫生院：" + BODY + "\n县卫生健康局\n\n县教育局\n\n县市场监督管理局\n\n县应急管理局\n\n"
                   "2024年3月5日\n")
    assert n.signatory == n.issuer == "县卫生健康局、县教育局、县市场监督管理局、县应急管理局"


@pytest.mark.parametrize("seal", ["（代章）\n", "（签章）\n", "（盖章）\n"])
def test_a_seal_note_between_organ_and_date(seal):
    n = parse_text("关于做好汛期工作的通知\n各卫生院：" + BODY + "县卫生健康局\n" + seal + "2024年3月5日\n")
    assert (n.signatory, n.issue_date) == ("县卫生健康局", "2024-03-05")
    n = parse_text("关于做好汛期工作的通知\n各卫生院：" + BODY + "县卫生健康局（印）\n2024年3月5日\n")
    assert n.signatory == "县卫生健康局"


def test_signature_organs_run_on_after_a_contact_line():
    n = parse_text("关于做好汛期工作的通知\n各卫生院：" + BODY + "联系人：省卫生健康委医政处 孙涛0531-67876543山东省卫生健康委员会 山东省应急管理厅\n"
                   "2025年8月6日\n")
    assert (n.signatory, n.issue_date) == ("山东省卫生健康委员会、山东省应急管理厅", "2025-08-06")
    assert [(c.name, c.phone) for c in n.contacts] == [("孙涛", "0531-67876543")]
