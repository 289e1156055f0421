"""The oracle for restructuring: what briefbook writes must not change by accident.

Every brief in ``tests/data`` and every bundled template that loads is saved again: the
text must be a fixed point (saving what was loaded gives the same bytes twice) and match
its recorded digest. A set of briefs is exported with ``reproducible`` on: the PDF bytes
must match their recorded digests. When output changes on purpose (a new layout, a new
key), record the digests anew and say so in the commit:

    BRIEFBOOK_RECORD_ORACLE=1 python -m pytest -q tests/test_oracle.py
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from briefbook.core.fileformat import load, loads
from briefbook.core.fileformat.writing import dumps
from briefbook.errors import BriefbookError
from briefbook.render.api import RenderOptions, render_pdf

ROOT = Path(__file__).parents[1]
DIGESTS = ROOT / "tests" / "data" / "oracle.json"
RECORD = os.environ.get("BRIEFBOOK_RECORD_ORACLE") == "1"

#: Exported in the PDF half of the oracle: the templates and the test dossiers.
EXPORTED = (
    "assets/templates/example.brief.yaml",
    "assets/templates/visit.brief.yaml",
    "assets/templates/blank.brief.yaml",
    "tests/data/dossier.brief.yaml",
    "tests/data/marked.brief.yaml",
    "tests/data/editions.brief.yaml",
    "tests/data/trip/two-cities.brief.yaml",
    "tests/data/changes/harbour-v3.brief.yaml",
)


def _briefs() -> list[str]:
    found = [
        *sorted((ROOT / "tests" / "data").rglob("*.brief.yaml")),
        *sorted((ROOT / "assets" / "templates").glob("*.brief.yaml")),
    ]
    loadable = []
    for path in found:
        try:
            load(path)
        except BriefbookError:
            continue  # hostile files that are meant to be refused
        loadable.append(path.relative_to(ROOT).as_posix())
    return loadable


def _recorded() -> dict[str, dict[str, str]]:
    if DIGESTS.exists():
        data: dict[str, dict[str, str]] = json.loads(DIGESTS.read_text(encoding="utf-8"))
        return data
    return {"yaml": {}, "pdf": {}}


_RESULTS: dict[str, dict[str, str]] = {"yaml": {}, "pdf": {}}


def _check(kind: str, name: str, digest: str) -> None:
    if RECORD:
        _RESULTS[kind][name] = digest
        merged = _recorded()
        merged[kind][name] = digest
        DIGESTS.write_text(json.dumps(merged, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        return
    expected = _recorded()[kind].get(name)
    assert expected is not None, f"no recorded digest for {name}; record the oracle"
    assert digest == expected, f"{name}: {kind} output changed"


@pytest.mark.parametrize("name", _briefs())
def test_saved_text_is_a_fixed_point_and_unchanged(name: str) -> None:
    path = ROOT / name
    text = dumps(load(path))
    assert dumps(loads(text, path)) == text
    _check("yaml", name, hashlib.sha256(text.encode("utf-8")).hexdigest())


@pytest.mark.parametrize("name", EXPORTED)
def test_reproducible_export_is_unchanged(name: str) -> None:
    brief = load(ROOT / name)
    pdf = render_pdf(brief, RenderOptions(reproducible=True)).pdf
    assert pdf.startswith(b"%PDF-")
    _check("pdf", name, hashlib.sha256(pdf).hexdigest())
