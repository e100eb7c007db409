"""Make test documents from the seeds: .txt in several encodings, a .docx whose heading numbers are
Word automatic numbering, a PDF printed from that .docx by LibreOffice, an .ofd.

Used by the loader tests and the benchmarks; nothing here is a fixture with a hard-coded result.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from parsing.numbering import match_heading_number

# (style, separator) -> (lvlText, numFmt)
_FORMATS = {
    ("cn", "、"): ("%1、", "chineseCounting"),
    ("paren_cn", ""): ("（%1）", "chineseCounting"),
    ("arabic", "."): ("%1.", "decimal"),
    ("arabic", "、"): ("%1、", "decimal"),
    ("paren_arabic", ""): ("（%1）", "decimal"),
}


def _set_east_asian_font(run, name: str) -> None:
    run.font.name = name
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


class _NumberingWriter:
    """Adds abstract numbering definitions and list instances to a python-docx document."""

    def __init__(self, document: docx.document.Document):
        self.numbering = document.part.numbering_part.element
        self.abstract_ids: dict[tuple[str, str], int] = {}
        self.next_abstract = 900
        self.next_num = 900

    def abstract(self, key: tuple[str, str]) -> int:
        if key not in self.abstract_ids:
            text, fmt = _FORMATS[key]
            abstract = OxmlElement("w:abstractNum")
            abstract.set(qn("w:abstractNumId"), str(self.next_abstract))
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), "0")
            for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text), ("w:lvlJc", "left")):
                el = OxmlElement(tag)
                el.set(qn("w:val"), value)
                lvl.append(el)
            abstract.append(lvl)
            first_num = self.numbering.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                self.numbering.append(abstract)
            self.abstract_ids[key] = self.next_abstract
            self.next_abstract += 1
        return self.abstract_ids[key]

    def new_list(self, key: tuple[str, str]) -> int:
        """A new list instance starting at 1 (a restart, as Word writes it)."""
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(self.next_num))
        abstract_id = OxmlElement("w:abstractNumId")
        abstract_id.set(qn("w:val"), str(self.abstract(key)))
        num.append(abstract_id)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start = OxmlElement("w:startOverride")
        start.set(qn("w:val"), "1")
        override.append(start)
        num.append(override)
        self.numbering.append(num)
        self.next_num += 1
        return self.next_num - 1


def _attach(paragraph, num_id: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    num_pr.append(ilvl)
    num_pr.append(num)
    ppr.append(num_pr)


def write_numbered_docx(paragraphs: list[str], path: Path) -> Path:
    """A .docx of ``paragraphs`` where every consecutive heading number is Word automatic numbering.

    A number out of sequence (a ``3、`` among ``一、二、``) stays literal text, as it would in a real
    file. Body paragraphs get the 2-character first-line indent of 公文; a title line is set in
    2号 and centred.
    """
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    numbering = _NumberingWriter(document)
    lists: dict[str, tuple[int, int]] = {}  # style -> (num id, last value)
    for text in paragraphs:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        heading = match_heading_number(text)
        body = text
        if heading and heading.style in ("cn", "paren_cn", "arabic", "paren_arabic"):
            sep = text[heading.end - 1] if heading.style in ("cn", "arabic") else ""
            sep = "、" if sep == "、" else ("." if heading.style == "arabic" else sep)
            key = (heading.style, sep if heading.style in ("cn", "arabic") else "")
            current = lists.get(heading.style)
            if heading.value == 1 and key in _FORMATS:
                num_id = numbering.new_list(key)
                lists[heading.style] = (num_id, 1)
                _attach(paragraph, num_id)
                body = text[heading.end:]
            elif current and heading.value == current[1] + 1 and key in _FORMATS:
                lists[heading.style] = (current[0], heading.value)
                _attach(paragraph, current[0])
                body = text[heading.end:]
        elif len(text) > 30:
            paragraph.paragraph_format.first_line_indent = Pt(32)
        is_title = "关于" in text and text.endswith(("通知", "方案", "意见", "要点")) and len(text) <= 80
        if is_title:  # 2号 title, centred, as GB/T 9704 prints it
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(body)
        run.font.size = Pt(22 if is_title else 16)
        _set_east_asian_font(run, "WenQuanYi Micro Hei")
    document.save(path)
    return path


def convert_with_libreoffice(source: Path, fmt: str, out_dir: Path) -> Path:
    """Convert ``source`` to ``fmt`` (pdf, doc…) with a private LibreOffice profile."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise RuntimeError("LibreOffice is not installed; `make test` installs libreoffice-writer")
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                        "--convert-to", fmt, "--outdir", str(out_dir), str(source)],
                       check=True, capture_output=True, timeout=300)
    result = out_dir / f"{source.stem}.{fmt.split(':')[0]}"
    if not result.exists():
        raise RuntimeError(f"LibreOffice did not write {result}")
    return result


def write_ofd(pages: list[list[str]], path: Path) -> Path:
    """A minimal but well-formed OFD: one TextObject per line, lines top to bottom."""
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {ns} Version="1.1">'
                         "<ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        page_refs = "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
        archive.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {ns}>'
                         f"<ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>")
        for i, lines in enumerate(pages):
            objects = []
            for j, line in enumerate(lines):
                # Written right-to-left in the XML to prove the loader orders by position.
                half = len(line) // 2
                for k, (x, part) in enumerate(((20 + half * 5.6, line[half:]), (20.0, line[:half]))):
                    if part:
                        objects.append(f'<ofd:TextObject ID="{i}{j}{k}" Boundary="{x} {30 + j * 10} 150 8" Font="1" Size="5.6">'
                                       f'<ofd:TextCode X="0" Y="6">{part}</ofd:TextCode></ofd:TextObject>')
            archive.writestr(f"Doc_0/Pages/Page_{i}/Content.xml",
                             f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {ns}><ofd:Content><ofd:Layer>'
                             + "".join(objects) + "</ofd:Layer></ofd:Content></ofd:Page>")
    return path


def write_plain_pdf(page_texts: list[str], path: Path) -> Path:
    """A PDF with one line of Latin text per page (Helvetica), written directly: fast for many pages."""
    objects: list[bytes] = []
    n = len(page_texts)
    font_id, pages_id = 3 + 2 * n, 2
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    for i, text in enumerate(page_texts):
        safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream = f"BT /F1 12 Tf 72 720 Td ({safe}) Tj ET".encode()
        objects.append(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842] "
                       f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {4 + 2 * i} 0 R >>".encode())
        objects.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def encrypt_pdf_with_libreoffice(source_docx: Path, out_dir: Path, password: str = "secret") -> Path:
    """A password-protected PDF printed from ``source_docx``."""
    options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
               f'"DocumentOpenPassword":{{"type":"string","value":"{password}"}}}}')
    return convert_with_libreoffice(source_docx, options, out_dir)
