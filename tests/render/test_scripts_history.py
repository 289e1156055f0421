"""An export's bytes depend on its own text only, never on what the process shaped before.

ReportLab keeps shaping state on its process-wide font objects (private-use codes for
glyphs without a character, and briefbook's own glyph-to-text map); the app exports many
times in one process, so each render starts from a fresh process's state.
"""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys

from pypdf import PdfReader

from briefbook.core import model as m
from briefbook.render.api import RenderOptions, render_pdf


def _brief(name: str) -> m.Brief:
    return m.Brief(
        meta=m.Meta(title="Talks"), sections=[m.Section("People", [m.TextBlock(f"Thai: {name}")])]
    )


#: Shaped clusters the earlier export learns: SARA AM decomposes into two glyphs, the
#: Devanagari conjuncts and the Arabic joining forms have no character of their own.
EARLIER = "ทำ น้ำ จำ ประยุทธ์ำ  क्षत्रिय श्री  وزير الخارجية"
LATER = "ประยุทธ์ จันทร์โอชา"

FRESH = """
import hashlib, sys
from briefbook.core import model as m
from briefbook.render.api import RenderOptions, render_pdf
brief = m.Brief(meta=m.Meta(title="Talks"),
                sections=[m.Section("People", [m.TextBlock("Thai: " + sys.argv[1])])])
print(hashlib.sha256(render_pdf(brief, RenderOptions(reproducible=True)).pdf).hexdigest())
"""


def test_a_later_export_is_the_same_bytes_as_in_a_fresh_process() -> None:
    render_pdf(_brief(EARLIER), RenderOptions(reproducible=True))
    later = render_pdf(_brief(LATER), RenderOptions(reproducible=True)).pdf
    fresh = subprocess.run(
        [sys.executable, "-c", FRESH, LATER],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.strip()
    assert hashlib.sha256(later).hexdigest() == fresh
    text = PdfReader(io.BytesIO(later)).pages[-1].extract_text()
    assert f"Thai: {LATER}" in text.splitlines()  # SARA AA stays SARA AA
