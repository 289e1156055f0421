"""How briefbook starts the worker processes of parallel exports.

On Linux a process with one thread (the command line) forks its workers, which
start with the renderer already imported. A process with other threads (the
app, which has Qt's) must not fork; its workers come from a small server
process that has imported the renderer once (``forkserver``), so each starts in
milliseconds. Elsewhere workers are spawned fresh.
"""

from __future__ import annotations

import sys
import threading
from typing import Any

#: What the fork server imports once, before it forks any worker.
PRELOAD = ["briefbook.render.parallel"]


def worker_context(may_fork: bool = True) -> Any:
    """The multiprocessing context for new workers (``may_fork``: when this process
    has a single thread, fork it)."""
    import multiprocessing as mp

    if sys.platform.startswith("linux"):
        if may_fork and threading.active_count() == 1 and "PySide6" not in sys.modules:
            return mp.get_context("fork")
        context = mp.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return mp.get_context("spawn")
