"""Bounds that keep a hostile or broken file from hanging the app or eating memory."""

from __future__ import annotations

MAX_FILE_BYTES = 300 * 1024 * 1024  # no notice is larger; bigger files are refused before reading
MAX_TEXT_BYTES = 50 * 1024 * 1024  # a .txt beyond this is not a notice
MAX_ARCHIVE_MEMBER_BYTES = 64 * 1024 * 1024  # one XML part of a .docx/.ofd, uncompressed
MAX_ARCHIVE_TOTAL_BYTES = 256 * 1024 * 1024  # all parts together, uncompressed
MAX_COMPRESSION_RATIO = 200  # deflate rarely beats 100:1 on real XML; bombs reach 1000:1
MAX_PDF_PAGES = 3000  # also the bound for OFD pages
MAX_TEXT_CHARS = 2_000_000  # characters of text in one file (a long notice has 100 000)
MAX_IMAGE_PIXELS = 60_000_000  # an A4 page scanned at 600 dpi is 35 million pixels
CONVERSION_TIMEOUT_S = 180  # LibreOffice converting a .doc/.wps
