"""GB/T 9704-2012 (党政机关公文格式) .docx writer: the document model, layout profiles, the writer
and a font report.

Public API::

    from drafting.gbt9704 import OfficialDocument, Paragraph, Heading, Table, write_docx
    write_docx(doc, "通知.docx")            # -> Path; profile from doc.profile
    write_docx(doc, "通知.docx", profile="bold-level3")
"""

from drafting.gbt9704.model import (
    Align,
    Attachment,
    Block,
    CellValue,
    Colophon,
    Heading,
    Letterhead,
    OfficialDocument,
    Paragraph,
    Table,
    TableColumn,
    format_cn_date,
    normalize_doc_number,
)
from drafting.gbt9704.writer import write_docx

__all__ = [
    "Align",
    "Attachment",
    "Block",
    "CellValue",
    "Colophon",
    "Heading",
    "Letterhead",
    "OfficialDocument",
    "Paragraph",
    "Table",
    "TableColumn",
    "format_cn_date",
    "normalize_doc_number",
    "write_docx",
]
