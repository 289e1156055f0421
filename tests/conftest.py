"""Test set-up shared by every test: no display, no real home folder, no network."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Qt must never look for a display, and must read this before it starts.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings, recent files and autosaves go to a throw-away folder, never the user's.
os.environ["BRIEFBOOK_HOME"] = tempfile.mkdtemp(prefix="briefbook-test-home-")
os.environ.pop("SOURCE_DATE_EPOCH", None)

import pytest

from briefbook.core.model import Brief

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    """The folder of test inputs."""
    return DATA


@pytest.fixture
def example_brief() -> Brief:
    """A fresh copy of the bundled example brief."""
    from briefbook.core.templates import new_brief

    return new_brief("example")
