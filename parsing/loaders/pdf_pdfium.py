"""Characters of a PDF page through pdfium, in the form the line builder reads (``text``, ``x0``,
``x1``, ``top``, ``bottom``, ``size``, ``upright``), about five times faster than pdfminer.

The coordinates follow pdfplumber's (top-left origin, ``top`` one font size above ``bottom``,
``x1`` the end of the advance), so both readers give the same lines. ``bottom`` is the baseline:
pdfminer lowers it by the font descriptor's Descent, which LibreOffice writes as 0 and pdfium does
not report; a shift the same for every character of a font changes no line. A page pdfium cannot
describe the same way — rotated, skewed or mirrored text, a page turned by /Rotate or with a
shifted media box, glyphs without a Unicode mapping, vector paths that may rule a table — is
reported by :func:`read_page` as needing pdfplumber instead."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

_GENERATED_CANDIDATES = {0x20, 0x0D, 0x0A, 0x02}  # characters pdfium may insert itself
_UNMAPPED = {0, 0xFFFD, 0xFFFE, 0xFFFF}


def _object_address_function():
    """FPDFText_GetTextObject returning the bare address: a third cheaper, called per character."""
    try:
        from pypdfium2_raw import bindings

        function = bindings._libs["pdfium"]["FPDFText_GetTextObject"]
    except (ImportError, AttributeError, KeyError):
        return lambda tp, index: (lambda obj: ctypes.addressof(obj.contents) if obj else None)(
            raw.FPDFText_GetTextObject(tp, index))
    function.argtypes = raw.FPDFText_GetTextObject.argtypes
    function.restype = ctypes.c_void_p
    return function


_object_address = _object_address_function()


@dataclass
class PdfiumPage:
    """What the loader needs of one page: its characters, or why pdfplumber must read it."""

    chars: list[dict]
    has_images: bool
    needs_pdfplumber: bool


def open_document(path) -> pdfium.PdfDocument:
    """The pdfium document; raises pdfium's error (bad file, password) for the caller to word."""
    return pdfium.PdfDocument(str(path))


def password_refused(exc: Exception) -> bool:
    """Whether pdfium refused the file for want of a password."""
    return "password" in str(exc).lower()


def valid_xref(document: pdfium.PdfDocument) -> bool:
    """False when pdfium had to rebuild the cross-reference table to open the file."""
    return bool(raw.FPDF_DocumentHasValidCrossReferenceTable(document.raw))


def _objects(handle, count_fn, get_fn, depth: int = 0):
    """Every page object, descending into form XObjects (as pdfminer flattens them)."""
    for index in range(count_fn(handle)):
        obj = get_fn(handle, index)
        kind = raw.FPDFPageObj_GetType(obj)
        yield kind, obj, depth
        if kind == raw.FPDF_PAGEOBJ_FORM and depth < 8:
            yield from _objects(obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, depth + 1)


def _may_rule_a_table(paths: list) -> bool:
    """Vector paths that could form a ruled table: one path of a single segment (a rule under the
    版头) cannot; two or more paths, or one with more segments (a box), can."""
    if len(paths) >= 2:
        return True
    return bool(paths) and raw.FPDFPath_CountSegments(paths[0]) > 2


def read_page(page: pdfium.PdfPage) -> PdfiumPage:
    """The characters of ``page``, or ``needs_pdfplumber`` when only pdfplumber reads it alike."""
    handle = page.raw
    kinds: dict[int, list] = {}
    nested_text: set[int] = set()  # text objects inside a form XObject
    for kind, obj, depth in _objects(handle, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject):
        kinds.setdefault(kind, []).append(obj)
        if depth and kind == raw.FPDF_PAGEOBJ_TEXT:
            nested_text.add(ctypes.addressof(obj.contents))
    has_images = bool(kinds.get(raw.FPDF_PAGEOBJ_IMAGE))
    left, bottom_edge, _, top_edge = page.get_mediabox()
    if (page.get_rotation() or left or bottom_edge or _may_rule_a_table(kinds.get(raw.FPDF_PAGEOBJ_PATH, []))):
        return PdfiumPage([], has_images, True)
    textpage = page.get_textpage()
    try:
        read = _chars(textpage.raw, top_edge)
    finally:
        textpage.close()
    if read is None:
        return PdfiumPage([], has_images, True)
    chars, seen = read
    dropped = [obj for obj in kinds.get(raw.FPDF_PAGEOBJ_TEXT, []) if ctypes.addressof(obj.contents) not in seen]
    if any(ctypes.addressof(obj.contents) in nested_text for obj in dropped):
        return PdfiumPage([], has_images, True)  # a form's own matrix would misplace them
    for obj in dropped:
        spaces = _whitespace_object(obj, chars, top_edge)
        if spaces is None:
            return PdfiumPage([], has_images, True)
        chars += spaces
    return PdfiumPage(chars, has_images, False)


def _whitespace_object(obj, chars: list[dict], top_edge: float) -> list[dict] | None:
    """The spaces of a text object pdfium left out of its text (one holding only whitespace),
    as many as fill the way to the next character on its baseline; None if it is not upright."""
    matrix = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj, matrix)
    if matrix.b or matrix.c or matrix.a <= 0 or matrix.d <= 0:
        return None
    font_size = ctypes.c_float()
    raw.FPDFTextObj_GetFontSize(obj, font_size)
    font = raw.FPDFTextObj_GetFont(obj)
    widths = {}
    for code in (0x20, 0x3000):
        width = ctypes.c_float()
        ok = raw.FPDFFont_GetGlyphWidth(font, code, font_size, width)
        widths[code] = width.value * matrix.a if ok else 0.0
    # A font whose "space" is a full em wide (a CJK font without a half-width one) held U+3000.
    em = font_size.value * matrix.a
    code = 0x3000 if abs(widths[0x3000] - em) < 0.01 and abs(widths[0x20] - em) < 0.01 else 0x20
    step = widths[code]
    if step <= 0:
        return []
    x0, base = matrix.e, top_edge - matrix.f
    size = font_size.value * matrix.d
    after = [c["x0"] for c in chars if abs(c["bottom"] - base) < 0.5 and c["x0"] > x0 + 0.01]
    count = max(1, round((min(after) - x0) / step)) if after else 1
    return [{"text": chr(code), "x0": x0 + k * step, "x1": x0 + (k + 1) * step, "top": base - size,
             "bottom": base, "size": size, "upright": True} for k in range(count)]


def _chars(tp, top_edge: float) -> tuple[list[dict], set[int]] | None:
    """Characters of a text page and the text objects they come from, or None when one of them
    is not plain upright text.

    pdfium keeps one of several spaces in a row; pdfminer keeps every space. The run is put back
    from the geometry: after a real space, spaces one advance wide fill the gap to the next
    character of its object (or to the object's right edge)."""
    count = raw.FPDFText_CountChars(tp)
    if count <= 0:
        return [], set()
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    raw.FPDFText_GetText(tp, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    units = buffer.raw[: count * 2]
    codes = [units[i] | units[i + 1] << 8 for i in range(0, count * 2, 2)]
    x, y = ctypes.c_double(), ctypes.c_double()
    matrix = raw.FS_MATRIX()
    width = ctypes.c_float()
    object_address, origin, is_generated = _object_address, raw.FPDFText_GetCharOrigin, raw.FPDFText_IsGenerated
    objects: dict[int, _TextObject] = {}
    tables: dict[tuple[int, float, float], dict[int, float]] = {}  # (font, size, scale) -> code -> advance
    out: list[dict] = []
    owners: list[int] = []  # text object of each character in ``out``
    current, info, table, size = 0, None, {}, 0.0
    after_space = False
    for index, code in enumerate(codes):
        if 0xD800 <= code <= 0xDFFF:  # outside the BMP: the buffer is not one unit per character
            code = raw.FPDFText_GetUnicode(tp, index)
        address = object_address(tp, index)
        if not address:
            if code in _GENERATED_CANDIDATES and is_generated(tp, index):
                continue
            return None
        if code in _UNMAPPED:
            return None  # pdfminer writes such glyphs as (cid:N)
        if address != current:
            info = objects.get(address)
            if info is None:
                obj = raw.FPDFText_GetTextObject(tp, index)
                raw.FPDFText_GetMatrix(tp, index, matrix)
                if matrix.b or matrix.c or matrix.a <= 0 or matrix.d <= 0:
                    return None
                font_size = raw.FPDFText_GetFontSize(tp, index)
                font = raw.FPDFTextObj_GetFont(obj)
                info = objects[address] = _TextObject(matrix.a, font_size, font_size * matrix.d, font,
                                                      ctypes.addressof(font.contents), obj)
            current, size = address, info.size
            table = tables.setdefault((info.font_key, info.font_size, info.a), {})
        advance = table.get(code)
        if advance is None:
            if not raw.FPDFFont_GetGlyphWidth(info.font, code, ctypes.c_float(info.font_size), width):
                return None
            advance = table[code] = width.value * info.a
        origin(tp, index, x, y)
        x0 = x.value
        base = top_edge - y.value
        char = {"text": chr(code), "x0": x0, "x1": x0 + advance, "top": base - size, "bottom": base,
                "size": size, "upright": True}
        if after_space:
            _restore_spaces(out, owners, char, address, objects)
        after_space = code == 0x20
        out.append(char)
        owners.append(address)
    if out and out[-1]["text"] == " ":  # a run of spaces closing the last object
        _fill_spaces(out, owners, objects[owners[-1]].right())
    return out, set(objects)


class _TextObject:
    """What every character of one text object shares (LibreOffice writes an object every two or
    three characters, so this is made often and cheaply)."""

    __slots__ = ("a", "font", "font_key", "font_size", "obj", "size")

    def __init__(self, a: float, font_size: float, size: float, font, font_key: int, obj) -> None:
        self.a = a  # horizontal scale of the character matrix
        self.font_size = font_size  # the size set in the content stream
        self.size = size  # the printed size (pdfminer's ``size``)
        self.font = font
        self.font_key = font_key  # the font's address: one font, one table of advances
        self.obj = obj

    def right(self) -> float:
        """Right edge of the object's bounds: where its last character starts if that is a space."""
        left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
        raw.FPDFPageObj_GetBounds(self.obj, left, bottom, right, top)
        return right.value


def _spaces_after(space: dict, last_origin: float) -> list[dict]:
    """The spaces pdfium dropped after ``space``, one advance apart, the last starting at
    ``last_origin``."""
    step = space["x1"] - space["x0"]
    if step <= 0:
        return []
    missing = round((last_origin - space["x0"]) / step)
    return [dict(space, x0=space["x0"] + k * step, x1=space["x1"] + k * step) for k in range(1, missing + 1)]


def _fill_spaces(out: list[dict], owners: list[int], last_origin: float) -> None:
    """After a real space closing ``out``: the rest of its run."""
    extra = _spaces_after(out[-1], last_origin)
    out += extra
    owners += [owners[-1]] * len(extra)


def _restore_spaces(out: list[dict], owners: list[int], char: dict, address: int,
                    objects: dict[int, _TextObject]) -> None:
    """Spaces pdfium dropped between the space closing ``out`` and ``char``: up to the next
    character of the same object on the line, else to the end of the space's object (whose
    bounds end where its last character, a space without ink, starts)."""
    last = out[-1]
    if owners[-1] == address and abs(char["bottom"] - last["bottom"]) < 0.5:
        _fill_spaces(out, owners, char["x0"] - (last["x1"] - last["x0"]))
    else:
        _fill_spaces(out, owners, objects[owners[-1]].right())
