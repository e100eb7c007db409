"""The public OCR API on small scans: image files, multi-page TIFF, PDF pages, cache, cancel."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))  # the scan makers
import pytest
from make_scans import font_for
from PIL import Image, ImageDraw
from rapidfuzz.distance import Levenshtein

from parsing.errors import LoadError
from parsing.locations import user_data_dir
from parsing.ocr import available, ocr_image_file, ocr_pdf_pages, runner
from parsing.progress import Cancelled

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not available(), reason="OCR engine not installed")]

PAGES = [
    ["关于做好汛期安全生产工作的通知", "各乡镇卫生院：请于6月10日前报送自查报告。"],
    ["县卫生健康局办公室", "联系人：王敏，电话：0731-5552468。"],
    ["附件：安全生产检查表", "请各单位认真填写，按时报送。"],
]


def strip(lines: list[str]) -> Image.Image:
    """A small scan of a few lines of 3号 text at 150 dpi."""
    font = font_for(150)
    image = Image.new("RGB", (1000, 60 + 60 * len(lines)), "white")
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((40, 30 + 60 * index), line, font=font, fill="black")
    return image


def squash(text: str) -> str:
    return "".join(text.split())


def assert_reads(text: str, lines: list[str]) -> None:
    expected = squash("".join(lines))
    assert Levenshtein.distance(squash(text), expected) <= 1, text


@pytest.fixture
def tiff(tmp_path):
    path = tmp_path / "scan.tif"
    first, *rest = [strip(lines) for lines in PAGES]
    first.save(path, save_all=True, append_images=rest, compression="tiff_deflate")
    return path


def test_engine_is_available_offline():
    assert available()


def test_png_file_is_read_as_one_ocr_page(tmp_path):
    path = tmp_path / "photo.png"
    strip(PAGES[0]).save(path)
    (page,) = ocr_image_file(path)
    assert page.number == 1 and page.ocr and not page.needs_ocr
    assert_reads(page.text, PAGES[0])
    assert page.text.split("\n")[0] == PAGES[0][0]


def test_multi_page_tiff_gives_every_page_in_order_with_progress(tiff):
    reports: list[float] = []
    pages = ocr_image_file(tiff, progress=lambda fraction, status="": reports.append(fraction))
    assert [page.number for page in pages] == [1, 2, 3]
    for page, lines in zip(pages, PAGES, strict=True):
        assert_reads(page.text, lines)
    assert reports == sorted(reports) and reports[-1] == 1.0 and len(reports) == 4


def test_pdf_pages_are_rendered_and_read(tmp_path):
    path = tmp_path / "scan.pdf"
    first, *rest = [strip(lines) for lines in PAGES]
    first.save(path, "PDF", resolution=150, save_all=True, append_images=rest)
    pages = ocr_pdf_pages(path, [3, 1])
    assert sorted(pages) == [1, 3]
    assert_reads(pages[1].text, PAGES[0])
    assert_reads(pages[3].text, PAGES[2])
    with pytest.raises(LoadError, match="第 5 页"):
        ocr_pdf_pages(path, [5])


def test_second_call_comes_from_the_cache_without_the_engine(tiff, monkeypatch):
    first = ocr_image_file(tiff)
    assert list((user_data_dir() / "ocr-cache").glob("*.json"))

    def engine_must_not_run(*args):
        raise AssertionError("the engine ran although the pages were cached")

    monkeypatch.setattr(runner, "read_page", engine_must_not_run)
    second = ocr_image_file(tiff)
    assert [(p.number, p.text, p.low_confidence) for p in second] == [
        (p.number, p.text, p.low_confidence) for p in first
    ]
    # A copy with the same bytes under another name is the same scan.
    copy = tiff.with_name("copy.tif")
    copy.write_bytes(tiff.read_bytes())
    assert [p.text for p in ocr_image_file(copy)] == [p.text for p in first]


def test_cancel_after_the_first_page_raises_and_keeps_finished_pages(tiff, monkeypatch):
    finished: list[float] = []

    def progress(fraction: float, status: str = "") -> None:
        if fraction > 0:
            finished.append(fraction)

    with pytest.raises(Cancelled):
        ocr_image_file(tiff, progress=progress, cancelled=lambda: bool(finished))
    assert len(finished) < len(PAGES)
    # Pages read before the cancel are cached: a new run only reads the others.
    calls: list[int] = []
    real = runner.read_page

    def counting(*args):
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(runner, "read_page", counting)
    pages = ocr_image_file(tiff)
    assert len(pages) == len(PAGES)
    assert 0 < len(calls) < len(PAGES)


def test_phone_photo_with_exif_turn_uneven_light_and_perspective(tmp_path):
    import cv2
    import numpy as np
    from make_scans import render_pages

    page = render_pages(
        "各乡镇卫生院，县直各医疗卫生单位：\n"
        "为切实做好汛期安全生产工作，请各单位于6月10日前完成隐患自查，"
        "6月15日前将自查报告报送县卫生健康局办公室。",
        150,
    )[0]
    top = page.image.crop((0, 0, page.image.width, page.image.height // 3))
    pixels = np.asarray(top.convert("RGB")).astype(np.float32)
    height, width = pixels.shape[:2]
    rows, columns = np.mgrid[0:height, 0:width]
    pixels *= (1.0 - 0.35 * (columns / width + rows / height) / 2)[..., None]  # light falls off
    corners = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    tilted = np.float32([[40, 20], [width - 10, 0], [width - 50, height - 10], [0, height]])
    pixels = cv2.warpPerspective(pixels.clip(0, 255).astype(np.uint8),
                                 cv2.getPerspectiveTransform(corners, tilted), (width, height),
                                 borderValue=(90, 90, 90))
    # Stored sideways, with the EXIF tag telling viewers to turn it 90 degrees clockwise.
    photo = Image.fromarray(pixels).rotate(90, expand=True)
    exif = photo.getexif()
    exif[0x0112] = 6
    path = tmp_path / "IMG_0412.jpg"
    photo.save(path, quality=85, exif=exif)
    (result,) = ocr_image_file(path)
    expected = squash(page.reference)
    assert Levenshtein.distance(squash(result.text), expected) <= 0.02 * len(expected), result.text


def test_broken_image_is_a_load_error(tmp_path):
    path = tmp_path / "broken.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(LoadError, match="无法读取图片"):
        ocr_image_file(path)
