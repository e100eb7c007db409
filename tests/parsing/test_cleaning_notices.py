"""Cleaning on whole notices written for the tests, as a county office receives them."""

from __future__ import annotations

import json
from pathlib import Path

from parsing.cleaning import clean
from parsing.document import CleanText, RawDocument, RawPage

FIXTURES = Path(__file__).resolve().parent / "cleaning_fixtures"


def _clean(name: str) -> CleanText:
    path = FIXTURES / name
    return clean(RawDocument(path, "txt", [RawPage(1, path.read_text(encoding="utf-8"))], None))


def test_printed_notice_with_centred_title_signature_enclosure_and_imprint():
    """A text export of a printed 通知: letter-spaced 版头, a title over two centred lines, an
    indented body wrapped at the page width, page numbers, the enclosed 方案, 抄送 and the imprint."""
    result = _clean("printed_notice_with_enclosure.txt")
    assert result.paragraph_texts() == [
        "某某县卫生健康局文件",
        "某卫健发〔2024〕23号",
        "关于印发《某某县2024年卫生健康系统安全生产大排查大整治工作方案》的通知",
        "各乡镇卫生院、社区卫生服务中心，县直各医疗卫生单位，局机关各股室：",
        "现将《某某县2024年卫生健康系统安全生产大排查大整治工作方案》印发给你们，请结合实际，认真抓好贯彻落实。",
        "附件：某某县2024年卫生健康系统安全生产大排查大整治工作方案",
        "某某县卫生健康局",
        "2024年3月5日",
        "（联系人：张伟，联系电话：0731-1234567）",
        "附件",
        "某某县2024年卫生健康系统安全生产大排查大整治工作方案",
        "为深入贯彻落实习近平总书记关于安全生产的重要论述，切实做好全县卫生健康系统安全生产工作，"
        "根据市卫生健康委有关要求，制定本方案。",
        "一、工作目标",
        "通过开展安全生产大排查大整治，全面排查各类风险隐患，建立问题清单、整改清单、责任清单，"
        "确保6月30日前整改完成率达到100%。",
        "二、重点任务",
        "（一）开展全面排查。各单位要对照检查清单，对消防安全、用电安全、燃气安全、危险化学品等开展全面排查。"
        "（局办公室牵头，各股室配合）",
        "（二）抓好问题整改。对排查出的问题，要立即整改；不能立即整改的，要制定整改方案，明确整改时限。",
        "三、工作要求",
        "各单位要于每月25日前将工作进展情况报局办公室，12月10日前报送年度工作总结。",
        "抄送：县安委办。",
        "某某县卫生健康局办公室2024年3月5日印发",
    ]
    headings = [result.text[p.start:p.end] for p in result.paragraphs if p.kind == "heading"]
    assert {"一、工作目标", "二、重点任务", "三、工作要求"} <= set(headings)
    assert "关于印发《某某县2024年卫生健康系统安全生产大排查大整治工作方案》的通知" in headings


def test_ocr_text_with_half_width_punctuation_and_a_watermark():
    result = _clean("ocr_halfwidth_punctuation.txt")
    assert result.paragraph_texts() == [
        "关于做好2024年汛期卫生应急工作的通知",
        "各县（市、区）卫生健康局,委属各单位:",
        "当前,我市已全面进入主汛期,为切实做好汛期卫生应急工作,保障人民群众生命安全和身体健康,现将有关事项通知如下:",
        "一、提高思想认识",
        "各地各单位要充分认识做好汛期卫生应急工作的重要性,切实增强责任感和紧迫感。",
        "二、做好应急准备",
        "(一)加强应急值守。各单位要严格执行24小时值班和领导带班制度,确保信息畅通。",
        "(二)储备应急物资。各县(市、区)卫生健康局要于6月15日前完成应急药品、消杀物资储备。",
        "(三)开展应急演练。各单位要结合实际开展应急演练,提高应急处置能力。",
        "三、加强信息报送",
        "发生灾情后,各地要在2小时内报告市卫生健康委。联系人:王芳,联系电话:0791-8888888。",
        "附件:1.汛期卫生应急值班表",
        "2.应急物资储备情况统计表",
        "某某市卫生健康委员会",
        "2024年6月3日",
    ]
    kinds = {result.text[p.start:p.end]: p.kind for p in result.paragraphs}
    assert kinds["2.应急物资储备情况统计表"] == "body"  # an attachment name, not a heading
    assert kinds["二、做好应急准备"] == "heading"


def test_ocr_of_a_scanned_notice_with_watermarks_broken_over_lines_and_a_repeated_block():
    """Seed 002 printed, scanned (seal, skew, blur, JPEG) and read by the OCR engine: the
    scanner-app watermark comes back run into text lines and broken over two lines."""
    data = json.loads((FIXTURES / "ocr_scan_002.json").read_text(encoding="utf-8"))
    pages = [RawPage(p["number"], p["text"], ocr=True, low_confidence=[tuple(s) for s in p["low_confidence"]])
             for p in data["pages"]]
    result = clean(RawDocument(Path("scan.tif"), "image", pages, len(pages)))
    text = result.text
    for fragment in ("扫描全", "全能王", "能王创", "王创建", "创\n", "\n建"):
        assert fragment not in text
    for joined in ("拉网式的安全风险隐患排查治理", "疏散预案制定及演练情况", "市级抽查比例不低于10%",
                   "排查整治隐蔽致灾隐患", "做到有备无患，确保一旦发生重大紧急情况"):
        assert joined in text
    assert text.count("确保一旦发生重大紧急情况能够迅速启动响应") == 1
    assert len(result.warnings) == 1 and "第6页附近" in result.warnings[0]
    texts = result.paragraph_texts()
    assert "组长：居清平市卫健委党组书记、主任" in texts  # a list label starts its own line
    assert "附件：" in texts and texts[-2:] == ["忻州市卫生健康委员会办公室", "2021年6月15日"]
    item8 = next(t for t in texts if t.startswith("8.应急值守管理"))
    assert item8.endswith("严肃追究有关人员的责任。")
