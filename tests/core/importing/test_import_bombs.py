"""Import bombs: big Markdown lists and big Word documents import in bounded memory, with
work per paragraph that does not grow with the document (no timed assertions here)."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefbook.core.importing import import_file, import_text
from briefbook.core.importing import markdown_reader as mr
from briefbook.core.model import BulletsBlock, NumberedBlock
from briefbook.errors import ImportSourceError

ROOT = Path(__file__).parents[3]
IMPORT_DATA = ROOT / "tests" / "data" / "import"
docx = pytest.importorskip("docx")


def peak_mb(code: str) -> float:
    """Peak memory (VmHWM, MB) of a fresh interpreter running ``code``."""
    script = code + (
        "\nimport re\nprint(re.search(r'VmHWM:\\s+(\\d+) kB', "
        "open('/proc/self/status').read()).group(1))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    return int(done.stdout.split()[-1]) / 1024


# --- Markdown ----------------------------------------------------------------------

MARKDOWN_SAMPLES = {
    "briefing.md": (IMPORT_DATA / "briefing.md").read_text(encoding="utf-8"),
    "tight list": "# Points\n" + "".join(f"- point {n}\n  - sub {n}\n" for n in range(300)),
    "numbered": "".join(f"{n}. step {n}\n" for n in range(1, 300)),
    "loose list": "".join(f"- item {n}\n\n" for n in range(300)),
    "fences": "".join(f"para {n}\n\n```\ncode {n}\n\nmore\n```\n\n" for n in range(100)),
    "tables": "".join(f"## T{n}\n\na | b\n---|---\n{n} | x\n\ntext\n\n" for n in range(100)),
}


@pytest.mark.parametrize("name", sorted(MARKDOWN_SAMPLES))
def test_markdown_read_in_small_chunks_reads_as_if_whole(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = MARKDOWN_SAMPLES[name]
    whole = import_text(text, fmt="markdown")
    monkeypatch.setattr(mr, "CHUNK_LINES", 7)
    assert import_text(text, fmt="markdown") == whole


def test_a_long_markdown_list_is_parsed_a_chunk_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    sizes: list[int] = []
    real_parse = mr.MarkdownIt.parse

    def counting(self: mr.MarkdownIt, src: str, env: object = None) -> list:
        sizes.append(src.count("\n") + 1)
        return real_parse(self, src, env)

    monkeypatch.setattr(mr.MarkdownIt, "parse", counting)
    brief = import_text("- item\n" * 20_000, fmt="markdown")
    assert max(sizes) <= mr.CHUNK_LINES + 1 and len(sizes) >= 10
    (block,) = brief.sections[0].blocks
    assert isinstance(block, BulletsBlock) and len(block.items) == 20_000


def test_a_numbered_list_across_chunks_stays_one_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mr, "CHUNK_LINES", 10)
    brief = import_text("".join(f"{n}. step\n" for n in range(1, 101)), fmt="markdown")
    (block,) = brief.sections[0].blocks
    assert isinstance(block, NumberedBlock) and len(block.items) == 100


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/status")
def test_a_one_megabyte_markdown_list_stays_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text("- item\n" * 150_000, encoding="utf-8")
    # Parsed whole this took 377 MB (and 10 MB took 5.8 GB); in chunks about 70 MB.
    assert (
        peak_mb(
            f"from briefbook.core.importing import import_file\n"
            f"assert import_file({str(path)!r}).sections\n"
        )
        < 200
    )


# --- Word ------------------------------------------------------------------------------


def report(paragraphs: int) -> bytes:
    document = docx.Document()
    for number in range(paragraphs):
        if number % 30 == 0:
            document.add_heading(f"Chapter {number // 30}", 1)
        paragraph = document.add_paragraph(
            "Text of the report. " * 5, style="List Bullet" if number % 7 == 0 else None
        )
        paragraph.add_run(" in bold").bold = True
        paragraph.add_run(" in italics").italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_style_look_ups_do_not_grow_with_the_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """python-docx scans every style per look-up; the reader looks each style up once."""
    from docx.styles.styles import Styles

    path = tmp_path / "report.docx"
    path.write_bytes(report(600))
    calls = {"default": 0}
    real_default = Styles.default

    def counting(self: Styles, style_type: object) -> object:
        calls["default"] += 1
        return real_default(self, style_type)

    monkeypatch.setattr(Styles, "default", counting)
    brief = import_file(path)
    assert len(brief.sections) == 20
    assert calls["default"] <= 4  # was two per paragraph and one per run


def test_a_word_document_with_too_much_xml_is_refused_before_parsing(tmp_path: Path) -> None:
    source = zipfile.ZipFile(io.BytesIO(report(1)))
    path = tmp_path / "huge.docx"
    paragraph = b"<w:p><w:r><w:t>Some text of a paragraph in a long report.</w:t></w:r></w:p>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                start = data.index(b"<w:body>") + len(b"<w:body>")
                data = data[:start] + paragraph * 500_000 + data[start:]
            target.writestr(item, data)
    assert path.stat().st_size < 2_000_000
    with pytest.raises(
        ImportSourceError,
        match=r"unpack to \d+ MB of XML; briefbook imports "
        r"Word documents with up to 32 MB",
    ):
        import_file(path)


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/status")
def test_a_200_page_report_imports_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(report(3000))
    assert (
        peak_mb(
            f"from briefbook.core.importing import import_file\n"
            f"assert len(import_file({str(path)!r}).sections) == 100\n"
        )
        < 300
    )


MARKDOWN_LINES = [
    "",
    "",
    "- a",
    "* b",
    "+ c",
    "1. d",
    "2) e",
    "  - nested",
    "  more",
    "para",
    "lazy text",
    "# Head",
    "Title",
    "---",
    "***",
    "* * *",
    "-",
    "> quote",
    "```",
    "~~~",
    "    code",
    "a | b",
    "---|---",
    "1 | 2",
    "<div>",
    "</div>",
    "10. x",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(MARKDOWN_LINES), max_size=60), st.integers(1, 6))
def test_fuzz_markdown_in_chunks_reads_as_if_whole(lines: list[str], chunk: int) -> None:
    text = "\n".join(lines)
    whole = import_text(text, fmt="markdown")
    saved = mr.CHUNK_LINES
    mr.CHUNK_LINES = chunk
    try:
        assert import_text(text, fmt="markdown") == whole
    finally:
        mr.CHUNK_LINES = saved


def test_a_text_file_of_millions_of_lines_is_refused_before_it_is_read(tmp_path: Path) -> None:
    from briefbook.core.importing import MAX_IMPORT_LINES

    path = tmp_path / "list.md"
    path.write_text("- item\n" * (MAX_IMPORT_LINES + 1) + "\n" * 10, encoding="utf-8")
    with pytest.raises(
        ImportSourceError,
        match=f"has {MAX_IMPORT_LINES + 1:,} lines of text; "
        f"briefbook imports at most {MAX_IMPORT_LINES:,}",
    ):
        import_file(path)
