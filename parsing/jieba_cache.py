"""Where jieba keeps its prefix-dictionary cache: a private folder of the user's, never the
shared temp folder, where anyone could plant a ``jieba.cache`` that changes how units are cut.

A folder that cannot be made (read-only home) gives a fresh private temp folder for this
process: jieba then builds its dictionary once, a second slower, never from a planted file."""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path

from parsing.locations import user_data_dir


@lru_cache(maxsize=1)
def jieba_cache_dir() -> str:
    """``<user data>/cache`` (0700), else a new private temp folder."""
    try:
        folder = Path(user_data_dir()) / "cache"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.access(folder, os.W_OK):
            return str(folder)
    except OSError:
        pass
    return tempfile.mkdtemp(prefix="policydesk-jieba-")


def private_tokenizer():
    """A ``jieba.Tokenizer`` whose cache lives in :func:`jieba_cache_dir`."""
    import jieba

    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = jieba_cache_dir()
    return tokenizer
