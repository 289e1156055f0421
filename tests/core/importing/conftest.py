"""Importer tests: their helper module sits next to them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))  # for "import import_helpers" under --import-mode=importlib

IMPORT_DATA = HERE.parents[1] / "data" / "import"


@pytest.fixture
def import_data() -> Path:
    """The folder of importer test inputs."""
    return IMPORT_DATA
