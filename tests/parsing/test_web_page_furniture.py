"""Web-page and forum furniture around a pasted notice is cut in cleaning, in either punctuation width."""

from __future__ import annotations

import pytest

from parsing.cleaning.web_page import cut_glued_date, is_furniture_line
from parsing.model import Source
from parsing.parser import parse_clean
from parsing.pipeline import text_from_string


@pytest.mark.parametrize("line", [
    "http://www.pingyao.gov.cn/",
    "欢迎访问平遥县人民政府网站! 登录 | 注册 | 无障碍浏览",
    "您的位置:首页 > 工作动态 > 公文通告",
    "当前位置：首页>新闻中心>乡镇动态",
    "首页 > 政务公开 > 通知公告",
    "发布时间:2020-05-29 14:36:23  来源:平遥县应急管理局  浏览次数:1523",
    "发布日期：2017年03月13日 信息来源：",
    "来源：县卫生健康局",
    "【字号 大 中 小】 【打印本页】 【关闭窗口】",
    "[打印本页] [关闭窗口]",
    "返回",
    "朗读",
    "分享到：",
    "页: [1]",
    "作者:晋北老卫 发表于 2018-11-03 09:12",
    "基层卫生论坛 - 政策文件 - 查看完整版本:关于做好冬季流感防控工作的通知",
    "上一篇：关于开展安全生产月活动的通知",
    "晋ICP备05002311号 网站标识码:1407280001",
    "主办:平遥县人民政府办公室 承办:平遥县大数据中心",
    "索引号: 003129766/201901-00336 组配分类: 规范性文件发布",
    "生成日期: 2019-01-23 文号:",
    "河南省卫生健康委员会 - 通知公告",
    "平遥县人民政府|政务公开|文件通知",
    "晋中市卫生健康委员会－政策文件",
])
def test_furniture_lines(line):
    assert is_furniture_line(line)


@pytest.mark.parametrize("line", [
    "关于切实做好2020年汛期安全生产工作的通知",
    "各乡镇人民政府,县直各有关单位:",
    "一、会议时间",
    "时间：2024年3月15日上午9:00",
    "主办单位：县卫生健康局",
    "资金来源：县级财政预算",
    "大",
    "2",
    "联系人:张晓东,联系电话:0354-5621103。",
    "各单位要于6月20日前将隐患排查情况报县应急管理局。",
    "平遥县应急管理局",
    "2020年5月28日",
])
def test_notice_lines_are_kept(line):
    assert not is_furniture_line(line)


def test_a_capture_date_glued_to_the_title_is_cut():
    title = "2018.11.02国家卫生健康委办公厅关于做好2018年冬季流感防控工作的通知"
    assert title[cut_glued_date(title):] == "国家卫生健康委办公厅关于做好2018年冬季流感防控工作的通知"
    assert cut_glued_date("【2020-05-29】关于做好汛期安全工作的通知") > 0
    # a sentence that opens with a date keeps it
    assert cut_glued_date("2024.3.1起施行的《办法》要求各单位做好报送工作。") == 0


PAGE = """欢迎访问某县人民政府网站！
您的位置:首页 > 政务公开 > 通知公告
关于做好2024年夏季防溺水工作的通知
发布时间:2024-05-20 09:30:00 来源:县教育局 浏览次数:88
【字号 大 中 小】【打印本页】【关闭窗口】
各乡镇中心学校,县直各学校:
为切实做好夏季防溺水工作,现将有关事项通知如下:
一、开展专题教育
各学校要于6月10日前开展一次防溺水专题教育。
县教育局
2024年5月18日
【打印本页】【关闭窗口】
"""


def test_a_pasted_page_keeps_its_header_fields():
    _, clean = text_from_string(PAGE)
    notice = parse_clean(clean, Source(file="page.txt", format="txt"))
    assert notice.title == "关于做好2024年夏季防溺水工作的通知"
    assert notice.recipients == ["各乡镇中心学校", "县直各学校"]
    assert notice.signatory == "县教育局"
    assert notice.issue_date == "2024-05-18"
    assert [s.heading for s in notice.outline] == ["开展专题教育"]
    assert "打印" not in clean.text and "发布时间" not in clean.text


@pytest.mark.parametrize("line", [
    "日期:2024-01-15   来源:  长沙县卫生健康局",
    "时间：2023-06-01 作者：办公室 点击：356",
    "中国政府网 www.gov.cn",
    "本帖最后由 晋北老卫 于 2018-11-3 09:15 编辑",
    "发表于 2018-11-03 09:12",
    "2#",
    "分享到：微信 微博",
])
def test_more_furniture_lines(line):
    assert is_furniture_line(line)


@pytest.mark.parametrize("line", [
    "时间：2024年3月15日上午9:00 地点：县政府三楼会议室",
    "报名网址：http://www.example.gov.cn/bm",
    "回复函请于3月5日前报送。",
    "引用的数据以统计年鉴为准。",
])
def test_lines_like_furniture_that_are_content(line):
    assert not is_furniture_line(line)


@pytest.mark.parametrize("line", [
    "【大】【中】【小】",
    "【我要打印】【关闭】",
    "[复制链接]",
    "本文链接：http://www.example.gov.cn/art/2020/5/29/art_1.html",
    "2020-05-29 14:36:23",
    "【发布时间：2020-05-29】【来源：县卫健局】【字体：大 中 小】",
    "2018-11-02 10:30 来源：国家卫生健康委网站 作者：疾控局",
])
def test_button_and_stamp_variants(line):
    assert is_furniture_line(line)


def test_a_bare_iso_date_is_kept():
    assert not is_furniture_line("2020-05-29")  # a signature date written the numeric way


def test_a_forum_subject_that_is_the_only_copy_of_the_title_keeps_the_title():
    page = ("页: [1]\n主题:转发 县卫生健康局关于做好冬季流感防控工作的通知\n作者:老卫 发表于 2018-11-03 09:12\n"
            "各乡镇卫生院:\n一、加强监测\n各乡镇卫生院要于12月1日前完成培训。\n县卫生健康局\n2018年11月1日\n")
    _, clean = text_from_string(page)
    notice = parse_clean(clean, Source(file="page.txt", format="txt"))
    assert notice.title == "县卫生健康局关于做好冬季流感防控工作的通知"
    assert notice.recipients == ["各乡镇卫生院"]


def test_a_capture_date_after_the_title_is_cut():
    _, clean = text_from_string("关于做好汛期安全工作的通知 2020-05-29\n各乡镇人民政府:\n")
    assert clean.paragraph_texts()[0] == "关于做好汛期安全工作的通知"


@pytest.mark.parametrize("line", [
    "•",
    "记者:梅元龙、董瑞丰",
    "关键词:",
    "格式:DOCX , 页数:56 ,大小:35.23KB ,",
    "资源ID:6058712      下载积分:3 金币",
    "加入VIP,免费下载",
    "本文(02考核指标定稿.docx)为本站会员(b****5)主动上传,仅对用户上传内容的表现方式做保护处理",
    "温馨提示:由于个人手机设置不同,如果发现不能下载,请复制以下地址到电脑端继续下载",
])
def test_news_and_document_site_furniture(line):
    assert is_furniture_line(line)


def test_attachment_files_listed_by_a_web_page():
    text = ("关于转发省卫生健康委通告的通知\n各镇卫生院:\n现将省卫生健康委通告转发给你们,请周知。\n"
            "附件:东卫函〔2016〕94号.pdf\n粤卫通〔2016〕4号.pdf\n东莞市卫生和计划生育局\n2016年4月20日\n")
    _, clean = text_from_string(text)
    notice = parse_clean(clean, Source(file="page.txt", format="txt"))
    assert notice.attachments == ["东卫函〔2016〕94号", "粤卫通〔2016〕4号"]


@pytest.mark.parametrize(("line", "title"), [
    ("2018年11月2日国家卫生健康委办公厅关于做好流感防控工作的通知", "国家卫生健康委办公厅关于做好流感防控工作的通知"),
    ("[转帖]关于做好2024年汛期安全工作的通知", "关于做好2024年汛期安全工作的通知"),
    ("【置顶】【2020-05-29】关于做好汛期安全工作的通知", "关于做好汛期安全工作的通知"),
])
def test_tags_and_dates_glued_to_a_title(line, title):
    assert line[cut_glued_date(line):] == title


def test_a_title_that_opens_with_a_year_keeps_it():
    assert cut_glued_date("2024年全县卫生健康工作要点") == 0
    assert cut_glued_date("2024年3月1日起施行") == 0


OA_SHEET = """收文编号：2023-0456  收文日期：2023-08-16
来文单位：市卫生健康委  来文字号：市卫函〔2023〕88号
文件标题：关于做好2023年秋季传染病防控工作的通知
拟办意见：请医政股、疾控股研办。
打印时间：2023-08-16 09:12  打印人：办公室
市卫生健康委员会
市卫函〔2023〕88号
关于做好2023年秋季传染病防控工作的通知
各县（区）卫生健康局：
一、加强监测
各县（区）卫生健康局要于9月10日前完成哨点医院培训。
市卫生健康委员会
2023年8月15日
"""


def test_an_oa_processing_sheet_above_the_notice_is_cut():
    _, clean = text_from_string(OA_SHEET)
    notice = parse_clean(clean, Source(file="oa.txt", format="txt"))
    assert notice.title == "关于做好2023年秋季传染病防控工作的通知"
    assert notice.doc_number == "市卫函〔2023〕88号"
    assert notice.recipients == ["各县（区）卫生健康局"]
    assert "拟办意见" not in clean.text and "收文编号" not in clean.text


def test_a_title_printed_twice_at_the_head_keeps_the_recipients():
    page = ("关于做好汛期安全工作的通知\n发布时间：2020-05-29 14:36:23 来源：县应急局\n关于做好汛期安全工作的通知\n"
            "各乡镇人民政府,县直各单位:\n一、开展排查\n各乡镇要于6月10日前完成排查。\n县应急管理局\n2020年5月28日\n")
    _, clean = text_from_string(page)
    notice = parse_clean(clean, Source(file="page.txt", format="txt"))
    assert notice.title == "关于做好汛期安全工作的通知"
    assert notice.recipients == ["各乡镇人民政府", "县直各单位"]


def test_a_web_page_printed_to_pdf_by_a_browser():
    assert is_furniture_line("http://www.pingyao.gov.cn/art/2020/5/29/art_1234.html 1/3")
    assert is_furniture_line("2020/5/29 14:36 平遥县人民政府门户网站")
    assert is_furniture_line("2020/5/29 14:36 关于切实做好2020年汛期安全生产工作的通知 - 平遥县人民政府")
    line = "2020/5/29 关于切实做好2020年汛期安全生产工作的通知"
    assert line[cut_glued_date(line):] == "关于切实做好2020年汛期安全生产工作的通知"


def test_a_meetings_own_host_line_is_kept_and_the_site_footer_goes():
    assert not is_furniture_line("主办：县卫生健康局")
    assert not is_furniture_line("主办单位：县卫生健康局  承办单位：县人民医院")
    assert is_furniture_line("主办:平遥县人民政府办公室 承办:平遥县大数据中心")
    assert is_furniture_line("版权所有：平遥县人民政府")


def test_a_download_label_names_the_attachments():
    text = ("关于做好汛期安全工作的通知\n各乡镇人民政府:\n一、开展排查\n各乡镇要于6月10日前完成排查。\n"
            "县应急管理局\n2020年5月28日\n附件下载:\n1.隐患排查统计表.xls\n")
    _, clean = text_from_string(text)
    notice = parse_clean(clean, Source(file="page.txt", format="txt"))
    assert notice.attachments == ["隐患排查统计表"]


@pytest.mark.parametrize("line", ["楼主| 发表于 2018-11-3 09:12 | 只看该作者", "回复 #2 老卫 的帖子",
                                  "Re:关于做好冬季流感防控工作的通知"])
def test_forum_post_furniture(line):
    assert is_furniture_line(line)


@pytest.mark.parametrize("line", [
    "索引号:11532323015172622Y-/2018-1220012 公文目录:应急管理 发文日期:2017年06月28日 主题词: 文  号: 成文日期:",
    "信息来源: 关键词:",
    "浏览次数: 590 内容概述:",
    "废止时间: 2020-01-23 名称: 某县人民政府关于印发工作规则的通知",
])
def test_open_government_index_fields(line):
    assert is_furniture_line(line)


def test_a_form_line_with_a_name_field_is_kept():
    assert not is_furniture_line("单位名称：            联系人：")


def test_menu_bars_and_dash_breadcrumbs():
    assert is_furniture_line("网站首页 | 机构概况 | 新闻中心 | 政务公开 | 办事服务")
    assert is_furniture_line("首页 - 政务公开 - 通知公告")
    assert not is_furniture_line("县卫健局 | 县应急局")  # two organs set side by side are no menu
