"""Word .docx notices: body paragraphs and tables in document order.

Automatic numbering is rendered as Word shows it; tracked insertions are kept and deletions
dropped; headers, footers, footnotes and comments are left out; field codes, bookmarks and
other artefacts are gone (a field's result text is kept). Tables come out one row per line
with cells separated by tabs. The XML is walked directly with lxml, after the archive has
been checked for bombs, so a hostile file cannot exhaust memory.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from parsing.document import RawDocument, RawPage
from parsing.errors import LoadError
from parsing.loaders.archive import open_archive, read_member
from parsing.loaders.docx_numbering import _W, Numbering
from parsing.progress import CancelCheck, ProgressCallback, check_cancelled, never, noop

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {f"{_W}{tag}" for tag in ("del", "delText", "instrText", "delInstrText", "moveFrom", "rPr", "pPr",
                                   "footnoteReference", "endnoteReference", "commentReference")}
_SKIP.add(_MC_FALLBACK)
_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=False, no_network=True)


class _Styles:
    """Numbering attached to paragraph styles (a heading style that numbers itself)."""

    def __init__(self, xml: bytes | None):
        self.numbering: dict[str, tuple[str, int]] = {}
        self.based_on: dict[str, str] = {}
        if not xml:
            return
        root = etree.fromstring(xml, parser=_PARSER)
        for style in root.iter(f"{_W}style"):
            style_id = style.get(f"{_W}styleId")
            based = style.find(f"{_W}basedOn")
            if based is not None:
                self.based_on[style_id] = based.get(f"{_W}val")
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                num_id = num_pr.find(f"{_W}numId")
                ilvl = num_pr.find(f"{_W}ilvl")
                if num_id is not None:
                    self.numbering[style_id] = (num_id.get(f"{_W}val"),
                                                int(ilvl.get(f"{_W}val")) if ilvl is not None else 0)

    def num_for(self, style_id: str | None) -> tuple[str, int] | None:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if style_id in self.numbering:
                return self.numbering[style_id]
            style_id = self.based_on.get(style_id)
        return None


class _Reader:
    def __init__(self, numbering: Numbering, styles: _Styles):
        self.numbering = numbering
        self.styles = styles
        self.lines: list[str] = []

    def paragraph_text(self, p) -> str:
        """Visible text of a paragraph: runs, insertions, hyperlinks, field results."""
        parts: list[str] = []
        self._collect(p, parts)
        return "".join(parts)

    def _collect(self, element, parts: list[str]) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag == f"{_W}tab" or tag == f"{_W}ptab":
                parts.append(" ")
            elif tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{_W}sym":
                parts.append("")
            elif tag == f"{_W}txbxContent":
                continue  # text boxes are read as paragraphs of their own
            else:
                self._collect(child, parts)

    def label(self, p) -> str:
        num_pr = p.find(f"{_W}pPr/{_W}numPr")
        num: tuple[str, int] | None = None
        if num_pr is not None:
            num_id = num_pr.find(f"{_W}numId")
            ilvl = num_pr.find(f"{_W}ilvl")
            if num_id is not None:
                num = (num_id.get(f"{_W}val"), int(ilvl.get(f"{_W}val")) if ilvl is not None else 0)
        if num is None:
            style = p.find(f"{_W}pPr/{_W}pStyle")
            num = self.styles.num_for(style.get(f"{_W}val") if style is not None else None)
        return self.numbering.label(*num) if num else ""

    def paragraph(self, p) -> None:
        for box in p.iter(f"{_W}txbxContent"):
            if any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
                continue
            for inner in box.iter(f"{_W}p"):
                self.paragraph(inner)
        text = self.paragraph_text(p)
        label = self.label(p)
        if text.strip() or label:
            self.lines.append(label + text)
        else:
            self.lines.append("")

    def table(self, tbl) -> None:
        above: dict[int, str] = {}  # column -> text of a vertically merged cell
        for tr in tbl.iterchildren(f"{_W}tr"):
            cells: list[str] = []
            column = 0
            for tc in tr.iterchildren(f"{_W}tc"):
                span_el = tc.find(f"{_W}tcPr/{_W}gridSpan")
                span = int(span_el.get(f"{_W}val")) if span_el is not None else 1
                merge = tc.find(f"{_W}tcPr/{_W}vMerge")
                text = "".join(self.cell_paragraph(p) for p in tc.iter(f"{_W}p")).replace("\t", " ")
                if merge is not None and merge.get(f"{_W}val") in (None, "continue"):
                    text = above.get(column, "")
                else:
                    above[column] = text
                cells.append(text.strip())
                column += span
            self.lines.append("\t".join(cells))

    def cell_paragraph(self, p) -> str:
        return (self.label(p) + self.paragraph_text(p)).replace("\n", "")

    def body(self, body, progress: ProgressCallback, cancelled: CancelCheck) -> None:
        children = list(body)
        for index, child in enumerate(children):
            if index % 200 == 0:
                check_cancelled(cancelled)
                progress(index / max(len(children), 1), "正在读取 Word 文档")
            self.block(child)

    def block(self, child) -> None:
        if child.tag == f"{_W}p":
            self.paragraph(child)
        elif child.tag == f"{_W}tbl":
            self.table(child)
        elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins",
                           f"{_W}smartTag"):
            for inner in child:
                self.block(inner)


def load_docx(path: Path, progress: ProgressCallback = noop, cancelled: CancelCheck = never,
              fmt: str = "docx") -> RawDocument:
    """Read a .docx (or a .doc/.wps already converted to one, reported as ``fmt``)."""
    with open_archive(path, "Word") as archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise LoadError(path, "不是有效的 Word（.docx）文件：缺少正文部分")
        document_xml = read_member(archive, "word/document.xml", path, "Word")
        numbering_xml = (read_member(archive, "word/numbering.xml", path, "Word")
                         if "word/numbering.xml" in names else None)
        styles_xml = read_member(archive, "word/styles.xml", path, "Word") if "word/styles.xml" in names else None
    try:
        root = etree.fromstring(document_xml, parser=_PARSER)
        reader = _Reader(Numbering(numbering_xml), _Styles(styles_xml))
    except etree.XMLSyntaxError as exc:
        raise LoadError(path, "Word 文件内容已损坏（XML 无法解析）") from exc
    body = root.find(f"{_W}body")
    if body is None:
        raise LoadError(path, "Word 文件没有正文")
    reader.body(body, progress, cancelled)
    text = "\n".join(reader.lines).strip("\n")
    if not text.strip():
        raise LoadError(path, "Word 文件没有文字内容（可能是扫描图片，请另存为 PDF 或图片后打开以进行文字识别）")
    progress(1.0, "已读取 Word 文档")
    page = RawPage(1, text, lines_are_paragraphs=True)
    return RawDocument(path=path, format=fmt, pages=[page], page_count=None)
