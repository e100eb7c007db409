"""Web-page and OA furniture around a notice pasted from a government site or a forum.

Clerks copy notices from web pages: the copy brings the site's name and address, the breadcrumb
(``您的位置:首页 > 政务公开 > 通知公告``), the publishing line (``发布时间:2020-05-29 14:36:23
来源:…``), the buttons (``【字号 大 中 小】``, ``【打印本页】``, ``关闭窗口``, ``返回``, ``朗读``), the
open-government index block (``索引号: …``), the pager (``页: [1]``), a forum thread's subject and
author lines, the footer (``主办:…``, ``ICP备…``) and a capture date glued to the title
(``2018.11.02国家…的通知``). None of it is part of the notice. Such pages write half-width
punctuation (``:`` ``,`` ``(``), so every pattern accepts both widths.
"""

from __future__ import annotations

import re

from parsing.cleaning.lines import EDGE_SPACE, Line

_C = r"\s*[:：]"  # a colon of either width
# the names sites give the section a notice is filed under
_SECTION = (r"(?:通知公告|公告公示|通知通告|公示公告|政务公开|信息公开|政府信息公开|工作动态|新闻动态|新闻中心|政策文件|政策法规|"
            r"法规文件|文件通知|公文通告|文件发布|部门动态|要闻动态|政务动态|文件公告|规范性文件|通知|公告|文件)")
_URL = r"(?:https?://|www\.)[^\s\u4e00-\u9fff]+"

# Whole lines that are furniture.
_FURNITURE_LINE = re.compile(
    "|".join([
        rf"^{_URL}\s*(?:[0-9]{{1,3}}\s*/\s*[0-9]{{1,3}})?\s*$",  # the page's address (a browser's print: 1/3)
        # a browser's print header: 2020/5/29 14:36  平遥县人民政府门户网站
        r"^(?:19|20)\d{2}/\d{1,2}/\d{1,2}\s+(?:上午|下午)?\d{1,2}:\d{2}(?::\d{2})?\s+.{1,120}$",
        r"^(?:19|20)\d{2}/\d{1,2}/\d{1,2}\s+(?!.*关于).{1,40}$",
        r"^欢迎(?:访问|来到|光临|您访问).{0,40}$",  # 欢迎访问平遥县人民政府网站! …
        rf"^(?:您的位置|您现在的位置|您当前的位置|当前位置|所在位置|位置){_C}.*$",  # breadcrumbs
        r"^(?:网站)?首页\s*(?:[>＞»›/|｜\-—]|&gt;).{0,80}$",  # 首页 > 政务公开 > …
        r"^[\u4e00-\u9fffA-Za-z]{2,8}(?:\s*[|｜]\s*[\u4e00-\u9fffA-Za-z]{2,8}){3,}\s*$",  # a menu bar
        rf"^(?:发布|更新|录入|上传|生成|发表|创建)(?:时间|日期){_C}.*$",  # 发布时间:2020-05-29 14:36:23 …
        rf"^(?:信息|文章|稿件|新闻)?来源{_C}.{{0,40}}$",  # 来源：县应急管理局
        rf"^(?:作者|编辑|责任编辑|审核|记者|统筹|编审|校对|浏览次数|点击数|阅读次数|访问量){_C}.{{0,60}}$",
        r"^[•·|｜]$",  # a bullet or a bar left alone by the page layout
        # a document-sharing site's download box (格式:DOCX 页数:56 下载积分:3 …, 本站…, 加入VIP…)
        r"^.{0,40}(?:下载积分|资源ID|ImageVerifierCode|加入VIP|免费下载|立即下载|快捷下载|登录下载|换一换|"
        r"下载须知|版权提示|免责声明|文档简介|文档贡献者).*$",
        r"^.{0,30}本站.{0,60}(?:上传|下载|会员|资源|版权|侵权|删除|负责).*$",
        rf"^温馨提示{_C}.*(?:下载|登录|本站|账号|手机).*$",
        rf"^(?:上一篇|下一篇|上一条|下一条|相关(?:文章|链接|阅读)){_C}?.*$",
        rf"^页{_C}\s*\[\s*\d+\s*\](?:\s*\d+)*.*$",  # 页: [1] 2 3
        r"^.{0,40}查看完整版本\s*[:：]?.*$",  # Discuz! text mode
        r"^Powered\s+by\b.*$",
        r"^(?:版权所有|Copyright|©).*$",
        # the site's footer: 主办:… 承办:…, 技术支持:…网站 (a meeting's own 主办：… line is kept)
        r"^(?:主办|承办|协办|技术支持|运维)(?:单位)?\s*[:：].*(?:技术支持|运维|网站|门户|大数据|信息中心|政府网|网络).*$",
        r"^.*(?:ICP备|ICP证|公网安备|网站标识码|网站识别码).*$",
        r"^(?:登录|注册|无障碍|长者模式|关怀版|English|繁体|简体)(?:\s*[|｜/／]\s*\S{1,8}){1,8}\s*$",  # a menu bar
        rf"^[\u4e00-\u9fff]{{2,24}}\s*[-—|｜]?\s*{_URL}\s*$",  # 中国政府网 www.gov.cn
        # the site's banner with its section: 河南省卫生健康委员会 - 通知公告, XX县人民政府|政务公开|文件通知
        r"^[\u4e00-\u9fff（）()]{2,30}(?:\s*[-—–|｜_>＞»·－]\s*[\u4e00-\u9fff]{2,10}){0,3}\s*[-—–|｜_>＞»·－]\s*"
        + _SECTION + r"\s*$",
        r"^本帖最后由.{1,40}编辑\s*$",  # Discuz! edit stamp
        rf"^(?:发表于|回复于|楼主|沙发|板凳|地板|只看该作者|使用道具|举报|引用|回复)(?:{_C}|\s|[|｜]|$).{{0,60}}$",
        r"^(?:Re|RE)\s*[:：].{0,120}$",  # a reply's subject
        r"^\d{1,4}\s*(?:#|楼)\s*$",  # 2# / 3楼
        r"^(?:分享到|分享至|扫一扫在手机打开当前页|在手机上打开)\s*[:：]?.{0,30}$",
        rf"^(?:本文地址|本文链接|本页地址|原文链接|原文地址|页面地址|文章链接|转载请注明(?:出处|来源)?){_C}?.*$",
        r"^[【\[［]?\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s*[】\]］]?$",  # 2020-05-29 14:36:23
    ]),
    re.IGNORECASE,
)

# Lines made only of button labels: 【字号 大 中 小】 【打印本页】 【关闭窗口】, 返回, 朗读 …
_BUTTON = (r"(?:(?:我要|点击)?(?:打印|关闭|收藏|分享|纠错)|复制链接|复制网址|字号|字体|字体大小|文字大小|大|中|小|默认|超大|放大|缩小|打印|打印本页|打印此页|打印文章|关闭|关闭窗口|"
           r"关闭本页|返回|返回顶部|返回列表|返回首页|返回上一页|朗读|语音播报|播放|暂停|收藏|加入收藏|分享|分享到|"
           r"纠错|我要纠错|扫一扫|手机扫一扫|在手机上查看|保存|下载|浏览次数|视力保护色|护眼模式|"
           r"\d{1,7}(?!\d)|次|[Tt]{1,2}|A\+|A-|A)")
_BUTTON_LINE = re.compile(rf"^(?:[\s【】\[\]［］()（）<>《》|｜/／·•:：,，>＞]*{_BUTTON})+[\s【】\[\]［］()（）<>|｜/／·•:：,，>＞]*$")
_SHORT_BUTTON_WORD = re.compile(r"^(?:大|中|小|默认|次|\d{1,7}|[Tt]{1,2}|A\+|A-|A|保存|下载|播放|暂停|分享)$")

# An index block of the open-government page: 索引号: … 发布机构: … 生成日期: …
_INDEX_KEYS = ("索引号", "组配分类", "主题分类", "体裁分类", "信息分类", "服务对象分类", "发布机构", "公开方式", "公开范围",
               "公开时限", "生效时间", "废止时间", "生效日期", "废止日期", "有效性", "效力状态", "内容概述", "关键词", "主题词",
               "信息来源", "生成日期", "发文日期", "成文日期", "发布日期", "文号", "发文字号", "名称", "标题", "所属机构",
               "信息索取号", "统一编号", "登记号", "收文编号", "来文单位", "来文字号", "收文日期", "收文时间", "拟办意见",
               "领导批示", "批示意见", "办理结果", "办理情况", "打印时间", "打印人", "登记人", "公文目录", "公开目录",
               "发文机关", "发布单位", "文件编号")
# keys are matched with the spaces squeezed out (文  号: on a page that pads its labels)
_INDEX_KEY = re.compile(r"(" + "|".join(sorted(_INDEX_KEYS, key=len, reverse=True)) + r")[:：]")
_INDEX_ONLY = ("关键词", "索引号", "组配分类", "主题分类", "体裁分类", "信息分类", "服务对象分类", "公开方式", "公开范围", "公开时限",
               "有效性", "效力状态", "内容概述", "主题词", "信息索取号", "统一编号", "登记号", "所属机构", "收文编号",
               "收文日期", "拟办意见", "领导批示", "批示意见", "办理结果", "打印时间", "打印人", "登记人")

# 2018.11.02国家卫生健康委办公厅关于…的通知 / 【2020-05-29】关于… / [转帖]关于…: a capture date or a
# forum tag glued to a title
_GLUED_DATE = re.compile(r"^(?:[【\[［(（]?\s*(?:(?:19|20)\d{2}\s*[.．\-－/]\s*\d{1,2}\s*[.．\-－/]\s*\d{1,2}"
                         r"(?:\s+(?:上午|下午)?\d{1,2}:\d{2}(?::\d{2})?)?"
                         r"|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*[】\]］)）]?\s*"
                         r"|[【\[［](?:转帖|转载|原创|转|分享|置顶|精华|推荐|热|新|公告|通知)[】\]］]\s*)+"
                         r"(?=[\u4e00-\u9fff《“])")
_TITLE_TAIL = re.compile(r"(?:关于|印发|转发).*(?:通知|意见|方案|办法|规定|函|决定|通报|要点|计划|公告|通告|批复)\s*$")


# The publishing line of a page: two or more of its fields on one line (日期:… 来源:… 浏览次数:…).
_META_KEY = re.compile(r"(?:发布时间|发布日期|更新时间|更新日期|时间|日期|信息来源|文章来源|来源|发布者|发布人|作者|责任编辑|编辑|"
                       r"浏览次数|浏览量|浏览|点击数|点击量|点击|阅读次数|阅读量|阅读|访问量|字号|字体|格式|页数|大小|资源ID|下载积分)\s*[:：]")


_STAMP = re.compile(r"^(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s")


def is_furniture_line(text: str) -> bool:
    """True for a line that belongs to the web page or the forum, not to the notice."""
    value = text.strip(EDGE_SPACE)
    if not value:
        return False
    if _FURNITURE_LINE.match(value):
        return True
    bare = value.lstrip("【[［(（ ")
    if len(_META_KEY.findall(bare)) >= 2 and (_META_KEY.match(bare) or _STAMP.match(bare)) and "。" not in bare:
        return True
    if _BUTTON_LINE.match(value):
        words = [w for w in re.split(r"[\s【】\[\]［］()（）<>|｜/／·•:：,，>＞]+", value) if w]
        # 大 / 中 / 2 alone are text, not buttons: a button line names at least one real button
        return any(not _SHORT_BUTTON_WORD.match(w) for w in words) or {"大", "中", "小"} <= set(words)
    return _is_index_line(value)


def _is_index_line(value: str) -> bool:
    """``索引号: 003129766/201901-00336 组配分类: 规范性文件发布``: fields of the site's index block."""
    squeezed = re.sub(r"\s+", "", value)
    keys = [m.group(1) for m in _INDEX_KEY.finditer(squeezed)]
    if not keys or not _INDEX_KEY.match(squeezed):
        return False
    return len(keys) >= 2 or keys[0] in _INDEX_ONLY


def cut_glued_date(text: str) -> int:
    """Length of a capture date glued to the front of a title (``2018.11.02国家…的通知``), else 0."""
    m = _GLUED_DATE.match(text)
    if not m or not _TITLE_TAIL.search(text[m.end():]):
        return 0
    return m.end()


# a forum subject or the title field of a page: 主题:转发 X / 标题: X
_SUBJECT = re.compile(r"^(?:主题|标题|帖子主题|文章标题|文件标题|信息名称|文件名称|名称)\s*[:：]\s*(?:转发|转载|分享)?\s*(.{4,120}?)\s*$")
_TRAILING_DATE = re.compile(r"\s*[【\[［(（]?\s*(?:19|20)\d{2}[.．\-－/]\d{1,2}[.．\-－/]\d{1,2}\s*[】\]］)）]?\s*$")


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def cut_trailing_date(text: str) -> int:
    """Where a capture date after a title begins (``关于…的通知 2020-05-29``), else ``len(text)``."""
    m = _TRAILING_DATE.search(text)
    if not m or not _TITLE_TAIL.search(text[:m.start()]):
        return len(text)
    return m.start()


# 附件下载：… / 相关附件：… on a page: the attachment list under a web label (the label's extra word goes)
_DOWNLOAD_LABEL = re.compile(r"^\s*(?:附\s*件\s*(下\s*载)|(相\s*关)\s*附\s*件)\s*[:：]")


def remove_web_furniture(lines: list[Line]) -> int:
    """Mark the furniture lines removed and cut glued capture dates; returns how many lines changed.

    A subject line (``主题:…``, ``标题:…``) goes when the page prints the title again; where it
    is the only copy of the title, only its label goes. A title the page prints twice at its head
    is kept once, the copy nearest the notice."""
    changed = 0
    for line in lines:
        if line.removed is not None or line.table:
            continue
        if is_furniture_line(line.s):
            line.removed = "web page"
            changed += 1
            continue
        label = _DOWNLOAD_LABEL.match(line.s)
        if label:
            extra = label.span(1) if label.group(1) else label.span(2)
            line.text = line.text.delete([extra])
            changed += 1
        cut = cut_glued_date(line.s)
        if cut:
            line.text = line.text.slice(cut, len(line.s)).strip(EDGE_SPACE)
            changed += 1
        end = cut_trailing_date(line.s)
        if end < len(line.s):
            line.text = line.text.slice(0, end).strip(EDGE_SPACE)
            changed += 1
    kept = [line for line in lines if line.removed is None and not line.table]
    for line in kept:
        m = _SUBJECT.match(line.s)
        if not m:
            continue
        value = _squeeze(m.group(1))
        if any(other is not line and other.removed is None and value in _squeeze(other.s) for other in kept):
            line.removed = "web page"
        elif _TITLE_TAIL.search(value):
            line.text = line.text.slice(m.start(1), m.end(1))  # the title's only copy: keep it
        else:
            line.removed = "web page"
        changed += 1
    head = [line for line in lines if line.removed is None and not line.table][:_HEAD_LINES]
    for n, line in enumerate(head):
        value = _squeeze(line.s)
        if len(value) >= _TITLE_MIN and _TITLE_TAIL.search(value) \
                and any(_squeeze(later.s) == value for later in head[n + 1:]):
            line.removed = "web page"  # the page's own title above the notice's: keep the notice's
            changed += 1
    return changed


_HEAD_LINES = 20
_TITLE_MIN = 8
