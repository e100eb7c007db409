"""Files that used to run for minutes or gigabytes are refused early with a message naming the
limit: an OFD amplified to 20 000 pages, a text over the character limit, an image whose
header declares 13000×13000 pixels."""

from __future__ import annotations

import struct
import time
import zipfile
import zlib

import pytest

from parsing.errors import LoadError
from parsing.loaders import limits, load_document

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def amplified_ofd(path, pages: int):
    """Every page points at one small content part: 0.6 MB of zip, thousands of pages."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("OFD.xml", f'<ofd:OFD {NS}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'
                                    "</ofd:DocBody></ofd:OFD>")
        refs = "".join(f'<ofd:Page ID="{i}" BaseLoc="Pages/Page_0/Content.xml"/>' for i in range(pages))
        archive.writestr("Doc_0/Document.xml", f"<ofd:Document {NS}><ofd:Pages>{refs}</ofd:Pages></ofd:Document>")
        archive.writestr("Doc_0/Pages/Page_0/Content.xml",
                         f'<ofd:Page {NS}><ofd:Content><ofd:Layer><ofd:TextObject ID="1" Boundary="20 30 150 8">'
                         '<ofd:TextCode X="0" Y="6">各单位要于3月31日前报送</ofd:TextCode></ofd:TextObject>'
                         "</ofd:Layer></ofd:Content></ofd:Page>")
    return path


def test_an_amplified_ofd_is_refused_by_its_page_count(tmp_path):
    start = time.perf_counter()
    with pytest.raises(LoadError, match=rf"OFD 共 20000 页，超过可处理的上限 {limits.MAX_PDF_PAGES} 页"):
        load_document(amplified_ofd(tmp_path / "放大.ofd", 20_000))
    assert time.perf_counter() - start < 10


def test_text_beyond_the_character_limit_is_refused(tmp_path):
    big = tmp_path / "超长.txt"
    big.write_bytes(("一、标题\n" * 1_000_000).encode("utf-8") * 2)  # 14 MB of headings
    with pytest.raises(LoadError, match="过大"):
        load_document(big)
    many = tmp_path / "字数过多.txt"
    many.write_text("各单位要认真落实。\n" * 230_000, encoding="utf-8")  # 2.3 million characters, 6.2 MB
    with pytest.raises(LoadError, match="万字的上限"):
        load_document(many)


def png_header_only(path, width: int, height: int):
    """A tiny PNG that declares ``width``×``height`` pixels (its pixels are never decoded here)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
                     + chunk(b"IEND", b""))
    return path


def test_an_image_declaring_too_many_pixels_is_refused_before_decoding(tmp_path):
    with pytest.raises(LoadError, match="13000×13000 像素，超过 60 百万像素的上限"):
        load_document(png_header_only(tmp_path / "巨幅.png", 13_000, 13_000))
