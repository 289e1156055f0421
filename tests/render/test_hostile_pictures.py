"""Hostile pictures: files outside the brief's folder, bombs, corrupt and mislabelled images.

Each brief in ``tests/data/hostile/render/`` names one bad picture and says on its
first line (``# expect: ...``) the warning it must give. The PDF still comes out,
with a placeholder where the picture would be, and nothing from outside the
brief's folder is embedded unless the user allowed it.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

import briefbook
from briefbook.core import model as m
from briefbook.core.fileformat import validate
from briefbook.render.api import render_pdf
from briefbook.render.options import RenderOptions
from tests.render.conftest import page_texts

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"
CORPUS = sorted((HOSTILE / "render").glob("*.brief.yaml"))
OUTSIDE = HOSTILE / "outside.png"


def expected_message(path: Path) -> str:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first.startswith("# expect: "), path.name
    return first.removeprefix("# expect: ")


def embedded_images(pdf: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_hostile_picture_gives_a_placeholder_and_a_warning(path: Path) -> None:
    brief = briefbook.load(path)
    result = render_pdf(brief)
    expected = expected_message(path)
    assert any(expected in warning.message for warning in result.warnings), result.warnings
    for warning in result.warnings:
        assert warning.path == path and warning.where  # names the file and the place
    reader = PdfReader(io.BytesIO(result.pdf))
    assert len(reader.pages) == result.page_count
    assert embedded_images(result.pdf) == 0
    if "  logo:" not in path.read_text(encoding="utf-8"):  # a bad logo is simply left out
        assert "Image not available" in " ".join(" ".join(page_texts(reader)).split())


def test_corpus_covers_every_case() -> None:
    assert len(CORPUS) >= 20


@pytest.mark.parametrize(
    "path",
    [p for p in CORPUS if p.name.startswith("outside-") and "file-url" not in p.name],
    ids=lambda p: p.name,
)
def test_validate_reports_pictures_outside_the_folder(path: Path) -> None:
    messages = [str(problem) for problem in validate(path)]
    assert any("is outside the brief's folder" in text for text in messages), messages
    assert all(text.startswith(f"{path}:") for text in messages)


def test_an_inside_picture_is_embedded(tmp_path: Path) -> None:
    brief = briefbook.load(HOSTILE / "render" / "outside-parent.brief.yaml")
    brief.sections[0].blocks[1] = m.ImageBlock("images/ok.png", "Inside")
    result = render_pdf(brief)
    assert result.warnings == [] and embedded_images(result.pdf) == 1


def test_a_picture_the_user_allowed_is_embedded() -> None:
    brief = briefbook.load(HOSTILE / "render" / "outside-parent.brief.yaml")
    allowed = RenderOptions(allowed_images=frozenset({OUTSIDE.resolve()}))
    result = render_pdf(brief, allowed)
    assert result.warnings == [] and embedded_images(result.pdf) == 1
    everything = render_pdf(brief, RenderOptions(allow_outside_images=True))
    assert everything.warnings == [] and embedded_images(everything.pdf) == 1


def test_allowing_one_file_allows_no_other(tmp_path: Path) -> None:
    brief = briefbook.load(HOSTILE / "render" / "outside-parent.brief.yaml")
    other = tmp_path / "other.png"
    other.write_bytes(OUTSIDE.read_bytes())
    result = render_pdf(brief, RenderOptions(allowed_images=frozenset({other.resolve()})))
    assert len(result.warnings) == 1 and embedded_images(result.pdf) == 0


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="POSIX links")
def test_a_link_inside_the_folder_that_points_out_is_outside(tmp_path: Path) -> None:
    folder = tmp_path / "brief"
    (folder / "images").mkdir(parents=True)
    secret = tmp_path / "secret.png"
    secret.write_bytes(OUTSIDE.read_bytes())
    (folder / "images" / "map.png").symlink_to(secret)
    (folder / "images" / "dir").symlink_to(tmp_path)
    brief = m.Brief(
        sections=[
            m.Section(
                "Maps", [m.ImageBlock("images/map.png"), m.ImageBlock("images/dir/secret.png")]
            )
        ]
    )
    brief.source = folder / "visit.brief.yaml"
    result = render_pdf(brief)
    assert [
        w.message.endswith("allow it when exporting if you trust the brief)")
        for w in result.warnings
    ] == [True, True]
    assert embedded_images(result.pdf) == 0


def test_a_brief_without_a_file_keeps_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "map.png").write_bytes(OUTSIDE.read_bytes())
    monkeypatch.chdir(tmp_path)
    brief = m.Brief(
        sections=[m.Section("Maps", [m.ImageBlock("map.png"), m.ImageBlock(str(OUTSIDE))])]
    )
    result = render_pdf(brief)
    assert len(result.warnings) == 1 and "outside" in result.warnings[0].message
    assert embedded_images(result.pdf) == 1


def test_cli_export_reports_outside_pictures_and_can_allow_them(tmp_path: Path) -> None:
    from briefbook.cli import main

    source = HOSTILE / "render" / "outside-parent.brief.yaml"
    refused, allowed = tmp_path / "refused.pdf", tmp_path / "allowed.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "briefbook", "export", str(source), "-o", str(refused)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "outside the brief's folder" in result.stderr
    assert embedded_images(refused.read_bytes()) == 0
    assert main(["export", str(source), "-o", str(allowed), "--allow-outside-images"]) == 0
    assert embedded_images(allowed.read_bytes()) == 1


BOMB = """
import resource, struct, sys, zlib
from pathlib import Path
import PIL.Image
PIL.Image.MAX_IMAGE_PIXELS = None  # even with Pillow's own guard switched off
from briefbook.render.pictures.loading import load_image

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

side = 20000
packer = zlib.compressobj(9)
row = b"\\0" * (side + 1)
body = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
head = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
png = b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", head) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
folder = Path(sys.argv[1])
(folder / "bomb.png").write_bytes(png)
del png, body
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(load_image("bomb.png", folder).reason)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KB is Linux's")
def test_a_decompression_bomb_is_refused_within_bounded_memory(tmp_path: Path) -> None:
    """A real 20000 x 20000 PNG (400 MB of pixels in 400 KB) is refused before decoding."""
    done = subprocess.run(
        [sys.executable, "-c", BOMB, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    reason, grown_kb = done.stdout.split("\n")[:2]
    assert reason.startswith("picture too large")
    assert (tmp_path / "bomb.png").stat().st_size < 2_000_000
    assert int(grown_kb) < 100_000  # decoding it would take 400 MB
