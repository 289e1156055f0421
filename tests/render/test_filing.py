"""ReportLab's file taken apart into its objects and written again (render/tagging/filing)."""

from __future__ import annotations

import io

import pikepdf
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from briefbook.render.tagging.filing import (
    has_key,
    pdf_name,
    pdf_text,
    read_reportlab,
    refs_of,
    string_at,
    with_entries,
)


def _reportlab_file(uri: str = "https://example.org/a(b)", pages: int = 3) -> bytes:
    buffer = io.BytesIO()
    canv = Canvas(buffer, invariant=1)
    canv.setTitle("Visite à Genève (brouillon)")
    for number in range(pages):
        canv.drawString(72, 720, f"Page {number + 1}")
        canv.linkURL(uri, (72, 700, 200, 720))
        canv.showPage()
    canv.save()
    return buffer.getvalue()


def test_a_file_read_and_written_again_has_the_same_objects() -> None:
    data = _reportlab_file()
    file = read_reportlab(data)
    written = file.write()
    before, after = pikepdf.open(io.BytesIO(data)), pikepdf.open(io.BytesIO(written))
    assert after.pdf_version == "1.7"
    assert len(after.pages) == 3
    assert str(after.docinfo.Title) == "Visite à Genève (brouillon)"
    for old, new in zip(before.pages, after.pages, strict=True):
        assert old.Contents.read_bytes() == new.Contents.read_bytes()
        assert str(new.Annots[0].A.URI) == "https://example.org/a(b)"
    assert after.trailer.ID == before.trailer.ID
    # ReportLab's dictionaries went into object streams; the streams stayed as they were
    assert b"/ObjStm" in written and b"/Type /Catalog" not in written
    assert len(written) < len(data)


def test_objects_added_and_changed_are_in_the_written_file() -> None:
    file = read_reportlab(_reportlab_file())
    extra = file.add(b"<< /Note (added) >>")
    catalog = file.objects[file.root] or b""
    file.objects[file.root] = with_entries(catalog, b"/Extra %d 0 R" % extra)
    stream = file.add_stream(b"<< /Type /Metadata /Subtype /XML >>", b"<x/>")
    pdf = pikepdf.open(io.BytesIO(file.write()))
    assert str(pdf.Root.Extra.Note) == "added"
    assert pdf.get_object((stream, 0)).read_bytes() == b"<x/>"


def test_the_page_tree_and_annotations_are_found_by_their_keys() -> None:
    file = read_reportlab(_reportlab_file(pages=2))
    catalog = file.objects[file.root] or b""
    (pages,) = refs_of(catalog, b"/Pages")
    kids = refs_of(file.objects[pages] or b"", b"/Kids")
    assert len(kids) == 2
    page = file.objects[kids[0]] or b""
    (annot,) = refs_of(page, b"/Annots")
    body = file.objects[annot] or b""
    assert string_at(body, b"/URI") == "https://example.org/a(b)"
    assert has_key(body, b"/Rect") and not has_key(body, b"/F")
    assert not has_key(b"<< /Title (/F 4) >>", b"/F")


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_text_survives_as_a_pdf_string_and_name(text: str) -> None:
    text = text.replace("\x00", "") or "x"
    file = read_reportlab(_reportlab_file(pages=1))
    added = file.add(b"<< /Alt " + pdf_text(text) + b" /Role " + pdf_name(text) + b" >>")
    pdf = pikepdf.open(io.BytesIO(file.write()))
    found = pdf.get_object((added, 0))
    assert str(found.Alt) == text
    assert found.Role == pikepdf.Name("/" + text)


def test_link_strings_decode_escapes_and_pdfdoc_bytes() -> None:
    body = rb"<< /URI (mailto:l\351a\(x\)@example.org) /Contents (\376\377\000A) >>"
    assert string_at(body, b"/URI") == "mailto:léa(x)@example.org"
    assert string_at(body, b"/Contents") == "A"
    assert string_at(body, b"/Missing") is None


def test_hexadecimal_strings_decode_too() -> None:
    body = b"<< /Contents <FEFF00E9> /URI <6d61696c746f3a61> >>"
    assert string_at(body, b"/Contents") == "é"
    assert string_at(body, b"/URI") == "mailto:a"


def test_a_file_pikepdf_saved_without_object_streams_reads_too() -> None:
    saved = io.BytesIO()
    with pikepdf.open(io.BytesIO(_reportlab_file())) as pdf:
        pdf.save(saved, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    file = read_reportlab(saved.getvalue())
    again = pikepdf.open(io.BytesIO(file.write()))
    assert len(again.pages) == 3
    assert str(again.docinfo.Title) == "Visite à Genève (brouillon)"
