"""Tasks by reach, sentence by sentence: who acts in a superior's sentence and what the county
makes of it. Sentences as national, provincial and city notices write them."""

from __future__ import annotations

import pytest

from drafting.profile import load_sample_profile
from drafting.task_reach import ReachClassifier, outside_remit
from parsing.model import Notice, Source, Task


def _classifier(issuer: str) -> ReachClassifier:
    notice = Notice(source=Source(file="x.txt", format="txt"), issuer=issuer, title=f"{issuer}关于开展工作的通知")
    return ReachClassifier(notice, load_sample_profile())


def _one(issuer: str, text: str, lead: list[str] | None = None):
    reach = _classifier(issuer).classify(Task(outline_path=["一"], heading="任务", text=text, lead=lead or []))
    assert len(reach.sentences) == 1
    return reach.sentences[0]


@pytest.mark.parametrize(("issuer", "text", "kind", "printed"), [
    # a higher body's rule-making: the county implements it
    ("国家卫生健康委办公厅", "国家卫生健康委研究制订医疗机构消防安全管理规范。", "implement", "贯彻落实上级医疗机构消防安全管理规范。"),
    ("国家卫生健康委办公厅", "由国家卫生健康委牵头制定重大事故隐患判定标准。", "implement", "贯彻落实上级重大事故隐患判定标准。"),
    ("国家卫生健康委办公厅", "国家卫生健康委会同应急管理部制定医疗卫生机构安全生产标准化指南。", "implement",
     "贯彻落实上级医疗卫生机构安全生产标准化指南。"),
    ("国家卫生健康委办公厅", "国家卫生健康委、国家中医药局等部门要修订完善医疗机构基本标准。", "implement",
     "贯彻落实上级医疗机构基本标准。"),
    # no actor: rule-making is the superior's, a plan or a list is the recipients' own
    ("国家卫生健康委办公厅", "研究制订医疗卫生机构安全生产责任制实施指南，指导各地完善制度体系。", "implement",
     "贯彻落实上级医疗卫生机构安全生产责任制实施指南，指导各地完善制度体系。"),
    ("江州市卫生健康委员会", "制定本单位实施方案，明确责任分工。", "county", "制定本单位实施方案，明确责任分工。"),
    # what only a higher level can do, or a body above the issuer: left out
    ("国家卫生健康委办公厅", "国家卫生健康委加强国家紧急医学救援基地建设。", "higher", None),
    ("湖川省卫生健康委员会", "国务院安委会办公室将派出工作组开展明查暗访。", "higher", None),
    # the issuer's general acts: the county does the same at its level
    ("江州市卫生健康委员会", "市卫健委将组织督导组开展暗访检查。", "county", "市卫健委将组织督导组开展暗访检查。"),
    # outside bodies: the bureau's share, the body a partner
    ("江州市安全生产委员会办公室", "各级公安机关要加强医院及周边治安巡逻防控。", "outside", "配合公安机关加强医院及周边治安巡逻防控。"),
    ("江州市安全生产委员会办公室", "供电企业要配合做好医院双回路供电保障。", "outside", "配合供电企业做好医院双回路供电保障。"),
    # duty-holders every unit is one of
    ("江州市安全生产委员会办公室", "生产经营单位要落实全员安全生产责任制。", "duty", "各医疗卫生单位要落实全员安全生产责任制。"),
    # the county's own and its units: as written
    ("江州市卫生健康委员会", "各医疗机构要落实24小时值班制度。", "county", "各医疗机构要落实24小时值班制度。"),
    ("国家卫生健康委办公厅", "各省级卫生健康行政部门要细化落实措施。", "county", "各省级卫生健康行政部门要细化落实措施。"),
    ("国家卫生健康委办公厅", "省级卫生健康行政部门要结合实际细化落实措施。", "county", "省级卫生健康行政部门要结合实际细化落实措施。"),
    ("江州市卫生健康委员会", "按照市政府安委会要求，县级要做到全覆盖。", "county", "按照市政府安委会要求，县级要做到全覆盖。"),
    ("江州市卫生健康委员会", "主要负责人要亲自部署。", "county", "主要负责人要亲自部署。"),
])
def test_sentence_reach(issuer, text, kind, printed):
    sentence = _one(issuer, text)
    assert (sentence.kind, sentence.printed) == (kind, printed)
    if printed is None or printed != text:
        assert sentence.note  # every rewrite or omission says why


def test_a_leading_clause_about_the_nations_own_work_is_left_out_and_listed():
    sentence = _one("国家卫生健康委办公厅", "加强国家医疗应急队伍建设，省级、市级卫生健康行政部门要加强本级医疗应急队伍建设。")
    assert sentence.printed == "省级、市级卫生健康行政部门要加强本级医疗应急队伍建设。"
    assert sentence.left_out_part == "加强国家医疗应急队伍建设" and "未列入" in sentence.note
    kept = _one("国家卫生健康委办公厅", "按照国家有关要求，各级医疗机构要落实值班制度。")  # a citation, not work
    assert kept.printed == "按照国家有关要求，各级医疗机构要落实值班制度。" and not kept.left_out_part


def test_a_task_of_outside_bodies_only_and_a_notice_of_them():
    c = _classifier("江州市住房和城乡建设局")
    tasks = [Task(outline_path=["一"], heading="全面排查", text="各县（市、区）住房和城乡建设局要组织燃气企业开展排查。"),
             Task(outline_path=["二"], heading="入户安检", text="各燃气经营企业要开展入户安检。")]
    reaches = [c.classify(t) for t in tasks]
    assert [r.kind for r in reaches] == ["outside", "outside"]
    assert [r.partners for r in reaches] == [["住房和城乡建设局"], ["燃气经营企业"]]
    assert outside_remit(reaches)
    mixed = [*reaches, c.classify(Task(outline_path=["三"], heading="医院", text="医疗机构要排查燃气管道。"))]
    assert not outside_remit(mixed)


def test_a_task_whose_every_sentence_is_a_higher_bodys_is_left_out():
    c = _classifier("国家卫生健康委办公厅")
    reach = c.classify(Task(outline_path=["一"], heading="建设国家医学中心",
                            text="国家卫生健康委统筹推进国家医学中心建设。国务院有关部门给予政策支持。"))
    assert reach.kind == "higher" and reach.text == "" and len(reach.left_out) == 2
