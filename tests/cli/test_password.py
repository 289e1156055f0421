"""Password-protected export: AES-256, opens with the password only, printing allowed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.constants import UserAccessPermissions as Allow

from briefbook.cli import main
from briefbook.errors import BriefbookError
from briefbook.render.api import export_pdf
from briefbook.render.options import RenderOptions
from briefbook.render.protect import encrypt_pdf


def test_cli_export_with_password_file(tmp_path: Path, example_brief) -> None:
    brief = tmp_path / "visit.brief.yaml"
    assert main(["new", str(brief), "-t", "example"]) == 0
    secret = tmp_path / "secret.txt"
    secret.write_text("correct horse battery\n", encoding="utf-8")
    out = tmp_path / "locked.pdf"
    assert main(["export", str(brief), "-o", str(out), "--password-file", str(secret)]) == 0
    reader = PdfReader(out)
    assert reader.is_encrypted
    assert not reader.decrypt("wrong password")
    with pytest.raises(Exception):  # noqa: B017 - pypdf refuses to read an unopened file
        reader.pages[1].extract_text()
    reader = PdfReader(out)
    assert reader.decrypt("correct horse battery")
    assert "Visit to Italy" in reader.pages[0].extract_text()
    assert len(reader.outline) > 3
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)  # AES-256, PDF 2.0 style
    assert encrypt["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
    permissions = reader.user_access_permissions
    assert permissions is not None
    assert Allow.PRINT in permissions
    assert Allow.EXTRACT not in permissions and Allow.MODIFY not in permissions
    assert "correct horse" not in brief.read_text(encoding="utf-8")


def test_short_password_is_refused_and_earlier_pdf_kept(tmp_path: Path, example_brief) -> None:
    out = tmp_path / "b.pdf"
    out.write_bytes(b"%PDF earlier")
    with pytest.raises(BriefbookError, match="at least"):
        export_pdf(example_brief, out, RenderOptions(password="abc"))
    assert out.read_bytes() == b"%PDF earlier"


def test_password_not_in_repr() -> None:
    assert "hunter22" not in repr(RenderOptions(password="hunter22"))


def test_encrypt_keeps_pages(example_brief) -> None:
    from briefbook.render import render_pdf

    plain = render_pdf(example_brief)
    locked = PdfReader(__import__("io").BytesIO(encrypt_pdf(plain.pdf, "sixsix")))
    assert locked.decrypt("sixsix")
    assert len(locked.pages) == plain.page_count
