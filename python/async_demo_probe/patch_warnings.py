"""Python's warnings become ``warning`` events (and are shown as CPython shows them).

``warnings._showwarnmsg`` is the one function both the ``warnings`` module
and the C ``_warnings`` module call to show a warning (3.6+), whatever the
program did to ``warnings.showwarning``. The RuntimeWarning "coroutine '…' was
never awaited" is the runtime's ``never-awaited``; any other warning is kind
``python``. Reported wherever they happen (a coroutine never awaited is often
found only after asyncio.run, when it is garbage collected).
"""

from __future__ import annotations

import threading
import warnings
from typing import Any

from .state import probe, task_id

__all__ = ["install"]


def install() -> None:
    """Report warnings as events, then show them as before."""
    original = warnings._showwarnmsg  # type: ignore[attr-defined]
    loop_thread = threading.get_ident()

    def showwarnmsg(message: Any) -> None:
        writer = probe.writer
        if writer.enabled and threading.get_ident() == loop_thread:
            category = message.category
            text = f"{category.__name__}: {message.message}"
            never_awaited = issubclass(category, RuntimeWarning) and "was never awaited" in str(message.message)
            writer.event(
                {
                    "type": "warning",
                    "kind": "never-awaited" if never_awaited else "python",
                    "task": task_id(probe.current),
                    "text": text,
                }
            )
        original(message)

    warnings._showwarnmsg = showwarnmsg  # type: ignore[attr-defined]
