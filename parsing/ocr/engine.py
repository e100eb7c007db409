"""The OCR engine: rapidocr (PP-OCR models bundled in its wheel) on onnxruntime, CPU only.

This is the one module that talks to rapidocr. It exposes three steps on BGR ``numpy`` images —
:func:`detect` (text boxes), :func:`classify_upside_down` (the 0/180 line classifier) and
:func:`recognize` (text and score per crop) — so the caller decides the page orientation once
and skips per-line classification, which flips some lines of clean pages.

Engines are pooled: each worker thread borrows one (:func:`borrowed_engine`), and onnxruntime's
intra-op threads are set so that all workers together use the machine's cores once.
"""

from __future__ import annotations

import contextlib
import os
import queue
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from parsing.errors import PolicyDeskError

# Only the models shipped inside the rapidocr wheel: any other choice downloads at run time.
_PARAMS: dict[str, Any] = {
    "Global.log_level": "error",
    "Global.use_cls": False,
    "Global.text_score": 0.0,
    "Global.max_side_len": 2000,
    # Detection on at most 1024 px (PaddleOCR's classic setting is 960): on an A4 page 3号 body
    # text is still ~20 px high and 小五 table text ~11 px, which the detector finds reliably,
    # and detection (the slow step) runs 2-3 times faster than on a 2000 px page.
    "Det.limit_type": "max",
    "Det.limit_side_len": 1024,
    "EngineConfig.onnxruntime.inter_op_num_threads": 1,
}


class OcrUnavailable(PolicyDeskError):
    """The OCR engine or its bundled models cannot be loaded."""

    def __init__(self, detail: str = ""):
        message = "无法进行文字识别：未找到 OCR 组件（rapidocr / onnxruntime）或其模型文件"
        super().__init__(f"{message}（{detail}）" if detail else message)


@dataclass
class OcrBox:
    """One detected text line: its quadrilateral (4 x 2, clockwise from top left), text, score."""

    quad: np.ndarray
    text: str = ""
    score: float = 0.0

    @property
    def x0(self) -> float:
        return float(self.quad[:, 0].min())

    @property
    def x1(self) -> float:
        return float(self.quad[:, 0].max())

    @property
    def y0(self) -> float:
        return float(self.quad[:, 1].min())

    @property
    def y1(self) -> float:
        return float(self.quad[:, 1].max())

    @property
    def height(self) -> float:
        """Height of the text line itself (short side of the quad), not of its bounding box."""
        left = float(np.linalg.norm(self.quad[3] - self.quad[0]))
        right = float(np.linalg.norm(self.quad[2] - self.quad[1]))
        return (left + right) / 2

    @property
    def width(self) -> float:
        top = float(np.linalg.norm(self.quad[1] - self.quad[0]))
        bottom = float(np.linalg.norm(self.quad[2] - self.quad[3]))
        return (top + bottom) / 2


def cpu_count() -> int:
    """Cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def worker_count() -> int:
    """Pages OCR'd at the same time: one per core, at most four."""
    return max(1, min(4, cpu_count()))


def _models_dir() -> Path:
    import rapidocr

    return Path(rapidocr.__file__).resolve().parent / "models"


def available() -> bool:
    """True when rapidocr, onnxruntime and the bundled models can be used offline."""
    try:
        import onnxruntime  # noqa: F401
        import rapidocr  # noqa: F401
    except ImportError:
        return False
    models = _models_dir()
    return all(any(models.glob(pattern)) for pattern in ("*det*.onnx", "*rec*.onnx", "*cls*.onnx"))


def _new_engine(threads: int):
    try:
        import onnxruntime
        from rapidocr import RapidOCR
    except ImportError as exc:
        raise OcrUnavailable(str(exc)) from exc
    with contextlib.suppress(AttributeError):  # no telemetry: nothing leaves or lands in ~/.cache/Microsoft
        onnxruntime.disable_telemetry_events()
    params = dict(_PARAMS)
    params["EngineConfig.onnxruntime.intra_op_num_threads"] = threads
    try:
        return RapidOCR(params=params)
    except Exception as exc:  # a missing or corrupt model file
        raise OcrUnavailable(str(exc)) from exc


class _EnginePool:
    """Idle engines of this process by onnxruntime thread count; created on first use."""

    def __init__(self) -> None:
        self._idle: dict[int, queue.SimpleQueue] = {}
        self._lock = threading.Lock()

    def _queue(self, threads: int) -> queue.SimpleQueue:
        with self._lock:
            return self._idle.setdefault(threads, queue.SimpleQueue())

    def acquire(self, threads: int):
        with contextlib.suppress(queue.Empty):
            return self._queue(threads).get_nowait()
        return _new_engine(threads)

    def release(self, threads: int, engine) -> None:
        self._queue(threads).put(engine)


_POOL = _EnginePool()


def threads_per_engine(workers: int) -> int:
    """onnxruntime intra-op threads for each of ``workers`` engines running at once."""
    return max(1, cpu_count() // max(1, workers))


@contextlib.contextmanager
def borrowed_engine(threads: int | None = None) -> Iterator[Any]:
    """An engine for this thread's exclusive use while the block runs.

    ``threads``: its onnxruntime intra-op threads (default: the share of one of
    :func:`worker_count` workers).
    """
    threads = threads or threads_per_engine(worker_count())
    engine = _POOL.acquire(threads)
    try:
        yield engine
    finally:
        _POOL.release(threads, engine)


def detect(engine, image: np.ndarray) -> list[OcrBox]:
    """Text line boxes of a BGR image, in the image's coordinates."""
    result = engine(image, use_det=True, use_cls=False, use_rec=False)
    boxes = getattr(result, "boxes", None)
    if boxes is None or len(boxes) == 0:
        return []
    return [OcrBox(np.asarray(quad, dtype=np.float32)) for quad in boxes]


def crop(image: np.ndarray, box: OcrBox) -> np.ndarray:
    """The box's text line cut out and straightened (as rapidocr does)."""
    from rapidocr.utils.process_img import get_rotate_crop_image

    return get_rotate_crop_image(image, box.quad.copy())


def classify_upside_down(engine, crops: Sequence[np.ndarray]) -> list[tuple[bool, float]]:
    """For each crop: (is upside down, classifier confidence)."""
    if not crops:
        return []
    classifier = engine._load_cls_model()  # pinned rapidocr 3.10: the cls step on its own
    output = classifier(list(crops))
    return [(label == "180", float(score)) for label, score in output.cls_res]


def recognize(engine, crops: Sequence[np.ndarray]) -> list[tuple[str, float]]:
    """Text and score of each crop (batched)."""
    if not crops:
        return []
    from rapidocr.ch_ppocr_rec import TextRecInput

    recognizer = engine._load_rec_model()  # pinned rapidocr 3.10: the rec step on its own
    output = recognizer(TextRecInput(img=list(crops)))
    return [(str(text), float(score)) for text, score in zip(output.txts, output.scores, strict=True)]
