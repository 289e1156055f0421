"""Layouts in a long-lived worker process, so that the caller's own threads never wait.

A layout is pure Python and C work that holds Python's lock for most of its
time; run in a thread of the app, it delays every keystroke the window handles
meanwhile. :class:`RenderService` keeps one worker process for the app's
lifetime (started on first use) and hands it each layout: the brief (pickled;
it is a tree of plain dataclasses) and the render options go over a pipe, and
the PDF with its report comes back. Only the newest request is wanted: when
the caller says a request is superseded, the worker stops it at its next page
and the answer, if any comes, is dropped. A worker that dies is started again
for the next request; if none can be started, the layout runs in the caller's
process, as before.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import pickle
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from briefbook.core.model import Brief
from briefbook.errors import BriefbookError
from briefbook.render.api import render_pdf
from briefbook.render.options import RenderOptions, RenderResult

#: How often the caller looks for the answer and asks whether it is still wanted (seconds).
POLL_SECONDS = 0.01


class RenderSuperseded(BriefbookError):
    """The caller no longer wanted this layout; it was stopped."""


class RenderService:
    """One worker process that lays dossiers out on request (one request at a time)."""

    def __init__(self) -> None:
        # A fresh interpreter, started once: never forked beside the app's threads, and
        # over plain pipes, with no socket of any kind (not even a local one).
        self._context = mp.get_context("spawn")
        self._process: Any = None
        self._conn: Any = None
        self._answers: Any = None
        self._wanted: Any = None
        self._lock = threading.Lock()
        self._next_id = 0

    def start(self) -> None:
        """Start the worker now (it imports the renderer in the background)."""
        with self._lock:
            self._ensure()

    def _ensure(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        self.close_quietly()
        requests, ask = self._context.Pipe(duplex=False)
        answers, answer = self._context.Pipe(duplex=False)
        self._wanted = self._context.Value("q", 0, lock=False)
        self._process = self._context.Process(
            target=serve,
            args=(requests, answer, self._wanted),
            name="briefbook-render",
            daemon=True,
        )
        self._process.start()
        requests.close()
        answer.close()
        self._conn, self._answers = ask, answers

    def render(
        self, brief: Brief, options: RenderOptions, superseded: Callable[[], bool] = lambda: False
    ) -> RenderResult:
        """Lay ``brief`` out in the worker; raises :class:`RenderSuperseded` as soon as
        ``superseded()`` says so, and the renderer's own errors as they are."""
        with self._lock:
            request = (brief, replace(options, progress=None))
            for attempt in (1, 2):
                try:
                    self._ensure()
                    return self._ask(request, superseded)
                except (EOFError, OSError):  # the worker died: once more with a new one
                    self.close_quietly()
                    if attempt == 2:
                        break
        return render_pdf(brief, options)

    def _ask(
        self, request: tuple[Brief, RenderOptions], superseded: Callable[[], bool]
    ) -> RenderResult:
        self._next_id += 1
        ident = self._next_id
        self._wanted.value = ident
        self._conn.send_bytes(pickle.dumps((ident, *request), pickle.HIGHEST_PROTOCOL))
        while True:
            if superseded():
                self._wanted.value = 0  # the worker stops at its next page
                raise RenderSuperseded("a newer edit is on its way")
            if not self._answers.poll(POLL_SECONDS):
                if not self._process.is_alive():
                    raise EOFError("the render worker stopped")
                continue
            answer, kind, payload = pickle.loads(self._answers.recv_bytes())
            if answer != ident:
                continue  # the answer to a request given up on
            if kind == "error":
                raise payload
            result: RenderResult = payload
            return result

    def close(self) -> None:
        """Stop the worker (at the app's exit)."""
        with self._lock:
            self.close_quietly()

    def close_quietly(self) -> None:
        for conn in (self._conn, self._answers):
            if conn is not None:
                with contextlib.suppress(OSError):
                    conn.close()
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join(2)
        self._process = self._conn = self._answers = None


# --- in the worker process ----------------------------------------------------------------


def serve(requests: Any, answers: Any, wanted: Any) -> None:
    """Answer layout requests until the pipe closes. Whole documents go through one
    :class:`~briefbook.render.reuse.SectionReuse`: after an edit of one section, only
    that section is laid out again."""
    from briefbook.render.reuse import SectionReuse

    reuse = SectionReuse()
    while True:
        try:
            ident, brief, options = pickle.loads(requests.recv_bytes())
        except (EOFError, OSError):
            return

        def check(_done: int, _total: int, ident: int = ident) -> None:
            if wanted.value != ident:
                raise RenderSuperseded("superseded")

        try:
            answer: tuple[int, str, Any] = (
                ident,
                "result",
                reuse.render(brief, replace(options, progress=check)),
            )
        except RenderSuperseded:
            continue
        except Exception as exc:  # sent back to be raised in the app as it was here
            answer = (ident, "error", sendable(exc))
        try:
            answers.send_bytes(pickle.dumps(answer, pickle.HIGHEST_PROTOCOL))
        except (EOFError, OSError):
            return


def sendable(error: Exception) -> Exception:
    """``error`` if it survives pickling, else an error of the same family with its text."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        family = BriefbookError if isinstance(error, BriefbookError) else RuntimeError
        return family(str(error))
    return error


__all__ = ["RenderService", "RenderSuperseded"]
