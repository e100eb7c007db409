"""Errors a user can read: each names the file and what is wrong with it, in Chinese."""

from __future__ import annotations

from pathlib import Path


class PolicyDeskError(Exception):
    """Base of every error the app and CLI show as a one-line message."""


class LoadError(PolicyDeskError):
    """A file could not be read: empty, corrupt, encrypted, too large, unknown encoding…"""

    def __init__(self, path: str | Path, message: str):
        self.path = Path(path)
        self.message = message
        super().__init__(f"{self.path.name}：{message}")
