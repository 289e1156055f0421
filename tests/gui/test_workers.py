"""The worker mechanism: typed results on the GUI thread, a default error dialog."""

from __future__ import annotations

from typing import Any

import pytest

from briefbook.gui import workers


def test_a_result_arrives_and_a_failure_without_handler_shows_the_error_dialog(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "briefbook.gui.dialogs.errors.show_error",
        lambda parent, title, error: shown.append((title, str(error))),
    )
    results: list[int] = []
    workers.run_task(lambda _progress: 41 + 1, results.append)
    workers.run_task(lambda _progress: 1 // 0, error_title="Could not count the pages")
    assert workers.wait_for_workers()
    qtbot.waitUntil(lambda: bool(results and shown))
    assert results == [42]
    assert shown == [("Could not count the pages", "integer division or modulo by zero")]
