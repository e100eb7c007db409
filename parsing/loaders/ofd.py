"""OFD (GB/T 33190, the national e-document format): text from each page's content XML.

An OFD is a zip: ``OFD.xml`` names the document root (``DocBody/DocRoot``), whose
``Document.xml`` lists the pages (``Pages/Page/@BaseLoc``); each page's ``Content.xml`` holds
``TextObject`` elements with a ``Boundary`` ("x y w h" in mm) and ``TextCode`` runs. Text objects
are put in reading order: grouped into lines by their vertical position, left to right in a line.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from lxml import etree

from parsing.document import RawDocument, RawPage
from parsing.errors import LoadError
from parsing.loaders import limits
from parsing.loaders.archive import open_archive, read_member
from parsing.progress import CancelCheck, ProgressCallback, check_cancelled, never, noop

_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=False, no_network=True)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _find(root, name: str):
    return next((el for el in root.iter() if _local(el.tag) == name), None)


def _resolve(base: str, loc: str) -> str:
    loc = loc.strip()
    if loc.startswith("/"):
        return loc.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), loc))


def _page_lines(root) -> list[str]:
    pieces: list[tuple[float, float, float, str]] = []  # (y, x, height, text)
    for obj in root.iter():
        if _local(obj.tag) != "TextObject":
            continue
        try:
            x, y, _w, h = (float(v) for v in (obj.get("Boundary") or "0 0 0 0").split()[:4])
        except ValueError:
            continue
        for code in obj:
            if _local(code.tag) != "TextCode" or not code.text:
                continue
            dx = float(code.get("X") or 0)
            dy = float(code.get("Y") or 0)
            pieces.append((y + dy, x + dx, h or 5.0, code.text))
    pieces.sort()
    lines: list[list[tuple[float, str]]] = []
    last_y = None
    for y, x, height, text in pieces:
        if last_y is None or abs(y - last_y) > height * 0.5:
            lines.append([])
            last_y = y
        lines[-1].append((x, text))
    return ["".join(text for _, text in sorted(line)) for line in lines]


def load_ofd(path: Path, progress: ProgressCallback = noop, cancelled: CancelCheck = never) -> RawDocument:
    """Read the text of every page of an .ofd file."""
    with open_archive(path, "OFD") as archive:
        names = set(archive.namelist())
        if "OFD.xml" not in names:
            raise LoadError(path, "不是有效的 OFD 文件：缺少 OFD.xml")
        try:
            root = etree.fromstring(read_member(archive, "OFD.xml", path, "OFD"), parser=_PARSER)
            doc_root = _find(root, "DocRoot")
            if doc_root is None or not doc_root.text:
                raise LoadError(path, "OFD 文件缺少文档入口（DocRoot）")
            doc_path = _resolve("OFD.xml", doc_root.text)
            document = etree.fromstring(read_member(archive, doc_path, path, "OFD"), parser=_PARSER)
            page_locs = [el.get("BaseLoc") for el in document.iter() if _local(el.tag) == "Page" and el.get("BaseLoc")]
            if len(page_locs) > limits.MAX_PDF_PAGES:
                raise LoadError(path, f"OFD 共 {len(page_locs)} 页，超过可处理的上限 {limits.MAX_PDF_PAGES} 页")
            pages: list[RawPage] = []
            inflated = 0  # pages may all point at one part: the bytes read are bounded, not the parts
            for index, loc in enumerate(page_locs):
                check_cancelled(cancelled)
                progress(index / max(len(page_locs), 1), f"正在读取第 {index + 1}/{len(page_locs)} 页")
                data = read_member(archive, _resolve(doc_path, loc), path, "OFD")
                inflated += len(data)
                if inflated > limits.MAX_ARCHIVE_TOTAL_BYTES:
                    raise LoadError(path, f"OFD 页面内容解压后超过 {limits.MAX_ARCHIVE_TOTAL_BYTES // (1 << 20)} MB 的上限，"
                                          "可能是压缩炸弹，已拒绝打开")
                content = etree.fromstring(data, parser=_PARSER)
                pages.append(RawPage(index + 1, "\n".join(_page_lines(content))))
        except etree.XMLSyntaxError as exc:
            raise LoadError(path, "OFD 文件内容已损坏（XML 无法解析）") from exc
    if not pages:
        raise LoadError(path, "OFD 文件没有页面")
    if not any(page.text.strip() for page in pages):
        raise LoadError(path, "OFD 文件没有可读取的文字（可能是扫描件）")
    progress(1.0, "已读取 OFD")
    return RawDocument(path=path, format="ofd", pages=pages, page_count=len(pages))
