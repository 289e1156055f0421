"""Hostile Word files: XML entity tricks and ZIP bombs are refused or defused, in bounded
memory, and nothing is read from the local disk."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from briefbook.core.importing import import_file
from briefbook.errors import ImportSourceError

docx = pytest.importorskip("docx")

BODY = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
)


def with_document_xml(path: Path, document_xml: bytes) -> Path:
    """A real .docx whose word/document.xml is replaced by ``document_xml``."""
    base = io.BytesIO()
    docx.Document().save(base)
    with (
        zipfile.ZipFile(base) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = document_xml
            target.writestr(item.filename, data)
    return path


def imported_text(path: Path) -> str:
    from briefbook.core.fileformat import dumps

    return dumps(import_file(path))


def test_an_external_entity_never_reads_a_local_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM '
        f'"file://{secret}">]>' + BODY.format(text="before &xxe; after")
    ).encode()
    path = with_document_xml(tmp_path / "xxe.docx", xml)
    try:
        text = imported_text(path)
    except ImportSourceError as error:
        assert "TOP-SECRET" not in str(error)
        return
    assert "TOP-SECRET-CONTENT" not in text


def test_billion_laughs_is_not_expanded(tmp_path: Path) -> None:
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>' + BODY.format(text="&a9;")
    ).encode()
    path = with_document_xml(tmp_path / "laughs.docx", xml)
    try:
        text = imported_text(path)
    except ImportSourceError as error:
        assert str(error)
        return
    assert text.count("ha") < 1000  # 10**9 if expanded


def test_a_document_that_unpacks_to_hundreds_of_megabytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with_document_xml(path, BODY.format(text="x").encode())
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/media/padding.bin", "w", force_zip64=True) as padding,
    ):
        block = b"\0" * (1 << 20)
        for _ in range(320):
            padding.write(block)
    assert path.stat().st_size < 2_000_000
    with pytest.raises(ImportSourceError, match=r"unpacks to \d+ MB"):
        import_file(path)


LYING = """
import resource, sys
from pathlib import Path
from briefbook.core.importing import import_file
from briefbook.errors import ImportSourceError
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    import_file(Path(sys.argv[1]))
    print("imported")
except ImportSourceError as error:
    print("refused:", str(error)[:200])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KB is Linux's")
def test_a_zip_that_lies_about_its_sizes_stays_in_bounded_memory(tmp_path: Path) -> None:
    """word/document.xml declares 1 KB but inflates to 200 MB: refused, never inflated whole."""
    path = tmp_path / "liar.docx"
    big = BODY.format(text="x" * 200_000_000).encode()
    with_document_xml(path, big)
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_length = struct.unpack_from("<H", data, start + (26 if offset == 22 else 28))[0]
            name_at = start + (30 if offset == 22 else 46)
            if bytes(data[name_at : name_at + name_length]) == b"word/document.xml":
                struct.pack_into("<I", data, start + offset, 1024)
            start += 4
    path.write_bytes(bytes(data))
    done = subprocess.run(
        [sys.executable, "-c", LYING, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[3],
    )
    outcome, grown_kb = done.stdout.strip().split("\n")[-2:]
    assert outcome.startswith("refused:"), outcome
    assert int(grown_kb) < 150_000, outcome
