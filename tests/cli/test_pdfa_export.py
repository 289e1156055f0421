"""``briefbook export --pdfa``: an archival PDF/A-2b, refused with a password; and
``briefbook validate`` warning about a picture without alternative text."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from briefbook.cli import main

EXAMPLE = Path(__file__).parents[2] / "assets" / "templates" / "example.brief.yaml"


def test_pdfa_export_declares_pdfa_2b(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "archive.pdf"
    assert main(["export", str(EXAMPLE), "-o", str(out), "--pdfa"]) == 0
    pdf = pikepdf.open(out)
    assert "/OutputIntents" in pdf.Root and "/StructTreeRoot" in pdf.Root
    with pdf.open_metadata() as meta:
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
    assert b"pdfaExtension" in pdf.Root.Metadata.read_bytes()


def test_pdfa_with_a_password_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "pw.txt"
    secret.write_text("long enough secret\n")
    out = tmp_path / "archive.pdf"
    code = main(["export", str(EXAMPLE), "-o", str(out), "--pdfa", "--password-file", str(secret)])
    err = capsys.readouterr().err.strip()
    assert code == 2 and not out.exists()
    assert len(err.splitlines()) == 1 and "PDF/A" in err and "password" in err


def test_validate_warns_about_a_picture_without_alt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from PIL import Image

    Image.new("RGB", (20, 20)).save(tmp_path / "map.png")
    brief = tmp_path / "b.brief.yaml"
    brief.write_text(
        "briefbook: 1\nmeta:\n  title: T\nsections:\n  - title: Maps\n"
        "    blocks:\n      - image: {path: map.png, caption: The port}\n"
        "      - image: {path: map.png, alt: A map of the port}\n"
    )
    assert main(["validate", str(brief)]) == 0
    err = capsys.readouterr().err
    assert err.count("no 'alt' text") == 1 and "its caption" in err
