"""Pages OCR'd in parallel on the machine's cores, with progress per page, cancel and the cache.

Worker threads each borrow their own engine; onnxruntime releases the GIL while it computes, so
threads use every core without the cost (and the packaging trouble) of extra processes. The
calling thread hands out pages, reports progress and checks for cancel between pages.
"""

from __future__ import annotations

import concurrent.futures as futures
from pathlib import Path

from parsing.document import RawPage
from parsing.ocr.cache import PageCache
from parsing.ocr.engine import threads_per_engine, worker_count
from parsing.ocr.layout import PageText
from parsing.ocr.page_reader import read_page
from parsing.ocr.sources import PageLoader
from parsing.progress import CancelCheck, Cancelled, ProgressCallback


def _read(loader: PageLoader, cancelled: CancelCheck, threads: int) -> PageText | None:
    if cancelled():
        return None
    return read_page(loader(), threads)


def _raw_page(number: int, text: str, spans: list[tuple[int, int]]) -> RawPage:
    return RawPage(number=number, text=text, ocr=True, low_confidence=list(spans))


def ocr_pages(
    path: Path,
    loaders: dict[int, PageLoader],
    progress: ProgressCallback,
    cancelled: CancelCheck,
) -> dict[int, RawPage]:
    """OCR the pages ``loaders`` gives (page number -> image), using and filling the cache."""
    cache = PageCache(path)
    total = len(loaders)
    todo = [number for number in sorted(loaders) if number not in cache.pages]
    done = total - len(todo)
    progress(done / total if total else 1.0, f"文字识别：已完成 {done}/{total} 页")
    if todo:
        if cancelled():
            raise Cancelled("操作已取消")
        workers = min(worker_count(), len(todo))
        threads = threads_per_engine(workers)  # a lone page gets every core
        pool = futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr")
        running: dict[futures.Future, int] = {}
        queue = list(todo)
        try:
            while queue or running:
                while queue and len(running) < workers:
                    number = queue.pop(0)
                    running[pool.submit(_read, loaders[number], cancelled, threads)] = number
                finished, _pending = futures.wait(running, return_when=futures.FIRST_COMPLETED)
                for future in finished:
                    number = running.pop(future)
                    result = future.result()
                    if result is None:
                        continue
                    cache.pages[number] = (result.text, result.low_confidence)
                    cache.save()
                    done += 1
                    progress(done / total, f"文字识别：第 {number} 页完成（{done}/{total}）")
                if cancelled():
                    raise Cancelled("操作已取消")
        finally:
            # On cancel or error, pages already running finish in the background; no new ones start.
            pool.shutdown(wait=False, cancel_futures=True)
    return {number: _raw_page(number, *cache.pages[number]) for number in sorted(loaders)}
