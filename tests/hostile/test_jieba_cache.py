"""jieba's dictionary cache lives in the user's folder: a ``jieba.cache`` planted in the shared
temp folder is never read."""

from __future__ import annotations

import tempfile
from pathlib import Path

from parsing.jieba_cache import jieba_cache_dir, private_tokenizer
from parsing.locations import user_data_dir


def test_the_cache_folder_is_the_users_and_private():
    jieba_cache_dir.cache_clear()
    folder = Path(jieba_cache_dir())
    assert folder.is_relative_to(user_data_dir()) and (folder.stat().st_mode & 0o077) == 0


def test_a_planted_cache_in_tmp_is_not_read(tmp_path, monkeypatch):
    import marshal

    jieba_cache_dir.cache_clear()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    (tmp_path / "jieba.cache").write_bytes(marshal.dumps(({"县卫": 1, "县": 1, "卫": 1}, 3)))
    tokenizer = private_tokenizer()
    words = tokenizer.lcut("县卫生健康局")
    assert words != ["县卫", "生", "健", "康", "局"] and "".join(words) == "县卫生健康局"
    assert (Path(jieba_cache_dir()) / "jieba.cache").is_file()
