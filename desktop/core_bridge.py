"""Access to core modules that may not be installed yet, with a clear Chinese message.

The app is built while the core grows; a page whose core piece is missing shows
:class:`FeatureMissing`'s message instead of crashing.
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

from parsing.errors import PolicyDeskError


class FeatureMissing(PolicyDeskError):
    """A core module the feature needs is not present (or lacks the function)."""

    def __init__(self, feature: str, module: str, reason: str = ""):
        self.feature, self.module = feature, module
        detail = f"载入失败（{reason}）" if reason else "尚未安装或版本不符"
        super().__init__(f"“{feature}”功能所需的核心模块（{module}）{detail}，暂不能使用。")


def available(module: str, attribute: str | None = None) -> bool:
    """True when ``module`` (and ``attribute`` in it) can be imported."""
    try:
        if importlib.util.find_spec(module) is None:
            return False
    except ModuleNotFoundError:
        return False
    if attribute is None:
        return True
    try:
        return hasattr(importlib.import_module(module), attribute)
    except ImportError:
        return False


def core(module: str, feature: str, attribute: str | None = None) -> ModuleType:
    """Import ``module`` for ``feature``, or raise :class:`FeatureMissing`."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            raise FeatureMissing(feature, module) from exc
        raise FeatureMissing(feature, module, str(exc)) from exc
    except ImportError as exc:
        raise FeatureMissing(feature, module, str(exc)) from exc
    if attribute is not None and not hasattr(mod, attribute):
        raise FeatureMissing(feature, f"{module}.{attribute}")
    return mod
