"""The document model of an official document (公文) as GB/T 9704-2012 lays it out.

Plain dataclasses that say *what* is in the document; :mod:`drafting.gbt9704.writer` decides
*where* it goes on the page, following a layout profile. Build one like this::

    doc = OfficialDocument(
        letterhead=Letterhead(["青阳县卫生健康局"]),
        doc_number="青卫健〔2024〕12号",
        title="关于开展2024年爱国卫生月活动的通知",
        recipients=["各乡镇卫生院", "县直各医疗卫生单位"],
        body=[Paragraph("为深入贯彻……"), Heading("一、活动主题", 1), Paragraph("……")],
        signature=["青阳县卫生健康局"],
        date=datetime.date(2024, 3, 7),
        colophon=Colophon(cc=["县政府办公室"], printer="青阳县卫生健康局办公室",
                          print_date=datetime.date(2024, 3, 7)),
    )

Headings carry their number as written (``"一、总体要求"``); the writer never renumbers.
Attachments come after the body, each on new pages with its own title and blocks; the
附件说明 is made from their titles unless ``attachment_note`` says otherwise.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Literal

Align = Literal["justify", "left", "center", "right"]
CellValue = str | int | float | datetime.date | None


_DOC_NUMBER = re.compile(r"^(?P<prefix>.*?)\s*[〔［\[（(【{｛]\s*(?P<year>\d{4})\s*[〕］\]）)】}｝]\s*第?\s*0*(?P<n>\d+)\s*号$")


def normalize_doc_number(number: str) -> str:
    """发文字号 as GB/T 9704 prints it: year in 〔〕, no 第, no leading zeros (``青卫健〔2024〕12号``).

    ``青卫健[2024]第012号`` and ``青卫健（2024）12号`` become ``青卫健〔2024〕12号``; a number that
    does not look like a 发文字号 is returned stripped but otherwise unchanged."""
    text = number.strip()
    match = _DOC_NUMBER.match(text)
    if not match:
        return text
    return f"{match['prefix'].strip()}〔{match['year']}〕{int(match['n'])}号"


def format_cn_date(day: datetime.date) -> str:
    """成文日期 form: Arabic numerals, full year, no leading zeros — ``2024年3月7日``."""
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass
class Paragraph:
    """A body paragraph: 3号仿宋, first line indented 2 characters unless ``indent`` is False."""

    text: str
    indent: bool = True
    align: Align = "justify"


@dataclass
class Heading:
    """A structural heading, number included as written: ``一、`` (1) ``（一）`` (2) ``1.`` (3) ``（1）`` (4).

    ``run_in`` is body text that continues in the same paragraph after the heading, as is usual
    for levels 3 and 4 (``1.加强组织领导。`` + ``各乡镇要……``); it is set in the body font.
    """

    text: str
    level: int = 1
    run_in: str = ""

    def __post_init__(self) -> None:
        if self.level not in (1, 2, 3, 4):
            raise ValueError(f"标题层级只能是 1–4：{self.level!r}")


@dataclass
class TableColumn:
    """A column of a table: its header text, relative width, and how its cells align."""

    title: str
    width: float = 1.0  # relative weight; the writer scales the columns to the text block
    align: Align = "left"


# The columns of a 任务分工表 (序号 · 重点任务 · 具体措施 · 牵头单位 · 配合单位 · 完成时限), by relative width.
TASK_TABLE_COLUMNS: tuple[TableColumn, ...] = (
    TableColumn("序号", 0.7, "center"),
    TableColumn("重点任务", 1.7),
    TableColumn("具体措施", 5.0),
    TableColumn("牵头单位", 1.4, "center"),
    TableColumn("配合单位", 1.9, "center"),
    TableColumn("完成时限", 1.5, "center"),
)


@dataclass
class Table:
    """A table such as the 任务分工表. Cells may be text, numbers or dates (printed 2024年3月7日).

    ``caption`` is the table's own title, set 2号小标宋 above it when given. The header row
    repeats on every page.
    """

    columns: list[TableColumn]
    rows: list[list[CellValue]] = field(default_factory=list)
    caption: str | None = None

    def __post_init__(self) -> None:
        self.columns = [c if isinstance(c, TableColumn) else TableColumn(str(c)) for c in self.columns]
        for i, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise ValueError(f"表格第{i + 1}行有{len(row)}格，表头有{len(self.columns)}列")


Block = Paragraph | Heading | Table


@dataclass
class Attachment:
    """An attachment (附件): starts on a new page with ``附件N`` and its own title.

    ``name`` is how the 附件说明 lists it when it differs from the title. ``landscape`` puts the
    attachment on A4 landscape pages (for a wide 任务分工表).
    """

    title: str
    blocks: list[Block] = field(default_factory=list)
    landscape: bool = False
    name: str | None = None

    @property
    def listed_name(self) -> str:
        return self.name or self.title


@dataclass
class Letterhead:
    """发文机关标志: one organ, or joint issuers (host first), each in red 小标宋.

    ``suffix`` is ``"文件"`` for the ``XX文件`` form; ``""`` for the organ's full name alone.
    """

    organs: list[str]
    suffix: str = "文件"

    def __post_init__(self) -> None:
        if isinstance(self.organs, str):
            self.organs = [self.organs]
        if not self.organs:
            raise ValueError("发文机关标志至少需要一个机关名称")


@dataclass
class Colophon:
    """版记: 抄送 organs, 印发机关 and 印发日期, ruled at the bottom of the last page."""

    printer: str
    print_date: datetime.date
    cc: list[str] = field(default_factory=list)


@dataclass
class OfficialDocument:
    """One official document (通知, 方案, 报告…) with every element GB/T 9704-2012 names.

    Optional elements left empty are simply not printed. ``title_lines`` fixes where the title
    breaks; when empty the writer breaks a long title by meaning into a trapezoid.
    ``profile`` names the layout profile (``"standard"`` unless the office uses a local one).
    """

    title: str
    body: list[Block] = field(default_factory=list)
    # 版头
    letterhead: Letterhead | None = None
    doc_number: str | None = None  # 发文字号, e.g. 青卫健〔2024〕12号
    signer: list[str] = field(default_factory=list)  # 签发人 (上行文 only)
    copy_number: str | None = None  # 份号, 6 digits
    secrecy: str | None = None  # 密级和保密期限, e.g. 机密★1年
    urgency: str | None = None  # 紧急程度: 特急 / 加急
    # 主体
    title_lines: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)  # 主送机关, printed joined by ，
    attachments: list[Attachment] = field(default_factory=list)
    attachment_note: list[str] | None = None  # 附件说明 names; None: from the attachments
    signature: list[str] = field(default_factory=list)  # 署名 (joint issuers: several)
    date: datetime.date | None = None  # 成文日期
    sealed: bool = True
    note: str | None = None  # 附注, printed in full-width parentheses
    # 版记
    colophon: Colophon | None = None
    profile: str = "standard"
    landscape: bool = False  # the main pages on A4 landscape (a document that is just a wide table)

    def __post_init__(self) -> None:
        if isinstance(self.signer, str):
            self.signer = [self.signer]
        if isinstance(self.signature, str):
            self.signature = [self.signature]
        if isinstance(self.recipients, str):
            self.recipients = [self.recipients]

    @property
    def attachment_names(self) -> list[str]:
        """What the 附件说明 lists, in order."""
        if self.attachment_note is not None:
            return list(self.attachment_note)
        return [a.listed_name for a in self.attachments]

    @property
    def date_text(self) -> str:
        return format_cn_date(self.date) if self.date else ""

    @property
    def copy_number_text(self) -> str:
        """份号 as printed: 6 digits (``18`` → ``000018``)."""
        text = (self.copy_number or "").strip()
        return text.zfill(6) if text.isdigit() and len(text) < 6 else text

    def check(self) -> list[str]:
        """What does not follow GB/T 9704-2012 and the writer cannot fix itself (Chinese messages)."""
        problems: list[str] = []
        copy = self.copy_number_text
        if copy and not (copy.isdigit() and len(copy) == 6):
            problems.append(f"份号应为6位阿拉伯数字：{copy}")
        if self.urgency and self.urgency.strip() not in ("特急", "加急"):
            problems.append(f"紧急程度应为“特急”或“加急”：{self.urgency}")
        if self.secrecy and not re.match(r"^(绝密|机密|秘密)(★.+)?$", self.secrecy.strip()):
            problems.append(f"密级应为绝密、机密或秘密（可加★和保密期限）：{self.secrecy}")
        if self.doc_number and not _DOC_NUMBER.match(self.doc_number.strip()):
            problems.append(f"发文字号格式应为“机关代字〔年份〕序号号”：{self.doc_number}")
        if self.signer and not self.doc_number:
            problems.append("有签发人的上行文应当有发文字号")
        if self.title.strip().endswith(("。", "．", ".")):
            problems.append("标题末尾不加句号")
        if self.colophon and not self.colophon.printer.strip():
            problems.append("版记缺少印发机关")
        if self.sealed and not self.signature and self.date:
            problems.append("加盖印章的公文应有发文机关署名")
        return problems
