"""Valid files the bomb check used to refuse: a .docx holding a large, highly compressible
image (a blank scan as BMP) is a normal document — only the XML parts are inflated."""

from __future__ import annotations

import struct
import zipfile

import docx
import pytest

from parsing.errors import LoadError
from parsing.loaders import limits, load_document


def blank_bmp(path, side: int = 1830) -> None:
    """A white 24-bit BMP of about 10 MB (compresses over 1000:1)."""
    row = side * 3 + (-side * 3) % 4
    pixels = b"\xff" * (row * side)
    header = b"BM" + struct.pack("<IHHI", 54 + len(pixels), 0, 0, 54)
    info = struct.pack("<IiiHHIIiiII", 40, side, side, 1, 24, 0, len(pixels), 2835, 2835, 0, 0)
    path.write_bytes(header + info + pixels)


def test_a_docx_with_a_blank_10_mb_bmp_opens(tmp_path):
    image = tmp_path / "扫描件.bmp"
    blank_bmp(image)
    document = docx.Document()
    document.add_paragraph("关于开展安全生产隐患排查整治的通知")
    document.add_paragraph("各单位要于2025年3月31日前报送自查报告。")
    document.add_picture(str(image))
    path = tmp_path / "带图片的通知.docx"
    document.save(str(path))
    with zipfile.ZipFile(path) as z:
        media = [i for i in z.infolist() if i.filename.startswith("word/media/")]
        assert media and media[0].file_size / media[0].compress_size > limits.MAX_COMPRESSION_RATIO
    loaded = load_document(path)
    assert "报送自查报告" in "\n".join(p.text for p in loaded.pages)


def test_an_xml_part_that_inflates_too_far_is_still_a_bomb(tmp_path):
    path = tmp_path / "炸弹.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>" + " " * (8 << 20) + "</w:document>")
    with pytest.raises(LoadError, match="压缩炸弹"):
        load_document(path)


def test_a_pdf_with_a_damaged_xref_table_is_read_through_pdfium(tmp_path):
    import re
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from builders import write_plain_pdf

    good = write_plain_pdf(["Notice page one", "Page two text"], tmp_path / "good.pdf")
    damaged = tmp_path / "交叉引用表损坏.pdf"  # every offset in the table points 7 bytes off
    damaged.write_bytes(re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(1)) + 7),
                               good.read_bytes()))
    loaded = load_document(damaged)
    assert [p.text for p in loaded.pages] == ["Notice page one", "Page two text"]
    assert any("交叉引用表" in w for w in loaded.warnings)
    truncated = tmp_path / "截断.pdf"
    data = good.read_bytes()
    truncated.write_bytes(data[:data.rindex(b"trailer")] + b"%%EOF\n")
    with pytest.raises(LoadError, match="不是有效的 PDF"):
        load_document(truncated)
