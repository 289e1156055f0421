"""Malformed parts of a Word document: read around when the text survives, otherwise one
clear message naming the file and the paragraph, never a traceback."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from briefbook.cli import main
from briefbook.core.importing import import_file
from briefbook.errors import DocumentContentError

docx = pytest.importorskip("docx")


def made_with_python_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Talks", 1)
    for number in range(3):
        paragraph = document.add_paragraph(f"Paragraph {number} ")
        paragraph.add_run("in bold").bold = True
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Name"
    table.cell(0, 1).text = "Role"
    table.cell(1, 0).text = "Ana"
    table.cell(1, 1).text = "Chair"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def edited(path: Path, change: Callable[[str], str]) -> Path:
    """A python-docx document whose word/document.xml is changed by ``change``."""
    with (
        zipfile.ZipFile(io.BytesIO(made_with_python_docx())) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                before = data.decode("utf-8")
                after = change(before)
                assert after != before, "the edit did not apply"
                data = after.encode("utf-8")
            target.writestr(item, data)
    return path


PICTURE = (
    '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/'
    '2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/'
    'drawingml/2006/main"><a:graphicData><pic:pic xmlns:pic="http://schemas.'
    'openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:embed="rId999"/>'
    "</pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
)


def text_of(path: Path) -> str:
    from briefbook.core.fileformat import dumps

    return dumps(import_file(path))


def test_a_link_whose_relationship_is_missing_keeps_its_text(tmp_path: Path) -> None:
    path = edited(
        tmp_path / "link.docx",
        lambda xml: xml.replace(
            "<w:r>",
            '<w:hyperlink r:id="rId999"><w:r><w:t>the agenda</w:t></w:r></w:hyperlink><w:r>',
            1,
        ),
    )
    text = text_of(path)
    assert "the agenda" in text and "Paragraph 2" in text


def test_a_picture_whose_relationship_is_missing_is_skipped(tmp_path: Path) -> None:
    path = edited(tmp_path / "picture.docx", lambda xml: xml.replace("<w:r>", PICTURE + "<w:r>", 1))
    assert "Paragraph 0" in text_of(path)


def test_a_vertical_merge_in_the_first_row_keeps_the_table(tmp_path: Path) -> None:
    path = edited(
        tmp_path / "merge.docx",
        lambda xml: xml.replace("<w:tc><w:tcPr>", "<w:tc><w:tcPr><w:vMerge/>", 1),
    )
    text = text_of(path)
    assert "Chair" in text and "Name" in text


def test_a_value_outside_the_schema_names_the_file_and_paragraph(tmp_path: Path) -> None:
    path = edited(
        tmp_path / "value.docx",
        lambda xml: xml.replace("<w:b/>", '<w:b w:val="maybe"/>', 2).replace(
            '<w:b w:val="maybe"/>', "<w:b/>", 1
        ),
    )
    with pytest.raises(DocumentContentError) as caught:
        import_file(path)
    assert caught.value.paragraph == 3
    assert str(caught.value).startswith(f"{path}: paragraph 3: cannot be read (")
    assert "'maybe'" in str(caught.value)


def test_the_command_line_prints_one_line_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = edited(
        tmp_path / "value.docx", lambda xml: xml.replace("<w:b/>", '<w:b w:val="maybe"/>', 1)
    )
    assert main(["import", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1
    assert captured.err.startswith(f"briefbook: {path}: paragraph 2: cannot be read")
    assert captured.out == ""


def test_an_unknown_failure_in_any_importer_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefbook.core.importing import docx_reader

    def broken(*_: object) -> None:
        raise IndexError("list index out of range")

    monkeypatch.setattr(docx_reader._Reader, "_table", broken)
    path = edited(tmp_path / "any.docx", lambda xml: xml.replace("Ana", "Anna"))
    with pytest.raises(
        DocumentContentError,
        match=r": the table after paragraph 4: cannot be "
        r"read \(list index out of range\)",
    ):
        import_file(path)
