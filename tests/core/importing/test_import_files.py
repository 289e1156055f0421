"""Files: .docx built here with python-docx, text encodings, binary garbage, size limits."""

from __future__ import annotations

import codecs
import datetime as dt
import zipfile
from pathlib import Path

import docx
import pytest
from import_helpers import flatten

from briefbook.core.fileformat import dumps, loads
from briefbook.core.importing import (
    MAX_IMPORT_BYTES,
    import_file,
    import_file_report,
    import_text,
)
from briefbook.core.importing.detect import decode_bytes
from briefbook.core.model import (
    BulletsBlock,
    ListItem,
    NumberedBlock,
    RecommendationsBlock,
    ScheduleBlock,
    TableBlock,
    TextBlock,
)
from briefbook.errors import FileAccessError, ImportSourceError

# --- Word ------------------------------------------------------------------------------


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Visit to Italy", 0)
    paragraph = document.add_paragraph("The Secretary General ")
    paragraph.add_run("will travel").bold = True
    paragraph.add_run(" to Rome on ")
    paragraph.add_run("Thursday").italic = True
    both = paragraph.add_run(" now")
    both.bold = both.italic = True
    paragraph.add_run(". Café, €, “quotes”, Кириллица.")
    document.add_heading("Key points", 1)
    document.add_paragraph("Maritime Task Force", style="List Bullet")
    document.add_paragraph("central Mediterranean", style="List Bullet 2")
    document.add_paragraph("Defence spending", style="List Bullet")
    document.add_heading("Steps", 2)
    document.add_paragraph("First step", style="List Number")
    document.add_paragraph("Second step", style="List Number")
    document.add_heading("Schedule", 1)
    document.add_paragraph("Thursday 12 June 2025")
    document.add_paragraph("09:00 Arrival, Ciampino Airport")
    document.add_paragraph("10:15–11:00 Bilateral meeting (closed press)")
    table = document.add_table(rows=4, cols=3)
    cells = [
        ["Initiative", "Objective", "Timeline"],
        ["Joint Naval Exercises", "Readiness", "Q3 2025"],
        ["Cyber", "Resilience", "2026"],
        ["Space", "", ""],
    ]
    for r, row in enumerate(cells):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(3, 1).merge(table.cell(3, 2)).text = "Merged cell"
    document.add_heading("Recommendations", 1)
    document.add_paragraph("Increase exercise frequency (high priority)", style="List Bullet")
    document.add_paragraph("Owner: SHAPE", style="List Bullet 2")
    document.add_paragraph("")
    closing = document.add_paragraph("Closing words.")
    closing.add_run().add_break()
    closing.add_run("The team")
    document.save(str(path))
    return path


def test_docx_headings_lists_tables_and_marks(tmp_path: Path) -> None:
    report = import_file_report(make_docx(tmp_path / "visit.docx"))
    brief = report.brief
    assert report.source_format == "docx"
    assert brief.meta.title == "Visit to Italy"
    assert [s.title for s in brief.sections] == [
        "Overview",
        "Key points",
        "Schedule",
        "Recommendations",
    ]
    assert brief.sections[0].blocks == [
        TextBlock(
            "The Secretary General **will travel** to Rome on *Thursday* ***now***. "
            "Café, €, “quotes”, Кириллица."
        )
    ]
    key = brief.sections[1]
    assert key.blocks == [
        BulletsBlock(
            items=[
                ListItem("Maritime Task Force", [ListItem("central Mediterranean")]),
                ListItem("Defence spending"),
            ]
        )
    ]
    assert key.subsections[0].title == "Steps"
    assert key.subsections[0].blocks == [
        NumberedBlock(items=[ListItem("First step"), ListItem("Second step")])
    ]
    schedule, table = brief.sections[2].blocks
    assert isinstance(schedule, ScheduleBlock)
    assert [(e.date, e.time, e.end, e.title, e.place, e.press) for e in schedule.entries] == [
        (dt.date(2025, 6, 12), dt.time(9), None, "Arrival", "Ciampino Airport", ""),
        (dt.date(2025, 6, 12), dt.time(10, 15), dt.time(11), "Bilateral meeting", "", "closed"),
    ]
    assert table == TableBlock(
        columns=["Initiative", "Objective", "Timeline"],
        rows=[
            ["Joint Naval Exercises", "Readiness", "Q3 2025"],
            ["Cyber", "Resilience", "2026"],
            ["Space", "Merged cell", ""],
        ],
    )
    recs = brief.sections[3].blocks
    assert isinstance(recs[0], RecommendationsBlock)
    assert (recs[0].items[0].text, recs[0].items[0].owner, recs[0].items[0].priority) == (
        "Increase exercise frequency",
        "SHAPE",
        "high",
    )
    assert recs[1] == TextBlock("Closing words.\nThe team")  # a Word line break stays
    assert loads(dumps(brief)) == brief


def _add_hyperlink(paragraph: docx.text.paragraph.Paragraph, url: str, text: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    text_node = OxmlElement("w:t")
    text_node.text = text
    run.append(text_node)
    link.append(run)
    paragraph._p.append(link)


def test_docx_hyperlinks_and_translated_heading_styles(tmp_path: Path) -> None:
    document = docx.Document()
    custom = document.styles.add_style("Titolo personalizzato", 1)  # a paragraph style
    custom.base_style = document.styles["Heading 1"]
    document.add_paragraph("Sezione", style="Titolo personalizzato")
    paragraph = document.add_paragraph("See ")
    _add_hyperlink(paragraph, "https://example.org/visit", "the programme")
    paragraph.add_run(" and ")
    _add_hyperlink(paragraph, "file:///etc/passwd", "this")
    paragraph.add_run(".")
    path = tmp_path / "it.docx"
    document.save(str(path))
    brief = import_file(path)
    assert [s.title for s in brief.sections] == ["Sezione"]
    assert brief.sections[0].blocks == [
        TextBlock("See [the programme](https://example.org/visit) and this.")
    ]


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_bytes(b"This is not a Word document at all.")
    with pytest.raises(ImportSourceError, match="not a Word document"):
        import_file(path)


def test_docx_zip_without_a_document(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ImportSourceError, match=r"no word/document\.xml"):
        import_file(path)


def test_docx_with_broken_xml(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "good.docx")
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    with pytest.raises(ImportSourceError, match="not a readable Word document"):
        import_file(broken)


# --- text files and encodings -------------------------------------------------------------


TEXT = "Visite à Rome\n\nLe café coûte 2 € – «\u00a0cher\u00a0».\n"


@pytest.mark.parametrize(
    "encoded,encoding,fallback",
    [
        (TEXT.encode("utf-8"), "utf-8", False),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", False),
        (TEXT.encode("utf-16"), "utf-16", False),
        (TEXT.encode("utf-16-le"), "utf-16-le", False),
        (TEXT.encode("cp1252"), "cp1252", True),
    ],
)
def test_text_encodings(tmp_path: Path, encoded: bytes, encoding: str, fallback: bool) -> None:
    path = tmp_path / "visit.txt"
    path.write_bytes(encoded)
    report = import_file_report(path)
    assert report.encoding == encoding
    assert report.brief.sections == import_text(TEXT).sections
    # The one heading starts a section, so the file's name names the brief.
    assert report.brief.meta.title == "Visit"
    assert bool(report.warnings) == fallback
    if fallback:
        assert "not UTF-8" in report.warnings[0] and "cp1252" in report.warnings[0]


def test_bytes_undefined_in_cp1252_fall_back_to_latin1() -> None:
    decoded = decode_bytes("Prix: 5 €".encode("cp1252") + b" \x81\x8d")
    assert decoded.encoding == "latin-1" and decoded.fallback
    assert decoded.text.startswith("Prix: 5 ")


def test_invalid_utf8_in_the_middle_of_a_long_file(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(("Heading\nText line.\n" * 1000).encode() + b"Caf\xe9 au lait.\n")
    report = import_file_report(path)
    assert report.encoding == "cp1252"
    assert "Café au lait." in flatten(report.brief)


@pytest.mark.parametrize(
    "data,message",
    [
        (b"\x00\x01\x02\x03binary\x00\xff\xfe" * 50, "NUL bytes"),
        (bytes(range(1, 32)) * 100, "control bytes"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "save it as .docx"),
        (b"PK\x03\x04" + b"\x00" * 100, "ZIP"),
    ],
)
def test_binary_garbage_is_refused_with_a_clear_message(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(data)
    with pytest.raises(ImportSourceError, match=message) as caught:
        import_file(path)
    assert str(path) in str(caught.value)


def test_random_bytes_never_crash(tmp_path: Path) -> None:
    import random

    generator = random.Random(4)
    for index in range(50):
        path = tmp_path / f"random{index}.txt"
        path.write_bytes(bytes(generator.randrange(256) for _ in range(generator.randrange(2000))))
        try:
            brief = import_file(path)
        except ImportSourceError:
            continue
        loads(dumps(brief))


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    report = import_file_report(path)
    assert report.brief.sections == []
    assert report.warnings == ["the file holds no text to import"]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="no such file"):
        import_file(tmp_path / "missing.txt")
    with pytest.raises(FileAccessError, match="folder"):
        import_file(tmp_path)


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_IMPORT_BYTES + 1)  # sparse: no disk space used
    with pytest.raises(ImportSourceError, match="MB"):
        import_file(path)


def test_suffixes_pick_the_reader(tmp_path: Path) -> None:
    text = "# Visit\n\n**Bold** text.\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.html").write_text("<h1>Visit</h1><p><b>Bold</b> text.</p>", encoding="utf-8")
    (tmp_path / "a.notes").write_text(text, encoding="utf-8")
    assert import_file_report(tmp_path / "a.md").source_format == "markdown"
    assert import_file_report(tmp_path / "a.txt").source_format == "text"
    assert import_file_report(tmp_path / "a.html").source_format == "html"
    assert import_file_report(tmp_path / "a.notes").source_format == "markdown"  # detected
    for name in ("a.md", "a.txt", "a.html"):
        assert import_file(tmp_path / name).sections[0].blocks == [TextBlock("**Bold** text.")]


def test_docx_with_another_suffix_is_still_read(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "visit.docx")
    renamed = path.rename(tmp_path / "visit.bin")
    assert import_file(renamed).meta.title == "Visit to Italy"


def test_docx_tracked_changes_and_content_controls(tmp_path: Path) -> None:
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    paragraph = document.add_paragraph("The visit ")
    inserted = parse_xml(
        f'<w:ins {nsdecls("w")} w:id="1" w:author="A"><w:r><w:t '
        'xml:space="preserve">will </w:t></w:r></w:ins>'
    )
    deleted = parse_xml(
        f'<w:del {nsdecls("w")} w:id="2" w:author="A"><w:r><w:delText>may '
        "</w:delText></w:r></w:del>"
    )
    paragraph._p.append(inserted)
    paragraph._p.append(deleted)
    tail = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "go ahead."
    tail.append(text)
    paragraph._p.append(tail)
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    assert import_file(path).sections[0].blocks == [TextBlock("The visit will go ahead.")]
