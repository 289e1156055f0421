"""Annex PDFs for tests, made here: bookmarks, links, a landscape page, a script, a password."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas


def annex_pdf(
    path: Path,
    pages: int = 3,
    *,
    wide: tuple[int, ...] = (),
    marker: str = "ANNEX",
    bookmarks: bool = True,
    link: str = "https://example.org/annex",
) -> Path:
    """A PDF of ``pages`` pages, each printing "<marker> page N"; pages in ``wide``
    (1-based) are landscape. Page 1 has a web link and a link to the last page; each
    page has a bookmark, the last nested under the first."""
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=A4, invariant=1)
    for number in range(1, pages + 1):
        size = landscape(A4) if number in wide else A4
        canv.setPageSize(size)
        canv.setFont("Helvetica", 28)
        canv.drawString(72, size[1] - 120, f"{marker} page {number}")
        canv.rect(36, 36, size[0] - 72, size[1] - 72)
        canv.bookmarkPage(f"p{number}")
        if bookmarks:
            level = 1 if number == pages and pages > 2 else 0
            canv.addOutlineEntry(f"{marker} bookmark {number}", f"p{number}", level=level)
        if number == 1 and link:
            canv.linkURL(link, (72, size[1] - 200, 300, size[1] - 170))
            canv.drawString(72, size[1] - 195, "web")
        canv.showPage()
    canv.save()
    data = buffer.getvalue()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if pages > 1:  # an internal link on page 1 to the last page
            last = pdf.pages[-1].obj
            annot = pdf.make_indirect(
                pikepdf.Dictionary(
                    Type=pikepdf.Name.Annot,
                    Subtype=pikepdf.Name.Link,
                    Rect=[72, 300, 300, 340],
                    Border=[0, 0, 0],
                    Dest=[last, pikepdf.Name.XYZ, None, 500, None],
                )
            )
            first = pdf.pages[0].obj
            annots = first.get("/Annots", pikepdf.Array())
            annots.append(annot)
            first.Annots = annots
        pdf.save(path, deterministic_id=True)
    return path


def scripted_pdf(path: Path, pages: int = 2, marker: str = "SCRIPTED") -> Path:
    """An annex with a JavaScript open action, a named script, an embedded file, a
    launch link and a form field."""
    annex_pdf(path, pages, marker=marker, link="file:///etc/passwd")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        js = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('hi')"))
        pdf.Root.OpenAction = pdf.make_indirect(js)
        names = pdf.Root.get("/Names", pikepdf.Dictionary())
        names.JavaScript = pikepdf.Dictionary(
            Names=[
                pikepdf.String("x"),
                pdf.make_indirect(
                    pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.beep()"))
                ),
            ]
        )
        pdf.Root.Names = names
        pdf.attachments["secret.txt"] = pikepdf.AttachedFileSpec(pdf, b"SECRET ATTACHMENT")
        launch = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Annot,
                Subtype=pikepdf.Name.Link,
                Rect=[72, 400, 200, 420],
                A=pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("calc.exe")),
            )
        )
        widget = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Annot,
                Subtype=pikepdf.Name.Widget,
                FT=pikepdf.Name.Tx,
                T=pikepdf.String("name"),
                Rect=[72, 450, 200, 470],
            )
        )
        page = pdf.pages[0].obj
        page.Annots.append(launch)
        page.Annots.append(widget)
        page.AA = pikepdf.Dictionary(O=pdf.make_indirect(js))
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=[widget], XFA=pikepdf.String("<xdp/>"))
        pdf.save(path)
    return path


def protected_pdf(path: Path) -> Path:
    """An annex that opens only with a password."""
    annex_pdf(path, 1, marker="LOCKED")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="secret", owner="owner"))
    return path
