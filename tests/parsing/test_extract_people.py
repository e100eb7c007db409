"""Leading groups, contact people and attachment lists."""

from __future__ import annotations

from conftest import seed

from parsing.leadership import person_name
from parsing.model import Source
from parsing.parser import parse_clean, parse_file
from parsing.pipeline import text_from_string


def parse_text(text: str):
    _, clean = text_from_string(text)
    return parse_clean(clean, Source("inline.txt"))


def test_person_names_lose_titles_and_layout_spaces():
    assert person_name("夏 鸿 市卫健委副主任") == "夏鸿"
    assert person_name("居清平 市卫健委党组书记、主任") == "居清平"
    assert person_name("鲁建伟市卫健委副主任") == "鲁建伟"
    assert person_name("各县（市、区）卫健委局局长") == "各县（市、区）卫健委局局长"


def test_several_names_on_one_role_line():
    n = parse_text("关于成立工作专班的通知\n各股室：\n局成立安全生产工作专班，组成如下：\n组  长：王建国  局长\n"
                   "副组长：张  三  李四平  王五\n成  员：各股室负责人\n县卫生健康局\n2024年1月2日\n")
    lead = n.leadership
    assert (lead.group, lead.leader, lead.members) == ("安全生产工作专班", ["王建国"], ["各股室负责人"])
    assert lead.deputy == ["张三", "李四平", "王五"]


def test_role_lines_leading_group():
    lead = parse_file(seed("002")).leadership
    assert lead.group == "全市卫健系统安全生产风险隐患排查治理专项行动领导组"
    assert lead.leader == ["居清平"]
    assert lead.deputy[:4] == ["安美琴", "鲁建伟", "夏鸿", "刘芝安"]
    assert lead.deputy[-1] == "各县（市、区）卫健委局局长"  # a role line among the deputies stays
    assert lead.members == ["委属各单位", "委机关各科室主要负责人"]
    assert lead.office == "市卫健委办公室"


def test_sentence_leading_group():
    lead = parse_file(seed("000")).leadership
    assert (lead.group, lead.leader, lead.members, lead.office) == (
        "专项行动领导小组", ["许骏"], ["局机关各科室负责人"], "局办公室")
    assert len(lead.deputy) == 7


def test_no_group_no_leadership():
    assert parse_file(seed("001")).leadership is None
    n = parse_text("关于开展检查的通知\n各单位：\n各单位要成立以主要负责人为组长的工作小组。\n县卫生健康局\n2024年1月2日\n")
    assert n.leadership is None  # a group the recipients must set up is not the notice's own


def test_contacts_with_landline_extension_and_several_people():
    n = parse_text("关于报送材料的通知\n各单位：\n请按时报送。\n"
                   "联系人：局办公室 王芳、刘伟，联系电话：（0771）5862201转803、13977112345，邮箱：nnwjbgs@163.com\n"
                   "县卫生健康局\n2024年1月2日\n")
    assert [(c.name, c.phone, c.email) for c in n.contacts] == [
        ("王芳", "(0771)5862201转803", "nnwjbgs@163.com"), ("刘伟", "13977112345", "nnwjbgs@163.com")]
    for c in n.contacts:
        a, b = c.span
        assert c.name in n.text[a - 20:b]


def test_contact_over_lines_and_mail_elsewhere_is_no_contact():
    contacts = parse_file(seed("002")).contacts
    assert [(c.name, c.phone, c.email) for c in contacts] == [("冯鹏飞", "13313507037", "xzswjwfpf@163.com")]


def test_attachments_inline_and_on_lines():
    assert parse_file(seed("002")).attachments[0] == "忻州市安全生产工作督导检查分组"
    n = parse_text("关于报送材料的通知\n各单位：\n请按时报送。\n附件：1.医疗机构自查表\n2.工作进展统计表\n"
                   "县卫生健康局\n2024年1月2日\n")
    assert n.attachments == ["医疗机构自查表", "工作进展统计表"]
    assert n.outline == []  # the numbered attachment lines are not headings


def test_contacts_in_segments_and_fax_is_no_phone():
    n = parse_text("关于报送材料的通知\n各单位：\n请按时报送。\n"
                   "联系人：张三，电话：0731-4234567；李四，电话：13800001111；邮箱：hnwj@163.com\n"
                   "联系人：赵六，传真：0731-2345678，电话：13900001111\n县卫生健康局\n2024年1月2日\n")
    assert [(c.name, c.phone, c.email) for c in n.contacts] == [
        ("张三", "0731-4234567", "hnwj@163.com"), ("李四", "13800001111", "hnwj@163.com"),
        ("赵六", "13900001111", None)]


def test_leading_group_in_a_table():
    n = parse_text("关于成立工作专班的通知\n各股室：\n局成立安全生产工作专班，组成如下：\n职务\t姓名\t单位职务\n"
                   "组长\t王建国\t局长\n副组长\t李四平\t副局长\n副组长\t王五\t副局长\n成员\t各股室负责人\t\n"
                   "县卫生健康局\n2024年1月2日\n")
    lead = n.leadership
    assert (lead.leader, lead.deputy, lead.members) == (["王建国"], ["李四平", "王五"], ["各股室负责人"])


def test_attachments_written_as_numbered_heads():
    n = parse_text("关于报送材料的通知\n各单位：\n请按时报送。\n附件1：医疗机构自查表\n附件2：工作进展统计表\n"
                   "县卫生健康局\n2024年1月2日\n")
    assert n.attachments == ["医疗机构自查表", "工作进展统计表"]
