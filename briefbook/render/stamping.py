"""Numbered copies from one layout: the dossier laid out once, each copy stamped.

A copy's stamp ("Copy 3 of 12 – Name") is printed only in the page furniture:
the boxed stamp at the top of the cover and the start of every footer. Both
live in two PDF forms that every page references (see
:mod:`briefbook.render.dossier.pages`), and nothing else on a page depends on
the stamp. So the dossier is laid out once without a stamp, and each copy
replaces the contents of those two forms with the ones a copy laid out alone
would have had. The new forms come from a one-page PDF that ReportLab draws
with the same decorator, theme and fonts (a few milliseconds), so they carry
their own font subsets holding the stamp's glyphs; the pages, the outline,
the metadata and the text of every page are those of the copy laid out alone.

This is the last step before encryption: any other post-processing of the
laid-out file comes before it, once for all copies.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence

import pikepdf
from reportlab.pdfgen.canvas import Canvas

from briefbook.core.model import Brief
from briefbook.core.wording import Wording
from briefbook.errors import RenderError
from briefbook.render.dossier.pagenumbers import PageNumbers
from briefbook.render.dossier.pages import BODY_FORM, COVER_FORM, WIDE_FORMS, PageDecorator
from briefbook.render.dossier.story import running_text
from briefbook.render.options import RenderOptions
from briefbook.render.rlsettings import binary_streams, render_session
from briefbook.render.theme import DEFAULT_THEME, register_fonts

#: The forms that hold everything a copy's stamp changes, as ReportLab names them.
STAMPED_FORMS = tuple(f"/FormXob.{name}" for name in (COVER_FORM, BODY_FORM))
#: The same forms of the landscape pages (annex pages turned sideways), where there are any.
WIDE_STAMPED_FORMS = tuple(f"/FormXob.{WIDE_FORMS}{name}" for name in ("Cover", "Body"))


def furniture_pdf(brief: Brief, options: RenderOptions) -> bytes:
    """A one-page PDF whose resources hold the cover and body furniture forms of a
    dossier rendered with ``options`` (its stamp, edition and page size), and those of
    its landscape pages."""
    theme = DEFAULT_THEME
    page_size = theme.page_size(options.page_size or brief.meta.page_size or "A4")
    register_fonts()
    buffer = io.BytesIO()
    with render_session(), binary_streams():
        canv = Canvas(buffer, pagesize=page_size, invariant=1, initialFontName=theme.fonts.sans)  # type: ignore[arg-type]  # stubs: float
        running = running_text(brief, options, Wording.of(brief.meta))
        numbers = PageNumbers()
        decorator = PageDecorator(theme, running, page_size, numbers)
        decorator.define_furniture(canv)
        wide = PageDecorator(
            theme, running, (page_size[1], page_size[0]), numbers, forms=WIDE_FORMS
        )
        wide.define_furniture(canv)
        for name in (COVER_FORM, BODY_FORM, WIDE_FORMS + "Cover", WIDE_FORMS + "Body"):
            canv.doForm(name)
        canv.showPage()
        canv.save()
    return buffer.getvalue()


class CopyStamper:
    """Stamps copies of one laid-out dossier (laid out with no stamp)."""

    def __init__(self, pdf: bytes, brief: Brief, options: RenderOptions) -> None:
        self.brief = brief
        self.options = options
        self._pdf = pikepdf.open(io.BytesIO(pdf))
        self._forms = _find_forms(self._pdf)

    def stamped(self, stamp: str) -> bytes:
        """The dossier as the copy with ``stamp`` prints it (the same bytes for the same
        stamp and layout)."""
        options = RenderOptions(
            page_size=self.options.page_size, edition=self.options.edition, copy_stamp=stamp
        )
        with pikepdf.open(io.BytesIO(furniture_pdf(self.brief, options))) as source:
            new = source.pages[0].Resources.XObject
            for name, form in self._forms.items():
                _replace_form(self._pdf, form, new[name], source)
            out = io.BytesIO()
            self._pdf.save(out, deterministic_id=True)
        return out.getvalue()

    def close(self) -> None:
        self._pdf.close()

    def __enter__(self) -> CopyStamper:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def stamp_copies(
    pdf: bytes, brief: Brief, options: RenderOptions, stamps: Sequence[str]
) -> Iterator[bytes]:
    """Each copy of a dossier laid out once (with no stamp), in the order of ``stamps``."""
    with CopyStamper(pdf, brief, options) as stamper:
        for stamp in stamps:
            yield stamper.stamped(stamp)


def _find_forms(pdf: pikepdf.Pdf) -> dict[str, pikepdf.Object]:
    """The furniture forms the pages reference, by name (one object each): the portrait
    pages' always, the landscape pages' where there are any."""
    found: dict[str, pikepdf.Object] = {}
    names = STAMPED_FORMS + WIDE_STAMPED_FORMS
    for page in pdf.pages:
        xobjects = page.obj.get("/Resources", pikepdf.Dictionary()).get("/XObject")
        if xobjects is None:
            continue
        for name in names:
            if name in xobjects and name not in found:
                found[name] = xobjects[name]
        if len(found) == len(names):
            break
    if any(name not in found for name in STAMPED_FORMS):
        raise RenderError("the laid-out dossier has no page furniture to stamp the copies on")
    return found


def _replace_form(
    pdf: pikepdf.Pdf, target: pikepdf.Object, source: pikepdf.Object, origin: pikepdf.Pdf
) -> None:
    """Give ``target`` (a form of ``pdf``) the drawing, box and resources of ``source``
    (a form of ``origin``)."""
    target.write(source.read_bytes())  # compressed again as the file is saved
    for key in ("/BBox", "/Matrix", "/Resources"):
        if key in source:
            value = source[key]
            held = value if value.is_indirect else origin.make_indirect(value)
            target[key] = pdf.copy_foreign(held)
